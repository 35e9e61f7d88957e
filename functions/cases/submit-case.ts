// Filing an objection or a repair application: one workflow for the JSON/multipart API and the
// no-JavaScript forms. Order matters: everything that can be checked is checked before anything
// is stored; attachments go to R2 before the single D1 batch; any failure removes what was stored.
import { DomainError, validationFailed, type FieldError } from '../domain/errors';
import type { ObjectionInput, RepairInput } from './input';
import type { Db } from '../db/client';
import { findCaseByIdempotencyKey, findRecordForCase, hasOpenCase, insertCase, type NewCase } from '../db/queries/cases';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, sanitizeFileName, sniffAttachmentType } from '../domain/attachments';
import { caseDeadlines } from '../domain/case-deadlines';
import { defaultCalendar } from '../domain/calendar-data';
import { publicView } from '../domain/publication';
import { repairEligibility } from '../domain/repair-eligibility';
import { deriveAccessCode, generateAccessCode, generateReference, hashAccessCode } from '../domain/reference';
import type { CaseKind } from '../domain/vocabulary';
import { formatChineseDate } from '../domain/dates';
import { canonicalJson } from '../domain/canonical-json';
import { sha256Hex } from '../domain/hex';

export interface UploadedFile {
  role: 'commitment' | 'evidence' | 'attachment';
  /** The form field it came in, for error messages. */
  field: string;
  file: File;
}

export type CaseSubmission =
  | { kind: 'objection'; input: ObjectionInput; files: UploadedFile[] }
  | { kind: 'repair'; input: RepairInput; files: UploadedFile[] };

export interface CaseReceipt {
  reference: string;
  accessCode: string;
  status: 'received';
  acceptBy: string;
  decideBy: string;
  /** The deadline counts days of a year whose holidays are not announced yet (预计); it may still move. */
  acceptByProvisional: boolean;
  decideByProvisional: boolean;
}

/** Idempotency keys are client-made secrets; short ones would make the derived access code guessable. */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{16,128}$/;

/** Reads and checks every file by its content before anything is stored (objections, repairs and complaints alike). */
export async function checkFiles(kind: CaseKind | 'complaint', files: UploadedFile[]) {
  const errors: FieldError[] = [];
  if (files.length > MAX_ATTACHMENTS)
    errors.push({ path: 'attachments', message: `附件最多 ${MAX_ATTACHMENTS} 个，本次提交了 ${files.length} 个` });
  if (kind === 'repair') {
    if (!files.some((f) => f.role === 'commitment'))
      errors.push({ path: 'commitment', message: '请上传签章的信用修复承诺书（PDF、JPG 或 PNG）' });
    if (!files.some((f) => f.role === 'evidence'))
      errors.push({ path: 'evidence', message: '请上传履行法定义务的证明材料（如缴款凭证、整改报告）' });
  }
  const checked = [];
  for (const upload of files) {
    const name = upload.file.name || '附件';
    if (upload.file.size > MAX_ATTACHMENT_BYTES) {
      errors.push({ path: upload.field, message: `“${name}”超过 10 MB，请压缩后再上传` });
      continue;
    }
    if (upload.file.size === 0) {
      errors.push({ path: upload.field, message: `“${name}”是空文件` });
      continue;
    }
    const bytes = new Uint8Array(await upload.file.arrayBuffer());
    const sniffed = sniffAttachmentType(bytes.subarray(0, 8));
    if (!sniffed) {
      errors.push({ path: upload.field, message: `“${name}”不是 PDF、JPG 或 PNG 文件（按文件内容判断，而非扩展名）` });
      continue;
    }
    checked.push({
      upload,
      bytes,
      type: sniffed.type,
      fileName: sanitizeFileName(name, sniffed.extension),
      sha256: await sha256Hex(bytes),
    });
  }
  return { checked, errors };
}

/** The record problem, if any, as a field error; checked together with the files so all errors show at once. */
async function checkRecord(db: Db, submission: CaseSubmission, today: string): Promise<FieldError | null> {
  const { input } = submission;
  const record = await findRecordForCase(db, input.recordId);
  if (!record || record.uscc !== input.uscc || publicView(record, today) !== 'full') {
    return { path: 'recordId', message: '该单位没有此编号的正在公示的信用记录，请从信用查询结果的记录上发起申请' };
  }
  if (submission.kind === 'repair') {
    const eligibility = repairEligibility(record, today);
    if (!eligibility.eligible) {
      const from = 'from' in eligibility && eligibility.from ? `（自 ${formatChineseDate(eligibility.from)} 起可申请）` : '';
      return { path: 'recordId', message: `${eligibility.message}${from}` };
    }
  }
  return null;
}

/** Another application for this record is being handled: said without naming anyone's reference. */
const caseAlreadyOpen = (kind: CaseKind) =>
  new DomainError(
    'conflict',
    'case_already_open',
    kind === 'objection'
      ? '该信用记录已有一件正在办理的异议申诉，办结前不再受理新的异议；提交过申请的，请用原办件编号和查询码查询进度。'
      : '该信用记录已有一件正在办理的信用修复申请，办结前不再受理新的申请；提交过申请的，请用原办件编号和查询码查询进度。',
  );

/** The same key with another body: refused, so that the new submission is not silently dropped as a replay. */
export const reusedKey = () =>
  new DomainError('invalid', 'idempotency_key_reused', '这份申请的内容与此前用同一个键提交的申请不同，没有提交。', {
    fields: [{ path: 'Idempotency-Key', message: '同一个键已用于内容不同的另一份申请；新的申请请使用新的键（例如随机 UUID）' }],
  });

/** What a submission consists of, as one hash: the validated fields and the files' contents. */
export async function submissionHash(
  submission: { kind: string; input: unknown },
  files: { role: string; sha256: string }[],
): Promise<string> {
  return sha256Hex(canonicalJson({ kind: submission.kind, input: submission.input, files: files.map((f) => [f.role, f.sha256]) }));
}

const receiptDeadlines = (c: { acceptBy: string; decideBy: string; acceptByProvisional: boolean; decideByProvisional: boolean }) => ({
  acceptBy: c.acceptBy,
  decideBy: c.decideBy,
  acceptByProvisional: c.acceptByProvisional,
  decideByProvisional: c.decideByProvisional,
});

export type CheckedFile = Awaited<ReturnType<typeof checkFiles>>['checked'][number];

/** Puts checked files into R2 under the case's reference; `stored` collects the keys so a failure can remove them. */
export async function storeFiles(files: R2Bucket, reference: string, checked: CheckedFile[], stored: string[]): Promise<NewCase['files']> {
  const rows: NewCase['files'] = [];
  for (const [i, c] of checked.entries()) {
    const storageKey = `cases/${reference}/${i + 1}-${crypto.randomUUID()}`;
    await files.put(storageKey, c.bytes, {
      httpMetadata: { contentType: c.type, contentDisposition: 'attachment' },
      sha256: c.sha256,
      customMetadata: { reference, role: c.upload.role },
    });
    stored.push(storageKey);
    rows.push({ role: c.upload.role, storageKey, fileName: c.fileName, contentType: c.type, size: c.bytes.length, sha256: c.sha256 });
  }
  return rows;
}

export async function submitCase(
  db: Db,
  files: R2Bucket,
  submission: CaseSubmission,
  options: { idempotencyKey: string | null; now: Date; today: string },
): Promise<{ receipt: CaseReceipt; replayed: boolean }> {
  const keyHash = options.idempotencyKey ? await sha256Hex(options.idempotencyKey) : null;
  const { checked, errors } = await checkFiles(submission.kind, submission.files);
  const bodyHash = await submissionHash(
    submission,
    checked.map((c) => ({ role: c.upload.role, sha256: c.sha256 })),
  );

  const replay = async (): Promise<{ receipt: CaseReceipt; replayed: boolean } | null> => {
    if (!keyHash || !options.idempotencyKey) return null;
    const existing = await findCaseByIdempotencyKey(db, submission.kind, keyHash);
    if (!existing) return null;
    // Cases filed before bodies were hashed have none; they replay as before.
    if (existing.idempotencyBodyHash !== null && existing.idempotencyBodyHash !== bodyHash) throw reusedKey();
    const accessCode = await deriveAccessCode(options.idempotencyKey, existing.reference);
    return { receipt: { ...receiptDeadlines(existing), reference: existing.reference, accessCode, status: 'received' }, replayed: true };
  };

  const earlier = await replay();
  if (earlier) return earlier;

  // A double submit racing itself meets "already open" too: the winner's case is then replayed.
  const conflict = async () => {
    const concurrent = await replay();
    if (concurrent) return concurrent;
    throw caseAlreadyOpen(submission.kind);
  };

  const recordError = await checkRecord(db, submission, options.today);
  if (recordError || errors.length) throw validationFailed([...(recordError ? [recordError] : []), ...errors]);
  // Said early for a clear answer; the guarantee is the partial unique index (one open case per record).
  if (await hasOpenCase(db, submission.kind, submission.input.recordId)) return conflict();
  const { acceptBy, decideBy } = caseDeadlines(defaultCalendar, submission.kind, { submittedOn: options.today });
  const year = Number(options.today.slice(0, 4));

  // A clash of random references is rare; the unique index catches it and a new one is drawn.
  for (let attempt = 0; attempt < 3; attempt++) {
    const reference = generateReference(submission.kind, year);
    const accessCode = options.idempotencyKey ? await deriveAccessCode(options.idempotencyKey, reference) : generateAccessCode();
    const stored: string[] = [];
    try {
      const fileRows = await storeFiles(files, reference, checked, stored);
      await insertCase(db, {
        kind: submission.kind,
        reference,
        accessCodeHash: await hashAccessCode(accessCode),
        idempotencyKeyHash: keyHash,
        idempotencyBodyHash: keyHash ? bodyHash : null,
        uscc: submission.input.uscc,
        recordId: submission.input.recordId,
        grounds: submission.kind === 'objection' ? submission.input.grounds : undefined,
        statement: submission.input.statement,
        applicant: submission.input.applicant,
        acceptBy: acceptBy.date,
        decideBy: decideBy.date,
        acceptByProvisional: acceptBy.provisional,
        decideByProvisional: decideBy.provisional,
        at: options.now.toISOString(),
        files: fileRows,
      });
      const receipt: CaseReceipt = {
        reference,
        accessCode,
        status: 'received',
        acceptBy: acceptBy.date,
        decideBy: decideBy.date,
        acceptByProvisional: acceptBy.provisional,
        decideByProvisional: decideBy.provisional,
      };
      return { receipt, replayed: false };
    } catch (error) {
      const clash = await failedStore(files, stored, error);
      if (clash === 'reference') continue;
      // The same submission arrived twice at once, or another application for the record won the
      // race for the one open case (the partial unique index).
      return conflict();
    }
  }
  throw referencesExhausted();
}

export const referencesExhausted = () => new DomainError('unavailable', 'storage_unavailable', '暂时无法生成办件编号，请稍后重新提交。');

/**
 * After a failed write: removes the files already stored, then tells a clash of references (draw
 * again) from a unique key already taken (idempotency key, one open case); anything else is thrown.
 */
export async function failedStore(files: R2Bucket, stored: string[], error: unknown): Promise<'reference' | 'taken'> {
  await Promise.allSettled(stored.length ? [files.delete(stored)] : []);
  const message = String((error as Error)?.message ?? error) + String((error as { cause?: Error })?.cause?.message ?? '');
  if (/UNIQUE constraint failed: \w+\.reference/.test(message)) return 'reference';
  if (/UNIQUE constraint failed: \w+\.(idempotency_key|record_id)/.test(message)) return 'taken';
  if (error instanceof DomainError) throw error;
  // Never the error itself: a failed query's message carries its parameters, the applicant's identity among them.
  console.error('case submission failed', (error as { cause?: Error })?.cause?.message ?? (error as Error)?.name ?? 'unknown');
  throw new DomainError(
    'unavailable',
    'storage_unavailable',
    '申请未能保存（附件或数据存储暂时不可用），没有留下任何内容，请稍后重新提交。',
  );
}
