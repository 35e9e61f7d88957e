// 专用信用报告 (DOMAIN.md §11): issue one, read one back by number, and the keys to check them with.
// The body is read and validated by functions/reports/issue-report.ts, the same use case the form
// on /credit/{uscc}/report calls, so the route documents it by reference and has no validator.
import { createRoute } from '@hono/zod-openapi';
import { createRouter } from '../router';
import { errorResponse } from '../errors';
import { IssuedReportSchema, JwksSchema, ReportNoParam, StoredReportSchema } from '../schemas/reports';
import { publishedKeys, signingKey } from '../../auth/secrets';
import { DomainError } from '../../domain/errors';
import { readJsonBody } from '../../http/body';
import { MAX_REPORT_REQUEST_BYTES, ReportRequestSchema } from '../../reports/input';
import { issueReport } from '../../reports/issue-report';
import { changesSinceIssue, readIssuedReport } from '../../reports/read-report';

const issue = createRoute({
  method: 'post',
  path: '/reports',
  summary: '开具专用信用报告（免费），代替有无违法违规记录证明',
  request: {
    body: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ReportRequest' } } } },
  },
  responses: {
    201: { description: 'Issued and stored; `jws` signs `report`', content: { 'application/json': { schema: IssuedReportSchema } } },
    400: errorResponse('Malformed JSON, or a code whose check character matches no employer (`invalid_uscc`)'),
    404: errorResponse('Well-formed code of no known employer'),
    413: errorResponse('Body larger than 4 KB'),
    415: errorResponse('Not application/json'),
    422: errorResponse('Validation failed: code, dates, or a period longer than 3 years or ending after today'),
    429: errorResponse('Too many reports from this client; see Retry-After'),
    503: errorResponse('Signing or storage unavailable; nothing was issued'),
  },
});

const one = createRoute({
  method: 'get',
  path: '/reports/{reportNo}',
  summary: '按报告编号查看已开具的专用信用报告（与开具时完全一致），及开具后记录的变化',
  request: { params: ReportNoParam },
  responses: {
    200: {
      description: 'The report as issued, its JWS, and later changes',
      content: { 'application/json': { schema: StoredReportSchema } },
    },
    404: errorResponse('No report under this number'),
    503: errorResponse('The stored report cannot be read'),
  },
});

const keys = createRoute({
  method: 'get',
  path: '/report-keys',
  summary: '专用信用报告签名公钥（JWKS，含已停用的密钥）',
  responses: { 200: { description: 'The public keys', content: { 'application/json': { schema: JwksSchema } } } },
});

const router = createRouter();
router.openAPIRegistry.register('ReportRequest', ReportRequestSchema);

export const reportRoutes = router
  .openapi(issue, async (c) => {
    const body = await readJsonBody(c.req.raw, MAX_REPORT_REQUEST_BYTES, '请求体过大：只需 uscc、from、to 三项。');
    const desk = {
      db: c.var.db,
      files: c.env.FILES,
      limiter: c.env.REPORT_LIMITER,
      clock: c.var.clock,
      key: signingKey(c.env, 'REPORT_SIGNING_KEY'),
    };
    return c.json(await issueReport(desk, body, c.req.raw.headers), 201);
  })
  .openapi(one, async (c) => {
    const db = c.var.db;
    const issued = await readIssuedReport(db, c.env.FILES, c.req.valid('param').reportNo);
    if (!issued) throw new DomainError('not_found', 'not_found', '没有这个编号的专用信用报告，请核对报告编号。');
    return c.json({ ...issued, changes: await changesSinceIssue(db, issued.report, c.var.clock.today()) }, 200);
  })
  .openapi(keys, (c) => c.json({ keys: publishedKeys(c.env, 'REPORT_SIGNING_KEY', 'REPORT_RETIRED_KEYS') }, 200));
