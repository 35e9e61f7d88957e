// Console pages for records: entering one by hand, publishing a draft, withdrawing with a reason.
import type { AstroGlobal } from 'astro';
import { DomainError, type FieldError } from '../../functions/domain/errors';
import type { Staff } from '../../functions/auth/access';
import type { Db } from '../../functions/db/client';
import { createRecord, loadStaffRecord, publishRecord, withdrawRecord, type StaffRecordView } from '../../functions/admin/records';
import { readStaffForm } from './admin-auth';
import { attempt, formValues, recordFromForm, withdrawalFromForm, type FormOutcome } from './admin-forms';

export type FormPage<T> =
  | { redirect: string }
  | ({ redirect: null; errors: FieldError[]; values: Record<string, string>; status: number } & T);

export async function newRecordPage(Astro: AstroGlobal, staff: Staff): Promise<FormPage<object>> {
  if (Astro.request.method !== 'POST') return { redirect: null, errors: [], values: {}, status: 200 };
  const read = await readStaffForm(Astro, staff);
  if (!read.ok)
    return { redirect: null, errors: [{ path: 'form', message: read.message }], values: formValues(read.form), status: read.status };
  const input = recordFromForm(read.form);
  const outcome = input.ok ? await attempt(() => createRecord(Astro.locals.db, Astro.locals.clock, staff, input.value)) : input;
  if (outcome.ok) return { redirect: `/admin/records/${outcome.value.id}?done=created` };
  return { redirect: null, errors: outcome.errors, values: formValues(read.form), status: outcome.status };
}

async function load(db: Db, id: number, today: string): Promise<StaffRecordView | null> {
  try {
    return await loadStaffRecord(db, id, today);
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'not_found') return null;
    throw error;
  }
}

export async function recordPage(
  Astro: AstroGlobal,
  staff: Staff,
  idParam: string,
): Promise<FormPage<{ record: StaffRecordView | null; done: string | null }>> {
  const id = /^\d{1,12}$/.test(idParam) ? Number(idParam) : 0;
  const { clock } = Astro.locals;
  const record = id ? await load(Astro.locals.db, id, clock.today()) : null;
  const done = Astro.url.searchParams.get('done');
  if (Astro.request.method !== 'POST' || !record)
    return { redirect: null, record, errors: [], values: {}, status: record ? 200 : 404, done };
  const read = await readStaffForm(Astro, staff);
  if (!read.ok)
    return {
      redirect: null,
      record,
      errors: [{ path: 'form', message: read.message }],
      values: formValues(read.form),
      status: read.status,
      done: null,
    };
  const db = Astro.locals.db;
  const action = String(read.form.get('action') ?? '');
  let outcome: FormOutcome<unknown>;
  if (action === 'publish') outcome = await attempt(() => publishRecord(db, clock, staff, id));
  else if (action === 'withdraw') {
    const input = withdrawalFromForm(read.form);
    outcome = input.ok ? await attempt(() => withdrawRecord(db, clock, staff, id, input.value.reason), 'reason') : input;
  } else outcome = { ok: false, status: 400, errors: [{ path: 'form', message: '未知的操作，请刷新页面后重试。' }] };
  if (outcome.ok) return { redirect: `/admin/records/${id}?done=${action}` };
  return {
    redirect: null,
    record: (await load(Astro.locals.db, id, clock.today())) ?? record,
    errors: outcome.errors,
    values: formValues(read.form),
    status: outcome.status,
    done: null,
  };
}
