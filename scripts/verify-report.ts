// Verifies a 专用信用报告 (DOMAIN.md §11) as its receiver would, with the same verification the
// report page runs in the browser (functions/domain/report-verification.ts): the JWS against the
// bureau's published keys, then prints the report as signed. Only what the JWS signs is trusted;
// a JSON copy whose `report` differs from it is reported as altered.
//
// Usage:
//   npm run verify-report -- <url-or-file> [--keys <file>] [--site <url>]
//
//   <url>     the report's page (https://…/reports/BG-2026-…, as in its QR code) or its API address
//             (…/api/v1/reports/BG-2026-…); the keys are then fetched from the same site
//   <file>    a saved copy: the JSON of GET /api/v1/reports/{reportNo}, or the bare JWS
//   --keys    a JWKS you trust (a saved GET /api/v1/report-keys): checks offline, without the site
//   --site    the site whose published keys to use for a file, e.g. https://rsj.example.gov.cn
//
// Exit status: 0 when the report verifies, 1 when it does not, 2 when it cannot be read.
import './lib/extensionless-imports.ts';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { JWK } from 'jose';

const { verifyReport, reportVerificationMessages } = await import('../functions/domain/report-verification.ts');
const { canonicalJson } = await import('../functions/domain/canonical-json.ts');
const { reportChangeLabels } = await import('../functions/domain/credit-report.ts');
const { reportText } = await import('../functions/domain/report-text.ts');
type ReportChange = import('../functions/domain/credit-report.ts').ReportChange;

async function json<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!res.ok) throw new Error(`${url} 返回 ${res.status}：${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as T;
}

interface Copy {
  jws: string;
  /** The report as the copy states it beside the JWS, if it does. */
  stated?: unknown;
  changes?: ReportChange[];
  site?: string;
}

/** A report page or API address → the API answer; a file → its JWS (and what it states beside it). */
async function load(source: string): Promise<Copy> {
  if (/^https?:\/\//i.test(source)) {
    const url = new URL(source);
    const reportNo = /\/reports\/([^/?#]+)\/?$/.exec(url.pathname)?.[1];
    if (!reportNo) throw new Error('网址应为报告页面（…/reports/报告编号）或接口地址（…/api/v1/reports/报告编号）');
    const body = await json<{ jws: string; report: unknown; changes?: ReportChange[] }>(`${url.origin}/api/v1/reports/${reportNo}`);
    return { jws: body.jws, stated: body.report, changes: body.changes, site: url.origin };
  }
  const text = (await readFile(source, 'utf8')).trim();
  if (!text.startsWith('{')) return { jws: text };
  const body = JSON.parse(text) as { jws?: unknown; report?: unknown; changes?: ReportChange[] };
  if (typeof body.jws !== 'string') throw new Error('文件中没有 jws（应为 GET /api/v1/reports/{reportNo} 的 JSON，或 JWS 本身）');
  return { jws: body.jws, stated: body.report, changes: body.changes };
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { keys: { type: 'string' }, site: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help || positionals.length !== 1) {
    console.error('用法：npm run verify-report -- <报告网址或文件> [--keys <可信公钥 JWKS 文件>] [--site <网站地址>]');
    return 2;
  }
  let copy: Copy;
  let keys: JWK[];
  try {
    copy = await load(positionals[0]!);
    const site = values.site?.replace(/\/+$/, '') ?? copy.site;
    if (values.keys) keys = (JSON.parse(await readFile(values.keys, 'utf8')) as { keys: JWK[] }).keys;
    else if (site) keys = (await json<{ keys: JWK[] }>(`${site}/api/v1/report-keys`)).keys;
    else throw new Error('核验文件需要公钥：--keys <保存的 /api/v1/report-keys>，或 --site <网站地址>');
  } catch (error) {
    console.error(`无法读取报告：${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const result = await verifyReport(copy.jws, keys);
  if (!result.ok) {
    console.log(reportVerificationMessages[result.reason]);
    console.log('结论：不一致');
    return 1;
  }
  for (const line of reportText(result.report)) console.log(line);
  console.log(`\n签名有效（签名密钥 ${result.kid}）。`);
  if (copy.stated !== undefined && canonicalJson(copy.stated) !== canonicalJson(result.report)) {
    console.log('但副本中与签名并列的 report 与签名内容不同：该副本被改动过，以上按签名内容显示。');
    console.log('结论：不一致');
    return 1;
  }
  if (copy.changes?.length) {
    console.log('\n注意：报告开具后，该单位报告期内的信用记录有变化（报告本身不变）：');
    for (const c of copy.changes) console.log(`  记录 ${c.recordId}：${reportChangeLabels[c.change]}`);
    console.log(`  当前情况见 ${copy.site ?? ''}/credit/${result.report.enterprise.uscc}`);
  }
  console.log('结论：一致');
  return 0;
}

process.exitCode = await main();
