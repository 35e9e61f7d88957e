// Filing an objection or a repair application: one workflow for the JSON/multipart API and the
// no-JavaScript forms. Order matters: everything that can be checked is checked before anything
// is stored; attachments go to R2 before the single D1 batch; any failure removes what was stored.
import { DomainError, validationFailed, type FieldError } from '../domain/errors';
import type { ObjectionInput, RepairInput } from './input';
import type { Db } from '../db/client';
import { findCaseByIdempotencyKey, findRecordForCase, hasOpenRepair, insertCase, type NewCase } from '../db/queries/cases';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, sanitizeFileName, sniffAttachmentType } from '../domain/attachments';
import { caseDeadlines } from '../domain/case-deadlines';
import { defaultCalendar } from '../domain/calendar-data';
import { publicView } from '../domain/publication';
import { repairEligibility } from '../domain/repair-eligibility';
import { deriveAccessCode, generateAccessCode, generateReference, hashAccessCode } from '../domain/reference';
import type { CaseKind } from '../domain/vocabulary';
import { formatChineseDate } from '../domain/dates';
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

/** Reads and checks every file by its content before anything is stored. */
async function checkFiles(kind: CaseKind, files: UploadedFile[]) {
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
    if (await hasOpenRepair(db, record.id)) {
      return { path: 'recordId', message: '该记录已有正在办理的信用修复申请，请使用原办件编号查询进度' };
    }
  }
  return null;
}

const receiptDeadlines = (c: { acceptBy: string; decideBy: string; acceptByProvisional: boolean; decideByProvisional: boolean }) => ({
  acceptBy: c.acceptBy,
  decideBy: c.decideBy,
  acceptByProvisional: c.acceptByProvisional,
  decideByProvisional: c.decideByProvisional,
});

export async function submitCase(
  db: Db,
  files: R2Bucket,
  submission: CaseSubmission,
  options: { idempotencyKey: string | null; now: Date; today: string },
): Promise<{ receipt: CaseReceipt; replayed: boolean }> {
  const keyHash = options.idempotencyKey ? await sha256Hex(options.idempotencyKey) : null;

  const replay = async (): Promise<{ receipt: CaseReceipt; replayed: boolean } | null> => {
    if (!keyHash || !options.idempotencyKey) return null;
    const existing = await findCaseByIdempotencyKey(db, submission.kind, keyHash);
    if (!existing) return null;
    const accessCode = await deriveAccessCode(options.idempotencyKey, existing.reference);
    return { receipt: { ...receiptDeadlines(existing), reference: existing.reference, accessCode, status: 'received' }, replayed: true };
  };

  const earlier = await replay();
  if (earlier) return earlier;

  const recordError = await checkRecord(db, submission, options.today);
  const { checked, errors } = await checkFiles(submission.kind, submission.files);
  if (recordError || errors.length) throw validationFailed([...(recordError ? [recordError] : []), ...errors]);
  const { acceptBy, decideBy } = caseDeadlines(defaultCalendar, submission.kind, { submittedOn: options.today });
  const year = Number(options.today.slice(0, 4));

  // A clash of random references is rare; the unique index catches it and a new one is drawn.
  for (let attempt = 0; attempt < 3; attempt++) {
    const reference = generateReference(submission.kind, year);
    const accessCode = options.idempotencyKey ? await deriveAccessCode(options.idempotencyKey, reference) : generateAccessCode();
    const stored: string[] = [];
    try {
      const fileRows: NewCase['files'] = [];
      for (const [i, c] of checked.entries()) {
        const storageKey = `cases/${reference}/${i + 1}-${crypto.randomUUID()}`;
        await files.put(storageKey, c.bytes, {
          httpMetadata: { contentType: c.type, contentDisposition: 'attachment' },
          sha256: c.sha256,
          customMetadata: { reference, role: c.upload.role },
        });
        stored.push(storageKey);
        fileRows.push({
          role: c.upload.role,
          storageKey,
          fileName: c.fileName,
          contentType: c.type,
          size: c.bytes.length,
          sha256: c.sha256,
        });
      }
      await insertCase(db, {
        kind: submission.kind,
        reference,
        accessCodeHash: await hashAccessCode(accessCode),
        idempotencyKeyHash: keyHash,
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
      await Promise.allSettled(stored.length ? [files.delete(stored)] : []);
      const message = String((error as Error)?.message ?? error) + String((error as { cause?: Error })?.cause?.message ?? '');
      if (/UNIQUE constraint failed: \w+\.reference/.test(message)) continue;
      if (/UNIQUE constraint failed: \w+\.idempotency_key/.test(message)) {
        // The same submission arrived twice at once; the other request created the case.
        const concurrent = await replay();
        if (concurrent) return concurrent;
      }
      if (error instanceof DomainError) throw error;
      console.error('case submission failed', error);
      throw new DomainError(
        'unavailable',
        'storage_unavailable',
        '申请未能保存（附件或数据存储暂时不可用），没有留下任何内容，请稍后重新提交。',
      );
    }
  }
  throw new DomainError('unavailable', 'storage_unavailable', '暂时无法生成办件编号，请稍后重新提交。');
}
