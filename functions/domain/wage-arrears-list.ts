// 拖欠农民工工资失信联合惩戒对象名单, 人社部令第45号 (DOMAIN.md §6): who is named with a listed
// employer, how long the listing runs and when it may end early. A listing is a credit record of
// kind `wage_arrears_list`, always 严重, public for 3 years from the listing decision (§2).
import { addMonths } from './dates';
import { publicView } from './publication';
import type { RecordStatus } from './vocabulary';

/** "term 3 years" — the same 36 months as any serious record (publication.ts). */
export const LISTING_TERM_MONTHS = 36;
/** "early removal possible 6 months after paying in full plus a 守信承诺". */
export const EARLY_REMOVAL_AFTER_MONTHS = 6;

export const earliestRemovalOn = (listedOn: string) => addMonths(listedOn, EARLY_REMOVAL_AFTER_MONTHS);

/** A person listed with the employer: the name and the capacity, nothing else (never an ID number). */
export interface ListedPerson {
  name: string;
  role: string;
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/**
 * "the employer and its 法定代表人/主要负责人/直接责任人员 are listed": the legal representative
 * and the responsible persons of the listing's detail, by name and role only. Whatever else the
 * case file holds about them (ID and phone numbers, addresses) is never picked up here.
 */
export function listedPersons(detail: Record<string, unknown> | null | undefined): ListedPerson[] {
  if (!detail) return [];
  const out: ListedPerson[] = [];
  const legal = text(detail.legalRepresentative);
  if (legal) out.push({ name: legal, role: '法定代表人' });
  const principal = text(detail.principal);
  if (principal) out.push({ name: principal, role: '主要负责人' });
  const responsible = Array.isArray(detail.responsiblePersons) ? detail.responsiblePersons : [];
  for (const p of responsible) {
    const person = typeof p === 'object' && p !== null ? (p as Record<string, unknown>) : {};
    const name = text(person.name);
    // A masked name (张某某) is not a listed person's: the list names people, or nobody.
    if (name && !name.includes('某')) out.push({ name, role: text(person.role) ?? '直接责任人员' });
  }
  return out.filter((p, i) => out.findIndex((q) => q.name === p.name && q.role === p.role) === i);
}

/** How a listing stands for the public: in force, ended early (提前移出) or withdrawn; null when not shown. */
export type ListingState = 'listed' | 'removed' | 'withdrawn';

export function listingState(r: { status: RecordStatus; publishUntil: string | null }, today: string): ListingState | null {
  const view = publicView(r, today);
  if (view === 'full') return 'listed';
  if (view === 'notice') return r.status === 'repaired' ? 'removed' : 'withdrawn';
  return null;
}
