// Browser tests of the page for people (issue 8): the answer as text, inputs beside it, a quiet
// screen reader, reasons for every invalid control, undo, print, focus, phone, dark mode,
// axe-core — against the real release build in headless Chromium.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, launch, newPage, open, screenshot, seriousAxeViolations, prefixes, leaveField } from './harness.mjs';

let server;
let browser;
const pages = [];

before(async () => {
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

let openNow = [];

// Each test's pages close when it ends (what they requested stays recorded for the check
// above), so a heavy page cannot slow or steal focus from the next test.
afterEach(async () => {
  for (const page of openNow) await page.context().close();
  openNow = [];
});

async function fresh(viewport = { width: 1280, height: 800 }, options = {}) {
  const page = await newPage(browser, server.origin, viewport, options);
  pages.push(page);
  openNow.push(page);
  await page.bringToFront();
  return page;
}

function assertQuiet(page) {
  assert.deepEqual(page.problems, [], 'the page reported problems');
}

const DEFAULT_PREFIXES = ['10.0.0.0/27', '10.0.0.32/27', '10.0.0.64/27', '10.0.0.96/27'];

/** WCAG contrast ratio of two `rgb(...)` colours. */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.match(/[\d.]+/g).slice(0, 3).map((x) => {
      const v = Number(x) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

test('the four prefixes are the answer: text in the page and the accessibility tree, selectable with the mouse', async () => {
  const page = await fresh();
  await open(page, server.url);
  assert.deepEqual(await prefixes(page), DEFAULT_PREFIXES);
  const text = await page.locator('body').innerText();
  for (const p of DEFAULT_PREFIXES) assert.ok(text.includes(p), `${p} in the page text`);
  const tree = await page.locator('table.subnets').ariaSnapshot();
  for (const p of DEFAULT_PREFIXES) assert.ok(tree.includes(p), `${p} in the accessibility tree:\n${tree}`);
  for (const p of DEFAULT_PREFIXES) assert.equal(await page.getByRole('cell', { name: p }).count(), 1, `one cell holds ${p}`);
  // A drag across the prefix selects exactly it; Ctrl+C copies it.
  const box = await page.locator('#subnet-2-prefix').boundingBox();
  await page.mouse.move(box.x + 1, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width - 1, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  assert.equal(await page.evaluate(() => window.getSelection().toString().trim()), '10.0.0.32/27');
  await page.keyboard.press('Control+C');
  assert.equal((await page.evaluate(() => navigator.clipboard.readText())).trim(), '10.0.0.32/27');
  assertQuiet(page);
});

test('at 1280×800 the VNet input and the four subnets are in the first view, and the page looks right', async () => {
  const page = await fresh({ width: 1280, height: 800 });
  await open(page, server.url);
  const vnet = await page.locator('#f-vnet-addressPrefixes').boundingBox();
  const existing = await page.locator('#f-vnet-existingSubnets').boundingBox();
  const lastRow = await page.locator('table.subnets tbody tr').nth(3).boundingBox();
  const map = await page.locator('.map-bar').first().boundingBox();
  assert.ok(vnet.y + vnet.height <= 800, `VNet input ends at ${vnet.y + vnet.height}`);
  assert.ok(existing.y + existing.height <= 800, `existing subnets end at ${existing.y + existing.height}`);
  assert.ok(lastRow.y + lastRow.height <= 800, `the fourth subnet ends at ${lastRow.y + lastRow.height}`);
  assert.ok(map.y + map.height <= 800, `the map ends at ${map.y + map.height}`);
  // Typing and seeing happen side by side: the input is left of the subnets.
  assert.ok(vnet.x + vnet.width < (await page.locator('table.subnets').boundingBox()).x);
  // Every input section is a heading, reachable by the skip links.
  for (const name of ['Network', 'Access and routing', 'Environment']) {
    assert.equal(await page.getByRole('heading', { level: 2, name }).count(), 1, name);
  }
  assert.doesNotMatch(await page.locator('.map-bar').first().getAttribute('aria-label'), /free free/);
  await screenshot(page, 'laptop.png', { fullPage: false });
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to the network inputs');
  assert.ok((await page.locator('a.skip').first().boundingBox()).x >= 0, 'the skip link shows when focused');
  await page.keyboard.press('Enter');
  assert.equal(new URL(page.url()).hash, '#network');
  // The NSG tables fit the results column: nothing is clipped at 1280 px.
  for (const id of ['#nsg-inbound', '#nsg-outbound']) {
    const fits = await page.locator(id).evaluate((t) => t.parentElement.scrollWidth <= t.parentElement.clientWidth);
    assert.ok(fits, `${id} needs a sideways scroll at 1280 px`);
  }
  assertQuiet(page);
});

test('at 390 px (a phone) nothing scrolls sideways; wide tables scroll in their own focusable region', async () => {
  const page = await fresh({ width: 390, height: 844 });
  await open(page, server.url);
  await page.check('#f-forcedTunneling-firewall');
  await page.check('#f-accessEndpoint-external');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
  const regions = await page.$$eval('.scroll', (els) => els.filter((e) => e.scrollWidth > e.clientWidth).map((e) => [e.tabIndex, e.getAttribute('role'), !!(e.getAttribute('aria-labelledby') || e.getAttribute('aria-label'))]));
  assert.ok(regions.length > 0, 'some table is wider than a phone');
  for (const r of regions) assert.deepEqual(r, [0, 'region', true]);
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'phone.png', { fullPage: false });
  assertQuiet(page);
});

test('Start over, opening a file or a link keeps the previous design one click away', async () => {
  const page = await fresh();
  await open(page, server.url);
  await page.fill('#f-name', 'precious-ise');
  await page.fill('#f-vnet-addressPrefixes', '10.42.0.0/24');
  await page.getByRole('button', { name: 'Edit subnet 1 prefix' }).click();
  await page.getByRole('button', { name: 'Start over' }).click();
  assert.match(await page.locator('#notice-text').innerText(), /Design cleared/);
  assert.equal(await page.locator('#f-subnets-0-prefix').count(), 0, 'an open prefix editor closes with the design it edited');
  assert.deepEqual(await prefixes(page), DEFAULT_PREFIXES);
  assert.equal(await page.inputValue('#f-name'), 'ise-1');
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.equal(await page.inputValue('#f-name'), 'precious-ise');
  assert.equal(await page.inputValue('#f-vnet-addressPrefixes'), '10.42.0.0/24');
  assert.equal((await prefixes(page))[0], '10.42.0.0/27');

  // Opening a file over it: Undo again; and the replaced design is in Recent designs, also
  // after a reload.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ise-'));
  const file = path.join(dir, 'other.json');
  fs.writeFileSync(file, JSON.stringify({ version: 2, name: 'other-ise' }));
  await page.setInputFiles('#open-design', file);
  await page.locator('#notice-text', { hasText: 'Opened other.json' }).waitFor();
  assert.equal(await page.inputValue('#f-name'), 'other-ise');
  await page.reload();
  await page.waitForSelector('main[data-complete]');
  assert.equal(await page.inputValue('#f-name'), 'other-ise');
  await page.locator('.recent summary').click();
  await page.getByRole('button', { name: /^Open precious-ise · 10\.42\.0\.0\/24/ }).click();
  assert.equal(await page.inputValue('#f-name'), 'precious-ise');
  assert.match(await page.locator('#notice-text').innerText(), /Restored a recent design/);
  // …and the design it replaced is one click away in turn.
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.equal(await page.inputValue('#f-name'), 'other-ise');
  assertQuiet(page);
});

test('pinning one subnet leaves the others where they were', async () => {
  const page = await fresh();
  await open(page, server.url);
  assert.deepEqual(await prefixes(page), DEFAULT_PREFIXES);
  await page.getByRole('button', { name: 'Edit subnet 3 prefix' }).click();
  await page.fill('#f-subnets-2-prefix', '10.0.2.0/27');
  await page.keyboard.press('Enter');
  assert.deepEqual(await prefixes(page), ['10.0.0.0/27', '10.0.0.32/27', '10.0.2.0/27', '10.0.0.96/27']);
  assertQuiet(page);
});

test('typing a prefix character by character announces nothing until the pause', async () => {
  const page = await fresh();
  await page.clock.install({ time: new Date('2026-01-05T09:00:00') });
  await open(page, server.url);
  await page.clock.pauseAt(new Date('2026-01-05T09:10:00'));
  // Record every change inside a live region (status, alert, aria-live), and any new one.
  await page.evaluate(() => {
    window.announced = [];
    const live = '[aria-live], [role=status], [role=alert], [role=log]';
    new MutationObserver((records) => {
      for (const r of records) {
        const node = r.target.nodeType === 1 ? r.target : r.target.parentElement;
        const region = node && (node.closest(live) || [...r.addedNodes].find((n) => n.nodeType === 1 && (n.matches(live) || n.querySelector(live))));
        if (region) window.announced.push((region.closest ? region.closest(live) || region : region).textContent.trim());
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-live', 'role'] });
  });
  await page.focus('#f-vnet-addressPrefixes');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  for (const ch of '10.20.0.0/16') {
    await page.keyboard.type(ch);
    await page.clock.runFor(300); // a steady typist: never a 1-second pause
    assert.deepEqual(await page.evaluate(() => window.announced), [], `announced while typing (after "${ch}")`);
    assert.equal(await page.locator('#f-vnet-addressPrefixes-findings').innerText(), '', 'findings wait for the pause');
    assert.equal(await page.getAttribute('#f-vnet-addressPrefixes', 'aria-invalid'), 'false');
  }
  // The plan itself followed every keystroke.
  assert.equal((await prefixes(page))[0], '10.20.0.0/27');
  await page.clock.runFor(1100);
  const said = await page.evaluate(() => window.announced);
  assert.ok(said.length >= 1 && said.every((t) => /10\.20\.0\.0\/27/.test(t)), `after the pause: ${JSON.stringify(said)}`);
  assert.equal(await page.locator('[aria-live], [role=status]').filter({ hasText: '10.20.0.0/27' }).count(), 1, 'one status region speaks');
  assertQuiet(page);
});

test('every invalid control names its reason (aria-describedby), findings name fields as the page does, capacity keeps what was typed', async () => {
  const page = await fresh();
  await open(page, server.url);
  await page.fill('#f-vnet-addressPrefixes', '10.0.0.5/22');
  await page.fill('#f-vnet-existingSubnets', '10.0.0.0/24 web\nnonsense');
  await page.fill('#f-subnets-0-name', '1st');
  await page.fill('#f-subscriptionId', 'not-a-guid');
  await page.fill('#f-additionalCapacity', '-3');
  await page.getByRole('button', { name: 'Edit subnet 2 prefix' }).click();
  await page.fill('#f-subnets-1-prefix', '10.0.2.0/28');
  await leaveField(page);
  const invalid = await page.$$eval('[aria-invalid=true]', (els) => els.map((e) => ({
    id: e.id,
    reasons: (e.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean).map((id) => document.getElementById(id)?.textContent.trim() ?? `MISSING #${id}`).join(' | '),
  })));
  const ids = invalid.map((x) => x.id).sort();
  for (const id of ['f-additionalCapacity', 'f-subnets-0-name', 'f-subnets-1-prefix', 'f-subscriptionId', 'f-vnet-addressPrefixes', 'f-vnet-existingSubnets']) {
    assert.ok(ids.includes(id), `${id} is invalid: ${ids}`);
  }
  for (const { id, reasons } of invalid) {
    assert.doesNotMatch(reasons, /MISSING/, `${id}: ${reasons}`);
    assert.match(reasons, /Error: \S/, `${id} has no reason: "${reasons}"`);
  }
  assert.match(invalid.find((x) => x.id === 'f-vnet-existingSubnets').reasons, /Line 2: /);
  // Capacity stays as typed, with its finding.
  assert.equal(await page.inputValue('#f-additionalCapacity'), '-3');
  assert.equal(await page.getAttribute('#f-additionalCapacity', 'inputmode'), 'numeric');
  assert.equal(await page.getAttribute('#f-additionalCapacity', 'type'), 'text');
  for (const [typed, code] of [['2.5', 'capacity-invalid'], ['', 'capacity-invalid'], ['11', 'capacity-out-of-range']]) {
    await page.fill('#f-additionalCapacity', typed);
    await leaveField(page);
    assert.equal(await page.inputValue('#f-additionalCapacity'), typed);
    assert.equal(await page.locator(`#f-additionalCapacity-findings [data-code="${code}"]`).count(), 1, `${typed} → ${code}`);
  }
  // The findings list names fields as the page labels them, counting from 1.
  const links = await page.locator('.all-findings .field-link').allInnerTexts();
  assert.ok(links.includes('Subnet 1 name'), links.join(', '));
  assert.ok(links.includes('Subnet 2 prefix'), links.join(', '));
  assert.ok(links.includes('VNet address space, line 1'), links.join(', '));
  assert.ok(links.every((l) => !/[[\].]/.test(l)), `no JSON paths: ${links.join(', ')}`);
  await page.getByRole('button', { name: 'Existing subnets, line 2' }).click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'f-vnet-existingSubnets');
  assert.equal(await page.evaluate(() => { const a = document.activeElement; return a.value.slice(a.selectionStart, a.selectionEnd); }), 'nonsense');
  assert.equal(await page.getByText('Location', { exact: true }).count(), 1);
  assert.equal(await page.getByText('Region', { exact: true }).count(), 0);
  await screenshot(page, 'errors.png', { fullPage: false });
  assertQuiet(page);
});

test('existing subnets take names, and one can be marked as an ISE subnet (documenting an existing ISE)', async () => {
  const page = await fresh();
  await open(page, server.url);
  await page.fill('#f-vnet-existingSubnets', '10.0.0.0/24 web\n10.0.1.0/27 ise-a');
  await page.locator('.existing-list summary').click();
  await page.getByRole('button', { name: 'Mark ise-a as ISE subnet' }).click();
  const row = page.locator('table.existing tbody tr').nth(1);
  assert.match(await row.innerText(), /ISE subnet 1/);
  assert.equal((await prefixes(page))[0], '10.0.1.0/27');
  assert.equal(await page.inputValue('#f-subnets-0-name'), 'ise-a');
  assert.match(await page.locator('table.subnets tbody tr').nth(0).innerText(), /existing subnet ise-a/);
  assert.equal(await page.inputValue('#f-vnet-existingSubnets'), '10.0.0.0/24 web\n10.0.1.0/27 ise-a', 'the text is left as typed');
  await page.getByRole('button', { name: 'Unmark ise-a as ISE subnet' }).click();
  assert.match(await row.innerText(), /Mark as ISE subnet/);
  assert.doesNotMatch(await page.locator('table.subnets tbody tr').nth(0).innerText(), /pinned/);
  assertQuiet(page);
});

test('a VNet with 100,000 existing subnets loads, lists a window of them, and stays editable', async () => {
  const page = await fresh();
  await open(page, server.url);
  await page.evaluate(() => {
    const existing = [];
    for (let i = 0; i < 100000; i++) {
      const n = 65536 + i * 32; // distinct /27 blocks from 10.1.0.0 on
      existing.push({ name: `s${i}`, prefix: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}/27` });
    }
    localStorage.setItem('ise-planner.design', JSON.stringify({ version: 2, vnet: { addressPrefixes: ['10.0.0.0/8'], existingSubnets: existing } }));
  });
  await page.reload();
  await page.waitForSelector('main[data-complete]', { timeout: 120000 });
  assert.equal((await page.inputValue('#f-vnet-existingSubnets')).split('\n').length, 100000);
  await page.locator('.existing-list summary').click();
  assert.equal(await page.locator('table.existing tbody tr').count(), 25);
  assert.match(await page.locator('.existing-list').innerText(), /Showing 25 of 100000/);
  await page.getByRole('button', { name: 'Show 100 more' }).click();
  assert.equal(await page.locator('table.existing tbody tr').count(), 125);
  await page.fill('#f-name', 'big-ise');
  assert.equal(await page.inputValue('#f-name'), 'big-ise');
  assert.equal((await prefixes(page)).length, 4);
  assertQuiet(page);
});

test('"Open design…" shows its focus, and the focus ring has at least 3:1 contrast', async () => {
  const page = await fresh();
  await open(page, server.url);
  await page.focus('#start-over');
  for (let i = 0; i < 20 && !(await page.evaluate(() => document.activeElement.id === 'open-design-button')); i++) await page.keyboard.press('Shift+Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'open-design-button');
  const ring = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement);
    const bg = getComputedStyle(document.querySelector('.page-header')).backgroundColor;
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor, bg };
  });
  assert.notEqual(ring.style, 'none');
  assert.ok(ring.width >= 2, `outline ${ring.width}px`);
  assert.ok(contrast(ring.color, ring.bg) >= 3, `focus ring ${ring.color} on ${ring.bg}: ${contrast(ring.color, ring.bg).toFixed(2)}:1`);
  // Enter on the button opens the file dialog: the hidden file input is clicked, with the
  // user's activation (which the browser requires to show the dialog).
  await page.evaluate(() => {
    window.opened = [];
    document.getElementById('open-design').addEventListener('click', (e) => { window.opened.push(navigator.userActivation.isActive); e.preventDefault(); });
  });
  await page.keyboard.press('Enter');
  assert.deepEqual(await page.evaluate(() => window.opened), [true]);
  assertQuiet(page);
});

test('dark mode: a dark background, readable text, its own focus ring', async () => {
  const page = await fresh({ width: 1280, height: 800 }, { colorScheme: 'dark' });
  await open(page, server.url);
  const colours = await page.evaluate(() => ({
    bg: getComputedStyle(document.documentElement).backgroundColor,
    card: getComputedStyle(document.querySelector('.card')).backgroundColor,
    ink: getComputedStyle(document.body).color,
    scheme: getComputedStyle(document.documentElement).colorScheme,
  }));
  const dark = (c) => c.match(/[\d.]+/g).slice(0, 3).every((x) => Number(x) < 60);
  assert.ok(dark(colours.bg), `page background ${colours.bg}`);
  assert.ok(dark(colours.card), `card background ${colours.card}`);
  assert.ok(contrast(colours.ink, colours.card) >= 7, `text ${colours.ink} on ${colours.card}`);
  assert.match(colours.scheme, /dark/);
  await page.focus('#f-vnet-addressPrefixes');
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineColor);
  assert.ok(contrast(ring, colours.card) >= 3, `focus ring ${ring} on ${colours.card}`);
  await screenshot(page, 'dark.png', { fullPage: false });
  assertQuiet(page);
});

test('axe-core finds nothing serious or critical: default, error, phone and dark states', async () => {
  const states = [
    ['default', { width: 1280, height: 800 }, {}, async () => {}],
    ['error', { width: 1280, height: 800 }, {}, async (page) => {
      await page.fill('#f-vnet-addressPrefixes', '10.0.0.5/22\n300.1.1.1/8');
      await page.fill('#f-subnets-0-name', '1st');
      await page.check('#f-accessEndpoint-external');
      await page.check('#f-forcedTunneling-firewall');
      await page.getByRole('button', { name: 'Edit subnet 2 prefix' }).click();
      await page.fill('#f-subnets-1-prefix', '10.0.2.0/28');
      await page.fill('#f-vnet-existingSubnets', '10.0.0.0/24 web\nbad');
      await page.locator('.existing-list summary').click();
      await page.getByRole('button', { name: 'Start over' }).click();
      await page.getByRole('button', { name: 'Undo' }).click();
      await leaveField(page);
    }],
    ['phone', { width: 390, height: 844 }, {}, async () => {}],
    ['dark', { width: 1280, height: 800 }, { colorScheme: 'dark' }, async (page) => {
      await page.fill('#f-vnet-addressPrefixes', '10.0.0.5/22');
      await leaveField(page);
    }],
  ];
  for (const [name, viewport, options, setUp] of states) {
    const page = await fresh(viewport, { bypassCSP: true, ...options });
    await open(page, server.url);
    await setUp(page);
    assert.deepEqual(await seriousAxeViolations(page), [], `axe-core, ${name} state`);
    assertQuiet(page);
  }
});
