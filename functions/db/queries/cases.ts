// Objections (异议申诉) and repairs (信用修复): the rows of a case, its attachments and timeline.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { attachments, caseEvents, creditRecords, enterprises, objections, repairs } from '../schema';
import { openCaseStatuses, type ObjectionGround } from '../../domain/vocabulary';
import type { CaseKind } from '../../domain/vocabulary';

export const caseTables = { objection: objections, repair: repairs } as const;

export async function findRecordForCase(db: Db, recordId: number) {
  const [record] = await db.select().from(creditRecords).where(eq(creditRecords.id, recordId));
  return record ?? null;
}

export async function findCaseByIdempotencyKey(db: Db, kind: CaseKind, keyHash: string) {
  const table = caseTables[kind];
  const [found] = await db.select().from(table).where(eq(table.idempotencyKey, keyHash));
  return found ?? null;
}

export async function hasOpenCase(db: Db, kind: CaseKind, recordId: number) {
  const table = caseTables[kind];
  const [found] = await db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.recordId, recordId), inArray(table.status, [...openCaseStatuses])))
    .limit(1);
  return !!found;
}

export interface NewCase {
  kind: CaseKind;
  reference: string;
  accessCodeHash: string;
  idempotencyKeyHash: string | null;
  idempotencyBodyHash: string | null;
  uscc: string;
  recordId: number;
  grounds?: ObjectionGround;
  statement: string;
  applicant: { name: string; phone: string; email: string };
  acceptBy: string;
  decideBy: string;
  acceptByProvisional: boolean;
  decideByProvisional: boolean;
  at: string;
  files: {
    role: 'commitment' | 'evidence' | 'attachment';
    storageKey: string;
    fileName: string;
    contentType: 'application/pdf' | 'image/jpeg' | 'image/png';
    size: number;
    sha256: string;
  }[];
}

/** The case, its attachments' metadata and its first timeline entry in one batch: never half a case. */
export async function insertCase(db: Db, c: NewCase) {
  const common = {
    reference: c.reference,
    accessCodeHash: c.accessCodeHash,
    idempotencyKey: c.idempotencyKeyHash,
    idempotencyBodyHash: c.idempotencyBodyHash,
    uscc: c.uscc,
    recordId: c.recordId,
    statement: c.statement,
    applicantName: c.applicant.name,
    applicantPhone: c.applicant.phone,
    applicantEmail: c.applicant.email,
    acceptBy: c.acceptBy,
    decideBy: c.decideBy,
    acceptByProvisional: c.acceptByProvisional,
    decideByProvisional: c.decideByProvisional,
    createdAt: c.at,
  };
  const insertRow =
    c.kind === 'objection' ? db.insert(objections).values({ ...common, grounds: c.grounds! }) : db.insert(repairs).values(common);
  const event = db.insert(caseEvents).values({ reference: c.reference, at: c.at, status: 'received', note: '申请已提交' });
  if (c.files.length === 0) return db.batch([insertRow, event]);
  return db.batch([
    insertRow,
    event,
    db.insert(attachments).values(c.files.map((f) => ({ ...f, reference: c.reference, createdAt: c.at }))),
  ]);
}

export async function findCaseByReference(db: Db, kind: CaseKind, reference: string) {
  const table = caseTables[kind];
  const [found] = await db.select().from(table).where(eq(table.reference, reference));
  return found ?? null;
}

/** What a case is about, as its applicant sees it when tracking: the employer and the record's title and number. */
export async function caseSubject(db: Db, uscc: string, recordId: number) {
  const [row] = await db
    .select({
      uscc: enterprises.uscc,
      enterpriseName: enterprises.name,
      recordId: creditRecords.id,
      recordTitle: creditRecords.title,
      decisionNo: creditRecords.decisionNo,
    })
    .from(creditRecords)
    .innerJoin(enterprises, eq(enterprises.uscc, creditRecords.uscc))
    .where(and(eq(creditRecords.id, recordId), eq(creditRecords.uscc, uscc)));
  return row ?? null;
}

/** The timeline a company sees: no staff identity, newest last. */
export async function caseTimeline(db: Db, reference: string) {
  return db
    .select({ at: caseEvents.at, status: caseEvents.status, note: caseEvents.note })
    .from(caseEvents)
    .where(eq(caseEvents.reference, reference))
    .orderBy(asc(caseEvents.at), asc(caseEvents.id));
}
