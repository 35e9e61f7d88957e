// Filing a complaint or report (举报投诉, DOMAIN.md §10): one workflow for the JSON/multipart API and
// the no-JavaScript form. Everything that can be checked is checked before anything is stored; the
// complainant's identity goes into its own table in the same batch as the case.
import { DomainError, validationFailed, type FieldError } from '../domain/errors';
import type { Db } from '../db/client';
import { findEnterprise } from '../db/queries/enterprises';
import { findComplaintByIdempotencyKey, findJoinTarget, insertComplaint } from '../db/queries/complaints';
import { defaultCalendar } from '../domain/calendar-data';
import { checkLimitation, complaintAcceptBy, employerKey, joinWindowStart } from '../domain/complaint-rules';
import { formatChineseDate } from '../domain/dates';
import { sha256Hex } from '../domain/hex';
import { deriveAccessCode, generateAccessCode, generateReference, hashAccessCode } from '../domain/reference';
import { parseUscc, usccDistrictCode, usccMessages } from '../domain/uscc';
import {
  checkFiles,
  failedStore,
  referencesExhausted,
  reusedKey,
  storeFiles,
  submissionHash,
  type UploadedFile,
} from '../cases/submit-case';
import type { ComplaintInput } from './input';

export interface ComplaintReceipt {
  reference: string;
  accessCode: string;
  status: 'received';
  acceptBy: string;
  acceptByProvisional: boolean;
  /** The same contact raised the same matter about the same employer within 30 days: handled with that case. */
  joinedEarlierCase: boolean;
}

/** The contact as compared for joining repeated complaints: the phone number's digits, hashed. */
export const contactHash = (phone: string) => sha256Hex(`phone:${phone.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '')}`);

/** The 2-year limitation (条例 第二十条) as a field error on the date it turns on. */
export function limitationErrors(period: { from: string; to?: string | null }, today: string): FieldError[] {
  const limitation = checkLimitation(period, today);
  return limitation.ok ? [] : [{ path: period.to ? 'violationPeriod.to' : 'violationPeriod.from', message: limitation.message }];
}

async function employerOf(db: Db, input: ComplaintInput): Promise<{ districtCode: string | null; error: FieldError | null }> {
  const code = input.employer.uscc;
  if (!code) return { districtCode: null, error: null };
  const found = await findEnterprise(db, code);
  if (found) return { districtCode: found.districtCode, error: null };
  const parsed = parseUscc(code);
  if (parsed.ok && parsed.kind === 'uscc' && !parsed.checkValid) {
    return { districtCode: null, error: { path: 'employer.uscc', message: usccMessages.checkMismatch(parsed.expectedCheck) } };
  }
  return { districtCode: usccDistrictCode(code), error: null };
}

export async function submitComplaint(
  db: Db,
  files: R2Bucket,
  submission: { input: ComplaintInput; files: UploadedFile[] },
  options: { idempotencyKey: string | null; now: Date; today: string },
): Promise<{ receipt: ComplaintReceipt; replayed: boolean }> {
  const { input } = submission;
  const keyHash = options.idempotencyKey ? await sha256Hex(options.idempotencyKey) : null;
  const { checked, errors } = await checkFiles('complaint', submission.files);
  const bodyHash = await submissionHash(
    { kind: 'complaint', input },
    checked.map((c) => ({ role: c.upload.role, sha256: c.sha256 })),
  );

  const replay = async () => {
    if (!keyHash || !options.idempotencyKey) return null;
    const existing = await findComplaintByIdempotencyKey(db, keyHash);
    if (!existing) return null;
    if (existing.idempotencyBodyHash !== bodyHash) throw reusedKey();
    const receipt: ComplaintReceipt = {
      reference: existing.reference,
      accessCode: await deriveAccessCode(options.idempotencyKey, existing.reference),
      status: 'received',
      acceptBy: existing.acceptBy,
      acceptByProvisional: existing.acceptByProvisional,
      joinedEarlierCase: existing.joinedToId !== null,
    };
    return { receipt, replayed: true };
  };
  const earlier = await replay();
  if (earlier) return earlier;

  const limitation = checkLimitation(input.violationPeriod, options.today);
  const employer = await employerOf(db, input);
  const fieldErrors = [
    ...(limitation.ok
      ? []
      : [{ path: input.violationPeriod.to ? 'violationPeriod.to' : 'violationPeriod.from', message: limitation.message }]),
    ...(employer.error ? [employer.error] : []),
    ...errors,
  ];
  if (fieldErrors.length) throw validationFailed(fieldErrors);

  const person = input.complainant ?? null;
  const contact = person ? await contactHash(person.phone) : null;
  const key = employerKey(input.employer);
  const target = contact
    ? await findJoinTarget(db, { contactHash: contact, employerKey: key, category: input.category, since: joinWindowStart(options.today) })
    : null;
  const acceptBy = complaintAcceptBy(defaultCalendar, options.today);
  const year = Number(options.today.slice(0, 4));
  const at = options.now.toISOString();

  for (let attempt = 0; attempt < 3; attempt++) {
    const reference = generateReference(input.kind, year);
    const accessCode = options.idempotencyKey ? await deriveAccessCode(options.idempotencyKey, reference) : generateAccessCode();
    const stored: string[] = [];
    try {
      const fileRows = await storeFiles(files, reference, checked, stored);
      await insertComplaint(db, {
        row: {
          reference,
          accessCodeHash: await hashAccessCode(accessCode),
          kind: input.kind,
          category: input.category,
          employerUscc: input.employer.uscc ?? null,
          employerName: input.employer.name,
          employerAddress: input.employer.address ?? null,
          districtCode: employer.districtCode,
          employerKey: key,
          violationFrom: input.violationPeriod.from,
          violationTo: input.violationPeriod.to ?? null,
          facts: input.facts,
          request: input.request ?? null,
          status: target ? 'joined' : 'received',
          receivedOn: options.today,
          acceptBy: acceptBy.date,
          acceptByProvisional: acceptBy.provisional,
          joinedToId: target?.id ?? null,
          idempotencyKey: keyHash,
          idempotencyBodyHash: keyHash ? bodyHash : null,
          createdAt: at,
        },
        complainant:
          person && contact ? { name: person.name, phone: person.phone, email: person.email ?? null, contactHash: contact } : null,
        files: fileRows,
        note: target
          ? `您在 30 日内就同一单位、同一问题提出过投诉，本次反映已并入该件一并办理（${formatChineseDate(options.today)}）`
          : '已收到',
        joins: target ? { id: target.id, note: `同一投诉人补充反映（${reference}），一并办理` } : null,
      });
      return {
        receipt: {
          reference,
          accessCode,
          status: 'received',
          acceptBy: acceptBy.date,
          acceptByProvisional: acceptBy.provisional,
          joinedEarlierCase: !!target,
        },
        replayed: false,
      };
    } catch (error) {
      if ((await failedStore(files, stored, error)) === 'reference') continue;
      // The same submission arrived twice at once: the winner's case is replayed.
      const concurrent = await replay();
      if (concurrent) return concurrent;
      throw new DomainError('conflict', 'conflict', '同一份反映正在提交，请稍后用办件查询确认。');
    }
  }
  throw referencesExhausted();
}
