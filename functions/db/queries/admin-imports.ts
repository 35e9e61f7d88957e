// Imports: the lookups that check a file's rows against D1, and the statements that commit them.
// Lists of keys and rows travel as one JSON parameter read with json_each, so a statement never
// comes near D1's limit of 100 bound parameters however many rows it covers.
import type { ImportKind, Severity } from '../../domain/vocabulary';
import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { creditRecords, enterprises, imports, samplingResults, samplingTasks } from '../schema';
import type { PenaltyRow, SamplingRow } from '../../domain/import-rows';
import { sqlStatement, statementOf, type Statement } from './audit';

export async function findImportByHash(db: Db, sha256: string) {
  const [row] = await db.select().from(imports).where(eq(imports.fileSha256, sha256));
  return row ?? null;
}

export async function listImports(db: Db, limit = 50) {
  return db.select().from(imports).orderBy(desc(imports.id)).limit(limit);
}

export async function enterprisesByCode(db: Db, codes: string[]) {
  const rows =
    codes.length === 0
      ? []
      : await db
          .select({
            uscc: enterprises.uscc,
            name: enterprises.name,
            districtCode: enterprises.districtCode,
            legalRepresentative: enterprises.legalRepresentative,
          })
          .from(enterprises)
          .where(sql`${enterprises.uscc} IN (SELECT value FROM json_each(${JSON.stringify([...new Set(codes)])}))`);
  return new Map(rows.map(({ uscc, ...enterprise }) => [uscc, enterprise]));
}

/** Source keys already in credit_records, and — for penalties entered by hand — decision numbers. */
export async function existingRecordKeys(db: Db, sourceKeys: string[], decisionNos: string[]) {
  const [byKey, byNo] = await db.batch([
    db
      .select({ key: creditRecords.sourceKey })
      .from(creditRecords)
      .where(sql`${creditRecords.sourceKey} IN (SELECT value FROM json_each(${JSON.stringify(sourceKeys)}))`),
    db
      .select({ decisionNo: creditRecords.decisionNo })
      .from(creditRecords)
      .where(
        sql`${creditRecords.kind} = 'penalty'
          AND ${creditRecords.decisionNo} IN (SELECT value FROM json_each(${JSON.stringify(decisionNos)}))`,
      ),
  ]);
  return { sourceKeys: new Set(byKey.map((r) => r.key!)), decisionNos: new Set(byNo.map((r) => r.decisionNo!)) };
}

export async function existingTasks(db: Db, taskIds: string[]) {
  const rows = await db
    .select({ id: samplingTasks.id, name: samplingTasks.name, kind: samplingTasks.kind })
    .from(samplingTasks)
    .where(sql`${samplingTasks.id} IN (SELECT value FROM json_each(${JSON.stringify([...new Set(taskIds)])}))`);
  return new Map(rows.map((r) => [r.id, { name: r.name, kind: r.kind }]));
}

/** (task, code) pairs that already have a result. */
export async function existingSamplingPairs(db: Db, pairs: { taskId: string; uscc: string }[]) {
  if (pairs.length === 0) return new Set<string>();
  // Driven from the list, so each pair is one probe of the (task_id, uscc) unique index.
  const rows = await db.all<{ taskId: string; uscc: string }>(sql`
    SELECT s.task_id AS taskId, s.uscc AS uscc
    FROM json_each(${JSON.stringify(pairs.map((p) => [p.taskId, p.uscc]))}) AS j
    JOIN ${samplingResults} AS s ON s.task_id = json_extract(j.value, '$[0]') AND s.uscc = json_extract(j.value, '$[1]')`);
  return new Set(rows.map((r) => `${r.taskId}\u0000${r.uscc}`));
}

/** Rows of one statement: by count, and by size so the JSON stays far below D1's 2 MB value limit. */
export function chunkRows<T>(rows: T[], maxRows = 200, maxBytes = 400_000): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const row of rows) {
    const size = JSON.stringify(row).length * 3;
    if (current.length > 0 && (current.length >= maxRows || bytes + size > maxBytes)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(row);
    bytes += size;
  }
  if (current.length) chunks.push(current);
  return chunks;
}

export interface PenaltyInsert extends PenaltyRow {
  id: number;
  sourceKey: string;
  status: 'draft' | 'published';
  publishedOn: string | null;
  createdAt: string;
}

export function insertPenaltiesStatement(db: Db, rows: PenaltyInsert[]): Statement {
  const v = (path: string) => sql.raw(`json_extract(j.value, '$.${path}')`);
  return sqlStatement(
    db,
    sql`INSERT INTO ${creditRecords}
      (id, uscc, kind, severity, status, title, decision_no, authority, decided_on, published_on, publish_until,
       violation_type, facts, legal_basis, penalty_types, penalty_content, fine_fen, source_key, created_at)
    SELECT ${v('id')}, ${v('uscc')}, 'penalty', ${v('severity')}, ${v('status')}, ${v('title')}, ${v('decisionNo')}, ${v('authority')},
       ${v('decidedOn')}, ${v('publishedOn')}, ${v('publishUntil')}, ${v('violationType')}, ${v('facts')}, ${v('legalBasis')},
       ${v('penaltyTypes')}, ${v('penaltyContent')}, ${v('fineFen')}, ${v('sourceKey')}, ${v('createdAt')}
    FROM json_each(${JSON.stringify(rows)}) AS j`,
  );
}

export interface SamplingInsert extends SamplingRow {
  /** Of the credit record. */
  id: number;
  sourceKey: string;
  districtCode: string;
  /** The profile record's severity, title and facts (functions/domain/sampling-record.ts). */
  severity: Severity;
  publishUntil: string | null;
  title: string;
  facts: string;
  /** The credit record's detail; the grade rule reads `result` there. */
  detail: Record<string, unknown>;
  publishedOn: string;
  createdAt: string;
}

/**
 * A result goes into sampling_results (the task's published list) and into credit_records as a
 * non-negative `sampling_result` record on the employer's profile, linked by samplingResultId; the
 * grade rule reads `detail.result` from there (functions/domain/grade.ts).
 */
export function insertSamplingStatements(db: Db, rows: SamplingInsert[]): Statement[] {
  const json = JSON.stringify(rows);
  const v = (path: string) => sql.raw(`json_extract(j.value, '$.${path}')`);
  return [
    sqlStatement(
      db,
      sql`INSERT INTO ${samplingResults}
        (task_id, uscc, enterprise_name, address, district_code, method, inspected_on, result, follow_up, authority, published_on)
      SELECT ${v('taskId')}, ${v('uscc')}, ${v('enterpriseName')}, ${v('address')}, ${v('districtCode')}, ${v('method')},
        ${v('inspectedOn')}, ${v('result')}, ${v('followUp')}, ${v('authority')}, ${v('publishedOn')}
      FROM json_each(${json}) AS j`,
    ),
    sqlStatement(
      db,
      sql`INSERT INTO ${creditRecords}
        (id, uscc, kind, severity, status, title, authority, decided_on, published_on, publish_until, facts, detail,
         sampling_result_id, source_key, created_at)
      SELECT ${v('id')}, ${v('uscc')}, 'sampling_result', ${v('severity')}, 'published', ${v('title')}, ${v('authority')},
        ${v('inspectedOn')}, ${v('publishedOn')}, ${v('publishUntil')}, ${v('facts')}, ${v('detail')},
        (SELECT s.id FROM ${samplingResults} AS s WHERE s.task_id = ${v('taskId')} AND s.uscc = ${v('uscc')}),
        ${v('sourceKey')}, ${v('createdAt')}
      FROM json_each(${json}) AS j`,
    ),
  ];
}

export function insertImportStatement(
  db: Db,
  row: { fileSha256: string; kind: ImportKind; fileName: string; actor: string; rowCount: number; at: string },
): Statement {
  return statementOf(db, db.insert(imports).values(row));
}

export const importNotYetCommitted = (sha256: string) => sql`NOT EXISTS (SELECT 1 FROM ${imports} WHERE ${imports.fileSha256} = ${sha256})`;
