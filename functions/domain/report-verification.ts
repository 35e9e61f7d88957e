// Checking a 专用信用报告 as whoever receives it would (DOMAIN.md §11: "signed so that anyone can
// check it was issued by the bureau and not altered"): the JWS against the bureau's published keys,
// then the payload's shape. The report page (in the browser), `npm run verify-report` and the
// tests call this; none of them trusts a report's JSON beside the JWS, only what the JWS signs.
import type { JWK } from 'jose';
import { REPORT_FORMAT, type CreditReport } from './credit-report';
import { jwsKeyId, verifyCompact } from './jws-verify';

export type ReportVerification =
  | { ok: true; report: CreditReport; kid: string }
  /** `signature`: not signed by any published key, or altered; `format`: signed, but not a report of this format. */
  | { ok: false; reason: 'signature' | 'format'; kid: string | null };

export const reportVerificationMessages: Record<'signature' | 'format', string> = {
  signature: '签名无效：该报告不是由本局发布的密钥签发，或内容已被改动。',
  format: '签名有效，但内容不是本站格式的专用信用报告。',
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export async function verifyReport(jws: string, keys: readonly JWK[]): Promise<ReportVerification> {
  const kid = jwsKeyId(jws.trim());
  const value = await verifyCompact(jws, keys);
  if (value === null) return { ok: false, reason: 'signature', kid };
  const shaped =
    isObject(value) &&
    value.format === REPORT_FORMAT &&
    typeof value.reportNo === 'string' &&
    isObject(value.enterprise) &&
    isObject(value.period) &&
    Array.isArray(value.negativeRecords) &&
    Array.isArray(value.samplingResults);
  if (!shaped) return { ok: false, reason: 'format', kid };
  return { ok: true, report: value as unknown as CreditReport, kid: kid! };
}
