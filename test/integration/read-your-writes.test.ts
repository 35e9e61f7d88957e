import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseCreated } from '../fixtures/api';
import { objectionBody } from '../fixtures/cases';
import { insertEnterprise, insertRecord, makeUscc } from '../fixtures/enterprises';
import { addMonths } from '../../functions/domain/dates';
import { today } from '../fixtures/today';
import { BOOKMARK_COOKIE, BOOKMARK_HEADER } from '../../functions/http/bookmark';
import { newClient } from '../fixtures/clients';

// D1 Sessions (DESIGN.md): a submission answers with the bookmark of its write; tracking that
// sends it back reads from a replica that has that write, so the case is found at once.

const uscc = makeUscc('MA01RW001');
let recordId: number;

const submit = () =>
  exports.default.fetch('http://local/api/v1/objections', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': newClient() },
    body: JSON.stringify(objectionBody(uscc, recordId)),
  });

beforeAll(async () => {
  await insertEnterprise(env.DB, { uscc, name: '北京读写一致测试有限公司' });
  recordId = (await insertRecord(env.DB, { uscc, decidedOn: addMonths(today, -1), publishUntil: addMonths(today, 11) })).id;
});

describe('read-your-writes through the session bookmark', () => {
  it('hands back a bookmark after a submission, and tracking with it sees the case', async () => {
    const created = await submit();
    expect(created.status).toBe(201);
    const bookmark = created.headers.get(BOOKMARK_HEADER);
    expect(bookmark).toMatch(/^[0-9a-f-]+$/i);
    const { reference, accessCode } = await created.json<CaseCreated>();

    const tracked = await exports.default.fetch(`http://local/api/v1/objections/${reference}`, {
      headers: { 'X-Access-Code': accessCode, [BOOKMARK_HEADER]: bookmark! },
    });
    expect(tracked.status).toBe(200);
    expect((await tracked.json<{ reference: string }>()).reference).toBe(reference);
  });

  it('gives no bookmark for a read, nor for a refused submission', async () => {
    const read = await exports.default.fetch(`http://local/api/v1/enterprises/${uscc}`);
    expect(read.status).toBe(200);
    expect(read.headers.get(BOOKMARK_HEADER)).toBeNull();
    const refused = await exports.default.fetch('http://local/api/v1/objections', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(refused.status).toBe(422);
    expect(refused.headers.get(BOOKMARK_HEADER)).toBeNull();
  });

  it('ignores a malformed bookmark, in the header or the cookie, instead of failing', async () => {
    const malformed: Record<string, string>[] = [
      { [BOOKMARK_HEADER]: 'not a bookmark; DROP' },
      { Cookie: `${BOOKMARK_COOKIE}=${'f'.repeat(400)}` },
    ];
    for (const headers of malformed) {
      const res = await exports.default.fetch(`http://local/api/v1/enterprises/${uscc}`, { headers });
      expect(res.status).toBe(200);
    }
  });
});
