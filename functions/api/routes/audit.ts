import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router';
import { listCheckpoints } from '../../db/queries/audit';
import { publishedKeys } from '../../auth/secrets';

const CheckpointListSchema = z
  .object({
    items: z.array(
      z.object({
        seq: z.number().int().openapi({ description: 'Id of the audit entry whose hash is signed' }),
        hash: z.string(),
        at: z.string(),
        jws: z.string().openapi({ description: 'Compact JWS (EdDSA) over the canonical JSON of {seq, hash, at}' }),
      }),
    ),
    keys: z.object({ keys: z.array(z.record(z.string(), z.unknown())) }).openapi({ description: 'JWKS: every key ever used' }),
  })
  .openapi('AuditCheckpoints');

const checkpoints = createRoute({
  method: 'get',
  path: '/checkpoints',
  summary: '审计日志签名检查点（每日一次、每新增 100 条一次），供任何人核对日志未被截断或改写',
  responses: {
    200: {
      description: 'Every checkpoint, oldest first, and the public keys',
      content: { 'application/json': { schema: CheckpointListSchema } },
    },
  },
});

export const auditRoutes = createRouter().openapi(checkpoints, async (c) =>
  c.json({ items: await listCheckpoints(c.var.db), keys: { keys: publishedKeys(c.env, 'AUDIT_SIGNING_KEY', 'AUDIT_RETIRED_KEYS') } }, 200),
);
