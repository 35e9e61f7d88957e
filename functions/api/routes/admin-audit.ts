import { createRouter } from '../router';
import { errorResponse } from '../errors';
import { AuditListSchema, AuditVerificationSchema } from '../schemas/admin-audit';
import { AuditQuerySchema } from '../../audit/query-input';
import { adminRoute, ADMINS } from '../staff-route';
import { listAuditEntries } from '../../db/queries/audit';
import { verifyStoredAuditLog } from '../../audit/checkpoints';
import { publishedKeys } from '../../auth/secrets';

const list = adminRoute(ADMINS, {
  method: 'get',
  path: '/',
  summary: '审计日志，最新在前',
  request: { query: AuditQuerySchema },
  responses: {
    200: { description: 'One page of entries with their hashes', content: { 'application/json': { schema: AuditListSchema } } },
    422: errorResponse('Bad filter or paging'),
  },
});

const verify = adminRoute(ADMINS, {
  method: 'get',
  path: '/verify',
  summary: '校验审计日志的哈希链，并与每个已公布的签名检查点核对',
  responses: {
    200: {
      description: 'Whether every entry matches its content and its predecessor; the first break if not',
      content: { 'application/json': { schema: AuditVerificationSchema } },
    },
  },
});

export const adminAuditRoutes = createRouter()
  .openapi(list, async (c) => {
    const q = c.req.valid('query');
    const filter = { actor: q.actor || null, target: q.target || null, action: q.action || null, from: q.from ?? null, to: q.to ?? null };
    return c.json(await listAuditEntries(c.var.db, filter, q), 200);
  })
  .openapi(verify, async (c) =>
    c.json(await verifyStoredAuditLog(c.var.db, publishedKeys(c.env, 'AUDIT_SIGNING_KEY', 'AUDIT_RETIRED_KEYS')), 200),
  );
