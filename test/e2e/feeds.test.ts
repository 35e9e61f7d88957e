// The feeds read from the built site as a subscriber would: the employer's Atom feed follows the
// same public-visibility rule as its profile (publicView), notices included; the sampling and
// penalty feeds follow their list pages.
import { describe, expect, inject, it } from 'vitest';
import { usccCheckCharacter } from '../../functions/domain/uscc';

const baseUrl = inject('baseUrl');

/** The items or entries of a feed, with the text of the elements the tests read (CDATA unwrapped). */
function feedItems(xml: string, tag: 'item' | 'entry') {
  const text = (block: string, name: string) => {
    const m = new RegExp(`<${name}(?: [^>]*)?>(?:<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>|([^<]*))</${name}>`).exec(block);
    return m ? (m[1] ?? m[2] ?? '') : null;
  };
  return [...xml.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map(([, block]) => ({
    title: text(block!, 'title') ?? '',
    link: text(block!, 'link') ?? /<link href="([^"]+)"/.exec(block!)?.[1] ?? '',
    guid: text(block!, 'guid') ?? text(block!, 'id') ?? '',
    description: text(block!, 'description') ?? text(block!, 'summary') ?? '',
  }));
}

async function getFeed(path: string, contentType: string) {
  const res = await fetch(`${baseUrl}${path}`);
  expect(res.status, path).toBe(200);
  expect(res.headers.get('content-type'), path).toBe(contentType);
  expect(res.headers.get('cache-control'), path).toBe('public, no-cache');
  return res.text();
}

/** "双随机抽查结果：双随机抽查结果：…" and the like: a title that repeats the label it starts with. */
const repeatsLabel = (title: string) => /^(.{2,}?)：\1/.test(title);

describe('GET /credit/{uscc}/feed.xml', () => {
  it('has one entry per record the profile shows, with the same status, for a page of employers', async () => {
    const res = await fetch(`${baseUrl}/api/v1/enterprises?q=${encodeURIComponent('有限公司')}&pageSize=100`);
    const { items } = (await res.json()) as { items: { uscc: string }[] };
    type Profile = { records: { id: number; status: string; notice: { reason: string | null } | null }[] };
    const statuses = (p: Profile) => p.records.map((r) => `${r.id}:${r.status}`).sort();
    const getProfile = async (uscc: string) => (await (await fetch(`${baseUrl}/api/v1/enterprises/${uscc}`)).json()) as Profile;
    let notices = 0;
    for (const { uscc } of items) {
      // Other files decide objections on these employers while this one runs (the staff console
      // withdraws a seeded record), so the feed is compared with a profile read before and after it
      // that agree: if they differ, the employer changed in between and is read again.
      let profile: Profile;
      let feed: string;
      let after: Profile;
      do {
        profile = await getProfile(uscc);
        feed = await (await fetch(`${baseUrl}/credit/${uscc}/feed.xml`)).text();
        after = await getProfile(uscc);
      } while (JSON.stringify(statuses(profile)) !== JSON.stringify(statuses(after)));
      const entries = [...feed.matchAll(/<id>[^<]*#record-(\d+)-(\w+)<\/id>/g)].map((m) => `${m[1]}:${m[2]}`);
      expect(entries.sort(), uscc).toEqual(statuses(profile));
      for (const entry of feedItems(feed, 'entry')) expect(repeatsLabel(entry.title), entry.title).toBe(false);
      for (const r of profile.records.filter((r) => r.notice)) {
        const entry = feedItems(feed, 'entry').find((e) => e.guid.endsWith(`#record-${r.id}-${r.status}`));
        expect(entry?.description, `${uscc} record ${r.id}`).toContain(r.status === 'withdrawn' ? '已撤销' : '已终止公示');
        notices += 1;
      }
    }
    // The demo data has withdrawn and repaired records among these employers, so notices were compared too.
    expect(notices).toBeGreaterThan(0);
  });

  it('is Atom, revalidated on every use, and answers 400 for a malformed code and 404 for an unknown one', async () => {
    const { items } = (await (await fetch(`${baseUrl}/api/v1/enterprises?q=${encodeURIComponent('有限公司')}&pageSize=1`)).json()) as {
      items: { uscc: string }[];
    };
    const feed = await getFeed(`/credit/${items[0]!.uscc}/feed.xml`, 'application/atom+xml; charset=utf-8');
    expect(feed).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">');
    expect((await fetch(`${baseUrl}/credit/12345/feed.xml`)).status).toBe(400);
    const first17 = '91110105MA0000000';
    expect((await fetch(`${baseUrl}/credit/${first17}${usccCheckCharacter(first17)}/feed.xml`)).status).toBe(404);
  });
});

describe('GET /sampling/rss.xml', () => {
  it('has an item per task with published results, linking to the task', async () => {
    const feed = await getFeed('/sampling/rss.xml', 'application/rss+xml; charset=utf-8');
    const items = feedItems(feed, 'item');
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      const taskId = new RegExp(`^${baseUrl}/sampling/([^/#?]+)$`).exec(item.link)?.[1];
      expect(taskId, item.link).toBeDefined();
      const results = (await (await fetch(`${baseUrl}/api/v1/sampling/tasks/${taskId}/results`)).json()) as { total: number };
      expect(results.total, taskId).toBeGreaterThan(0);
      expect(item.title).toContain(`已公示 ${results.total} 户检查结果`);
      expect(repeatsLabel(item.title), item.title).toBe(false);
    }
  });
});

describe('GET /enforcement/penalties/rss.xml', () => {
  it('has the newest page of public decisions, linking to the party, and the newest withdrawals and repairs as items of their own', async () => {
    type Penalty = { id: number; uscc: string; status: string; withdrawal: { reason: string | null } | null };
    const newest = async () => ((await (await fetch(`${baseUrl}/api/v1/penalties?pageSize=50`)).json()) as { items: Penalty[] }).items;
    // Other test files publish and withdraw while this one runs: a decision on the newest page both
    // before and after the feed was read, in the same state, must be in the feed.
    const before = await newest();
    const feed = await getFeed('/enforcement/penalties/rss.xml', 'application/rss+xml; charset=utf-8');
    const items = feedItems(feed, 'item');
    const after = await newest();
    const penalties = after.filter((p) => before.some((b) => b.id === p.id && b.status === p.status));
    expect(penalties.length).toBeGreaterThan(40);
    expect(items.length).toBeGreaterThan(0);
    const byGuid = new Map(items.map((i) => [i.guid, i]));
    for (const p of penalties) {
      const item = byGuid.get(`${baseUrl}/credit/${p.uscc}#record-${p.id}-${p.status}`);
      expect(item, `record ${p.id}`).toBeDefined();
      expect(item!.link).toBe(`${baseUrl}/credit/${p.uscc}#record-${p.id}`);
      expect(repeatsLabel(item!.title), item!.title).toBe(false);
      // A withdrawal the change log holds is the change log's entry, worded as on the profile (withNotices).
      if (p.withdrawal) expect(item!.description).toMatch(/该(处罚决定|记录)已(撤销|终止公示)/);
      else expect(item!.description).not.toContain('该处罚决定已');
    }
    // The rest come from the change log (DOMAIN.md §12): decisions older than the page, withdrawn or
    // repaired since, each with the status its party's profile now shows and its notice.
    const listed = new Set([...before, ...after].map((p) => p.id));
    const notices = items.filter((i) => !listed.has(Number(/#record-(\d+)-/.exec(i.guid)?.[1])));
    expect(notices.length).toBeGreaterThan(0);
    for (const item of notices) {
      const [, uscc, id, status] = new RegExp(`^${baseUrl}/credit/(\\w{18})#record-(\\d+)-(withdrawn|repaired)$`).exec(item.guid) ?? [];
      expect(status, item.guid).toBeDefined();
      const profile = (await (await fetch(`${baseUrl}/api/v1/enterprises/${uscc}`)).json()) as {
        records: { id: number; status: string }[];
      };
      expect(profile.records.find((r) => r.id === Number(id))?.status, item.guid).toBe(status);
      expect(item.description).toMatch(/该(处罚决定|记录)已(撤销|终止公示)/);
    }
  });
});
