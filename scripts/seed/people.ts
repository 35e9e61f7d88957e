// Natural persons in the demo data. Their ID numbers and phone numbers are fake but shaped like
// real ones (GB 11643 check digit, mainland mobile prefixes), so that the privacy rules of
// DOMAIN.md §8 have something real-looking to catch.
import type { Rng } from './prng.ts';
import { COMPOUND_SURNAMES, GIVEN_NAME_CHARACTERS, ID_AREA_CODES, SURNAME_PINYIN, SURNAMES } from './vocabulary.ts';

export function personName(rng: Rng): string {
  const surname = rng.chance(0.01) ? rng.pick(COMPOUND_SURNAMES) : rng.pick(SURNAMES);
  const given = rng.chance(0.3) ? rng.pick(GIVEN_NAME_CHARACTERS) : rng.pick(GIVEN_NAME_CHARACTERS) + rng.pick(GIVEN_NAME_CHARACTERS);
  return surname + given;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** An 18-character resident ID number with a valid ISO 7064 MOD 11-2 check character. */
export function fakeIdNumber(rng: Rng, birthYear = rng.between(1965, 2002)): string {
  const birth = `${birthYear}${pad(rng.between(1, 12), 2)}${pad(rng.between(1, 28), 2)}`;
  const first17 = `${rng.pick(ID_AREA_CODES)}${birth}${pad(rng.between(1, 999), 3)}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return first17 + ID_CHECK[sum % 11];
}

const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '158',
  '159',
  '176',
  '177',
  '186',
  '187',
  '188',
  '189',
  '199',
];

export function mobileNumber(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + pad(rng.int(100_000_000), 8);
}

/** An applicant with contact details that look real (they must never reach a public page). */
export function applicant(rng: Rng): { name: string; phone: string; email: string } {
  const [surname, pinyin] = rng.pick(SURNAME_PINYIN);
  const given = rng.pick(GIVEN_NAME_CHARACTERS) + rng.pick(GIVEN_NAME_CHARACTERS);
  return { name: surname + given, phone: mobileNumber(rng), email: `${pinyin}${rng.between(10, 99)}@example.com` };
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
