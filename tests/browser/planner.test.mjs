// Browser tests: the real release build (dist/), served on loopback under a sub-path, driven
// in Debian's headless Chromium the way a person uses it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, launch, newPage, open, screenshot, prefixes, leaveField } from './harness.mjs';

let server;
let browser;
const pages = [];

before(async () => {
  server = await startServer();
  browser = await launch();
});

after(async () => {
  // Nothing any test did may have reached beyond the page's own origin.
  for (const page of pages) {
    for (const url of page.requestsSeen) {
      assert.ok(url.startsWith(server.origin + '/') || url.startsWith('data:') || url.startsWith('blob:'), `request left the origin: ${url}`);
    }
  }
  await browser?.close();
  await server?.close();
});

async function fresh(viewport) {
  const page = await newPage(browser, server.origin, viewport);
  pages.push(page);
  return page;
}

/** No page error, no console error (a CSP violation would show here), no dialog. */
function assertQuiet(page) {
  assert.deepEqual(page.problems, [], 'the page reported problems');
}

const readClipboard = (page) => page.evaluate(() => navigator.clipboard.readText());

/** Clicks "Copy share link", waits for its confirmation as a person would, returns the link. */
async function copyShareLink(page) {
  await page.click('#copy-link');
  await page.locator('.action', { has: page.locator('#copy-link') }).locator('.action-status.ok').waitFor();
  return readClipboard(page);
}

test('the default design renders four subnets and both rule tables', async () => {
  const page = await fresh();
  await open(page, server.url);
  assert.deepEqual(await prefixes(page), ['10.0.0.0/27', '10.0.0.32/27', '10.0.0.64/27', '10.0.0.96/27']);
  assert.equal(await page.locator('table.subnets tbody tr').count(), 4);
  assert.equal(await page.locator('table.subnets input').count(), 4, 'only the names are inputs; the prefixes are the answer, as text');
  assert.equal(await page.locator('#nsg-inbound tbody tr').count(), 9);
  assert.equal(await page.locator('#nsg-outbound tbody tr').count(), 9);
  assert.match(await page.locator('#summary').innerText(), /0 errors/);
  assert.match(await page.locator('body').innerText(), /retired ISE on 2024-08-31/);
  assert.match(await page.locator('tr[data-rule="ise-in-app-service-management"]').innerText(), /454, 455/);
  assert.match(await page.locator('#rest-create').innerText(), /api-version=2019-05-01/);
  await screenshot(page, 'default.png');
  assertQuiet(page);
});

test('an invalid prefix shows its finding beside the field; a valid one re-allocates', async () => {
  const page = await fresh();
  await open(page, server.url);
  await page.fill('#f-vnet-addressPrefixes', '10.0.0.5/22');
  const findings = page.locator('#f-vnet-addressPrefixes-findings');
  await assert.doesNotReject(findings.getByText('did you mean 10.0.0.0/22').waitFor());
  assert.match(await findings.innerText(), /Error/);
  assert.equal(await page.getAttribute('#f-vnet-addressPrefixes', 'aria-invalid'), 'true');
  assert.match(await page.locator('#summary').innerText(), /[1-9]\d* errors?/);
  await screenshot(page, 'error-state.png');

  await page.fill('#f-vnet-addressPrefixes', '192.168.4.0/24');
  await leaveField(page);
  assert.equal(await findings.innerText(), '');
  assert.deepEqual(await prefixes(page), ['192.168.4.0/27', '192.168.4.32/27', '192.168.4.64/27', '192.168.4.96/27']);
  // Subnets stay where they were placed while their blocks stay valid: an existing subnet
  // over subnets 1 and 2 moves those two only; Re-allocate all places the four afresh.
  await page.fill('#f-vnet-existingSubnets', '192.168.4.0/26');
  assert.deepEqual(await prefixes(page), ['192.168.4.128/27', '192.168.4.160/27', '192.168.4.64/27', '192.168.4.96/27']);
  await page.click('#reallocate');
  assert.deepEqual(await prefixes(page), ['192.168.4.128/27', '192.168.4.160/27', '192.168.4.192/27', '192.168.4.224/27']);
  assertQuiet(page);
});

test('a pinned subnet sticks through other edits and a reload', async () => {
  const page = await fresh();
  await open(page, server.url);
  // Pinning is an explicit action: Edit opens an input holding the current prefix.
  await page.getByRole('button', { name: 'Edit subnet 3 prefix' }).click();
  assert.equal(await page.inputValue('#f-subnets-2-prefix'), '10.0.0.64/27');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'f-subnets-2-prefix');
  await page.fill('#f-subnets-2-prefix', '10.0.3.224/27');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#f-subnets-2-prefix').count(), 0, 'Enter closes the editor');
  await page.fill('#f-vnet-existingSubnets', '10.0.0.0/24');
  assert.deepEqual(await prefixes(page), ['10.0.1.0/27', '10.0.1.32/27', '10.0.3.224/27', '10.0.1.64/27']);
  assert.match(await page.locator('table.subnets tbody tr').nth(2).innerText(), /pinned/);
  await page.reload();
  await page.waitForSelector('main[data-complete]');
  assert.equal((await prefixes(page))[2], '10.0.3.224/27');
  assert.match(await page.locator('table.subnets tbody tr').nth(2).innerText(), /pinned/);
  // Pinning an allocated subnet with its button keeps the prefix it had.
  await page.getByRole('button', { name: 'Pin subnet 1' }).click();
  assert.equal((await prefixes(page))[0], '10.0.1.0/27');
  assert.match(await page.locator('table.subnets tbody tr').nth(0).innerText(), /pinned/);
  // Escape in the editor puts back what was there.
  await page.getByRole('button', { name: 'Edit subnet 1 prefix' }).click();
  await page.fill('#f-subnets-0-prefix', '10.0.2.0/27');
  assert.equal((await prefixes(page))[0], '10.0.2.0/27');
  await page.keyboard.press('Escape');
  assert.equal((await prefixes(page))[0], '10.0.1.0/27');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Edit subnet 1 prefix', 'focus returns to Edit');
  // Unpin hands a subnet back to the planner where it is; Re-allocate all places the
  // unpinned ones afresh and leaves the pinned one alone.
  await page.getByRole('button', { name: 'Unpin subnet 1' }).click();
  assert.equal((await prefixes(page))[0], '10.0.1.0/27');
  assert.match(await page.locator('table.subnets tbody tr').nth(0).innerText(), /allocated/);
  await page.getByRole('button', { name: 'Unpin subnet 3' }).click();
  assert.deepEqual(await prefixes(page), ['10.0.1.0/27', '10.0.1.32/27', '10.0.3.224/27', '10.0.1.64/27']);
  await page.getByRole('button', { name: 'Pin subnet 3' }).click();
  await page.click('#reallocate');
  assert.deepEqual(await prefixes(page), ['10.0.1.0/27', '10.0.1.32/27', '10.0.3.224/27', '10.0.1.64/27']);
  assert.match(await page.locator('table.subnets tbody tr').nth(2).innerText(), /pinned/);
  assert.equal(await page.locator('table.subnets tbody tr', { hasText: 'pinned' }).count(), 1);
  assertQuiet(page);
});

test('copy puts the strict-JSON request body on the clipboard, with confirmation', async () => {
  const page = await fresh();
  await open(page, server.url);
  await page.fill('#f-name', 'Fabrikam-ISE');
  await page.fill('#f-additionalCapacity', '1');
  await page.click('#rest-create-copy-body');
  await assert.doesNotReject(page.locator('#rest-create .action-status.ok').first().waitFor());
  const body = JSON.parse(await readClipboard(page));
  assert.equal(body.name, 'Fabrikam-ISE');
  assert.equal(body.type, 'Microsoft.Logic/integrationServiceEnvironments');
  assert.equal(body.properties.networkConfiguration.subnets.length, 4);
  assert.deepEqual(body.sku, { name: 'Premium', capacity: 1 });
  // Tables copy as tab-separated text (and HTML) for spreadsheets and wikis.
  await page.getByRole('button', { name: 'Copy inbound table' }).click();
  const inbound = page.locator('.table-block', { has: page.locator('#nsg-inbound') });
  await assert.doesNotReject(inbound.locator('.action-status.ok').waitFor());
  const tsv = await readClipboard(page);
  assert.match(tsv.split('\n')[0], /^Priority\tName\tDirection\tSource/);
  assert.match(tsv, /\n100\tise-in-intersubnet\tInbound\t10\.0\.0\.0\/22\t/);
  assertQuiet(page);
});

test('reload restores the design from autosave', async () => {
  const page = await fresh();
  await open(page, server.url);
  await page.fill('#f-name', 'saved-ise');
  await page.check('#f-forcedTunneling-expressRoute');
  // No waiting: the autosave is debounced, and written at once when the page goes away.
  await page.reload();
  await page.waitForSelector('main[data-complete]');
  assert.equal(await page.inputValue('#f-name'), 'saved-ise');
  assert.equal(await page.isChecked('#f-forcedTunneling-expressRoute'), true);
  assert.match(await page.locator('#routes').innerText(), /0\.0\.0\.0\/0\s+Internet/);
  assertQuiet(page);
});

test('a share link restores the design in a fresh browser profile', async () => {
  const page = await fresh();
  await open(page, server.url);
  await page.fill('#f-name', 'shared-ise');
  await page.fill('#f-vnet-addressPrefixes', '172.16.8.0/24');
  await page.check('#f-accessEndpoint-external');
  const link = await copyShareLink(page);
  assert.ok(link.startsWith(server.url + '#d1.'), link);
  assert.ok(link.length < 1200, `link is ${link.length} characters`);

  const other = await launch();
  try {
    const page2 = await newPage(other, server.origin);
    pages.push(page2);
    await open(page2, link);
    assert.equal(await page2.inputValue('#f-name'), 'shared-ise');
    assert.equal(await page2.isChecked('#f-accessEndpoint-external'), true);
    assert.equal((await prefixes(page2))[0], '172.16.8.0/27');
    assert.match(await page2.locator('#notice-text').innerText(), /shared link/);
    assert.equal(new URL(page2.url()).hash, '', 'the fragment is cleared after opening');
    assertQuiet(page2);
  } finally {
    await other.close();
  }
});

test('a corrupted or newer saved design is reported, never a blank page', async () => {
  const page = await fresh();
  await open(page, server.url);
  for (const [saved, expect] of [['{"version": 1, "vnet": ', /could not be read/], ['{"version": 99}', /newer ISE Network Planner/], ['"just a string"', /could not be read/]]) {
    await page.evaluate((v) => localStorage.setItem('ise-planner.design', v), saved);
    await page.reload();
    await page.waitForSelector('main[data-complete]');
    assert.match(await page.locator('#attention-text').innerText(), expect);
    assert.equal(await page.locator('table.subnets tbody tr').count(), 4);
    // Each is copied aside under its own key; no copy is written over (robust.test.mjs).
    const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ise-planner.design.damaged')).map((k) => localStorage.getItem(k)));
    assert.ok(kept.includes(saved), `${saved} kept: ${JSON.stringify(kept)}`);
  }
  assert.equal(await page.isHidden('#panic'), true);
  assertQuiet(page);
});

test('hostile links and files are data: shown as text, never run', async () => {
  const page = await fresh();
  await open(page, server.url);
  const evil = '<img src=x onerror="window.pwned=1"><script>window.pwned=1</script>';
  await page.fill('#f-name', evil);
  await page.fill('#f-subnets-0-name', evil);
  const link = await copyShareLink(page);
  const page2 = await fresh();
  await open(page2, link);
  assert.equal(await page2.inputValue('#f-name'), evil);
  assert.equal(await page2.evaluate(() => window.pwned), undefined);
  assert.equal(await page2.locator('main img, main script').count(), 0);
  assert.match(await page2.locator('#f-name-findings').innerText(), /ISE name contains/);
  // A damaged link is reported; the page keeps working.
  await open(page2, server.url + '#d1.!!!not-a-design');
  assert.match(await page2.locator('#notice-text').innerText(), /could not be opened/);
  // A file that is not a design is refused with a message.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ise-'));
  const bad = path.join(dir, 'bad.json');
  fs.writeFileSync(bad, '<html><script>window.pwned=1</script>');
  await page2.setInputFiles('#open-design', bad);
  await assert.doesNotReject(page2.locator('#notice-text', { hasText: 'was not opened' }).waitFor());
  assert.equal(await page2.evaluate(() => window.pwned), undefined);
  assertQuiet(page2);
});

test('save a design to a file and open it again', async () => {
  const page = await fresh();
  await open(page, server.url);
  await page.fill('#f-name', 'file-ise');
  await page.fill('#f-dnsServers', '10.0.0.4');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save design' }).click()]);
  assert.equal(download.suggestedFilename(), 'file-ise-design.json');
  const file = await download.path();
  const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(saved.version, 3);
  assert.deepEqual(saved.dnsServers, ['10.0.0.4']);
  await page.getByRole('button', { name: 'Start over' }).click();
  assert.equal(await page.inputValue('#f-name'), 'ise-1');
  assert.match(await page.locator('#notice-text').innerText(), /Design cleared/);
  await page.setInputFiles('#open-design', file);
  await assert.doesNotReject(page.locator('#notice-text', { hasText: 'Opened' }).waitFor());
  assert.equal(await page.inputValue('#f-name'), 'file-ise');
  assert.equal(await page.locator('tr[data-rule="ise-out-dns"]').count(), 1);
  assertQuiet(page);
});

test('the endpoint, SKU and cloud change what they should', async () => {
  const page = await fresh();
  await open(page, server.url);
  await page.check('#f-accessEndpoint-external');
  assert.match(await page.locator('tr[data-rule="ise-in-logic-app-https"]').innerText(), /Internet/);
  assert.match(await page.locator('tr[data-rule="ise-in-traffic-manager"]').innerText(), /\b443\b/);
  assert.match(await page.locator('#f-connectorOutboundAddresses-findings').innerText(), /inbound rule/);
  await page.selectOption('#f-sku', 'Developer');
  assert.equal(await page.isDisabled('#f-additionalCapacity'), true);
  await page.selectOption('#f-cloud', 'government');
  assert.match(await page.locator('#rest-create').innerText(), /management\.usgovcloudapi\.net/);
  await page.selectOption('#f-deployment', 'portal');
  assert.doesNotMatch(await page.locator('table.subnets').innerText(), /Microsoft\.Logic/);
  assertQuiet(page);
});

test('every control is labelled, and the layout fits a tablet', async () => {
  const page = await fresh({ width: 768, height: 1024 });
  await open(page, server.url);
  const unlabelled = await page.$$eval('input, select, textarea', (els) => els
    .filter((e) => !e.classList.contains('visually-hidden') && e.type !== 'hidden')
    .filter((e) => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))
    .map((e) => e.outerHTML.slice(0, 80)));
  assert.deepEqual(unlabelled, []);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than a 768px tablet`);
  // Keyboard: Tab reaches the first form field with a visible focus ring.
  await page.focus('#f-subscriptionId');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none');
  await screenshot(page, 'tablet.png');
  assertQuiet(page);
});

test('the print view is a summary: inputs in brief, no forms, rules, checklist and every finding kept, no text under 9 pt', async () => {
  const page = await fresh();
  await open(page, server.url);
  await page.fill('#f-name', 'printed-ise');
  await page.check('#f-accessEndpoint-external');
  await page.fill('#f-dnsServers', '10.0.0.300');
  await leaveField(page);
  const findings = await page.locator('.all-findings li').count();
  assert.ok(findings >= 3, `${findings} findings`);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('.area-network'), false);
  assert.equal(await page.isVisible('.toolbar'), false);
  assert.match(await page.locator('.inputs-summary').innerText(), /printed-ise in ise-rg/);
  assert.equal(await page.isVisible('#nsg-inbound'), true);
  assert.equal(await page.isVisible('.checklist'), true);
  // Every finding is printed, with the field it concerns, not just counted.
  const printed = await page.locator('.all-findings li').evaluateAll((els) => els.filter((e) => e.offsetParent !== null).map((e) => e.innerText));
  assert.equal(printed.length, findings);
  assert.ok(printed.some((t) => /Custom DNS servers, line 1/.test(t) && /not an IPv4 address/.test(t)), printed.join('\n'));
  // No visible text smaller than 9 pt (12 CSS px).
  const small = await page.evaluate(() => [...document.querySelectorAll('body *')]
    .filter((e) => e.offsetParent !== null && [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
    .filter((e) => parseFloat(getComputedStyle(e).fontSize) < 12)
    .map((e) => `${e.tagName}.${e.className}: ${getComputedStyle(e).fontSize} "${e.textContent.trim().slice(0, 30)}"`));
  assert.deepEqual(small, []);
  await page.pdf({ path: path.join(os.tmpdir(), 'ise-summary.pdf'), format: 'A4' });
  await screenshot(page, 'print.png');
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await page.isVisible('.inputs-summary'), false);
  assertQuiet(page);
});

test('forced tunneling imports addresses from a Service Tags file; a .cer file becomes base64', async () => {
  const page = await fresh();
  await open(page, server.url);
  // ExpressRoute needs no dependency addresses: its default route sends everything to the Internet.
  await page.check('#f-forcedTunneling-expressRoute');
  assert.equal(await page.locator('.finding[data-code="dependency-addresses-missing"]').count(), 0);
  // Through a firewall they are needed: one error naming every missing list.
  await page.check('#f-forcedTunneling-firewall');
  const missing = page.locator('#f-dependencyAddresses-findings .finding[data-code="dependency-addresses-missing"]');
  assert.equal(await missing.count(), 1);
  const message = await missing.innerText();
  for (const list of ['App Service Environment management', 'connector', 'Traffic Manager', 'Logic Apps']) {
    assert.match(message, new RegExp(list), `the error names ${list}`);
  }
  assert.equal(await page.locator('.all-findings .finding[data-code="dependency-addresses-missing"]').count(), 1, 'one error, not one per list');
  // The default route goes to the appliance at this address.
  await page.fill('#f-firewall-applianceIp', '10.0.3.4');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ise-'));
  const tags = path.join(dir, 'ServiceTags_Public_20261116.json');
  fs.writeFileSync(tags, JSON.stringify({ changeNumber: 1, cloud: 'Public', values: [
    { name: 'AppServiceManagement', properties: { addressPrefixes: ['13.64.115.203/32', '2603:1000::/40'] } },
    { name: 'AzureConnectors.WestEurope', properties: { addressPrefixes: ['13.69.227.208/28'] } },
    { name: 'AzureTrafficManager', properties: { addressPrefixes: ['13.65.92.252/32'] } },
    { name: 'LogicApps.WestEurope', properties: { addressPrefixes: ['13.95.155.53/32'] } },
  ] }));
  await page.setInputFiles('#f-service-tags', tags);
  await assert.doesNotReject(page.locator('#notice-text', { hasText: 'Imported 4 dependency addresses for westeurope' }).waitFor());
  // The import filled the lists (it ran in the tools worker), and the error is gone.
  assert.equal(await page.inputValue('#f-dependencyAddresses-appServiceManagement'), '13.64.115.203/32');
  assert.equal(await page.inputValue('#f-dependencyAddresses-connectors'), '13.69.227.208/28');
  assert.equal(await page.inputValue('#f-dependencyAddresses-trafficManager'), '13.65.92.252/32');
  assert.equal(await page.inputValue('#f-dependencyAddresses-logicApps'), '13.95.155.53/32');
  assert.equal(await missing.count(), 0);
  assert.ok(page.requestsSeen.some((u) => new URL(u).pathname.endsWith('/ise-planner-tools_bg.wasm')), 'the Service Tags file is read by the tools worker');
  const routes = await page.locator('#routes').innerText();
  for (const prefix of ['0.0.0.0/0', '13.64.115.203/32', '13.69.227.208/28', '13.65.92.252/32', '13.95.155.53/32']) {
    assert.ok(routes.includes(prefix), `route for ${prefix}`);
  }
  assert.ok(!routes.includes('2603:1000::/40'), 'IPv6 prefixes are not routed');
  assert.match(await page.locator('section[aria-labelledby="routes-title"]').innerText(), /Microsoft\.KeyVault/);

  await page.getByRole('button', { name: 'Add certificate' }).click();
  const cer = path.join(dir, 'root.cer');
  fs.writeFileSync(cer, Buffer.from([0x30, 0x82, 0x01, 0x0a, 0x02, 0x82]));
  await page.locator('.certificate input[type=file]').setInputFiles(cer);
  await assert.doesNotReject(page.locator('#rest-create-body', { hasText: 'MIIBCgKC' }).waitFor());
  assert.match(await page.locator('#rest-create-body').innerText(), /"kind": "TrustedRoot"/);
  assert.equal(await page.locator('#rest-patch').count(), 1);
  assertQuiet(page);
});
