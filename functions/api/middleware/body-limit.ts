// A size limit on request bodies, for routes that read them through Hono's validators. Above the
// declared limit the body is cancelled before the 413 (functions/http/body.ts says why); a body
// without a declared length is counted as it streams by Hono's own limit.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { DomainError } from '../../domain/errors';
import { refuseDeclaredTooLarge } from '../../http/body';

export function limitBody(maxBytes: number, message: string): MiddlewareHandler {
  const tooLarge = () => new DomainError('too_large', 'payload_too_large', message);
  const streaming = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw tooLarge();
    },
  });
  return async (c, next) => {
    if (await refuseDeclaredTooLarge(c.req.raw, maxBytes)) throw tooLarge();
    return streaming(c, next);
  };
}
