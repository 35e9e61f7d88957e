// The entity tag of a response body: a validator, not a signature. It must change whenever the body
// does; nobody gains by forging one. So it is a fast non-cryptographic hash of the text itself —
// two 32-bit lanes of multiply-xorshift mixing (53 bits kept) and the length — computed on the
// string the route already holds, instead of reading the body back to hash it: on a credit profile
// reading it back cost more than the rest of the answer (BENCHMARKS.md).

/** A strong ETag, quoted: `"<length>-<hash>"`, both base 36. */
export function etagOf(body: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return `"${body.length.toString(36)}-${hash.toString(36)}"`;
}

/** Whether an If-None-Match header names this tag (or is `*`). */
export function etagMatches(ifNoneMatch: string | undefined, tag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.trim() === '*' || (ifNoneMatch.match(/"[^"]*"/g) ?? ([] as string[])).includes(tag);
}
