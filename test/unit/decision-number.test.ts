import { describe, expect, it } from 'vitest';
import { decisionNoKey } from '../../functions/domain/decision-number';

// DOMAIN.md §3 (两书同达): the enterprise starts from the 决定书文号 on its letter; DESIGN.md:
// "normalised: full-width/half-width brackets 〔〕[]() and spaces ignored".
describe('decisionNoKey', () => {
  const stored = '京朝人社监罚字〔2026〕第1号';

  it.each([
    '京朝人社监罚字〔2026〕第1号',
    '京朝人社监罚字[2026]第1号',
    '京朝人社监罚字(2026)第1号',
    '京朝人社监罚字（2026）第 1 号',
    '京朝人社监罚字［２０２６］第１号',
    '京朝人社监罚字【2026】第1号',
    ' 京朝人社监罚字 〔2026〕 第 1 号 ',
    '京朝人社监罚字\u30002026\u3000第1号',
  ])('reads %s as the same number', (typed) => {
    expect(decisionNoKey(typed)).toBe(decisionNoKey(stored));
  });

  it('keeps what tells numbers apart: the characters, the year and the serial', () => {
    expect(decisionNoKey('京朝人社监罚字〔2026〕第12号')).not.toBe(decisionNoKey(stored));
    expect(decisionNoKey('京朝人社监罚字〔2025〕第1号')).not.toBe(decisionNoKey(stored));
    expect(decisionNoKey('京海人社监罚字〔2026〕第1号')).not.toBe(decisionNoKey(stored));
  });
});
