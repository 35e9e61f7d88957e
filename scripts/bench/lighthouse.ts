// Lighthouse (mobile preset, its default) in the browser tests' Chromium: performance and accessibility.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumFlags, chromiumPath } from '../lib/chromium.ts';

export interface LighthouseScore {
  path: string;
  performance: number;
  accessibility: number;
}

export async function runLighthouse(baseUrl: string, paths: string[]): Promise<LighthouseScore[]> {
  const chrome = await chromeLauncher.launch({
    chromePath: await chromiumPath(),
    chromeFlags: chromiumFlags,
  });
  try {
    const scores: LighthouseScore[] = [];
    for (const path of paths) {
      const result = await lighthouse(new URL(path, baseUrl).href, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
      });
      const categories = result?.lhr.categories;
      scores.push({ path, performance: categories?.performance?.score ?? 0, accessibility: categories?.accessibility?.score ?? 0 });
    }
    return scores;
  } finally {
    chrome.kill();
  }
}
