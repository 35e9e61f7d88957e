// Verifying the stored chain end to end, in bounded pages so memory does not grow with the log.
import type { Db } from '../db/client';
import { auditEntriesAfter } from '../db/queries/audit';
import { verifyAuditChain, type StoredAuditEntry } from '../domain/audit-chain';

const PAGE = 500;

async function* allEntries(db: Db): AsyncGenerator<StoredAuditEntry> {
  let after = 0;
  for (;;) {
    const rows = await auditEntriesAfter(db, after, PAGE);
    yield* rows;
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1]!.id;
  }
}

export function verifyStoredAuditChain(db: Db) {
  return verifyAuditChain(allEntries(db));
}
