import { describe, expect, it } from 'vitest';
import {
  EARLY_REMOVAL_AFTER_MONTHS,
  LISTING_TERM_MONTHS,
  earliestRemovalOn,
  listedPersons,
  listingState,
} from '../../functions/domain/wage-arrears-list';
import { PUBLICATION_PERIODS } from '../../functions/domain/publication';
import { repairOpensOn } from '../../functions/domain/repair-eligibility';

// DOMAIN.md §6, 拖欠农民工工资失信联合惩戒对象名单 (人社部令第45号): "the employer and its
// 法定代表人/主要负责人/直接责任人员 are listed; term 3 years; early removal possible 6 months after
// paying in full plus a 守信承诺. Listing is always 严重." §8: never ID numbers.

describe('the term and early removal', () => {
  it('runs 3 years, the maximum of a serious record (§2), and may end early after 6 months', () => {
    expect(LISTING_TERM_MONTHS).toBe(PUBLICATION_PERIODS.serious.maximumMonths);
    expect(EARLY_REMOVAL_AFTER_MONTHS).toBe(6);
    expect(earliestRemovalOn('2026-03-31')).toBe('2026-09-30');
  });

  it('is the date the repair rules open a listing for repair (one rule, §3 and §6)', () => {
    const listing = {
      kind: 'wage_arrears_list' as const,
      severity: 'serious' as const,
      status: 'published' as const,
      decidedOn: '2026-01-15',
      publishUntil: '2029-01-15',
    };
    expect(repairOpensOn(listing)).toBe(earliestRemovalOn('2026-01-15'));
  });
});

describe('listedPersons — who is named with the employer', () => {
  it('names the legal representative, the principal and the responsible persons, by name and role only', () => {
    const persons = listedPersons({
      legalRepresentative: '王建国',
      principal: '周总',
      responsiblePersons: [
        { name: '赵项目', role: '项目负责人', idNumber: '110105198003152316', phone: '13800138000', homeAddress: '某地' },
        { name: '钱直接' },
      ],
      workers: [{ name: '李四', idNumber: '110105199001011234' }],
    });
    expect(persons).toEqual([
      { name: '王建国', role: '法定代表人' },
      { name: '周总', role: '主要负责人' },
      { name: '赵项目', role: '项目负责人' },
      { name: '钱直接', role: '直接责任人员' },
    ]);
    expect(JSON.stringify(persons)).not.toMatch(/\d{6}|李四/);
  });

  it('leaves out masked names, duplicates and anything that is not a person', () => {
    expect(
      listedPersons({
        legalRepresentative: '王建国',
        responsiblePersons: [{ name: '张某某', role: '项目负责人' }, { name: '王建国', role: '法定代表人' }, 'x', null, { role: '财务' }],
      }),
    ).toEqual([{ name: '王建国', role: '法定代表人' }]);
    expect(listedPersons(null)).toEqual([]);
  });
});

describe('listingState — what the list shows (§2 publicView)', () => {
  const until = '2029-03-01';
  it('is in force while published and within its term', () => {
    expect(listingState({ status: 'published', publishUntil: until }, '2026-06-01')).toBe('listed');
  });
  it('shows an early removal (a repair) and a withdrawal as notices while the term would have run', () => {
    expect(listingState({ status: 'repaired', publishUntil: until }, '2026-06-01')).toBe('removed');
    expect(listingState({ status: 'withdrawn', publishUntil: until }, '2026-06-01')).toBe('withdrawn');
  });
  it('is gone on the day the term ends, and never shows a draft or an expired record', () => {
    expect(listingState({ status: 'published', publishUntil: until }, until)).toBeNull();
    expect(listingState({ status: 'draft', publishUntil: until }, '2026-06-01')).toBeNull();
    expect(listingState({ status: 'expired', publishUntil: until }, '2026-06-01')).toBeNull();
  });
});
