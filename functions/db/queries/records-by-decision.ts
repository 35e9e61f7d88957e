// A public record found by the decision number on the penalty letter (DOMAIN.md §3, 两书同达):
// GET /api/v1/records?decisionNo= and the first step of the objection and repair forms.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { creditRecords, enterprises, objections, repairs } from '../schema';
import { decisionNoKey } from '../../domain/decision-number';
import { openCase, openCaseFlags, toPublicRecord, type PublicRecord } from './enterprises';
import { publicRecordWhere } from './public-records';
import { publicRecordDetail } from '../../domain/masking';

export interface RecordWithEnterprise {
  record: PublicRecord;
  enterprise: { uscc: string; name: string };
}

/** A number is given to one decision; a handful of rows at most (one per record kind it produced). */
const AT_MOST = 20;

export async function findPublicRecordsByDecisionNo(db: Db, decisionNo: string, today: string): Promise<RecordWithEnterprise[]> {
  const key = decisionNoKey(decisionNo);
  if (!key) return [];
  const rows = await db
    .select({ record: creditRecords, enterprise: enterprises, objectionPending: openCase(objections), repairPending: openCase(repairs) })
    .from(creditRecords)
    .innerJoin(enterprises, eq(enterprises.uscc, creditRecords.uscc))
    .where(and(eq(creditRecords.decisionNoKey, key), publicRecordWhere(today)))
    .orderBy(asc(creditRecords.id))
    .limit(AT_MOST);
  return rows.map((row) => ({
    record: toPublicRecord(row.record, openCaseFlags(row), today, () => publicRecordDetail(row.record, row.enterprise.legalRepresentative)),
    enterprise: { uscc: row.enterprise.uscc, name: row.enterprise.name },
  }));
}
