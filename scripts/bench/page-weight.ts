// Page weight as a browser would fetch it: the HTML and every same-origin script and stylesheet,
// gzip-compressed as Cloudflare would serve them, and the JavaScript bytes on their own.
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  name: string;
  path: string;
  htmlBytes: number;
  transferredBytes: number;
  javascriptBytes: number;
}

export async function measurePage(baseUrl: string, name: string, path: string): Promise<PageWeight> {
  const html = Buffer.from(await (await fetch(new URL(path, baseUrl))).arrayBuffer());
  const text = html.toString('utf8');
  let transferred = gzipSync(html).length;
  let javascript = 0;
  for (const m of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = /\bsrc="([^"]+)"/.exec(m[1]!)?.[1];
    if (!src) {
      javascript += Buffer.byteLength(m[2]!);
      continue;
    }
    const body = Buffer.from(await (await fetch(new URL(src, baseUrl))).arrayBuffer());
    javascript += body.length;
    transferred += gzipSync(body).length;
  }
  for (const m of text.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/gi)) {
    transferred += gzipSync(Buffer.from(await (await fetch(new URL(m[1]!, baseUrl))).arrayBuffer())).length;
  }
  return { name, path, htmlBytes: html.length, transferredBytes: transferred, javascriptBytes: javascript };
}
