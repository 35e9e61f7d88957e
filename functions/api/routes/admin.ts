// Everything under /api/v1/admin. Access is verified here, once, for every path below — declared
// routes, unknown paths and all — before any validation or handler runs; each route then requires
// its roles (staff-route.ts).
import { z } from '@hono/zod-openapi';
import { createRouter } from '../router';
import { requireAccess } from '../middleware/access';
import { staffRoles } from '../../auth/access';
import { ACCESS_SCHEME, ANY_STAFF, accessSecurityScheme, adminRoute } from '../staff-route';
import { adminAttachmentRoutes, adminObjectionRoutes, adminRepairRoutes } from './admin-cases';
import { adminRecordRoutes } from './admin-records';
import { adminImportRoutes } from './admin-imports';
import { adminAuditRoutes } from './admin-audit';
import { adminSamplingRoutes } from './admin-sampling';

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

const router = createRouter();
router.use('*', requireAccess);
router.openAPIRegistry.registerComponent('securitySchemes', ACCESS_SCHEME, accessSecurityScheme);

export const adminRoutes = router
  .openapi(me, (c) => c.json(c.get('staff'), 200))
  .route('/objections', adminObjectionRoutes)
  .route('/repairs', adminRepairRoutes)
  .route('/attachments', adminAttachmentRoutes)
  .route('/records', adminRecordRoutes)
  .route('/imports', adminImportRoutes)
  .route('/audit', adminAuditRoutes)
  .route('/sampling', adminSamplingRoutes);
