import { describe, expect, it } from 'vitest';
import {
  mayInspectOn,
  officerStanding,
  officerStandingText,
  parseCertificateNo,
  statusChangeProblem,
  type OfficerCredential,
} from '../../functions/domain/officers';

// DOMAIN.md §8 (事前公开: 执法人员 with name, certificate number, unit; 事中公示: the person at the door
// can be checked) and §7 (inspectors are drawn from the qualified pool).

const credential = (over: Partial<OfficerCredential> = {}): OfficerCredential => ({
  status: 'valid',
  validFrom: '2024-01-01',
  validUntil: '2028-12-31',
  statusSince: null,
  ...over,
});

describe('parseCertificateNo — the certificate number as people type or scan it', () => {
  it('accepts 10 to 14 digits starting with a division code, and normalises spaces, hyphens and full-width digits', () => {
    expect(parseCertificateNo('1101050055')).toEqual({ ok: true, certificateNo: '1101050055' });
    expect(parseCertificateNo(' 1101 0500 55 ')).toEqual({ ok: true, certificateNo: '1101050055' });
    expect(parseCertificateNo('110105-0055')).toEqual({ ok: true, certificateNo: '1101050055' });
    expect(parseCertificateNo('１１０１０５００５５')).toEqual({ ok: true, certificateNo: '1101050055' });
    expect(parseCertificateNo('11010520230012')).toEqual({ ok: true, certificateNo: '11010520230012' });
  });

  it('refuses anything else with a Chinese message saying what to check', () => {
    const message = (input: string) => {
      const r = parseCertificateNo(input);
      return r.ok ? null : r.message;
    };
    expect(message('')).toBe('请输入执法证号。');
    expect(message('JC-001')).toContain('只含数字');
    expect(message('110105005')).toContain('输入的是 9 位');
    expect(message('110105005512345')).toContain('输入的是 15 位');
    expect(message('0101050055')).toContain('行政区划代码');
    expect(message('1'.repeat(41))).toContain('过长');
  });
});

describe('officerStanding — valid, suspended or expired on a day', () => {
  it('is what staff recorded while the certificate runs', () => {
    expect(officerStanding(credential(), '2026-06-01')).toBe('valid');
    expect(officerStanding(credential({ status: 'suspended', statusSince: '2026-05-01' }), '2026-06-01')).toBe('suspended');
    expect(officerStanding(credential({ status: 'expired', statusSince: '2026-05-01' }), '2026-06-01')).toBe('expired');
  });

  it('is expired the day after the last valid day, whatever is stored — nobody has to remember to expire it', () => {
    expect(officerStanding(credential(), '2028-12-31')).toBe('valid');
    expect(officerStanding(credential(), '2029-01-01')).toBe('expired');
    expect(officerStanding(credential({ status: 'suspended', statusSince: '2026-05-01' }), '2029-01-01')).toBe('expired');
  });

  it('counts a suspension from the day it took effect, so an earlier draw saw a valid certificate', () => {
    const suspended = credential({ status: 'suspended', statusSince: '2026-05-01' });
    expect(officerStanding(suspended, '2026-04-30')).toBe('valid');
    expect(mayInspectOn(suspended, '2026-04-30')).toBe(true);
    expect(mayInspectOn(suspended, '2026-05-01')).toBe(false);
  });
});

describe('mayInspectOn — the draw takes only certificates valid on its day (§7)', () => {
  it('not before the certificate is issued, not after it lapses, never while suspended', () => {
    expect(mayInspectOn(credential(), '2023-12-31')).toBe(false);
    expect(mayInspectOn(credential(), '2024-01-01')).toBe(true);
    expect(mayInspectOn(credential(), '2029-01-01')).toBe(false);
    expect(mayInspectOn(credential({ status: 'suspended', statusSince: '2024-02-01' }), '2026-01-01')).toBe(false);
  });

  it('treats dates not recorded as no limit', () => {
    expect(mayInspectOn(credential({ validFrom: null, validUntil: null }), '2040-01-01')).toBe(true);
  });
});

describe('officerStandingText — the standing in words, for the person at the door', () => {
  it('says valid until when', () => {
    expect(officerStandingText(credential(), '2026-06-01')).toBe(
      '执法证有效，有效期至2028年12月31日。持证人可以依法从事劳动保障监察执法工作。',
    );
  });

  it('says expired, with the last valid day', () => {
    expect(officerStandingText(credential(), '2029-01-01')).toBe('执法证已过期（有效期至2028年12月31日），持证人不能从事执法工作。');
  });

  it('says suspended since when, and ended early since when', () => {
    expect(officerStandingText(credential({ status: 'suspended', statusSince: '2026-05-01' }), '2026-06-01')).toBe(
      '执法证自2026年5月1日起暂停使用，持证人目前不能从事执法工作。',
    );
    expect(officerStandingText(credential({ status: 'expired', statusSince: '2026-05-01' }), '2026-06-01')).toBe(
      '执法证已于2026年5月1日失效，持证人不能从事执法工作。',
    );
  });

  it('says a certificate issued for a later day is not valid yet', () => {
    expect(officerStandingText(credential({ validFrom: '2026-07-01' }), '2026-06-01')).toContain('自2026年7月1日起生效');
  });
});

describe('statusChangeProblem — what staff may record', () => {
  it('refuses the standing the certificate already has', () => {
    expect(statusChangeProblem(credential(), 'valid', '2026-06-01')).toContain('已是该状态');
    expect(statusChangeProblem(credential(), 'expired', '2029-01-01')).toContain('已是该状态');
  });

  it('never makes a lapsed certificate valid again: a renewed one is a new number', () => {
    expect(statusChangeProblem(credential({ status: 'suspended', statusSince: '2026-05-01' }), 'valid', '2029-01-01')).toContain(
      '不能恢复为有效',
    );
  });

  it('allows suspending, ending early and reinstating a running certificate', () => {
    expect(statusChangeProblem(credential(), 'suspended', '2026-06-01')).toBeNull();
    expect(statusChangeProblem(credential(), 'expired', '2026-06-01')).toBeNull();
    expect(statusChangeProblem(credential({ status: 'suspended', statusSince: '2026-05-01' }), 'valid', '2026-06-01')).toBeNull();
  });
});
