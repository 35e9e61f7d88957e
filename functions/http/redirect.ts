// Where a link may send someone back to: a path on this site only, so that no parameter turns a
// page into an open redirect, and nothing that could split the Location header (control
// characters) or leave the site (browsers read \ as /).

/** `next` when it is a path on this site (within `prefix`, when given), else `fallback`. */
export function sameSitePath(next: string | null | undefined, fallback: string, prefix = '/'): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
  if (!next || next.length > 500 || /[\u0000-\u001f\u007f\\]/.test(next)) return fallback;
  if (!next.startsWith('/') || next.startsWith('//')) return fallback;
  if (prefix === '/') return next;
  const base = prefix.replace(/\/$/, '');
  return next === base || (next.startsWith(base) && /^[/?#]/.test(next.slice(base.length))) ? next : fallback;
}
