// The queue consumer (wrangler.toml [[queues.consumers]]): POSTs each change to its platform,
// signed (functions/domain/webhook-signature.ts), and records every attempt in the delivery log.
// A platform that does not answer 2xx gets it again after an exponentially growing delay; after
// the consumer's max_retries Cloudflare moves the message to the dead-letter queue, whose consumer
// (below) records it as dead. The platform can still catch up from the change feed at any time.
import { openWebhookSecret } from '../auth/webhook-secret';
import { getDb } from '../db/client';
import { recordDeliveries, subscriptionsById, type DeliveryInsert } from '../db/queries/webhooks';
import type { Clock } from '../domain/clock';
import { DEFAULT_RETRY_SECONDS, DELIVERY_TIMEOUT_MS, isReceived, retryDelaySeconds } from '../domain/webhook-delivery';
import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, webhookSignature } from '../domain/webhook-signature';
import type { DeliveryMessage } from './dispatch';

/** The dead-letter queue's name, as wrangler.toml gives it. */
export const DEAD_LETTER_QUEUE = 'hrss-disclosure-webhooks-dead';

const retryBase = (env: { WEBHOOK_RETRY_SECONDS?: string }) => {
  const n = Number(env.WEBHOOK_RETRY_SECONDS);
  return Number.isFinite(n) && n >= 0 ? n : DEFAULT_RETRY_SECONDS;
};

/** What the log keeps of a failure: short, and nothing of the receiver's body but its status line. */
const briefly = (text: string) => text.slice(0, 200);

type Outcome = Pick<DeliveryInsert, 'outcome' | 'httpStatus' | 'detail'>;

async function post(url: string, secret: string, message: DeliveryMessage): Promise<Outcome> {
  const body = JSON.stringify(message.change);
  // The transport's own time, not the site's (demo) date: the receiver checks it against its clock.
  const timestamp = Math.floor(Date.now() / 1000);
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'User-Agent': 'hrss-disclosure-webhooks/1',
        [SIGNATURE_HEADER]: await webhookSignature(secret, timestamp, body),
        [TIMESTAMP_HEADER]: String(timestamp),
        [IDEMPOTENCY_HEADER]: String(message.change.cursor),
        'X-Change-Cursor': String(message.change.cursor),
        'X-Change-Type': message.change.type,
        'X-Webhook-Subscription': String(message.subscriptionId),
      },
      body,
      // A redirect could carry the signed body somewhere the platform never registered.
      redirect: 'manual',
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    // Read off, so that the connection is released; what it says is not kept.
    await res.body?.cancel();
    return isReceived(res.status)
      ? { outcome: 'delivered', httpStatus: res.status, detail: null }
      : { outcome: 'failed', httpStatus: res.status, detail: briefly(`HTTP ${res.status} ${res.statusText}`.trim()) };
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    return {
      outcome: 'failed',
      httpStatus: null,
      detail: timedOut ? `${DELIVERY_TIMEOUT_MS / 1000} 秒内未响应` : briefly(`无法连接：${String((error as Error)?.message ?? error)}`),
    };
  }
}

export async function deliverBatch(batch: MessageBatch<DeliveryMessage>, env: Env, clock: Clock): Promise<void> {
  const db = getDb(env.DB);
  const subscriptions = await subscriptionsById(
    db,
    batch.messages.map((m) => m.body.subscriptionId),
  );
  const log: DeliveryInsert[] = [];
  await Promise.all(
    batch.messages.map(async (message) => {
      const { subscriptionId, change } = message.body;
      const subscription = subscriptions.get(subscriptionId);
      // Paused or gone: nothing to deliver; resuming sends what it missed from its position.
      if (!subscription?.active) return message.ack();
      const entry = { subscriptionId, cursor: change.cursor, attempt: message.attempts, at: clock.now().toISOString() };
      const secret = await openWebhookSecret(env, subscription.secretSealed, subscription.url);
      if (secret === null) {
        log.push({
          ...entry,
          outcome: 'failed',
          httpStatus: null,
          detail: '签名密钥无法解开（WEBHOOK_SECRET_KEY 已更换？），请重新登记该平台',
        });
        return message.retry({ delaySeconds: retryDelaySeconds(message.attempts, retryBase(env)) });
      }
      const started = Date.now();
      const outcome = await post(subscription.url, secret, message.body);
      log.push({ ...entry, ...outcome, durationMs: Date.now() - started });
      if (outcome.outcome === 'delivered') message.ack();
      else message.retry({ delaySeconds: retryDelaySeconds(message.attempts, retryBase(env)) });
    }),
  );
  await recordDeliveries(db, log);
}

/** Messages whose retries ran out: recorded for staff as dead, then dropped from the queue. */
export async function recordDeadLetters(batch: MessageBatch<DeliveryMessage>, env: Env, clock: Clock): Promise<void> {
  await recordDeliveries(
    getDb(env.DB),
    batch.messages.map((m) => ({
      subscriptionId: m.body.subscriptionId,
      cursor: m.body.change.cursor,
      attempt: m.attempts,
      at: clock.now().toISOString(),
      outcome: 'dead' as const,
      httpStatus: null,
      detail: '多次重试仍未送达，已停止推送该变更；平台可从变更接口按游标补齐',
    })),
  );
  batch.ackAll();
}
