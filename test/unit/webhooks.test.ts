import { describe, expect, it } from 'vitest';
import { checkWebhookSignature, webhookSignature } from '../../functions/domain/webhook-signature';
import { checkWebhookUrl, isReceived, MAX_RETRY_DELAY_SECONDS, retryDelaySeconds } from '../../functions/domain/webhook-delivery';

// DOMAIN.md §12: a repair, correction or withdrawal must reach every platform that copied the
// record; DESIGN.md: webhooks signed `X-Signature: sha256=<hmac>`, retried with backoff.

const secret = 'whsec_7Yb3pQ9sL2mX8vR4tK6nW1cZ5dF0hJ';
const body = '{"cursor":42,"type":"withdrawn"}';
const now = 1_780_000_000;

describe('webhookSignature / checkWebhookSignature', () => {
  it('signs the timestamp and body with HMAC-SHA256 (RFC 4231 test case 2)', async () => {
    // HMAC-SHA256(key "Jefe", "what do ya want for nothing?"), split so the signed text is "<timestamp>.<body>".
    const rfc = await webhookSignature('Jefe', 0, 'what do ya want for nothing?');
    expect(rfc).toMatch(/^sha256=[0-9a-f]{64}$/);
    const direct = await crypto.subtle.sign(
      'HMAC',
      await crypto.subtle.importKey('raw', new TextEncoder().encode('Jefe'), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']),
      new TextEncoder().encode('0.what do ya want for nothing?'),
    );
    expect(rfc).toBe(`sha256=${Buffer.from(direct).toString('hex')}`);
  });

  it('accepts what was signed, and refuses another body, another time, another secret or an old delivery', async () => {
    const signature = await webhookSignature(secret, now, body);
    const check = (s: string, ts: string, b: string, at = now, key = secret) =>
      checkWebhookSignature(key, { signature: s, timestamp: ts }, b, at);
    expect(await check(signature, String(now), body)).toEqual({ ok: true });
    expect(await check(signature, String(now), body.replace('42', '43'))).toEqual({ ok: false, reason: 'mismatch' });
    expect(await check(signature, String(now + 1), body, now + 1)).toEqual({ ok: false, reason: 'mismatch' });
    expect(await check(signature, String(now), body, now, `${secret}x`)).toEqual({ ok: false, reason: 'mismatch' });
    expect(await check(signature, String(now), body, now + 301)).toEqual({ ok: false, reason: 'stale' });
    expect(await check('sha1=abc', String(now), body)).toEqual({ ok: false, reason: 'malformed' });
    expect(await check(signature, 'yesterday', body)).toEqual({ ok: false, reason: 'malformed' });
  });
});

describe('retryDelaySeconds — exponential backoff', () => {
  it('doubles from the base after each failed attempt, never past 12 hours', () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelaySeconds(n, 60))).toEqual([60, 120, 240, 480, 960]);
    expect(retryDelaySeconds(40, 60)).toBe(MAX_RETRY_DELAY_SECONDS);
    expect(retryDelaySeconds(3, 1)).toBe(4);
  });

  it('counts only 2xx as received', () => {
    expect([200, 202, 204].every(isReceived)).toBe(true);
    expect([301, 400, 410, 429, 500, 503].some(isReceived)).toBe(false);
  });
});

describe('checkWebhookUrl', () => {
  it('takes HTTPS endpoints, and plain HTTP only to the loopback of a local site', () => {
    expect(checkWebhookUrl('https://credit.example.gov.cn/hooks/hrss', false)).toEqual({
      ok: true,
      url: 'https://credit.example.gov.cn/hooks/hrss',
    });
    expect(checkWebhookUrl('http://credit.example.gov.cn/hooks', true).ok).toBe(false);
    expect(checkWebhookUrl('http://127.0.0.1:9000/hook', true).ok).toBe(true);
    expect(checkWebhookUrl('http://127.0.0.1:9000/hook', false).ok).toBe(false);
    expect(checkWebhookUrl('https://user:pw@credit.example.gov.cn/', false).ok).toBe(false);
    expect(checkWebhookUrl('ftp://credit.example.gov.cn/', false).ok).toBe(false);
    expect(checkWebhookUrl('不是网址', false).ok).toBe(false);
  });
});
