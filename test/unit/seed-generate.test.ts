import { beforeAll, describe, expect, it } from 'vitest';
import { generateDataset, type SeedDataset, type SeedOptions } from '../../scripts/seed/generate';
import { NARROW_DRAWS_ABOVE, planTasks } from '../../scripts/seed/sampling';
import { defaultCalendar } from '../../functions/domain/calendar-data';
import { parseUscc } from '../../functions/domain/uscc';
import { districts } from '../../functions/domain/districts';
import { assessGrade } from '../../functions/domain/grade';
import { publicationEnd } from '../../functions/domain/publication';
import { nameIndexRow } from '../../functions/domain/name-search';
import { verifyAccessCode } from '../../functions/domain/reference';
import { recordKinds, severities } from '../../functions/domain/vocabulary';
import { isWorkingDay } from '../../functions/domain/working-days';
import { bureauByName, bureaus } from '../../functions/domain/authorities';
import { LATE_BUREAU } from '../../scripts/seed/publications';
import { missingMajorViolationStatements, quarterOf, quarterPublicationProblem } from '../../functions/domain/major-violations';
import { officerStanding, parseCertificateNo, type OfficerCredential } from '../../functions/domain/officers';
import { earliestRemovalOn } from '../../functions/domain/wage-arrears-list';

// The demo data is the site's first impression and the benchmark's workload: it must be valid
// by the domain rules (DOMAIN.md), reproducible, and rich enough at 200 enterprises to show
// every case the pages handle.

const TODAY = '2026-11-25';
const options = (overrides: Partial<SeedOptions> = {}): SeedOptions => ({
  seed: 1,
  enterprises: 200,
  today: TODAY,
  calendar: defaultCalendar,
  ...overrides,
});

const all = <T>(batches: Iterable<T[]>): T[] => [...batches].flat();

function tables(dataset: SeedDataset) {
  return {
    samplingItems: all(dataset.samplingItems()),
    samplingTasks: all(dataset.samplingTasks()),
    enterprises: all(dataset.enterprises()),
    nameIndex: all(dataset.nameIndex()),
    samplingResults: all(dataset.samplingResults()),
    creditRecords: all(dataset.creditRecords()),
    inspectors: all(dataset.inspectors()),
    inspectorConflicts: all(dataset.inspectorConflicts()),
    violationPublications: all(dataset.violationPublications()),
    objections: all(dataset.objections()),
    repairs: all(dataset.repairs()),
    caseEvents: all(dataset.caseEvents()),
  };
}

describe('generateDataset — reproducibility', () => {
  it('gives byte-identical rows for the same options', () => {
    expect(JSON.stringify(tables(generateDataset(options())))).toBe(JSON.stringify(tables(generateDataset(options()))));
  });

  it('gives other codes and names for another seed, except the employers the typical cases name', () => {
    const a = all(generateDataset(options()).enterprises());
    const b = all(generateDataset(options({ seed: 2 })).enterprises());
    const same = b.filter((e, k) => e.uscc === a[k]!.uscc || e.name === a[k]!.name);
    expect(same.map((e) => e.id)).toEqual([22, 23, 24, 25, 26, 27, 28, 29, 30]);
    for (const e of same) expect(e.uscc).toContain('DEMA');
  });

  it('gives the same first enterprises and records whatever the total', () => {
    const small = tables(generateDataset(options()));
    const large = tables(generateDataset(options({ enterprises: 300 })));
    expect(large.enterprises.slice(0, 200)).toEqual(small.enterprises);
    expect(large.creditRecords.slice(0, small.creditRecords.length)).toEqual(small.creditRecords);
  });

  it('streams in batches of the requested size', () => {
    const sizes = [...generateDataset(options()).enterpriseBatches(64)].map((b) => b.enterprises.length);
    expect(sizes).toEqual([64, 64, 64, 8]);
  });

  it('rejects options it cannot honour', () => {
    expect(() => generateDataset(options({ enterprises: 5 }))).toThrow(RangeError);
    expect(() => generateDataset(options({ today: '2026-02-30' }))).toThrow(RangeError);
    expect(() => generateDataset(options({ seed: 1.5 }))).toThrow(RangeError);
  });
});

describe('enterprises at 20,000 (DOMAIN.md §1)', () => {
  let dataset: SeedDataset;
  let rows: ReturnType<typeof tables>['enterprises'];
  beforeAll(() => {
    dataset = generateDataset(options({ enterprises: 20_000 }));
    rows = all(dataset.enterprises());
  });

  it('has unique codes and unique names', () => {
    expect(new Set(rows.map((e) => e.uscc)).size).toBe(rows.length);
    expect(new Set(rows.map((e) => e.name)).size).toBe(rows.length);
  });

  it('has valid 18-character codes except the documented wrong-check and legacy ones', () => {
    const wrongCheck = new Set(dataset.demo.wrongCheckCodes);
    const legacy = new Set(dataset.demo.legacyCodes);
    for (const { uscc } of rows) {
      const parsed = parseUscc(uscc);
      expect(parsed.ok, uscc).toBe(true);
      if (!parsed.ok) continue;
      if (legacy.has(uscc)) expect(parsed.kind, uscc).toBe('legacy');
      else expect([parsed.kind, parsed.checkValid], uscc).toEqual(['uscc', !wrongCheck.has(uscc)]);
    }
    expect(wrongCheck.size).toBeGreaterThanOrEqual(1);
    expect(legacy.size).toBe(20);
  });

  it('registers every employer in a Beijing district that its code agrees with', () => {
    for (const e of rows) {
      expect(Object.keys(districts), e.uscc).toContain(e.districtCode);
      expect(e.uscc.length === 18 ? e.uscc.slice(2, 8) : e.uscc.slice(0, 6), e.uscc).toBe(e.districtCode);
      expect(e.address.startsWith(`北京市${districts[e.districtCode as keyof typeof districts]}`), e.address).toBe(true);
    }
  });

  it('uses the registration authorities and entity categories of GB 32100 for employers', () => {
    const categories = new Set(rows.filter((e) => e.uscc.length === 18).map((e) => e.uscc.slice(0, 2)));
    expect([...categories].sort()).toEqual(['12', '52', '91', '92']);
  });

  it('grades most employers A, some B, few C, and leaves some unassessed', () => {
    const share = (grade: string | null) => rows.filter((e) => (e.grade ?? null) === grade).length / rows.length;
    expect(share('A')).toBeGreaterThan(0.5);
    expect(share('B')).toBeGreaterThan(share('C'));
    expect(share('C')).toBeGreaterThan(0.01);
    expect(share(null)).toBeGreaterThan(0.05);
  });

  it('averages about three records per enterprise', () => {
    const perEnterprise = all(dataset.creditRecords()).length / rows.length;
    expect(perEnterprise).toBeGreaterThan(2.5);
    expect(perEnterprise).toBeLessThan(3.5);
  });
});

describe('records at 200 enterprises (DOMAIN.md §2, §5, §6)', () => {
  const dataset = generateDataset(options());
  const data = tables(dataset);
  const { enterprises, creditRecords: records } = data;
  const byCode = new Map(enterprises.map((e) => [e.uscc, e]));

  it('numbers enterprises 1..N and records consecutively, each about an existing enterprise', () => {
    expect(enterprises.map((e) => e.id)).toEqual(enterprises.map((_, k) => k + 1));
    expect(records.map((r) => r.id)).toEqual(records.map((_, k) => k + 1));
    for (const r of records) expect(byCode.has(r.uscc), r.uscc).toBe(true);
  });

  it('shows every kind of record and every severity', () => {
    expect(new Set(records.map((r) => r.kind))).toEqual(new Set(recordKinds));
    expect(new Set(records.map((r) => r.severity))).toEqual(new Set(severities));
  });

  it('ends publication by the rule of DOMAIN.md §2 and keeps non-negative records open-ended', () => {
    for (const r of records) expect(r.publishUntil, `record ${r.id}`).toBe(publicationEnd(r.decidedOn, r.severity));
    for (const r of records.filter((x) => x.kind === 'no_penalty')) expect(r.severity).toBe('none');
  });

  it('includes records past their end date, some still marked published (the site hides them by date)', () => {
    const past = records.filter((r) => r.publishUntil !== null && r.publishUntil! <= TODAY);
    expect(past.some((r) => r.status === 'published')).toBe(true);
    expect(past.some((r) => r.status === 'expired')).toBe(true);
  });

  it('includes a withdrawn decision with its reason and date, and a repaired one', () => {
    const withdrawn = records.filter((r) => r.status === 'withdrawn');
    expect(withdrawn.length).toBeGreaterThan(0);
    for (const r of withdrawn) expect([r.withdrawalReason, r.withdrawnOn].every(Boolean)).toBe(true);
    expect(records.some((r) => r.status === 'repaired' && r.repairedOn)).toBe(true);
  });

  it('dates decisions and publications on working days, as a bureau issues them (DOMAIN.md §9)', () => {
    const decided = records.filter((r) => r.kind !== 'sampling_result');
    expect(decided.length).toBeGreaterThan(100);
    for (const r of decided) expect(isWorkingDay(defaultCalendar, r.decidedOn), `record ${r.id} decided ${r.decidedOn}`).toBe(true);
    for (const r of decided.filter((x) => x.publishedOn)) {
      expect(isWorkingDay(defaultCalendar, r.publishedOn!), `record ${r.id} published ${r.publishedOn}`).toBe(true);
    }
  });

  it('never publishes a warning-only penalty', () => {
    const warningOnly = records.filter((r) => r.kind === 'penalty' && JSON.stringify(r.penaltyTypes) === '["警告"]');
    expect(warningOnly.length).toBeGreaterThan(0);
    for (const r of warningOnly) expect([r.status, r.publishedOn]).toEqual(['draft', null]);
  });

  it('lists wage arrears for three years with the responsible persons and workers that masking must handle', () => {
    const listing = records.find((r) => r.kind === 'wage_arrears_list')!;
    expect(listing.severity).toBe('serious');
    expect(listing.publishUntil).toBe(publicationEnd(listing.decidedOn, 'serious'));
    const detail = listing.detail as { legalRepresentative: string; responsiblePersons: object[]; workers: object[] };
    expect(detail.legalRepresentative).toBe(byCode.get(listing.uscc)!.legalRepresentative);
    for (const person of [...detail.responsiblePersons, ...detail.workers]) {
      expect(person).toMatchObject({
        name: expect.any(String),
        idNumber: expect.stringMatching(/^\d{17}[\dX]$/),
        phone: expect.stringMatching(/^1[3-9]\d{9}$/),
      });
    }
  });

  it("publishes major violations with the fields of 人社部令第29号 in their bureau's quarterly publication", () => {
    const majors = records.filter((r) => r.kind === 'major_violation');
    expect(majors.length).toBeGreaterThan(0);
    const publications = new Map(data.violationPublications.map((p) => [p.id, p]));
    for (const major of majors) {
      expect(Object.keys(major.detail!)).toEqual(expect.arrayContaining(['subjectName', 'uscc', 'address', 'legalRepresentative']));
      expect(missingMajorViolationStatements(major)).toEqual([]);
      if (major.status === 'draft') {
        // The late district's entries wait for its publication.
        expect([bureauByName(major.authority)!.code, major.publicationId, major.publishedOn]).toEqual([LATE_BUREAU, null, null]);
        continue;
      }
      const publication = publications.get(major.publicationId!)!;
      expect(publication, major.publicationId!).toBeDefined();
      // Published after its quarter ended, by the bureau that decided, from its decision date for 3 years (§2).
      expect([publication.authority, publication.publishedOn]).toEqual([major.authority, major.publishedOn]);
      expect(quarterOf(major.decidedOn)).toEqual({ year: publication.year, quarter: publication.quarter });
      expect(quarterPublicationProblem(quarterOf(major.decidedOn), publication.publishedOn)).toBeNull();
      expect(major.publishUntil).toBe(publicationEnd(major.decidedOn, 'serious'));
    }
  });

  it('has every bureau publish every quarter, once, even with nothing to publish — but one district late with the latest', () => {
    const perQuarter = new Map<string, Set<string>>();
    for (const p of data.violationPublications) {
      const key = `${p.year}Q${p.quarter}`;
      if (!perQuarter.has(key)) perQuarter.set(key, new Set());
      perQuarter.get(key)!.add(p.bureauCode);
    }
    const [latest, ...earlier] = [...perQuarter.keys()].sort().reverse();
    for (const key of earlier) expect(perQuarter.get(key)!.size, key).toBe(bureaus.length);
    expect([...perQuarter.get(latest!)!].sort()).toEqual(
      bureaus
        .map((b) => b.code)
        .filter((c) => c !== LATE_BUREAU)
        .sort(),
    );
    expect(new Set(data.violationPublications.map((p) => p.id)).size).toBe(data.violationPublications.length);
  });

  it('removes some listings early (提前移出), never before 6 months, and keeps the rest in force', () => {
    const listings = records.filter((r) => r.kind === 'wage_arrears_list');
    const removed = listings.filter((r) => r.status === 'repaired');
    expect(removed.length).toBeGreaterThan(0);
    expect(listings.some((r) => r.status === 'published')).toBe(true);
    for (const r of removed) {
      expect(r.repairedOn! >= earliestRemovalOn(r.decidedOn), String(r.id)).toBe(true);
      expect(r.repairedOn! < TODAY).toBe(true);
    }
  });

  it('stores the grade that the records of the assessment year produce', () => {
    const { gradeYear } = dataset;
    expect(gradeYear).toBe(2025);
    for (const e of enterprises) {
      if (e.grade === null) {
        expect([e.gradeYear, e.gradeReason]).toEqual([null, null]);
        continue;
      }
      const assessed = assessGrade(records.filter((r) => r.uscc === e.uscc && r.decidedOn.startsWith(String(gradeYear))));
      expect([e.grade, e.gradeYear, e.gradeReason], e.uscc).toEqual([assessed.grade, gradeYear, assessed.reason]);
    }
    expect(new Set(enterprises.map((e) => e.grade))).toEqual(new Set(['A', 'B', 'C', null]));
  });

  it('indexes every name as the name-search rules say', () => {
    expect(data.nameIndex).toEqual(enterprises.map((e) => nameIndexRow({ id: e.id!, name: e.name, districtCode: e.districtCode })));
  });
});

describe('双随机、一公开 at 200 enterprises (DOMAIN.md §7)', () => {
  const data = tables(generateDataset(options()));
  const tasks = new Map(data.samplingTasks.map((t) => [t.id, t]));
  const byCode = new Map(data.enterprises.map((e) => [e.uscc, e]));

  it('publishes the 抽查事项清单 with every field', () => {
    expect(data.samplingItems.length).toBeGreaterThanOrEqual(6);
    for (const item of data.samplingItems) expect(Object.values(item).every((v) => typeof v === 'string' && v.length > 0)).toBe(true);
  });

  it('plans at least three random tasks due by today and one still to draw, whatever the date', () => {
    for (const today of [TODAY, '2026-01-05', '2026-03-20', '2026-07-01']) {
      const plan = generateDataset(options({ today })).tasks.filter((t) => t.kind === 'random');
      expect(plan.filter((t) => t.status !== 'planned').length, today).toBeGreaterThanOrEqual(3);
      expect(
        plan.some((t) => t.status === 'planned'),
        today,
      ).toBe(true);
    }
  });

  it('leaves random tasks planned with a secret seed for scripts/seed/draws.ts, and no results', () => {
    const random = data.samplingTasks.filter((t) => t.kind === 'random');
    for (const t of random) {
      expect(t.seed, t.id).toMatch(/^[0-9a-f]{64}$/);
      expect([t.status, t.seedCommitment, t.draw, t.candidateCount, t.selectedCount], t.id).toEqual(['planned', null, null, null, null]);
    }
    expect(new Set(random.map((t) => t.seed)).size).toBe(random.length);
    const randomIds = new Set(random.map((t) => t.id));
    expect(data.samplingResults.filter((r) => randomIds.has(r.taskId))).toEqual([]);
  });

  it('chooses and counts the employers of each 重点检查 itself', () => {
    const targeted = data.samplingTasks.filter((t) => t.kind === 'targeted');
    expect(targeted.length).toBeGreaterThanOrEqual(1);
    for (const t of targeted) {
      const results = data.samplingResults.filter((r) => r.taskId === t.id);
      expect([t.seed, t.seedCommitment, t.draw]).toEqual([null, null, null]);
      expect(results.length, t.id).toBeGreaterThan(0);
      expect(t.selectedCount!, t.id).toBeGreaterThanOrEqual(results.length);
      expect(t.candidateCount!, t.id).toBeGreaterThanOrEqual(t.selectedCount!);
    }
  });

  it('inspects the employers a draw selected, numbered on from the last record', () => {
    const dataset = generateDataset(options());
    const task = dataset.tasks.find((t) => t.kind === 'random' && t.status === 'completed')!;
    expect(() => dataset.inspectDrawn(task.id, [30])).toThrow(/enterpriseBatches/);
    const records = all(dataset.creditRecords());
    const results = all(dataset.samplingResults());
    const drawn = dataset.inspectDrawn(task.id, [40, 30, 1]);
    expect(drawn.samplingResults.map((r) => [r.id, r.taskId])).toEqual([1, 2, 3].map((k) => [results.length + k, task.id]));
    expect(drawn.creditRecords.map((r) => r.id)).toEqual(drawn.creditRecords.map((_, k) => records.length + k + 1));
    // Showcase 1's story is scripted: a random inspection of it finds nothing.
    expect(drawn.samplingResults[0]).toMatchObject({ uscc: dataset.demo.showcases[0]!.uscc, result: '未发现问题' });
    const again = dataset.inspectDrawn(task.id, [50]);
    expect(again.samplingResults[0]!.id).toBe(results.length + 4);
  });

  it('keeps random scopes to one district, narrowed to one industry at scale', () => {
    const scopes = (enterprises: number) =>
      planTasks(TODAY, enterprises)
        .filter((t) => t.kind === 'random' && t.status !== 'planned')
        .map((t) => t.scope);
    for (const scope of scopes(200)) expect([scope.districts.length, scope.industries.length]).toEqual([1, 0]);
    for (const scope of scopes(NARROW_DRAWS_ABOVE + 1)) expect([scope.districts.length, scope.industries.length]).toEqual([1, 1]);
  });

  it('has results only for employers in the task scope, drawn after they were registered', () => {
    for (const r of data.samplingResults) {
      const task = tasks.get(r.taskId)!;
      const e = byCode.get(r.uscc)!;
      expect(task.scope.districts.length === 0 || task.scope.districts.includes(e.districtCode)).toBe(true);
      expect(task.scope.industries.length === 0 || task.scope.industries.includes(e.industry)).toBe(true);
      expect(e.registeredOn! <= task.drawnOn!).toBe(true);
      expect(r.inspectedOn >= task.inspectFrom! && r.inspectedOn <= task.inspectTo! && r.inspectedOn < TODAY).toBe(true);
    }
  });

  it('shows each result as a record of the same employer, clean ones and findings', () => {
    const results = new Map(data.samplingResults.map((r) => [r.id, r]));
    const linked = data.creditRecords.filter((r) => r.kind === 'sampling_result');
    for (const record of linked) {
      const result = results.get(record.samplingResultId!)!;
      expect([result.uscc, (record.detail as { result: string }).result]).toEqual([record.uscc, result.result]);
    }
    expect(linked.length).toBe(data.samplingResults.length);
    expect(new Set(data.samplingResults.map((r) => r.result))).toContain('未发现问题');
    expect(data.samplingResults.some((r) => r.result !== '未发现问题')).toBe(true);
  });

  it('has one list of officers with certificate numbers, validity and recusals, most valid today', () => {
    expect(data.inspectors.length).toBe(40);
    expect(new Set(data.inspectors.map((i) => i.certificateNo)).size).toBe(40);
    for (const i of data.inspectors) expect(parseCertificateNo(i.certificateNo)).toEqual({ ok: true, certificateNo: i.certificateNo });
    const standing = data.inspectors.map((i) => officerStanding(i as OfficerCredential, TODAY));
    expect(standing.filter((s) => s === 'valid').length).toBe(36);
    expect(standing.filter((s) => s === 'suspended').length).toBe(2);
    expect(standing.filter((s) => s === 'expired').length).toBe(2);
    const pool = new Set(data.inspectors.map((i) => i.id));
    for (const c of data.inspectorConflicts) expect([pool.has(c.inspectorId), byCode.has(c.uscc)]).toEqual([true, true]);
  });
});

describe('objections and repairs (DOMAIN.md §3, §4)', () => {
  const dataset = generateDataset(options());
  const data = tables(dataset);
  const records = new Map(data.creditRecords.map((r) => [r.id, r]));

  it('has one open objection, one repair in progress and one approved repair, each about a record of its employer', () => {
    expect(data.objections.map((o) => o.status)).toEqual(['in_progress']);
    expect(data.repairs.map((r) => [r.status, r.outcome ?? null])).toEqual([
      ['in_progress', null],
      ['closed', 'approved'],
    ]);
    for (const c of [...data.objections, ...data.repairs]) expect(records.get(c.recordId)!.uscc).toBe(c.uscc);
  });

  it('ends publication of the repaired record on the day the repair was approved', () => {
    const approved = data.repairs.find((r) => r.outcome === 'approved')!;
    expect(records.get(approved.recordId)).toMatchObject({ status: 'repaired', repairedOn: approved.decidedOn });
  });

  it('keeps a timeline per case, from received to the current status', () => {
    for (const c of [...data.objections, ...data.repairs]) {
      const timeline = data.caseEvents.filter((e) => e.reference === c.reference);
      expect(timeline[0]!.status).toBe('received');
      expect(timeline.at(-1)!.status).toBe(c.status);
      expect(timeline.map((e) => e.at)).toEqual(timeline.map((e) => e.at).sort());
    }
  });

  it('stores realistic private contact details and only a hash of the demo access code', async () => {
    for (const c of [...data.objections, ...data.repairs]) {
      expect(c.applicantPhone).toMatch(/^1[3-9]\d{9}$/);
      expect(c.applicantEmail).toMatch(/^[a-z]+\d*@example\.com$/);
      expect(c.accessCodeHash).not.toContain(dataset.demo.accessCode);
    }
    expect(await verifyAccessCode(dataset.demo.accessCode, data.objections[0]!.accessCodeHash)).toBe(true);
    expect(dataset.demo.cases.objection).toEqual({
      reference: data.objections[0]!.reference,
      recordId: data.objections[0]!.recordId,
      uscc: data.objections[0]!.uscc,
    });
  });
});
