// How every staff route is declared: its roles appear once, and from there both in the OpenAPI
// document (`security`, read by the authorisation test) and in the middleware that enforces them.
import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { H } from 'hono/types';
import { errorResponse } from './errors';
import { requireRoles } from './middleware/access';
import { ACCESS_HEADER, type StaffRole } from '../auth/access';

export const ACCESS_SCHEME = 'cloudflareAccess';

export const accessSecurityScheme = {
  type: 'apiKey' as const,
  in: 'header' as const,
  name: ACCESS_HEADER,
  description:
    'Cloudflare Access JWT (RS256/ES256), checked against the team JWKS, ACCESS_AUD and ACCESS_ISSUER. ' +
    'A browser may send it as the CF_Authorization cookie instead. ' +
    'The roles each operation requires (OpenAPI 3.1 role names under `security`) come from the token’s `roles` or `groups` claim.',
};

const accessResponses = {
  401: errorResponse('No token, or one that is expired, for another audience or issuer, or not signed by a key of the team'),
  403: errorResponse('Signed in, but without a role this operation needs; or a cross-site write'),
  503: errorResponse('The key set of Cloudflare Access could not be fetched'),
};

export function adminRoute<P extends string, R extends Omit<RouteConfig, 'path'> & { path: P }>(
  roles: readonly [StaffRole, ...StaffRole[]],
  config: R,
) {
  return createRoute({
    ...config,
    security: [{ [ACCESS_SCHEME]: [...roles] }],
    middleware: [requireRoles(roles), ...([] as H[]).concat(config.middleware ?? [])],
    responses: { ...config.responses, ...accessResponses },
  });
}

export { ADMINS, ANY_STAFF, COMPLAINT_HANDLERS, PUBLISHERS, REVIEWERS } from '../auth/access';
