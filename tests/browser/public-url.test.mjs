// Trunk's own way to host the page under a sub-path: `trunk build --release --public-url
// /some/path/` writes every asset link under that path. scripts/test.sh builds it into
// target/dist-public-url/ (PUBLIC_URL_DIST overrides); this test serves it there, as a host
// would, and checks that the page starts, plans, exports through its tools worker, and asks
// only for files under that path — also when opened as …/index.html — and that the single-file
// edition built beside it still works.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launch, newPage, open, prefixes } from './harness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The public URL the build was made with (scripts/test.sh): the path it is served under. */
export const PUBLIC_URL = '/some/path/';
const DIST = path.resolve(process.env.PUBLIC_URL_DIST || path.join(ROOT, 'target/dist-public-url'));
const DEFAULT_PREFIXES = ['10.0.0.0/27', '10.0.0.32/27', '10.0.0.64/27', '10.0.0.96/27'];

let server;
let browser;

before(async () => {
  assert.ok(
    fs.existsSync(path.join(DIST, 'index.html')),
    `${DIST}/index.html is missing: build it with trunk build --release --offline --public-url ${PUBLIC_URL} --dist ${DIST} (scripts/test.sh does)`,
  );
  server = await startServer({ dist: DIST, base: PUBLIC_URL });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the build links its assets under the public URL', () => {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  // The stylesheet is inside the page; the full program and the first-paint module are asked
  // for under the public URL.
  assert.match(html, /<style>/);
  assert.match(html, /import\("\/some\/path\/ise-planner-web-[0-9a-f]+\.js"\)/);
  assert.match(html, /fetch\("\/some\/path\/ise-planner-web-[0-9a-f]+_bg\.wasm"\)/);
  assert.match(html, /"\/some\/path\/ise-planner-first\.js\?v=[0-9a-f]+"/);
  assert.match(html, /"\/some\/path\/ise-planner-first_bg\.wasm\?v=[0-9a-f]+"/);
  assert.doesNotMatch(html, /["(]\.\/(main-|ise-planner-)/);
});

test(`a saved design under ${PUBLIC_URL}: the first-paint module comes from that path too`, async () => {
  const page = await newPage(browser, server.origin);
  try {
    // Saved before the page's own scripts run, as an earlier visit would have.
    await page.addInitScript(() => localStorage.setItem('ise-planner.design', JSON.stringify({ version: 2, vnet: { addressPrefixes: ['172.31.4.0/24'] } })));
    await open(page, server.url);
    assert.ok(page.requestsSeen.some((u) => u.startsWith(server.url + 'ise-planner-first_bg.wasm?v=')), 'the first-paint module was fetched under the path');
    assert.equal((await prefixes(page))[0], '172.31.4.0/27');
    const outside = page.requestsSeen.filter((u) => !u.startsWith(server.url));
    assert.deepEqual(outside, [], 'requests outside the public URL');
    assert.deepEqual(page.problems, []);
  } finally {
    await page.context().close();
  }
});

for (const entry of ['', 'index.html']) {
  test(`served under ${PUBLIC_URL}${entry}: the page plans, exports, and asks only for files under that path`, async () => {
    const page = await newPage(browser, server.origin);
    try {
      await open(page, server.url + entry);
      assert.deepEqual(await prefixes(page), DEFAULT_PREFIXES);
      assert.equal(await page.isHidden('#cannot-load'), true);
      // The tools worker, loaded on first use, writes an export.
      await page.getByRole('tab', { name: 'ARM', exact: true }).click();
      await page.locator('#panel-arm[data-state=ready]').waitFor();
      assert.match(await page.locator('#panel-arm pre').innerText(), /"Microsoft\.Network\/networkSecurityGroups"/);
      const outside = page.requestsSeen.filter((u) => !u.startsWith(server.url) && !u.startsWith('data:') && !u.startsWith('blob:'));
      assert.deepEqual(outside, [], 'requests outside the public URL');
      assert.deepEqual(page.problems, [], 'the page reported problems');
    } finally {
      await page.context().close();
    }
  });
}

test('the single-file edition of the same build opens from disk', async () => {
  const page = await newPage(browser, server.origin);
  try {
    await open(page, 'file://' + path.join(DIST, 'ise-planner.html'));
    assert.deepEqual(await prefixes(page), DEFAULT_PREFIXES);
    assert.deepEqual(page.problems, [], 'the page reported problems');
  } finally {
    await page.context().close();
  }
});
