// One byte sequence for one value, for everything that is hashed or signed: the audit chain,
// idempotency keys' bodies, signed reports and checkpoints.

/** Deeper than any value the site stores; a deeper one is refused rather than recursed into. */
export const MAX_DEPTH = 32;

/**
 * JSON with object keys sorted at every level and no whitespace, so the same values always give
 * the same bytes whatever order a caller built them in or the database handed them back.
 * `undefined` members are left out (as JSON.stringify does); values JSON cannot hold are refused
 * rather than silently changed, since a hash over a lossy encoding would prove nothing.
 */
export function canonicalJson(value: unknown, depth = 0): string {
  if (depth > MAX_DEPTH) throw new TypeError(`cannot hash a value nested deeper than ${MAX_DEPTH} levels`);
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`cannot hash a non-finite number: ${value}`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v, depth + 1))).join(',')}]`;
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v, depth + 1)}`).join(',')}}`;
    }
    default:
      throw new TypeError(`cannot hash a value of type ${typeof value}`);
  }
}
