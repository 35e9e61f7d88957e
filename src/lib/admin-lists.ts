// Console pages for the lists the rules require: an officer's certificate status (系统管理员) and a
// bureau's quarterly 29号令 publication (发布员). Forms go through the same schemas and workflows as
// the staff API (functions/admin/officers.ts, functions/admin/violation-publications.ts).
import type { AstroGlobal } from 'astro';
import type { Staff } from '../../functions/auth/access';
import { changeOfficerStatus } from '../../functions/admin/officers';
import { OfficerStatusInputSchema } from '../../functions/admin/officer-input';
import { publishQuarter, quarterPreview } from '../../functions/admin/violation-publications';
import { QuarterPublicationInputSchema, type QuarterPublicationInput } from '../../functions/admin/publication-input';
import { lookUpOfficer } from '../../functions/disclosure/officer-lookup';
import type { OfficerRow } from '../../functions/db/queries/officers';
import { fieldErrorsFrom, type FieldError } from '../../functions/domain/errors';
import { MUNICIPAL_CODE } from '../../functions/domain/authorities';
import { addMonths } from '../../functions/domain/dates';
import { quarterOf, type Quarter } from '../../functions/domain/major-violations';
import { readStaffForm } from './admin-auth';
import { attempt, formValues, type FormOutcome } from './admin-forms';
import type { FormPage } from './admin-records';

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === 'string' ? v : '';
};

export async function officerStatusPage(
  Astro: AstroGlobal,
  staff: Staff,
  certificateNo: string,
): Promise<FormPage<{ officer: OfficerRow | null; message: string | null }>> {
  const db = Astro.locals.db;
  const found = await lookUpOfficer(db, certificateNo);
  const officer = found.ok ? found.row : null;
  const base = { redirect: null, officer, message: found.ok ? null : found.message };
  if (Astro.request.method !== 'POST' || !officer) return { ...base, errors: [], values: {}, status: found.ok ? 200 : 404 };
  const read = await readStaffForm(Astro, staff);
  if (!read.ok) return { ...base, errors: [{ path: 'form', message: read.message }], values: formValues(read.form), status: read.status };
  const parsed = OfficerStatusInputSchema.safeParse({ status: text(read.form, 'status') || undefined, reason: text(read.form, 'reason') });
  const outcome: FormOutcome<unknown> = parsed.success
    ? await attempt(() => changeOfficerStatus(db, Astro.locals.clock, staff, officer.certificateNo, parsed.data), 'status')
    : { ok: false, status: 422, errors: fieldErrorsFrom(parsed.error.issues) };
  if (outcome.ok) return { redirect: `/admin/officers/${officer.certificateNo}?done=status` };
  return { ...base, errors: outcome.errors, values: formValues(read.form), status: outcome.status };
}

/** The quarter most recently ended: what a bureau publishes next. */
export function lastEndedQuarter(today: string): { year: number; quarter: Quarter } {
  return quarterOf(addMonths(today, -3));
}

function quarterInput(source: (name: string) => string, today: string) {
  const fallback = lastEndedQuarter(today);
  return QuarterPublicationInputSchema.safeParse({
    bureauCode: source('bureauCode') || MUNICIPAL_CODE,
    year: Number(source('year') || fallback.year),
    quarter: Number(source('quarter') || fallback.quarter),
  });
}

export type QuarterPage = FormPage<{
  input: QuarterPublicationInput | null;
  preview: Awaited<ReturnType<typeof quarterPreview>> | null;
}>;

/** GET shows what the chosen bureau's quarter would publish; POST publishes it. */
export async function quarterPublicationPage(Astro: AstroGlobal, staff: Staff): Promise<QuarterPage> {
  const db = Astro.locals.db;
  const today = Astro.locals.clock.today();
  if (Astro.request.method !== 'POST') {
    const parsed = quarterInput((n) => Astro.url.searchParams.get(n) ?? '', today);
    if (!parsed.success)
      return { redirect: null, input: null, preview: null, errors: fieldErrorsFrom(parsed.error.issues), values: {}, status: 422 };
    return { redirect: null, input: parsed.data, preview: await quarterPreview(db, parsed.data), errors: [], values: {}, status: 200 };
  }
  const read = await readStaffForm(Astro, staff);
  const form = read.form;
  const parsed = quarterInput((n) => (form ? text(form, n) : ''), today);
  const input = parsed.success ? parsed.data : null;
  const preview = input ? await quarterPreview(db, input) : null;
  const page = { redirect: null, input, preview, values: formValues(form) };
  if (!read.ok) return { ...page, errors: [{ path: 'form', message: read.message }], status: read.status };
  if (!parsed.success) return { ...page, errors: fieldErrorsFrom(parsed.error.issues), status: 422 };
  const outcome = await attempt(() => publishQuarter(db, Astro.locals.clock, staff, parsed.data), 'quarter');
  if (outcome.ok) {
    const { publication } = outcome.value;
    const q = new URLSearchParams({
      bureauCode: publication.bureauCode,
      year: String(publication.year),
      quarter: String(publication.quarter),
    });
    return { redirect: `/admin/major-violations?${q}&done=published` };
  }
  return { ...page, errors: outcome.errors as FieldError[], status: outcome.status };
}
