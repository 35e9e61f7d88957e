// The no-JavaScript complaint form (/complaints/new): a plain POST, read, validated and filed by the
// same use case as POST /api/v1/complaints (functions/complaints/receive-complaint.ts), answers kept
// on error. A GET with ?q= finds the employer with the /credit lookup; ?uscc= fills it in.
import type { Db } from '../../functions/db/client';
import { searchEnterprises, type SearchItem } from '../../functions/db/queries/enterprise-search';
import { findEnterprise } from '../../functions/db/queries/enterprises';
import { receiveComplaint } from '../../functions/complaints/receive-complaint';
import type { ComplaintReceipt } from '../../functions/complaints/submit-complaint';
import type { Clock } from '../../functions/domain/clock';
import type { FieldError } from '../../functions/domain/errors';
import { parseUscc } from '../../functions/domain/uscc';
import { fileFormSubmission } from './case-form';

export interface ComplaintFormState {
  status: number;
  values: Record<string, string>;
  errors: FieldError[];
  receipt: ComplaintReceipt | null;
  /** Idempotency token of this form instance: a double submit or a refresh files one case. */
  token: string;
  /** The employer lookup: what was asked and what matched (at most 10). */
  lookup: { q: string; items: SearchItem[]; total: number } | null;
}

const GENERAL_FIELD = 'facts';
const MAX_LOOKUP = 10;

async function prefill(db: Db, url: URL, today: string): Promise<Pick<ComplaintFormState, 'values' | 'lookup'>> {
  const values: Record<string, string> = {};
  const kind = url.searchParams.get('kind');
  if (kind === 'complaint' || kind === 'report') values.kind = kind;
  const code = parseUscc(url.searchParams.get('uscc') ?? '');
  if (code.ok) {
    const found = await findEnterprise(db, code.code);
    if (found) Object.assign(values, { 'employer.uscc': found.uscc, 'employer.name': found.name, 'employer.address': found.address });
  }
  const q = (url.searchParams.get('q') ?? '').trim().slice(0, 100);
  if (!q) return { values, lookup: null };
  const result = await searchEnterprises(db, { q, district: null, page: 1, pageSize: MAX_LOOKUP }, today);
  return { values, lookup: { q, items: result.items, total: result.total } };
}

export async function handleComplaintForm(request: Request, url: URL, clock: Clock, db: Db): Promise<ComplaintFormState> {
  if (request.method !== 'POST') {
    return { status: 200, errors: [], receipt: null, token: crypto.randomUUID(), ...(await prefill(db, url, clock.today())) };
  }
  const posted = await fileFormSubmission(request, clock, db, GENERAL_FIELD, receiveComplaint);
  // Nothing typed is echoed back on the confirmation: it may be shown on a shared screen.
  if (posted.ok) return { status: 201, values: {}, errors: [], receipt: posted.receipt, token: posted.token, lookup: null };
  return { status: posted.status, values: posted.values, errors: posted.errors, receipt: null, token: posted.token, lookup: null };
}
