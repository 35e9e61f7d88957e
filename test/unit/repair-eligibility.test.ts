import { describe, expect, it } from 'vitest';
import { repairEligibility, repairOpensOn, type RepairCandidate } from '../../functions/domain/repair-eligibility';

// DOMAIN.md §3 (令第36号, 国办发〔2025〕22号): "only after the minimum period above has passed and the
// legal obligations are fulfilled … Records that are serious and arise from 停产停业/吊销 or similar
// cannot stop early. 轻微 records may be repaired as soon as the obligations are fulfilled."
const record = (over: Partial<RepairCandidate>): RepairCandidate => ({
  kind: 'penalty',
  severity: 'general',
  status: 'published',
  decidedOn: '2026-06-01',
  publishUntil: '2027-06-01',
  ...over,
});

describe('repairEligibility (DOMAIN.md §3)', () => {
  it('lets a 轻微 record be repaired on the day of the decision: no minimum period', () => {
    const minor = record({ severity: 'minor', publishUntil: '2026-09-01' });
    expect(repairOpensOn(minor)).toBe('2026-06-01');
    expect(repairEligibility(minor, '2026-06-01')).toEqual({ eligible: true });
  });

  it('makes a 一般 record wait 3 months, saying from when', () => {
    expect(repairEligibility(record({}), '2026-08-31')).toMatchObject({ eligible: false, reason: 'too_early', from: '2026-09-01' });
    expect(repairEligibility(record({}), '2026-09-01')).toEqual({ eligible: true });
  });

  it('makes a 严重 record wait 1 year', () => {
    const serious = record({ severity: 'serious', publishUntil: '2029-06-01' });
    expect(repairEligibility(serious, '2027-05-31')).toMatchObject({ eligible: false, reason: 'too_early', from: '2027-06-01' });
    expect(repairEligibility(serious, '2027-06-01')).toEqual({ eligible: true });
  });

  it('never lets a serious record from 停产停业 or 吊销 stop early', () => {
    const revoked = record({ severity: 'serious', publishUntil: '2029-06-01', detail: { cannotStopEarly: true } });
    expect(repairEligibility(revoked, '2028-06-01')).toMatchObject({ eligible: false, reason: 'never_early' });
  });

  it('lets a wage-arrears listing (§6) ask for early removal 6 months after listing', () => {
    const listing = record({ kind: 'wage_arrears_list', severity: 'serious', publishUntil: '2029-06-01' });
    expect(repairEligibility(listing, '2026-12-01')).toEqual({ eligible: true });
  });

  it('has nothing to repair for a record that is not negative, not shown in full, or past its period', () => {
    expect(repairEligibility(record({ severity: 'none', publishUntil: null }), '2026-12-01')).toMatchObject({ reason: 'not_negative' });
    for (const status of ['draft', 'withdrawn', 'repaired', 'expired'] as const) {
      expect(repairEligibility(record({ status }), '2026-12-01'), status).toMatchObject({ reason: 'not_published' });
    }
    expect(repairEligibility(record({}), '2027-06-01')).toMatchObject({ reason: 'not_published' });
  });
});
