import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TRACKING_LIMITS, trackingWindow } from '../../functions/domain/tracking-limits';

// DESIGN.md: tracking a case by reference and access code cannot be brute-forced — attempts are
// counted in hourly windows, and past the limit the answer is 429 rate_limited with Retry-After.

describe('TRACKING_LIMITS', () => {
  it('counts in one-hour windows, per reference below per client', () => {
    expect(TRACKING_LIMITS.windowMinutes).toBe(60);
    expect(TRACKING_LIMITS.perReference).toBeGreaterThan(0);
    expect(TRACKING_LIMITS.perReference).toBeLessThan(TRACKING_LIMITS.perClient);
  });
});

describe('trackingWindow', () => {
  it('starts the window at the hour boundary (UTC)', () => {
    expect(trackingWindow(new Date('2026-11-25T08:17:42.123Z')).start).toBe('2026-11-25T08:00:00.000Z');
  });

  it('counts Retry-After to the next window', () => {
    expect(trackingWindow(new Date('2026-11-25T08:17:42.000Z')).retryAfterSeconds).toBe(42 * 60 + 18);
    expect(trackingWindow(new Date('2026-11-25T08:59:00.000Z')).retryAfterSeconds).toBe(60);
  });

  it('rounds part of a second up, so a client that waits as told is in the next window', () => {
    const { retryAfterSeconds } = trackingWindow(new Date('2026-11-25T08:59:58.500Z'));
    expect(retryAfterSeconds).toBe(2);
  });

  it('puts the boundary instant in the new window, with a full hour to go', () => {
    expect(trackingWindow(new Date('2026-11-25T09:00:00.000Z'))).toEqual({ start: '2026-11-25T09:00:00.000Z', retryAfterSeconds: 3600 });
  });

  it('is at least 1 second, even in the last millisecond of a window', () => {
    const { start, retryAfterSeconds } = trackingWindow(new Date('2026-11-25T08:59:59.999Z'));
    expect(start).toBe('2026-11-25T08:00:00.000Z');
    expect(retryAfterSeconds).toBe(1);
  });

  it('crosses midnight and the year like any other hour', () => {
    expect(trackingWindow(new Date('2026-12-31T23:30:00.000Z'))).toEqual({ start: '2026-12-31T23:00:00.000Z', retryAfterSeconds: 1800 });
  });

  it('for any instant: start ≤ now < start + 1 h, on the hour, and start + Retry-After reaches the next window', () => {
    const hour = 3_600_000;
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        const { start, retryAfterSeconds } = trackingWindow(new Date(ms));
        const s = Date.parse(start);
        expect(s % hour).toBe(0);
        expect(s).toBeLessThanOrEqual(ms);
        expect(ms).toBeLessThan(s + hour);
        expect(Number.isInteger(retryAfterSeconds)).toBe(true);
        expect(retryAfterSeconds).toBeGreaterThanOrEqual(1);
        expect(retryAfterSeconds).toBeLessThanOrEqual(3600);
        // Waiting that long lands in the next window, and not a whole second later than needed.
        expect(ms + retryAfterSeconds * 1000).toBeGreaterThanOrEqual(s + hour);
        expect(ms + (retryAfterSeconds - 1) * 1000).toBeLessThan(s + hour);
      }),
    );
  });
});
