import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  changeSeenOn,
  changeTypeOf,
  isTombstone,
  latestChangeOf,
  shareableRecord,
  tombstoneReason,
  type VisibleState,
} from '../../functions/domain/changes';
import { EXPIRY_NOTICE, publicView, REPAIR_NOTICE } from '../../functions/domain/publication';
import { addDays } from '../../functions/domain/dates';
import { changeTypes, recordStatuses } from '../../functions/domain/vocabulary';

// DOMAIN.md §12 (22号, 36号): "After a repair, correction or withdrawal, every copy must change."
// What a change did to the public copy is read off the one visibility rule of §2 (publicView).

const today = '2026-06-01';
const live = (status: VisibleState['status'], publishUntil: string | null = '2027-01-01'): VisibleState => ({ status, publishUntil });

describe('changeTypeOf', () => {
  it('a draft made public is published; content changed while public is corrected', () => {
    expect(changeTypeOf(live('draft'), live('published'), today)).toBe('published');
    expect(changeTypeOf(null, live('published', null), today)).toBe('published');
    expect(changeTypeOf(live('published'), live('published', '2027-03-01'), today)).toBe('corrected');
  });

  it('§2/§4 a withdrawal, §3 a repair (终止公示) and §2 the end of the period are tombstones', () => {
    expect(changeTypeOf(live('published'), live('withdrawn'), today)).toBe('withdrawn');
    expect(changeTypeOf(live('published'), live('repaired'), today)).toBe('repaired');
    expect(changeTypeOf(live('published'), live('expired'), today)).toBe('expired');
    // The daily job: the public saw it in full until yesterday, its 公示截止期.
    expect(changeTypeOf(live('published', today), live('expired', today), addDays(today, -1))).toBe('expired');
  });

  it('is null when the public saw no difference: a draft edited, a draft past its period published, a notice left as it is', () => {
    expect(changeTypeOf(live('draft'), live('draft'), today)).toBeNull();
    expect(changeTypeOf(live('draft'), live('published', today), today)).toBeNull();
    expect(changeTypeOf(live('withdrawn'), live('withdrawn'), today)).toBeNull();
  });

  it('agrees with publicView for every pair of states: logged exactly when what the public sees in full changes', () => {
    const state = fc.record({
      status: fc.constantFrom(...recordStatuses),
      publishUntil: fc.option(fc.integer({ min: -3, max: 3 }).map((d) => addDays(today, d))),
    });
    fc.assert(
      fc.property(state, state, (before, after) => {
        const type = changeTypeOf(before, after, today);
        const [was, is] = [publicView(before, today), publicView(after, today)];
        if (is === 'full') expect(type).toBe(was === 'full' ? 'corrected' : 'published');
        else if (was === 'full') expect(type !== null && isTombstone(type)).toBe(true);
        else expect(type).toBeNull();
      }),
    );
  });
});

describe('tombstoneReason — "tombstones carry the reason"', () => {
  it('the withdrawal’s own reason, the repair notice, the end of the period; nothing for content', () => {
    expect(tombstoneReason('withdrawn', { withdrawalReason: '复议撤销' })).toBe('复议撤销');
    expect(tombstoneReason('repaired', { withdrawalReason: null })).toBe(REPAIR_NOTICE);
    expect(tombstoneReason('expired', { withdrawalReason: null })).toBe(EXPIRY_NOTICE);
    expect(tombstoneReason('corrected', { withdrawalReason: null })).toBeNull();
    expect(changeTypes.filter(isTombstone)).toEqual(['withdrawn', 'repaired', 'expired']);
  });
});

describe('changeSeenOn — §2 "On that date it leaves the public site and the API automatically"', () => {
  it('gives content past its 公示截止期 as expired, before the daily job has written the tombstone', () => {
    expect(changeSeenOn('published', live('published', today), today)).toBe('expired');
    expect(changeSeenOn('corrected', live('published', addDays(today, 1)), today)).toBe('corrected');
    expect(changeSeenOn('withdrawn', live('withdrawn', today), today)).toBe('withdrawn');
    expect(changeSeenOn('published', null, today)).toBe('expired');
  });
});

describe('latestChangeOf — the change a stored state implies (data from before the log)', () => {
  const r = (status: VisibleState['status'], publishUntil: string | null, correctionNote: string | null = null) => ({
    status,
    publishUntil,
    correctionNote,
  });
  it('maps each state to the change that led to it', () => {
    expect(latestChangeOf(r('draft', '2027-01-01'), today)).toBeNull();
    expect(latestChangeOf(r('published', '2027-01-01'), today)).toBe('published');
    expect(latestChangeOf(r('published', '2027-01-01', '更正'), today)).toBe('corrected');
    expect(latestChangeOf(r('published', today), today)).toBe('expired');
    expect(latestChangeOf(r('expired', '2026-01-01'), today)).toBe('expired');
    expect(latestChangeOf(r('withdrawn', '2027-01-01'), today)).toBe('withdrawn');
    expect(latestChangeOf(r('repaired', '2020-01-01'), today)).toBe('repaired');
  });
});

describe('shareableRecord', () => {
  it('keeps the content flags only and leaves out whether repair may be asked today', () => {
    const record = { id: 1, flags: ['objection_pending', 'corrected', 'repair_pending'], repair: { possible: true } };
    expect(shareableRecord(record)).toEqual({ id: 1, flags: ['corrected'], repair: null });
  });
});
