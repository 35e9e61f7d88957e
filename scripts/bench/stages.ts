// Where a request's time goes inside the Worker: a V8 CPU profile (taken from workerd through the
// DevTools protocol, scripts/bench/cpu-profile.ts) cut into the stages of a read. Each sample goes
// to the innermost stage on its stack, so a sample inside the SQL builder counts there and not in
// the route that called it; samples in no stage count as "other JavaScript".

/** The subset of a .cpuprofile this needs (Chrome DevTools' Profiler.Profile). */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  samples: number[];
  /** Microseconds before each sample. */
  timeDeltas: number[];
}

interface Stage {
  name: string;
  matches(frame: { functionName: string; url: string }): boolean;
}

const named =
  (...names: string[]) =>
  (f: { functionName: string }) =>
    names.includes(f.functionName);

/** Innermost first: the first stage a frame matches, walking from the sampled frame to the root. */
export const STAGES: Stage[] = [
  { name: 'masking (publicRecordDetail)', matches: named('publicRecordDetail', 'maskDetail', 'maskText') },
  { name: 'D1 binding call and result decoding', matches: (f) => f.url.startsWith('cloudflare-internal:') },
  {
    name: 'SQL building (drizzle query builder)',
    matches: named('buildQueryFromSourceParams', 'sqlToQuery', 'buildSelectQuery', 'toSQL', 'getSQL', '_prepare'),
  },
  { name: 'row mapping (drizzle)', matches: named('mapResultRow', 'mapAllResult', 'mapRelationalRow') },
  { name: 'drizzle instance per request', matches: named('drizzle', 'openSession') },
  { name: 'record shaping (toPublicRecord, flags)', matches: named('toPublicRecord', 'getCreditProfile', 'lookUpProfile') },
  { name: 'ETag (hashing the body)', matches: named('generateDigest', 'etag') },
  {
    name: 'page rendering (Astro components)',
    matches: named('renderPage', 'renderComponent', 'renderToAsyncIterable', 'renderStreaming', 'renderToString'),
  },
  { name: 'Astro pipeline and middleware', matches: named('handleMiddleware', 'callMiddleware', 'handlePages', 'handle', 'onRequest') },
  { name: 'Hono routing, validation, JSON', matches: named('dispatch', '#dispatch', 'json', 'validator') },
  { name: 'headers (security, caching)', matches: named('withSecurityHeaders', 'publicCaching') },
  { name: 'garbage collection', matches: named('(garbage collector)') },
  { name: 'idle (waiting for D1 or the network)', matches: named('(idle)') },
];
export const OTHER = 'other JavaScript and the runtime';

/** Milliseconds of CPU per stage over the whole profile. */
export function stageTimes(profile: CpuProfile): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  // A node's stage depends only on its stack, so it is found once per node.
  const stageOf = new Map<number, string>();
  const find = (id: number): string => {
    const known = stageOf.get(id);
    if (known) return known;
    const node = byId.get(id)!;
    const own = STAGES.find((s) => s.matches(node.callFrame))?.name;
    const up = parent.get(id);
    const stage = own ?? (up === undefined ? OTHER : find(up));
    stageOf.set(id, stage);
    return stage;
  };
  const times = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    // Each sample stands for the time until the next one.
    const us = profile.timeDeltas[i + 1] ?? 0;
    const stage = find(id);
    times.set(stage, (times.get(stage) ?? 0) + us / 1000);
  });
  return times;
}
