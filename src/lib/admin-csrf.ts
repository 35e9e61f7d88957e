// CSRF protection for staff forms (synchronizer token). A random per-browser nonce lives in an
// HttpOnly, SameSite=Strict cookie scoped to /admin; each form carries HMAC-SHA256(nonce, actor),
// so a token is bound both to this browser and to the signed-in identity — a token copied from
// another session or minted for another actor does not verify. Astro's checkOrigin is the first line.
import type { AstroCookies } from 'astro';
import type { Staff } from '../../functions/auth/access';

const COOKIE = 'hrss_admin_csrf';
const NONCE = /^[A-Za-z0-9_-]{43}$/;

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

async function sign(nonce: string, actor: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(nonce), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return base64url(new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`hrss-admin-csrf-v1\n${actor}`))));
}

/** What the token needs of a request: its cookies and whether it came over https. */
interface CsrfContext {
  cookies: AstroCookies;
  url: URL;
}

function readNonce(context: CsrfContext): string | null {
  const value = context.cookies.get(COOKIE)?.value;
  return value && NONCE.test(value) ? value : null;
}

/** The token for this page's forms; creates the nonce cookie on the first staff page a browser sees. */
export async function csrfToken(context: CsrfContext, staff: Staff): Promise<string> {
  let nonce = readNonce(context);
  if (!nonce) {
    nonce = base64url(crypto.getRandomValues(new Uint8Array(32)));
    context.cookies.set(COOKIE, nonce, { path: '/admin', httpOnly: true, sameSite: 'strict', secure: context.url.protocol === 'https:' });
  }
  return sign(nonce, staff.actor);
}

export async function verifyCsrf(context: CsrfContext, staff: Staff, token: string): Promise<boolean> {
  const nonce = readNonce(context);
  if (!nonce || token.length !== 43) return false;
  const expected = await sign(nonce, staff.actor);
  let diff = 0;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ token.charCodeAt(i);
  return diff === 0;
}
