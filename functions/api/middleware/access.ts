// The API side of staff access: verified once on the admin router, then each route's roles.
import type { MiddlewareHandler } from 'hono';
import { DomainError } from '../../domain/errors';
import { authenticateRequest, hasAnyRole, isCrossSiteWrite, staffRoleLabels, type Staff, type StaffRole } from '../../auth/access';

declare module 'hono' {
  interface ContextVariableMap {
    staff: Staff;
  }
}

/** Installed once on the admin router, so no route under /api/v1/admin can be reached without it. */
export const requireAccess: MiddlewareHandler<{ Bindings: Env }> = async (c, next) => {
  const result = await authenticateRequest(c.req.raw.headers, c.env);
  if (!result.ok) throw new DomainError(result.status === 503 ? 'unavailable' : 'unauthenticated', result.code, result.message);
  if (isCrossSiteWrite(c.req.method, c.req.url, c.req.raw.headers)) {
    throw new DomainError('forbidden', 'cross_site_request', '不接受来自其他网站的管理操作请求。');
  }
  c.set('staff', result.staff);
  await next();
};

export function requireRoles(roles: readonly StaffRole[]): MiddlewareHandler {
  return async (c, next) => {
    const staff = c.get('staff');
    if (!staff || !hasAnyRole(staff, roles)) {
      throw new DomainError('forbidden', 'forbidden', `此操作需要以下角色之一：${roles.map((r) => staffRoleLabels[r]).join('、')}。`);
    }
    await next();
  };
}
