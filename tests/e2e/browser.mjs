// Drives the self-check page in Debian's headless Chromium: checks the drop box is clear of the
// intro line, uploads a report PDF with a planted error, checks the findings, the marked cell
// and the boxed page image, saves a screenshot, then checks that an over-size upload is refused
// with a message and the server keeps serving.
//
// Usage: node browser.mjs NIANBAO_BINARY PLANTED_PDF SCREENSHOT_PNG
import { spawn } from 'node:child_process';
import net from 'node:net';
import assert from 'node:assert/strict';
import { openChromium } from './chromium.mjs';

const [binary, pdf, screenshot] = process.argv.slice(2);

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
}

async function waitFor(url, ms) {
  const end = Date.now() + ms;
  for (;;) {
    try { if ((await fetch(url)).ok) return; } catch { /* not up yet */ }
    if (Date.now() > end) throw new Error('server did not start: ' + url);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const port = await freePort();
const url = `http://127.0.0.1:${port}/`;
const server = spawn(binary, ['serve', '--port', String(port), '--max-upload-mb', '1'], { stdio: 'inherit' });
let browser;
try {
  await waitFor(url, 10000);
  browser = await openChromium();
  const { page } = browser;
  await page.goto(url);
  assert.match(await page.title(), /年报自查/);
  // The drop box sits below the intro line, not over it (a padded inline label overlapped it).
  const intro = await page.locator('.top p').boundingBox();
  const drop = await page.locator('#drop').boundingBox();
  assert.ok(drop.y >= intro.y + intro.height, `drop box top ${drop.y} over the intro ending at ${intro.y + intro.height}`);

  await page.setInputFiles('#file', pdf);
  await page.waitForSelector('body[data-done="1"]', { timeout: 60000 });
  const rules = await page.$$eval('li.finding', (els) => els.map((e) => e.dataset.rule));
  assert.deepEqual(rules.sort(), ['applications.balance', 'applications.row_total']);

  // The 总计 cell of 一、本年新收 carries the row_total finding; 自然人 of 四、结转 the balance one.
  const total = page.locator('#cell-applications-new-total');
  assert.match(await total.getAttribute('class'), /\bbad\b/);
  assert.equal((await total.textContent()).trim(), '3119');
  assert.match(await total.getAttribute('title'), /applications\.row_total/);
  const carried = page.locator('#cell-applications-carried_forward-natural_person');
  assert.match(await carried.getAttribute('class'), /\bbad\b/);

  // Selecting the balance finding marks the cells of the relation and the box on the page image.
  await page.click('li.finding[data-rule="applications.balance"]');
  assert.match(await carried.getAttribute('class'), /\bfocus\b/);
  const planted = page.locator('#cell-applications-new-natural_person');
  assert.match(await planted.getAttribute('class'), /\brelated\b/);
  assert.equal((await planted.textContent()).trim(), '3002');
  assert.equal(await page.locator('figure#page-5 .mark.focus').count(), 1);
  assert.equal(await page.locator('figure#page-4 .mark').count(), 1);
  await page.locator('#nb-detail').waitFor({ state: 'visible' });
  await carried.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshot, fullPage: false });

  // The page refuses an over-size file itself; the server refuses it too when sent directly.
  await page.setInputFiles('#file', { name: 'big.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(2 << 20) });
  assert.match(await page.locator('#status').textContent(), /文件太大/);
  const direct = await page.evaluate(async () => {
    const fd = new FormData();
    fd.append('file', new Blob([new Uint8Array(2 << 20)]), 'big.pdf');
    const r = await fetch('/api/check', { method: 'POST', body: fd });
    return { status: r.status, body: await r.text() };
  });
  assert.equal(direct.status, 413);
  assert.match(direct.body, /文件太大/);
  const again = await page.goto(url);
  assert.equal(again.status(), 200);
  console.log('browser test passed; screenshot:', screenshot);
} finally {
  if (browser) await browser.close();
  server.kill('SIGTERM');
}
