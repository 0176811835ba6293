// Browser tests of what the tools worker brings to the page: the Export section (a tab per
// format, each download and copy equal to `ise-plan --emit` for the same design), the VNet
// import (paste and file, refusals, Undo), the worker loaded only on first use and a worker
// failure shown as a message; and the allocation's own explanation beside the subnets.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launch, newPage, open, seriousAxeViolations, prefixes, leaveField, OUT, DEBUG_BUILD } from './harness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ISE_PLAN = path.join(DEBUG_BUILD, 'ise-plan');
const FIXTURES = path.join(ROOT, 'tests/fixtures/import');

let server;
let browser;
const pages = [];
let openNow = [];

before(async () => {
  // The CLI the downloads are compared with, built from this tree (quick when up to date).
  const built = spawnSync('cargo', ['build', '--quiet', '--bin', 'ise-plan'], { cwd: ROOT, encoding: 'utf8' });
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

const workerRequests = (page) => page.requestsSeen.filter((u) => /\/ise-planner-tools[^/]*$/.test(u));
const loadsWorkerWasm = (page) => workerRequests(page).some((u) => new URL(u).pathname.endsWith('/ise-planner-tools_bg.wasm'));
/** A screenshot of one element, into tests/browser/out/. */
async function shoot(locator, name) {
  fs.mkdirSync(OUT, { recursive: true });
  await locator.scrollIntoViewIfNeeded();
  await locator.screenshot({ path: path.join(OUT, name) });
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'ise-tools-'));

/** `ise-plan` with these arguments: its standard output (exit 0 or 1: a design with errors still gets its file). */
function cli(args) {
  const r = spawnSync(ISE_PLAN, args, { encoding: 'utf8' });
  assert.ok(r.status === 0 || r.status === 1, `ise-plan ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** Clicks a button that downloads, and returns the file's suggested name and text. */
async function download(page, name) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name, exact: true }).click()]);
  return { name: d.suggestedFilename(), text: fs.readFileSync(await d.path(), 'utf8') };
}

/** Saves the page's design to a file (as a person would: Save design) and returns its path. */
async function saveDesign(page) {
  const { text } = await download(page, 'Save design');
  const file = path.join(tmp(), 'design.json');
  fs.writeFileSync(file, text);
  return file;
}

/** Chooses an export tab and waits until its text is written for the current design. */
async function chooseTab(page, label) {
  await page.getByRole('tab', { name: label, exact: true }).click();
  await page.locator('[role=tabpanel]:not([hidden])[data-state=ready]').waitFor();
}

const FORMATS = [
  ['ARM', 'arm', 'azuredeploy.json'],
  ['Bicep', 'bicep', 'main.bicep'],
  ['Terraform', 'terraform', 'main.tf'],
  ['Azure CLI', 'azcli', 'deploy.sh'],
  ['PowerShell', 'powershell', 'deploy.ps1'],
];

test('the tools worker is not loaded until an export or an import is used', async () => {
  const page = await fresh();
  await open(page, server.url);
  await page.fill('#f-name', 'lazy-ise');
  await leaveField(page);
  await page.locator('#vnet-import summary').click();
  await page.getByRole('tab', { name: 'REST' }).click();
  assert.match(await page.locator('#panel-rest').innerText(), /api-version=2019-05-01/);
  assert.deepEqual(workerRequests(page), [], 'the first load and the REST tab need no worker');
  await chooseTab(page, 'ARM');
  assert.ok(loadsWorkerWasm(page), workerRequests(page).join('\n'));
  assert.ok(workerRequests(page).every((u) => new URL(u).search === new URL(workerRequests(page)[0]).search && /^\?v=\d/.test(new URL(u).search)), 'each worker file is asked for with the page\'s version');
  assertQuiet(page);

  // The same in a fresh page for the import: choosing a file starts the worker.
  const page2 = await fresh();
  await open(page2, server.url);
  await page2.locator('#vnet-import summary').click();
  assert.deepEqual(workerRequests(page2), []);
  await page2.setInputFiles('#vnet-import-file', path.join(FIXTURES, 'az-vnet-show.json'));
  await page2.locator('#notice-text', { hasText: 'Imported VNet contoso-vnet' }).waitFor();
  assert.ok(workerRequests(page2).length >= 2);
  assertQuiet(page2);
});

test('every export downloads and copies exactly what ise-plan --emit writes for the same design', async () => {
  const page = await fresh();
  await open(page, server.url);
  await page.fill('#f-name', 'contoso-ise');
  await page.check('#f-accessEndpoint-external');
  await page.check('#f-forcedTunneling-expressRoute');
  await page.fill('#f-dnsServers', '10.0.0.4');
  await leaveField(page);
  const design = await saveDesign(page);

  for (const [label, emit, file] of FORMATS) {
    await chooseTab(page, label);
    const panel = page.locator(`#panel-${emit}`);
    assert.match(await panel.locator('.how-to-deploy').innerText(), /az deployment group create|New-AzResourceGroupDeployment|terraform apply|bash deploy\.sh|\.\/deploy\.ps1/);
    const expected = cli(['--design', design, '--emit', emit]);
    assert.ok(expected.includes('contoso-ise'), `${emit} names the ISE`);
    const got = await download(page, `Download ${file}`);
    assert.equal(got.name, file);
    assert.equal(got.text, expected, `${file} equals ise-plan --emit ${emit}`);
    // The text is shown in the page, selectable, in a focusable scrolling region.
    const shown = panel.locator('pre.export-text');
    assert.equal(await shown.getAttribute('tabindex'), '0');
    assert.equal(await shown.getAttribute('aria-label'), file);
    assert.equal(await shown.evaluate((e) => e.textContent), expected);
  }

  // Copy puts the same text on the clipboard.
  await chooseTab(page, 'Bicep');
  await page.getByRole('button', { name: 'Copy main.bicep' }).click();
  await page.locator('#panel-bicep .action-status.ok').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), cli(['--design', design, '--emit', 'bicep']));

  // CSV: one file per table.
  await chooseTab(page, 'CSV');
  for (const [table, file] of [['subnets', 'subnets.csv'], ['inbound', 'nsg-inbound.csv'], ['outbound', 'nsg-outbound.csv'], ['routes', 'routes.csv']]) {
    const got = await download(page, `Download ${file}`);
    assert.equal(got.name, file);
    assert.equal(got.text, cli(['--design', design, '--emit', 'csv', '--table', table]), `${file} equals --emit csv --table ${table}`);
  }
  await page.getByRole('button', { name: 'Copy routes.csv' }).click();
  await page.locator('#panel-csv .action-status.ok').first().waitFor();
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), /0\.0\.0\.0\/0,Internet/);
  assertQuiet(page);
});

test('an open export follows edits, showing only the latest answer', async () => {
  const page = await fresh();
  await open(page, server.url);
  await chooseTab(page, 'Terraform');
  await page.fill('#f-name', 'first-name');
  await page.fill('#f-name', 'second-name');
  await page.fill('#f-name', 'final-name');
  await page.locator('#panel-terraform[data-state=ready]').waitFor();
  const text = await page.locator('#panel-terraform pre').innerText();
  assert.match(text, /final-name/);
  assert.doesNotMatch(text, /first-name|second-name/);
  const design = await saveDesign(page);
  assert.equal(await page.locator('#panel-terraform pre').evaluate((e) => e.textContent), cli(['--design', design, '--emit', 'terraform']));
  assertQuiet(page);
});

test('the export tabs follow the ARIA tabs pattern', async () => {
  const page = await fresh();
  await open(page, server.url);
  const tabs = page.locator('#export [role=tablist] [role=tab]');
  assert.deepEqual(await tabs.allInnerTexts(), ['REST', 'ARM', 'Bicep', 'Terraform', 'Azure CLI', 'PowerShell', 'CSV']);
  assert.equal(await page.locator('#export [role=tab][aria-selected=true]').innerText(), 'REST');
  assert.deepEqual(await tabs.evaluateAll((els) => els.map((e) => e.tabIndex)), [0, -1, -1, -1, -1, -1, -1], 'one tab stop');
  assert.equal(await page.getAttribute('#panel-rest', 'aria-labelledby'), 'tab-rest');
  await page.focus('#tab-rest');
  const focused = () => page.evaluate(() => document.activeElement.id);
  await page.keyboard.press('ArrowRight');
  assert.equal(await focused(), 'tab-arm');
  assert.equal(await page.getAttribute('#tab-arm', 'aria-selected'), 'true');
  assert.equal(await page.isVisible('#panel-arm'), true);
  assert.equal(await page.isHidden('#panel-rest'), true);
  await page.keyboard.press('End');
  assert.equal(await focused(), 'tab-csv');
  await page.keyboard.press('ArrowRight');
  assert.equal(await focused(), 'tab-rest', 'wraps around');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await focused(), 'tab-csv');
  await page.keyboard.press('Home');
  assert.equal(await focused(), 'tab-rest');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getAttribute('#tab-bicep', 'aria-selected'), 'true');
  await page.locator('#panel-bicep[data-state=ready]').waitFor();
  await shoot(page.locator('#export'), 'export-section.png');
  assertQuiet(page);
});

test('a tools worker that cannot load is a message, not a dead page; trying again works', async () => {
  const page = await fresh();
  await page.route('**/ise-planner-tools_bg.wasm*', (route) => route.abort());
  await open(page, server.url);
  await page.getByRole('tab', { name: 'ARM', exact: true }).click();
  const failed = page.locator('#panel-arm .export-failed');
  await failed.waitFor();
  assert.match(await failed.innerText(), /Not available: the tools could not be loaded/);
  assert.equal(await page.getAttribute('#panel-arm', 'data-state'), 'failed');
  // The page carries on.
  await page.fill('#f-vnet-addressPrefixes', '10.9.0.0/24');
  assert.equal((await prefixes(page))[0], '10.9.0.0/27');
  assert.equal(await page.isHidden('#panic'), true);
  // Once the file can be loaded, Try again starts a fresh worker.
  await page.unroute('**/ise-planner-tools_bg.wasm*');
  await failed.getByRole('button', { name: 'Try again' }).click();
  await page.locator('#panel-arm[data-state=ready]').waitFor();
  assert.match(await page.locator('#panel-arm pre').innerText(), /10\.9\.0\.0\/27/);
  // Only the blocked file was reported; nothing else went wrong.
  const unexpected = page.problems.filter((p) => !/ERR_FAILED|Failed to fetch|ise-planner-tools/.test(p));
  assert.deepEqual(unexpected, []);
});

test('importing a VNet by paste and by file (az CLI, PowerShell, UTF-16) equals ise-plan --import-vnet; Undo brings the design back', async () => {
  const page = await fresh();
  await open(page, server.url);
  await page.fill('#f-name', 'audited-ise');
  await leaveField(page);
  const before = await saveDesign(page);
  await page.locator('#vnet-import summary').click();
  const dir = tmp();
  const psText = fs.readFileSync(path.join(FIXTURES, 'powershell-vnet.json'), 'utf8');
  const utf16 = path.join(dir, 'vnet-utf16.json');
  fs.writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(psText, 'utf16le')]));

  const cases = [
    ['paste', 'az-vnet-show.json', 'Azure CLI output'],
    ['file', 'az-vnet-show.json', 'Azure CLI output'],
    ['paste', 'powershell-vnet.json', 'PowerShell output'],
    ['file', 'powershell-vnet.json', 'PowerShell output'],
    ['file', utf16, 'PowerShell output'],
  ];
  for (const [how, fixture, source] of cases) {
    const file = path.isAbsolute(fixture) ? fixture : path.join(FIXTURES, fixture);
    if (how === 'paste') {
      await page.fill('#vnet-import-text', fs.readFileSync(file, 'utf8'));
      await page.click('#vnet-import-paste');
    } else {
      await page.setInputFiles('#vnet-import-file', file);
    }
    await page.locator('#notice-text', { hasText: source }).waitFor();
    assert.match(await page.locator('#notice-text').innerText(), /^Imported VNet contoso-vnet: 2 address prefixes, 10 subnets/);
    assert.match(await page.locator('#vnet-import-status').innerText(), /Imported VNet contoso-vnet/);
    assert.equal(await page.inputValue('#f-vnet-name'), 'contoso-vnet');
    // The design is exactly what the CLI makes of the same design and file.
    const saved = JSON.parse(fs.readFileSync(await saveDesign(page), 'utf8'));
    const expected = JSON.parse(cli(['--design', before, '--import-vnet', file, '--emit', 'design']));
    assert.deepEqual(saved, expected, `${how} ${path.basename(file)}`);
    assert.equal(saved.name, 'audited-ise', "the ISE's own settings are kept");
    assert.equal((await prefixes(page))[0], '10.20.10.0/27', 'the subnet delegated to the ISE is recognised');
    // Undo brings back the design the import replaced.
    await page.getByRole('button', { name: 'Undo' }).click();
    assert.equal(await page.inputValue('#f-vnet-name'), 'ise-vnet');
    assert.equal(await page.inputValue('#f-vnet-addressPrefixes'), '10.0.0.0/22');
    assert.equal(await page.inputValue('#f-name'), 'audited-ise');
    assert.equal(await page.locator('#vnet-import-status').innerText(), '', 'what the import did is no longer shown');
  }
  await shoot(page.locator('.area-network'), 'vnet-import.png');
  assertQuiet(page);
});

test('a file that is not a VNet is refused with the import\'s message, and nothing changes', async () => {
  const page = await fresh();
  await open(page, server.url);
  await page.locator('#vnet-import summary').click();
  const refusal = page.locator('#vnet-import-status [role=alert]');
  // PowerShell without -Depth: cut short, refused with the command to run.
  await page.setInputFiles('#vnet-import-file', path.join(FIXTURES, 'powershell-vnet-depth2.json'));
  await refusal.waitFor();
  assert.match(await refusal.innerText(), /cut short/);
  assert.match(await refusal.innerText(), /ConvertTo-Json -Depth/);
  // A design saved by the planner, and text that is not JSON.
  await page.setInputFiles('#vnet-import-file', await saveDesign(page));
  await refusal.filter({ hasText: 'ISE Network Planner design' }).waitFor();
  await page.fill('#vnet-import-text', 'vnet: contoso');
  await page.click('#vnet-import-paste');
  await refusal.filter({ hasText: 'this is not JSON' }).waitFor();
  assert.equal(await page.inputValue('#f-vnet-name'), 'ise-vnet');
  assert.deepEqual(await prefixes(page), ['10.0.0.0/27', '10.0.0.32/27', '10.0.0.64/27', '10.0.0.96/27']);
  assert.equal(await page.locator('#notice-text').count(), 0, 'no design was replaced');
  await shoot(page.locator('#vnet-import'), 'vnet-import-refused.png');

  // What a file holds is data: shown as text, never run or rendered as markup.
  const evil = '<img src=x onerror="window.pwned=1"><script>window.pwned=1</script>';
  const hostile = {
    name: evil,
    id: '/subscriptions/f34b22a3-2202-4fb1-b040-1332bd928c84/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v',
    location: 'westeurope',
    addressSpace: { addressPrefixes: ['10.30.0.0/16'] },
    subnets: [{ name: evil, addressPrefix: '10.30.0.0/24' }],
  };
  await page.fill('#vnet-import-text', JSON.stringify(hostile));
  await page.click('#vnet-import-paste');
  await page.locator('#notice-text', { hasText: 'Imported VNet' }).waitFor();
  assert.equal(await page.inputValue('#f-vnet-name'), evil);
  assert.match(await page.locator('#notice-text').innerText(), /<img src=x/);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(await page.locator('main img, main script').count(), 0);
  assertQuiet(page);
});

test('the allocation explains itself beside the subnets, also why a subnet had to move', async () => {
  const page = await fresh();
  await open(page, server.url);
  const note = page.locator('#allocation-note');
  assert.equal(await note.innerText(), 'Subnets 1–4 take 10.0.0.0/25: the first aligned /25 with four free /27 blocks.');
  assert.equal(await page.locator('#free-space').innerText(), '32 free /27 blocks in the VNet before placing the unpinned subnets.');
  // An existing subnet lands on subnets 3 and 4: they move, 1 and 2 stay, and the page says why
  // even after the new places are remembered.
  await page.fill('#f-vnet-existingSubnets', '10.0.0.64/26');
  await leaveField(page);
  assert.deepEqual(await prefixes(page), ['10.0.0.0/27', '10.0.0.32/27', '10.0.0.128/27', '10.0.0.160/27']);
  assert.equal(await note.innerText(), 'Subnet 3 could not stay at 10.0.0.64/27: it overlaps existing subnet 10.0.0.64/26. '
    + 'Subnet 4 could not stay at 10.0.0.96/27: it overlaps existing subnet 10.0.0.64/26. '
    + 'Subnets 1 and 2 stay where they were placed before, so that other edits do not move them. '
    + 'Subnets 3 and 4 take 10.0.0.128/27 and 10.0.0.160/27: the lowest two free /27 blocks in a row within one aligned /25 (10.0.0.128/25). '
    + 'Re-allocate all would place subnets 1–4 in 10.0.0.128/25.');
  // The new places are remembered (a reload keeps them), and the page still says why.
  const saved = JSON.parse(fs.readFileSync(await saveDesign(page), 'utf8'));
  assert.deepEqual(saved.subnets.map((s) => s.placed), ['10.0.0.0/27', '10.0.0.32/27', '10.0.0.128/27', '10.0.0.160/27']);
  assert.equal(await page.locator('#free-space').innerText(), '30 free /27 blocks in the VNet before placing the unpinned subnets.');
  // The next edit is a new story: the moves are no longer told.
  await page.fill('#f-name', 'next-edit');
  await leaveField(page);
  assert.doesNotMatch(await note.innerText(), /could not stay/);
  await page.click('#reallocate');
  assert.deepEqual(await prefixes(page), ['10.0.0.128/27', '10.0.0.160/27', '10.0.0.192/27', '10.0.0.224/27']);
  assert.match(await note.innerText(), /^Subnets 1–4 take 10\.0\.0\.128\/25/);
  // An empty address space: the free-space line says what to do instead of counting.
  await page.fill('#f-vnet-addressPrefixes', '');
  await leaveField(page);
  assert.equal(await page.locator('#free-space').innerText(), 'No VNet address space yet: enter the VNet\'s address prefixes.');
  assertQuiet(page);
});

test('the words of the page come from the core: forced tunneling, next hop, Redis ports, load-balancer note', async () => {
  const page = await fresh();
  await open(page, server.url);
  assert.equal(await page.locator('label[for="f-forcedTunneling-none"]').innerText(), 'No forced tunneling');
  assert.match(await page.locator('#f-forcedTunneling-expressRoute-about').innerText(), /0\.0\.0\.0\/0 → Internet on every ISE subnet/);
  await page.check('#f-forcedTunneling-firewall');
  assert.equal(await page.locator('label[for="f-firewall-nextHop-gateway"]').innerText(), 'Virtual network gateway (VPN)');
  assert.match(await page.locator('#routing .cite-line').innerText(), /Forced tunneling requirements/);
  assert.match(await page.locator('#redis-ports').innerText(), /8500 \(Azure Load Balancer\)/);
  assert.match(await page.locator('#redis-ports').innerText(), /16001/);
  assert.match(await page.locator('#f-allowLoadBalancerRule-help').innerText(), /AllowAzureLoadBalancerInBound \(priority 65001\)/);
  assertQuiet(page);
});

test('axe-core finds nothing serious in the Export section and the import control', async () => {
  const page = await fresh({ width: 1280, height: 800 }, { bypassCSP: true });
  await open(page, server.url);
  await chooseTab(page, 'CSV');
  await page.locator('#vnet-import summary').click();
  await page.fill('#vnet-import-text', '{}');
  await page.click('#vnet-import-paste');
  await page.locator('#vnet-import-status [role=alert]').waitFor();
  assert.deepEqual(await seriousAxeViolations(page), []);
  await chooseTab(page, 'PowerShell');
  assert.deepEqual(await seriousAxeViolations(page), []);
  assertQuiet(page);
});
