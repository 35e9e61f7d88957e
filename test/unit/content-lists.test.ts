import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { catalogueFieldLabels, listSchemas, oneCaseThreeDocuments, procedureStepNames, type ListName } from '../../src/lib/content-schemas';
import type { z } from 'zod';
import { DEMO_OFFICERS } from '../../scripts/seed/officers';

// content/lists/*.yaml — the enforcement disclosures (DOMAIN.md §8), checked with the build's schemas.

const dir = resolve(import.meta.dirname, '../../content/lists');
const read = <N extends ListName>(name: N): z.infer<(typeof listSchemas)[N]> =>
  listSchemas[name].parse(parse(readFileSync(resolve(dir, `${name}.yaml`), 'utf8'), { customTags: ['timestamp'] })) as never;

describe('content/lists — enforcement disclosures', () => {
  it('has exactly one schema for every YAML file', () => {
    const files = readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .map((f) => f.replace(/\.ya?ml$/, ''));
    expect(files.sort()).toEqual(Object.keys(listSchemas).sort());
  });

  it.each(Object.keys(listSchemas) as ListName[])('%s.yaml matches its schema and is marked as demo data', (name) => {
    expect(read(name).demo).toBe(true);
  });

  it('lists the city bureau and all 16 district bureaus as 执法主体', () => {
    const { bodies } = read('authorities');
    expect(bodies.filter((b) => b.level === '市级')).toHaveLength(1);
    expect(bodies.filter((b) => b.level === '区级')).toHaveLength(16);
  });

  it('gives the procedure in order and both remedies with their time limits', () => {
    const { steps, remedies } = read('procedure');
    expect(steps.map((s) => s.name)).toEqual([...procedureStepNames]);
    expect(steps.find((s) => s.name === '听证')?.conditional).toBeTruthy();
    expect(remedies.find((r) => r.name === '行政复议')?.timeLimit).toContain('60 日');
    expect(remedies.find((r) => r.name === '行政诉讼')?.timeLimit).toContain('6 个月');
  });

  it('fills all ten fields of about ten catalogue items', () => {
    const { items } = read('catalogue');
    expect(items.length).toBeGreaterThanOrEqual(10);
    for (const item of items) for (const field of Object.keys(catalogueFieldLabels)) expect(item, item.id).toHaveProperty(field);
  });

  it('explains 一案三书 and never words a no-penalty item as a penalty', () => {
    const list = read('no-penalty');
    expect(list.documents.map((d) => d.name)).toEqual([...oneCaseThreeDocuments]);
    expect(list.items.length).toBeGreaterThanOrEqual(8);
    for (const item of list.items) expect(item.conditions.join(), item.id).not.toMatch(/处罚款|处以罚款/);
  });

  it('grades each violation 轻微, 一般, 严重', () => {
    for (const item of read('discretion').items) expect(item.levels.map((l) => l.degree)).toEqual(['轻微', '一般', '严重']);
  });

  it('names every demo officer (seeded into D1, scripts/seed/officers.ts) by a listed enforcement unit', () => {
    const units = new Set(read('authorities').bodies.map((b) => b.unit));
    expect(DEMO_OFFICERS.length).toBeGreaterThanOrEqual(30);
    for (const [name, , unit] of DEMO_OFFICERS) expect(units.has(unit), `${name}: ${unit}`).toBe(true);
    // Every squad has somebody to send.
    expect(new Set(DEMO_OFFICERS.map(([, , unit]) => unit))).toEqual(units);
  });
});
