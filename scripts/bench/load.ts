// One load scenario: autocannon from this process against the Worker served by wrangler in
// another, for a fixed time, with latencies recorded per request so that p95 can be reported.
import autocannon from 'autocannon';

export interface ScenarioResult {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
  requests: number;
}

/** Nearest-rank percentile, in milliseconds to one decimal. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10;
}

/** A request other than a plain GET of a path (the report-issuing scenario posts JSON). */
export interface RequestSpec {
  path: string;
  method: 'POST';
  body: string;
  headers: Record<string, string>;
}

export async function runScenario(
  name: string,
  baseUrl: string,
  paths: () => string | RequestSpec,
  seconds: number,
  connections = 8,
  headers: Record<string, string> = {},
  onStatus?: (status: number) => void,
): Promise<ScenarioResult> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((done, fail) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections,
        duration: seconds,
        headers,
        requests: [
          {
            method: 'GET',
            setupRequest: (req) => {
              const next = paths();
              return typeof next === 'string' ? { ...req, path: next } : { ...req, ...next, headers: { ...req.headers, ...next.headers } };
            },
          },
        ],
      },
      (error, finished) => (error ? fail(error) : done(finished)),
    );
    instance.on('response', (_client, status, _bytes, responseTime) => {
      latencies.push(responseTime);
      onStatus?.(status);
    });
  });
  latencies.sort((a, b) => a - b);
  return {
    name,
    requestsPerSecond: Math.round(result.requests.total / seconds),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    requests: result.requests.total,
  };
}

/** Cycles through a list so every scenario spreads over many different keys. */
export function cycle<T, R = string>(items: T[], render: (item: T) => R): () => R {
  let i = 0;
  return () => render(items[i++ % items.length]!);
}

export interface TrackingAttack {
  /** /api/v1/health on one connection with nothing else going on, and while the attack runs. */
  healthIdle: ScenarioResult;
  healthDuringAttack: ScenarioResult;
  /** What the guesses got: the first ones a 404 (wrong code), every later one a 429 before any hashing. */
  guesses: { requests: number; notFound: number; limited: number; other: number };
}

/**
 * Guessing access codes for one reference from 150 connections (what the attack that found the
 * missing limit did) while health is measured on one connection: the limit must answer the
 * guesses before they reach PBKDF2, so health stays near its idle latency.
 */
export async function runTrackingAttack(baseUrl: string, reference: string, seconds: number): Promise<TrackingAttack> {
  const health = () => '/api/v1/health';
  const healthIdle = await runScenario('GET /api/v1/health, 1 connection, idle', baseUrl, health, seconds, 1);
  const guesses = { requests: 0, notFound: 0, limited: 0, other: 0 };
  const attack = runScenario(
    'wrong access codes for one reference, 150 connections',
    baseUrl,
    () => `/api/v1/objections/${reference}`,
    seconds,
    150,
    { 'X-Access-Code': 'AAAA-AAAA' },
    (status) => {
      guesses.requests++;
      if (status === 404) guesses.notFound++;
      else if (status === 429) guesses.limited++;
      else guesses.other++;
    },
  );
  const healthDuringAttack = await runScenario('GET /api/v1/health, 1 connection, during the attack', baseUrl, health, seconds, 1);
  await attack;
  return { healthIdle, healthDuringAttack, guesses };
}
