// 执法人员 (DOMAIN.md §7, §8): the officers list, one officer's public credential by certificate
// number with the published draws that named them, and the statement staff change a status with.
import { and, asc, count, desc, eq, or, sql, type SQLWrapper } from 'drizzle-orm';
import type { Db } from '../client';
import { drawInspectors, inspectors, samplingTasks } from '../schema';
import { statementOf, type Statement } from './audit';
import { officerStanding, officerStandingText } from '../../domain/officers';
import type { OfficerStatus } from '../../domain/vocabulary';

export type OfficerRow = typeof inspectors.$inferSelect;

/** What the public sees of an officer: the credential, never the internal id, cap or recusals. */
export interface PublicOfficer {
  certificateNo: string;
  name: string;
  unit: string;
  field: string;
  /** The standing today (a certificate past its last valid day is `expired`). */
  status: OfficerStatus;
  /** The standing in words. */
  statusText: string;
  validFrom: string | null;
  validUntil: string | null;
  statusSince: string | null;
}

export function toPublicOfficer(o: OfficerRow, today: string): PublicOfficer {
  return {
    certificateNo: o.certificateNo,
    name: o.name,
    unit: o.unit,
    field: o.field,
    status: officerStanding(o, today),
    statusText: officerStandingText(o, today),
    validFrom: o.validFrom,
    validUntil: o.validUntil,
    statusSince: o.statusSince,
  };
}

export async function findOfficer(db: Db, certificateNo: string): Promise<OfficerRow | null> {
  const [row] = await db.select().from(inspectors).where(eq(inspectors.certificateNo, certificateNo));
  return row ?? null;
}

/** A published draw that named the officer: the task and how many employers they were sent to. */
export interface OfficerTask {
  id: string;
  name: string;
  year: number;
  authority: string;
  drawnOn: string | null;
  assignments: number;
}

/** The published draws an officer was drawn in, newest first. */
export async function officerTasks(db: Db, certificateNo: string): Promise<OfficerTask[]> {
  return db
    .select({
      id: samplingTasks.id,
      name: samplingTasks.name,
      year: samplingTasks.year,
      authority: samplingTasks.authority,
      drawnOn: samplingTasks.drawnOn,
      assignments: drawInspectors.assignments,
    })
    .from(drawInspectors)
    .innerJoin(samplingTasks, eq(samplingTasks.id, drawInspectors.taskId))
    .where(eq(drawInspectors.certificateNo, certificateNo))
    .orderBy(desc(samplingTasks.drawnOn), desc(samplingTasks.id));
}

/** `%` and `_` typed by a person mean themselves, not wildcards. */
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Officers in certificate order, which is unit order (a number starts with its unit's division
 * code), optionally those whose name, certificate number or unit contains `q`.
 */
export async function listOfficers(db: Db, query: { q: string; page: number; pageSize: number }) {
  const q = query.q.trim();
  const pattern = `%${escapeLike(q)}%`;
  const contains = (column: SQLWrapper) => sql`${column} LIKE ${pattern} ESCAPE '\\'`;
  const where = q ? or(contains(inspectors.name), contains(inspectors.certificateNo), contains(inspectors.unit)) : undefined;
  const [rows, [total]] = await db.batch([
    db
      .select()
      .from(inspectors)
      .where(where)
      .orderBy(asc(inspectors.certificateNo))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(inspectors).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** The officer is still as it was read: a status change planned on stale data never lands. */
export const officerUnchanged = (o: OfficerRow) =>
  sql`EXISTS (SELECT 1 FROM ${inspectors} WHERE ${and(
    eq(inspectors.id, o.id),
    eq(inspectors.status, o.status),
    o.updatedAt === null ? sql`${inspectors.updatedAt} IS NULL` : eq(inspectors.updatedAt, o.updatedAt),
  )})`;

export function officerStatusStatement(
  db: Db,
  id: string,
  set: { status: OfficerStatus; statusSince: string | null; updatedAt: string },
): Statement {
  return statementOf(db, db.update(inspectors).set(set).where(eq(inspectors.id, id)));
}
