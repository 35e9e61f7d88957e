// The complainant's identity is confidential (《劳动保障监察条例》第九条, DOMAIN.md §10): after 50
// complaints with names, phones and e-mails, no public page, feed, open-data file or API response
// carries any of them — not the employer's profile, not the statistics, not the tracking answer.
import { describe, expect, inject, it } from 'vitest';
import { enterprisesWithRecords } from './demo-data';
import { publicDataPaths, sitemapPaths } from './site-pages';
import { addMonths } from '../../functions/domain/dates';
import { today } from '../fixtures/today';

const baseUrl = inject('baseUrl');
const SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方'];
const GIVEN = ['晓岚', '梓萱', '浩然', '雨桐', '子墨', '一诺', '思远', '若溪', '景行', '知秋'];

describe('privacy of complainants', () => {
  it('finds none of 50 complainants’ names, phones or e-mails anywhere public', async () => {
    const employers = await enterprisesWithRecords(baseUrl, 5);
    const secrets: string[] = [];
    const receipts: { reference: string; accessCode: string }[] = [];
    for (let i = 0; i < 50; i++) {
      const person = {
        name: `${SURNAMES[i % 5]}${GIVEN[Math.floor(i / 5)]}`,
        phone: `1368${String(4_000_000 + i * 7919).padStart(7, '0')}`,
        email: `worker.${i}.private@example.net`,
      };
      secrets.push(person.name, person.phone, person.email);
      const employer = employers[i % employers.length]!;
      const res = await fetch(`${baseUrl}/api/v1/complaints`, {
        method: 'POST',
        // Fifty workers, each from their own address: the submission limit is per client.
        headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': `198.18.7.${i + 1}` },
        body: JSON.stringify({
          kind: i % 3 === 0 ? 'report' : 'complaint',
          category: i % 2 ? 'unpaid_wages' : 'no_social_insurance',
          employer: { uscc: employer.uscc, name: employer.name },
          facts: `我是${person.name}，电话 ${person.phone}，单位拖欠我 3 个月工资共 2 万元，邮箱 ${person.email}。`,
          request: `请联系${person.name}，要求支付工资。`,
          violationPeriod: { from: addMonths(today, -4), to: addMonths(today, -1) },
          complainant: person,
        }),
      });
      expect(res.status).toBe(201);
      receipts.push((await res.json()) as { reference: string; accessCode: string });
    }

    const paths = [...(await sitemapPaths(baseUrl)), ...publicDataPaths(employers.map((e) => e.uscc))];
    const district = employers.map((e) => e.uscc.slice(2, 8));
    for (const d of new Set(district)) paths.push(`/api/v1/complaints/stats?district=${d}`, `/complaints/stats?district=${d}`);
    for (const e of employers) paths.push(`/api/v1/enterprises?q=${encodeURIComponent(e.name)}`, `/credit?q=${encodeURIComponent(e.name)}`);

    const leaks: string[] = [];
    const check = (where: string, text: string) => {
      for (const secret of secrets) if (text.includes(secret)) leaks.push(`${where}: ${secret}`);
    };
    for (const path of paths) check(path, await (await fetch(new URL(path, baseUrl))).text());
    // Tracking is the complainant's own channel, public by reference and code: status, never identity.
    for (const r of receipts.slice(0, 10)) {
      check(
        `GET /api/v1/complaints/${r.reference}`,
        await (await fetch(`${baseUrl}/api/v1/complaints/${r.reference}`, { headers: { 'X-Access-Code': r.accessCode } })).text(),
      );
      const form = new URLSearchParams({ reference: r.reference, accessCode: r.accessCode });
      const tracked = await (await fetch(`${baseUrl}/track`, { method: 'POST', body: form, headers: { Origin: baseUrl } })).text();
      expect(tracked).toContain(r.reference);
      check(`POST /track ${r.reference}`, tracked);
    }
    expect(leaks).toEqual([]);
    console.log(`complaint privacy crawl: ${paths.length + 20} responses, ${secrets.length} private values`);
  }, 300_000);
});
