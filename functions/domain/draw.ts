// 双随机 draw, algorithm "hmac-sha256-v1" (DOMAIN.md §7). The text of the public contract is
// /sampling/algorithm; this file is its only implementation, shared by the Worker (planning and
// drawing), the verify page in the browser and scripts/verify-draw.ts in Node. That is why it uses
// WebCrypto (`crypto.subtle`) only, imports nothing, and sticks to erasable TypeScript: Node loads
// it by type stripping, the browser bundle must stay small.

export const DRAW_ALGORITHM = 'hmac-sha256-v1';

/** Strata in the order the draw walks them; inspectors are assigned in this order too. `none` = not yet graded. */
export const strataGrades = ['A', 'B', 'C', 'none'] as const;
export type StratumGrade = (typeof strataGrades)[number];

/**
 * Every stratum a draw may have, in the order it walks them: the grades, then `complaint` —
 * employers in scope with a complaint accepted (立案) before the draw (DOMAIN.md §10), taken out of
 * their grade's stratum and sampled at a ratio of their own set per task. Draws published before
 * it existed walk the same order, so they verify unchanged.
 */
export const drawStrata = [...strataGrades, 'complaint'] as const;
export type DrawStratumName = (typeof drawStrata)[number];

/**
 * The published yearly cap on inspections per employer (DOMAIN.md §7). Counted: inspections
 * recorded in the task's calendar year, random and targeted alike.
 */
export const YEARLY_INSPECTION_CAP = 2;
/** "An A-grade employer with no penalty last year is inspected at most once next year." */
export const CLEAN_A_GRADE_CAP = 1;

export interface DrawStratum {
  grade: DrawStratumName;
  /** Sampling ratio in basis points, 500 = 5 %. */
  ratioBp: number;
  /** The frozen pool, ASCII ascending, unique. */
  candidates: string[];
  /** hex(SHA-256(candidates joined by "\n")). */
  poolHash: string;
  /** The first k candidates by score, in score order. */
  selected: string[];
}

export interface DrawExclusion {
  uscc: string;
  grade: DrawStratumName;
  /** Inspections already recorded in the task's year. */
  inspections: number;
  cap: number;
  reason: string;
}

/**
 * What step 5 needs to be re-run by anyone: the qualified pool by certificate number, each inspector's conflicts
 * (only those with employers selected in this draw — the rest cannot matter and stay private),
 * the yearly cap and the load already carried this year before the draw.
 */
export interface DrawInspector {
  /** The inspector's 执法证号 (certificate number): what the card shows and GET /api/v1/officers/{id} verifies. */
  id: string;
  conflicts: string[];
  yearlyCap: number | null;
  load: number;
}

export interface DrawAssignment {
  uscc: string;
  inspectorIds: [string, string];
}

/** Everything published after the draw; GET /api/v1/sampling/tasks/{taskId}/draw returns exactly this. */
export interface DrawRecord {
  algorithm: typeof DRAW_ALGORITHM;
  taskId: string;
  seed: string;
  beacon: string | null;
  drawKey: string;
  seedCommitment: string;
  strata: DrawStratum[];
  exclusions: DrawExclusion[];
  inspectors: DrawInspector[];
  assignments: DrawAssignment[];
}

/** Inspection history of one employer in scope, for the yearly cap. Employers with none may be left out. */
export interface InspectionHistory {
  uscc: string;
  inspections: number;
  penalizedLastYear: boolean;
}

export interface DrawInput {
  taskId: string;
  /** 32 bytes as hex, the secret drawn by generateSeed() at planning time. */
  seed: string;
  beacon: string | null;
  /** The strata are exactly the ones given a ratio here. */
  ratios: Partial<Record<DrawStratumName, number>>;
  /** Codes in scope per stratum, any order (arrays rather than row objects: at 10⁶ employers memory counts). */
  pool: Partial<Record<DrawStratumName, readonly string[]>>;
  history: readonly InspectionHistory[];
  inspectors: readonly DrawInspector[];
}

export type DrawErrorCode =
  | 'invalid_input'
  | 'insufficient_inspectors'
  | 'not_found'
  | 'not_random'
  | 'already_planned'
  | 'not_planned'
  | 'already_drawn';

/** A draw that must not happen; the staff side maps `code` to its HTTP answer. */
export class DrawError extends Error {
  readonly code: DrawErrorCode;
  constructor(code: DrawErrorCode, message: string) {
    super(message);
    this.name = 'DrawError';
    this.code = code;
  }
}

// ── bytes and hashes ────────────────────────────────────────────────────────────────────────

const HEX_BYTE = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const encoder = new TextEncoder();

function toHex(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += HEX_BYTE[bytes[i]!];
  return out;
}

function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

async function sha256Hex(data: Uint8Array<ArrayBuffer>): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', data));
}

const SEED_SHAPE = /^[0-9a-f]{64}$/;
const BEACON_SHAPE = /^(?:[0-9a-f]{2}){1,256}$/;
/** Printable ASCII without spaces: the message is "uscc as ASCII" and "\n" separates the pool. */
const CODE_SHAPE = /^[\x21-\x7e]+$/;

/** 32 bytes as hex (a seed or a draw key), lower case. */
function normalizeKey(hex: string, what: string): string {
  const s = typeof hex === 'string' ? hex.toLowerCase() : '';
  if (!SEED_SHAPE.test(s)) throw new DrawError('invalid_input', `${what}应为 32 字节的十六进制串（64 个字符）。`);
  return s;
}
const normalizeSeed = (seed: string) => normalizeKey(seed, '种子');

/** A beacon is optional; when given it is hex of 1–256 bytes (a drand round's randomness is 32). Returns lower case. */
export function normalizeBeacon(beacon: string | null | undefined): string | null {
  if (beacon === null || beacon === undefined || beacon === '') return null;
  const b = beacon.trim().toLowerCase();
  if (!BEACON_SHAPE.test(b)) throw new DrawError('invalid_input', '公共随机数应为偶数位的十六进制串（1–256 字节）。');
  return b;
}

/** Step 1: 32 random bytes from crypto.getRandomValues, as lower-case hex. */
export function generateSeed(): string {
  return toHex(crypto.getRandomValues(new Uint8Array(32)).buffer);
}

/** Step 1: seedCommitment = hex(SHA-256(seed bytes)). */
export async function commitSeed(seedHex: string): Promise<string> {
  return sha256Hex(fromHex(normalizeSeed(seedHex)));
}

/** Step 2: drawKey = SHA-256(seed ‖ beacon bytes) with a beacon, else the seed itself. */
export async function deriveDrawKey(seedHex: string, beaconHex: string | null): Promise<string> {
  const seed = normalizeSeed(seedHex);
  const beacon = normalizeBeacon(beaconHex);
  return beacon === null ? seed : sha256Hex(fromHex(seed + beacon));
}

/** Step 3: hex(SHA-256(codes joined by "\n")); the codes must already be sorted. */
export async function poolHash(codes: readonly string[]): Promise<string> {
  return sha256Hex(encoder.encode(codes.join('\n')));
}

/**
 * Step 4: k = ⌈ratioBp × n / 10000⌉ in integer arithmetic. BigInt, although ratioBp ≤ 10⁴ and
 * n ≤ 10⁶ would fit 2⁵³: a float division near 2⁵³ can round onto the next integer, BigInt cannot.
 */
export function stratumSize(ratioBp: number, n: number): number {
  if (!Number.isInteger(ratioBp) || ratioBp < 0 || ratioBp > 10_000) {
    throw new DrawError('invalid_input', `抽查比例应为 0–10000 之间的整数基点，收到 ${ratioBp}。`);
  }
  if (!Number.isSafeInteger(n) || n < 0) throw new DrawError('invalid_input', `候选数量无效：${n}。`);
  return Number((BigInt(ratioBp) * BigInt(n) + 9999n) / 10000n);
}

async function importDrawKey(drawKeyHex: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', fromHex(drawKeyHex), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

/** One score as hex, e.g. for the worked example of the algorithm page or a hand check. */
export async function scoreHex(drawKeyHex: string, message: string): Promise<string> {
  const key = await importDrawKey(normalizeKey(drawKeyHex, '抽取密钥'));
  return toHex(await crypto.subtle.sign('HMAC', key, encoder.encode(message)));
}

/**
 * Every message with its score, in the draw's order: score ascending, ties by the message. The
 * draw itself only ranks as far as it needs (selectFirst); this is the whole order, for showing
 * and checking a draw by hand, as the algorithm page's worked example does.
 */
export async function rankByScore(drawKeyHex: string, messages: readonly string[]): Promise<{ message: string; score: string }[]> {
  const scored = await Promise.all(messages.map(async (message) => ({ message, score: await scoreHex(drawKeyHex, message) })));
  return scored.sort((a, b) => (a.score < b.score ? -1 : a.score > b.score ? 1 : a.message < b.message ? -1 : 1));
}

// ── steps 3 and 4: pool and selection ───────────────────────────────────────────────────────

/**
 * Signing a million codes one promise at a time exhausts memory; all at once, too. Chunks of this
 * many signatures in flight keep both the queue and the garbage small.
 */
const SIGN_CHUNK = 1024;

function isStrictlyAscending(codes: readonly string[]): boolean {
  for (let i = 1; i < codes.length; i++) if (!(codes[i - 1]! < codes[i]!)) return false;
  return true;
}

/** Sorts a pool in place (ASCII, which is JS's UTF-16 order for ASCII) and rejects bad or repeated codes. */
function freezePool(codes: string[], grade: DrawStratumName): string[] {
  for (const code of codes) {
    if (!CODE_SHAPE.test(code)) throw new DrawError('invalid_input', `候选代码含非 ASCII 字符或空白：${JSON.stringify(code)}。`);
  }
  // Pools from D1 arrive sorted (ORDER BY uscc); re-sorting a million strings is the slow path.
  if (!isStrictlyAscending(codes)) codes.sort();
  for (let i = 1; i < codes.length; i++) {
    if (codes[i - 1] === codes[i]) throw new DrawError('invalid_input', `${grade} 层候选代码重复：${codes[i]}。`);
  }
  return codes;
}

/**
 * The first k codes by hex(HMAC(drawKey, code)) ascending, ties by code. Hex order is byte order,
 * so sorting compares the first 8 bytes as two 32-bit words and keeps memory at 8 bytes a
 * candidate; only a run of equal 8-byte prefixes reaching into the first k (odds about n²/2⁶⁵)
 * is re-signed and ordered by the full score. `codes` must be ascending: index order is code order.
 */
async function selectFirst(key: CryptoKey, codes: readonly string[], k: number): Promise<string[]> {
  const n = codes.length;
  if (k === 0) return [];
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  for (let start = 0; start < n; start += SIGN_CHUNK) {
    const end = Math.min(n, start + SIGN_CHUNK);
    const pending: Promise<ArrayBuffer>[] = [];
    for (let i = start; i < end; i++) pending.push(crypto.subtle.sign('HMAC', key, encoder.encode(codes[i])));
    const scores = await Promise.all(pending);
    for (let i = start; i < end; i++) {
      const view = new DataView(scores[i - start]!);
      hi[i] = view.getUint32(0);
      lo[i] = view.getUint32(4);
    }
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => hi[a]! - hi[b]! || lo[a]! - lo[b]! || a - b);

  for (let i = 0; i < k; ) {
    let j = i + 1;
    while (j < n && hi[order[j]!] === hi[order[i]!] && lo[order[j]!] === lo[order[i]!]) j++;
    if (j - i > 1) {
      const run = Array.from(order.subarray(i, j));
      const full = await Promise.all(run.map(async (index) => toHex(await crypto.subtle.sign('HMAC', key, encoder.encode(codes[index])))));
      const ranked = run
        .map((index, x) => ({ index, score: full[x]! }))
        .sort((a, b) => (a.score < b.score ? -1 : a.score > b.score ? 1 : a.index - b.index));
      for (const [x, r] of ranked.entries()) order[i + x] = r.index;
    }
    i = j;
  }
  return Array.from(order.subarray(0, k), (index) => codes[index]!);
}

// ── step 5: inspectors ──────────────────────────────────────────────────────────────────────

/** Pairs signed per round; rounds keep cap-skipping sequential while signing runs in parallel. */
const INSPECTOR_PAIRS_PER_ROUND = 8192;

function checkInspectors(inspectors: readonly DrawInspector[]): void {
  const seen = new Set<string>();
  for (const i of inspectors) {
    if (!i.id || seen.has(i.id)) throw new DrawError('invalid_input', `执法证号为空或重复：${JSON.stringify(i.id)}。`);
    seen.add(i.id);
    if (i.yearlyCap !== null && (!Number.isSafeInteger(i.yearlyCap) || i.yearlyCap < 0)) {
      throw new DrawError('invalid_input', `执法人员 ${i.id} 的年度上限无效。`);
    }
    if (!Number.isSafeInteger(i.load) || i.load < 0) throw new DrawError('invalid_input', `执法人员 ${i.id} 的本年度已承担任务数无效。`);
  }
}

/** Byte order of two digests, which is the order of their lower-case hex. */
function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/**
 * For each selected employer in selection order: score every inspector not in conflict with it by
 * hex(HMAC(drawKey, "inspector:" + uscc + ":" + id)), ascending (ties by id), skip those whose load
 * has reached their cap, take the first two. Fewer than two left → the draw fails: DOMAIN.md §7
 * requires two, and sending one would be a silent breach of the rule.
 */
async function assignInspectors(
  key: CryptoKey,
  selected: readonly string[],
  inspectors: readonly DrawInspector[],
): Promise<DrawAssignment[]> {
  if (selected.length === 0) return [];
  checkInspectors(inspectors);
  const conflicts = inspectors.map((i) => new Set(i.conflicts));
  const load = inspectors.map((i) => i.load);
  const full = (j: number) => inspectors[j]!.yearlyCap !== null && load[j]! >= inspectors[j]!.yearlyCap!;
  const perRound = Math.max(1, Math.floor(INSPECTOR_PAIRS_PER_ROUND / Math.max(1, inspectors.length)));
  const assignments: DrawAssignment[] = [];

  for (let start = 0; start < selected.length; start += perRound) {
    const batch = selected.slice(start, start + perRound);
    // An inspector already at the cap stays there for the whole round: no need to score them.
    const open = inspectors.map((_, j) => j).filter((j) => !full(j));
    const eligible = batch.map((uscc) => open.filter((j) => !conflicts[j]!.has(uscc)));
    const pending: Promise<ArrayBuffer>[] = [];
    batch.forEach((uscc, b) => {
      for (const j of eligible[b]!) pending.push(crypto.subtle.sign('HMAC', key, encoder.encode(`inspector:${uscc}:${inspectors[j]!.id}`)));
    });
    const scores = (await Promise.all(pending)).map((s) => new Uint8Array(s));
    let next = 0;
    batch.forEach((uscc, b) => {
      const ranked = eligible[b]!.map((j) => ({ j, score: scores[next++]! }));
      const id = (x: { j: number }) => inspectors[x.j]!.id;
      ranked.sort((x, y) => compareBytes(x.score, y.score) || (id(x) < id(y) ? -1 : id(x) > id(y) ? 1 : 0));
      const picked: number[] = [];
      for (const { j } of ranked) {
        if (full(j)) continue;
        picked.push(j);
        if (picked.length === 2) break;
      }
      if (picked.length < 2) {
        throw new DrawError(
          'insufficient_inspectors',
          `单位 ${uscc} 可选派的执法检查人员不足两名（已排除需回避和已达年度上限的人员）。请补充执法人员名录后再抽取；抽取未保存。`,
        );
      }
      for (const j of picked) load[j]!++;
      assignments.push({ uscc, inspectorIds: [inspectors[picked[0]!]!.id, inspectors[picked[1]!]!.id] });
    });
  }
  return assignments;
}

// ── the draw ────────────────────────────────────────────────────────────────────────────────

export function inspectionCap(grade: DrawStratumName, penalizedLastYear: boolean): number {
  return grade === 'A' && !penalizedLastYear ? CLEAN_A_GRADE_CAP : YEARLY_INSPECTION_CAP;
}

function exclusionReason(grade: DrawStratumName, history: InspectionHistory, cap: number): string {
  const rule =
    grade === 'A' && !history.penalizedLastYear
      ? `上年度无行政处罚的 A 级单位年度内至多检查 ${cap} 次`
      : `每个单位年度内至多检查 ${cap} 次`;
  return `本年度已检查 ${history.inspections} 次，${rule}`;
}

const byUscc = <T extends { uscc: string }>(a: T, b: T) => (a.uscc < b.uscc ? -1 : a.uscc > b.uscc ? 1 : 0);

/** True when no code appears in two of the (each ascending) lists: a walk of the merge, no big Set. */
function disjoint(lists: readonly (readonly string[])[]): boolean {
  const at = lists.map(() => 0);
  let previous: string | null = null;
  for (;;) {
    let best = -1;
    lists.forEach((list, l) => {
      if (at[l]! < list.length && (best < 0 || list[at[l]!]! < lists[best]![at[best]!]!)) best = l;
    });
    if (best < 0) return true;
    const code = lists[best]![at[best]!++]!;
    if (code === previous) return false;
    previous = code;
  }
}

/**
 * The complaint stratum of a pool: the codes given (employers with an accepted complaint, any
 * grade) leave their grade's list and form their own, so that no employer is in two strata.
 */
export function withComplaintStratum(
  pool: Partial<Record<StratumGrade, readonly string[]>>,
  complained: readonly string[],
): Partial<Record<DrawStratumName, string[]>> {
  const set = new Set(complained);
  const out: Partial<Record<DrawStratumName, string[]>> = {};
  const inScope = new Set<string>();
  for (const grade of strataGrades) {
    const codes = pool[grade];
    if (!codes) continue;
    out[grade] = codes.filter((c) => {
      if (!set.has(c)) return true;
      inScope.add(c);
      return false;
    });
  }
  out.complaint = complained.filter((c) => inScope.has(c));
  return out;
}

/** Steps 2–5 for a planned task: the record to publish. Throws DrawError; nothing is half-done. */
export async function runDraw(input: DrawInput): Promise<DrawRecord> {
  const seed = normalizeSeed(input.seed);
  const beacon = normalizeBeacon(input.beacon);
  const [seedCommitment, drawKey] = await Promise.all([commitSeed(seed), deriveDrawKey(seed, beacon)]);
  const key = await importDrawKey(drawKey);
  const history = new Map(input.history.map((h) => [h.uscc, h]));

  const exclusions: DrawExclusion[] = [];
  const strata: DrawStratum[] = [];
  for (const grade of drawStrata) {
    const ratioBp = input.ratios[grade];
    const pool = input.pool[grade] ?? [];
    if (ratioBp === undefined) {
      if (pool.length > 0) throw new DrawError('invalid_input', `${grade} 层没有抽查比例，却有候选单位。`);
      continue;
    }
    const candidates: string[] = [];
    for (const uscc of pool) {
      const past = history.get(uscc);
      const cap = inspectionCap(grade, past?.penalizedLastYear ?? false);
      if (past && past.inspections >= cap)
        exclusions.push({ uscc, grade, inspections: past.inspections, cap, reason: exclusionReason(grade, past, cap) });
      else candidates.push(uscc);
    }
    freezePool(candidates, grade);
    const k = stratumSize(ratioBp, candidates.length);
    strata.push({ grade, ratioBp, candidates, poolHash: await poolHash(candidates), selected: await selectFirst(key, candidates, k) });
  }
  if (!disjoint(strata.map((s) => s.candidates))) throw new DrawError('invalid_input', '同一单位出现在多个信用等级层中。');
  exclusions.sort(byUscc);

  const selected = strata.flatMap((s) => s.selected);
  const selectedSet = new Set(selected);
  const inspectors = input.inspectors
    .map((i) => ({ id: i.id, conflicts: i.conflicts.filter((c) => selectedSet.has(c)).sort(), yearlyCap: i.yearlyCap, load: i.load }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const assignments = await assignInspectors(key, selected, inspectors);

  return {
    algorithm: DRAW_ALGORITHM,
    taskId: input.taskId,
    seed,
    beacon,
    drawKey,
    seedCommitment,
    strata,
    exclusions,
    inspectors,
    assignments,
  };
}

// ── verification ────────────────────────────────────────────────────────────────────────────

export interface StratumVerification {
  grade: string;
  candidateCount: number;
  /** k recomputed from ratioBp and the pool size. */
  expectedSize: number;
  /** Candidates ascending and unique, and their SHA-256 is the published poolHash. */
  poolHash: boolean;
  /** Recomputed selection equals the published one, in order. */
  selection: boolean;
  ok: boolean;
}

export interface DrawVerification {
  algorithm: boolean;
  /** SHA-256(seed) is the commitment published with the plan. */
  commitment: boolean;
  drawKey: boolean;
  strata: StratumVerification[];
  /** No employer in two strata, none both excluded and a candidate. */
  pool: boolean;
  assignments: boolean;
  ok: boolean;
}

/** Runs a check that must answer false, never throw, on a tampered or malformed record. */
async function holds(check: () => boolean | Promise<boolean>): Promise<boolean> {
  try {
    return (await check()) === true;
  } catch {
    return false;
  }
}

const sameList = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Re-runs steps 1–5 from a published record alone. `expectedCommitment` is the commitment the
 * reader saw with the plan; without it the record's own is checked against its seed.
 */
export async function verifyDraw(record: DrawRecord, expectedCommitment?: string | null): Promise<DrawVerification> {
  const r = (record ?? {}) as Partial<DrawRecord>;
  const algorithm = r.algorithm === DRAW_ALGORITHM;
  const commitment = await holds(
    async () =>
      (expectedCommitment ? expectedCommitment.toLowerCase() === r.seedCommitment : true) &&
      (await commitSeed(r.seed!)) === r.seedCommitment,
  );
  let derived: string | null = null;
  try {
    derived = await deriveDrawKey(r.seed!, r.beacon ?? null);
  } catch {
    derived = null;
  }
  const drawKey = derived !== null && derived === r.drawKey;
  const key = derived === null ? null : await importDrawKey(derived);
  const strataIn = Array.isArray(r.strata) ? r.strata : [];

  const strata: StratumVerification[] = [];
  for (const s of strataIn) {
    const candidates = Array.isArray(s?.candidates) ? s.candidates : [];
    let expectedSize = 0;
    try {
      expectedSize = stratumSize(s.ratioBp, candidates.length);
    } catch {
      expectedSize = -1;
    }
    const pool = await holds(
      async () =>
        candidates.every((c) => typeof c === 'string' && CODE_SHAPE.test(c)) &&
        isStrictlyAscending(candidates) &&
        (await poolHash(candidates)) === s.poolHash,
    );
    const selection = await holds(
      async () =>
        key !== null &&
        expectedSize >= 0 &&
        Array.isArray(s.selected) &&
        sameList(await selectFirst(key, candidates, expectedSize), s.selected),
    );
    strata.push({
      grade: String(s?.grade),
      candidateCount: candidates.length,
      expectedSize,
      poolHash: pool,
      selection,
      ok: pool && selection,
    });
  }

  // Strata in the draw's own order, each once: step 5 walks them in that order.
  const ranks = strataIn.map((s) => (drawStrata as readonly string[]).indexOf(s?.grade));
  const knownGrades = ranks.every((rank, i) => rank >= 0 && (i === 0 || rank > ranks[i - 1]!));
  const poolOk = await holds(() => {
    const lists = strataIn.map((s) => s.candidates);
    const excluded = (r.exclusions ?? []).map((e) => e.uscc);
    return knownGrades && disjoint(lists) && excluded.every((code) => !lists.some((list) => binaryHas(list, code)));
  });
  const assignments = await holds(async () => {
    if (key === null || !Array.isArray(r.assignments)) return false;
    const expected = await assignInspectors(
      key,
      strataIn.flatMap((s) => s.selected),
      r.inspectors ?? [],
    );
    return (
      sameList(
        expected.map((a) => a.uscc),
        r.assignments.map((a) => a.uscc),
      ) && expected.every((a, i) => sameList(a.inspectorIds, r.assignments![i]!.inspectorIds))
    );
  });

  const ok = algorithm && commitment && drawKey && poolOk && assignments && strata.length > 0 && strata.every((s) => s.ok);
  return { algorithm, commitment, drawKey, strata, pool: poolOk, assignments, ok };
}

function binaryHas(sorted: readonly string[], code: string): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < code) lo = mid + 1;
    else hi = mid;
  }
  return sorted[lo] === code;
}

// ── what the database keeps next to the record ──────────────────────────────────────────────

/** The record without its lists: what a page shows, and what D1 keeps when the record itself lives in R2. */
export interface DrawSummary extends Pick<DrawRecord, 'algorithm' | 'taskId' | 'seed' | 'beacon' | 'drawKey' | 'seedCommitment'> {
  candidateCount: number;
  selectedCount: number;
  strata: { grade: DrawStratumName; ratioBp: number; candidateCount: number; selectedCount: number; poolHash: string }[];
  exclusionCount: number;
  inspectorCount: number;
  /** Assignments per inspector in this draw: later draws of the year start from these loads. */
  inspectorLoad: Record<string, number>;
}

export function summarizeDraw(record: DrawRecord): DrawSummary {
  const inspectorLoad: Record<string, number> = {};
  for (const a of record.assignments) for (const id of a.inspectorIds) inspectorLoad[id] = (inspectorLoad[id] ?? 0) + 1;
  const strata = record.strata.map((s) => ({
    grade: s.grade,
    ratioBp: s.ratioBp,
    candidateCount: s.candidates.length,
    selectedCount: s.selected.length,
    poolHash: s.poolHash,
  }));
  return {
    algorithm: record.algorithm,
    taskId: record.taskId,
    seed: record.seed,
    beacon: record.beacon,
    drawKey: record.drawKey,
    seedCommitment: record.seedCommitment,
    candidateCount: strata.reduce((n, s) => n + s.candidateCount, 0),
    selectedCount: strata.reduce((n, s) => n + s.selectedCount, 0),
    strata,
    exclusionCount: record.exclusions.length,
    inspectorCount: record.inspectors.length,
    inspectorLoad,
  };
}
