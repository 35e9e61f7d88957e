import { describe, expect, it } from 'vitest';
import { defaultCalendar as cal } from '../../functions/domain/calendar-data';
import { caseDeadlines, caseTimeLimits } from '../../functions/domain/case-deadlines';

// DOMAIN.md §4: objections "accepted within 2 working days; decided within 10 working days of
// acceptance". §3 (国办发〔2025〕22号): repairs decided "within 3 working days of accepting … an answer
// within 10 working days of applying". §9: deadlines over an unannounced year are 预计.
describe('case time limits (content/rules/case-time-limits.json)', () => {
  it('holds the numbers of DOMAIN.md §3 and §4 with their sources', () => {
    expect(caseTimeLimits.objection).toMatchObject({
      acceptWithinWorkingDays: 2,
      decideWithinWorkingDaysOfAcceptance: 10,
      answerWithinWorkingDaysOfApplication: null,
    });
    expect(caseTimeLimits.repair).toMatchObject({ decideWithinWorkingDaysOfAcceptance: 3, answerWithinWorkingDaysOfApplication: 10 });
    expect(caseTimeLimits.repair.source).toContain('国办发〔2025〕22号');
  });
});

describe('caseDeadlines', () => {
  it('gives an objection filed on Mon 2026-11-23: accept by Wed 25, decide 10 working days after that', () => {
    expect(caseDeadlines(cal, 'objection', { submittedOn: '2026-11-23' })).toEqual({
      acceptBy: { date: '2026-11-25', provisional: false },
      decideBy: { date: '2026-12-09', provisional: false },
    });
  });

  it('counts the decision from the real acceptance once there is one', () => {
    expect(caseDeadlines(cal, 'objection', { submittedOn: '2026-11-23', acceptedOn: '2026-11-24' }).decideBy).toEqual({
      date: '2026-12-08',
      provisional: false,
    });
  });

  it('gives a repair the earlier of 3 working days after acceptance and 10 after applying', () => {
    // Accepted on the last day (Wed 25): + 3 = Mon 30; the outer limit (Mon 23 + 10 = 7 December) is later.
    expect(caseDeadlines(cal, 'repair', { submittedOn: '2026-11-23' }).decideBy).toEqual({ date: '2026-11-30', provisional: false });
    // Accepted late, on 4 December: + 3 would be 9 December, but the answer is due by 7 December.
    expect(caseDeadlines(cal, 'repair', { submittedOn: '2026-11-23', acceptedOn: '2026-12-04' }).decideBy).toEqual({
      date: '2026-12-07',
      provisional: false,
    });
  });

  it('marks deadlines that reach into 2027 as provisional, and the decision too when its start is', () => {
    const d = caseDeadlines(cal, 'objection', { submittedOn: '2026-12-30' });
    expect(d.acceptBy).toEqual({ date: '2027-01-04', provisional: true });
    expect(d.decideBy.provisional).toBe(true);
    // Accepted within 2026 (announced), the 10 days still reach into 2027.
    expect(caseDeadlines(cal, 'objection', { submittedOn: '2026-12-01' }).acceptBy.provisional).toBe(false);
  });

  it('skips the provisional 春节 2027 (5–10 February with 补假) for a case filed on Wed 3 February', () => {
    const d = caseDeadlines(cal, 'objection', { submittedOn: '2027-02-03' });
    expect(d.acceptBy).toEqual({ date: '2027-02-11', provisional: true });
    expect(d.decideBy).toEqual({ date: '2027-02-25', provisional: true });
  });
});
