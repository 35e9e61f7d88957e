// The change log that keeps other platforms' copies true (DOMAIN.md §12, 国办发〔2025〕22号 and
// 令第36号): "After a repair, correction or withdrawal, every copy must change." What a change did
// to the public copy of a record is derived from the one visibility rule, publicView (§2), so the
// log, the snapshot exports and the profile cannot disagree about what the public may see.
import { EXPIRY_NOTICE, publicView, REPAIR_NOTICE } from './publication';
import { tombstoneChangeTypes, type ChangeType, type RecordStatus } from './vocabulary';

/** What the visibility rule reads of a record. */
export interface VisibleState {
  status: RecordStatus;
  publishUntil: string | null;
}

/**
 * The change a write made to the public copy of a record, or null when the public saw no
 * difference (a draft edited, a notice left as it was). Content the public sees in full is
 * `published` the first time and `corrected` after; content that stops being shown in full is a
 * tombstone: `withdrawn` (§2, §4), `repaired` (§3, 终止公示 and 停止共享) or `expired` (§2, the
 * 公示截止期 has come).
 */
export function changeTypeOf(before: VisibleState | null, after: VisibleState, today: string): ChangeType | null {
  const was = before ? publicView(before, today) : null;
  const is = publicView(after, today);
  if (is === 'full') return was === 'full' ? 'corrected' : 'published';
  if (was !== 'full') return null;
  if (is === 'notice') return after.status === 'repaired' ? 'repaired' : 'withdrawn';
  return 'expired';
}

export const isTombstone = (type: ChangeType) => (tombstoneChangeTypes as readonly ChangeType[]).includes(type);

/** Why a copy must drop the record: the withdrawal's own reason (§2 "with the reason"), the repair notice, or the end of the period. */
export function tombstoneReason(type: ChangeType, record: { withdrawalReason: string | null }): string | null {
  if (type === 'withdrawn') return record.withdrawalReason;
  if (type === 'repaired') return REPAIR_NOTICE;
  if (type === 'expired') return EXPIRY_NOTICE;
  return null;
}

/**
 * The latest change a record's present state implies, for data that was written without the log
 * (the demo seed): a record shown in full was published (or corrected, when it carries a note), a
 * withdrawn or repaired one was withdrawn or repaired, one past its period has expired.
 */
export function latestChangeOf(record: VisibleState & { correctionNote: string | null }, today: string): ChangeType | null {
  if (record.status === 'draft') return null;
  if (record.status === 'withdrawn' || record.status === 'repaired') return record.status;
  if (record.status === 'expired' || publicView(record, today) === null) return 'expired';
  return record.correctionNote ? 'corrected' : 'published';
}

/**
 * A logged change as it is handed out on `today`. "On that date it leaves the public site and the
 * API automatically" (§2): content whose 公示截止期 has come is given as expired even before the
 * daily job writes its tombstone, so the feed never shares what the profile no longer shows.
 */
export function changeSeenOn(type: ChangeType, record: VisibleState | null, today: string): ChangeType {
  if (isTombstone(type)) return type;
  return record && publicView(record, today) === 'full' ? type : 'expired';
}

/** Flags that belong to the record's content; the others (an objection or repair pending) are live states of the profile. */
export const SHARED_FLAGS = ['corrected'] as const;

/**
 * What a platform's copy holds of a public record: its content. Whether a case is pending on it
 * and whether repair may be asked today change without any change to the record, so they are read
 * from the profile (GET /api/v1/enterprises/{uscc}) and left out of the feed and the snapshot.
 */
export function shareableRecord<T extends { flags: readonly string[]; repair: unknown }>(record: T): T {
  return { ...record, flags: record.flags.filter((f) => (SHARED_FLAGS as readonly string[]).includes(f)), repair: null };
}

/** A page of the feed: 100 changes unless asked, at most 1,000 (the benchmark's page). */
export const CHANGE_PAGE = { default: 100, max: 1000 } as const;
