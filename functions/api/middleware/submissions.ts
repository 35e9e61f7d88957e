// Guards every public submission route shares: a per-client rate limit and a body size limit.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from '../errors';
import type { AppEnv } from '../router';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from '../../domain/attachments';

/** Room for the largest legal submission (5 files of 10 MB) and its multipart framing, no more. */
export const MAX_SUBMISSION_BYTES = MAX_ATTACHMENTS * MAX_ATTACHMENT_BYTES + 1024 * 1024;
export const RATE_LIMIT_RETRY_AFTER_SECONDS = 60;

/** The client as Cloudflare sees it; the header cannot be forged through Cloudflare's edge. */
export const clientKey = (header: (name: string) => string | undefined) => header('CF-Connecting-IP') ?? 'unknown-client';

export const submissionRateLimit: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { success } = await c.env.SUBMIT_LIMITER.limit({ key: `submit:${clientKey((n) => c.req.header(n))}` });
  if (!success) {
    throw new ApiError(429, 'rate_limited', '提交过于频繁，请一分钟后再试。', undefined, {
      'Retry-After': String(RATE_LIMIT_RETRY_AFTER_SECONDS),
    });
  }
  await next();
};

export const submissionBodyLimit: MiddlewareHandler<AppEnv> = bodyLimit({
  maxSize: MAX_SUBMISSION_BYTES,
  onError: () => {
    throw new ApiError(413, 'payload_too_large', '提交内容过大：每个附件不超过 10 MB，最多 5 个。');
  },
});
