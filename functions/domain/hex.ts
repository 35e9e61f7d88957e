// Lower-case hex and SHA-256 digests with WebCrypto, for references, attachments, imports and the
// audit chain. (functions/domain/draw.ts keeps its own copy: it must load with no imports at all,
// in browsers and under Node's type stripping.)

export const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** SHA-256 of bytes, or of a string as UTF-8, in lower-case hex. */
export async function sha256Hex(data: Uint8Array | string): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)));
}
