// Rules of webhook delivery to other platforms (DOMAIN.md §12): where a delivery may go, how long
// to wait before trying a failed one again, and which answers count as received.

/** First wait, doubled after each failed attempt (10 retries: about 17 hours in all), never past Queues' 12-hour maximum. */
export const DEFAULT_RETRY_SECONDS = 60;
export const MAX_RETRY_DELAY_SECONDS = 12 * 3600;

/** Exponential backoff: attempt 1 failed → base, attempt 2 → 2 × base, … capped. */
export function retryDelaySeconds(failedAttempts: number, baseSeconds = DEFAULT_RETRY_SECONDS): number {
  const exponent = Math.max(0, failedAttempts - 1);
  return Math.min(MAX_RETRY_DELAY_SECONDS, Math.round(baseSeconds * 2 ** Math.min(exponent, 30)));
}

/** Any 2xx answer means the platform has the change; anything else (and no answer) is tried again. */
export const isReceived = (status: number) => status >= 200 && status < 300;

/** A receiver has this long to answer before the attempt counts as failed. */
export const DELIVERY_TIMEOUT_MS = 10_000;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export type WebhookUrlCheck = { ok: true; url: string } | { ok: false; message: string };

/**
 * A platform's endpoint: HTTPS only, since the body is public but the signature's secret and the
 * platform's trust in it are not; plain HTTP only to this machine's own loopback, on a local
 * (demo) deployment, for trying a receiver out. No credentials in the URL, where logs would keep them.
 */
export function checkWebhookUrl(input: string, allowLoopbackHttp: boolean): WebhookUrlCheck {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return { ok: false, message: '请填写完整的网址，例如 https://platform.example.gov.cn/hooks/hrss' };
  }
  if (url.username || url.password) return { ok: false, message: '网址中不能包含用户名或密码，签名密钥单独填写' };
  if (url.protocol === 'https:') return { ok: true, url: url.href };
  if (url.protocol === 'http:' && allowLoopbackHttp && LOOPBACK_HOSTS.has(url.hostname)) return { ok: true, url: url.href };
  return { ok: false, message: '接收地址必须使用 https（演示环境可用 http://127.0.0.1）' };
}
