// Drives the index page of `nianbao batch --html-dir` in Debian's headless Chromium, opened from
// disk as a person opens it: the overview of reports comes first; clicking a header sorts it
// (again: the other way); the agency, year, errors and rule filters and the search show only the
// rows they select, and the count says how many; nothing is fetched from the network.
//
// Usage: node index.mjs INDEX_HTML
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { openChromium } from './chromium.mjs';

const [index] = process.argv.slice(2);
let browser;
try {
  browser = await openChromium();
  const { page } = browser;
  const fetched = [];
  page.on('request', (r) => { if (!r.url().startsWith('file:')) fetched.push(r.url()); });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(pathToFileURL(path.resolve(index)).href);
  assert.match(await page.title(), /年报检查汇总/);

  // The overview first, the cross-report findings below it.
  const order = await page.evaluate(() => {
    const f = document.getElementById('files'), a = document.getElementById('archive');
    return f.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING;
  });
  assert.ok(order, 'the overview comes before the cross-report findings');

  const rows = page.locator('#overview tbody tr.file');
  const total = await rows.count();
  assert.ok(total >= 20, `only ${total} rows`);
  const visible = () => page.$$eval('#overview tbody tr.file', (trs) => trs.filter((t) => !t.hidden).map((t) => ({
    agency: t.dataset.agency, year: t.dataset.year, status: t.dataset.status, errors: Number(t.dataset.errors),
    rules: t.dataset.rules.split(' ').filter(Boolean), file: t.querySelector('td.name [title]').getAttribute('title'),
    agencyText: t.cells[0].textContent.trim(),
  })));
  const shown = async () => Number(await page.locator('#shown').textContent());
  assert.equal(await shown(), total);

  // Sorting by year: ascending on the first click (files without a year last), descending on the second.
  const yearHead = page.locator('#overview thead th', { hasText: '年度' });
  await yearHead.click();
  assert.equal(await yearHead.getAttribute('aria-sort'), 'ascending');
  let years = (await visible()).map((r) => r.year);
  const known = years.filter((y) => y !== '').map(Number);
  assert.deepEqual(known, [...known].sort((a, b) => a - b));
  assert.ok(years.indexOf('') < 0 || years.slice(years.indexOf('')).every((y) => y === ''), 'no year sorts last');
  assert.ok(new Set(known).size >= 3, 'several years');
  await yearHead.click();
  assert.equal(await yearHead.getAttribute('aria-sort'), 'descending');
  years = (await visible()).map((r) => r.year).filter((y) => y !== '').map(Number);
  assert.deepEqual(years, [...years].sort((a, b) => b - a));

  // Sorting by agency, in the Chinese collation.
  await page.locator('#overview thead th', { hasText: '机关' }).click();
  const names = (await visible()).map((r) => r.agencyText);
  assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, 'zh-CN')));

  // Filtering by agency: that agency's rows only.
  const agencies = await page.$$eval('#f-agency option', (os) => os.map((o) => o.value).filter(Boolean));
  assert.ok(agencies.length >= 6, `agencies ${agencies}`);
  await page.selectOption('#f-agency', agencies[1]);
  let v = await visible();
  assert.ok(v.length >= 2 && v.length < total);
  assert.ok(v.every((r) => r.agency === agencies[1]));
  assert.equal(await shown(), v.length);
  // …and a year within it.
  await page.selectOption('#f-year', v[0].year);
  const oneYear = await visible();
  assert.ok(oneYear.length >= 1 && oneYear.every((r) => r.agency === agencies[1] && r.year === v[0].year));
  await page.selectOption('#f-year', '');
  await page.selectOption('#f-agency', '');
  assert.equal(await shown(), total);

  // Files that could not be read; files without errors.
  await page.selectOption('#f-errors', 'failed');
  v = await visible();
  assert.ok(v.length >= 5 && v.every((r) => r.status !== 'ok'));
  await page.selectOption('#f-errors', 'clean');
  v = await visible();
  assert.ok(v.length >= 10 && v.every((r) => r.status === 'ok' && r.errors === 0));
  await page.selectOption('#f-errors', '');

  // By rule: the planted carry-over break names its file.
  await page.selectOption('#f-rule', 'archive.carry_over');
  v = await visible();
  assert.ok(v.length >= 1 && v.every((r) => r.rules.includes('archive.carry_over')));
  assert.ok(v.some((r) => /a01_2023/.test(r.file)), JSON.stringify(v));
  await page.selectOption('#f-rule', '');

  // Search: by file name.
  await page.fill('#f-search', 'a03_');
  v = await visible();
  assert.ok(v.length >= 2 && v.every((r) => r.file.includes('a03_')));
  assert.equal(await shown(), v.length);
  await page.fill('#f-search', '');
  assert.equal(await shown(), total);

  // The links open the report pages, which are files beside the index.
  const href = await page.locator('#overview tbody tr.file[data-status="ok"] td.name a').first().getAttribute('href');
  assert.ok(!href.includes('/') && href.endsWith('.html'), href);
  assert.ok(fs.existsSync(path.join(path.dirname(index), href)), href);

  assert.deepEqual(fetched, [], 'nothing fetched from the network');
  assert.deepEqual(errors, [], 'no script error');
  console.log('index test passed:', total, 'files');
} finally {
  if (browser) await browser.close();
}
