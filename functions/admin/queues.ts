// The objection and repair queues as the console and the API show them: late first, SLA in working days.
import type { Db } from '../db/client';
import { listCaseQueue } from '../db/queries/admin-cases';
import { openCaseStatuses, type CaseStatus } from '../domain/vocabulary';
import type { CaseKind } from '../domain/vocabulary';
import { caseSla } from '../domain/case-sla';

export interface QueueQuery {
  status: 'open' | 'all' | CaseStatus;
  dueBy?: string | null;
  overdue?: boolean;
  page: number;
  pageSize: number;
}

export async function loadCaseQueue(db: Db, kind: CaseKind, query: QueueQuery, today: string) {
  const statuses = query.status === 'open' ? [...openCaseStatuses] : query.status === 'all' ? [] : [query.status];
  const { items, total } = await listCaseQueue(
    db,
    kind,
    { statuses, dueBy: query.dueBy ?? null, overdueOnly: query.overdue ?? false },
    query,
    today,
  );
  return {
    items: items.map(({ due: _due, late: _late, ...item }) => ({ ...item, outcome: item.outcome ?? null, sla: caseSla(item, today) })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
