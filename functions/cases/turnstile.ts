// Cloudflare Turnstile on public submissions, enforced only where the bureau has configured a
// secret (`wrangler secret put TURNSTILE_SECRET`); the forms then show the widget for the site key.
import { DomainError, type FieldError } from '../domain/errors';

const SITEVERIFY = 'https://challenges.cloudflare.com/turnstile/v0/siteverify';
export const TURNSTILE_FIELD = 'cf-turnstile-response';

/** The secret is optional and never in wrangler.toml, so it is not among the generated binding types. */
export const turnstileSecret = (env: object): string | undefined => {
  const value = (env as { TURNSTILE_SECRET?: unknown }).TURNSTILE_SECRET;
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/** A field error when the challenge was not passed; null when passed or not configured. */
export async function checkTurnstile(
  secret: string | undefined,
  token: string | null,
  clientIp: string | null,
): Promise<FieldError | null> {
  if (!secret) return null;
  if (!token) return { path: TURNSTILE_FIELD, message: '请先完成页面上的人机验证，再提交。' };
  let outcome: { success?: boolean };
  try {
    const body = new FormData();
    body.set('secret', secret);
    body.set('response', token);
    if (clientIp) body.set('remoteip', clientIp);
    outcome = await (await fetch(SITEVERIFY, { method: 'POST', body })).json();
  } catch {
    throw new DomainError('unavailable', 'verification_unavailable', '人机验证服务暂时不可用，申请未提交，请稍后重试。');
  }
  return outcome.success ? null : { path: TURNSTILE_FIELD, message: '人机验证未通过或已过期，请重新验证后提交。' };
}
