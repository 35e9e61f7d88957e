// Platforms that receive every change by webhook (DOMAIN.md §12: "a repair must reach every
// platform that copied the record"). Staff register one (audited, the secret never in the audit
// entry nor shown again), pause and resume it (audited); the console and the API read the same views.
import { commitAudited } from '../audit/append';
import type { Staff } from '../auth/access';
import { newWebhookSecret, sealWebhookSecret } from '../auth/webhook-secret';
import type { Db } from '../db/client';
import { changesAfter, changesAfterCount, headCursor } from '../db/queries/changes';
import {
  findSubscription,
  insertSubscriptionStatement,
  listDeliveries,
  listSubscriptions,
  nextSubscriptionId,
  setSubscriptionActiveStatement,
  subscriptionIdFree,
  subscriptionUnchanged,
  type SubscriptionRow,
  wasDeadLettered,
} from '../db/queries/webhooks';
import type { Clock } from '../domain/clock';
import { DomainError, validationFailed } from '../domain/errors';
import { checkWebhookUrl } from '../domain/webhook-delivery';
import type { ChangeType, DeliveryOutcome } from '../domain/vocabulary';
import type { DeliveryMessage } from './dispatch';
import type { SubscriptionInput } from './subscription-input';

export interface SubscriptionView {
  id: number;
  name: string;
  url: string;
  events: ChangeType[];
  active: boolean;
  /** The last change handed to the queue for this platform. */
  cursor: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string | null;
}

export const toSubscriptionView = ({ secretSealed: _sealed, ...s }: SubscriptionRow): SubscriptionView => s;

/** Plain HTTP to this machine is for trying a receiver out on a local (demo) site only. */
export const allowsLoopbackHttp = (env: { DEMO_DATA?: string }) => env.DEMO_DATA === 'true';

const notFound = () => new DomainError('not_found', 'not_found', '没有该编号的推送平台。');

/**
 * Registers a platform. Its position starts at the newest change: what came before it takes from
 * a snapshot export (whose X-Change-Cursor says where the feed and the webhooks take over).
 * The secret is returned here once, and stored only sealed.
 */
export function registerSubscription(
  db: Db,
  env: { DEMO_DATA?: string },
  clock: Clock,
  staff: Staff,
  input: SubscriptionInput,
): Promise<{ subscription: SubscriptionView; secret: string }> {
  const url = checkWebhookUrl(input.url, allowsLoopbackHttp(env));
  if (!url.ok) throw validationFailed([{ path: 'url', message: url.message }], '接收地址不符合要求，请按提示修改。');
  const secret = input.secret ?? newWebhookSecret();
  return commitAudited(db, clock, staff.actor, async (now) => {
    const id = await nextSubscriptionId(db);
    const at = now.toISOString();
    const row = {
      id,
      name: input.name,
      url: url.url,
      events: input.events,
      secretSealed: await sealWebhookSecret(env, secret, url.url),
      active: true,
      cursor: await headCursor(db),
      createdBy: staff.actor,
      createdAt: at,
      updatedAt: null,
    };
    const view = toSubscriptionView(row);
    return {
      action: 'subscription.registered',
      target: `subscription:${id}`,
      before: null,
      after: view,
      guards: [subscriptionIdFree(id)],
      statements: [insertSubscriptionStatement(db, row)],
      result: { subscription: view, secret },
    };
  });
}

/** Pausing stops deliveries (messages already queued are dropped); resuming delivers what it missed. */
export function setSubscriptionActive(db: Db, clock: Clock, staff: Staff, id: number, active: boolean): Promise<SubscriptionView> {
  return commitAudited(db, clock, staff.actor, async (now) => {
    const found = await findSubscription(db, id);
    if (!found) throw notFound();
    if (found.active === active) {
      throw new DomainError('conflict', 'subscription_state', active ? '该平台的推送已在进行中。' : '该平台的推送已暂停。');
    }
    const at = now.toISOString();
    return {
      action: active ? 'subscription.resumed' : 'subscription.paused',
      target: `subscription:${id}`,
      before: { active: found.active },
      after: { active },
      guards: [subscriptionUnchanged(found)],
      statements: [setSubscriptionActiveStatement(db, id, active, at)],
      result: toSubscriptionView({ ...found, active, updatedAt: at }),
    };
  });
}

/**
 * Sends one change the dead-letter queue gave up on to its platform again (the platform fixed its
 * receiver): audited, then queued, as the change reads today (content past its period goes as its
 * expiry). The cursor stays its idempotency key, so a platform that did get it drops the repeat.
 */
export async function redeliverChange(
  db: Db,
  queue: Pick<Queue<DeliveryMessage>, 'send'>,
  clock: Clock,
  staff: Staff,
  id: number,
  cursor: number,
): Promise<{ subscriptionId: number; cursor: number }> {
  const change = await commitAudited(db, clock, staff.actor, async () => {
    const found = await findSubscription(db, id);
    if (!found) throw notFound();
    if (!found.active) throw new DomainError('conflict', 'subscription_state', '该平台的推送已暂停，请先恢复推送再重新推送。');
    if (!(await wasDeadLettered(db, id, cursor))) {
      throw new DomainError('not_found', 'not_found', `该平台没有游标 ${cursor} 的未送达记录。`);
    }
    const [item] = await changesAfter(db, cursor - 1, 1, clock.today());
    // The log keeps only each record's latest change: a newer one has its own cursor and delivery.
    if (item?.cursor !== cursor) {
      throw new DomainError('conflict', 'superseded', '该变更已被同一记录之后的变更取代；较新的变更另行推送，请在推送记录中查看。');
    }
    return {
      action: 'subscription.redelivered',
      target: `subscription:${id}`,
      before: null,
      after: { cursor },
      guards: [subscriptionUnchanged(found)],
      statements: [],
      result: item,
    };
  });
  await queue.send({ subscriptionId: id, change }, { contentType: 'json' });
  return { subscriptionId: id, cursor };
}

export async function loadSubscription(db: Db, id: number): Promise<SubscriptionView> {
  const found = await findSubscription(db, id);
  if (!found) throw notFound();
  return toSubscriptionView(found);
}

/** Counted exactly up to this many changes not yet queued. */
export const PENDING_CAP = 10_000;

/** Each platform, how many changes it has not been sent yet, and how its last attempt went. */
export async function subscriptionOverview(db: Db) {
  const rows = await listSubscriptions(db);
  return Promise.all(
    rows.map(async ({ subscription, lastDelivery }) => ({
      ...toSubscriptionView(subscription),
      pending: await changesAfterCount(db, subscription.cursor, PENDING_CAP),
      lastDelivery: lastDelivery
        ? { at: lastDelivery.at, outcome: lastDelivery.outcome, httpStatus: lastDelivery.httpStatus, cursor: lastDelivery.cursor }
        : null,
    })),
  );
}

export type SubscriptionOverview = Awaited<ReturnType<typeof subscriptionOverview>>[number];

export async function subscriptionDeliveries(
  db: Db,
  id: number,
  filter: { outcome: DeliveryOutcome | null },
  paging: { page: number; pageSize: number },
) {
  await loadSubscription(db, id);
  return listDeliveries(db, id, filter, paging);
}
