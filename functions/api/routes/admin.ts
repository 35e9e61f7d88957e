// Everything under /api/v1/admin. Access is verified here, once, for every path below — declared
// routes, unknown paths and all — before any validation or handler runs; each route then requires
// its roles (staff-route.ts).
import { z } from '@hono/zod-openapi';
import { createRouter } from '../router';
import { requireAccess } from '../middleware/access';
import { limitBody } from '../middleware/body-limit';
import { checkpointIfDue } from '../../audit/checkpoints';
import { signingKey } from '../../auth/secrets';
import { staffRoles } from '../../auth/access';
import { dispatchSoon } from '../../sync/dispatch';
import { ACCESS_SCHEME, ANY_STAFF, accessSecurityScheme, adminRoute } from '../staff-route';
import { adminAttachmentRoutes, adminObjectionRoutes, adminRepairRoutes } from './admin-cases';
import { adminRecordRoutes } from './admin-records';
import { adminImportRoutes } from './admin-imports';
import { adminAuditRoutes } from './admin-audit';
import { adminSamplingRoutes } from './admin-sampling';
import { adminOfficerRoutes } from './admin-officers';
import { adminPublicationRoutes } from './admin-publications';
import { adminSubscriptionRoutes } from './admin-subscriptions';
import { adminComplaintRoutes } from './admin-complaints';

const me = adminRoute(ANY_STAFF, {
  method: 'get',
  path: '/me',
  summary: '当前登录的工作人员及其角色',
  responses: {
    200: {
      description: 'Who the token says this is',
      content: {
        'application/json': {
          schema: z.object({
            actor: z.string(),
            email: z.string().nullable(),
            roles: z.array(z.enum(staffRoles)),
            expiresAt: z.number().int(),
          }),
        },
      },
    },
  },
});

/** Staff write JSON of a few kilobytes; only an import upload is larger, and has its own limit. */
const STAFF_JSON_BYTES = 256 * 1024;
const staffBodyLimit = limitBody(STAFF_JSON_BYTES, '请求体过大：工作人员提交的内容不超过 256 KB（导入文件除外）。');

const router = createRouter();
router.use('*', requireAccess);
router.use('*', (c, next) => (c.req.path.startsWith('/api/v1/admin/imports') ? next() : staffBodyLimit(c, next)));
// After a staff write, a checkpoint of the audit chain when it has grown by another hundred entries,
// and the webhooks of whatever the write changed (functions/sync/dispatch.ts).
router.use('*', async (c, next) => {
  await next();
  if (c.req.method === 'GET' || c.res.status >= 400) return;
  c.executionCtx.waitUntil(checkpointIfDue(c.var.db, c.var.clock, signingKey(c.env, 'AUDIT_SIGNING_KEY'), 'growth'));
  c.executionCtx.waitUntil(dispatchSoon(c.env, c.var.clock));
});
router.openAPIRegistry.registerComponent('securitySchemes', ACCESS_SCHEME, accessSecurityScheme);

export const adminRoutes = router
  .openapi(me, (c) => c.json(c.get('staff'), 200))
  .route('/objections', adminObjectionRoutes)
  .route('/repairs', adminRepairRoutes)
  .route('/complaints', adminComplaintRoutes)
  .route('/attachments', adminAttachmentRoutes)
  .route('/records', adminRecordRoutes)
  .route('/imports', adminImportRoutes)
  .route('/audit', adminAuditRoutes)
  .route('/sampling', adminSamplingRoutes)
  .route('/officers', adminOfficerRoutes)
  .route('/major-violations', adminPublicationRoutes)
  .route('/subscriptions', adminSubscriptionRoutes);
