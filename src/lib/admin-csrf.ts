// CSRF protection for staff forms (functions/auth/csrf.ts): a random per-browser nonce in an
// HttpOnly, SameSite=Strict cookie scoped to /admin, and in each form the token signed over it.
// Without CSRF_SECRET no token is issued and every staff form is refused, never let through.
import { env } from 'cloudflare:workers';
import type { AstroCookies } from 'astro';
import type { Staff } from '../../functions/auth/access';
import { csrfSignature, csrfValid } from '../../functions/auth/csrf';
import { secret } from '../../functions/auth/secrets';
import { toBase64url } from '../../functions/domain/base64url';

const COOKIE = 'hrss_admin_csrf';
const NONCE = /^[A-Za-z0-9_-]{43}$/;

/** What the token needs of a request: its cookies and whether it came over https. */
interface CsrfContext {
  cookies: AstroCookies;
  url: URL;
}

function readNonce(context: CsrfContext): string | null {
  const value = context.cookies.get(COOKIE)?.value;
  return value && NONCE.test(value) ? value : null;
}

/** The token for this page's forms ('' when no secret is configured); creates the nonce cookie on the first staff page a browser sees. */
export async function csrfToken(context: CsrfContext, staff: Staff): Promise<string> {
  const key = secret(env, 'CSRF_SECRET');
  if (!key) return '';
  let nonce = readNonce(context);
  if (!nonce) {
    nonce = toBase64url(crypto.getRandomValues(new Uint8Array(32)));
    context.cookies.set(COOKIE, nonce, { path: '/admin', httpOnly: true, sameSite: 'strict', secure: context.url.protocol === 'https:' });
  }
  return csrfSignature(key, nonce, staff);
}

export async function verifyCsrf(context: CsrfContext, staff: Staff, token: string): Promise<boolean> {
  const key = secret(env, 'CSRF_SECRET');
  const nonce = readNonce(context);
  if (!key) console.error('CSRF_SECRET is not set: every staff form is refused (npm run dev:keys sets one locally)');
  return !!key && !!nonce && csrfValid(key, nonce, staff, token);
}
