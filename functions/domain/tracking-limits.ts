// How often a case may be looked up with a reference and access code (DESIGN.md: tracking cannot
// be brute-forced). Each attempt is counted before the code is checked, per reference and per
// client, in hourly windows; past the limit the answer is "try again later", without hashing.

export const TRACKING_LIMITS = {
  /** Attempts on one reference in a window; a right code starts the count again. */
  perReference: 10,
  /** Attempts from one client in a window, over all references. */
  perClient: 60,
  windowMinutes: 60,
  /**
   * A refused attempt is answered after this pause. Waiting costs the server nothing, but it holds
   * each of an attacker's connections for that long, so a flood of guesses cannot crowd out other
   * people's requests; someone locked out waits a second longer for a page that says "later".
   */
  refusedAnswerDelayMs: 1000,
} as const;

/** The window an instant falls in, and how long until the next one begins. */
export function trackingWindow(now: Date): { start: string; retryAfterSeconds: number } {
  const length = TRACKING_LIMITS.windowMinutes * 60_000;
  const start = Math.floor(now.getTime() / length) * length;
  return { start: new Date(start).toISOString(), retryAfterSeconds: Math.max(1, Math.ceil((start + length - now.getTime()) / 1000)) };
}
