// The national 双公示 fields of an administrative penalty (DOMAIN.md §12), in which 信用中国 — "the
// single window" of 国办发〔2025〕22号 — takes departments' data. Only the names and the values'
// conventions are here; functions/disclosure/csv-columns.ts fills them from a public penalty.
import { parseUscc } from './uscc';

/**
 * The field names, in order, exactly as §12 lists them. The six codes of the party are
 * 行政相对人代码_1 (统一社会信用代码), _2 (工商注册号), _3 (组织机构代码), _4 (税务登记号),
 * _5 (事业单位证书号) and _6 (社会组织登记证号); only the first two are ever known here.
 * "Natural persons' ID numbers are never exported": the template's ID fields are not among them.
 */
export const SGS_PENALTY_FIELDS = [
  '行政相对人名称',
  '行政相对人类别',
  '行政相对人代码_1',
  '行政相对人代码_2',
  '行政相对人代码_3',
  '行政相对人代码_4',
  '行政相对人代码_5',
  '行政相对人代码_6',
  '法定代表人',
  '行政处罚决定书文号',
  '违法行为类型',
  '违法事实',
  '处罚依据',
  '处罚类别',
  '处罚内容',
  '罚款金额（万元）',
  '没收违法所得、没收非法财物的金额（万元）',
  '暂扣或吊销证照名称及编号',
  '处罚决定日期',
  '处罚有效期',
  '公示截止期',
  '处罚机关',
  '处罚机关统一社会信用代码',
  '数据来源单位',
  '数据来源单位统一社会信用代码',
  '备注',
] as const;
export type SgsPenaltyField = (typeof SGS_PENALTY_FIELDS)[number];

export const sgsSubjectCategories = ['法人及非法人组织', '自然人', '个体工商户'] as const;
export type SgsSubjectCategory = (typeof sgsSubjectCategories)[number];

/**
 * 行政相对人类别 from the code (GB 32100-2015, DOMAIN.md §1): registration authority 9 (工商) with
 * entity category 2 is an 个体工商户; every other employer the site lists is an organisation. The
 * site publishes decisions against employers only, never against a natural person.
 */
export function sgsSubjectCategory(code: string): SgsSubjectCategory {
  const parsed = parseUscc(code);
  return parsed.ok && parsed.kind === 'uscc' && parsed.code.startsWith('92') ? '个体工商户' : '法人及非法人组织';
}

/** 行政相对人代码_1 (统一社会信用代码) and _2 (工商注册号, the legacy 15-digit number); _3 to _6 are not held. */
export function sgsSubjectCodes(code: string): [string | null, string | null] {
  const parsed = parseUscc(code);
  if (parsed.ok && parsed.kind === 'legacy') return [null, parsed.code];
  return [code, null];
}

const FEN_PER_WAN_YUAN = 1_000_000;

/** 罚款金额（万元）: integer fen as an exact decimal of 万元 (1 234 567 分 = 12 345.67 元 → "1.234567"). */
export function fenAsWanYuan(fen: number): string {
  const whole = Math.floor(fen / FEN_PER_WAN_YUAN);
  const fraction = String(fen % FEN_PER_WAN_YUAN)
    .padStart(6, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

/** The template writes dates as YYYY/MM/DD. */
export const sgsDate = (date: string | null) => (date ? date.replaceAll('-', '/') : null);
