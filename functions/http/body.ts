// Request bodies read within a limit. An answer sent while the client is still sending makes the
// connection drop (wrangler dev does it even to a cancelled body), and the client then sees a
// network failure instead of the 413 or 415 that says what to change. So a refused body is read
// to its end and thrown away before the answer goes out — up to a bound, past which a client is
// sending more than any legal request and may lose its connection.
import { DomainError } from '../domain/errors';

/** Beyond the largest legal request (5 × 10 MB of attachments) with room to spare. */
const DISCARD_AT_MOST = 64 * 1024 * 1024;

/** Reads what is left of the body and drops it, so that the answer reaches the client. */
export async function discardBody(request: Request): Promise<void> {
  if (!request.body || request.bodyUsed) return;
  await discard(request.body.getReader(), 0);
}

async function discard(reader: ReadableStreamDefaultReader<Uint8Array>, alreadyRead: number): Promise<void> {
  let size = alreadyRead;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      size += value.byteLength;
      if (size > DISCARD_AT_MOST) break;
    }
  } catch {
    return;
  }
  await reader.cancel().catch(() => undefined);
}

/** The declared length, when there is a well-formed one. */
function declaredLength(request: Request): number | null {
  const value = request.headers.get('Content-Length');
  return value !== null && /^\d+$/.test(value) ? Number(value) : null;
}

/** Whether the body says it is larger than `limit`; if so it is discarded. */
export async function refuseDeclaredTooLarge(request: Request, limit: number): Promise<boolean> {
  const declared = declaredLength(request);
  if (declared === null || declared <= limit) return false;
  await discardBody(request);
  return true;
}

/** The whole body, or null (and the rest discarded) as soon as it passes `limit` bytes. */
export async function readWithin(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (await refuseDeclaredTooLarge(request, limit)) return null;
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await discard(reader, size);
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * A JSON body of at most `limit` bytes, parsed: another media type is 415, a larger body 413 and
 * text that is not JSON 400 (`invalid_json`), each refused body read off first.
 */
export async function readJsonBody(request: Request, limit: number, tooLargeMessage: string): Promise<unknown> {
  const type = (request.headers.get('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    await discardBody(request);
    throw new DomainError('unsupported_media', 'unsupported_media_type', '请以 application/json 提交。');
  }
  const bytes = await readWithin(request, limit);
  if (!bytes) throw new DomainError('too_large', 'payload_too_large', tooLargeMessage);
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new DomainError('malformed', 'invalid_json', '请求体不是有效的 JSON。');
  }
}
