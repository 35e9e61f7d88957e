// The Chromium the browser tests and Lighthouse drive: CHROME_PATH when set, Debian's package when
// installed, otherwise the one shipped inside the @sparticuz/chromium npm package (unpacked once
// into the temporary directory), so that `npm install && npm test` needs nothing else on the machine.
import { existsSync } from 'node:fs';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export async function chromiumPath(): Promise<string> {
  const configured = process.env.CHROME_PATH;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROME_PATH is ${configured}, but there is no such file.`);
    return configured;
  }
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  const { default: bundled } = await import('@sparticuz/chromium');
  return bundled.executablePath();
}

/** Flags for a headless run on a closed network: without the background-networking ones Chromium keeps calling out. */
export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
