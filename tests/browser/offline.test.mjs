// Browser tests of the page offline: the single-file edition opened from disk (no request at
// all, the tools worker inlined), the normal build opened from disk (a message that says what to
// do, never a blank page), the served page after one visit with the network cut (the service
// worker's cache) and updated by a new build, the download of the single file, the first load
// fetching only what the size report counts, the autosave of a burst of typing, and a very
// long list of existing subnets folded away so that typing stays fast.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer, launch, newPage, open, prefixes, DIST, screenshot } from './harness.mjs';

const DEFAULT_PREFIXES = ['10.0.0.0/27', '10.0.0.32/27', '10.0.0.64/27', '10.0.0.96/27'];
const SINGLE = pathToFileURL(path.join(DIST, 'ise-planner.html')).href;
const INDEX_ON_DISK = pathToFileURL(path.join(DIST, 'index.html')).href;

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A page in a fresh context that records every request and every problem it reports. */
async function pageFor(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  page.requestsSeen = [];
  page.problems = [];
  page.on('request', (r) => page.requestsSeen.push(r.url()));
  page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(`console: ${m.text()}`); });
  return page;
}

test('the single-file edition opened from disk renders four subnets, exports, and makes no request', async () => {
  const page = await pageFor();
  // Requests the page's context makes, its workers' included.
  const contextRequests = [];
  page.context().on('request', (r) => contextRequests.push(r.url()));
  try {
    await open(page, SINGLE);
    assert.deepEqual(await prefixes(page), DEFAULT_PREFIXES);
    assert.equal(await page.locator('#nsg-inbound tbody tr').count(), 9);
    assert.equal(await page.isHidden('#cannot-load'), true);
    assert.equal(await page.locator('#download-offline').count(), 0, 'the single file does not offer itself');
    // The tools worker runs from the file too (a Blob URL): an export is written.
    await page.fill('#f-vnet-addressPrefixes', '10.7.0.0/24');
    await page.getByRole('tab', { name: 'ARM', exact: true }).click();
    await page.locator('#panel-arm[data-state=ready]').waitFor();
    assert.match(await page.locator('#panel-arm pre').innerText(), /10\.7\.0\.0\/27/);
    await screenshot(page, 'single-file.png', { fullPage: false });
    const elsewhere = [...page.requestsSeen, ...contextRequests].filter((u) => u !== SINGLE && !u.startsWith('blob:'));
    assert.deepEqual(elsewhere, [], 'the single file fetched something');
    assert.deepEqual(page.problems, [], 'the page reported problems (a CSP violation would show here)');
  } finally {
    await page.context().close();
  }
});

test('the single-file edition works from a web server too, fetching nothing but itself', async () => {
  const page = await newPage(browser, server.origin);
  try {
    await open(page, server.url + 'ise-planner.html');
    assert.deepEqual(await prefixes(page), DEFAULT_PREFIXES);
    assert.deepEqual(page.requestsSeen.filter((u) => !u.startsWith('blob:')), [server.url + 'ise-planner.html']);
    assert.deepEqual(page.problems, []);
  } finally {
    await page.context().close();
  }
});

test('the single file keeps a strict policy: its own inline scripts and style by hash, workers from blob: only', async () => {
  const html = fs.readFileSync(path.join(DIST, 'ise-planner.html'), 'utf8');
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)[1];
  assert.match(csp, /default-src 'none'/);
  // Three inline scripts: the boot script, the one that hides the default design's subnets
  // when a saved design is shown instead, and the program.
  assert.match(csp, /script-src 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+'){3};/);
  assert.match(csp, /style-src 'sha256-[A-Za-z0-9+/=]+';/);
  assert.match(csp, /worker-src blob:;/);
  assert.match(csp, /connect-src 'none'/);
  assert.doesNotMatch(csp, /unsafe-inline|'self'|https?:/);
  // The served page's policy stays as it was: its own origin only.
  const index = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const served = index.match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)[1];
  assert.match(served, /worker-src 'self'; manifest-src 'self'/);
  assert.doesNotMatch(served, /blob:|unsafe-inline/);
});

test('the normal build opened from disk says what to do instead of a blank page', async () => {
  const page = await pageFor();
  try {
    await page.goto(INDEX_ON_DISK);
    const message = page.locator('#cannot-load');
    await message.waitFor({ state: 'visible', timeout: 10000 });
    const text = await message.innerText();
    assert.match(text, /could not start/);
    assert.match(text, /ise-planner\.html/);
    assert.match(text, /serve this folder/);
    assert.equal(await page.isHidden('#app'), true, 'the loading state gives way to the message');
    // The shell is there: title and retirement line.
    assert.match(await page.locator('h1').innerText(), /ISE Network Planner/);
    assert.match(await page.locator('body').innerText(), /retired ISE on 2024-08-31/);
    // Its link opens the single-file edition, which works from there.
    await message.getByRole('link', { name: 'ise-planner.html' }).click();
    await page.waitForSelector('main[data-complete]', { timeout: 30000 });
    assert.deepEqual(await prefixes(page), DEFAULT_PREFIXES);
  } finally {
    await page.context().close();
  }
});

test('the served page offers the single-file edition for download', async () => {
  const page = await newPage(browser, server.origin);
  try {
    await open(page, server.url);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download for offline use' }).click()]);
    assert.equal(download.suggestedFilename(), 'ise-planner.html');
    const saved = fs.readFileSync(await download.path());
    assert.ok(saved.equals(fs.readFileSync(path.join(DIST, 'ise-planner.html'))), 'the download is the built single file');
  } finally {
    await page.context().close();
  }
});

test('the served page, after one visit, reloads and plans with the network cut; a new build replaces the cache', async () => {
  const page = await pageFor({ serviceWorkers: 'allow' });
  const context = page.context();
  try {
    await open(page, server.url);
    // The service worker registers after the page loads, and caches the build's files.
    await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistration())?.active?.state === 'activated',
      null, { timeout: 20000, polling: 200 });
    const cacheName = await page.evaluate(async () => (await caches.keys()).find((k) => k.startsWith('ise-planner-')));
    assert.ok(cacheName, 'a cache for this build');
    // What the cache holds, once the browser shows the page the worker's writes.
    const holding = async () => page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname), cacheName);
    await page.waitForFunction(async (name) => (await (await caches.open(name)).keys()).length > 0, cacheName, { timeout: 10000, polling: 200 }).catch(() => {});
    const cached = await holding();
    for (const f of ['ise-planner-tools.js', 'ise-planner-tools_bg.wasm', 'ise-planner-tools-loader.js', 'manifest.webmanifest']) {
      assert.ok(cached.some((p) => p.endsWith('/' + f)), `${f} is cached: ${cached}`);
    }
    assert.ok(cached.some((p) => /ise-planner-web-[0-9a-f]+_bg\.wasm$/.test(p)), 'the page wasm is cached');

    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('main[data-complete]', { timeout: 30000 });
    assert.deepEqual(await prefixes(page), DEFAULT_PREFIXES);
    // It still plans, and the tools worker loads from the cache too.
    await page.fill('#f-vnet-addressPrefixes', '192.168.10.0/24');
    assert.equal((await prefixes(page))[0], '192.168.10.0/27');
    await page.getByRole('tab', { name: 'Bicep', exact: true }).click();
    await page.locator('#panel-bicep[data-state=ready]').waitFor();
    assert.match(await page.locator('#panel-bicep pre').innerText(), /192\.168\.10\.0\/27/);
    assert.equal(await page.isHidden('#cannot-load'), true);

    // A new build is deployed (its service worker differs): once online, the page's next
    // visit installs it, and the previous build's cache is removed.
    await context.setOffline(false);
    const sw = fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8');
    assert.match(sw, /const CACHE = 'ise-planner-[0-9a-f]{16}';/);
    server.replace('sw.js', sw.replace(/const CACHE = 'ise-planner-[0-9a-f]{16}';/, "const CACHE = 'ise-planner-next-build';"));
    await page.reload();
    await page.waitForSelector('main[data-complete]');
    await page.waitForFunction(async () => {
      const keys = await caches.keys();
      return keys.length === 1 && keys[0] === 'ise-planner-next-build';
    }, null, { timeout: 20000, polling: 200 });
  } finally {
    server.replace('sw.js');
    await context.close();
  }
});

test('the first load fetches the page and its full program, nothing else; the size report groups them by the same names', async () => {
  const page = await newPage(browser, server.origin);
  try {
    await open(page, server.url);
    const names = page.requestsSeen.map((u) => decodeURIComponent(new URL(u).pathname.slice(new URL(server.url).pathname.length)) || 'index.html');
    // A first visit: the default design's subnets are in the page itself, so the first-paint
    // module is not fetched; the full program comes after the first paint.
    const firstLoad = /^(index\.html|ise-planner-web-[0-9a-f]+\.js|ise-planner-web-[0-9a-f]+_bg\.wasm|manifest\.webmanifest)$/;
    assert.deepEqual(names.filter((n) => !firstLoad.test(n)), [], `the first load fetched ${names.join(', ')}`);
    // The full program is asked for only once the shell's first contentful paint is on screen.
    const [fcp, program] = await page.evaluate(() => [
      performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      performance.getEntriesByType('resource').filter((e) => /ise-planner-web-/.test(e.name)).map((e) => e.startTime),
    ]);
    assert.equal(typeof fcp, 'number', 'a first contentful paint');
    assert.equal(program.length, 2, 'the full program\'s script and wasm');
    for (const start of program) assert.ok(start >= fcp, `the full program was fetched at ${start} ms, before the first paint at ${fcp} ms`);
    // The size report (scripts/bundle_size.sh) groups by the same names: the first paint
    // (with the first-paint module a saved design needs) and the full program.
    const script = fs.readFileSync(new URL('../../scripts/bundle_size.sh', import.meta.url), 'utf8');
    assert.match(script, /index\.html \| ise-planner-first\.js \| ise-planner-first_bg\.wasm \| manifest\.webmanifest\) first\+=/);
    assert.match(script, /ise-planner-web-\*\.js \| ise-planner-web-\*_bg\.wasm\) program\+=/);
  } finally {
    await page.context().close();
  }
});

/**
 * Opens the page with its full program held back until `release()` is called, so that what
 * the first paint shows can be read; `saved` is put into the autosave first.
 */
async function openFirstPaint(url, saved) {
  const page = await newPage(browser, server.origin);
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/ise-planner-web-*', async (route) => { await held; await route.continue(); });
  if (saved !== undefined) {
    await page.goto(server.url + 'manifest.webmanifest');
    await page.evaluate((text) => localStorage.setItem('ise-planner.design', text), saved);
  }
  await page.goto(url);
  return { page, release };
}

/** The first paint's subnet prefixes, read as a person sees them. */
const firstPrefixes = (page) => page.locator('#app .loading table.subnets .prefix-value').allInnerTexts();

test('the shell paints the answer before the full program: the default design\'s four subnets are in the page itself', async () => {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const body = html.slice(html.indexOf('<body>'));
  assert.match(body, /<h1>ISE Network Planner<\/h1>/);
  assert.match(body, /retired ISE on 2024-08-31/);
  assert.match(body, /<div id="app">[\s\S]*Loading the planner…/);
  for (const prefix of DEFAULT_PREFIXES) assert.ok(body.includes(`<span class="prefix-value">${prefix}</span>`), `${prefix} is in the HTML`);
  assert.doesNotMatch(html, /rel="(module)?preload" href="\.\/ise-planner-web/, 'the full program is not fetched before the first paint');
  const { page, release } = await openFirstPaint(server.url);
  try {
    await page.locator('#app .loading').waitFor();
    assert.deepEqual(await firstPrefixes(page), DEFAULT_PREFIXES);
    assert.match(await page.locator('#app .loading').innerText(), /Subnets 1–4 take 10\.0\.0\.0\/25/);
    assert.ok(!page.requestsSeen.some((u) => u.includes('ise-planner-first')), 'no first-paint module for the default design');
    release();
    await page.waitForSelector('main[data-complete]', { timeout: 30000 });
    assert.equal(await page.locator('#app #summary').count(), 1, 'the app renders inside #app');
    assert.equal(await page.locator('#app #panic').count(), 0, '#panic is outside the app root');
    assert.equal(await page.locator('#app #cannot-load').count(), 0, 'the messages are outside the app root');
    assert.equal(await page.locator('h1').count(), 1);
    assert.equal(await page.getByText('Loading the planner…').count(), 0, 'the loading state is gone');
    assert.equal(await page.locator('#app .loading').count(), 0, 'the first paint is replaced');
    assert.deepEqual(await prefixes(page), DEFAULT_PREFIXES);
    assert.deepEqual(page.problems, []);
  } finally {
    await page.context().close();
  }
});

test('a saved design is painted first by the first-paint module, never the default meanwhile, and the full program agrees', async () => {
  const saved = JSON.stringify({ version: 2, vnet: { name: 'hub', addressPrefixes: ['192.168.8.0/24'], existingSubnets: ['192.168.8.0/25'] } });
  const { page, release } = await openFirstPaint(server.url, saved);
  try {
    // The default's subnets never show: hidden before the shell is first drawn.
    assert.ok(!(await page.evaluate(() => document.body.innerText)).includes('10.0.0.0/27'), 'the default design shows meanwhile');
    await page.waitForFunction(() => !document.documentElement.classList.contains('first-saved'), null, { timeout: 20000 });
    const first = await firstPrefixes(page);
    assert.deepEqual(first, ['192.168.8.128/27', '192.168.8.160/27', '192.168.8.192/27', '192.168.8.224/27']);
    assert.match(await page.locator('#app .loading').innerText(), /hub/);
    assert.ok(!(await page.locator('body').innerText()).includes('10.0.0.0/27'), 'the default design is not shown');
    assert.ok(page.requestsSeen.some((u) => u.includes('ise-planner-first_bg.wasm')), 'the first-paint module planned it');
    release();
    await page.waitForSelector('main[data-complete]', { timeout: 30000 });
    assert.deepEqual(await prefixes(page), first, 'the full program shows the same subnets');
    assert.deepEqual(page.problems, []);
  } finally {
    await page.context().close();
  }
});

test('a share link is painted first too; a saved design that cannot be read leaves the shell waiting, never the default', async () => {
  const encoded = await (async () => {
    // The link the full program makes for a design.
    const page = await newPage(browser, server.origin);
    try {
      await open(page, server.url);
      await page.fill('#f-vnet-addressPrefixes', '172.20.0.0/23');
      await page.locator('#f-vnet-addressPrefixes').blur();
      await page.waitForFunction(() => document.body.innerText.includes('172.20.0.0/27'));
      await page.getByRole('button', { name: 'Copy share link' }).click();
      await page.waitForFunction(() => navigator.clipboard.readText().then((t) => t.includes('#d1.')), null, { timeout: 10000 });
      return await page.evaluate(() => navigator.clipboard.readText());
    } finally {
      await page.context().close();
    }
  })();
  const { page, release } = await openFirstPaint(encoded);
  try {
    await page.waitForFunction(() => !document.documentElement.classList.contains('first-saved'), null, { timeout: 20000 });
    assert.deepEqual(await firstPrefixes(page), ['172.20.0.0/27', '172.20.0.32/27', '172.20.0.64/27', '172.20.0.96/27']);
    release();
    await page.waitForSelector('main[data-complete]', { timeout: 30000 });
    assert.deepEqual(await prefixes(page), ['172.20.0.0/27', '172.20.0.32/27', '172.20.0.64/27', '172.20.0.96/27']);
  } finally {
    await page.context().close();
  }
  const broken = await openFirstPaint(server.url, '{"version": 2, "vnet": {"addressPrefixes": 7}}');
  try {
    await broken.page.waitForFunction(() => [...performance.getEntriesByType('resource')].some((e) => e.name.includes('ise-planner-first_bg.wasm')), null, { timeout: 20000 });
    await broken.page.waitForTimeout(300);
    assert.equal(await broken.page.evaluate(() => document.documentElement.classList.contains('first-saved')), true, 'the shell keeps waiting');
    assert.ok(!(await broken.page.locator('body').innerText()).includes('10.0.0.0/27'), 'the default design is not shown for it');
    broken.release();
    await broken.page.waitForSelector('main[data-complete]', { timeout: 30000 });
  } finally {
    await broken.page.context().close();
  }
});

test('a burst of typing is saved: a reload at once restores the last value', async () => {
  const page = await newPage(browser, server.origin);
  try {
    await open(page, server.url);
    const field = page.locator('#f-vnet-addressPrefixes');
    await field.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('172.20.0.0/23', { delay: 5 });
    // No pause: the autosave is debounced, and written when the page goes away.
    await page.reload();
    await page.waitForSelector('main[data-complete]');
    assert.equal(await page.inputValue('#f-vnet-addressPrefixes'), '172.20.0.0/23');
    assert.equal((await prefixes(page))[0], '172.20.0.0/27');
  } finally {
    await page.context().close();
  }
});

test('a list of more than 5,000 existing subnets is folded away until asked for, and still plans', async () => {
  const page = await newPage(browser, server.origin);
  try {
    await open(page, server.url);
    const lines = Array.from({ length: 6000 }, (_, i) => `10.${(i >> 8) & 255}.${i & 255}.0/27 s${i}`).join('\n');
    await page.fill('#f-vnet-addressPrefixes', '10.0.0.0/8');
    // Pasted: the text, then one input event.
    await page.evaluate((text) => {
      const area = document.getElementById('f-vnet-existingSubnets');
      area.value = text;
      area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    }, lines);
    const show = page.getByRole('button', { name: 'Show the list to edit it' });
    await show.waitFor();
    assert.equal(await page.isHidden('#f-vnet-existingSubnets'), true, 'the long list is folded');
    assert.match(await page.locator('.folded').innerText(), /6000 lines/);
    assert.equal((await page.inputValue('#f-vnet-existingSubnets')).split('\n').length, 6000, 'its text is kept');
    // The plan follows it: the subnets avoid all 6,000.
    assert.match(await page.locator('.existing-list summary').innerText(), /6000 subnets/);
    await page.fill('#f-vnet-addressPrefixes', '10.0.0.0/9');
    assert.equal((await prefixes(page)).length, 4);
    await show.click();
    assert.equal(await page.isVisible('#f-vnet-existingSubnets'), true);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'f-vnet-existingSubnets');
    assert.equal(await page.locator('#show-existing').count(), 0);
  } finally {
    await page.context().close();
  }
});
