// The first enterprises (ids 1–30) are scripted, so that even the smallest seed shows every
// kind of record, every severity, each grade and the edge cases the site must handle. Dates are
// relative to the "as of" date and to the assessment year (the year before it).
import type { CreditClass, EnterpriseStatus, IdentityOverride } from './enterprise-identity.ts';
import type { ForcedSelection } from './sampling.ts';
import { shiftDays } from './days.ts';
import { listedWageCase } from './random-profile.ts';
import { caseEmployerShowcases } from './case-employers.ts';
import {
  childLabour,
  commitmentBreachRecord,
  contractWarning,
  deposit,
  majorViolationRecord,
  noPenaltyRecord,
  obstruction,
  overtimeFine,
  penaltyRecord,
  refusal,
  socialInsurance,
  wageArrears,
  withdraw,
  type PenaltyDraft,
  type PenaltyTemplate,
  type RecordContext,
  type RecordDraft,
} from './records.ts';

export interface ShowcaseContext {
  record: RecordContext;
  /** A date in the assessment year: at('06-12'). */
  at(monthDay: string): string;
  /** So many days before the "as of" date. */
  ago(days: number): string;
  /** When the approved demo repair was decided (the record's 修复 date). */
  repairApprovedOn: string;
}

export interface Showcase {
  id: number;
  /** What this enterprise demonstrates, for the CLI's summary and the report. */
  scenario: string;
  identity: IdentityOverride;
  sampling: ForcedSelection[];
  records(ctx: ShowcaseContext): RecordDraft[];
}

const identity = (cls: CreditClass, status?: EnterpriseStatus): IdentityOverride => (status ? { cls, status } : { cls });

function penalty(c: ShowcaseContext, template: PenaltyTemplate, decidedOn: string, severity?: PenaltyDraft['severity']): RecordDraft {
  return penaltyRecord(c.record, template(c.record.rng, decidedOn, severity), decidedOn);
}

const withStatus = (record: RecordDraft, status: 'published' | 'expired') => {
  record.row.status = status;
  return record;
};

export const SHOWCASES: readonly Showcase[] = [
  {
    id: 1,
    scenario: 'A级：评价年度专项检查未发现问题；早年一条轻微处罚已过公示期',
    identity: identity('A'),
    sampling: [{ task: 'insurancePrevious', result: '未发现问题' }],
    records: (c) => [penalty(c, overtimeFine, c.ago(900), 'minor')],
  },
  {
    id: 2,
    scenario: 'B级：评价年度一般、严重处罚各一次',
    identity: identity('B'),
    sampling: [],
    records: (c) => [penalty(c, wageArrears, c.at('05-20'), 'serious'), penalty(c, socialInsurance, c.at('12-10'), 'general')],
  },
  {
    id: 3,
    scenario: 'C级：拖欠农民工工资引发群体性事件，列入失信联合惩戒对象名单并作为重大违法行为公布',
    identity: identity('C'),
    sampling: [],
    records: (c) => listedWageCase(c.record, c.at('08-18'), 'groupIncident', true),
  },
  {
    id: 4,
    scenario: 'C级：使用童工（未成年人信息须隐去），重大违法行为公布',
    identity: identity('C'),
    sampling: [],
    records: (c) => {
      const p = penalty(c, childLabour, c.at('06-12'));
      const major = majorViolationRecord(c.record, p);
      return major ? [p, major] : [p];
    },
  },
  {
    id: 5,
    scenario: 'C级：评价年度被查处三次（多条已过公示期）',
    identity: identity('C'),
    sampling: [],
    records: (c) => [
      penalty(c, wageArrears, c.at('02-20'), 'general'),
      penalty(c, socialInsurance, c.at('06-05'), 'general'),
      penalty(c, overtimeFine, c.at('10-28'), 'general'),
    ],
  },
  {
    id: 6,
    scenario: 'B级：违反告知承诺，许可被撤销',
    identity: identity('B'),
    sampling: [],
    records: (c) => [commitmentBreachRecord(c.record, c.at('09-09'))],
  },
  {
    id: 7,
    scenario: '旧版15位注册号；已吊销未评价，仍有公示中的严重处罚',
    identity: identity('none', 'revoked'),
    sampling: [],
    records: (c) => [penalty(c, wageArrears, c.ago(200), 'serious')],
  },
  {
    id: 8,
    scenario: 'A级：一案三书，不予行政处罚（不作为处罚公示）',
    identity: identity('A'),
    sampling: [],
    records: (c) => [noPenaltyRecord(c.record, c.at('04-16')), noPenaltyRecord(c.record, c.ago(60))],
  },
  {
    id: 9,
    scenario: 'B级：仅给予警告的处罚，不公示（草稿）',
    identity: identity('B'),
    sampling: [],
    records: (c) => [penalty(c, contractWarning, c.at('07-07'))],
  },
  {
    id: 10,
    scenario: '公示期满：一条仍标为公示中（须按日期隐藏），一条已标为期满',
    identity: identity('A'),
    sampling: [],
    records: (c) => [
      withStatus(penalty(c, overtimeFine, c.ago(150), 'minor'), 'published'),
      withStatus(penalty(c, socialInsurance, c.ago(800), 'general'), 'expired'),
    ],
  },
  {
    id: 11,
    scenario: '处罚决定经复议撤销：显示撤销公告',
    identity: identity('A'),
    sampling: [],
    records: (c) => {
      const p = penalty(c, socialInsurance, c.ago(120), 'general');
      withdraw(c.record, p, c.ago(80));
      return [p];
    },
  },
  {
    id: 12,
    scenario: '信用修复已通过：记录终止公示，进入修复结果公示',
    identity: identity('A'),
    sampling: [],
    records: (c) => {
      const p = penalty(c, socialInsurance, c.ago(240), 'general');
      Object.assign(p.row, { status: 'repaired', repairedOn: c.repairApprovedOn });
      return [{ ...p, role: 'repairApproved' }];
    },
  },
  {
    id: 13,
    scenario: '异议处理中：一条一般处罚有未办结的异议申诉',
    identity: identity('A'),
    sampling: [],
    records: (c) => [{ ...penalty(c, overtimeFine, c.ago(40), 'general'), role: 'objection' }],
  },
  {
    id: 14,
    scenario: '信用修复办理中',
    identity: identity('A'),
    sampling: [],
    records: (c) => [{ ...penalty(c, socialInsurance, c.ago(150), 'general'), role: 'repairInProgress' }],
  },
  {
    id: 15,
    scenario: '早期赋码，校验位不符合 GB 32100（查询时应给出提示）',
    identity: identity('B'),
    sampling: [],
    records: (c) => [penalty(c, deposit, c.at('11-20')), penalty(c, overtimeFine, c.ago(45), 'minor')],
  },
  {
    id: 16,
    scenario: '专项检查发现问题已立案查处，随后作出处罚',
    identity: identity('B'),
    sampling: [{ task: 'insurancePrevious', result: '发现问题已立案查处' }],
    records: () => [],
  },
  {
    id: 17,
    scenario: '已注销企业列入专项检查：检查结果“已注销或吊销”',
    identity: identity('none', 'deregistered'),
    sampling: [{ task: 'insurancePrevious', result: '已注销或吊销' }],
    records: () => [],
  },
  {
    id: 18,
    scenario: 'C级：专项检查中不予配合，并因阻挠监察被处罚',
    identity: identity('C'),
    sampling: [{ task: 'insurancePrevious', result: '不予配合' }],
    records: (c) => [penalty(c, obstruction, c.at('12-12'))],
  },
  {
    id: 19,
    scenario: '轻微处罚公示中（公示期3个月）',
    identity: identity('A'),
    sampling: [],
    records: (c) => [penalty(c, overtimeFine, c.ago(25), 'minor')],
  },
  {
    id: 20,
    scenario: 'C级：拒不履行限期整改指令',
    identity: identity('C'),
    sampling: [],
    records: (c) => [penalty(c, refusal, c.at('09-25'))],
  },
  {
    id: 21,
    scenario: 'C级：涉嫌拒不支付劳动报酬罪移送公安机关，列入失信名单；全额支付后满6个月提前移出',
    identity: identity('C'),
    sampling: [],
    records: (c) => listedWageCase(c.record, c.at('03-30'), 'criminalLiability', true, 'always'),
  },
  ...caseEmployerShowcases(22),
];

export const SHOWCASE_BY_ID = new Map(SHOWCASES.map((s) => [s.id, s]));

export function showcaseContext(record: RecordContext, gradeYear: number, repairApprovedOn: string): ShowcaseContext {
  return {
    record,
    at: (monthDay) => `${gradeYear}-${monthDay}`,
    ago: (days) => shiftDays(record.today, -days),
    repairApprovedOn,
  };
}
