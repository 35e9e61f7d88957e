// GET /api/v1/records?decisionNo= (DESIGN.md; DOMAIN.md §3 两书同达): an enterprise holding a
// penalty letter finds its public record by the number on it, typed with whatever brackets.
import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../fixtures/api';
import { insertEnterprise, insertRecord, makeUscc } from '../fixtures/enterprises';
import { today } from '../fixtures/today';
import { addMonths } from '../../functions/domain/dates';
import { newClient } from '../fixtures/clients';

const uscc = makeUscc('MA01JD001');
const decisionNo = '京朝人社监罚字〔2026〕第 4711 号';
let recordId = 0;

interface Found {
  items: {
    record: { id: number; decisionNo: string; status: string; detail: unknown; flags: string[]; repair: { possible: boolean } | null };
    enterprise: { uscc: string; name: string };
  }[];
}
const find = (q: string) => exports.default.fetch(`http://local/api/v1/records?decisionNo=${encodeURIComponent(q)}`);

beforeAll(async () => {
  await insertEnterprise(env.DB, { uscc, name: '北京文号查找测试有限公司' });
  recordId = (await insertRecord(env.DB, { uscc, decisionNo, decidedOn: addMonths(today, -4), publishUntil: addMonths(today, 8) })).id;
  // A withdrawn record is public only as its notice; an expired one is not public at all.
  await insertRecord(env.DB, {
    uscc,
    decisionNo: '京朝人社监罚字〔2026〕第 4712 号',
    status: 'withdrawn',
    withdrawnOn: today,
    decidedOn: addMonths(today, -2),
    publishUntil: addMonths(today, 10),
  });
  await insertRecord(env.DB, {
    uscc,
    decisionNo: '京朝人社监罚字〔2026〕第 4713 号',
    decidedOn: addMonths(today, -14),
    publishUntil: today,
  });
});

describe('GET /api/v1/records?decisionNo=', () => {
  it.each([decisionNo, '京朝人社监罚字[2026]第4711号', '京朝人社监罚字（2026）第 4711 号', ' 京朝人社监罚字(２０２６)第４７１１号 '])(
    'finds the record and its employer from %s',
    async (typed) => {
      const res = await find(typed);
      expect(res.status).toBe(200);
      const body = await res.json<Found>();
      expect(body.items).toHaveLength(1);
      expect(body.items[0]).toMatchObject({
        record: { id: recordId, decisionNo, repair: { possible: true } },
        enterprise: { uscc, name: '北京文号查找测试有限公司' },
      });
    },
  );

  it('finds a withdrawn record as its notice, with nothing of its content', async () => {
    const body = await (await find('京朝人社监罚字〔2026〕第 4712 号')).json<Found>();
    expect(body.items).toHaveLength(1);
    expect(body.items[0]!.record).toMatchObject({ status: 'withdrawn', detail: null, repair: null });
  });

  it('finds nothing for a number of no public record', async () => {
    for (const q of ['京朝人社监罚字〔2026〕第 4713 号', '京朝人社监罚字〔2026〕第 99999 号']) {
      const res = await find(q);
      expect(res.status).toBe(200);
      expect((await res.json<Found>()).items).toEqual([]);
    }
  });

  it('answers 422 in Chinese for an empty or overlong number', async () => {
    for (const q of ['', '   ', '京'.repeat(61)]) {
      const res = await find(q);
      expect(res.status).toBe(422);
      const { error } = await res.json<ApiErrorBody>();
      expect(error.fields![0]).toMatchObject({ path: 'decisionNo', message: expect.stringMatching(/决定书文号/) });
    }
    expect((await exports.default.fetch('http://local/api/v1/records')).status).toBe(422);
  });

  it('shows an open objection on the record it finds', async () => {
    const res = await exports.default.fetch('http://local/api/v1/objections', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': newClient() },
      body: JSON.stringify({
        uscc,
        recordId,
        grounds: 'wrong_info',
        statement: '决定书记载的人数与事实不符，请核实。',
        applicant: { name: '周敏', phone: '13912345678', email: 'zhoumin@example.com' },
      }),
    });
    expect(res.status).toBe(201);
    expect((await (await find(decisionNo)).json<Found>()).items[0]!.record.flags).toContain('objection_pending');
  });
});
