#!/usr/bin/env node
// Re-runs a published 双随机 draw (algorithm hmac-sha256-v1) offline, with the same module the site
// uses (functions/domain/draw.ts), and says per stratum whether it agrees.
//
// Usage:
//   node scripts/verify-draw.ts <url-or-file> [--commitment <hex>]
//
//   <url-or-file>   https://…/api/v1/sampling/tasks/{taskId}/draw, or a saved copy of that JSON
//   --commitment    the seed commitment you saw published with the plan, before the draw;
//                   without it the record's own commitment is checked against its seed
//
// Node 22.18 or later runs this TypeScript file directly (type stripping). Exit status: 0 when
// everything agrees, 1 on any disagreement, 2 when the record cannot be read.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import './lib/extensionless-imports.ts';
import type { DrawRecord } from '../functions/domain/draw.ts';

const { verifyDraw } = await import('../functions/domain/draw.ts');
const { stratumLabels } = await import('../functions/domain/labels.ts');

const verdict = (ok: boolean) => (ok ? '一致' : '不一致');

async function load(source: string): Promise<DrawRecord> {
  if (/^https?:\/\//i.test(source)) {
    const res = await fetch(source, { headers: { Accept: 'application/json' } });
    if (!res.ok) throw new Error(`${source} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    return (await res.json()) as DrawRecord;
  }
  return JSON.parse(await readFile(source, 'utf8')) as DrawRecord;
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { commitment: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help || positionals.length !== 1) {
    console.error('用法：node scripts/verify-draw.ts <抽取记录的网址或文件> [--commitment <计划公布的种子承诺值>]');
    return 2;
  }
  let record: DrawRecord;
  try {
    record = await load(positionals[0]!);
  } catch (error) {
    console.error(`无法读取抽取记录：${(error as Error).message}`);
    return 2;
  }

  const result = await verifyDraw(record, values.commitment ?? null);
  console.log(
    `任务 ${record.taskId ?? '（未知）'}，算法 ${record.algorithm}${result.algorithm ? '' : '（不是 hmac-sha256-v1，无法按本算法复算）'}`,
  );
  console.log(`种子承诺值：${verdict(result.commitment)}${values.commitment ? '（与计划公布值比对）' : '（与记录自身比对）'}`);
  console.log(`抽取密钥：${verdict(result.drawKey)}`);
  for (const s of result.strata) {
    console.log(
      `${stratumLabels[s.grade] ?? s.grade}：候选 ${s.candidateCount} 户，应抽 ${s.expectedSize} 户；候选池哈希${verdict(s.poolHash)}，抽取结果${verdict(s.selection)} → ${verdict(s.ok)}`,
    );
  }
  console.log(`候选池与排除名单：${verdict(result.pool)}`);
  console.log(`执法人员选派：${verdict(result.assignments)}`);
  console.log(result.ok ? '结论：全部一致。' : '结论：不一致。');
  return result.ok ? 0 : 1;
}

process.exitCode = await main();
