import { describe, expect, it, vi } from 'vitest';
import { clockFor, clockOn, systemClock } from '../../functions/domain/clock';

// DOMAIN.md §9: "Tests never read the wall clock: 'today' is injected". DESIGN.md: TODAY_OVERRIDE is
// "honoured only when DEMO_DATA = "true" (for demos and external checks; never in production)".
const wall = () => Date.parse('2026-12-01T15:30:00Z'); // 23:30 in Beijing

describe('the clock', () => {
  it('gives today in Beijing, not in UTC', () => {
    expect(systemClock(wall).today()).toBe('2026-12-01');
    expect(systemClock(() => Date.parse('2026-12-01T16:30:00Z')).today()).toBe('2026-12-02');
  });

  it('stays on the given date and keeps the time of day, so instants still move forward', () => {
    let now = wall();
    const clock = clockOn('2031-02-10', () => now);
    expect(clock.today()).toBe('2031-02-10');
    expect(clock.now().toISOString()).toBe('2031-02-10T15:30:00.000Z');
    now += 60_000;
    expect(clock.now().toISOString()).toBe('2031-02-10T15:31:00.000Z');
  });

  it('honours TODAY_OVERRIDE only on a demo deployment', () => {
    expect(clockFor({ DEMO_DATA: 'true', TODAY_OVERRIDE: '2027-02-03' }, wall).today()).toBe('2027-02-03');
    expect(clockFor({ DEMO_DATA: 'false', TODAY_OVERRIDE: '2027-02-03' }, wall).today()).toBe('2026-12-01');
    expect(clockFor({ TODAY_OVERRIDE: '2027-02-03' }, wall).today()).toBe('2026-12-01');
    expect(clockFor({ DEMO_DATA: 'true', TODAY_OVERRIDE: '' }, wall).today()).toBe('2026-12-01');
  });

  it('ignores a malformed override, with a warning, rather than move deadlines', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(clockFor({ DEMO_DATA: 'true', TODAY_OVERRIDE: '2027-02-30' }, wall).today()).toBe('2026-12-01');
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});
