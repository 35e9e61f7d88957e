import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  PUBLICATION_PERIODS,
  governingSeverity,
  publicView,
  FULL_VIEW_STATUSES,
  NOTICE_VIEW_STATUSES,
  publicationEnd,
  repairPossibleFrom,
} from '../../functions/domain/publication';
import { addDays } from '../../functions/domain/dates';
import { recordStatuses, type RecordStatus, type Severity } from '../../functions/domain/vocabulary';

// DOMAIN.md §2 — publication periods (公示期), 国办发〔2025〕22号 and 国家发展改革委令第36号.

describe('PUBLICATION_PERIODS (DOMAIN.md §2 table)', () => {
  it('"轻微: may be left unpublished / 3 months; 一般: 3 months / 1 year; 严重: 1 year / 3 years"', () => {
    expect(PUBLICATION_PERIODS).toEqual({
      minor: { minimumMonths: 0, maximumMonths: 3 },
      general: { minimumMonths: 3, maximumMonths: 12 },
      serious: { minimumMonths: 12, maximumMonths: 36 },
    });
  });
});

describe('publicationEnd — 公示截止期 (DOMAIN.md §2: "The clock starts on the decision date")', () => {
  it('adds 3 months for a minor record', () => {
    expect(publicationEnd('2026-01-15', 'minor')).toBe('2026-04-15');
  });

  it('adds 1 year for a general record', () => {
    expect(publicationEnd('2026-06-01', 'general')).toBe('2027-06-01');
  });

  it('adds 3 years for a serious record (dishonest lists included)', () => {
    expect(publicationEnd('2026-03-10', 'serious')).toBe('2029-03-10');
  });

  it('clamps to the end of a shorter month: 2025-11-30 + 3 months = 2026-02-28', () => {
    expect(publicationEnd('2025-11-30', 'minor')).toBe('2026-02-28');
  });

  it('clamps 31 August + 3 months to 30 November', () => {
    expect(publicationEnd('2026-08-31', 'minor')).toBe('2026-11-30');
  });

  it('lands on 29 February in a leap year: 2023-11-30 + 3 months = 2024-02-29', () => {
    expect(publicationEnd('2023-11-30', 'minor')).toBe('2024-02-29');
  });

  it('moves a 29 February decision to 28 February in common years, not to 1 March', () => {
    expect(publicationEnd('2024-02-29', 'general')).toBe('2025-02-28');
    expect(publicationEnd('2024-02-29', 'serious')).toBe('2027-02-28');
  });

  it('does not stretch 28 February to 29 February when the end year is a leap year', () => {
    expect(publicationEnd('2025-02-28', 'serious')).toBe('2028-02-28');
  });

  it('has no end for a record that is not negative', () => {
    expect(publicationEnd('2026-06-01', 'none')).toBeNull();
  });

  it('is always after the decision date and never more than 3 years and a day later', () => {
    const severity = fc.constantFrom<Exclude<Severity, 'none'>>('minor', 'general', 'serious');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), severity, (offset, s) => {
        const decided = addDays('2020-01-01', offset);
        const end = publicationEnd(decided, s)!;
        expect(end > decided).toBe(true);
        expect(end <= addDays(decided, 3 * 366)).toBe(true);
      }),
    );
  });
});

describe('governingSeverity (DOMAIN.md §2: "Where one decision holds several penalty types, the longest period applies")', () => {
  it('picks serious over general and minor, whatever the order', () => {
    expect(governingSeverity(['minor', 'serious', 'general'])).toBe('serious');
    expect(governingSeverity(['general', 'minor'])).toBe('general');
  });

  it('picks minor over none', () => {
    expect(governingSeverity(['none', 'minor'])).toBe('minor');
  });

  it('is none for no severities at all', () => {
    expect(governingSeverity([])).toBe('none');
  });

  it('gives the longest end date of a decision with several penalty types', () => {
    const decided = '2026-05-20';
    const end = publicationEnd(decided, governingSeverity(['minor', 'general']));
    expect(end).toBe('2027-05-20');
    expect(end).not.toBe(publicationEnd(decided, 'minor'));
  });
});

describe('repairPossibleFrom (DOMAIN.md §2 minimum, §3: "only after the minimum period above has passed")', () => {
  it('allows repair at once for a minor record', () => {
    expect(repairPossibleFrom('2026-06-01', 'minor')).toBe('2026-06-01');
  });

  it('waits 3 months for a general record', () => {
    expect(repairPossibleFrom('2026-06-01', 'general')).toBe('2026-09-01');
  });

  it('waits 1 year for a serious record', () => {
    expect(repairPossibleFrom('2026-06-01', 'serious')).toBe('2027-06-01');
  });

  it('clamps like the end date: 2025-11-30 + 3 months = 2026-02-28', () => {
    expect(repairPossibleFrom('2025-11-30', 'general')).toBe('2026-02-28');
  });

  it('has nothing to repair for a record that is not negative', () => {
    expect(repairPossibleFrom('2026-06-01', 'none')).toBeNull();
  });
});

describe('publicView (DOMAIN.md §2: "On that date it leaves the public site and the API automatically")', () => {
  const published = (publishUntil: string | null) => ({ status: 'published' as RecordStatus, publishUntil });

  it('shows a published record in full the day before its end date', () => {
    expect(publicView(published('2027-06-01'), '2027-05-31')).toBe('full');
  });

  it('hides it ON the end date, even if the nightly job has not run yet', () => {
    expect(publicView(published('2027-06-01'), '2027-06-01')).toBeNull();
  });

  it('hides it after the end date', () => {
    expect(publicView(published('2027-06-01'), '2028-01-01')).toBeNull();
  });

  it('shows the end date that publicationEnd computed until, not including, that date', () => {
    const until = publicationEnd('2025-11-30', 'minor');
    expect(publicView(published(until), '2026-02-27')).toBe('full');
    expect(publicView(published(until), '2026-02-28')).toBeNull();
  });

  it('shows a record without an end date (not negative, e.g. a clean inspection)', () => {
    expect(publicView(published(null), '2030-01-01')).toBe('full');
  });

  it('shows a withdrawn record as a notice ("The public sees a withdrawal notice (tombstone), not silence")', () => {
    expect(publicView({ status: 'withdrawn', publishUntil: '2027-06-01' }, '2026-12-01')).toBe('notice');
  });

  it('shows a repaired record as a notice only: its content is no longer published (36号 第三条, 终止公示)', () => {
    expect(publicView({ status: 'repaired', publishUntil: '2027-06-01' }, '2026-12-01')).toBe('notice');
  });

  it.each<RecordStatus>(['withdrawn', 'repaired'])('stops showing the %s notice, too, once the period would have ended', (status) => {
    expect(publicView({ status, publishUntil: '2027-06-01' }, '2027-06-01')).toBeNull();
  });

  it.each<RecordStatus>(['draft', 'expired'])('never shows a %s record', (status) => {
    expect(publicView({ status, publishUntil: '2099-01-01' }, '2026-12-01')).toBeNull();
  });

  it('covers every record status', () => {
    expect([...FULL_VIEW_STATUSES, ...NOTICE_VIEW_STATUSES, 'draft', 'expired'].sort()).toEqual([...recordStatuses].sort());
  });
});
