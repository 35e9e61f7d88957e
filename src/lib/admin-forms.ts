// Staff console forms: form fields → the same zod schemas and the same workflows as the API
// (functions/admin/*), errors back as field errors for the GOV.UK-style error summary.
import type { z } from '@hono/zod-openapi';
import { DomainError, fieldErrorsFrom, type FieldError } from '../../functions/domain/errors';
import { AcceptanceInputSchema, ObjectionDecisionSchema, RepairDecisionSchema } from '../../functions/admin/case-input';
import { RecordInputSchema, WithdrawInputSchema } from '../../functions/admin/record-input';
import { statusOf } from '../../functions/http/status';
import type { RecordRow } from '../../functions/db/queries/admin-cases';
import { parseYuanToFen } from '../../functions/domain/import-rows';
import { SubscriptionInputSchema } from '../../functions/sync/subscription-input';

export type FormOutcome<T> = { ok: true; value: T } | { ok: false; status: number; errors: FieldError[] };

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === 'string' ? v : '';
};

/** Form values to show again after an error (files and the CSRF token excluded). */
export function formValues(form: FormData | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (!form) return out;
  for (const [k, v] of form.entries()) if (typeof v === 'string' && k !== 'csrf') out[k] = v;
  return out;
}

function parse<S extends z.ZodType>(schema: S, raw: unknown): FormOutcome<z.infer<S>> {
  const parsed = schema.safeParse(raw);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, status: 422, errors: fieldErrorsFrom(parsed.error.issues) };
}

/** Runs a workflow; its refusals become form errors, anything else is a real failure and propagates. */
export async function attempt<T>(work: () => Promise<T>, fallbackPath = 'form'): Promise<FormOutcome<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof DomainError)
      return {
        ok: false,
        status: statusOf(error.kind),
        errors: error.fields?.length ? error.fields : [{ path: fallbackPath, message: error.message }],
      };
    throw error;
  }
}

export const acceptanceFromForm = (form: FormData) =>
  parse(AcceptanceInputSchema, { decision: text(form, 'decision') || undefined, reason: text(form, 'reason') || undefined });

/** 罚款 in yuan as staff type it, or the field error. */
function fineFen(value: string): { fen: number | null; error: string | null } {
  if (value.trim() === '') return { fen: null, error: null };
  const fen = parseYuanToFen(value);
  return fen === null ? { fen: null, error: '罚款金额应为以元为单位的数字，最多两位小数' } : { fen, error: null };
}

const splitTypes = (value: string) =>
  value
    .split(/[、,，;；\s]+/u)
    .map((s) => s.trim())
    .filter(Boolean);

const CORRECTABLE_TEXT = ['title', 'decisionNo', 'authority', 'decidedOn', 'facts', 'legalBasis', 'penaltyContent', 'handling'] as const;

/**
 * A correction form is pre-filled with the record; only what staff actually changed is sent, so
 * the audit entry and the correction show exactly the amended fields.
 */
function correctionFromForm(form: FormData, record: RecordRow): { changes: Record<string, unknown>; errors: FieldError[] } {
  const changes: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  for (const field of CORRECTABLE_TEXT) {
    // A field the form did not show (相关处理情况 on other kinds) is not a change to an empty value.
    if (!form.has(`changes.${field}`)) continue;
    const value = text(form, `changes.${field}`).trim();
    if (value !== (record[field] ?? '')) changes[field] = value;
  }
  const severity = text(form, 'changes.severity');
  if (severity && severity !== record.severity) changes.severity = severity;
  const violationType = text(form, 'changes.violationType');
  if (violationType !== (record.violationType ?? '')) changes.violationType = violationType || null;
  const types = splitTypes(text(form, 'changes.penaltyTypes'));
  if (types.join('、') !== (record.penaltyTypes ?? []).join('、')) changes.penaltyTypes = types.length ? types : null;
  const fine = fineFen(text(form, 'changes.fineYuan'));
  if (fine.error) errors.push({ path: 'changes.fineYuan', message: fine.error });
  else if (fine.fen !== record.fineFen) changes.fineFen = fine.fen;
  return { changes, errors };
}

export function objectionDecisionFromForm(form: FormData, record: RecordRow | null) {
  const outcome = text(form, 'outcome');
  if (outcome === 'corrected') {
    const { changes, errors } = record ? correctionFromForm(form, record) : { changes: {}, errors: [] };
    const parsed = parse(ObjectionDecisionSchema, { outcome, correctionNote: text(form, 'correctionNote'), changes });
    if (errors.length) return { ok: false as const, status: 422, errors: [...errors, ...(parsed.ok ? [] : parsed.errors)] };
    return parsed;
  }
  return parse(ObjectionDecisionSchema, { outcome: outcome || undefined, reason: text(form, 'reason') });
}

export const repairDecisionFromForm = (form: FormData) => {
  const outcome = text(form, 'outcome');
  return parse(
    RepairDecisionSchema,
    outcome === 'approved'
      ? { outcome, note: text(form, 'note') || undefined }
      : { outcome: outcome || undefined, reason: text(form, 'reason') },
  );
};

export function recordFromForm(form: FormData) {
  const fine = fineFen(text(form, 'fineYuan'));
  const optional = (name: string) => text(form, name).trim() || null;
  const parsed = parse(RecordInputSchema, {
    uscc: text(form, 'uscc'),
    kind: text(form, 'kind') || undefined,
    severity: text(form, 'severity') || undefined,
    title: text(form, 'title'),
    decisionNo: optional('decisionNo'),
    authority: text(form, 'authority'),
    decidedOn: text(form, 'decidedOn'),
    violationType: optional('violationType'),
    facts: optional('facts'),
    legalBasis: optional('legalBasis'),
    penaltyTypes: splitTypes(text(form, 'penaltyTypes')),
    penaltyContent: optional('penaltyContent'),
    handling: optional('handling'),
    fineFen: fine.fen,
  });
  if (fine.error)
    return {
      ok: false as const,
      status: 422,
      errors: [{ path: 'fineYuan', message: fine.error }, ...(parsed.ok ? [] : parsed.errors.filter((e) => e.path !== 'fineFen'))],
    };
  if (!parsed.ok) return { ...parsed, errors: parsed.errors.map((e) => (e.path === 'fineFen' ? { ...e, path: 'fineYuan' } : e)) };
  return parsed;
}

export const withdrawalFromForm = (form: FormData) => parse(WithdrawInputSchema, { reason: text(form, 'reason') });

/** The registration form of /admin/webhooks: the change types are checkboxes; an empty secret means "make one". */
export const subscriptionFromForm = (form: FormData) =>
  parse(SubscriptionInputSchema, {
    name: text(form, 'name'),
    url: text(form, 'url'),
    events: form.getAll('events').filter((v): v is string => typeof v === 'string'),
    secret: text(form, 'secret').trim() || undefined,
  });
