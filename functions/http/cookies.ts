// Reading one cookie from a request's Cookie header, for code that has no framework's cookie API
// (the Access gate, the D1 bookmark of functions/http/bookmark.ts).

/** The value of the cookie `name`, or null when it is absent or empty. */
export function cookieValue(cookieHeader: string | null, name: string): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    return value === '' ? null : value;
  }
  return null;
}
