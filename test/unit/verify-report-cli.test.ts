import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCreditReport, defaultReportPeriod } from '../../functions/domain/credit-report';
import { parseSigningKey, publicJwk, signCompact } from '../../functions/domain/jws';
import { newSigningKey } from '../../scripts/lib/local-secrets';
import { today } from '../fixtures/today';

// `npm run verify-report` offline, as a receiver who kept the bureau's published keys would run it
// (DOMAIN.md §11: "signed so that anyone can check it was issued by the bureau and not altered").

const script = resolve(import.meta.dirname, '../../scripts/verify-report.ts');
let dir: string;
let keysFile: string;
let issued: { reportNo: string; issuedAt: string; report: ReturnType<typeof buildCreditReport>; jws: string };

const run = (...args: string[]) => spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'verify-report-'));
  const key = parseSigningKey(await newSigningKey('report'))!;
  keysFile = file('report-keys.json', JSON.stringify({ keys: [publicJwk(key)] }));
  const reportNo = `BG-${today.slice(0, 4)}-33333-33333`;
  const report = buildCreditReport(
    {
      enterprise: {
        uscc: '91110105MA01BG0017',
        name: '北京离线核验测试有限公司',
        district: '朝阳区',
        industry: '建筑业',
        address: '北京市朝阳区建国路 1 号',
        status: 'active',
        legalRepresentative: '王建国',
      },
      assessments: [],
      records: [],
    },
    { reportNo, issuedAt: `${today}T02:00:00.000Z`, today, period: defaultReportPeriod(today) },
  );
  issued = { reportNo, issuedAt: report.issuedAt, report, jws: await signCompact(report, key) };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run verify-report -- <file> --keys <file>', () => {
  it('verifies a saved API answer, prints the report as signed and exits 0', () => {
    const result = run(file('report.json', JSON.stringify(issued)), '--keys', keysFile);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`报告编号：${issued.reportNo}`);
    expect(result.stdout).toContain('北京离线核验测试有限公司');
    expect(result.stdout).toContain('报告期内无劳动保障领域行政处罚等失信记录');
    expect(result.stdout.trim().split('\n').at(-1)).toBe('结论：一致');
  });

  it('verifies a bare JWS too', () => {
    expect(run(file('report.jws', issued.jws), '--keys', keysFile).status).toBe(0);
  });

  it('exits 1 for a report altered by one character', () => {
    const [h, p, s] = issued.jws.split('.');
    const text = Buffer.from(p!, 'base64url').toString('utf8').replace('离线核验', '离线核对');
    const result = run(file('altered.jws', `${h}.${Buffer.from(text).toString('base64url')}.${s}`), '--keys', keysFile);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('签名无效');
  });

  it('exits 1 when the JSON beside a valid JWS was edited: only what is signed counts', () => {
    const edited = { ...issued, report: { ...issued.report, enterprise: { ...issued.report.enterprise, name: '别的公司' } } };
    const result = run(file('edited.json', JSON.stringify(edited)), '--keys', keysFile);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('北京离线核验测试有限公司');
    expect(result.stdout).toContain('被改动过');
  });

  it('exits 1 against keys that did not sign it, and 2 when it has no keys to check with', () => {
    expect(run(file('report2.json', JSON.stringify(issued)), '--keys', file('other.json', '{"keys":[]}')).status).toBe(1);
    const noKeys = run(file('report3.json', JSON.stringify(issued)));
    expect(noKeys.status).toBe(2);
    expect(noKeys.stderr).toContain('--keys');
  });
});
