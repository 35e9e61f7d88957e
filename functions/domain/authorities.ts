// The bureaus that decide and publish: the municipal bureau and one per district, as
// content/lists/authorities.yaml describes them. Reference data, not a rule; a 29号令 publication
// and a decision name their bureau by these names.
import { districtCodes, districtName } from './districts';

/** The municipal bureau's own division code, in place of a district's. */
export const MUNICIPAL_CODE = '110000';
export const MUNICIPAL_BUREAU = '北京市人力资源和社会保障局';
export const districtBureau = (code: string) => `北京市${districtName(code)}人力资源和社会保障局`;

export interface Bureau {
  /** 110000 for the municipal bureau, the district's code otherwise. */
  code: string;
  name: string;
}

export const bureaus: readonly Bureau[] = [
  { code: MUNICIPAL_CODE, name: MUNICIPAL_BUREAU },
  ...districtCodes.map((code) => ({ code, name: districtBureau(code) })),
];

export const bureauByCode = (code: string): Bureau | null => bureaus.find((b) => b.code === code) ?? null;
export const bureauByName = (name: string): Bureau | null => bureaus.find((b) => b.name === name) ?? null;
