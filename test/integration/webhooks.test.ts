// Webhooks to other platforms (DOMAIN.md §12, DESIGN.md "Sync"): staff register a platform
// (audited, the secret shown once and sealed at rest); every change reaches it through the real
// Cloudflare Queue (miniflare), signed, retried with backoff until it answers 2xx, each attempt in
// the delivery log; the cursor lets the platform drop what it got twice.
import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiErrorBody } from '../fixtures/api';
import { createAccessKeys, type AccessKeys } from '../fixtures/access-tokens';
import { insertEnterprise, insertRecord, makeUscc } from '../fixtures/enterprises';
import { changeRowsOf, recordChanger } from '../fixtures/record-changes';
import { auditRows, staffApi } from '../fixtures/staff';
import { today } from '../fixtures/today';
import { addMonths } from '../../functions/domain/dates';
import { clockOn } from '../../functions/domain/clock';
import { checkWebhookSignature } from '../../functions/domain/webhook-signature';
import worker from '../../functions/api/worker';
import { dispatchChanges, type DeliveryMessage } from '../../functions/sync/dispatch';
import { DEAD_LETTER_QUEUE } from '../../functions/sync/deliver';
import type { ChangeItem } from '../../functions/db/queries/changes';
import type { SubscriptionCreatedSchema, DeliveryListSchema } from '../../functions/api/schemas/admin-subscriptions';
import type { z } from '@hono/zod-openapi';

type Created = z.infer<typeof SubscriptionCreatedSchema>;
type Deliveries = z.infer<typeof DeliveryListSchema>;

const uscc = makeUscc('MA01WH001');
let keys: AccessKeys;
let admin: ReturnType<typeof staffApi>;
let changes: ReturnType<typeof recordChanger>;

const live = () =>
  insertRecord(env.DB, { uscc, decidedOn: addMonths(today, -1), publishUntil: addMonths(today, 11), penaltyTypes: ['罚款'] });
const draft = async () =>
  (
    await insertRecord(env.DB, {
      uscc,
      status: 'draft',
      publishedOn: null,
      decidedOn: addMonths(today, -1),
      penaltyTypes: ['罚款'],
      publishUntil: addMonths(today, 11),
    })
  ).id;

async function register(url: string, extra: Record<string, unknown> = {}): Promise<Created> {
  const res = await admin('POST', '/subscriptions', { name: '信用中国（北京）', url, ...extra });
  if (res.status !== 201) expect(res.status, await res.text()).toBe(201);
  return res.json<Created>();
}

/** Receivers of this file's platforms by URL prefix; the Worker reaches nothing else (no network in tests). */
const receivers = new Map<string, (request: Request) => Promise<Response>>();

/**
 * A platform's receiver behind the Worker's outbound fetch: answers 500 to the first `failures`
 * deliveries of each change, then 200, and keeps what it was sent.
 */
function receiver(url: string, failures: number) {
  const received: { body: string; headers: Headers; status: number }[] = [];
  const answered = new Map<string, number>();
  receivers.set(url, async (request) => {
    const body = await request.text();
    const key = request.headers.get('Idempotency-Key') ?? '';
    const seen = (answered.get(key) ?? 0) + 1;
    answered.set(key, seen);
    const status = seen <= failures ? 500 : 200;
    received.push({ body, headers: request.headers, status });
    return new Response(status === 200 ? 'ok' : 'busy', { status });
  });
  return received;
}

beforeAll(async () => {
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const request = new Request(input, init);
    const handler = [...receivers].find(([prefix]) => request.url.startsWith(prefix))?.[1];
    return handler ? handler(request) : new Response('no such receiver', { status: 503 });
  });
  keys = await createAccessKeys();
  env.ACCESS_JWKS = keys.jwks;
  admin = staffApi(keys, ['admin'], 'liu.yang@hrss.example');
  changes = recordChanger(keys, () => today);
  await insertEnterprise(env.DB, { uscc, name: '北京推送测试有限公司' });
});

// Each test's platforms stop receiving when it ends, so that no test's deliveries reach into another's.
afterEach(async () => {
  receivers.clear();
  await env.DB.prepare('UPDATE webhook_subscriptions SET active = 0').run();
  env.WEBHOOK_RETRY_SECONDS = '60';
});

describe('POST /api/v1/admin/subscriptions', () => {
  it('registers a platform: the secret shown once, sealed at rest, never in the audit log', async () => {
    const created = await register('https://credit.example.gov.cn/hooks/hrss', { events: ['withdrawn', 'repaired'] });
    expect(created.subscription).toMatchObject({ name: '信用中国（北京）', events: ['withdrawn', 'repaired'], active: true });
    expect(created.subscription).not.toHaveProperty('secretSealed');
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);

    const stored = await env.DB.prepare('SELECT secret_sealed FROM webhook_subscriptions WHERE id = ?')
      .bind(created.subscription.id)
      .first<{ secret_sealed: string }>();
    expect(stored!.secret_sealed).toMatch(/^v1\./);
    expect(stored!.secret_sealed).not.toContain(created.secret.slice(6));
    const entry = (await auditRows()).find((r) => r.target === `subscription:${created.subscription.id}`)!;
    expect(entry).toMatchObject({ action: 'subscription.registered', actor: 'liu.yang@hrss.example' });
    expect(`${entry.before}${entry.after}`).not.toContain(created.secret.slice(6));

    const listed = await (await admin('GET', '/subscriptions')).text();
    expect(listed).toContain('信用中国（北京）');
    expect(listed).not.toContain(created.secret.slice(6));
    expect(listed).not.toContain('secret');
  });

  it('takes a secret agreed with the platform, and refuses plain HTTP, unknown change types and short secrets', async () => {
    const agreed = 'agreed-secret-with-the-platform-0001';
    expect((await register('https://a.example.gov.cn/h', { secret: agreed })).secret).toBe(agreed);
    for (const [body, path] of [
      [{ url: 'http://credit.example.gov.cn/hooks' }, 'url'],
      [{ url: 'https://a.example.gov.cn/h', events: ['deleted'] }, 'events.0'],
      [{ url: 'https://a.example.gov.cn/h', secret: 'short' }, 'secret'],
      [{ url: 'https://a.example.gov.cn/h', events: [] }, 'events'],
    ] as const) {
      const res = await admin('POST', '/subscriptions', { name: '某平台', ...body });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect((await res.json<ApiErrorBody>()).error.fields?.map((f) => f.path)).toContain(path);
    }
  });

  it('lets publishers read the platforms but only administrators register or pause one', async () => {
    const publisher = staffApi(keys, ['publisher']);
    expect((await publisher('GET', '/subscriptions')).status).toBe(200);
    expect((await publisher('POST', '/subscriptions', { name: '某平台', url: 'https://a.example.gov.cn/h' })).status).toBe(403);
    const { subscription } = await register('https://b.example.gov.cn/h');
    expect((await publisher('POST', `/subscriptions/${subscription.id}/pause`)).status).toBe(403);
    expect((await admin('POST', `/subscriptions/${subscription.id}/pause`)).status).toBe(200);
    expect((await admin('POST', `/subscriptions/${subscription.id}/pause`)).status).toBe(409);
    expect((await admin('POST', `/subscriptions/${subscription.id}/resume`)).status).toBe(200);
    expect((await auditRows()).filter((r) => r.target === `subscription:${subscription.id}`).map((r) => r.action)).toEqual([
      'subscription.registered',
      'subscription.paused',
      'subscription.resumed',
    ]);
    expect((await admin('GET', '/subscriptions/999999/deliveries')).status).toBe(404);
  });
});

describe('delivery through the queue', () => {
  it('a receiver whose first answers are 500s still gets every event, exactly once after dedup by cursor', async () => {
    const url = 'https://receiver.example.gov.cn/hrss';
    const received = receiver(url, 2);
    env.WEBHOOK_RETRY_SECONDS = '1';
    const { subscription, secret } = await register(url);

    // Five changes of five kinds, each on a record of its own.
    const [a, b] = [await draft(), await draft()];
    const [c, d, e] = [(await live()).id, (await live()).id, (await live()).id];
    await changes.publish(a);
    await changes.publish(b);
    await changes.withdraw(c, '该处罚决定已被行政复议决定撤销。');
    await changes.correct(uscc, d, { title: '拖欠 3 名劳动者工资' });
    await changes.repair(uscc, e);
    // The cron's run as well as the one after each write: messages sent twice are expected and dropped by cursor.
    await dispatchChanges(env, clockOn(today));
    const logged = await changeRowsOf([a, b, c, d, e]);
    expect(logged.map((r) => r.type).sort()).toEqual(['corrected', 'published', 'published', 'repaired', 'withdrawn']);

    await vi.waitFor(
      () => {
        const accepted = new Set(received.filter((r) => r.status === 200).map((r) => r.headers.get('Idempotency-Key')));
        expect([...accepted].sort()).toEqual(logged.map((r) => String(r.cursor)).sort());
      },
      { timeout: 30_000, interval: 200 },
    );

    // What the receiver keeps after dropping repeats by cursor: each change once, as the feed gives it.
    const kept = new Map<number, ChangeItem>();
    for (const r of received.filter((x) => x.status === 200)) {
      const check = await checkWebhookSignature(
        secret,
        { signature: r.headers.get('X-Signature'), timestamp: r.headers.get('X-Signature-Timestamp') },
        r.body,
        Number(r.headers.get('X-Signature-Timestamp')),
      );
      expect(check).toEqual({ ok: true });
      const change = JSON.parse(r.body) as ChangeItem;
      expect(String(change.cursor)).toBe(r.headers.get('Idempotency-Key'));
      if (!kept.has(change.cursor)) kept.set(change.cursor, change);
    }
    expect([...kept.values()].map((k) => [k.recordId, k.type]).sort()).toEqual(logged.map((r) => [r.record_id, r.type]).sort());
    expect(kept.get(logged.find((r) => r.record_id === c)!.cursor)).toMatchObject({
      record: null,
      reason: '该处罚决定已被行政复议决定撤销。',
    });
    // Every change failed twice before it landed: retried, not lost.
    for (const row of logged) {
      const answers = received.filter((r) => r.headers.get('Idempotency-Key') === String(row.cursor)).map((r) => r.status);
      expect(answers.slice(0, 3)).toEqual([500, 500, 200]);
    }

    const log = await (await admin('GET', `/subscriptions/${subscription.id}/deliveries?pageSize=100`)).json<Deliveries>();
    const attempts = (cursor: number) => log.items.filter((i) => i.cursor === cursor).sort((x, y) => x.id - y.id);
    for (const row of logged) {
      const tries = attempts(row.cursor);
      expect(tries.filter((t) => t.outcome === 'failed').length).toBeGreaterThanOrEqual(2);
      expect(tries.filter((t) => t.outcome === 'failed').every((t) => t.httpStatus === 500)).toBe(true);
      // Landed on a retry of the queue (a message sent twice by two dispatchers may land on its own first attempt too).
      expect(tries.some((t) => t.outcome === 'delivered' && t.httpStatus === 200 && t.attempt >= 2)).toBe(true);
    }
  }, 60_000);

  it('retries with exponential backoff, and records a change the dead-letter queue gives up on', async () => {
    const url = 'https://down.example.gov.cn/hrss';
    receiver(url, 99);
    const { subscription } = await register(url);
    const change = {
      cursor: 1,
      at: `${today}T00:00:00.000Z`,
      type: 'withdrawn',
      recordId: 1,
      uscc,
      kind: 'penalty',
      reason: '撤销',
      record: null,
    };
    const body: DeliveryMessage = { subscriptionId: subscription.id, change: change as ChangeItem };
    env.WEBHOOK_RETRY_SECONDS = '60';
    const batch = createMessageBatch<DeliveryMessage>('hrss-disclosure-webhooks', [
      { id: 'm1', timestamp: new Date(), attempts: 1, body },
      { id: 'm4', timestamp: new Date(), attempts: 4, body },
    ]);
    // getQueueResult says which messages were retried, not after how long: the delays are read off retry() itself.
    const retries = batch.messages.map((m) => vi.spyOn(m, 'retry'));
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    expect((await getQueueResult(batch, ctx)).retryMessages).toEqual([{ msgId: 'm1' }, { msgId: 'm4' }]);
    expect(retries.map((r) => r.mock.calls)).toEqual([[[{ delaySeconds: 60 }]], [[{ delaySeconds: 480 }]]]);

    const dead = createMessageBatch<DeliveryMessage>(DEAD_LETTER_QUEUE, [{ id: 'd1', timestamp: new Date(), attempts: 1, body }]);
    const deadCtx = createExecutionContext();
    await worker.queue(dead, env, deadCtx);
    expect((await getQueueResult(dead, deadCtx)).ackAll).toBe(true);
    const log = await (await admin('GET', `/subscriptions/${subscription.id}/deliveries?outcome=dead`)).json<Deliveries>();
    expect(log.items).toEqual([expect.objectContaining({ outcome: 'dead', cursor: 1, detail: expect.stringContaining('游标') })]);
  });

  it('sends a dead-lettered change again when an administrator asks, audited', async () => {
    const url = 'https://mended.example.gov.cn/hrss';
    const received = receiver(url, 0);
    const id = await draft();
    await changes.publish(id);
    const [published] = await changeRowsOf([id]);
    const cursor = published!.cursor;
    // Registered after the publication, so that only the redelivery can bring that cursor.
    const { subscription } = await register(url);
    // The receiver was down for all of the queue's retries: the dead-letter consumer logs it.
    const body = { subscriptionId: subscription.id, change: { cursor } as ChangeItem };
    await worker.queue(
      createMessageBatch<DeliveryMessage>(DEAD_LETTER_QUEUE, [{ id: 'd2', timestamp: new Date(), attempts: 11, body }]),
      env,
      createExecutionContext(),
    );

    const path = `/subscriptions/${subscription.id}/deliveries/${cursor}/redeliver`;
    expect((await staffApi(keys, ['publisher'])('POST', path)).status).toBe(403);
    // Only a change the dead-letter queue gave up on for this platform.
    expect((await admin('POST', `/subscriptions/${subscription.id}/deliveries/${cursor + 999}/redeliver`)).status).toBe(404);
    const res = await admin('POST', path);
    expect(res.status, await res.clone().text()).toBe(202);
    expect(await res.json()).toEqual({ subscriptionId: subscription.id, cursor });

    await vi.waitFor(() => expect(received.map((r) => r.headers.get('Idempotency-Key'))).toContain(String(cursor)), {
      timeout: 20_000,
      interval: 200,
    });
    const again = received.find((r) => r.headers.get('Idempotency-Key') === String(cursor))!;
    expect(JSON.parse(again.body)).toMatchObject({ cursor, type: 'published', recordId: id, record: { id } });
    await vi.waitFor(
      async () => {
        const log = await (await admin('GET', `/subscriptions/${subscription.id}/deliveries?outcome=delivered`)).json<Deliveries>();
        expect(log.items.map((i) => i.cursor)).toContain(cursor);
      },
      { timeout: 10_000, interval: 200 },
    );
    const entries = (await auditRows()).filter((r) => r.target === `subscription:${subscription.id}`);
    expect(entries.map((r) => r.action)).toEqual(['subscription.registered', 'subscription.redelivered']);
    expect(entries[1]).toMatchObject({ actor: 'liu.yang@hrss.example' });

    // Withdrawn since: the log now holds the withdrawal under a cursor of its own, delivered in its own right.
    await changes.withdraw(id, '该处罚决定已被行政复议决定撤销。');
    const superseded = await admin('POST', path);
    expect(superseded.status).toBe(409);
    expect((await superseded.json<ApiErrorBody>()).error.code).toBe('superseded');
    // A paused platform is resumed first: the consumer drops what is sent to a paused one.
    await admin('POST', `/subscriptions/${subscription.id}/pause`);
    expect((await admin('POST', path)).status).toBe(409);
    expect((await auditRows()).filter((r) => r.action === 'subscription.redelivered')).toHaveLength(1);
  }, 40_000);

  it('delivers nothing to a paused platform', async () => {
    const url = 'https://paused.example.gov.cn/hrss';
    const received = receiver(url, 0);
    const { subscription } = await register(url);
    await admin('POST', `/subscriptions/${subscription.id}/pause`);
    await changes.publish(await draft());
    expect(await dispatchChanges(env, clockOn(today))).toBeGreaterThanOrEqual(0);
    const row = await env.DB.prepare('SELECT cursor FROM webhook_subscriptions WHERE id = ?')
      .bind(subscription.id)
      .first<{ cursor: number }>();
    const head = (await env.DB.prepare('SELECT max(cursor) AS c FROM record_changes').first<{ c: number }>())!.c;
    expect(row!.cursor).toBeLessThan(head);
    expect(received).toEqual([]);
  });
});
