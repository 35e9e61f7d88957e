// 重大劳动保障违法行为社会公布, 人社部令第29号 (DOMAIN.md §6): what an entry states (第六条), and
// the quarterly publication by the city and each district (第八条 as the plan reads it: "city and
// district publish at least quarterly"). An entry is a credit record of kind `major_violation`;
// it is public from its quarter's publication until its 公示截止期 (§2, serious: 3 years).
import { addDays, isIsoDate } from './dates';

/** 第六条: the fields a publication states, in its order and words. */
export const MAJOR_VIOLATION_FIELDS = {
  subjectName: '违法主体全称',
  uscc: '统一社会信用代码（或注册号）',
  address: '地址',
  legalRepresentative: '法定代表人或负责人姓名',
  facts: '主要违法事实',
  handling: '相关处理情况',
} as const;

/** The order took effect on 2017-01-01: no quarter before it was ever published under it. */
export const FIRST_PUBLICATION_YEAR = 2017;

export const quarters = [1, 2, 3, 4] as const;
export type Quarter = (typeof quarters)[number];

export interface QuarterRef {
  year: number;
  quarter: Quarter;
}

export function quarterOf(date: string): QuarterRef {
  return { year: Number(date.slice(0, 4)), quarter: (Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1) as Quarter };
}

const QUARTER_END = { 1: '03-31', 2: '06-30', 3: '09-30', 4: '12-31' } as const;
const QUARTER_START = { 1: '01-01', 2: '04-01', 3: '07-01', 4: '10-01' } as const;

/** First and last day of the quarter, both included. */
export function quarterRange({ year, quarter }: QuarterRef): { from: string; to: string } {
  return { from: `${year}-${QUARTER_START[quarter]}`, to: `${year}-${QUARTER_END[quarter]}` };
}

export const quarterLabel = ({ year, quarter }: QuarterRef) => `${year}年第${quarter}季度`;

/** The publication's public identifier: one per bureau and quarter, e.g. 2026Q3-110105. */
export const publicationId = (q: QuarterRef, bureauCode: string) => `${q.year}Q${q.quarter}-${bureauCode}`;

/** Why the quarter cannot be published on `today`, or null. A quarter is published once it has ended. */
export function quarterPublicationProblem(q: QuarterRef, today: string): string | null {
  if (!Number.isInteger(q.year) || q.year < FIRST_PUBLICATION_YEAR)
    return `${FIRST_PUBLICATION_YEAR} 年以前的季度不能公布（人社部令第29号自 2017 年 1 月 1 日起施行）。`;
  if (!(quarters as readonly number[]).includes(q.quarter)) return '季度应为 1 至 4。';
  if (!isIsoDate(today)) return '日期无效。';
  const { to } = quarterRange(q);
  if (to >= today) return `${quarterLabel(q)}尚未结束，季度结束后才能公布（最早 ${addDays(to, 1)}）。`;
  return null;
}

/**
 * Which drafts a quarter's publication takes: those decided by the quarter's last day. A case
 * decided in an earlier quarter and not yet published goes into the next publication rather than
 * being left out.
 */
export const belongsToQuarter = (decidedOn: string, q: QuarterRef) => decidedOn <= quarterRange(q).to;

export interface MajorViolationStatements {
  facts?: string | null;
  handling?: string | null;
}

/** 第六条 requires 主要违法事实 and 相关处理情况; a record without them cannot be published. */
export function missingMajorViolationStatements(r: MajorViolationStatements): { field: 'facts' | 'handling'; message: string }[] {
  const missing: { field: 'facts' | 'handling'; message: string }[] = [];
  for (const field of ['facts', 'handling'] as const) {
    const value = r[field];
    if (value === null || value === undefined || value.trim() === '')
      missing.push({ field, message: `重大劳动保障违法行为须填写${MAJOR_VIOLATION_FIELDS[field]}（人社部令第29号第六条）` });
  }
  return missing;
}
