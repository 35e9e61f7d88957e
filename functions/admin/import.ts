// Importing a CSV of penalty decisions or sampling results (issue: "Import"). Preview checks every
// row — format and rules (functions/domain/import-rows.ts), then against D1 — and writes nothing;
// commit runs the same checks again and writes the whole file in one audited batch or nothing.
// The file's SHA-256 is recorded (imports.file_sha256, unique), so the same file never lands twice,
// and every row's natural key (credit_records.source_key) keeps rows from landing twice across files.
import type { ImportKind, TaskKind } from '../domain/vocabulary';
import { samplingRecordFacts, samplingRecordTitle, samplingResultSeverity } from '../domain/sampling-record';
import { publicationEnd } from '../domain/publication';
import { importableEmployers } from '../db/queries/sampling-draw';
import { DomainError, type FieldError } from '../domain/errors';
import type { Staff } from '../auth/access';
import { commitAudited } from '../audit/append';
import type { Db } from '../db/client';
import type { Clock } from '../domain/clock';
import {
  chunkRows,
  enterprisesByCode,
  existingRecordKeys,
  existingSamplingPairs,
  existingTasks,
  findImportByHash,
  importNotYetCommitted,
  insertImportStatement,
  insertPenaltiesStatement,
  insertSamplingStatements,
  type PenaltyInsert,
  type SamplingInsert,
} from '../db/queries/admin-imports';
import { defaultCalendar } from '../domain/calendar-data';
import { formatChineseDateTime, formatYuan, todayInChina } from '../domain/dates';
import { districtName } from '../domain/districts';
import {
  MAX_IMPORT_BYTES,
  checkImportFile,
  importKindLabels,
  penaltyPublicationDue,
  type ImportRow,
  type PenaltyRow,
  type RowCheck,
  type SamplingRow,
} from '../domain/import-rows';
import { severityLabels } from '../domain/labels';
import { publicRecordDetail } from '../domain/masking';
import { parseUscc, usccDistrictCode, usccMessages } from '../domain/uscc';
import { sha256Hex } from '../domain/hex';
import { logChangesStatement, sharedRecord } from '../db/queries/changes';
import { nextRecordId, recordIdFree } from '../db/queries/admin-records';
import type { RecordRow } from '../db/queries/admin-cases';
import { changeTypeOf } from '../domain/changes';

export interface ImportFile {
  kind: ImportKind;
  fileName: string;
  bytes: Uint8Array;
}

export interface ImportReport {
  kind: ImportKind;
  fileName: string;
  sha256: string;
  size: number;
  alreadyImported: { at: string; actor: string; rowCount: number } | null;
  fileErrors: string[];
  total: number;
  accepted: {
    line: number;
    key: string;
    summary: string;
    warnings: string[];
    publishUntil: string | null;
    publicationDue: string | null;
  }[];
  rejected: { line: number; key: string | null; reasons: string[] }[];
  /** True only when nothing at all stands in the way: all-or-nothing per file. */
  committable: boolean;
}

/**
 * Excel on Chinese Windows saves "CSV (逗号分隔)" in GB 18030 (GBK), "CSV UTF-8" in UTF-8 with a
 * byte order mark; both occur, so strict UTF-8 is tried first and GB 18030 otherwise.
 */
export function decodeCsv(bytes: Uint8Array): { ok: true; text: string } | { ok: false; message: string } {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return { ok: false, message: '这是 Excel 工作簿（.xlsx）文件：请在 Excel 中“另存为”→“CSV UTF-8（逗号分隔）”后上传' };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    try {
      return { ok: true, text: new TextDecoder('gb18030', { fatal: true }).decode(bytes) };
    } catch {
      return { ok: false, message: '无法识别文件编码：请保存为 UTF-8 或 GBK 编码的 CSV 文件' };
    }
  }
}

/** Names are compared the way people write them: full-width brackets and spaces do not count. */
const sameName = (a: string, b: string) => {
  const n = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
  return n(a) === n(b);
};

const codeProblem = (uscc: string) => {
  const parsed = parseUscc(uscc);
  return parsed.ok && parsed.kind === 'uscc' && !parsed.checkValid
    ? usccMessages.checkMismatch(parsed.expectedCheck)
    : '没有使用该代码登记的用人单位，请先核对代码';
};

const publicationDue = (decidedOn: string) => penaltyPublicationDue(defaultCalendar, decidedOn);

/** The checks that need D1, added to each row's own; a row with any reason is rejected. */
async function checkAgainstDatabase(db: Db, kind: ImportKind, rows: RowCheck<ImportRow>[]) {
  const valid = rows.filter((r): r is Extract<RowCheck<ImportRow>, { ok: true }> => r.ok);
  const found = await enterprisesByCode(
    db,
    valid.map((r) => r.value.uscc),
  );
  const extra = new Map<number, { reasons: string[]; warnings: string[] }>();
  let tasks = new Map<string, { name: string; kind: TaskKind }>();
  const note = (line: number) => {
    const existing = extra.get(line);
    if (existing) return existing;
    const created = { reasons: [], warnings: [] };
    extra.set(line, created);
    return created;
  };

  const checkEnterprise = (line: number, uscc: string, checkValid: boolean, name: string, what: string) => {
    const enterprise = found.get(uscc);
    if (!enterprise) return note(line).reasons.push(codeProblem(uscc));
    if (!checkValid) note(line).warnings.push(usccMessages.checkWarning);
    if (!sameName(enterprise.name, name)) note(line).reasons.push(`${what}与该代码登记的名称“${enterprise.name}”不一致，请核对代码和名称`);
  };

  if (kind === 'penalties') {
    const penalties = valid as Extract<RowCheck<PenaltyRow>, { ok: true }>[];
    const existing = await existingRecordKeys(
      db,
      penalties.map((r) => r.key),
      penalties.map((r) => r.value.decisionNo),
    );
    for (const r of penalties) {
      checkEnterprise(r.line, r.value.uscc, r.value.usccCheckValid, r.value.partyName, '当事人名称');
      if (existing.sourceKeys.has(r.key) || existing.decisionNos.has(r.value.decisionNo))
        note(r.line).reasons.push('该决定书文号已有信用记录（已导入或已录入），不会重复导入');
    }
  } else {
    const results = valid as Extract<RowCheck<SamplingRow>, { ok: true }>[];
    let pairs: Set<string>;
    [tasks, pairs] = await Promise.all([
      existingTasks(
        db,
        results.map((r) => r.value.taskId),
      ),
      existingSamplingPairs(
        db,
        results.map((r) => ({ taskId: r.value.taskId, uscc: r.value.uscc })),
      ),
    ]);
    const drawn = new Map<string, Awaited<ReturnType<typeof importableEmployers>>>();
    for (const id of new Set(results.map((r) => r.value.taskId))) if (tasks.has(id)) drawn.set(id, await importableEmployers(db, id));
    for (const r of results) {
      if (!tasks.has(r.value.taskId)) note(r.line).reasons.push(`没有编号为 ${r.value.taskId} 的抽查任务`);
      // A random task's results belong to the employers its draw selected, and to no one else.
      const allowed = drawn.get(r.value.taskId);
      if (allowed instanceof Set && !allowed.has(r.value.uscc))
        note(r.line).reasons.push(`该单位不在任务 ${r.value.taskId} 公布的抽取结果中（非随机的重点检查任务除外）`);
      if (allowed === 'unchecked') note(r.line).warnings.push('该任务的抽取记录较大，未逐户核对是否为抽中对象');
      checkEnterprise(r.line, r.value.uscc, r.value.usccCheckValid, r.value.enterpriseName, '对象名称');
      if (pairs.has(`${r.value.taskId}\u0000${r.value.uscc}`)) note(r.line).reasons.push('该任务已有此对象的抽查结果，不会重复导入');
    }
  }
  return { extra, found, tasks };
}

function summary(kind: ImportKind, value: ImportRow): string {
  if (kind === 'penalties') {
    const p = value as PenaltyRow;
    const fine = p.fineFen !== null ? ` ${formatYuan(p.fineFen)}` : '';
    return `${p.decisionNo}｜${p.partyName}｜${severityLabels[p.severity]}｜${p.penaltyTypes.join('、')}${fine}`;
  }
  const s = value as SamplingRow;
  return `${s.taskId}｜${s.enterpriseName}｜${s.inspectedOn}｜${s.result}`;
}

async function buildReport(db: Db, file: ImportFile, today: string) {
  const sha256 = await sha256Hex(file.bytes);
  const base = { kind: file.kind, fileName: file.fileName, sha256, size: file.bytes.length };
  const previous = await findImportByHash(db, sha256);
  const alreadyImported = previous ? { at: previous.at, actor: previous.actor, rowCount: previous.rowCount } : null;
  const empty = { ...base, alreadyImported, total: 0, accepted: [], rejected: [], committable: false };
  if (file.bytes.length > MAX_IMPORT_BYTES)
    return { report: { ...empty, fileErrors: [`文件超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB，请拆分后分别导入`] }, rows: [] };
  const decoded = decodeCsv(file.bytes);
  if (!decoded.ok) return { report: { ...empty, fileErrors: [decoded.message] }, rows: [] };
  const checked = checkImportFile(file.kind, decoded.text, today);
  if (checked.fileErrors.length) return { report: { ...empty, fileErrors: checked.fileErrors }, rows: [] };

  const { extra, found, tasks } = await checkAgainstDatabase(db, file.kind, checked.rows);
  const report: ImportReport = {
    ...base,
    alreadyImported,
    fileErrors: [],
    total: checked.rows.length,
    accepted: [],
    rejected: [],
    committable: false,
  };
  const rows: { value: ImportRow; key: string; districtCode: string; legalRepresentative: string | null; taskKind: TaskKind | null }[] = [];
  for (const r of checked.rows) {
    const more = extra.get(r.line);
    if (!r.ok || more?.reasons.length) {
      report.rejected.push({ line: r.line, key: r.key, reasons: [...(r.ok ? [] : r.reasons), ...(more?.reasons ?? [])] });
      continue;
    }
    const penalty = file.kind === 'penalties' ? (r.value as PenaltyRow) : null;
    const masked = penalty ? maskingNotice(penalty, found.get(penalty.uscc)?.legalRepresentative ?? null) : [];
    report.accepted.push({
      line: r.line,
      key: r.key,
      summary: summary(file.kind, r.value),
      warnings: [...r.warnings, ...(more?.warnings ?? []), ...masked],
      publishUntil: penalty?.publishUntil ?? null,
      publicationDue: penalty ? publicationDue(penalty.decidedOn) : null,
    });
    const enterprise = found.get(r.value.uscc);
    rows.push({
      value: r.value,
      key: r.key,
      districtCode: enterprise?.districtCode ?? usccDistrictCode(r.value.uscc) ?? '',
      legalRepresentative: enterprise?.legalRepresentative ?? null,
      taskKind: file.kind === 'sampling_results' ? (tasks.get((r.value as SamplingRow).taskId)?.kind ?? null) : null,
    });
  }
  report.committable = !alreadyImported && report.rejected.length === 0 && report.accepted.length > 0;
  return { report, rows };
}

/** DOMAIN.md §8: staff see, before they commit, where a name in the text will be shown as 张某某. */
function maskingNotice(p: PenaltyRow, legalRepresentative: string | null): string[] {
  const shown = publicRecordDetail({ ...p, legalBasis: p.legalBasis, correctionNote: null, detail: null }, legalRepresentative);
  return shown.facts !== p.facts ? [`主要违法事实中的自然人姓名公开时将隐去，公众将看到：“${String(shown.facts)}”`] : [];
}

export async function previewImport(db: Db, file: ImportFile, today: string): Promise<ImportReport> {
  return (await buildReport(db, file, today)).report;
}

export interface ImportCommitResult {
  sha256: string;
  kind: ImportKind;
  fileName: string;
  rowCount: number;
  published: boolean;
}

const alreadyImportedError = (a: NonNullable<ImportReport['alreadyImported']>) =>
  new DomainError(
    'conflict',
    'already_imported',
    `该文件已于 ${formatChineseDateTime(new Date(a.at))} 由 ${a.actor} 导入（${a.rowCount} 行），没有重复导入任何内容。`,
  );

/**
 * All or nothing: a file with any rejected row is refused whole, and an accepted file is written in
 * one D1 batch (one transaction) of chunked statements together with its imports row and audit entry.
 * Imported penalties are drafts (publish: false) or published at once; sampling results are
 * published on the import date, as DOMAIN.md §7 wants them out within 20 working days of inspection.
 */
export async function commitImport(
  db: Db,
  clock: Clock,
  staff: Staff,
  file: ImportFile,
  options: { publish: boolean },
): Promise<ImportCommitResult> {
  try {
    return await commitAudited(db, clock, staff.actor, async (now) => {
      const today = todayInChina(now);
      const at = now.toISOString();
      const { report, rows } = await buildReport(db, file, today);
      if (report.alreadyImported) throw alreadyImportedError(report.alreadyImported);
      if (!report.committable) {
        const fields: FieldError[] = [
          ...report.fileErrors.map((message) => ({ path: 'file', message })),
          ...report.rejected.map((r) => ({ path: `line.${r.line}`, message: r.reasons.join('；') })),
        ];
        throw new DomainError(
          'invalid',
          'import_rejected',
          `文件未导入：${report.fileErrors.length ? '文件本身有问题' : `${report.rejected.length} 行未通过校验`}。整个文件都没有写入，请修改后重新上传。`,
          { fields },
        );
      }
      // Ids are chosen here, claimed by the guard in the batch (as for a record entered by hand), so
      // that the change log's rows can carry each record as the public will read it.
      const firstId = await nextRecordId(db);
      const records = rows.map((r, i) => importedRecord(file.kind, r, firstId + i, options.publish, today, at));
      const statements =
        file.kind === 'penalties'
          ? chunkRows(
              rows.map(
                ({ value, key }, i): PenaltyInsert => ({
                  ...(value as PenaltyRow),
                  id: records[i]!.id,
                  sourceKey: key,
                  status: records[i]!.status as PenaltyInsert['status'],
                  publishedOn: records[i]!.publishedOn,
                  createdAt: at,
                }),
              ),
            ).map((chunk) => insertPenaltiesStatement(db, chunk))
          : chunkRows(
              rows.map(({ value, key, districtCode }, i): SamplingInsert => {
                const record = records[i]!;
                return {
                  ...(value as SamplingRow),
                  id: record.id,
                  sourceKey: key,
                  districtCode,
                  severity: record.severity,
                  publishUntil: record.publishUntil,
                  title: record.title,
                  facts: record.facts!,
                  detail: record.detail!,
                  publishedOn: today,
                  createdAt: at,
                };
              }),
            ).flatMap((chunk) => insertSamplingStatements(db, chunk));
      // Rows the public sees from now on enter the change log in the same batch (DOMAIN.md §12).
      const logged = chunkRows(
        records.flatMap((record, i) =>
          changeTypeOf(null, record, today) === 'published'
            ? [
                {
                  at,
                  type: 'published' as const,
                  recordId: record.id,
                  uscc: record.uscc,
                  kind: record.kind,
                  reason: null,
                  record: sharedRecord(record, rows[i]!.legalRepresentative, today),
                },
              ]
            : [],
        ),
      ).map((chunk) => logChangesStatement(db, chunk));
      const result: ImportCommitResult = {
        sha256: report.sha256,
        kind: file.kind,
        fileName: file.fileName,
        rowCount: rows.length,
        published: file.kind === 'sampling_results' || options.publish,
      };
      return {
        action: 'import.committed',
        target: `import:${report.sha256}`,
        before: null,
        after: {
          ...result,
          kindLabel: importKindLabels[file.kind],
          firstKey: rows[0]?.key ?? null,
          lastKey: rows.at(-1)?.key ?? null,
          districts: [...new Set(rows.map((r) => districtName(r.districtCode)))],
        },
        guards: [importNotYetCommitted(report.sha256), recordIdFree(firstId)],
        statements: [
          ...statements,
          ...logged,
          insertImportStatement(db, {
            fileSha256: report.sha256,
            kind: file.kind,
            fileName: file.fileName,
            actor: staff.actor,
            rowCount: rows.length,
            at,
          }),
        ],
        result,
      };
    });
  } catch (error) {
    const text = `${(error as Error)?.message ?? ''} ${(error as { cause?: Error })?.cause?.message ?? ''}`;
    // Another import wrote some of the same rows between our check and our batch; nothing of ours was written.
    if (/UNIQUE constraint failed: (credit_records\.source_key|sampling_results\.|imports\.file_sha256)/.test(text)) {
      const previous = await findImportByHash(db, await sha256Hex(file.bytes));
      if (previous) throw alreadyImportedError(previous);
      throw new DomainError('conflict', 'conflict', '部分记录刚刚已由其他导入写入，本文件没有写入任何内容，请重新预览。');
    }
    throw error;
  }
}

/** An imported row as the credit record its insert writes (functions/db/queries/admin-imports.ts). */
function importedRecord(
  kind: ImportKind,
  row: { value: ImportRow; key: string; taskKind: TaskKind | null },
  id: number,
  publish: boolean,
  today: string,
  at: string,
): RecordRow {
  const { value, key: sourceKey } = row;
  const empty = {
    decisionNo: null,
    violationType: null,
    facts: null,
    legalBasis: null,
    penaltyTypes: null,
    penaltyContent: null,
    fineFen: null,
    detail: null,
    samplingResultId: null,
    withdrawnOn: null,
    withdrawalReason: null,
    repairedOn: null,
    correctionNote: null,
    handling: null,
    publicationId: null,
    // Computed by the database from decisionNo; the row built here is never inserted.
    decisionNoKey: null,
    createdAt: at,
    updatedAt: null,
  };
  if (kind === 'penalties') {
    const p = value as PenaltyRow;
    return {
      ...empty,
      id,
      sourceKey,
      uscc: p.uscc,
      kind: 'penalty',
      severity: p.severity,
      status: publish ? 'published' : 'draft',
      title: p.title,
      decisionNo: p.decisionNo,
      authority: p.authority,
      decidedOn: p.decidedOn,
      publishedOn: publish ? today : null,
      publishUntil: p.publishUntil,
      violationType: p.violationType,
      facts: p.facts,
      legalBasis: p.legalBasis,
      penaltyTypes: p.penaltyTypes,
      penaltyContent: p.penaltyContent,
      fineFen: p.fineFen,
    };
  }
  // DOMAIN.md §7: results are published on the import date, within 20 working days of the inspection.
  const r = value as SamplingRow;
  // Every accepted row names an existing task (checkAgainstDatabase), so its kind is known.
  const taskKind = row.taskKind ?? 'random';
  const severity = samplingResultSeverity[r.result];
  return {
    ...empty,
    id,
    sourceKey,
    uscc: r.uscc,
    kind: 'sampling_result',
    severity,
    status: 'published',
    title: samplingRecordTitle(taskKind, r.result),
    authority: r.authority,
    decidedOn: r.inspectedOn,
    publishedOn: today,
    publishUntil: publicationEnd(r.inspectedOn, severity),
    facts: samplingRecordFacts({ ...r, taskKind }),
    detail: { taskId: r.taskId, result: r.result, method: r.method, followUp: r.followUp },
  };
}

// ---------------------------------------------------------------------------------------------
// The console previews a file, then commits it with a button: between the two requests the file
// waits in R2 under its hash, so staff do not choose it twice and the commit is the file previewed.

const stagedKey = (sha256: string) => `imports/staged/${sha256}`;

export async function stageImportFile(files: R2Bucket, report: ImportReport, bytes: Uint8Array) {
  await files.put(stagedKey(report.sha256), bytes, { customMetadata: { kind: report.kind, fileName: report.fileName } });
}

export async function loadStagedImport(files: R2Bucket, sha256: string): Promise<ImportFile | null> {
  if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
  const object = await files.get(stagedKey(sha256));
  if (!object) return null;
  const kind = object.customMetadata?.kind;
  if (kind !== 'penalties' && kind !== 'sampling_results') return null;
  return { kind, fileName: object.customMetadata?.fileName ?? `${sha256}.csv`, bytes: new Uint8Array(await object.arrayBuffer()) };
}

export async function discardStagedImport(files: R2Bucket, sha256: string) {
  await files.delete(stagedKey(sha256)).catch(() => undefined);
}
