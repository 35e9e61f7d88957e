// Deterministic randomness for the demo data. Every stream is keyed by numbers (the seed, a
// stream name, an enterprise id …), so any enterprise can be generated on its own and a change
// in one table's generator does not shift the values of another.

/** murmur3's mixing steps: cheap, and good enough to decorrelate neighbouring keys. */
function mixKey(h: number, key: number): number {
  let k = Math.imul(key | 0, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function finalMix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** An unsigned 32-bit hash of a list of integers (each taken modulo 2^32). */
export function hash32(...keys: number[]): number {
  let h = 0x9747b28c;
  for (const key of keys) {
    // The high word too, so that seeds above 2^32 do not collide with their low 32 bits.
    h = mixKey(h, key);
    h = mixKey(h, Math.floor(key / 0x1_0000_0000));
  }
  return finalMix(h ^ keys.length);
}

/** A uniform number in [0, 1) from the keys alone, for one-off decisions such as "is this employer drawn". */
export function unitHash(...keys: number[]): number {
  return hash32(...keys) / 0x1_0000_0000;
}

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Uniform integer in [min, max], both included. */
  between(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight: `weighted([['A', 62], ['B', 20]])`. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T;
}

/**
 * sfc32 (Chris Doty-Humphrey's small fast counter): 128 bits of state, passes PractRand. A class
 * rather than closures: a million enterprises create several generators each.
 */
class Sfc32 implements Rng {
  private a: number;
  private b: number;
  private c: number;
  private d = 1;

  constructor(keys: number[]) {
    this.a = hash32(...keys, 1);
    this.b = hash32(...keys, 2);
    this.c = hash32(...keys, 3);
    for (let i = 0; i < 12; i++) this.next();
  }

  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 0x1_0000_0000;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of choices) total += w;
    let r = this.next() * total;
    for (const [value, w] of choices) {
      r -= w;
      if (r < 0) return value;
    }
    return choices[choices.length - 1]![0];
  }
}

export function createRng(...keys: number[]): Rng {
  return new Sfc32(keys);
}

/**
 * A keyed bijection of [0, n): a balanced Feistel network over the next even power of two,
 * walked until it lands inside the range. Used where values must be unique by construction
 * (code bodies, names) yet look unordered.
 */
export function createPermutation(n: number, key: number): (i: number) => number {
  let bits = 2;
  while (2 ** bits < n) bits += 2;
  const half = 2 ** (bits / 2);
  const mask = half - 1;
  const rounds = [hash32(key, 1), hash32(key, 2), hash32(key, 3), hash32(key, 4)];
  const scramble = (x: number) => {
    let left = Math.floor(x / half);
    let right = x % half;
    for (const roundKey of rounds) {
      const mixed = (left ^ (hash32(roundKey, right) & mask)) >>> 0;
      left = right;
      right = mixed;
    }
    return left * half + right;
  };
  return (i) => {
    if (!(i >= 0 && i < n)) throw new RangeError(`permutation index ${i} outside [0, ${n})`);
    let x = scramble(i);
    while (x >= n) x = scramble(x);
    return x;
  };
}
