// The records of an ordinary (not scripted) employer, shaped by the class it is generated
// towards: A has no violation in the assessment year, B one or two ordinary ones, C meets a C
// condition of DOMAIN.md §5, unassessed employers are new or no longer operating. The stored
// grade is then computed from the records, so the two can never disagree.
import { addMonths } from '../../functions/domain/dates.ts';
import { dayNumber, randomDate, randomDateIn, shiftDays, yearOf, type DateRange } from './days.ts';
import { unitHash } from './prng.ts';
import { earliestRemovalOn } from '../../functions/domain/wage-arrears-list.ts';
import {
  ORDINARY_TEMPLATES,
  childLabour,
  commitmentBreachRecord,
  listingRecord,
  majorViolationRecord,
  noPenaltyRecord,
  obstruction,
  penaltyRecord,
  refusal,
  wageArrears,
  withdraw,
  type ListingCause,
  type RecordContext,
  type RecordDraft,
} from './records.ts';

interface Windows {
  /** The assessment year, within the employer's lifetime. */
  assessed: DateRange;
  /** Its lifetime within the last four years, outside the assessment year. */
  other: DateRange[];
  all: DateRange;
}

/** The dates every profile is drawn within, fixed by the "as of" date. */
export interface Period {
  gradeYear: number;
  /** Records go back four years: the longest publication period plus one. */
  earliest: string;
  /** Ten days ago, so that every decision is published by today. */
  latest: string;
}

export function periodOf(today: string): Period {
  return { gradeYear: yearOf(today) - 1, earliest: addMonths(today, -48), latest: shiftDays(today, -10) };
}

function windows(ctx: RecordContext, period: Period): Windows {
  const registered = shiftDays(ctx.enterprise.registeredOn, 60);
  // biome-ignore lint/complexity/useMathMinMax: ISO dates, compared as strings.
  const from = registered > period.earliest ? registered : period.earliest;
  const to = period.latest;
  const yearStart = `${period.gradeYear}-01-01`;
  const yearEnd = `${period.gradeYear}-12-31`;
  return {
    assessed: { from: from > yearStart ? from : yearStart, to: to < yearEnd ? to : yearEnd },
    other: [
      { from, to: shiftDays(yearStart, -1) },
      { from: shiftDays(yearEnd, 1), to },
    ],
    all: { from, to },
  };
}

const OTHER_CASES: readonly (readonly [number, number])[] = [
  [0, 10],
  [1, 20],
  [2, 25],
  [3, 20],
  [4, 15],
  [5, 10],
];

const STREAM_LISTED = 312;
const STREAM_MAJOR = 313;

/**
 * One investigation without any C condition: mostly a penalty, sometimes a breached 告知承诺. A
 * serious one is often also published under 29号令 (same case number, so the grade counts it once).
 * Before the assessment year a few wage cases went as far as the 名单: their C condition lies
 * outside the year the grade looks at, and the lists get the years of entries they have in reality.
 * Both are decided by hashes, so the values drawn for everything else do not move.
 */
function ordinaryCase(ctx: RecordContext, decidedOn: string): RecordDraft[] {
  const key = [ctx.enterprise.id, dayNumber(decidedOn)];
  if (decidedOn < `${yearOf(ctx.today) - 2}-11-01` && unitHash(STREAM_LISTED, ...key) < 0.03)
    return listedWageCase(
      ctx,
      decidedOn,
      unitHash(STREAM_LISTED, ...key, 1) < 0.8 ? 'groupIncident' : 'criminalLiability',
      true,
      'sometimes',
    );
  if (ctx.rng.chance(0.05)) return [commitmentBreachRecord(ctx, decidedOn)];
  const penalty = penaltyRecord(ctx, ctx.rng.weighted(ORDINARY_TEMPLATES)(ctx.rng, decidedOn), decidedOn);
  const withdrawnOn = shiftDays(decidedOn, ctx.rng.between(15, 60));
  if (penalty.row.status === 'published' && withdrawnOn < ctx.today && ctx.rng.chance(0.006)) withdraw(ctx, penalty, withdrawnOn);
  const major =
    penalty.row.severity === 'serious' && penalty.row.status === 'published' && unitHash(STREAM_MAJOR, ...key) < 0.5
      ? majorViolationRecord(ctx, penalty)
      : null;
  return major ? [penalty, major] : [penalty];
}

/**
 * 拖欠农民工工资 that reached the 名单: penalty, listing a month or two later, often a 重大违法
 * publication. `removal`: whether the employer, having paid, is removed early (提前移出) — always,
 * never, or for about a third of listings (decided by a hash, so no other value moves).
 */
export function listedWageCase(
  ctx: RecordContext,
  decidedOn: string,
  cause: ListingCause,
  publishMajor: boolean,
  removal: 'always' | 'never' | 'sometimes' = 'never',
): RecordDraft[] {
  const draft = wageArrears(ctx.rng, decidedOn, 'serious');
  // The C condition is a fact of the case, so the penalty carries it too: the listing may fall into the next year.
  const penalty = penaltyRecord(ctx, { ...draft, detail: { ...draft.detail, [cause]: true } }, decidedOn);
  const listedOn = shiftDays(decidedOn, ctx.rng.between(30, 60));
  const out = [penalty];
  if (listedOn < ctx.today) out.push(listingRecord(ctx, penalty, listedOn, cause, removalDay(ctx, listedOn, removal)));
  const major = publishMajor ? majorViolationRecord(ctx, penalty) : null;
  return major ? [...out, major] : out;
}

const STREAM_REMOVAL = 311;

/** 45号令: removal is possible 6 months after listing; it comes within the following 4 months. */
function removalDay(ctx: RecordContext, listedOn: string, removal: 'always' | 'never' | 'sometimes'): string | null {
  const key = [STREAM_REMOVAL, ctx.enterprise.id, dayNumber(listedOn)];
  if (removal === 'never' || (removal === 'sometimes' && unitHash(...key, 0) >= 0.25)) return null;
  const day = shiftDays(earliestRemovalOn(listedOn), Math.floor(unitHash(...key, 1) * 120));
  return day < ctx.today ? day : null;
}

function flaggedCase(ctx: RecordContext, decidedOn: string): RecordDraft[] {
  const { rng } = ctx;
  const kind = rng.weighted<'child' | 'obstruction' | 'refusal' | 'wages'>([
    ['child', 20],
    ['obstruction', 25],
    ['refusal', 25],
    ['wages', 30],
  ]);
  if (kind === 'wages')
    return listedWageCase(ctx, decidedOn, rng.chance(0.8) ? 'groupIncident' : 'criminalLiability', rng.chance(0.6), 'sometimes');
  const template = kind === 'child' ? childLabour : kind === 'obstruction' ? obstruction : refusal;
  const penalty = penaltyRecord(ctx, template(rng, decidedOn), decidedOn);
  const major = kind === 'child' && rng.chance(0.5) ? majorViolationRecord(ctx, penalty) : null;
  return major ? [penalty, major] : [penalty];
}

function casesIn(ctx: RecordContext, count: number, pickDate: () => string | null, build = ordinaryCase): RecordDraft[] {
  const out: RecordDraft[] = [];
  for (let k = 0; k < count; k++) {
    const date = pickDate();
    if (date) out.push(...build(ctx, date));
  }
  return out;
}

export function randomProfile(ctx: RecordContext, period: Period): RecordDraft[] {
  const { rng, enterprise } = ctx;
  const w = windows(ctx, period);
  if (w.all.to < w.all.from) return [];
  const inAssessed = () => randomDate(rng, w.assessed);
  const inOther = () => randomDateIn(rng, w.other);
  const anywhere = () => randomDate(rng, w.all);
  const lenient = rng.chance(0.2) ? [noPenaltyRecord(ctx, anywhere()!)] : [];

  switch (enterprise.cls) {
    case 'A':
      return [...casesIn(ctx, rng.weighted(OTHER_CASES), inOther), ...lenient];
    case 'B':
      return [...casesIn(ctx, rng.chance(0.7) ? 1 : 2, inAssessed), ...casesIn(ctx, rng.weighted(OTHER_CASES), inOther), ...lenient];
    case 'C': {
      const assessed = rng.chance(0.5)
        ? casesIn(ctx, rng.between(3, 4), inAssessed)
        : [...casesIn(ctx, 1, inAssessed, flaggedCase), ...casesIn(ctx, rng.between(0, 1), inAssessed)];
      return [...assessed, ...casesIn(ctx, rng.weighted(OTHER_CASES.slice(0, 4)), inOther), ...lenient];
    }
    case 'none': {
      if (enterprise.status === 'active') return [...casesIn(ctx, rng.weighted(OTHER_CASES.slice(0, 3)), anywhere), ...lenient];
      const listed =
        enterprise.status === 'revoked' && rng.chance(0.05)
          ? casesIn(ctx, 1, anywhere, (c, d) => listedWageCase(c, d, 'groupIncident', true))
          : [];
      return [...casesIn(ctx, rng.weighted(OTHER_CASES), anywhere), ...listed, ...lenient];
    }
  }
}
