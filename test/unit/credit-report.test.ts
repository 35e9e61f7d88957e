import { describe, expect, it } from 'vitest';
import {
  buildCreditReport,
  defaultReportPeriod,
  missingRecordIds,
  NO_NEGATIVE_RECORDS_STATEMENT,
  reportChanges,
  reportPeriodProblems,
  reportSection,
  type ReportSource,
  type ReportSourceRecord,
} from '../../functions/domain/credit-report';
import { addDays, addMonths } from '../../functions/domain/dates';
import { publicationEnd } from '../../functions/domain/publication';
import { today } from '../fixtures/today';

// DOMAIN.md §11: the content of a 专用信用报告, its period (up to 3 years back), and how a report
// issued earlier differs from one made now.

const year = Number(today.slice(0, 4));
let nextId = 1;

function record(over: Partial<ReportSourceRecord> = {}): ReportSourceRecord {
  const decidedAt = over.decidedAt ?? addMonths(today, -2);
  const severity = over.severity ?? 'general';
  return {
    id: nextId++,
    kind: 'penalty',
    severity,
    title: '拖欠劳动者工资',
    decisionNo: '京朝人社监罚字〔2026〕第 1 号',
    authority: '北京市朝阳区人力资源和社会保障局',
    decidedAt,
    publishUntil: publicationEnd(decidedAt, severity),
    status: 'published',
    detail: { facts: '拖欠 3 名劳动者工资。' },
    ...over,
  };
}

const sampling = (result: string, decidedAt = addMonths(today, -1)) =>
  record({
    kind: 'sampling_result',
    severity: 'none',
    title: `双随机抽查结果：${result}`,
    decidedAt,
    publishUntil: null,
    detail: { result },
  });

const enterprise = {
  uscc: '91110105MA01BG0017',
  name: '北京测试有限公司',
  district: '朝阳区',
  industry: '建筑业',
  address: '北京市朝阳区建国路 1 号',
  status: 'active',
  legalRepresentative: '王建国',
};

const source = (records: ReportSourceRecord[], assessments: ReportSource['assessments'] = []): ReportSource => ({
  enterprise,
  assessments,
  records,
});

const issue = { reportNo: `BG-${year}-33333-33333`, issuedAt: `${today}T02:00:00.000Z`, today, period: defaultReportPeriod(today) };

describe('reportPeriodProblems — "the chosen period (up to 3 years back)" (§11)', () => {
  it('accepts the default, the last 3 years up to today', () => {
    expect(defaultReportPeriod(today)).toEqual({ from: addMonths(today, -36), to: today });
    expect(reportPeriodProblems(defaultReportPeriod(today), today)).toEqual([]);
  });

  it('accepts a single day and any shorter period within the 3 years', () => {
    expect(reportPeriodProblems({ from: today, to: today }, today)).toEqual([]);
    expect(reportPeriodProblems({ from: addMonths(today, -12), to: addMonths(today, -6) }, today)).toEqual([]);
  });

  it('refuses a start more than 3 years back, an end after today, and an end before the start', () => {
    expect(reportPeriodProblems({ from: addDays(addMonths(today, -36), -1), to: today }, today).map((p) => p.path)).toEqual(['from']);
    expect(reportPeriodProblems({ from: today, to: addDays(today, 1) }, today).map((p) => p.path)).toEqual(['to']);
    const backwards = reportPeriodProblems({ from: addDays(today, -1), to: addDays(today, -2) }, today);
    expect(backwards).toEqual([{ path: 'to', message: '截止日不能早于起始日' }]);
  });
});

describe('reportSection — what a report lists (§11, 36号 停止共享和使用)', () => {
  const period = defaultReportPeriod(today);

  it('lists public negative records of every kind decided in the period', () => {
    for (const kind of ['penalty', 'wage_arrears_list', 'major_violation', 'commitment_breach'] as const) {
      expect(reportSection(record({ kind, severity: 'serious' }), period, today)).toBe('negative');
    }
  });

  it('lists sampling results, clean ones included', () => {
    expect(reportSection(sampling('未发现问题'), period, today)).toBe('sampling');
    expect(reportSection(sampling('发现问题已责令改正'), period, today)).toBe('sampling');
  });

  it('leaves out repaired, withdrawn, expired and draft records, and those past their 公示截止期', () => {
    for (const status of ['repaired', 'withdrawn', 'expired', 'draft'] as const) {
      expect(reportSection(record({ status }), period, today)).toBeNull();
    }
    const ended = addMonths(today, -13);
    expect(reportSection(record({ decidedAt: ended, publishUntil: publicationEnd(ended, 'general') }), period, today)).toBeNull();
  });

  it('leaves out records decided outside the period, and keeps its first and last day', () => {
    const short = { from: addMonths(today, -6), to: addMonths(today, -1) };
    expect(reportSection(record({ decidedAt: addDays(short.from, -1) }), short, today)).toBeNull();
    expect(reportSection(record({ decidedAt: addDays(short.to, 1) }), short, today)).toBeNull();
    expect(reportSection(record({ decidedAt: short.from }), short, today)).toBe('negative');
    expect(reportSection(record({ decidedAt: short.to }), short, today)).toBe('negative');
  });

  it('does not list no-penalty outcomes (一案三书) or warning-only decisions as negative records', () => {
    expect(reportSection(record({ kind: 'no_penalty', severity: 'none', publishUntil: null }), period, today)).toBeNull();
    expect(reportSection(record({ severity: 'none', publishUntil: null }), period, today)).toBeNull();
  });
});

describe('buildCreditReport', () => {
  it('says 报告期内无劳动保障领域行政处罚等失信记录 when there are none, and still lists clean sampling results', () => {
    const report = buildCreditReport(source([sampling('未发现问题'), record({ status: 'repaired' })]), issue);
    expect(report.statement).toBe(NO_NEGATIVE_RECORDS_STATEMENT);
    expect(report.negativeRecords).toEqual([]);
    expect(report.samplingResults.map((r) => r.detail.result)).toEqual(['未发现问题']);
  });

  it('lists negative records newest first, with no statement', () => {
    const older = record({ decidedAt: addMonths(today, -20), severity: 'serious' });
    const newer = record({ decidedAt: addMonths(today, -3) });
    const report = buildCreditReport(source([older, newer]), issue);
    expect(report.statement).toBeNull();
    expect(report.negativeRecords.map((r) => r.id)).toEqual([newer.id, older.id]);
  });

  it('states its number, moment of issue, period, issuer and basis', () => {
    const report = buildCreditReport(source([]), issue);
    expect(report).toMatchObject({
      format: 'hrss-credit-report/1',
      reportNo: issue.reportNo,
      issuedAt: issue.issuedAt,
      period: issue.period,
      issuer: '北京市人力资源和社会保障局',
      basis: '《北京市优化营商环境条例》第六十一条',
      enterprise,
    });
  });

  it('gives the grade of each assessed year within the period, and none outside it', () => {
    const assessments = [
      { year: year - 1, grade: 'B' as const, reason: 'B级' },
      { year: year - 5, grade: 'C' as const, reason: 'C级' },
    ];
    expect(buildCreditReport(source([], assessments), issue).grades).toEqual([{ year: year - 1, grade: 'B', reason: 'B级' }]);
    const todayOnly = { ...issue, period: { from: today, to: today } };
    expect(buildCreditReport(source([], assessments), todayOnly).grades).toEqual([]);
  });

  it('carries only public members of a record: its content as the profile shows it', () => {
    const r = record({ detail: { facts: '拖欠劳动者张某某工资。' } });
    const [listed] = buildCreditReport(source([r]), issue).negativeRecords;
    expect(Object.keys(listed!).sort()).toEqual([
      'authority',
      'decidedAt',
      'decisionNo',
      'detail',
      'id',
      'kind',
      'publishUntil',
      'severity',
      'title',
    ]);
    expect(listed!.detail).toBe(r.detail);
  });
});

describe('reportChanges — a report is a snapshot (§11); later changes are flagged', () => {
  const states = (entries: [number, string, string | null][]) =>
    new Map(entries.map(([id, status, publishUntil]) => [id, { status: status as 'published', publishUntil }]));

  it('finds nothing when the record is as it was', () => {
    const records = [record(), sampling('未发现问题')];
    const issued = buildCreditReport(source(records), issue);
    expect(reportChanges(issued, records, new Map(), today)).toEqual([]);
    expect(missingRecordIds(issued, records, today)).toEqual([]);
  });

  it('flags a corrected record (its public content changed)', () => {
    const r = record();
    const issued = buildCreditReport(source([r]), issue);
    const corrected = { ...r, title: '拖欠 3 名劳动者工资', detail: { ...r.detail, correctionNote: '人数更正。' } };
    expect(reportChanges(issued, [corrected], new Map(), today)).toEqual([{ recordId: r.id, change: 'corrected' }]);
  });

  it('flags a record withdrawn or repaired after issue, by its status now', () => {
    const a = record({ decidedAt: addMonths(today, -3) });
    const b = record({ decidedAt: addMonths(today, -4) });
    const issued = buildCreditReport(source([a, b]), issue);
    const now = [
      { ...a, status: 'withdrawn' as const, detail: null },
      { ...b, status: 'repaired' as const, detail: null },
    ];
    expect(missingRecordIds(issued, now, today)).toEqual([a.id, b.id]);
    const changes = reportChanges(
      issued,
      now,
      states([
        [a.id, 'withdrawn', a.publishUntil],
        [b.id, 'repaired', b.publishUntil],
      ]),
      today,
    );
    expect(changes).toEqual([
      { recordId: a.id, change: 'withdrawn' },
      { recordId: b.id, change: 'repaired' },
    ]);
  });

  it('flags a record whose publication ended, whether or not the nightly job has marked it expired', () => {
    const r = record({ decidedAt: addMonths(today, -11) });
    const issued = buildCreditReport(source([r]), issue);
    const later = addMonths(today, 2);
    expect(reportChanges(issued, [r], states([[r.id, 'published', r.publishUntil]]), later)).toEqual([
      { recordId: r.id, change: 'expired' },
    ]);
    expect(reportChanges(issued, [], states([[r.id, 'expired', r.publishUntil]]), today)).toEqual([{ recordId: r.id, change: 'expired' }]);
  });

  it('flags a record moved out of the period by a corrected decision date as corrected, and one gone entirely as removed', () => {
    const short = { ...issue, period: { from: addMonths(today, -6), to: today } };
    const moved = record({ decidedAt: addMonths(today, -2) });
    const gone = record({ decidedAt: addMonths(today, -3) });
    const issued = buildCreditReport(source([moved, gone]), short);
    const now = [{ ...moved, decidedAt: addMonths(today, -8) }];
    expect(reportChanges(issued, now, states([[moved.id, 'published', moved.publishUntil]]), today)).toEqual([
      { recordId: moved.id, change: 'corrected' },
      { recordId: gone.id, change: 'removed' },
    ]);
  });

  it('flags a record of the period published after issue as added', () => {
    const issued = buildCreditReport(source([]), issue);
    const added = record();
    expect(reportChanges(issued, [added], new Map(), today)).toEqual([{ recordId: added.id, change: 'added' }]);
  });
});
