// 适老化 without JavaScript: a link sets the reader's choice of large, high-contrast text in a
// cookie and goes back to the page; /display.css (on demand, so prerendered pages follow it too)
// serves the matching styles.
import type { APIRoute } from 'astro';
import { sameSitePath } from '../../functions/http/redirect';
import { DISPLAY_COOKIE } from '../lib/display';

export const GET: APIRoute = ({ url, cookies, redirect }) => {
  const large = url.searchParams.get('mode') === 'large';
  if (large) {
    cookies.set(DISPLAY_COOKIE, 'large', { path: '/', maxAge: 365 * 86_400, sameSite: 'lax', secure: url.protocol === 'https:' });
  } else {
    cookies.delete(DISPLAY_COOKIE, { path: '/' });
  }
  return redirect(sameSitePath(url.searchParams.get('next'), '/'), 303);
};
