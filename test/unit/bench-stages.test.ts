import { describe, expect, it } from 'vitest';
import { OTHER, stageTimes, type CpuProfile } from '../../scripts/bench/stages';

const frame = (functionName: string, url = 'entry.mjs') => ({ functionName, url });

describe('stageTimes (the benchmark cutting a CPU profile into the stages of a read)', () => {
  // root → fetch → getCreditProfile → sqlToQuery → is ; fetch → renderPage ; (idle)
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('(root)', ''), children: [2, 6] },
      { id: 2, callFrame: frame('fetch'), children: [3, 5] },
      { id: 3, callFrame: frame('getCreditProfile'), children: [4] },
      { id: 4, callFrame: frame('sqlToQuery'), children: [7] },
      { id: 5, callFrame: frame('renderPage') },
      { id: 6, callFrame: frame('(idle)', '') },
      { id: 7, callFrame: frame('is') },
    ],
    samples: [7, 3, 5, 6, 2],
    // The first delta is before the first sample; each sample lasts until the next one.
    timeDeltas: [0, 1000, 2000, 3000, 4000, 0],
  };

  it('gives each sample to the innermost stage on its stack, for as long as it lasted', () => {
    const times = stageTimes(profile);
    expect(times.get('SQL building (drizzle query builder)')).toBe(1); // `is` inside the builder
    expect(times.get('record shaping (toPublicRecord, flags)')).toBe(2);
    expect(times.get('page rendering (Astro components)')).toBe(3);
    expect(times.get('idle (waiting for D1 or the network)')).toBe(4);
    expect(times.get(OTHER)).toBe(0); // `fetch` is in no stage; the last sample has no time after it
  });
});
