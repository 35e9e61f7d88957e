// The reference client's logic, for platforms that keep a copy of the site's public records
// (DOMAIN.md §12): start from the records snapshot, follow the change feed from the snapshot's
// X-Change-Cursor, and take webhooks in between. The feed is the source of truth — it is read in
// order and moves the copy's position; a webhook only brings a change early (and is dropped if the
// copy already has it or something newer, which the cursor tells). Runs in Node (scripts/mirror/
// cli.ts) and in workerd (the tests drive it against the Worker's own fetch): no node:* imports.
import type { ChangeItem } from '../../functions/db/queries/changes.ts';
import type { PublicRecord } from '../../functions/db/queries/enterprises.ts';
import { checkWebhookSignature, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../../functions/domain/webhook-signature.ts';
import { factOfChange, factOfSnapshot, type MirrorStore } from './store.ts';

export type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

interface ChangePage {
  items: ChangeItem[];
  next: number;
  hasMore: boolean;
}

interface SnapshotItem {
  uscc: string;
  enterpriseName: string;
  cursor: number;
  record: PublicRecord;
}

const APPLY_BATCH = 500;
const FEED_PAGE = 1000;

async function ok(res: Response, what: string): Promise<Response> {
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status} ${(await res.text()).slice(0, 300)}`);
  return res;
}

/**
 * The snapshot's items one by one, without holding the whole download: the site writes the JSON
 * head on the first line and each item on a line of its own (functions/api/routes/open-data.ts).
 */
async function* snapshotItems(res: Response): AsyncGenerator<SnapshotItem | { head: { cursor: number } }> {
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  let first = true;
  for (;;) {
    const { value, done } = await reader.read();
    buffered += value ?? '';
    const lines = buffered.split('\n');
    buffered = done ? '' : (lines.pop() ?? '');
    for (const raw of lines) {
      const line = raw.trim().replace(/^,/, '');
      if (first) {
        first = false;
        yield { head: JSON.parse(`${line}]}`) as { cursor: number } };
      } else if (line && line !== ']}') yield JSON.parse(line) as SnapshotItem;
    }
    if (done) return;
  }
}

/** Starts a copy from the records snapshot; returns the records taken and the cursor the feed continues from. */
export async function bootstrap(site: string, store: MirrorStore, fetch: Fetch): Promise<{ records: number; cursor: number }> {
  const res = await ok(await fetch(`${site}/api/v1/open-data/records?format=json`), 'records snapshot');
  let cursor: number | null = null;
  let count = 0;
  let batch: SnapshotItem[] = [];
  const flush = async () => {
    await store.apply(batch.map(factOfSnapshot));
    count += batch.length;
    batch = [];
  };
  for await (const item of snapshotItems(res)) {
    if ('head' in item) cursor = item.head.cursor;
    else {
      batch.push(item);
      if (batch.length >= APPLY_BATCH) await flush();
    }
  }
  await flush();
  if (cursor === null) throw new Error('records snapshot: no cursor in its head');
  // Only once every row is in: a copy interrupted half-way starts again from the snapshot.
  await store.apply([], cursor);
  return { records: count, cursor };
}

/** Reads the feed from the copy's position to its end, a page per transaction; returns the changes read. */
export async function followFeed(site: string, store: MirrorStore, fetch: Fetch): Promise<number> {
  let cursor = await store.cursor();
  if (cursor === null) throw new Error('this copy has not been started from a snapshot yet');
  let read = 0;
  for (;;) {
    const res = await ok(await fetch(`${site}/api/v1/changes?after=${cursor}&limit=${FEED_PAGE}`), 'change feed');
    const page = (await res.json()) as ChangePage;
    await store.apply(page.items.map(factOfChange), page.next);
    read += page.items.length;
    cursor = page.next;
    if (!page.hasMore) return read;
  }
}

/** Starts the copy if it is new, then brings it up to date. */
export async function sync(site: string, store: MirrorStore, fetch: Fetch) {
  const started = (await store.cursor()) === null ? await bootstrap(site, store, fetch) : null;
  const changes = await followFeed(site, store, fetch);
  return { started, changes };
}

export type WebhookAnswer = { status: 200 | 400 | 401; message: string; cursor?: number };

/**
 * A delivery from the site: checked against the platform's secret, then applied like a feed item.
 * Answering 2xx tells the site it arrived; a repeat is answered 200 too, so the site stops sending it.
 */
export async function receiveWebhook(
  store: MirrorStore,
  secret: string,
  request: { headers: Headers; body: string },
  nowSeconds: number,
): Promise<WebhookAnswer> {
  const check = await checkWebhookSignature(
    secret,
    { signature: request.headers.get(SIGNATURE_HEADER), timestamp: request.headers.get(TIMESTAMP_HEADER) },
    request.body,
    nowSeconds,
  );
  if (!check.ok) return { status: 401, message: `signature ${check.reason}` };
  let change: ChangeItem;
  try {
    change = JSON.parse(request.body) as ChangeItem;
  } catch {
    return { status: 400, message: 'not JSON' };
  }
  if (!Number.isSafeInteger(change?.cursor) || !Number.isSafeInteger(change?.recordId)) return { status: 400, message: 'not a change' };
  // Older than what the copy holds of the record, or the same change again: the store leaves it.
  await store.apply([factOfChange(change)]);
  return { status: 200, message: 'ok', cursor: change.cursor };
}
