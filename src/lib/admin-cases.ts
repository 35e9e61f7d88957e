// The case page of the console (/admin/objections/{reference}, /admin/repairs/{reference}): shows
// the case and runs the decision posted from it through the same workflow as the API.
import type { AstroGlobal } from 'astro';
import { DomainError, type FieldError } from '../../functions/domain/errors';
import type { Staff } from '../../functions/auth/access';
import type { Db } from '../../functions/db/client';
import { decideAcceptance, decideObjection, decideRepair, loadStaffCase, type StaffCaseView } from '../../functions/admin/case-decisions';
import type { CaseKind } from '../../functions/domain/vocabulary';
import { readStaffForm } from './admin-auth';
import {
  acceptanceFromForm,
  attempt,
  formValues,
  objectionDecisionFromForm,
  repairDecisionFromForm,
  type FormOutcome,
} from './admin-forms';

/** The two case queues of the console: their address and their name in the navigation. */
export const caseQueues: Record<CaseKind, { path: string; label: string }> = {
  objection: { path: '/admin/objections', label: '异议申诉' },
  repair: { path: '/admin/repairs', label: '信用修复' },
};

/** The kind of case a console path segment (objections, repairs) names, or null. */
export function queueOf(segment: string | undefined): CaseKind | null {
  const found = (Object.entries(caseQueues) as [CaseKind, { path: string }][]).find(([, q]) => q.path === `/admin/${segment}`);
  return found?.[0] ?? null;
}

export type CasePage =
  | { redirect: string }
  | {
      redirect: null;
      view: StaffCaseView | null;
      errors: FieldError[];
      values: Record<string, string>;
      status: number;
      done: string | null;
    };

async function load(db: Db, kind: CaseKind, reference: string, today: string): Promise<StaffCaseView | null> {
  try {
    return await loadStaffCase(db, kind, reference, today);
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'not_found') return null;
    throw error;
  }
}

export async function casePage(Astro: AstroGlobal, staff: Staff, kind: CaseKind, reference: string): Promise<CasePage> {
  const { clock } = Astro.locals;
  const view = await load(Astro.locals.db, kind, reference, clock.today());
  const done = Astro.url.searchParams.get('done');
  if (Astro.request.method !== 'POST' || !view) return { redirect: null, view, errors: [], values: {}, status: view ? 200 : 404, done };

  const read = await readStaffForm(Astro, staff);
  if (!read.ok)
    return {
      redirect: null,
      view,
      errors: [{ path: 'form', message: read.message }],
      values: formValues(read.form),
      status: read.status,
      done: null,
    };
  const { form } = read;
  const db = Astro.locals.db;
  const action = String(form.get('action') ?? '');
  let outcome: FormOutcome<unknown>;
  if (action === 'acceptance') {
    const input = acceptanceFromForm(form);
    outcome = input.ok ? await attempt(() => decideAcceptance(db, clock, staff, kind, view.reference, input.value)) : input;
  } else if (action === 'decision' && kind === 'objection') {
    const input = objectionDecisionFromForm(form, (view.record as Parameters<typeof objectionDecisionFromForm>[1]) ?? null);
    outcome = input.ok ? await attempt(() => decideObjection(db, clock, staff, view.reference, input.value)) : input;
  } else if (action === 'decision') {
    const input = repairDecisionFromForm(form);
    outcome = input.ok ? await attempt(() => decideRepair(db, clock, staff, view.reference, input.value)) : input;
  } else {
    outcome = { ok: false, status: 400, errors: [{ path: 'form', message: '未知的操作，请刷新页面后重试。' }] };
  }
  // Post/redirect/get: a refresh after a decision does not post it again.
  if (outcome.ok) return { redirect: `${Astro.url.pathname}?done=${action}` };
  return {
    redirect: null,
    view: (await load(Astro.locals.db, kind, reference, clock.today())) ?? view,
    errors: outcome.errors,
    values: formValues(form),
    status: outcome.status,
    done: null,
  };
}
