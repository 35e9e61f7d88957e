// What an uploaded file may be: PDF, JPEG or PNG by content, at most 10 MB, at most 5 per submission.
import { cleanFileName } from './file-names';
import type { AttachmentType } from './vocabulary';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 5;

const SIGNATURES: { type: AttachmentType; bytes: number[]; extension: string }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], extension: 'pdf' }, // %PDF-
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff], extension: 'jpg' },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], extension: 'png' },
];

/** The type a file really is, from its first bytes; the name and the declared type are not trusted. */
export function sniffAttachmentType(head: Uint8Array): { type: AttachmentType; extension: string } | null {
  const match = SIGNATURES.find((s) => s.bytes.every((b, i) => head[i] === b));
  return match ? { type: match.type, extension: match.extension } : null;
}

/** A file name to store and offer back to staff, with the extension of what the file really is. */
export function sanitizeFileName(name: string, extension: string): string {
  const base = cleanFileName((name.split(/[\\/]/).pop() ?? '').replace(/\.[^.]*$/, ''));
  return `${base || '附件'}.${extension}`;
}
