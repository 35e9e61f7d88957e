// Complaints and reports (举报投诉, DOMAIN.md §10). The complainant's identity lives in
// complaint_complainants: only complainantOf reads it, and only the staff console's audited view
// calls that. Every other query here selects columns of `complaints` by name, never the identity.
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { attachments, complaintComplainants, complaintEvents, complaints, enterprises } from '../schema';
import type { ComplaintCategory, ComplaintKind, ComplaintStatus } from '../../domain/vocabulary';
import type { NewCase } from './cases';
import { statementOf, type Statement } from './audit';

export type ComplaintRow = typeof complaints.$inferSelect;

export async function findComplaintByIdempotencyKey(db: Db, keyHash: string) {
  const [found] = await db.select().from(complaints).where(eq(complaints.idempotencyKey, keyHash));
  return found ?? null;
}

/** The reference of the complaint another one was joined to. */
export async function complaintReference(db: Db, id: number): Promise<string | null> {
  const [found] = await db.select({ reference: complaints.reference }).from(complaints).where(eq(complaints.id, id));
  return found?.reference ?? null;
}

export async function findComplaintByReference(db: Db, reference: string) {
  const [found] = await db.select().from(complaints).where(eq(complaints.reference, reference));
  return found ?? null;
}

/**
 * The earlier open case a new complaint joins: the same contact, employer and category, received
 * on or after `since` (DOMAIN.md §10 abuse rule, 30 days). Only the id and reference come back.
 */
export async function findJoinTarget(
  db: Db,
  match: { contactHash: string; employerKey: string; category: ComplaintCategory; since: string },
) {
  const [found] = await db
    .select({ id: complaints.id, reference: complaints.reference })
    .from(complaints)
    .innerJoin(complaintComplainants, eq(complaintComplainants.complaintId, complaints.id))
    .where(
      and(
        eq(complaintComplainants.contactHash, match.contactHash),
        eq(complaints.employerKey, match.employerKey),
        eq(complaints.category, match.category),
        gte(complaints.receivedOn, match.since),
        inArray(complaints.status, ['received', 'accepted']),
      ),
    )
    .orderBy(asc(complaints.receivedOn), asc(complaints.id))
    .limit(1);
  return found ?? null;
}

export interface NewComplaint {
  row: Omit<typeof complaints.$inferInsert, 'id'>;
  complainant: { name: string; phone: string; email: string | null; contactHash: string } | null;
  files: NewCase['files'];
  note: string;
  /** The earlier case this one joins, with the note that goes on its timeline. */
  joins: { id: number; note: string } | null;
}

/** The complaint, its identity row, attachments and first timeline entries in one batch: never half a case. */
export async function insertComplaint(db: Db, c: NewComplaint) {
  const at = c.row.createdAt!;
  const id = sql`(SELECT id FROM complaints WHERE reference = ${c.row.reference})`;
  const statements = [
    db.insert(complaints).values(c.row),
    db.insert(complaintEvents).values({ complaintId: id, at, status: c.row.status ?? 'received', note: c.note }),
    ...(c.complainant ? [db.insert(complaintComplainants).values({ ...c.complainant, complaintId: id, createdAt: at })] : []),
    ...(c.files.length ? [db.insert(attachments).values(c.files.map((f) => ({ ...f, reference: c.row.reference, createdAt: at })))] : []),
    ...(c.joins ? [db.insert(complaintEvents).values({ complaintId: c.joins.id, at, status: 'received', note: c.joins.note })] : []),
  ] as const;
  // drizzle types the values of a subquery id loosely; the statement is what D1 runs.
  return db.batch(statements as unknown as Parameters<Db['batch']>[0]);
}

/** The timeline the complainant sees: no staff identity, oldest first. */
export async function complaintTimeline(db: Db, complaintId: number) {
  return db
    .select({ at: complaintEvents.at, status: complaintEvents.status, note: complaintEvents.note })
    .from(complaintEvents)
    .where(eq(complaintEvents.complaintId, complaintId))
    .orderBy(asc(complaintEvents.at), asc(complaintEvents.id));
}

/** What the public statistics need of each complaint received in [from, to]: dates and groups, nothing else. */
export async function complaintStatsRows(db: Db, range: { from: string; to: string; district: string | null }) {
  return db
    .select({
      receivedOn: complaints.receivedOn,
      districtCode: complaints.districtCode,
      category: complaints.category,
      filedOn: complaints.filedOn,
      closedOn: complaints.closedOn,
    })
    .from(complaints)
    .where(
      and(
        gte(complaints.receivedOn, range.from),
        lte(complaints.receivedOn, range.to),
        // A joined complaint is part of an earlier case, not a case of its own.
        sql`${complaints.status} <> 'joined'`,
        range.district ? eq(complaints.districtCode, range.district) : undefined,
      ),
    );
}

// ── staff ─────────────────────────────────────────────────────────────────────────────────────

const queueColumns = {
  id: complaints.id,
  reference: complaints.reference,
  kind: complaints.kind,
  category: complaints.category,
  employerName: complaints.employerName,
  employerUscc: complaints.employerUscc,
  status: complaints.status,
  receivedOn: complaints.receivedOn,
  acceptBy: complaints.acceptBy,
  acceptByProvisional: complaints.acceptByProvisional,
  investigateBy: complaints.investigateBy,
  investigateByProvisional: complaints.investigateByProvisional,
};

/** The queue: open cases first by their running deadline, then the rest newest first. */
export async function listComplaintQueue(
  db: Db,
  filter: { statuses: ComplaintStatus[] | null; kind: ComplaintKind | null; page: number; pageSize: number },
) {
  const where = and(
    filter.statuses ? inArray(complaints.status, filter.statuses) : undefined,
    filter.kind ? eq(complaints.kind, filter.kind) : undefined,
  );
  const due = sql`CASE ${complaints.status}
    WHEN 'received' THEN ${complaints.acceptBy} WHEN 'accepted' THEN ${complaints.investigateBy} ELSE '9999' END`;
  const [items, [count]] = await Promise.all([
    db
      .select(queueColumns)
      .from(complaints)
      .where(where)
      .orderBy(due, sql`${complaints.receivedOn} DESC`, asc(complaints.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ n: sql<number>`count(*)` }).from(complaints).where(where),
  ]);
  return { items, total: count?.n ?? 0 };
}

/** The staff timeline, with who acted. */
export async function complaintStaffTimeline(db: Db, complaintId: number) {
  return db
    .select({ at: complaintEvents.at, status: complaintEvents.status, note: complaintEvents.note, actor: complaintEvents.actor })
    .from(complaintEvents)
    .where(eq(complaintEvents.complaintId, complaintId))
    .orderBy(asc(complaintEvents.at), asc(complaintEvents.id));
}

export async function complaintAttachments(db: Db, reference: string) {
  return db
    .select({ id: attachments.id, fileName: attachments.fileName, contentType: attachments.contentType, size: attachments.size })
    .from(attachments)
    .where(eq(attachments.reference, reference))
    .orderBy(asc(attachments.id));
}

/** The complainant's identity. Callers audit every read (functions/complaints/staff.ts). */
export async function complainantOf(db: Db, complaintId: number) {
  const [found] = await db
    .select({ name: complaintComplainants.name, phone: complaintComplainants.phone, email: complaintComplainants.email })
    .from(complaintComplainants)
    .where(eq(complaintComplainants.complaintId, complaintId));
  return found ?? null;
}

export type ComplaintUpdate = Partial<
  Pick<
    typeof complaints.$inferInsert,
    | 'status'
    | 'filedOn'
    | 'investigateBy'
    | 'investigateByProvisional'
    | 'extensionReason'
    | 'transferredTo'
    | 'outcome'
    | 'closedOn'
    | 'penaltyRecordId'
    | 'handler'
  >
> & { updatedAt: string };

export const updateComplaintStatement = (db: Db, id: number, set: ComplaintUpdate): Statement =>
  statementOf(db, db.update(complaints).set(set).where(eq(complaints.id, id)));

export const complaintEventStatement = (
  db: Db,
  e: { complaintId: number; at: string; status: ComplaintStatus; note: string; actor: string },
): Statement => statementOf(db, db.insert(complaintEvents).values(e));

/** The state a decision was planned on, checked inside the audited batch (commitAudited guards). */
export const complaintUnchanged = (c: Pick<ComplaintRow, 'id' | 'status' | 'updatedAt'>) =>
  sql`EXISTS (SELECT 1 FROM complaints WHERE id = ${c.id} AND status = ${c.status} AND updated_at IS ${c.updatedAt})`;

/**
 * Codes of active employers in a task's scope with a complaint accepted (立案) in [from, to], ASCII
 * ascending: the complaint stratum of a draw (functions/admin/draws.ts).
 */
export async function employersWithAcceptedComplaints(
  db: Db,
  scope: { districts: string[]; industries: string[] },
  range: { from: string; to: string },
) {
  const rows = await db
    .selectDistinct({ uscc: enterprises.uscc })
    .from(complaints)
    .innerJoin(enterprises, eq(enterprises.uscc, complaints.employerUscc))
    .where(
      and(
        gte(complaints.filedOn, range.from),
        lte(complaints.filedOn, range.to),
        eq(enterprises.status, 'active'),
        scope.districts.length ? inArray(enterprises.districtCode, scope.districts) : undefined,
        scope.industries.length ? inArray(enterprises.industry, scope.industries) : undefined,
      ),
    )
    .orderBy(asc(enterprises.uscc));
  return rows.map((r) => r.uscc);
}

/** Whether the case has a named complainant: a yes or no, never the identity. */
export async function hasComplainant(db: Db, complaintId: number) {
  const [found] = await db
    .select({ id: complaintComplainants.complaintId })
    .from(complaintComplainants)
    .where(eq(complaintComplainants.complaintId, complaintId));
  return !!found;
}

/** Open complaints whose running deadline is provisional (预计), for the daily recomputation. */
export async function listProvisionalOpenComplaints(db: Db) {
  return db
    .select()
    .from(complaints)
    .where(
      sql`(${complaints.status} = 'received' AND ${complaints.acceptByProvisional})
        OR (${complaints.status} = 'accepted' AND ${complaints.investigateByProvisional})`,
    )
    .orderBy(asc(complaints.id));
}

/** Cases out of the bureau's hands before `before` that still hold an identity. */
export async function listIdentitiesClosedBefore(db: Db, before: string) {
  return db
    .select({
      id: complaints.id,
      reference: complaints.reference,
      closedOn: complaints.closedOn,
      updatedAt: complaints.updatedAt,
      status: complaints.status,
    })
    .from(complaints)
    .innerJoin(complaintComplainants, eq(complaintComplainants.complaintId, complaints.id))
    .where(and(sql`${complaints.closedOn} IS NOT NULL`, sql`${complaints.closedOn} < ${before}`))
    .orderBy(asc(complaints.id))
    .limit(500);
}

export const deleteComplainantStatement = (db: Db, complaintId: number): Statement =>
  statementOf(db, db.delete(complaintComplainants).where(eq(complaintComplainants.complaintId, complaintId)));
