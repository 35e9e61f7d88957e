import { describe, expect, it } from 'vitest';
import { defaultCalendar as cal } from '../../functions/domain/calendar-data';
import {
  checkLimitation,
  complaintAcceptBy,
  complaintInvestigateBy,
  complaintSla,
  complaintTimeLimits,
  employerKey,
  joinWindowStart,
} from '../../functions/domain/complaint-rules';
import { workingDaysBetween } from '../../functions/domain/working-days';

// DOMAIN.md §10: a 投诉 is accepted within 5 working days of receipt (规定 第十八条); the
// investigation is completed within 60 working days of 立案, extendable by 30 (条例 第十七条); a
// violation not reported within 2 years is not investigated, counted from the end of a continuing
// violation (条例 第二十条). §9: deadlines over an unannounced year are 预计.
describe('complaint time limits (content/rules/complaint-time-limits.json)', () => {
  it('holds the numbers of DOMAIN.md §10 with their sources', () => {
    expect(complaintTimeLimits).toMatchObject({
      acceptWithinWorkingDays: 5,
      investigateWithinWorkingDays: 60,
      extensionWorkingDays: 30,
      limitationYears: 2,
      joinWithinDays: 30,
    });
    expect(complaintTimeLimits.source).toContain('第十七条');
    expect(complaintTimeLimits.source).toContain('第二十条');
  });
});

describe('complaintAcceptBy', () => {
  it('gives a complaint received on Mon 2026-11-23 until Mon 30 (five working days, the weekend skipped)', () => {
    expect(complaintAcceptBy(cal, '2026-11-23')).toEqual({ date: '2026-11-30', provisional: false });
  });

  it('steps over the National Day holiday of the announced 2026 calendar', () => {
    const due = complaintAcceptBy(cal, '2026-09-30');
    expect(due.provisional).toBe(false);
    expect(due.date > '2026-10-07').toBe(true);
    expect(workingDaysBetween(cal, '2026-09-30', due.date)).toBe(5);
  });
});

describe('complaintInvestigateBy', () => {
  it('counts 60 working days from 立案, into a year not yet announced: 预计', () => {
    const due = complaintInvestigateBy(cal, '2026-11-23', false);
    expect(due.date.startsWith('2027-')).toBe(true);
    expect(due.provisional).toBe(true);
    expect(workingDaysBetween(cal, '2026-11-23', due.date)).toBe(60);
  });

  it('adds 30 working days once an extension is approved', () => {
    const due = complaintInvestigateBy(cal, '2026-03-02', true);
    expect(workingDaysBetween(cal, '2026-03-02', due.date)).toBe(90);
    expect(due.provisional).toBe(false);
  });
});

describe('checkLimitation (条例 第二十条)', () => {
  const today = '2026-12-01';
  it('accepts a violation that ended exactly 2 years ago and refuses one a day older', () => {
    expect(checkLimitation({ from: '2024-06-01', to: '2024-12-01' }, today)).toEqual({ ok: true });
    const late = checkLimitation({ from: '2024-06-01', to: '2024-11-30' }, today);
    expect(late).toMatchObject({ ok: false, message: expect.stringContaining('第二十条') });
  });

  it('counts a continuing violation from its end, a single event from its date', () => {
    expect(checkLimitation({ from: '2020-01-01', to: '2026-11-01' }, today).ok).toBe(true);
    expect(checkLimitation({ from: '2024-11-30' }, today).ok).toBe(false);
  });

  it('refuses a period in the future or ending before it begins', () => {
    expect(checkLimitation({ from: '2026-12-02' }, today)).toMatchObject({ ok: false, message: '发生时间不能晚于今天' });
    expect(checkLimitation({ from: '2026-05-02', to: '2026-05-01' }, today)).toMatchObject({ ok: false });
  });
});

describe('joining repeated complaints', () => {
  it('looks back 30 calendar days', () => {
    expect(joinWindowStart('2026-12-01')).toBe('2026-11-01');
  });

  it('compares employers by code, else by name without spaces and brackets', () => {
    expect(employerKey({ uscc: '91110105MA01ABCD39', name: '甲' })).toBe('uscc:91110105MA01ABCD39');
    expect(employerKey({ name: '北京 某某（餐饮）店' })).toBe(employerKey({ name: '北京某某餐饮店' }));
  });
});

describe('complaintSla', () => {
  const base = { acceptBy: '2026-11-30', acceptByProvisional: false, investigateBy: null, investigateByProvisional: false };
  it('runs the acceptance deadline while received', () => {
    expect(complaintSla({ ...base, status: 'received' }, '2026-11-26', cal)).toMatchObject({
      stage: 'accept',
      due: '2026-11-30',
      workingDaysLeft: 2,
      late: false,
      label: '距受理期限 2 个工作日',
    });
    expect(complaintSla({ ...base, status: 'received' }, '2026-12-02', cal)).toMatchObject({ late: true, label: '受理逾期 2 个工作日' });
  });

  it('runs the investigation deadline once accepted, marked 预计 when provisional', () => {
    const c = { ...base, status: 'accepted' as const, investigateBy: '2027-02-26', investigateByProvisional: true };
    expect(complaintSla(c, '2027-02-25', cal)).toMatchObject({
      stage: 'investigate',
      provisional: true,
      label: '距调查期限 1 个工作日（预计）',
    });
  });

  it('has no deadline once closed, not accepted, transferred or joined', () => {
    for (const status of ['closed', 'not_accepted', 'transferred', 'joined'] as const) {
      expect(complaintSla({ ...base, status }, '2026-11-26', cal)).toMatchObject({ stage: null, due: null, label: '已办结' });
    }
  });
});
