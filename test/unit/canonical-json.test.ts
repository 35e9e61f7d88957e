import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, canonicalJson } from '../../functions/domain/canonical-json';

// What is hashed or signed (audit chain, checkpoints, reports) must be one exact byte sequence,
// and a value that cannot be encoded losslessly — or would recurse without end — is refused
// (functions/domain/canonical-json.ts). Key order and basic refusals are in audit-chain.test.ts.

/** An array nested `levels` deep around 1: levels 0 → 1, 1 → [1], 2 → [[1]]. */
function nestedArray(levels: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < levels; i++) v = [v];
  return v;
}

/** An object nested `levels` deep around 1: 1 → {"a":1}. */
function nestedObject(levels: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < levels; i++) v = { a: v };
  return v;
}

describe('canonicalJson — depth', () => {
  it('is a small bound, well below what would overflow the stack', () => {
    expect(MAX_DEPTH).toBe(32);
  });

  it.each([
    ['arrays', nestedArray],
    ['objects', nestedObject],
  ])('accepts %s nested exactly MAX_DEPTH levels', (_kind, nest) => {
    const value = nest(MAX_DEPTH);
    expect(canonicalJson(value)).toBe(JSON.stringify(value));
  });

  it.each([
    ['arrays', nestedArray],
    ['objects', nestedObject],
  ])('refuses %s nested MAX_DEPTH + 1 levels with a TypeError', (_kind, nest) => {
    expect(() => canonicalJson(nest(MAX_DEPTH + 1))).toThrow(TypeError);
    expect(() => canonicalJson(nest(MAX_DEPTH + 1))).toThrow(/deeper than 32/);
  });

  it('refuses a mix of arrays and objects past the bound', () => {
    let v: unknown = 'x';
    for (let i = 0; i <= MAX_DEPTH; i++) v = i % 2 ? { k: v } : [v];
    expect(() => canonicalJson(v)).toThrow(TypeError);
  });

  it('refuses 10,000 levels with a TypeError, not a stack overflow (RangeError)', () => {
    for (const value of [nestedArray(10_000), nestedObject(10_000)]) {
      let thrown: unknown;
      try {
        canonicalJson(value);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(TypeError);
      expect(thrown).not.toBeInstanceOf(RangeError);
    }
  });

  it('counts depth, not size: a wide shallow value is fine', () => {
    const wide = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, [i, { v: i }]]));
    expect(JSON.parse(canonicalJson(wide))).toEqual(wide);
  });

  it('refuses a deep value hidden at the bottom of a shallow-looking one', () => {
    expect(() => canonicalJson({ a: 1, b: [1, 2, { c: nestedObject(MAX_DEPTH) }] })).toThrow(TypeError);
  });
});

describe('canonicalJson — non-finite numbers', () => {
  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
  ])('refuses %s (JSON would silently turn it into null)', (_label, n) => {
    expect(() => canonicalJson(n)).toThrow(TypeError);
    expect(() => canonicalJson({ fineFen: n })).toThrow(TypeError);
    expect(() => canonicalJson([1, n])).toThrow(TypeError);
    expect(() => canonicalJson({ a: { b: [n] } })).toThrow(TypeError);
  });

  it('keeps finite numbers, zero and negatives as JSON writes them', () => {
    expect(canonicalJson({ z: 0, n: -1.5, big: 2_000_000, e: 1e21 })).toBe('{"big":2000000,"e":1e+21,"n":-1.5,"z":0}');
  });
});

describe('canonicalJson — key order', () => {
  it('sorts by UTF-16 code unit, not by locale, so every implementation agrees', () => {
    expect(canonicalJson({ b: 1, B: 2, a: 3, 姓名: 4, _: 5, 10: 6, 9: 7 })).toBe('{"10":6,"9":7,"B":2,"_":5,"a":3,"b":1,"姓名":4}');
  });

  it('writes undefined inside an array as null, keeping positions', () => {
    expect(canonicalJson([1, undefined, 3])).toBe('[1,null,3]');
  });
});
