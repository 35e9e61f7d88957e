// The complaint pages of the console (/admin/complaints/{reference}): the case, the decisions posted
// from it, and the identity view — all through the same workflows as the API (functions/complaints/staff.ts).
import type { AstroGlobal } from 'astro';
import type { Staff } from '../../functions/auth/access';
import type { Db } from '../../functions/db/client';
import { decideComplaint, loadStaffComplaint, viewComplainant, type StaffComplaintView } from '../../functions/complaints/staff';
import { ComplaintDecisionSchema } from '../../functions/complaints/staff-input';
import { DomainError, fieldErrorsFrom, type FieldError } from '../../functions/domain/errors';
import { readStaffForm } from './admin-auth';
import { attempt, formValues } from './admin-forms';

export interface ComplaintPage {
  redirect: string | null;
  view: StaffComplaintView | null;
  /** Shown only in the answer to the audited identity request, never kept in the page's URL. */
  complainant: { name: string; phone: string; email: string | null } | null;
  errors: FieldError[];
  values: Record<string, string>;
  status: number;
  done: string | null;
}

async function load(db: Db, reference: string, today: string) {
  try {
    return await loadStaffComplaint(db, reference, today);
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'not_found') return null;
    throw error;
  }
}

const DECISION_FIELDS = ['decision', 'reason', 'authority', 'outcome', 'penaltyRecordId'] as const;

export async function complaintPage(Astro: AstroGlobal, staff: Staff, reference: string): Promise<ComplaintPage> {
  const { clock } = Astro.locals;
  const view = await load(Astro.locals.db, reference, clock.today());
  const page: ComplaintPage = { redirect: null, view, complainant: null, errors: [], values: {}, status: view ? 200 : 404, done: null };
  if (Astro.request.method !== 'POST' || !view) return { ...page, done: Astro.url.searchParams.get('done') };
  const read = await readStaffForm(Astro, staff);
  if (!read.ok) return { ...page, errors: [{ path: 'form', message: read.message }], values: formValues(read.form), status: read.status };
  const { form } = read;
  const db = Astro.locals.db;
  if (form.get('action') === 'identity') {
    const shown = await attempt(() => viewComplainant(db, clock, staff, view.reference));
    if (!shown.ok) return { ...page, errors: shown.errors, status: shown.status };
    return { ...page, view: await load(Astro.locals.db, reference, clock.today()), complainant: shown.value.complainant };
  }
  const raw = Object.fromEntries(DECISION_FIELDS.map((k) => [k, String(form.get(k) ?? '').trim() || undefined]));
  const parsed = ComplaintDecisionSchema.safeParse(raw);
  const outcome = parsed.success
    ? await attempt(() => decideComplaint(db, clock, staff, view.reference, parsed.data))
    : { ok: false as const, status: 422, errors: fieldErrorsFrom(parsed.error.issues) };
  // Post/redirect/get: a refresh after a decision does not post it again.
  if (outcome.ok) return { ...page, redirect: `${Astro.url.pathname}?done=${raw.decision}` };
  return {
    ...page,
    view: (await load(Astro.locals.db, reference, clock.today())) ?? view,
    errors: outcome.errors,
    values: formValues(form),
    status: outcome.status,
  };
}
