import { describe, expect, it } from 'vitest';
import { clientKey } from '../../functions/http/client-key';

// Per-client limits (DESIGN.md: 429 rate_limited; tracking cannot be brute-forced) key a client by
// the address Cloudflare's edge saw. An IPv6 client usually holds a whole /64, so the key is the
// /64 prefix — otherwise one client could rotate through 2^64 addresses to dodge the limit.

const key = (ip?: string) => clientKey(new Headers(ip === undefined ? {} : { 'CF-Connecting-IP': ip }));

describe('clientKey — IPv4', () => {
  it('keys an IPv4 address as it is', () => {
    expect(key('203.0.113.7')).toBe('203.0.113.7');
  });

  it('tells different IPv4 addresses apart, even in the same /24', () => {
    expect(key('203.0.113.7')).not.toBe(key('203.0.113.8'));
  });

  it('ignores surrounding whitespace', () => {
    expect(key('  198.51.100.1 ')).toBe('198.51.100.1');
  });

  it('keys an IPv4 address written as IPv6 (::ffff:a.b.c.d) as that IPv4 client', () => {
    expect(key('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(key('::FFFF:203.0.113.8')).not.toBe(key('::ffff:203.0.113.7'));
  });

  it('reads the header case-insensitively', () => {
    expect(clientKey(new Headers({ 'cf-connecting-ip': '198.51.100.1' }))).toBe('198.51.100.1');
  });
});

describe('clientKey — IPv6 by /64', () => {
  it('keys by the first four groups', () => {
    expect(key('2001:db8:abcd:12:1::5')).toBe('2001:db8:abcd:12::/64');
  });

  it('gives one key for every address in the same /64, however it is written', () => {
    const expected = '2001:db8:abcd:12::/64';
    for (const ip of [
      '2001:db8:abcd:12:1::5',
      '2001:0db8:abcd:0012:ffff::1',
      '2001:DB8:ABCD:12:FFFF:FFFF:FFFF:FFFF',
      '2001:db8:abcd:12::',
      '2001:db8:abcd:12::1',
      '2001:0db8:abcd:0012:0000:0000:0000:0001',
    ]) {
      expect(key(ip), ip).toBe(expected);
    }
  });

  it('expands :: in the prefix correctly', () => {
    expect(key('::1')).toBe('0:0:0:0::/64');
    expect(key('::')).toBe('0:0:0:0::/64');
    expect(key('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(key('2001:db8::')).toBe('2001:db8:0:0::/64');
    expect(key('fe80::1:2:3:4')).toBe('fe80:0:0:0::/64');
    expect(key('2001:db8:0:0:1::')).toBe('2001:db8:0:0::/64');
  });

  it('does not confuse groups around ::', () => {
    // 2001:db8::abcd:12:0:0:1 is 2001:db8:0:abcd:12:0:0:1 — its /64 is 2001:db8:0:abcd.
    expect(key('2001:db8::abcd:12:0:0:1')).toBe('2001:db8:0:abcd::/64');
  });

  it('tells different /64s apart', () => {
    expect(key('2001:db8:abcd:12::1')).not.toBe(key('2001:db8:abcd:13::1'));
    expect(key('2001:db8:abcd:12::1')).not.toBe(key('2001:db9:abcd:12::1'));
    expect(key('2001:db8::1')).not.toBe(key('2001:db8:0:1::1'));
  });

  it('never gives an IPv6 key that could equal an IPv4 one', () => {
    expect(key('::1')).toContain(':');
  });
});

describe('clientKey — no address', () => {
  it('is null when the header is missing, so there is no shared fallback key', () => {
    expect(key()).toBeNull();
  });

  it('is null when the header is empty or blank', () => {
    expect(key('')).toBeNull();
    expect(key('   ')).toBeNull();
  });

  it('does not read a client-supplied X-Forwarded-For instead', () => {
    expect(clientKey(new Headers({ 'X-Forwarded-For': '203.0.113.7' }))).toBeNull();
  });
});
