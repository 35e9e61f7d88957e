// Console pages for other platforms' webhooks (functions/sync/subscriptions.ts): the list with the
// registration form, and each platform's delivery log with pause and resume. Publishers read them;
// only system administrators register, pause or resume (the API declares the same roles).
import { env } from 'cloudflare:workers';
import type { AstroGlobal } from 'astro';
import { ADMINS, hasAnyRole, type Staff } from '../../functions/auth/access';
import type { Db } from '../../functions/db/client';
import type { Clock } from '../../functions/domain/clock';
import { DomainError, type FieldError } from '../../functions/domain/errors';
import { DeliveryListQuery } from '../../functions/sync/subscription-input';
import {
  loadSubscription,
  redeliverChange,
  registerSubscription,
  setSubscriptionActive,
  subscriptionDeliveries,
  subscriptionOverview,
  type SubscriptionOverview,
  type SubscriptionView,
} from '../../functions/sync/subscriptions';
import { readStaffForm } from './admin-auth';
import { attempt, formValues, subscriptionFromForm, type FormOutcome } from './admin-forms';

const onlyAdmins = (): FormOutcome<never> => ({
  ok: false,
  status: 403,
  errors: [{ path: 'form', message: '只有系统管理员可以登记、暂停或恢复推送平台。' }],
});

export interface WebhooksPage {
  platforms: SubscriptionOverview[];
  canManage: boolean;
  errors: FieldError[];
  values: Record<string, string | string[]>;
  status: number;
  /** Shown once, on the answer to the registration: the secret is stored only sealed. */
  registered: { subscription: SubscriptionView; secret: string } | null;
}

export async function webhooksPage(Astro: AstroGlobal, staff: Staff): Promise<WebhooksPage> {
  const db = Astro.locals.db;
  const canManage = hasAnyRole(staff, ADMINS);
  const page = async (rest: Omit<WebhooksPage, 'platforms' | 'canManage'>) => ({
    ...rest,
    canManage,
    platforms: await subscriptionOverview(db),
  });
  if (Astro.request.method !== 'POST') return page({ errors: [], values: {}, status: 200, registered: null });
  const read = await readStaffForm(Astro, staff);
  if (!read.ok)
    return page({
      errors: [{ path: 'form', message: read.message }],
      values: formValues(read.form),
      status: read.status,
      registered: null,
    });
  const input = subscriptionFromForm(read.form);
  const outcome = !canManage
    ? onlyAdmins()
    : input.ok
      ? await attempt(() => registerSubscription(db, env, Astro.locals.clock, staff, input.value))
      : input;
  if (outcome.ok) return page({ errors: [], values: {}, status: 201, registered: outcome.value });
  // A secret typed in is not written back into the page.
  const { secret: _secret, ...values } = formValues(read.form);
  return page({
    errors: outcome.errors,
    values: { ...values, events: read.form.getAll('events').map(String) },
    status: outcome.status,
    registered: null,
  });
}

export interface WebhookPage {
  platform: SubscriptionView | null;
  deliveries: Awaited<ReturnType<typeof subscriptionDeliveries>> | null;
  canManage: boolean;
  errors: FieldError[];
  status: number;
  done: string | null;
}

async function load(db: Db, id: number) {
  try {
    return await loadSubscription(db, id);
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'not_found') return null;
    throw error;
  }
}

/** The platform page's buttons: pause, resume, and send a dead letter again. */
function act(db: Db, staff: Staff, clock: Clock, id: number, action: string, cursor: string): Promise<FormOutcome<unknown>> {
  if (action === 'pause' || action === 'resume') return attempt(() => setSubscriptionActive(db, clock, staff, id, action === 'resume'));
  if (action === 'redeliver' && /^\d{1,15}$/.test(cursor)) {
    return attempt(() => redeliverChange(db, env.WEBHOOKS, clock, staff, id, Number(cursor)));
  }
  return Promise.resolve({ ok: false, status: 400, errors: [{ path: 'form', message: '未知的操作，请刷新页面后重试。' }] });
}

export async function webhookPage(Astro: AstroGlobal, staff: Staff, idParam: string): Promise<WebhookPage | { redirect: string }> {
  const id = /^\d{1,9}$/.test(idParam) ? Number(idParam) : 0;
  const canManage = hasAnyRole(staff, ADMINS);
  const platform = id ? await load(Astro.locals.db, id) : null;
  const db = Astro.locals.db;
  const params = Object.fromEntries([...Astro.url.searchParams].filter(([, v]) => v !== ''));
  const query = DeliveryListQuery.safeParse(params);
  const paging = query.success ? query.data : { page: 1, pageSize: 20, outcome: undefined };
  const deliveries = async () =>
    platform
      ? await subscriptionDeliveries(db, platform.id, { outcome: paging.outcome ?? null }, { page: paging.page, pageSize: paging.pageSize })
      : null;
  const done = Astro.url.searchParams.get('done');
  if (Astro.request.method !== 'POST' || !platform) {
    return { platform, deliveries: await deliveries(), canManage, errors: [], status: platform ? (query.success ? 200 : 422) : 404, done };
  }
  const read = await readStaffForm(Astro, staff);
  const action = read.ok ? String(read.form.get('action') ?? '') : '';
  const outcome: FormOutcome<unknown> = !read.ok
    ? { ok: false, status: read.status, errors: [{ path: 'form', message: read.message }] }
    : !canManage
      ? onlyAdmins()
      : await act(db, staff, Astro.locals.clock, platform.id, action, String(read.form.get('cursor') ?? ''));
  if (outcome.ok) return { redirect: `/admin/webhooks/${platform.id}?done=${action}` };
  return {
    platform: (await load(Astro.locals.db, id)) ?? platform,
    deliveries: await deliveries(),
    canManage,
    errors: outcome.errors,
    status: outcome.status,
    done: null,
  };
}
