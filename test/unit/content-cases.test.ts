import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { caseCategoryNames, caseSchema, caseSlug, caseSlugPattern, type CaseData } from '../../src/lib/content-schemas';
import { parseUscc, usccDistrictCode } from '../../functions/domain/uscc';
import { districts } from '../../functions/domain/districts';
import { defaultCalendar } from '../../functions/domain/calendar-data';
import { generateDataset } from '../../scripts/seed/generate';

// Every file in content/cases, checked with the schema the build uses (src/content.config.ts).

const root = resolve(import.meta.dirname, '../../content/cases');

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? markdownFiles(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : [],
  );
}

/** Astro reads frontmatter with js-yaml, which turns bare dates into Date objects; `timestamp` does the same here. */
function readCase(path: string): { frontmatter: unknown; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(readFileSync(path, 'utf8'));
  if (!m) throw new Error(`${path}: no frontmatter`);
  return { frontmatter: parse(m[1]!, { customTags: ['timestamp'] }), body: m[2]! };
}

const files = markdownFiles(root);
const cases = files.map((path) => {
  const { frontmatter, body } = readCase(path);
  return { path: relative(root, path), slug: caseSlug(relative(root, path)), parsed: caseSchema.safeParse(frontmatter), body };
});
const valid = cases.flatMap((c) => (c.parsed.success ? [{ ...c, data: c.parsed.data as CaseData }] : []));

// Patterns that must never reach the public site (DOMAIN.md §8).
const idNumber = /(?<![0-9A-Z])\d{17}[\dXx](?![0-9A-Z])/;
const mobile = /(?<!\d)1[3-9]\d{9}(?!\d)/;
const landline = /(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/;
/** A person named right after their role (法定代表人周某某被…) must be masked with 某. */
const namedAfterRole = /(?:法定代表人|经营者|负责人)(?![被的和及或、，])([\u4e00-\u9fa5]{2,3})(?=等|被|更换|拒不|招用|[，。、])/g;

describe('content/cases — typical cases (典型案例)', () => {
  it('every file matches the case schema', () => {
    for (const c of cases) expect(c.parsed.error?.issues ?? [], c.path).toEqual([]);
  });

  it('holds at least 12 cases', () => {
    expect(valid.length).toBeGreaterThanOrEqual(12);
  });

  it('gives every case a unique slug that is safe in a URL', () => {
    const slugs = cases.map((c) => c.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(caseSlugPattern);
  });

  it('covers every category', () => {
    expect(new Set(valid.map((c) => c.data.category))).toEqual(new Set(caseCategoryNames));
  });

  it('names enterprises only with a valid code registered in Beijing', () => {
    const named = valid.filter((c) => c.data.enterprise);
    expect(named.length).toBeGreaterThan(0);
    for (const c of named) {
      const parsed = parseUscc(c.data.enterprise!.uscc);
      expect(parsed.ok && parsed.checkValid, c.path).toBe(true);
      expect(usccDistrictCode(c.data.enterprise!.uscc)! in districts, c.path).toBe(true);
    }
  });

  it('names only employers the demo data holds, under the same name, so each case links to a profile', () => {
    const seeded = new Map(
      [...generateDataset({ seed: 1, enterprises: 30, today: '2026-11-25', calendar: defaultCalendar }).enterprises()]
        .flat()
        .map((e) => [e.uscc, e.name]),
    );
    for (const c of valid.filter((x) => x.data.enterprise)) {
      expect(seeded.get(c.data.enterprise!.uscc), c.path).toBe(c.data.enterprise!.name);
    }
  });

  it('marks every case as demo data while the site runs on demo content', () => {
    for (const c of valid) expect(c.data.demo, c.path).toBe(true);
  });

  it('tells each case as 基本案情, 查处情况, 典型意义', () => {
    for (const c of valid) {
      const headings = [...c.body.matchAll(/^## (.+)$/gm)].map((m) => m[1]!.trim());
      expect(headings, c.path).toEqual(['基本案情', '查处情况', '典型意义']);
    }
  });

  it('publishes no ID or phone numbers and no unmasked workers', () => {
    for (const c of valid) {
      const { enterprise, ...rest } = c.data;
      const text = `${JSON.stringify(rest)}\n${enterprise?.name ?? ''}\n${c.body}`;
      expect(text, c.path).not.toMatch(idNumber);
      expect(text, c.path).not.toMatch(mobile);
      expect(text, c.path).not.toMatch(landline);
      for (const m of text.matchAll(namedAfterRole)) expect(m[1], c.path).toContain('某');
    }
  });

  it('rejects a wrong check character, an impossible date and an unknown category', () => {
    const good = valid[0]!.data;
    const bad = (patch: object) => caseSchema.safeParse({ ...good, ...patch }).success;
    expect(bad({})).toBe(true);
    expect(bad({ enterprise: { name: '某公司', uscc: '91110105DEMA00011D' } })).toBe(false);
    expect(bad({ date: '2026-02-30' })).toBe(false);
    expect(bad({ date: new Date('2026-02-03') })).toBe(false);
    expect(bad({ category: '欠薪' })).toBe(false);
    expect(bad({ district: '浦东新区' })).toBe(false);
    expect(bad({ unknownField: 1 })).toBe(false);
  });
});
