// The import page: upload → preview report (nothing written; the file waits in R2 under its hash)
// → commit of exactly the previewed file, or nothing. Same workflow as POST /api/v1/admin/imports.
import { env } from 'cloudflare:workers';
import type { AstroGlobal } from 'astro';
import type { FieldError } from '../../functions/domain/errors';
import type { Staff } from '../../functions/auth/access';
import { ImportFormSchema, importFileName } from '../../functions/admin/import-input';
import {
  commitImport,
  discardStagedImport,
  loadStagedImport,
  previewImport,
  stageImportFile,
  type ImportReport,
} from '../../functions/admin/import';
import { MAX_IMPORT_BYTES } from '../../functions/domain/import-rows';
import { readStaffForm } from './admin-auth';
import { attempt, formValues } from './admin-forms';
import { fieldErrorsFrom } from '../../functions/domain/errors';

export type ImportPage =
  | { redirect: string }
  | { redirect: null; report: ImportReport | null; publish: boolean; errors: FieldError[]; values: Record<string, string>; status: number };

export async function importPage(Astro: AstroGlobal, staff: Staff): Promise<ImportPage> {
  const idle: Extract<ImportPage, { redirect: null }> = {
    redirect: null,
    report: null,
    publish: false,
    errors: [],
    values: {},
    status: 200,
  };
  if (Astro.request.method !== 'POST') return idle;
  if (Number(Astro.request.headers.get('Content-Length') ?? 0) > MAX_IMPORT_BYTES + 64 * 1024) {
    return { ...idle, errors: [{ path: 'file', message: `文件超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB，请拆分后分别导入` }], status: 413 };
  }
  const read = await readStaffForm(Astro, staff);
  if (!read.ok) return { ...idle, values: formValues(read.form), errors: [{ path: 'form', message: read.message }], status: read.status };
  const { form } = read;
  const values = formValues(form);
  const db = Astro.locals.db;

  if (form.get('action') === 'commit') {
    const sha256 = String(form.get('sha256') ?? '');
    const publish = form.get('publish') === 'true';
    const file = await loadStagedImport(env.FILES, sha256);
    if (!file) return { ...idle, values, errors: [{ path: 'file', message: '预检的文件已失效，请重新上传并预检。' }], status: 410 };
    const outcome = await attempt(() => commitImport(db, Astro.locals.clock, staff, file, { publish }), 'file');
    if (outcome.ok) {
      await discardStagedImport(env.FILES, sha256);
      return { redirect: `/admin/imports?done=${outcome.value.rowCount}&kind=${outcome.value.kind}` };
    }
    // The report again, so staff see why (e.g. a row imported by someone else meanwhile).
    const report = await previewImport(db, file, Astro.locals.clock.today());
    return { redirect: null, report, publish, values, errors: outcome.errors.slice(0, 1), status: outcome.status };
  }

  const parsed = ImportFormSchema.safeParse({
    kind: form.get('kind') ?? undefined,
    file: form.get('file') ?? undefined,
    publish: form.get('publish') ?? undefined,
  });
  if (!parsed.success) return { ...idle, values, errors: fieldErrorsFrom(parsed.error.issues), status: 422 };
  const bytes = new Uint8Array(await parsed.data.file.arrayBuffer());
  const report = await previewImport(
    db,
    { kind: parsed.data.kind, fileName: importFileName(parsed.data.file.name), bytes },
    Astro.locals.clock.today(),
  );
  if (report.committable) await stageImportFile(env.FILES, report, bytes);
  return { redirect: null, report, publish: parsed.data.publish, values, errors: [], status: 200 };
}
