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

/**
 * Common single-character surnames (the 百家姓 heads of the census), for names written after a role
 * word. Left out: rare surnames that mostly begin ordinary words there (应当, 全体, 时间, 万元, 明年).
 */
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范' +
  '金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄' +
  '聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈' +
  '饶解牟艾尤阳穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫' +
  '寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝';

/**
 * Words that follow a role word and start like a surname but are not names (员工安全培训, 工人师傅,
 * 工人文化宫): a "name" that begins with one of them is not taken.
 */
const NOT_NAMES = [
  '师傅',
  '安全',
  '安排',
  '安置',
  '高温',
  '万元',
  '万余',
  '万人',
  '成本',
  '文化',
  '严重',
  '明细',
  '全部',
  '全体',
  '应当',
  '关系',
  '项目',
  '时间',
  '金额',
  '余额',
  '方面',
  '陈述',
  '管理',
  '车间',
  '费用',
  '范围',
  '夏季',
  '程序',
];

const ROLE = '(?:劳动者|员工|职工|工人|农民工|务工人员|雇员|学徒|童工|未成年工|女职工)';
/** Characters that end a name rather than belong to it; none of them starts one (员工于本月, 职工向公司). */
const ENDS_NAME = '等、，,。；;：:和与及的在于被向称（()）';
const SURNAME = `(?:${[...COMPOUND_SURNAMES].join('|')}|[${[...SURNAMES].filter((c) => !ENDS_NAME.includes(c)).join('')}])`;
const NAME = `${SURNAME}(?!某)(?:(?![${ENDS_NAME}])\\p{Script=Han}){1,2}`;
/**
 * What may follow a name: a word of the matter (工资, 反映), a verb that starts a clause (受伤, 签字),
 * a one-character adverb or preposition (从, 已, 未), or no more Han text. A name is the longest
 * (up to three characters) that one of these follows, so 员工李四从… keeps its 从.
 */
const AFTER_NAME =
  '(?=工资|加班费|经济补偿|社会保险|反映|投诉|举报|入职|离职|受伤|死亡|坠落|摔伤|签字|签名|签订|确认|表示|陈述|申请|要求|提出|' +
  `讨要|索要|领取|工作|上班|加班|务工|从事|先生|女士|同志|[${ENDS_NAME}从把对因为将已未曾也均都仍再又到自\\s]|$|[^\\p{Script=Han}])`;

/** After a role word: a list of names, some perhaps already masked, joined by 、，和与及. */
const ROLE_WORD = new RegExp(`${ROLE}[：:]?\\s*`, 'gu');
const LIST_ITEM = new RegExp(`(?<masked>${SURNAME}某{1,2})|(?<name>${NAME})${AFTER_NAME}`, 'uy');
const LIST_SEPARATOR = /以及|[、，,和与及]/y;

/**
 * People named in staff-written prose right after what they are — 劳动者张三、李四等, 员工李小明的工资,
 * 工人王五与赵六 — are natural persons other than the responsible one (DOMAIN.md §8) even where no
 * structured field lists them. A name must start with a common surname and end where the sentence
 * moves on, so that 员工工资 or 员工安全培训 are left alone; what reads 某 already is kept.
 */
function maskNamedAfterRole(text: string, keep: ReadonlySet<string>): string {
  let out = '';
  let copied = 0;
  for (const role of text.matchAll(ROLE_WORD)) {
    let at = role.index + role[0].length;
    if (at < copied) continue;
    for (;;) {
      LIST_ITEM.lastIndex = at;
      const item = LIST_ITEM.exec(text);
      const name = item?.groups?.name;
      if (!item || (name && NOT_NAMES.some((word) => name.startsWith(word)))) break;
      if (name && !keep.has(name)) {
        out += text.slice(copied, at) + maskPersonName(name);
        copied = at + name.length;
      }
      at += item[0].length;
      LIST_SEPARATOR.lastIndex = at;
      const separator = LIST_SEPARATOR.exec(text);
      if (!separator) break;
      at += separator[0].length;
    }
  }
  return out + text.slice(copied);
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
  return maskNamedAfterRole(out, keep);
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

const NAME_SEPARATORS = /[、，,；;/／\s]+/u;
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
      return value.replace(/[^、，,；;/／\s]+/gu, (name) => (keep.has(name) ? name : maskPersonName(name)));
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

/** What a credit record states, as stored. */
export interface RecordStatements {
  violationType: string | null;
  facts: string | null;
  legalBasis: string | null;
  penaltyTypes: string[] | null;
  penaltyContent: string | null;
  /** 相关处理情况 of a major-violation entry; absent on records of other kinds. */
  handling?: string | null;
  fineFen: number | null;
  correctionNote: string | null;
  detail: Record<string, unknown> | null;
}

/**
 * The public form of a record's statements and structured facts, for every place that publishes
 * a record (profile, penalty list, open data, feeds) and for the preview staff see before they
 * publish: persons other than the legal representative and the responsible ones masked throughout.
 */
export function publicRecordDetail(r: RecordStatements, legalRepresentative: string | null): Record<string, unknown> {
  return maskDetail(
    {
      violationType: r.violationType,
      facts: r.facts,
      legalBasis: r.legalBasis,
      penaltyTypes: r.penaltyTypes ?? [],
      penaltyContent: r.penaltyContent,
      ...(r.handling ? { handling: r.handling } : {}),
      fineFen: r.fineFen,
      correctionNote: r.correctionNote,
      ...(r.detail ?? {}),
    },
    { legalRepresentative },
  );
}
