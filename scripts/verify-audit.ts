// Verifies a site's audit log against its signed checkpoints, offline of the site's own verdict,
// with the same rules the site uses (functions/domain/audit-chain.ts): the hash chain end to end,
// then each checkpoint — a log cut short, or rewritten with every later hash recomputed, no longer
// matches what was signed.
//
// Usage:
//   npm run verify-audit -- <site-url> --token <staff token> [--checkpoints <file>] [--keys <file>]
//
//   <site-url>      e.g. https://rsj.example.gov.cn (the audit log is read through the staff API)
//   --token         a Cloudflare Access token of an admin (npm run dev:keys prints one locally)
//   --checkpoints   checkpoints you kept earlier (a saved GET /api/v1/audit/checkpoints), checked
//                   in addition to the ones the site publishes now
//   --keys          a JWKS you trust; without it the keys the site publishes are used
//
// Exit status: 0 when everything verifies, 1 when something does not, 2 when the log cannot be read.
import './lib/extensionless-imports.ts';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { JWK } from 'jose';

const { verifyAuditLog } = await import('../functions/domain/audit-chain.ts');
const { verifyCompact } = await import('../functions/domain/jws.ts');
type StoredAuditEntry = import('../functions/domain/audit-chain.ts').StoredAuditEntry;
type Checkpoint = import('../functions/domain/audit-chain.ts').Checkpoint;

const problemText: Record<string, string> = {
  truncated: '日志在此检查点之前就结束了（末尾的记录被删除）',
  missing: '检查点对应的记录不见了',
  rewritten: '记录的哈希与检查点不同（被改写，即使之后的哈希都重新计算过）',
  bad_signature: '检查点的签名无效',
};

async function json<T>(url: string, token?: string): Promise<T> {
  const res = await fetch(url, { headers: { Accept: 'application/json', ...(token ? { 'Cf-Access-Jwt-Assertion': token } : {}) } });
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as T;
}

/** Every entry, through the staff API's pages (newest first), in id order. */
async function allEntries(site: string, token: string): Promise<StoredAuditEntry[]> {
  const entries: StoredAuditEntry[] = [];
  for (let page = 1; ; page++) {
    const body = await json<{ items: StoredAuditEntry[]; total: number }>(`${site}/api/v1/admin/audit?page=${page}&pageSize=100`, token);
    entries.push(...body.items);
    if (body.items.length < 100 || entries.length >= body.total) break;
  }
  return entries.sort((a, b) => a.id - b.id);
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      token: { type: 'string' },
      checkpoints: { type: 'string' },
      keys: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || positionals.length !== 1 || !values.token) {
    console.error('用法：npm run verify-audit -- <网站地址> --token <管理员令牌> [--checkpoints <保存的检查点>] [--keys <可信公钥 JWKS>]');
    return 2;
  }
  const site = positionals[0]!.replace(/\/+$/, '');
  let entries: StoredAuditEntry[];
  let published: { items: Checkpoint[]; keys: { keys: JWK[] } };
  let kept: Checkpoint[] = [];
  let keys: JWK[];
  try {
    [entries, published] = await Promise.all([allEntries(site, values.token), json<typeof published>(`${site}/api/v1/audit/checkpoints`)]);
    if (values.checkpoints) kept = (JSON.parse(await readFile(values.checkpoints, 'utf8')) as { items: Checkpoint[] }).items;
    keys = values.keys ? (JSON.parse(await readFile(values.keys, 'utf8')) as { keys: JWK[] }).keys : published.keys.keys;
  } catch (error) {
    console.error(`无法读取审计日志：${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const bySeq = new Map([...published.items, ...kept].map((c) => [`${c.seq}:${c.hash}`, c]));
  const result = await verifyAuditLog(entries, [...bySeq.values()], (jws) => verifyCompact(jws, keys));
  console.log(
    `审计日志 ${site}：${result.checked} 条记录${result.ok ? '，链条完整' : ''}，核对 ${result.checkpointsChecked} 个签名检查点。`,
  );
  if (result.firstBreak) console.log(`  第 ${result.firstBreak.id} 条起链条断开（${result.firstBreak.problem}）。`);
  for (const p of result.checkpointProblems) console.log(`  检查点 ${p.seq}：${problemText[p.problem]}`);
  console.log(result.ok ? '结论：一致' : '结论：不一致');
  return result.ok ? 0 : 1;
}

process.exitCode = await main();
