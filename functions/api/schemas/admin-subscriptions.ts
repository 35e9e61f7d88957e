// Platforms registered for webhooks and their delivery log, as staff see them (the inputs are
// functions/sync/subscription-input.ts). The sealed secret is never part of any answer.
import { z } from '@hono/zod-openapi';
import { createSchemaFactory } from 'drizzle-zod';
import { webhookDeliveries, webhookSubscriptions } from '../../db/schema';
import { changeTypes } from '../../domain/vocabulary';
import { pageEnvelope } from './page';

const { createSelectSchema } = createSchemaFactory({ zodInstance: z });

const pathInteger = (name: string, max: number) =>
  z.coerce
    .number()
    .int()
    .positive()
    .max(max)
    .openapi({ param: { name, in: 'path' }, type: 'integer', example: 1 });

export const SubscriptionIdParam = z.object({ id: pathInteger('id', 2 ** 31) });

export const RedeliveryParam = SubscriptionIdParam.extend({ cursor: pathInteger('cursor', 2 ** 53) });

export const RedeliverySchema = z
  .object({ subscriptionId: z.number().int(), cursor: z.number().int() })
  .openapi('Redelivery', { description: '已重新交给推送队列的变更' });

export const SubscriptionSchema = createSelectSchema(webhookSubscriptions)
  .omit({ secretSealed: true })
  .extend({ events: z.array(z.enum(changeTypes)) })
  .openapi('Subscription');

export const SubscriptionCreatedSchema = z
  .object({
    subscription: SubscriptionSchema,
    secret: z.string().openapi({ description: '签名密钥：只在本次响应中出现，请交给平台妥善保存' }),
  })
  .openapi('SubscriptionCreated');

export const DeliverySchema = createSelectSchema(webhookDeliveries).openapi('WebhookDelivery');

export const SubscriptionOverviewSchema = SubscriptionSchema.extend({
  pending: z.number().int().openapi({ description: '尚未交给推送队列的变更数（最多计到 10000）' }),
  lastDelivery: DeliverySchema.pick({ at: true, outcome: true, httpStatus: true, cursor: true }).nullable(),
});

export const SubscriptionListSchema = z.object({ items: z.array(SubscriptionOverviewSchema) }).openapi('SubscriptionList');

export const DeliveryListSchema = pageEnvelope(DeliverySchema).openapi('WebhookDeliveryList');
