import { HTTPException } from 'hono/http-exception';
import { DomainError } from '../domain/errors';
import { errorBody, statusOf } from '../http/status';
import { createRouter } from './router';
import { clockFor } from '../domain/clock';
import { openSession } from '../db/session';
import { BOOKMARK_HEADER, handsBackBookmark, requestBookmark, sessionStart } from '../http/bookmark';
import { withSecurityHeaders } from './middleware/security-headers';
import { publicCaching } from './middleware/caching';
import { etag } from './middleware/etag';
import { healthRoutes } from './routes/health';
import { enterpriseRoutes } from './routes/enterprises';
import { samplingRoutes } from './routes/sampling';
import { samplingDrawRoutes } from './routes/sampling-draw';
import { penaltyRoutes } from './routes/penalties';
import { recordRoutes } from './routes/records';
import { openDataRoutes } from './routes/open-data';
import { objectionsRoutes } from './routes/objections';
import { repairsRoutes } from './routes/repairs';
import { complaintsRoutes } from './routes/complaints';
import { adminRoutes } from './routes/admin';
import { auditRoutes } from './routes/audit';
import { reportRoutes } from './routes/reports';
import { listRoutes } from './routes/lists';
import { majorViolationRoutes } from './routes/major-violations';
import { officerRoutes } from './routes/officers';
import { changeRoutes } from './routes/changes';

/** The API under /api/v1: error handling, validation hook and security headers installed once, here. */
export function createApp() {
  const app = createRouter().basePath('/api/v1');
  app.use('*', withSecurityHeaders, publicCaching);
  app.use('*', async (c, next) => {
    // Without bindings (the OpenAPI document rendered at build time) there is no override to honour.
    c.set('clock', clockFor(c.env ?? {}));
    if (!c.env?.DB) return next();
    const session = openSession(
      c.env.DB,
      sessionStart({ method: c.req.method, path: c.req.path, bookmark: requestBookmark(c.req.raw.headers) }),
    );
    c.set('db', session.db);
    await next();
    // After a write, the client gets the bookmark: sent back, its next reads see that write.
    const bookmark = handsBackBookmark(c.req.method, c.res.status) ? session.bookmark() : null;
    if (bookmark) c.header(BOOKMARK_HEADER, bookmark);
  });
  // ETags hash the whole body: fine for pages of results, wrong for streamed bulk downloads, and
  // not worth it for the change feed, whose pages are asked for by cursor and each read once.
  const unhashed = (path: string) => path.startsWith('/api/v1/open-data/') || path === '/api/v1/changes';
  app.use('*', (c, next) => (unhashed(c.req.path) ? next() : etag(c, next)));

  const routes = app
    .route('/health', healthRoutes)
    .route('/enterprises', enterpriseRoutes)
    .route('/sampling', samplingRoutes)
    .route('/sampling', samplingDrawRoutes)
    .route('/penalties', penaltyRoutes)
    .route('/records', recordRoutes)
    .route('/lists', listRoutes)
    .route('/major-violations', majorViolationRoutes)
    .route('/officers', officerRoutes)
    .route('/open-data', openDataRoutes)
    .route('/objections', objectionsRoutes)
    .route('/repairs', repairsRoutes)
    .route('/complaints', complaintsRoutes)
    .route('/audit', auditRoutes)
    .route('/', reportRoutes)
    .route('/changes', changeRoutes)
    .route('/admin', adminRoutes);

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: '人社监管公示与信用查询 API',
      version: '1.0.0',
      description: 'Labour-inspection disclosure and employer credit inquiry of the municipal human-resources and social-security bureau.',
    },
  });

  app.notFound((c) => c.json(errorBody('not_found', '没有找到请求的资源。'), 404));

  app.onError((err, c) => {
    if (err instanceof DomainError) {
      const headers: Record<string, string> = err.retryAfterSeconds ? { 'Retry-After': String(err.retryAfterSeconds) } : {};
      return c.json(errorBody(err.code, err.message, err.fields), statusOf(err.kind), headers);
    }
    if (err instanceof HTTPException) {
      if (err.status === 400 && /JSON/i.test(err.message)) {
        return c.json(errorBody('invalid_json', '请求体不是有效的 JSON。'), 400);
      }
      if (err.status === 413) return c.json(errorBody('payload_too_large', '请求体过大。'), 413);
      if (err.status < 500) return c.json(errorBody('bad_request', '请求格式有误。'), err.status);
    }
    // Never leak internals: the detail goes to the log, the client gets a plain message.
    console.error('unhandled error', c.req.method, c.req.path, err);
    return c.json(errorBody('internal_error', '服务暂时不可用，请稍后再试。'), 500);
  });

  return routes;
}

export type ApiApp = ReturnType<typeof createApp>;
