// Webhook subscriptions of other platforms (DESIGN.md "Sync"): registered, paused and resumed by
// system administrators (audited), read by publishers too, with each platform's delivery log.
import { createRouter } from '../router';
import { errorResponse } from '../errors';
import {
  DeliveryListSchema,
  RedeliveryParam,
  RedeliverySchema,
  SubscriptionCreatedSchema,
  SubscriptionIdParam,
  SubscriptionListSchema,
  SubscriptionSchema,
} from '../schemas/admin-subscriptions';
import { adminRoute, ADMINS, PUBLISHERS } from '../staff-route';
import { DeliveryListQuery, SubscriptionInputSchema } from '../../sync/subscription-input';
import {
  loadSubscription,
  redeliverChange,
  registerSubscription,
  setSubscriptionActive,
  subscriptionDeliveries,
  subscriptionOverview,
} from '../../sync/subscriptions';

const list = adminRoute(PUBLISHERS, {
  method: 'get',
  path: '/',
  summary: '已登记的推送平台，及各自待推送的变更和最近一次推送结果',
  responses: { 200: { description: 'Every platform, newest first', content: { 'application/json': { schema: SubscriptionListSchema } } } },
});

const register = adminRoute(ADMINS, {
  method: 'post',
  path: '/',
  summary: '登记平台的 Webhook（接收地址、签名密钥、变更类型）',
  description:
    'Each change after registration is POSTed to the URL as JSON (the item of GET /api/v1/changes), signed ' +
    '`X-Signature: sha256=<hex HMAC-SHA256 of "<X-Signature-Timestamp>.<body>">`, with the cursor as `Idempotency-Key`; ' +
    'retried with exponential backoff until a 2xx answer, then given up (dead letter). The secret is returned once.',
  request: { body: { required: true, content: { 'application/json': { schema: SubscriptionInputSchema } } } },
  responses: {
    201: {
      description: 'Registered; the secret appears in this answer only',
      content: { 'application/json': { schema: SubscriptionCreatedSchema } },
    },
    400: errorResponse('Malformed JSON'),
    409: errorResponse('Concurrent change; retry'),
    422: errorResponse('Validation failed (name, HTTPS URL, change types, secret)'),
  },
});

const one = adminRoute(PUBLISHERS, {
  method: 'get',
  path: '/{id}',
  summary: '一个推送平台',
  request: { params: SubscriptionIdParam },
  responses: {
    200: { description: 'The platform', content: { 'application/json': { schema: SubscriptionSchema } } },
    404: errorResponse('No such platform'),
  },
});

const deliveries = adminRoute(PUBLISHERS, {
  method: 'get',
  path: '/{id}/deliveries',
  summary: '推送记录：每次尝试的时间、结果和平台的响应状态，最新在前',
  request: { params: SubscriptionIdParam, query: DeliveryListQuery },
  responses: {
    200: { description: 'One page of delivery attempts', content: { 'application/json': { schema: DeliveryListSchema } } },
    404: errorResponse('No such platform'),
    422: errorResponse('Bad filter or paging'),
  },
});

const toggle = (action: 'pause' | 'resume') =>
  adminRoute(ADMINS, {
    method: 'post',
    path: `/{id}/${action}`,
    summary: action === 'pause' ? '暂停向该平台推送' : '恢复向该平台推送（补推暂停期间的变更）',
    request: { params: SubscriptionIdParam },
    responses: {
      200: { description: 'The platform as it now is', content: { 'application/json': { schema: SubscriptionSchema } } },
      404: errorResponse('No such platform'),
      409: errorResponse('Already in that state'),
    },
  });

const redeliver = adminRoute(ADMINS, {
  method: 'post',
  path: '/{id}/deliveries/{cursor}/redeliver',
  summary: '重新推送一项已放弃（进入死信队列）的变更',
  description: 'Queues the change again as it reads today, with the same cursor as `Idempotency-Key`; audited.',
  request: { params: RedeliveryParam },
  responses: {
    202: { description: 'Queued again', content: { 'application/json': { schema: RedeliverySchema } } },
    404: errorResponse('No such platform, or no dead letter of that change for it'),
    409: errorResponse('The platform is paused, or a newer change of the same record superseded this one'),
  },
});

export const adminSubscriptionRoutes = createRouter()
  .openapi(list, async (c) => c.json({ items: await subscriptionOverview(c.var.db) }, 200))
  .openapi(register, async (c) =>
    c.json(await registerSubscription(c.var.db, c.env, c.var.clock, c.get('staff'), c.req.valid('json')), 201),
  )
  .openapi(one, async (c) => c.json(await loadSubscription(c.var.db, c.req.valid('param').id), 200))
  .openapi(deliveries, async (c) => {
    const { outcome, ...paging } = c.req.valid('query');
    return c.json(await subscriptionDeliveries(c.var.db, c.req.valid('param').id, { outcome: outcome ?? null }, paging), 200);
  })
  .openapi(toggle('pause'), async (c) =>
    c.json(await setSubscriptionActive(c.var.db, c.var.clock, c.get('staff'), c.req.valid('param').id, false), 200),
  )
  .openapi(toggle('resume'), async (c) =>
    c.json(await setSubscriptionActive(c.var.db, c.var.clock, c.get('staff'), c.req.valid('param').id, true), 200),
  )
  .openapi(redeliver, async (c) => {
    const { id, cursor } = c.req.valid('param');
    return c.json(await redeliverChange(c.var.db, c.env.WEBHOOKS, c.var.clock, c.get('staff'), id, cursor), 202);
  });
