import { describe, expect, it } from 'vitest';
import { etagMatches, etagOf } from '../../functions/http/etag';

describe('etagOf (the validator of API answers)', () => {
  it('is the same for the same text and differs when one character does', () => {
    const body = JSON.stringify({ uscc: '911101077001F7GYTU', records: [{ id: 1, title: '拖欠工资' }] });
    expect(etagOf(body)).toBe(etagOf(body));
    expect(etagOf(body)).toMatch(/^"[0-9a-z]+-[0-9a-z]+"$/);
    expect(etagOf(body.replace('"id":1', '"id":2'))).not.toBe(etagOf(body));
    expect(etagOf(body.replace('拖欠', '克扣'))).not.toBe(etagOf(body));
  });

  it('gives 10,000 different bodies 10,000 different tags', () => {
    const tags = new Set(Array.from({ length: 10_000 }, (_, i) => etagOf(`{"page":${i}}`)));
    expect(tags.size).toBe(10_000);
  });
});

describe('etagMatches (If-None-Match)', () => {
  const tag = etagOf('{}');
  it('finds the tag in a list, weak or strong, and honours *', () => {
    expect(etagMatches(tag, tag)).toBe(true);
    expect(etagMatches(`"other", W/${tag}`, tag)).toBe(true);
    expect(etagMatches('*', tag)).toBe(true);
    expect(etagMatches('"other"', tag)).toBe(false);
    expect(etagMatches(undefined, tag)).toBe(false);
  });
});
