// Real Chromium (Debian's package) driven by playwright-core, and an axe-core check for every page visited.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

const require = createRequire(import.meta.url);

export function chromiumPath(): string {
  const path = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. The browser tests need it: install Debian's package with ` +
        '`sudo apt-get install -y chromium`, or set CHROME_PATH to a Chromium or Chrome binary.',
    );
  }
  return path;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    // The background-networking flags keep Chromium from calling out of this closed network.
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/**
 * Runs axe-core on the current page and fails the test with the violations listed. A page whose
 * context has JavaScript off cannot run axe, so its HTML (styles are inlined) is audited in a
 * scratch page that can.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  if (!(await page.evaluate(() => 'axe' in window))) {
    const scratch = await page.context().browser()!.newPage({ bypassCSP: true });
    try {
      await scratch.setContent(await page.content(), { waitUntil: 'load' });
      return await expectNoAxeViolations(scratch);
    } finally {
      await scratch.close();
    }
  }
  const violations = await page.evaluate(async (tags) => {
    // @ts-expect-error axe is injected above
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v: { id: string; help: string; nodes: { target: unknown }[] }) => ({
      id: v.id,
      help: v.help,
      targets: v.nodes.map((n) => n.target),
    }));
  }, WCAG_22_AA);
  expect(violations, `axe-core on ${page.url()}`).toEqual([]);
}
