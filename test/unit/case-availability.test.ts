import { describe, expect, it } from 'vitest';
import { caseAvailability, type CaseSubject } from '../../functions/domain/case-availability';

const published: CaseSubject = { status: 'published', flags: [], repair: { possible: true, from: null, message: null } };

describe('caseAvailability (DOMAIN.md §3, §4: said before the form is filled in)', () => {
  it('opens both kinds for a published negative record that may be repaired', () => {
    expect(caseAvailability('objection', published)).toEqual({ open: true });
    expect(caseAvailability('repair', published)).toEqual({ open: true });
  });

  it('closes an objection while one is open (§4: 异议处理中), without closing repair', () => {
    const subject = { ...published, flags: ['objection_pending'] };
    expect(caseAvailability('objection', subject)).toMatchObject({ open: false, message: expect.stringContaining('正在办理的异议') });
    expect(caseAvailability('repair', subject)).toEqual({ open: true });
  });

  it('closes a repair while one is open (修复中)', () => {
    expect(caseAvailability('repair', { ...published, flags: ['repair_pending'] })).toMatchObject({
      open: false,
      message: expect.stringContaining('正在办理的信用修复'),
    });
  });

  it('says why and from when a repair cannot be asked yet (§2 minimum periods)', () => {
    const young = { ...published, repair: { possible: false, from: '2027-03-01', message: '最短公示期尚未届满' } };
    expect(caseAvailability('repair', young)).toEqual({ open: false, message: '最短公示期尚未届满', from: '2027-03-01' });
    expect(caseAvailability('objection', young)).toEqual({ open: true });
  });

  it('needs no repair of a record that is not negative, and nothing of a record no longer published', () => {
    expect(caseAvailability('repair', { ...published, repair: null })).toMatchObject({
      open: false,
      message: expect.stringContaining('无需'),
    });
    for (const status of ['withdrawn', 'repaired', 'expired'] as const) {
      expect(caseAvailability('objection', { ...published, status })).toMatchObject({ open: false });
    }
  });
});
