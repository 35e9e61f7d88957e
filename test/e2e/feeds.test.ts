// The employer's Atom feed follows the same public-visibility rule as its profile (publicView):
// the same records, notices included, read from the built site as a subscriber would.
import { describe, expect, inject, it } from 'vitest';

const baseUrl = inject('baseUrl');

describe('GET /credit/{uscc}/feed.xml', () => {
  it('has one entry per record the profile shows, with the same status, for a page of employers', async () => {
    const res = await fetch(`${baseUrl}/api/v1/enterprises?q=${encodeURIComponent('有限公司')}&pageSize=100`);
    const { items } = (await res.json()) as { items: { uscc: string }[] };
    let notices = 0;
    for (const { uscc } of items) {
      const profile = (await (await fetch(`${baseUrl}/api/v1/enterprises/${uscc}`)).json()) as {
        records: { id: number; status: string; notice: unknown }[];
      };
      const feed = await (await fetch(`${baseUrl}/credit/${uscc}/feed.xml`)).text();
      const entries = [...feed.matchAll(/<id>[^<]*#record-(\d+)-(\w+)<\/id>/g)].map((m) => `${m[1]}:${m[2]}`);
      expect(entries.sort(), uscc).toEqual(profile.records.map((r) => `${r.id}:${r.status}`).sort());
      notices += profile.records.filter((r) => r.notice).length;
    }
    // The demo data has withdrawn and repaired records among these employers, so notices were compared too.
    expect(notices).toBeGreaterThan(0);
  });
});
