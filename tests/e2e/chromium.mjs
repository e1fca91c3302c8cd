// Debian's Chromium, headless, with a private profile of its own in a temporary directory (a
// persistent context is how playwright passes --user-data-dir), as both browser tests open it.
// `close()` ends the browser and removes the profile, also when the launch failed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export async function openChromium() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-chromium-'));
  let context;
  const close = async () => {
    if (context) await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  };
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
             '--disable-component-update', '--disable-sync'],
      viewport: { width: 1280, height: 900 },
    });
  } catch (e) {
    await close();
    throw e;
  }
  const page = context.pages()[0] ?? await context.newPage();
  return { page, close };
}
