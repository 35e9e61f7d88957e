// Who a client is, for per-client limits: the address Cloudflare's edge saw (CF-Connecting-IP,
// which a client cannot forge through the edge). An IPv6 client usually holds a whole /64, so it
// is keyed by that prefix; there is no shared fallback key, so one office's missing header cannot
// lock out everybody without one.

/** The client's key, or null when the request did not come through Cloudflare's edge. */
export function clientKey(headers: Headers): string | null {
  const address = headers.get('CF-Connecting-IP')?.trim();
  if (!address) return null;
  if (!address.includes(':')) return address;
  // An IPv4 address written as IPv6 (::ffff:203.0.113.7) is that IPv4 client, not the /64 of zeros.
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1]!;
  return `${ipv6Prefix64(address)}::/64`;
}

/** The first four groups of an IPv6 address, `::` expanded. */
function ipv6Prefix64(address: string): string {
  const [head = '', tail] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':');
}
