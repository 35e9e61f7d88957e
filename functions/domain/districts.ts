// Beijing's districts (GB/T 2260), positions 3–8 of a USCC issued there. Reference data, not a rule.
export const districts = {
  '110101': '东城区',
  '110102': '西城区',
  '110105': '朝阳区',
  '110106': '丰台区',
  '110107': '石景山区',
  '110108': '海淀区',
  '110109': '门头沟区',
  '110111': '房山区',
  '110112': '通州区',
  '110113': '顺义区',
  '110114': '昌平区',
  '110115': '大兴区',
  '110116': '怀柔区',
  '110117': '平谷区',
  '110118': '密云区',
  '110119': '延庆区',
} as const satisfies Record<string, string>;

export type DistrictCode = keyof typeof districts;
export const districtCodes = Object.keys(districts) as DistrictCode[];

export function districtName(code: string): string {
  return (districts as Record<string, string>)[code] ?? '其他地区';
}

/** Accepts a code (110105) or a name (朝阳区 or 朝阳); null when it names no district. */
export function resolveDistrict(input: string): DistrictCode | null {
  const value = input.trim();
  if (value in districts) return value as DistrictCode;
  const byName = districtCodes.find((code) => districts[code] === value || districts[code] === `${value}区`);
  return byName ?? null;
}
