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

export async function runScenario(
  name: string,
  baseUrl: string,
  paths: () => string,
  seconds: number,
  connections = 8,
): Promise<ScenarioResult> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((done, fail) => {
    const instance = autocannon(
      { url: baseUrl, connections, duration: seconds, requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths() }) }] },
      (error, finished) => (error ? fail(error) : done(finished)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
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
export function cycle<T>(items: T[], render: (item: T) => string): () => string {
  let i = 0;
  return () => render(items[i++ % items.length]!);
}
