import { createRoute } from '@hono/zod-openapi';
import { createRouter } from '../router';
import { errorResponse } from '../errors';
import { DomainError } from '../../domain/errors';
import { TaskIdParam } from '../../disclosure/query-input';
import { DrawRecordSchema } from '../schemas/sampling-draw';
import { findPublishedDraw } from '../../db/queries/sampling-draw';

const draw = createRoute({
  method: 'get',
  path: '/tasks/{taskId}/draw',
  summary: '抽取记录：复算抽取所需的全部数据（算法 hmac-sha256-v1）',
  description: [
    'After the draw: the published record exactly as stored — seed, beacon, drawKey, seedCommitment, each stratum',
    '(grade, ratioBp, candidates, poolHash, selected), exclusions with reasons, the inspector pool and the assignment.',
    'Hex strings are lower case. The algorithm is published at /sampling/algorithm/; /sampling/{taskId}/verify re-runs it',
    'in the browser and scripts/verify-draw.ts offline.',
    '',
    'Before the draw there is no record and the seed is secret: the answer is 404 `not_found` with a message saying',
    'the draw has not happened yet. The seed commitment published with the plan is `seedCommitment` of',
    'GET /api/v1/sampling/tasks/{taskId}. Targeted tasks (重点检查) are not drawn and answer 404 likewise.',
  ].join('\n'),
  request: { params: TaskIdParam },
  responses: {
    200: { description: 'The draw record', content: { 'application/json': { schema: DrawRecordSchema } } },
    404: errorResponse('No such task, or the task has not been drawn (yet)'),
    422: errorResponse('Malformed task id'),
  },
});

export const samplingDrawRoutes = createRouter().openapi(draw, async (c) => {
  const { taskId } = c.req.valid('param');
  const task = await findPublishedDraw(c.var.db, taskId);
  if (!task) throw new DomainError('not_found', 'not_found', `没有编号为 ${taskId} 的抽查任务。`);
  if (!task.draw) {
    const why =
      task.kind !== 'random'
        ? `任务 ${taskId} 为重点检查，不随机抽取，没有抽取记录。`
        : task.status === 'planned'
          ? `任务 ${taskId} 尚未抽取：种子在抽取前保密，抽取后公布抽取记录。种子承诺值见任务信息（seedCommitment）。`
          : `任务 ${taskId} 没有公布抽取记录。`;
    throw new DomainError('not_found', 'not_found', why);
  }
  if (task.draw.storage === 'inline') return c.json(task.draw.record, 200);
  // A large record is served from R2 as stored, streamed: 10⁶ candidates are ~25 MB of JSON.
  const object = await c.env.FILES.get(task.draw.key);
  if (!object) throw new Error(`draw record of ${taskId} missing from R2 at ${task.draw.key}`);
  const streamed = new Response(object.body, {
    status: 200,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(object.size), ETag: object.httpEtag },
  });
  // The stored bytes are the record verbatim; the route's typing only knows c.json, and parsing
  // 25 MB to serialise it again is exactly what streaming avoids.
  return streamed as never;
});
