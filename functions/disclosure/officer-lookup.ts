// From what a person typed or scanned to an officer's public credential, or the precise reason why
// not — one path for GET /api/v1/officers/{certificateNo}, the officer's page and the staff console.
import type { Db } from '../db/client';
import { findOfficer, officerTasks, toPublicOfficer, type OfficerRow, type OfficerTask, type PublicOfficer } from '../db/queries/officers';
import { DomainError, type ErrorKind } from '../domain/errors';
import { parseCertificateNo } from '../domain/officers';

export type OfficerLookup =
  | { ok: true; row: OfficerRow }
  | { ok: false; kind: Extract<ErrorKind, 'malformed' | 'not_found'>; code: 'invalid_certificate_no' | 'not_found'; message: string };

/** Malformed → 400 `invalid_certificate_no`; well-formed but unknown → 404 `not_found`, each saying what to do at the door. */
export async function lookUpOfficer(db: Db, input: string): Promise<OfficerLookup> {
  const parsed = parseCertificateNo(input);
  if (!parsed.ok) return { ok: false, kind: 'malformed', code: 'invalid_certificate_no', message: parsed.message };
  const row = await findOfficer(db, parsed.certificateNo);
  if (!row)
    return {
      ok: false,
      kind: 'not_found',
      code: 'not_found',
      message: `未查到执法证号为 ${parsed.certificateNo} 的执法人员。请核对证号；无法核实对方身份的，可以拒绝检查，并拨打 12333 反映。`,
    };
  return { ok: true, row };
}

export async function requireOfficer(db: Db, input: string): Promise<OfficerRow> {
  const found = await lookUpOfficer(db, input);
  if (!found.ok) throw new DomainError(found.kind, found.code, found.message);
  return found.row;
}

export interface OfficerCard {
  officer: PublicOfficer;
  /** The published draws that named this officer, newest first. */
  tasks: OfficerTask[];
}

/** The credential and the published tasks, as the API answers and the page shows. */
export async function officerCard(db: Db, row: OfficerRow, today: string): Promise<OfficerCard> {
  return { officer: toPublicOfficer(row, today), tasks: await officerTasks(db, row.certificateNo) };
}
