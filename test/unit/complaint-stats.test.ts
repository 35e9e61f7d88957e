import { describe, expect, it } from 'vitest';
import { defaultCalendar as cal } from '../../functions/domain/calendar-data';
import { complaintStatsCells, median, publicCount, type StatsRow } from '../../functions/domain/complaint-stats';

// DOMAIN.md §10: statistics by month, district and category — received, accepted, closed, median
// days to close; "any cell under 5 is not shown, so that no person can be singled out".
describe('publicCount', () => {
  it('shows "<5" for 0 to 4 and the number from 5', () => {
    expect([0, 1, 4].map(publicCount)).toEqual(['<5', '<5', '<5']);
    expect([5, 6, 120].map(publicCount)).toEqual([5, 6, 120]);
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([7, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('complaintStatsCells', () => {
  const row = (over: Partial<StatsRow>): StatsRow => ({
    receivedOn: '2026-11-02',
    districtCode: '110105',
    category: 'unpaid_wages',
    filedOn: null,
    closedOn: null,
    ...over,
  });

  it('groups by month of receipt, district and category and suppresses each count under 5', () => {
    const rows = [
      ...Array.from({ length: 4 }, () => row({})),
      ...Array.from({ length: 5 }, () => row({ category: 'no_social_insurance', filedOn: '2026-11-03' })),
      row({ receivedOn: '2026-10-30', districtCode: null }),
    ];
    expect(complaintStatsCells(rows, cal)).toEqual([
      {
        month: '2026-10',
        districtCode: null,
        category: 'unpaid_wages',
        received: '<5',
        accepted: '<5',
        closed: '<5',
        medianWorkingDaysToClose: null,
      },
      {
        month: '2026-11',
        districtCode: '110105',
        category: 'no_social_insurance',
        received: 5,
        accepted: 5,
        closed: '<5',
        medianWorkingDaysToClose: null,
      },
      {
        month: '2026-11',
        districtCode: '110105',
        category: 'unpaid_wages',
        received: '<5',
        accepted: '<5',
        closed: '<5',
        medianWorkingDaysToClose: null,
      },
    ]);
  });

  it('gives the median in working days from receipt to closing where at least 5 closed', () => {
    // Received Mon 2 November; closed after 1, 2, 3, 4 and 5 working days (Fri 6 is the 4th, Mon 9 the 5th).
    const closed = ['2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06', '2026-11-09'].map((closedOn) => row({ closedOn }));
    expect(complaintStatsCells(closed, cal)[0]).toMatchObject({ closed: 5, medianWorkingDaysToClose: 3 });
    expect(complaintStatsCells(closed.slice(0, 4), cal)[0]).toMatchObject({ closed: '<5', medianWorkingDaysToClose: null });
  });
});
