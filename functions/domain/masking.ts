// Privacy on everything the public sees, DOMAIN.md §8: "Never published: natural persons' ID
// numbers, phone numbers, home addresses, bank accounts, health data; names of natural persons
// other than the responsible person (masked as 张某某); anything about minors." Every rule here
// errs on the side of hiding: a masked order number is a nuisance, a published ID number is harm.
import { parseUscc } from './uscc';

/** What replaces a removed identifier, so a reader sees that something was there. */
export const MASK = '[已隐去]';

/**
 * Two-character surnames, so that 欧阳娜娜 becomes 欧阳某某, not 欧某某. Deliberately without
 * pairs such as 单于 or 钟离 whose first character is a common surname on its own (单, 钟).
 */
export const COMPOUND_SURNAMES: ReadonlySet<string> = new Set([
  '欧阳',
  '司马',
  '诸葛',
  '上官',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '令狐',
  '端木',
  '南宫',
  '西门',
  '独孤',
  '轩辕',
  '呼延',
  '申屠',
  '司空',
  '澹台',
  '公冶',
  '万俟',
  '闻人',
  '赫连',
  '拓跋',
]);

const HAN = /^\p{Script=Han}$/u;

/** 张三 → 张某某, 欧阳娜娜 → 欧阳某某 (DOMAIN.md §8). A name without a Chinese surname becomes 某某. */
export function maskPersonName(name: string): string {
  const chars = Array.from(name.replace(/\s+/gu, ''));
  if (chars.length === 0) return '';
  if (chars.every((c) => c === '某') || !HAN.test(chars[0]!)) return '某某';
  const compound = chars.length >= 3 ? chars[0]! + chars[1]! : '';
  return `${COMPOUND_SURNAMES.has(compound) ? compound : chars[0]!}某某`;
}

const EMAIL = /[A-Za-z0-9._%+-]+[@＠][A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
/** 18-character tokens that may be a 统一社会信用代码; the check character is not required (§1: some early codes fail it). */
const USCC_LIKE = /^[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}$/;
/** A resident ID number's own structure: division, birth date, sequence, check (GB 11643). */
const ID_STRUCTURE = /^[1-8]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dX]$/;

/**
 * A USCC must survive masking although its digits look like other identifiers. "17 digits + X"
 * is both a possible USCC and an ID number ending in X; when it has an ID number's structure
 * it is treated as one, since hiding a code costs less than publishing an ID.
 */
function isProtectedCode(token: string): boolean {
  const upper = token.toUpperCase();
  return token.length === 18 && USCC_LIKE.test(upper) && /[A-Z]/.test(upper) && !ID_STRUCTURE.test(upper);
}

const ID_WITH_X = /\d{17}[Xx]/g;
const ID_GROUPED = /\d{6}[ -]\d{8}[ -]\d{3}[\dXx]/g;
// The tail group only takes 1–3 digits that end there, so a year after the card (… 7890 2026年) is not half eaten.
const CARD_GROUPED = /\d{4}(?:[ -]\d{4}){3}(?:[ -]?\d{1,3}(?!\d))?/g;
/** Taken before digit runs are looked at, so that the country code goes with the number. */
const MOBILE_WITH_COUNTRY_CODE = /(?:\+|(?<!\d)00)\s?86[ -]?1[3-9]\d[ -]?\d{4}[ -]?\d{4}/g;
const MOBILE = /(?:(?:\+|00)\s?86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}/g;
const LANDLINE = /(?:(?:\+|00)\s?86[ -]?)?(?:\(0\d{2,3}\)[ -]?|（0\d{2,3}）|0\d{2,3}[ -])\d{7,8}(?:(?:-|转|ext\.?)\d{1,6})?/g;
const MOBILE_INSIDE = /1[3-9]\d{9}/;

/**
 * A run of digits is hidden whole when it is long enough to be an ID number (15 or 18), a bank
 * card (16–19) or longer, when it contains a mobile number, or when it is a landline with its
 * area code written without a separator. Hiding the whole run, not the matching part, keeps the
 * remains from forming a new match.
 */
function maskDigitRun(run: string): string {
  if (run.length >= 15) return MASK;
  if (MOBILE_INSIDE.test(run)) return MASK;
  if (run.startsWith('0') && run.length >= 10) return MASK;
  return run;
}

export interface MaskTextOptions {
  /** Names of natural persons to replace by 张某某 wherever they occur. */
  names?: readonly string[];
  /** Names that stay (the legal representative, the responsible persons); they win over `names`. */
  keepNames?: readonly string[];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function namePattern(names: readonly string[], keep: readonly string[]): RegExp | null {
  // Single characters would hit ordinary words (张 in 扩张), so only names of 2+ characters are searched.
  const all = [...new Set([...names, ...keep].map((n) => n.trim()))].filter((n) => Array.from(n).length >= 2);
  if (all.length === 0) return null;
  // Longest first, so a kept 王小明 is not eaten by a masked 王小.
  all.sort((a, b) => b.length - a.length);
  return new RegExp(all.map(escapeRegExp).join('|'), 'g');
}

function maskPlain(segment: string, names: RegExp | null, keep: ReadonlySet<string>): string {
  let out = segment
    .replace(ID_WITH_X, MASK)
    .replace(MOBILE_WITH_COUNTRY_CODE, MASK)
    .replace(/\d+/g, maskDigitRun)
    .replace(ID_GROUPED, MASK)
    .replace(CARD_GROUPED, MASK)
    .replace(MOBILE, MASK)
    .replace(LANDLINE, MASK);
  if (names) out = out.replace(names, (m) => (keep.has(m) ? m : maskPersonName(m)));
  return out;
}

/**
 * Removes from free text: ID numbers (18 digits or 17 + X, and the old 15 digits), mainland
 * mobile numbers (with or without +86, spaces, hyphens), landlines with an area code, e-mail
 * addresses and bank card numbers; and replaces the given names of natural persons by 张某某.
 * Leaves alone: 统一社会信用代码 (18 characters with letters), decision numbers such as
 * 京朝人社监罚字〔2026〕12号, dates and money amounts.
 */
export function maskText(text: string, options: MaskTextOptions = {}): string {
  const keep = new Set((options.keepNames ?? []).map((n) => n.trim()));
  const names = namePattern(options.names ?? [], [...keep]);
  // E-mail first: an address may contain what looks like a code, and must go as a whole.
  const withoutEmail = text.replace(EMAIL, MASK);
  let out = '';
  let last = 0;
  for (const m of withoutEmail.matchAll(/[0-9A-Za-z]+/g)) {
    if (!isProtectedCode(m[0])) continue;
    out += maskPlain(withoutEmail.slice(last, m.index), names, keep) + m[0];
    last = m.index + m[0].length;
  }
  return out + maskPlain(withoutEmail.slice(last), names, keep);
}

// ---------------------------------------------------------------------------------------------
// Structured record details. Field names decide what a value is; the lists are closed on
// purpose, so an unknown field gets the free-text treatment (maskText), never less.

const normaliseKey = (key: string) => key.toLowerCase().replace(/[\s_-]/g, '');

/** "anything about minors": the whole value goes. */
const MINOR_KEYS = new Set([
  'minor',
  'minors',
  'child',
  'children',
  'childlabour',
  'childlabor',
  'childworkers',
  '童工',
  '未成年人',
  '未成年工',
]);

/** Identifiers of natural persons, hidden whatever they look like (a half-typed ID is still an ID). */
const SENSITIVE_KEYS = new Set([
  'id',
  'idno',
  'idnumber',
  'idcard',
  'idcardno',
  'identitycard',
  'identitynumber',
  'citizenid',
  '身份证',
  '身份证号',
  '身份证号码',
  '公民身份号码',
  '证件号码',
  'phone',
  'phones',
  'phonenumber',
  'mobile',
  'mobilephone',
  'tel',
  'telephone',
  'contactphone',
  '电话',
  '手机',
  '手机号',
  '手机号码',
  '联系电话',
  '联系方式',
  'email',
  'mail',
  '邮箱',
  '电子邮箱',
  'homeaddress',
  'residence',
  'domicile',
  'householdaddress',
  '住址',
  '家庭住址',
  '户籍地址',
  '居住地址',
  '家庭地址',
  'bankaccount',
  'bankcard',
  'bankcardno',
  'accountno',
  'cardno',
  '银行账号',
  '银行卡号',
  '银行账户',
  'health',
  'healthstatus',
  'medical',
  'diagnosis',
  'illness',
  '健康状况',
  '病情',
  '诊断',
]);

/** 法定代表人/主要负责人/直接责任人员: published by law (DOMAIN.md §6, §8 "the responsible person"). */
const RESPONSIBLE_KEYS = new Set([
  'legalrepresentative',
  'legalrep',
  'legalperson',
  'responsibleperson',
  'responsiblepersons',
  'personincharge',
  'principal',
  'principals',
  'directlyresponsible',
  'directlyresponsiblepersons',
  '法定代表人',
  '主要负责人',
  '负责人',
  '直接责任人员',
  '法定代表人或负责人',
]);

/** Fields that hold natural persons other than the responsible ones. */
const PERSON_KEYS = new Set([
  'person',
  'persons',
  'people',
  'worker',
  'workers',
  'employee',
  'employees',
  'staff',
  'labourer',
  'labourers',
  'laborer',
  'laborers',
  'complainant',
  'complainants',
  'claimant',
  'claimants',
  'victim',
  'victims',
  'witness',
  'witnesses',
  'contact',
  'contacts',
  'contactperson',
  'individual',
  'individuals',
  'workername',
  'workernames',
  'employeename',
  'employeenames',
  'personname',
  'personnames',
  'applicant',
  'applicantname',
  '劳动者',
  '职工',
  '员工',
  '工人',
  '农民工',
  '人员',
  '投诉人',
  '举报人',
  '申请人',
  '姓名',
  '劳动者姓名',
]);

/** Inside a person object, the fields that carry the name itself. */
const NAME_KEYS = new Set(['name', 'names', 'fullname', '姓名', '名字']);

const PERSONAL_ADDRESS_KEYS = new Set(['address', 'addr', '地址', '住所']);

/** Codes stay even when all digits (an all-digit USCC, a 15-digit 注册号 would otherwise look like an ID). */
const CODE_KEYS = new Set(['uscc', 'creditcode', 'unifiedsocialcreditcode', 'registrationno', '统一社会信用代码', '注册号']);

type Context = 'plain' | 'person' | 'responsible';

const NAME_SEPARATORS = /[、，,；;\/／\s]+/u;
const isNameLike = (s: string) => /^[\p{Script=Han}·•]{1,10}$/u.test(s) || /^[A-Za-z][A-Za-z .'-]{0,40}$/.test(s);

/** The names in a name-bearing string: 张三 or 张三、李四; null when it is not just names. */
function namesIn(value: string): string[] | null {
  const trimmed = value.trim();
  if (trimmed === '') return [];
  const parts = trimmed.split(NAME_SEPARATORS).filter((p) => p !== '');
  return parts.every(isNameLike) ? parts : null;
}

interface Field {
  action: 'mask' | 'keep-code' | 'descend';
  context: Context;
  nameBearing: boolean;
}

function classify(key: string, context: Context): Field {
  const k = normaliseKey(key);
  if (MINOR_KEYS.has(k)) return { action: 'mask', context, nameBearing: false };
  // A bare `id` is a row id in the record itself, but an ID number inside a person.
  if (SENSITIVE_KEYS.has(k) && (k !== 'id' || context !== 'plain')) return { action: 'mask', context, nameBearing: false };
  // An address inside a person is a home address; at the top it is the employer's, which is published.
  if (context !== 'plain' && PERSONAL_ADDRESS_KEYS.has(k)) return { action: 'mask', context, nameBearing: false };
  if (CODE_KEYS.has(k)) return { action: 'keep-code', context, nameBearing: false };
  if (RESPONSIBLE_KEYS.has(k)) return { action: 'descend', context: 'responsible', nameBearing: true };
  if (PERSON_KEYS.has(k)) return { action: 'descend', context: 'person', nameBearing: true };
  if (context !== 'plain' && NAME_KEYS.has(k)) return { action: 'descend', context, nameBearing: true };
  return { action: 'descend', context, nameBearing: false };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** First pass: who is to be masked and who is to be kept, so free text elsewhere can be treated alike. */
function collectNames(value: unknown, context: Context, nameBearing: boolean, masked: Set<string>, kept: Set<string>): void {
  if (typeof value === 'string') {
    if (!nameBearing || context === 'plain') return;
    for (const name of namesIn(value) ?? []) (context === 'responsible' ? kept : masked).add(name);
  } else if (Array.isArray(value)) {
    for (const item of value) collectNames(item, context, nameBearing, masked, kept);
  } else if (isRecord(value)) {
    for (const [key, v] of Object.entries(value)) {
      const field = classify(key, context);
      if (field.action === 'descend') collectNames(v, field.context, field.nameBearing, masked, kept);
    }
  }
}

function maskValue(value: unknown, context: Context, nameBearing: boolean, options: Required<MaskTextOptions>): unknown {
  if (typeof value === 'string') {
    if (nameBearing && context === 'person') {
      const names = namesIn(value);
      // Something that is not just names in a person field (张三等5人) cannot be taken apart safely.
      if (names === null) return MASK;
      const keep = new Set(options.keepNames);
      return value.replace(/[^、，,；;\/／\s]+/gu, (name) => (keep.has(name) ? name : maskPersonName(name)));
    }
    return maskText(value, options);
  }
  if (typeof value === 'number') {
    // A phone or card number stored as a number is still one.
    return maskText(String(value), options) === String(value) ? value : MASK;
  }
  if (Array.isArray(value)) return value.map((item) => maskValue(item, context, nameBearing, options));
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      const field = classify(key, context);
      if (field.action === 'mask') out[key] = v === null || v === undefined || v === '' ? v : MASK;
      else if (field.action === 'keep-code' && typeof v === 'string' && parseUscc(v).ok) out[key] = v;
      else out[key] = maskValue(v, field.context, field.nameBearing, options);
    }
    return out;
  }
  return value;
}

export interface MaskDetailOptions {
  /** The enterprise's legal representative, whose name is published (DOMAIN.md §6, §8). */
  legalRepresentative?: string | null;
  /** Further names that may stay, e.g. the responsible persons of a 名单 listing. */
  keepNames?: readonly string[];
}

/**
 * A record's `detail` as the public may see it: person fields (workers, employees, complainants …)
 * have their names masked except the legal representative and the responsible persons; ID,
 * phone, e-mail, home-address, bank and health fields are hidden; anything about minors is
 * hidden; every other string goes through maskText, with the persons' names found in the
 * detail masked there too. Returns a new object; the input is not changed.
 */
export function maskDetail(detail: Record<string, unknown>, options?: MaskDetailOptions): Record<string, unknown>;
export function maskDetail(detail: null | undefined, options?: MaskDetailOptions): null;
export function maskDetail(detail: Record<string, unknown> | null | undefined, options?: MaskDetailOptions): Record<string, unknown> | null;
export function maskDetail(
  detail: Record<string, unknown> | null | undefined,
  options: MaskDetailOptions = {},
): Record<string, unknown> | null {
  if (detail === null || detail === undefined) return null;
  const masked = new Set<string>();
  const kept = new Set<string>(options.keepNames ?? []);
  if (options.legalRepresentative) kept.add(options.legalRepresentative.trim());
  collectNames(detail, 'plain', false, masked, kept);
  const textOptions = { names: [...masked], keepNames: [...kept] };
  return maskValue(detail, 'plain', false, textOptions) as Record<string, unknown>;
}
