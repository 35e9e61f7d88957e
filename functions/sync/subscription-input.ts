// What staff send to register a platform's webhook (POST /api/v1/admin/subscriptions, and the
// form at /admin/webhooks): a name, an HTTPS endpoint, the change types it wants, and a secret
// agreed with the platform or none (one is then made and shown once).
import { z } from '@hono/zod-openapi';
import { lineText } from '../input/fields';
import { PageQuery } from '../input/paging';
import { changeTypes, deliveryOutcomes } from '../domain/vocabulary';

export const SubscriptionInputSchema = z
  .object({
    name: lineText('请填写平台名称').trim().min(2, '平台名称至少 2 个字').max(100, '平台名称不超过 100 个字'),
    url: lineText('请填写接收地址').trim().min(1, '请填写接收地址').max(2000, '接收地址不超过 2000 个字符'),
    events: z
      .array(z.enum(changeTypes, { message: `变更类型应为：${changeTypes.join('、')}` }))
      .min(1, '至少选择一种变更类型')
      .max(changeTypes.length)
      .optional()
      .transform((v) => [...new Set(v ?? changeTypes)])
      .openapi({ description: '要推送的变更类型，默认全部' }),
    secret: z
      .string()
      .regex(/^[\x21-\x7e]{24,200}$/, '签名密钥为 24 至 200 个可见 ASCII 字符（不含空格）；留空则由系统生成')
      .optional()
      .openapi({ description: '与平台约定的签名密钥；不填则生成一个，只在本次响应中显示' }),
  })
  .openapi('SubscriptionInput');

export type SubscriptionInput = z.infer<typeof SubscriptionInputSchema>;

export const DeliveryListQuery = PageQuery.extend({
  outcome: z
    .enum(deliveryOutcomes)
    .optional()
    .openapi({ param: { name: 'outcome', in: 'query' } }),
});
