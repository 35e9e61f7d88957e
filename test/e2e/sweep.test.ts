// Every page in the sitemap is audited by axe-core, and every public page and API response of
// the demo data is searched for private data: patterns, and the seeded private values themselves.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations, launchBrowser } from './browser';
import { publicDataPaths, sitemapPaths } from './site-pages';
import { generateDataset } from '../../scripts/seed/generate';
import { defaultCalendar } from '../../functions/domain/calendar-data';
import { today } from '../fixtures/today';

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(async () => browser?.close());

describe('every page in the sitemap', () => {
  it('has no axe-core violation at WCAG 2.2 AA', async () => {
    const paths = await sitemapPaths(baseUrl);
    expect(paths.length).toBeGreaterThan(30);
    for (const path of paths) {
      const res = await page.goto(new URL(path, baseUrl).href);
      expect(res?.status(), path).toBe(200);
      await expectNoAxeViolations(page);
    }
    console.log(`axe-core swept ${paths.length} sitemap pages`);
  }, 300_000);
});

describe('privacy of everything public (DOMAIN.md §8)', () => {
  it('shows no ID number, phone, e-mail, home address or submitter detail anywhere', async () => {
    // The same seed as the server's demo data, regenerated here to know its private values.
    const data = generateDataset({ seed: 1, enterprises: 200, today: today, calendar: defaultCalendar });
    const codes = new Set<string>();
    // Legal representatives are published by rule; a worker's name may be part of one (熊博 in 熊博鑫).
    const publicNames = new Set<string>();
    for (const batch of data.enterprises()) {
      for (const e of batch) {
        codes.add(e.uscc);
        publicNames.add(e.legalRepresentative);
      }
    }
    const secrets = new Set<string>();
    for (const batch of [...data.objections(), ...data.repairs()]) {
      for (const c of batch) for (const v of [c.applicantName, c.applicantPhone, c.applicantEmail]) secrets.add(v);
    }
    // 举报投诉: the complainant's identity is confidential (条例 第九条).
    for (const batch of data.complainants()) for (const c of batch) for (const v of [c.name, c.phone, c.email]) if (v) secrets.add(v);
    for (const batch of data.creditRecords()) {
      for (const r of batch) {
        const detail = (r.detail ?? {}) as Record<string, unknown>;
        // Workers and minors are private whole; a responsible person's name is published, not their ID or phone.
        const people: [string, string[] | null][] = [
          ['workers', null],
          ['minors', null],
          ['responsiblePersons', ['idNumber', 'phone']],
        ];
        for (const [key, fields] of people) {
          const value = detail[key];
          for (const person of Array.isArray(value) ? (value as Record<string, unknown>[]) : []) {
            for (const [field, v] of Object.entries(person)) {
              if (typeof v === 'string' && v.length >= 2 && (!fields || fields.includes(field))) secrets.add(v);
            }
          }
        }
      }
    }
    expect(secrets.size).toBeGreaterThan(5);

    const paths = [...(await sitemapPaths(baseUrl)), ...publicDataPaths(codes)];

    const problems: string[] = [];
    for (const path of paths) {
      let text = await (await fetch(new URL(path, baseUrl))).text();
      // Codes of employers are public; take them out so an all-digit code is not read as an ID number.
      for (const code of codes) text = text.replaceAll(code, '');
      for (const name of publicNames) text = text.replaceAll(name, '');
      if (/(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/.test(text)) problems.push(`${path}: ID number pattern`);
      if (/(?<!\d)1[3-9]\d{9}(?!\d)/.test(text)) problems.push(`${path}: mobile number pattern`);
      if (/[\w.+-]+@[\w-]+\.[a-z]{2,}/i.test(text)) problems.push(`${path}: e-mail pattern`);
      for (const secret of secrets) if (text.includes(secret)) problems.push(`${path}: seeded private value ${secret}`);
    }
    expect(problems).toEqual([]);
    console.log(`privacy walk: ${paths.length} pages and API responses, ${secrets.size} seeded private values`);
  }, 300_000);
});
