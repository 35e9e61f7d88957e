// Staff publish a quarter's 重大劳动保障违法行为 (人社部令第29号, DOMAIN.md §6): one audited batch
// writes the bureau's publication for the quarter and makes its entries public, guarded so that a
// quarter is published once per bureau even when two staff press the button together (the unique
// index is the last word). A quarter with nothing to publish is published too, saying so.
import { commitAudited } from '../audit/append';
import type { Staff } from '../auth/access';
import type { Db } from '../db/client';
import {
  findPublication,
  MAX_ENTRIES_PER_PUBLICATION,
  pendingEntries,
  publicationGuards,
  publishQuarterStatements,
} from '../db/queries/major-violations';
import { bureauByCode } from '../domain/authorities';
import type { Clock } from '../domain/clock';
import { todayInChina } from '../domain/dates';
import { DomainError, validationFailed } from '../domain/errors';
import {
  missingMajorViolationStatements,
  publicationId,
  quarterLabel,
  quarterPublicationProblem,
  type QuarterRef,
} from '../domain/major-violations';
import type { QuarterPublicationInput } from './publication-input';

function requireBureau(code: string) {
  const bureau = bureauByCode(code);
  if (!bureau) throw validationFailed([{ path: 'bureauCode', message: '没有该发布机关' }]);
  return bureau;
}

/** What publishing the quarter would take, for the console to show before staff confirm. */
export async function quarterPreview(db: Db, input: QuarterPublicationInput) {
  const bureau = requireBureau(input.bureauCode);
  const q: QuarterRef = { year: input.year, quarter: input.quarter };
  const [existing, pending] = await Promise.all([findPublication(db, bureau.code, q), pendingEntries(db, bureau.name, q)]);
  return { bureau, quarter: q, existing, pending };
}

export function publishQuarter(db: Db, clock: Clock, staff: Staff, input: QuarterPublicationInput) {
  return commitAudited(db, clock, staff.actor, async (now) => {
    const today = todayInChina(now);
    const { bureau, quarter: q, existing, pending } = await quarterPreview(db, input);
    const label = `${bureau.name}${quarterLabel(q)}`;
    const problem = quarterPublicationProblem(q, today);
    if (problem) throw validationFailed([{ path: 'quarter', message: problem }], problem);
    if (existing)
      throw new DomainError(
        'conflict',
        'already_published',
        `${label}的重大劳动保障违法行为已于 ${existing.publishedOn} 公布，每季度公布一次。`,
      );
    if (pending.length > MAX_ENTRIES_PER_PUBLICATION)
      throw new DomainError('invalid', 'too_many_entries', `待公布的记录超过 ${MAX_ENTRIES_PER_PUBLICATION} 条，请核对后分批处理。`);
    const incomplete = pending.flatMap(({ record }) =>
      missingMajorViolationStatements(record).map((m) => ({
        path: `records.${record.id}.${m.field}`,
        message: `记录 ${record.id}：${m.message}`,
      })),
    );
    if (incomplete.length) throw validationFailed(incomplete, `${label}有记录缺少人社部令第29号第六条规定的公布内容，请补全后再公布。`);

    const ids = pending.map(({ record }) => record.id);
    const row = {
      id: publicationId(q, bureau.code),
      bureauCode: bureau.code,
      authority: bureau.name,
      year: q.year,
      quarter: q.quarter,
      publishedOn: today,
    };
    return {
      action: 'major_violations.publish',
      target: `publication:${row.id}`,
      before: null,
      after: { ...row, entries: ids },
      guards: publicationGuards(bureau.code, q, ids),
      statements: publishQuarterStatements(db, row, ids, now.toISOString()),
      result: { publication: row, entries: ids },
    };
  });
}
