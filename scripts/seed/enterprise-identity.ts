// Who an employer is: code, name, district, address, legal representative, status. Codes and
// names are unique by construction — each enterprise id is mapped through a keyed permutation
// onto a space of code bodies and of (字号, 行业) pairs — so a million of them need no lookup set
// and any one of them can be generated on its own.
import { USCC_ALPHABET, usccCheckCharacter } from '../../functions/domain/uscc.ts';
import { districtName } from '../../functions/domain/districts.ts';
import { createPermutation, createRng, hash32, type Rng } from './prng.ts';
import { personName, pad } from './people.ts';
import { dayNumber, fromDayNumber, randomDate, shiftDays, type DateRange } from './days.ts';
import {
  DISTRICT_WEIGHTS,
  INDUSTRY_WORDS,
  NON_PROFIT_WORDS,
  PUBLIC_INSTITUTION_WORDS,
  SHOP_WORDS,
  STREETS,
  TRADE_NAME_CHARACTERS,
  chineseOrdinal,
  type IndustryWord,
} from './vocabulary.ts';

export type EntityKind = 'company' | 'individual' | 'nonProfit' | 'publicInstitution';
/** The grade an employer is generated towards; the stored grade is computed from its records. */
export type CreditClass = 'A' | 'B' | 'C' | 'none';
export type EnterpriseStatus = 'active' | 'deregistered' | 'revoked';
/** `wrongCheck`: an early code that fails the GB 32100 check (DOMAIN.md §1); `legacy`: a 15-digit 注册号. */
export type CodeKind = 'uscc' | 'wrongCheck' | 'legacy';

export interface EnterpriseDraft {
  id: number;
  kind: EntityKind;
  cls: CreditClass;
  uscc: string;
  codeKind: CodeKind;
  name: string;
  districtCode: string;
  industry: string;
  address: string;
  legalRepresentative: string;
  status: EnterpriseStatus;
  registeredOn: string;
}

/** What a scripted showcase enterprise fixes in advance; everything else is generated as usual. */
export interface IdentityOverride {
  cls: CreditClass;
  status?: EnterpriseStatus;
  /** A fixed name and code, for an employer that editorial content (a typical case) names. */
  named?: { name: string; uscc: string; districtCode: string; industry: string };
}

export interface IdentityContext {
  seed: number;
  today: string;
  gradeYear: number;
  override(id: number): IdentityOverride | undefined;
}

const STREAM_ENTERPRISE = 101;
const STREAM_NAME_SLOTS = 102;
const STREAM_NAMES = 103;
const STREAM_CODE_TAILS = 104;
const STREAM_LEGACY = 105;

/** One in a thousand holds a legacy 注册号 (id 7, 1007 …), one in 100,000 a code that fails the check (15, 100015 …). */
export const isLegacyId = (id: number) => id % 1000 === 7;
export const isWrongCheckId = (id: number) => id % 100_000 === 15;

const PUBLIC_ORDINALS = 60;
const DISTRICT_CODES = DISTRICT_WEIGHTS.map(([code]) => code);

interface NameGroup {
  kind: EntityKind;
  /** Characters of 字号; 0 for 事业单位, which are named by district and ordinal instead. */
  tradeLength: number;
  /** Slots out of every 1000 enterprise ids. */
  perThousand: number;
  words: readonly IndustryWord[];
}

const NAME_GROUPS: readonly NameGroup[] = [
  { kind: 'company', tradeLength: 2, perThousand: 735, words: INDUSTRY_WORDS },
  { kind: 'company', tradeLength: 3, perThousand: 253, words: INDUSTRY_WORDS },
  { kind: 'individual', tradeLength: 2, perThousand: 6, words: SHOP_WORDS },
  { kind: 'nonProfit', tradeLength: 2, perThousand: 4, words: NON_PROFIT_WORDS },
  { kind: 'publicInstitution', tradeLength: 0, perThousand: 2, words: PUBLIC_INSTITUTION_WORDS },
];

const groupSpace = (g: NameGroup) =>
  g.words.length * (g.tradeLength > 0 ? TRADE_NAME_CHARACTERS.length ** g.tradeLength : DISTRICT_CODES.length * PUBLIC_ORDINALS);

/** The most enterprises the name spaces can tell apart (about 2.2 million). */
export const MAX_ENTERPRISES = Math.min(...NAME_GROUPS.map((g) => Math.floor(groupSpace(g) / g.perThousand) * 1000));

interface DecodedName {
  group: NameGroup;
  trade: string;
  word: IndustryWord;
  /** Set for 事业单位, whose district is part of the name. */
  districtCode?: string;
  ordinal?: number;
}

/**
 * Id → (group, index within the group's name space). Ids are dealt to groups by a shuffled
 * table of 1000 slots, so groups interleave at any scale; within a group, consecutive indexes
 * go through a permutation of the group's whole space.
 */
function createNameDecoder(seed: number): (id: number) => DecodedName {
  const shuffle = createPermutation(1000, hash32(seed, STREAM_NAME_SLOTS));
  const slots = Array.from({ length: 1000 }, (_, r) => {
    let s = shuffle(r);
    for (let g = 0; g < NAME_GROUPS.length; g++) {
      if (s < NAME_GROUPS[g]!.perThousand) return { group: g, rank: s };
      s -= NAME_GROUPS[g]!.perThousand;
    }
    throw new Error('name slots do not add up to 1000');
  });
  const permutations = NAME_GROUPS.map((g, k) => createPermutation(groupSpace(g), hash32(seed, STREAM_NAMES, k)));
  const chars = TRADE_NAME_CHARACTERS;

  return (id) => {
    const slot = slots[(id - 1) % 1000]!;
    const group = NAME_GROUPS[slot.group]!;
    let k = permutations[slot.group]!(Math.floor((id - 1) / 1000) * group.perThousand + slot.rank);
    const word = group.words[k % group.words.length]!;
    k = Math.floor(k / group.words.length);
    if (group.tradeLength === 0) {
      return { group, trade: '', word, ordinal: (k % PUBLIC_ORDINALS) + 1, districtCode: DISTRICT_CODES[Math.floor(k / PUBLIC_ORDINALS)]! };
    }
    let trade = '';
    for (let c = 0; c < group.tradeLength; c++) {
      trade += chars[k % chars.length];
      k = Math.floor(k / chars.length);
    }
    return { group, trade, word };
  };
}

const shortDistrict = (code: string) => districtName(code).replace(/区$/, '');

/** Every pattern keeps (字号, 行业) visible, and the patterns differ in shape, so names stay unique. */
function renderName(decoded: DecodedName, districtCode: string, rng: Rng): string {
  const { trade, word } = decoded;
  const district = districtName(districtCode);
  switch (decoded.group.kind) {
    case 'individual':
    case 'nonProfit':
      return `北京市${district}${trade}${word.word}`;
    case 'publicInstitution':
      return `北京市${district}${chineseOrdinal(decoded.ordinal!)}${word.word}`;
    case 'company':
      return rng.weighted<(t: string, w: string) => string>([
        [(t, w) => `北京${t}${w}有限公司`, 62],
        [(t, w) => `北京${t}${w}有限责任公司`, 20],
        [(t, w) => `北京${t}${w}股份有限公司`, 3],
        [(t, w) => `${t}（北京）${w}有限公司`, 9],
        [(t, w) => `北京${t}${w}有限公司${shortDistrict(districtCode)}分公司`, 6],
      ])(trade, word.word);
  }
}

const REGISTRATION_AUTHORITY: Record<EntityKind, string> = { company: '91', individual: '92', nonProfit: '52', publicInstitution: '12' };
/** After the 2015 reform Beijing issued MA…/MJ… bodies; earlier ones carried the old 组织机构代码. */
const NEW_BODY_PREFIX: Record<EntityKind, string> = { company: 'MA0', individual: 'MA0', nonProfit: 'MJ0', publicInstitution: '400' };
const OLD_BODY_PREFIXES = ['101', '102', '551', '633', '700', '726', '745', '768', '795', '802'];
const USCC_ERA = '2015-10-01';

function base31(n: number, width: number): string {
  let out = '';
  for (let k = 0; k < width; k++) {
    out = USCC_ALPHABET[n % 31] + out;
    n = Math.floor(n / 31);
  }
  return out;
}

/** GB/T 17710 (ISO 7064 MOD 11,10), the check digit of the 15-digit 注册号. */
function mod1110Check(digits: string): string {
  let p = 10;
  for (const d of digits) {
    const s = (p + Number(d)) % 10 || 10;
    p = (s * 2) % 11;
  }
  return String((11 - p) % 10);
}

interface CodeFactory {
  uscc(kind: EntityKind, districtCode: string, registeredOn: string, id: number, rng: Rng): string;
  legacy(districtCode: string, id: number): string;
}

function createCodeFactory(seed: number): CodeFactory {
  const tails = createPermutation(31 ** 6, hash32(seed, STREAM_CODE_TAILS));
  const legacySequence = createPermutation(100_000_000, hash32(seed, STREAM_LEGACY));
  return {
    uscc: (kind, districtCode, registeredOn, id, rng) => {
      const prefix = registeredOn >= USCC_ERA || kind === 'publicInstitution' ? NEW_BODY_PREFIX[kind] : rng.pick(OLD_BODY_PREFIXES);
      const first17 = REGISTRATION_AUTHORITY[kind] + districtCode + prefix + base31(tails(id - 1), 6);
      const check = usccCheckCharacter(first17)!;
      if (!isWrongCheckId(id)) return first17 + check;
      return first17 + USCC_ALPHABET[(USCC_ALPHABET.indexOf(check) + 1 + rng.int(30)) % 31];
    },
    legacy: (districtCode, id) => {
      const first14 = districtCode + pad(legacySequence(id - 1), 8);
      return first14 + mod1110Check(first14);
    },
  };
}

function address(districtCode: string, rng: Rng): string {
  const street = `${rng.pick(STREETS[districtCode]!)}${rng.between(1, 199)}号`;
  const floor = rng.between(1, 22);
  const detail = rng.weighted<() => string>([
    [() => '', 25],
    [() => `院${rng.between(1, 12)}号楼${floor}层${floor}${pad(rng.between(1, 30), 2)}`, 35],
    [() => `${floor}层${floor}${pad(rng.between(1, 30), 2)}室`, 30],
    [() => `${rng.between(1, 9)}幢${rng.between(1, 6)}层`, 10],
  ])();
  return `北京市${districtName(districtCode)}${street}${detail}`;
}

const CLASS_WEIGHTS: readonly (readonly [CreditClass, number])[] = [
  ['A', 62],
  ['B', 20],
  ['C', 4],
  ['none', 14],
];

/** Share of each class that is no longer active: C-graded employers are revoked far more often. */
const INACTIVE_WEIGHTS: Record<CreditClass, readonly (readonly [EnterpriseStatus, number])[]> = {
  A: [
    ['active', 98.5],
    ['deregistered', 1.5],
  ],
  B: [
    ['active', 97],
    ['deregistered', 2],
    ['revoked', 1],
  ],
  C: [
    ['active', 90],
    ['deregistered', 4],
    ['revoked', 6],
  ],
  none: [
    ['active', 60],
    ['deregistered', 24],
    ['revoked', 16],
  ],
};

/** Older registrations are rarer: the density grows linearly towards `to`. */
function registrationDate(rng: Rng, range: DateRange): string {
  const from = dayNumber(range.from);
  const span = dayNumber(range.to) - from;
  return fromDayNumber(from + Math.floor(Math.sqrt(rng.next()) * span));
}

export type EnterpriseDescriber = (id: number) => EnterpriseDraft;

/**
 * The newest registration in the demo: newcomers (the ungraded active employers) register from the
 * middle of the assessment year up to this date, every other employer before the assessment year.
 */
export const latestRegistration = (today: string) => shiftDays(today, -60);

export function createEnterpriseDescriber(ctx: IdentityContext): EnterpriseDescriber {
  const decodeName = createNameDecoder(ctx.seed);
  const codes = createCodeFactory(ctx.seed);
  const assessedFrom = `${ctx.gradeYear}-01-01`;

  return (id) => {
    const rng = createRng(ctx.seed, STREAM_ENTERPRISE, id);
    const decoded = decodeName(id);
    const override = ctx.override(id);
    const cls = override?.cls ?? rng.weighted(CLASS_WEIGHTS);
    let status = override?.status ?? rng.weighted(INACTIVE_WEIGHTS[cls]);
    // "Not assessed": either too young for the assessment year, or no longer operating.
    const newcomer = cls === 'none' && status === 'active';
    const legacy = isLegacyId(id);
    const registeredOn = legacy
      ? randomDate(rng, { from: '1995-01-01', to: '2013-12-31' })!
      : newcomer
        ? randomDate(rng, { from: `${ctx.gradeYear}-07-01`, to: latestRegistration(ctx.today) })!
        : registrationDate(rng, { from: '1998-01-01', to: fromDayNumber(dayNumber(assessedFrom) - 1) });
    if (legacy && status === 'active' && rng.chance(0.5)) status = 'revoked';
    const districtCode = override?.named?.districtCode ?? decoded.districtCode ?? rng.weighted(DISTRICT_WEIGHTS);
    const uscc = legacy ? codes.legacy(districtCode, id) : codes.uscc(decoded.group.kind, districtCode, registeredOn, id, rng);
    const name = renderName(decoded, districtCode, rng);
    return {
      id,
      kind: override?.named ? 'company' : decoded.group.kind,
      cls,
      uscc: override?.named?.uscc ?? uscc,
      codeKind: legacy ? 'legacy' : isWrongCheckId(id) ? 'wrongCheck' : 'uscc',
      name: override?.named?.name ?? name,
      districtCode,
      industry: override?.named?.industry ?? decoded.word.industry,
      address: address(districtCode, rng),
      legalRepresentative: personName(rng),
      status,
      registeredOn,
    };
  };
}
