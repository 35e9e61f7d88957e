// Every feed of the site (DESIGN.md: feeds) is written here, through the `feed` package: the site's
// name, author and language once, entries in, an RSS 2.0 or Atom 1.0 document out.
//
// What the package leaves to its caller, and this module therefore does:
// - Characters XML 1.0 forbids (C0 controls but tab, LF and CR; U+FFFE, U+FFFF; lone surrogates)
//   pass through it untouched and make the whole document unreadable, so every text is cleaned.
// - Entry titles and summaries go out as HTML (Atom type="html"; RSS, where readers treat them as
//   HTML too) inside CDATA, so plain text is HTML-escaped first. That also keeps "]]>" out of the
//   CDATA sections, which the package's serializer (xml-js) splits only at the first occurrence.
// - Given no date, it stamps the document with the wall clock, which nothing here may read
//   (DOMAIN.md §9): the document is dated by its newest entry, or by the day it was made as of.
// - Atom has no language option, so xml:lang is added to the root element.
import { Feed, type Item } from 'feed';
import type { RecentNotice } from '../../functions/db/queries/changes';
import { recordNotice } from '../../functions/db/queries/penalties';
import { formatChineseDate } from '../../functions/domain/dates';
import { recordHeading, recordStatusLabels } from '../../functions/domain/labels';

export const siteName = '人社监管公示与信用查询';
export const feedAuthor = '人力资源和社会保障局';
const language = 'zh-CN';

export type FeedFormat = 'rss' | 'atom';

export const feedContentTypes: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
};

export interface FeedEntry {
  /** Unique for what the entry says, an absolute URL; defaults to the link (a permalink in RSS). */
  id?: string;
  /** Plain text. */
  title: string;
  /** A path on the site or an absolute URL. */
  link: string;
  /** When the entry last changed: a Beijing calendar date (YYYY-MM-DD) or an instant. */
  date: string | Date;
  /** Plain text; each line becomes a paragraph. */
  summary?: string | string[];
  /** Plain-text labels (case category, district, violation type…). */
  categories?: string[];
}

export interface FeedSpec {
  format: FeedFormat;
  /** Plain text; the site's name is appended. */
  title: string;
  description: string;
  /** The site's origin or any URL on it: paths are resolved against it. */
  site: URL | string;
  /** The page this feed follows. */
  page: string;
  /** The feed's own address. */
  self: string;
  /** Atom's feed id; defaults to the page's URL. */
  id?: string;
  /** The date of a feed with no entries (YYYY-MM-DD), normally today from the injected clock. */
  asOf: string;
  entries: FeedEntry[];
}

// Everything outside XML 1.0's Char production that a JavaScript string can hold. With the u flag a
// surrogate pair is one code point, so the surrogate range matches only unpaired halves.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point.
const notXmlChar = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/gu;

/** The text without the characters XML 1.0 forbids. */
export function xmlText(text: string): string {
  return text.replace(notXmlChar, '');
}

/** Plain text as HTML (for the fields the package marks type="html"), cleaned for XML. */
export function htmlText(text: string): string {
  return xmlText(text).replace(/[&<>]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : '&gt;'));
}

/** A Beijing calendar date as the instant it begins. */
export function beijingDate(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

const instant = (date: string | Date) => (typeof date === 'string' ? beijingDate(date) : date);

function summaryHtml(summary: string | string[] | undefined): string | undefined {
  const lines = (Array.isArray(summary) ? summary : summary === undefined ? [] : summary.split('\n')).map(xmlText).filter(Boolean);
  if (lines.length === 0) return undefined;
  return lines.length === 1 ? htmlText(lines[0]!) : lines.map((line) => `<p>${htmlText(line)}</p>`).join('');
}

/** The feed document as a string. */
export function renderFeed(spec: FeedSpec): string {
  const url = (path: string) => new URL(path, spec.site).href;
  const dates = spec.entries.map((e) => instant(e.date));
  const newest = dates.reduce<Date | null>((a, d) => (a && a >= d ? a : d), null);
  const feed = new Feed({
    title: xmlText(`${spec.title} - ${siteName}`),
    description: xmlText(spec.description),
    id: url(spec.id ?? spec.page),
    link: url(spec.page),
    feed: url(spec.self),
    language: language.toLowerCase(),
    updated: newest ?? beijingDate(spec.asOf),
    author: { name: feedAuthor },
    generator: false,
  });
  spec.entries.forEach((entry, i) => {
    const item: Item = {
      title: htmlText(entry.title),
      link: url(entry.link),
      date: dates[i]!,
      description: summaryHtml(entry.summary),
    };
    if (entry.id !== undefined) item.id = url(entry.id);
    const categories = entry.categories?.map(xmlText).filter(Boolean) ?? [];
    if (categories.length > 0) {
      // RSS writes the name as element text; Atom a term attribute, where the serializer escapes
      // only & and ", so a < (never in these labels) is left out rather than break the document.
      item.category = categories.map((name) => (spec.format === 'atom' ? { term: name.replaceAll('<', '') } : { name }));
    }
    feed.addItem(item);
  });
  if (spec.format === 'rss') return feed.rss2();
  return feed
    .atom1()
    .replace('<feed xmlns="http://www.w3.org/2005/Atom">', `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${language}">`);
}

/** A feed as an HTTP response: revalidated on every use, since records change as they are withdrawn or repaired. */
export function feedResponse(spec: FeedSpec): Response {
  return new Response(renderFeed(spec), {
    headers: { 'Content-Type': feedContentTypes[spec.format], 'Cache-Control': 'public, no-cache' },
  });
}

/** What a withdrawn or repaired record's notice says, worded as on the profile page ("该记录已撤销（…）。原因：…"). */
export function noticeText(subject: string, status: string, notice: { reason: string | null; on: string | null }): string {
  const what = status === 'withdrawn' ? `${subject}已撤销` : `${subject}已终止公示`;
  return `${what}${notice.on ? `（${formatChineseDate(notice.on)}）` : ''}。${notice.reason ? `原因：${notice.reason}` : ''}`;
}

/** How many withdrawals and repairs from the change log a site feed carries besides its own entries. */
export const NOTICES_IN_FEED = 20;

/**
 * A withdrawal or repair from the change log (DOMAIN.md §12) as an entry of its own, dated when it
 * happened, whatever the decision's date: its id carries the status, as every feed here writes it,
 * so readers get it as news rather than as an edit of the record's earlier entry.
 */
export function noticeEntry({ change, record, partyName }: RecentNotice): FeedEntry {
  const profile = `/credit/${change.uscc}`;
  return {
    id: `${profile}#record-${record.id}-${record.status}`,
    title: `${partyName}：${record.decisionNo ?? recordHeading(record.kind, record.title)}（${recordStatusLabels[record.status]}）`,
    link: `${profile}#record-${record.id}`,
    date: new Date(change.at),
    summary: [noticeText('该记录', record.status, recordNotice(record)), [record.decisionNo, record.authority].filter(Boolean).join('；')],
  };
}

/** A feed's own entries with the change log's notices, each id once (the change log's wins), newest first. */
export function withNotices(entries: FeedEntry[], notices: RecentNotice[]): FeedEntry[] {
  const byId = new Map(entries.map((e) => [e.id ?? e.link, e]));
  for (const notice of notices.map(noticeEntry)) byId.set(notice.id!, notice);
  return [...byId.values()].sort((a, b) => instant(b.date).getTime() - instant(a.date).getTime());
}
