// 执法人员 and their 行政执法证: DOMAIN.md §8 (事前公开 names each officer with certificate number
// and unit; 事中公示 lets whoever is inspected check the person at the door) and §7 (the draw takes
// inspectors from the qualified pool). The certificate number is the officer's public identifier:
// the officers page, a published draw and the short URL on the card all use it.
import { formatChineseDate } from './dates';
import type { OfficerStatus } from './vocabulary';

/**
 * A certificate number is digits only: the issuing unit's 6-digit division code (province first,
 * so 1–6) and a sequence of 4–8 digits. Beijing's read 1101050055 (朝阳区大队, No. 55).
 */
const CERTIFICATE_SHAPE = /^[1-6]\d{9,13}$/;
/** Long enough for any certificate number with the spaces people type; anything longer is not one. */
const MAX_INPUT = 40;

export type CertificateParse = { ok: true; certificateNo: string } | { ok: false; message: string };

/**
 * What a person typed or scanned, as a certificate number: full-width digits become ASCII, spaces
 * and hyphens go (numbers are often printed in groups). The message says what to check.
 */
export function parseCertificateNo(input: string): CertificateParse {
  if (input.length > MAX_INPUT) return { ok: false, message: '执法证号应为 10 至 14 位数字，输入的内容过长。' };
  const value = input.normalize('NFKC').replace(/[\s-]+/g, '');
  if (value === '') return { ok: false, message: '请输入执法证号。' };
  if (!/^\d+$/.test(value)) return { ok: false, message: '执法证号只含数字，请核对执法证件上的号码。' };
  if (value.length < 10 || value.length > 14)
    return { ok: false, message: `执法证号应为 10 至 14 位数字，输入的是 ${value.length} 位，请核对。` };
  if (!CERTIFICATE_SHAPE.test(value)) return { ok: false, message: '执法证号应以发证单位的行政区划代码开头，请核对。' };
  return { ok: true, certificateNo: value };
}

export interface OfficerCredential {
  status: OfficerStatus;
  /** First day the certificate is valid; null when not recorded. */
  validFrom: string | null;
  /** Last day the certificate is valid (included); null when not recorded. */
  validUntil: string | null;
  /** The day a suspension or an early end took effect; null while the status is what it was issued as. */
  statusSince: string | null;
}

/**
 * The certificate's standing on `today`: expired once its last valid day has passed, whatever
 * staff stored (nobody has to remember to expire it); otherwise what staff recorded.
 */
export function officerStanding(c: Pick<OfficerCredential, 'status' | 'validUntil' | 'statusSince'>, today: string): OfficerStatus {
  if (c.validUntil !== null && c.validUntil < today) return 'expired';
  // A suspension or an early end counts from the day it took effect; before it the certificate stood.
  if (c.status !== 'valid' && c.statusSince !== null && today < c.statusSince) return 'valid';
  return c.status;
}

/**
 * Whether the officer may be drawn and sent on `day` (DOMAIN.md §7 "drawn at random from the
 * qualified pool"): a certificate valid on that day. A suspended or lapsed one never is.
 */
export function mayInspectOn(c: OfficerCredential, day: string): boolean {
  return officerStanding(c, day) === 'valid' && (c.validFrom === null || c.validFrom <= day);
}

/** The standing in words, as the public reads it at the door: what it means and since when. */
export function officerStandingText(c: OfficerCredential, today: string): string {
  const standing = officerStanding(c, today);
  if (standing === 'valid') {
    if (c.validFrom !== null && c.validFrom > today) return `执法证自${formatChineseDate(c.validFrom)}起生效，此前不能从事执法工作。`;
    const until = c.validUntil === null ? '' : `，有效期至${formatChineseDate(c.validUntil)}`;
    return `执法证有效${until}。持证人可以依法从事劳动保障监察执法工作。`;
  }
  if (standing === 'suspended') {
    const since = c.statusSince ? `自${formatChineseDate(c.statusSince)}起` : '';
    return `执法证${since}暂停使用，持证人目前不能从事执法工作。`;
  }
  const lapsed = c.status === 'expired' ? c.statusSince : null;
  if (c.validUntil === null || (lapsed !== null && lapsed <= c.validUntil)) {
    return `执法证已${lapsed ? `于${formatChineseDate(lapsed)}` : ''}失效，持证人不能从事执法工作。`;
  }
  return `执法证已过期（有效期至${formatChineseDate(c.validUntil)}），持证人不能从事执法工作。`;
}

/**
 * Why staff may not record `next` for this certificate on `today`, or null. A certificate past its
 * last valid day cannot be made valid again: a renewed certificate is a new number to enter.
 */
export function statusChangeProblem(c: OfficerCredential, next: OfficerStatus, today: string): string | null {
  if (next === 'valid' && c.validUntil !== null && c.validUntil < today)
    return `执法证有效期已于 ${c.validUntil} 届满，不能恢复为有效；换发新证后请登记新的执法证号。`;
  if (officerStanding(c, today) === next) return '执法证已是该状态，无需变更。';
  return null;
}
