// Credit records (credit_records rows) as a labour-inspection case produces them: a penalty
// decision, a 名单 listing, a 重大违法 publication, a 一案三书 no-penalty outcome, a breached
// 告知承诺, a published sampling result. Records of one investigation share `detail.caseNo`, so
// the grade counts investigations, not rows (functions/domain/grade.ts).
import type { creditRecords } from '../../functions/db/schema.ts';
import type { Severity, TaskKind } from '../../functions/domain/vocabulary.ts';
import { samplingRecordFacts, samplingRecordTitle, samplingResultSeverity } from '../../functions/domain/sampling-record.ts';
import { publicationEnd as computePublicationEnd } from '../../functions/domain/publication.ts';
import { formatChineseDate } from '../../functions/domain/dates.ts';
import type { WorkingDayCalendar } from '../../functions/domain/working-days.ts';
import { MUNICIPAL_BUREAU, bureauByName, districtBureau } from '../../functions/domain/authorities.ts';
import { earliestRemovalOn } from '../../functions/domain/wage-arrears-list.ts';
import { publicationId, quarterLabel, quarterOf } from '../../functions/domain/major-violations.ts';
import { isPublished, quarterPublicationDay } from './publications.ts';
import type { Rng } from './prng.ts';
import { shiftDays, workingDayFrom, yearOf } from './days.ts';
import { fakeIdNumber, mobileNumber, personName } from './people.ts';
import { DISTRICT_ABBREVIATIONS } from './vocabulary.ts';
import type { SamplingResultRow } from './sampling.ts';
import type { EnterpriseDraft } from './enterprise-identity.ts';

export type CreditRecordRow = typeof creditRecords.$inferInsert;

/** Records the demo cases (objections, repairs) are attached to. */
export type DemoRole = 'objection' | 'repairInProgress' | 'repairApproved';

export interface RecordDraft {
  row: CreditRecordRow;
  /** The sampling result this record publishes; its id is known only when rows are numbered. */
  result?: SamplingResultRow;
  role?: DemoRole;
}

/** Decision numbers run per issuing office, document series and year: 京朝人社监罚字〔2026〕第12号. */
export type DocumentNumbers = (series: string) => number;

export function createDocumentNumbers(): DocumentNumbers {
  const next = new Map<string, number>();
  return (series) => {
    const n = (next.get(series) ?? 0) + 1;
    next.set(series, n);
    return n;
  };
}

export interface RecordContext {
  today: string;
  enterprise: EnterpriseDraft;
  rng: Rng;
  numbers: DocumentNumbers;
  /** The working day a decision dated `date` falls on: bureaus decide and publish on working days. */
  workingDay: (date: string) => string;
}

/** The working day on or after `date`, or before it where that would pass `today` (nothing is decided in the future). */
export function workingDayNear(calendar: WorkingDayCalendar, today: string) {
  return (date: string): string => {
    const after = workingDayFrom(calendar, date);
    return after <= today ? after : workingDayFrom(calendar, date, -1);
  };
}

interface Office {
  authority: string;
  /** 朝 in 京朝人社…; empty for the municipal bureau (京人社…). */
  abbreviation: string;
}

function office(ctx: RecordContext, municipal = ctx.rng.chance(0.05)): Office {
  const code = ctx.enterprise.districtCode;
  return municipal
    ? { authority: MUNICIPAL_BUREAU, abbreviation: '' }
    : { authority: districtBureau(code), abbreviation: DISTRICT_ABBREVIATIONS[code]! };
}

function documentNumber(ctx: RecordContext, at: Office, series: string, date: string): string {
  const year = yearOf(date);
  return `京${at.abbreviation}人社${series}字〔${year}〕第${ctx.numbers(`${at.abbreviation}|${series}|${year}`)}号`;
}

const publicationEnds = new Map<string, string | null>();

/** publicationEnd, remembered: a few thousand distinct dates recur across millions of records. */
function publicationEnd(decidedOn: string, severity: Severity): string | null {
  const key = decidedOn + severity;
  let end = publicationEnds.get(key);
  if (end === undefined) {
    end = computePublicationEnd(decidedOn, severity);
    publicationEnds.set(key, end);
  }
  return end;
}

const newCaseNo = (ctx: RecordContext, at: Office, date: string) => documentNumber(ctx, at, '监立', date);

/**
 * Past its 公示截止期 a record leaves public view. The nightly job marks most of them `expired`;
 * about a third are left `published`, as on a day the job has not run yet, so the site must
 * hide them by date alone (DOMAIN.md §2).
 */
function statusAfterPublication(ctx: RecordContext, publishUntil: string | null): 'published' | 'expired' {
  if (publishUntil === null || ctx.today < publishUntil) return 'published';
  return ctx.rng.chance(0.35) ? 'published' : 'expired';
}

const chineseMonth = (date: string) => `${yearOf(date)}年${Number(date.slice(5, 7))}月`;

// ---------------------------------------------------------------------------------------------
// Penalty decisions

export interface PenaltyDraft {
  violationType: string;
  severity: Exclude<Severity, 'none'>;
  title: string;
  facts: string;
  legalBasis: string;
  penaltyTypes: string[];
  penaltyContent: string;
  fineFen: number | null;
  detail: Record<string, unknown>;
}

export type PenaltyTemplate = (rng: Rng, decidedOn: string, severity?: PenaltyDraft['severity']) => PenaltyDraft;

/** Fines up to 5,000 元 are 轻微, up to 50,000 元 一般, above that 严重. */
const severityOfFine = (yuan: number): PenaltyDraft['severity'] => (yuan <= 5000 ? 'minor' : yuan <= 50_000 ? 'general' : 'serious');

export const wageArrears: PenaltyTemplate = (rng, decidedOn, severity = rng.chance(0.35) ? 'serious' : 'general') => {
  const serious = severity === 'serious';
  const workers = serious ? rng.between(20, 120) : rng.between(3, 30);
  const unpaid = workers * rng.between(30, 150) * 100;
  const fine = (serious ? rng.between(51, 100) : rng.between(20, 50)) * 1000;
  return {
    violationType: '拖欠工资',
    severity,
    title: '克扣或者无故拖欠劳动者工资',
    facts: `经查，该单位自${chineseMonth(shiftDays(decidedOn, -rng.between(90, 240)))}起拖欠${workers}名劳动者工资共计${unpaid}元，经劳动保障监察机构责令限期支付后逾期仍未支付。`,
    legalBasis: '《劳动保障监察条例》第二十六条；《保障农民工工资支付条例》第五十七条',
    penaltyTypes: ['罚款'],
    penaltyContent: `责令支付拖欠的劳动者工资${unpaid}元，并处罚款${fine}元`,
    fineFen: fine * 100,
    detail: { workerCount: workers, unpaidWagesFen: unpaid * 100 },
  };
};

export const socialInsurance: PenaltyTemplate = (rng, _decidedOn, severity = rng.chance(0.3) ? 'serious' : 'general') => {
  const serious = severity === 'serious';
  const owed = (serious ? rng.between(51, 200) : rng.between(8, 24)) * 1000;
  const multiple = serious ? rng.between(1, 3) : rng.between(1, 2);
  const workers = rng.between(2, 60);
  return {
    violationType: '未缴社会保险',
    severity,
    title: '未按时足额缴纳社会保险费',
    facts: `经查，该单位未按时足额为${workers}名职工缴纳社会保险费，经责令限期缴纳后逾期仍未缴纳，欠缴金额${owed}元。`,
    legalBasis: '《中华人民共和国社会保险法》第八十六条',
    penaltyTypes: ['罚款'],
    penaltyContent: `责令补缴欠缴的社会保险费${owed}元，并处欠缴数额${multiple}倍的罚款${owed * multiple}元`,
    fineFen: owed * multiple * 100,
    detail: { workerCount: workers },
  };
};

const OVERTIME_TITLE = '违反国家规定延长劳动者工作时间';
const OVERTIME_BASIS = '《中华人民共和国劳动法》第九十条；《劳动保障监察条例》第二十五条';
const overtimeFacts = (workers: number) => `经查，该单位安排${workers}名劳动者延长工作时间，每月累计超过三十六小时。`;

export const overtimeFine: PenaltyTemplate = (rng, _decidedOn, severity = rng.chance(0.5) ? 'minor' : 'general') => {
  const workers = severity === 'minor' ? rng.between(3, 10) : rng.between(20, 100);
  const perWorker = (severity === 'minor' ? rng.between(1, 2) : rng.between(3, 5)) * 100;
  return {
    violationType: '违法延长工时',
    severity,
    title: OVERTIME_TITLE,
    facts: overtimeFacts(workers),
    legalBasis: OVERTIME_BASIS,
    penaltyTypes: ['警告', '罚款'],
    penaltyContent: `给予警告，责令限期改正，并按受侵害的劳动者每人${perWorker}元的标准处以罚款${workers * perWorker}元`,
    fineFen: workers * perWorker * 100,
    detail: { workerCount: workers },
  };
};

/** A warning alone is not published as a penalty (DOMAIN.md §2); see penaltyRecord. */
const overtimeWarning: PenaltyTemplate = (rng) => {
  const workers = rng.between(3, 10);
  return {
    violationType: '违法延长工时',
    severity: 'minor',
    title: OVERTIME_TITLE,
    facts: overtimeFacts(workers),
    legalBasis: OVERTIME_BASIS,
    penaltyTypes: ['警告'],
    penaltyContent: '给予警告，责令限期改正',
    fineFen: null,
    detail: { workerCount: workers },
  };
};

const employeeRegister: PenaltyTemplate = (rng) => {
  const fine = rng.between(2, 20) * 1000;
  return {
    violationType: '其他',
    severity: severityOfFine(fine),
    title: '未按规定建立职工名册',
    facts: '经查，该单位未按规定建立职工名册备查，经责令改正后逾期未改正。',
    legalBasis: '《中华人民共和国劳动合同法实施条例》第八条、第三十三条',
    penaltyTypes: ['罚款'],
    penaltyContent: `责令限期改正，并处罚款${fine}元`,
    fineFen: fine * 100,
    detail: {},
  };
};

export const deposit: PenaltyTemplate = (rng) => {
  const workers = rng.between(2, 20);
  const perWorker = rng.between(5, 20) * 100;
  const fine = workers * perWorker;
  return {
    violationType: '其他',
    severity: severityOfFine(fine),
    title: '以担保或者其他名义向劳动者收取财物',
    facts: `经查，该单位以押金名义向${workers}名劳动者每人收取${rng.between(2, 10) * 100}元。`,
    legalBasis: '《中华人民共和国劳动合同法》第八十四条第二款',
    penaltyTypes: ['罚款'],
    penaltyContent: `责令限期退还劳动者本人，并以每人${perWorker}元的标准处以罚款${fine}元`,
    fineFen: fine * 100,
    detail: { workerCount: workers },
  };
};

const femaleProtection: PenaltyTemplate = (rng) => {
  const workers = rng.between(1, 5);
  const perWorker = rng.between(1, 5) * 1000;
  const fine = workers * perWorker;
  return {
    violationType: '违反女职工和未成年工特殊劳动保护规定',
    severity: severityOfFine(fine),
    title: '违反女职工劳动保护特别规定',
    facts: `经查，该单位安排${workers}名怀孕七个月以上的女职工延长劳动时间或者安排夜班劳动。`,
    legalBasis: '《女职工劳动保护特别规定》第十三条',
    penaltyTypes: ['罚款'],
    penaltyContent: `责令限期改正，并按受侵害女职工每人${perWorker}元的标准处以罚款${fine}元`,
    fineFen: fine * 100,
    detail: { workerCount: workers },
  };
};

export const contractWarning: PenaltyTemplate = (rng) => ({
  violationType: '未签劳动合同',
  severity: 'minor',
  title: '未依法与劳动者订立书面劳动合同',
  facts: `经查，该单位招用${rng.between(2, 15)}名劳动者超过一个月未订立书面劳动合同，经责令改正后仍未改正。`,
  legalBasis: '《中华人民共和国劳动合同法》第十条；《劳动保障监察条例》第二十四条',
  penaltyTypes: ['警告'],
  penaltyContent: '给予警告，责令限期改正',
  fineFen: null,
  detail: {},
});

/** Templates for cases without any of the C conditions of DOMAIN.md §5, by frequency. */
export const ORDINARY_TEMPLATES: readonly (readonly [PenaltyTemplate, number])[] = [
  [wageArrears, 30],
  [socialInsurance, 20],
  [overtimeFine, 12],
  [overtimeWarning, 2],
  [employeeRegister, 10],
  [deposit, 7],
  [femaleProtection, 5],
  [contractWarning, 4],
];

const JOBS = ['餐厅服务员', '流水线包装', '洗车', '搬运', '后厨帮工'];

export const childLabour: PenaltyTemplate = (rng, decidedOn) => {
  const children = rng.between(1, 3);
  const months = rng.between(1, 4);
  const fine = children * months * 5000;
  return {
    violationType: '使用童工',
    severity: 'serious',
    title: '非法使用童工',
    facts: `经查，该单位招用${children}名未满十六周岁的未成年人从事${rng.pick(JOBS)}工作，使用期间${months}个月。`,
    legalBasis: '《禁止使用童工规定》第六条',
    penaltyTypes: ['罚款'],
    penaltyContent: `责令限期改正，将童工送回原居住地交其父母或者其他监护人，并按每使用一名童工每月5000元的标准处以罚款${fine}元`,
    fineFen: fine * 100,
    // Everything about minors is withheld from the public (DOMAIN.md §8); the masking must catch it.
    detail: {
      childOrForcedLabour: true,
      minors: Array.from({ length: children }, () => {
        const age = rng.between(14, 15);
        return { name: personName(rng), age, idNumber: fakeIdNumber(rng, yearOf(decidedOn) - age) };
      }),
    },
  };
};

export const obstruction: PenaltyTemplate = (rng) => {
  const fine = rng.between(6, 20) * 1000;
  return {
    violationType: '妨碍劳动保障监察',
    severity: 'general',
    title: '无理抗拒、阻挠劳动保障监察',
    facts: '经查，该单位在劳动保障监察人员依法实施检查时，拒不提供工资支付记录、劳动合同等有关材料，并阻挠监察人员进入工作场所调查取证。',
    legalBasis: '《劳动保障监察条例》第三十条第一款第（一）项、第（二）项',
    penaltyTypes: ['罚款'],
    penaltyContent: `责令改正，并处罚款${fine}元`,
    fineFen: fine * 100,
    detail: { obstructedInspection: true },
  };
};

export const refusal: PenaltyTemplate = (rng, decidedOn) => {
  const fine = rng.between(6, 20) * 1000;
  return {
    violationType: '妨碍劳动保障监察',
    severity: 'general',
    title: '拒不履行劳动保障监察限期整改指令',
    facts: `该单位于${formatChineseDate(shiftDays(decidedOn, -rng.between(40, 90)))}收到《劳动保障监察限期整改指令书》，逾期未按要求整改，经再次督促后仍拒不履行。`,
    legalBasis: '《劳动保障监察条例》第三十条第一款第（三）项',
    penaltyTypes: ['罚款'],
    penaltyContent: `责令改正，并处罚款${fine}元`,
    fineFen: fine * 100,
    detail: { refusedRectification: true },
  };
};

export interface PenaltyOptions {
  caseNo?: string;
  municipal?: boolean;
}

/** A penalty decision. Warning-only decisions stay `draft`: they are not published as penalties (DOMAIN.md §2). */
export function penaltyRecord(ctx: RecordContext, draft: PenaltyDraft, dated: string, options: PenaltyOptions = {}): RecordDraft {
  const decidedOn = ctx.workingDay(dated);
  const at = office(ctx, options.municipal);
  const warningOnly = draft.penaltyTypes.length === 1 && draft.penaltyTypes[0] === '警告';
  const publishUntil = publicationEnd(decidedOn, draft.severity);
  return {
    row: {
      uscc: ctx.enterprise.uscc,
      kind: 'penalty',
      severity: draft.severity,
      status: warningOnly ? 'draft' : statusAfterPublication(ctx, publishUntil),
      title: draft.title,
      decisionNo: documentNumber(ctx, at, '监罚', decidedOn),
      authority: at.authority,
      decidedOn,
      publishedOn: warningOnly ? null : ctx.workingDay(shiftDays(decidedOn, ctx.rng.between(2, 6))),
      publishUntil,
      violationType: draft.violationType,
      facts: draft.facts,
      legalBasis: draft.legalBasis,
      penaltyTypes: draft.penaltyTypes,
      penaltyContent: draft.penaltyContent,
      fineFen: draft.fineFen,
      detail: {
        caseNo: options.caseNo ?? newCaseNo(ctx, at, decidedOn),
        ...draft.detail,
        ...(warningOnly ? { notPublishedReason: '仅给予警告的行政处罚不作为失信信息公示' } : {}),
      },
    },
  };
}

const WITHDRAWAL_REASONS = [
  '经行政复议，原行政处罚决定被依法撤销',
  '原行政处罚决定被人民法院生效判决撤销',
  '经异议核查，原决定认定的违法主体有误，决定机关已撤销原决定',
  '决定机关依法变更原处罚决定，原公示信息撤回',
];

/** "A decision that is changed or revoked is withdrawn within 3 working days, with the reason." */
export function withdraw(ctx: RecordContext, record: RecordDraft, withdrawnOn: string): void {
  Object.assign(record.row, { status: 'withdrawn', withdrawnOn, withdrawalReason: ctx.rng.pick(WITHDRAWAL_REASONS) });
}

// ---------------------------------------------------------------------------------------------
// Records that follow a penalty

export type ListingCause = 'groupIncident' | 'criminalLiability';

const LISTING_CAUSES: Record<ListingCause, string> = {
  groupIncident: '引发多名劳动者聚集讨薪的群体性事件',
  criminalLiability: '拖欠数额达到认定拒不支付劳动报酬罪的数额标准，已移送公安机关',
};

const ROLES = ['项目负责人', '财务负责人', '劳务负责人'];

/**
 * 列入拖欠农民工工资失信联合惩戒对象名单 (人社部令第45号): the employer, its 法定代表人 and the
 * 直接责任人员 are listed for 3 years. The detail also names affected workers with their ID and
 * phone numbers, as the case file does; DOMAIN.md §8 masking must remove those before publication.
 * `removedOn`: the employer paid in full, made its 守信承诺 and was removed early (提前移出) that day.
 */
export function listingRecord(
  ctx: RecordContext,
  penalty: RecordDraft,
  dated: string,
  cause: ListingCause,
  removedOn: string | null = null,
): RecordDraft {
  const listedOn = ctx.workingDay(dated);
  const e = ctx.enterprise;
  const { rng } = ctx;
  const at = office(ctx, false);
  const penaltyDetail = penalty.row.detail!;
  const workers = Array.from({ length: rng.between(3, 5) }, (_, k) => ({
    name: personName(rng),
    idNumber: fakeIdNumber(rng),
    phone: mobileNumber(rng),
    ...(k === 0
      ? {
          homeAddress: `河北省保定市${rng.pick(['清苑区', '满城区', '徐水区'])}${rng.pick(['东街', '南关村', '北辛庄'])}${rng.between(1, 99)}号`,
        }
      : {}),
    unpaidFen: rng.between(60, 400) * 10_000,
  }));
  const publishUntil = publicationEnd(listedOn, 'serious');
  const status = statusAfterPublication(ctx, publishUntil);
  const removed = removedOn !== null && status === 'published' && removedOn < ctx.today;
  return {
    row: {
      uscc: e.uscc,
      kind: 'wage_arrears_list',
      severity: 'serious',
      status: removed ? 'repaired' : status,
      repairedOn: removed ? removedOn : null,
      title: '列入拖欠农民工工资失信联合惩戒对象名单',
      decisionNo: documentNumber(ctx, at, '欠薪惩', listedOn),
      authority: at.authority,
      decidedOn: listedOn,
      publishedOn: ctx.workingDay(shiftDays(listedOn, rng.between(1, 5))),
      publishUntil,
      violationType: '拖欠工资',
      facts: `该单位拖欠${String(penaltyDetail.workerCount)}名农民工工资，经责令限期支付后逾期仍未支付，${LISTING_CAUSES[cause]}。`,
      legalBasis: '《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》（人力资源社会保障部令第45号）第五条',
      penaltyTypes: null,
      penaltyContent: '列入拖欠农民工工资失信联合惩戒对象名单，实施联合惩戒，期限3年',
      fineFen: null,
      detail: {
        caseNo: penaltyDetail.caseNo,
        [cause]: true,
        term: '3年',
        earliestRemovalOn: earliestRemovalOn(listedOn),
        employer: { name: e.name, uscc: e.uscc },
        legalRepresentative: e.legalRepresentative,
        responsiblePersons: [{ name: personName(rng), role: rng.pick(ROLES), idNumber: fakeIdNumber(rng), phone: mobileNumber(rng) }],
        workers,
        unpaidWagesFen: penaltyDetail.unpaidWagesFen,
      },
    },
  };
}

/**
 * 重大劳动保障违法行为社会公布 (人社部令第29号): the case's entry in its bureau's publication for the
 * quarter of the decision, published on the 15th of the month after the quarter (publications.ts);
 * null while that day is still ahead, a draft while the bureau is late. Dated, like any record, by
 * the decision, so its 3-year period runs from it (DOMAIN.md §2).
 */
export function majorViolationRecord(ctx: RecordContext, penalty: RecordDraft): RecordDraft | null {
  const e = ctx.enterprise;
  const p = penalty.row;
  const quarter = quarterOf(p.decidedOn);
  if (quarterPublicationDay(quarter) >= ctx.today) return null;
  const bureau = bureauByName(p.authority)!.code;
  // The late district's entries wait for its publication as drafts (publications.ts).
  const published = isPublished(quarter, bureau, ctx.today);
  const publishedOn = published ? quarterPublicationDay(quarter) : null;
  const publishUntil = publicationEnd(p.decidedOn, 'serious');
  return {
    row: {
      uscc: e.uscc,
      kind: 'major_violation',
      severity: 'serious',
      status: published ? statusAfterPublication(ctx, publishUntil) : 'draft',
      title: '重大劳动保障违法行为社会公布',
      decisionNo: p.decisionNo,
      authority: p.authority,
      decidedOn: p.decidedOn,
      publishedOn,
      publishUntil,
      violationType: p.violationType,
      facts: p.facts,
      legalBasis: '《重大劳动保障违法行为社会公布办法》（人力资源社会保障部令第29号）第五条',
      penaltyTypes: null,
      penaltyContent: null,
      fineFen: null,
      handling: `${p.authority}依法作出行政处罚决定（${p.decisionNo}）：${p.penaltyContent}。`,
      publicationId: published ? publicationId(quarter, bureau) : null,
      detail: {
        caseNo: p.detail!.caseNo,
        period: quarterLabel(quarter),
        subjectName: e.name,
        uscc: e.uscc,
        address: e.address,
        legalRepresentative: e.legalRepresentative,
      },
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Outcomes that are not penalties

const LENIENT_MATTERS = [
  '未在用工之日起一个月内与3名劳动者订立书面劳动合同，已在责令改正期限内补订',
  '未按规定建立职工名册，已在责令改正期限内补建',
  '安排劳动者延长工作时间超过法定标准，涉及人数少且未造成危害后果，已及时改正',
  '未按规定向劳动者出具解除劳动合同的书面证明，已及时改正',
];

/**
 * 一案三书: 守法诚信承诺书, 劳动保障监察建议书, 不予行政处罚决定书. Shown as "no penalty", never
 * as a penalty, so it is not negative information (severity none, no end of publication).
 */
export function noPenaltyRecord(ctx: RecordContext, dated: string): RecordDraft {
  const decidedOn = ctx.workingDay(dated);
  const at = office(ctx);
  const matter = ctx.rng.pick(LENIENT_MATTERS);
  return {
    row: {
      uscc: ctx.enterprise.uscc,
      kind: 'no_penalty',
      severity: 'none',
      status: 'published',
      title: '不予行政处罚决定（一案三书）',
      decisionNo: documentNumber(ctx, at, '监不罚', decidedOn),
      authority: at.authority,
      decidedOn,
      publishedOn: ctx.workingDay(shiftDays(decidedOn, ctx.rng.between(2, 6))),
      publishUntil: publicationEnd(decidedOn, 'none'),
      violationType: matter.includes('劳动合同') ? '未签劳动合同' : matter.includes('延长') ? '违法延长工时' : '其他',
      facts: `经查，该单位${matter}。鉴于该单位系初次违法且危害后果轻微并及时改正，依据本市人力资源和社会保障领域轻微违法行为不予行政处罚清单，决定不予行政处罚。`,
      legalBasis: '《中华人民共和国行政处罚法》第三十三条第一款',
      penaltyTypes: [],
      penaltyContent: '不予行政处罚',
      fineFen: null,
      detail: { instruments: ['守法诚信承诺书', '劳动保障监察建议书', '不予行政处罚决定书'] },
    },
  };
}

const COMMITMENT_MATTERS = [
  { matter: '劳务派遣经营许可', condition: '注册资本和经营场所条件' },
  { matter: '人力资源服务许可', condition: '专职工作人员和服务场所条件' },
  { matter: '企业实行不定时工作制和综合计算工时工作制审批', condition: '岗位工时安排和劳动者休息休假保障措施' },
];

/** A breached 告知承诺: the permit obtained on a promise is revoked and the breach is negative information. */
export function commitmentBreachRecord(ctx: RecordContext, dated: string): RecordDraft {
  const decidedOn = ctx.workingDay(dated);
  const at = office(ctx);
  const { matter, condition } = ctx.rng.pick(COMMITMENT_MATTERS);
  const publishUntil = publicationEnd(decidedOn, 'general');
  return {
    row: {
      uscc: ctx.enterprise.uscc,
      kind: 'commitment_breach',
      severity: 'general',
      status: statusAfterPublication(ctx, publishUntil),
      title: `违反告知承诺（${matter}）`,
      decisionNo: documentNumber(ctx, at, '许撤', decidedOn),
      authority: at.authority,
      decidedOn,
      publishedOn: ctx.workingDay(shiftDays(decidedOn, ctx.rng.between(2, 6))),
      publishUntil,
      violationType: '其他',
      facts: `该单位在办理${matter}时以告知承诺方式取得许可，经事后核查，其承诺的${condition}与实际情况不符，且在规定期限内未能补正。`,
      legalBasis: '《国务院办公厅关于全面推行证明事项和涉企经营许可事项告知承诺制的指导意见》（国办发〔2020〕42号）',
      penaltyTypes: ['撤销行政许可'],
      penaltyContent: `依法撤销${matter}，并将违反承诺情况记入信用记录`,
      fineFen: null,
      detail: {
        caseNo: newCaseNo(ctx, at, decidedOn),
        commitmentMatter: matter,
        commitmentOn: shiftDays(decidedOn, -ctx.rng.between(60, 300)),
      },
    },
  };
}

/** The profile entry of a sampling result; `draft` until the result is published. */
export function samplingRecord(ctx: RecordContext, result: SamplingResultRow, caseNo: string | null, taskKind: TaskKind): RecordDraft {
  const severity = samplingResultSeverity[result.result];
  const publishUntil = publicationEnd(result.inspectedOn, severity);
  return {
    result,
    row: {
      uscc: ctx.enterprise.uscc,
      kind: 'sampling_result',
      severity,
      status: result.publishedOn ? statusAfterPublication(ctx, publishUntil) : 'draft',
      title: samplingRecordTitle(taskKind, result.result),
      decisionNo: null,
      authority: result.authority,
      decidedOn: result.inspectedOn,
      publishedOn: result.publishedOn ?? null,
      publishUntil,
      violationType: null,
      facts: samplingRecordFacts({ ...result, taskKind }),
      legalBasis: null,
      penaltyTypes: null,
      penaltyContent: null,
      fineFen: null,
      detail: {
        taskId: result.taskId,
        result: result.result,
        method: result.method,
        followUp: result.followUp,
        ...(caseNo ? { caseNo } : {}),
        // A refusal to cooperate is a C condition only when staff flag it as obstruction (grade.ts).
        ...(result.result === '不予配合' ? { obstructedInspection: true } : {}),
      },
    },
  };
}

/** The case number a sampling finding opens, shared with the penalty that follows it. */
export function samplingCaseNo(ctx: RecordContext, result: SamplingResultRow): string | null {
  return result.result === '发现问题已立案查处' ? newCaseNo(ctx, office(ctx, false), result.inspectedOn) : null;
}

/** A finding 已立案查处 ends in a penalty one to two and a half months later, under the same case number. */
export function samplingFollowUp(ctx: RecordContext, result: SamplingResultRow, caseNo: string): RecordDraft[] {
  const decidedOn = shiftDays(result.inspectedOn, ctx.rng.between(30, 75));
  if (decidedOn > shiftDays(ctx.today, -10)) return [];
  return [penaltyRecord(ctx, ctx.rng.weighted(ORDINARY_TEMPLATES)(ctx.rng, decidedOn), decidedOn, { caseNo, municipal: false })];
}
