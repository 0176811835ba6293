// The switch between the ISE's plan and the Logic Apps Standard network that replaces it,
// driven as a person uses it: the Standard subnets as text beside the ISE's, its inputs with
// their findings, the switch kept in the autosave, a saved file and a share link, and the
// Standard planner loaded only when its view is opened.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, newPage, open, screenshot, seriousAxeViolations, leaveField } from './harness.mjs';

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

/** The Standard subnets' prefixes as the page shows them. */
const standardPrefixes = (page) => page.locator('#standard-subnets .prefix-value').allInnerTexts();

/** Opens the Standard view and waits for its plan. */
async function openStandard(page) {
  await page.getByRole('radio', { name: 'Logic Apps Standard (replacement)' }).check();
  await page.locator('#standard-subnets').waitFor({ timeout: 30000 });
}

test('the Standard view shows the new subnets as text beside the ISE\'s, planned by the tools worker only once opened', async () => {
  const page = await newPage(browser, server.origin);
  try {
    await open(page, server.url);
    assert.ok(!page.requestsSeen.some((u) => u.includes('ise-planner-tools')), 'the Standard planner is not in the first load');
    await openStandard(page);
    assert.ok(page.requestsSeen.some((u) => u.includes('ise-planner-tools_bg.wasm')), 'the tools worker planned it');
    assert.deepEqual(await standardPrefixes(page), ['10.0.0.128/26', '10.0.0.192/28']);
    const beside = await page.locator('#ise-beside').innerText();
    for (const p of ['10.0.0.0/27', '10.0.0.32/27', '10.0.0.64/27', '10.0.0.96/27']) assert.ok(beside.includes(p), `${p} beside`);
    assert.match(await page.locator('#standard-subnets').innerText(), /Microsoft\.Web\/serverFarms/);
    // Its other tables, each row linked to the article it follows.
    for (const id of ['#standard-private-endpoints', '#standard-dns-zones', '#standard-settings', '#standard-nsg-rules', '#standard-carry-over', '#standard-checklist']) {
      await page.locator(id).waitFor();
    }
    assert.match(await page.locator('#standard-dns-zones').innerText(), /privatelink\.blob\.core\.windows\.net/);
    const link = page.locator('#standard-settings a.cite').first();
    assert.match(await link.getAttribute('href'), /^https:\/\/learn\.microsoft\.com\//);
    // The status region speaks the Standard subnets; the ISE's rules are not shown.
    assert.match(await page.locator('#summary').innerText(), /Standard subnets: logicapp-integration 10\.0\.0\.128\/26/);
    assert.equal(await page.locator('#nsg-inbound').count(), 0);
    await screenshot(page, 'standard-view.png', { fullPage: false });
    // Back to the ISE: its four subnets and rules.
    await page.getByRole('radio', { name: 'ISE (retired)' }).check();
    await page.locator('#nsg-inbound').waitFor();
    assert.equal(await page.locator('#standard-subnets').count(), 0);
    assert.deepEqual(page.problems, []);
  } finally {
    await page.context().close();
  }
});

test('the Standard inputs plan at once, with findings beside their field', async () => {
  const page = await newPage(browser, server.origin);
  try {
    await open(page, server.url);
    await openStandard(page);
    const size = page.locator('#f-standard-integrationSubnetSize');
    await size.fill('27');
    await leaveField(page);
    await page.waitForFunction(() => document.querySelector('#standard-subnets .prefix-value')?.textContent === '10.0.0.128/27', null, { timeout: 20000 });
    // A size Azure refuses: an error beside the field, linked to it.
    await size.fill('30');
    await leaveField(page);
    const findings = page.locator('#f-standard-integrationSubnetSize-findings');
    await findings.locator('.finding.error').waitFor({ timeout: 20000 });
    assert.match(await findings.innerText(), /\/28/);
    assert.match(await size.getAttribute('aria-describedby'), /f-standard-integrationSubnetSize-findings/);
    assert.equal(await size.getAttribute('aria-invalid'), 'true');
    assert.match(await page.locator('#summary').innerText(), /[1-9]\d* errors?/);
    // An App Service Environment instead: its subnet, delegated to hostingEnvironments.
    await size.fill('26');
    await page.getByRole('radio', { name: 'App Service Environment v3' }).check();
    await page.waitForFunction(() => document.querySelector('#standard-subnets')?.innerText.includes('Microsoft.Web/hostingEnvironments'), null, { timeout: 20000 });
    assert.equal((await standardPrefixes(page))[0], '10.0.1.0/24');
  } finally {
    await page.context().close();
  }
});

test('the switch is kept in the autosave, a saved file and a share link', async () => {
  const page = await newPage(browser, server.origin);
  try {
    await open(page, server.url);
    await openStandard(page);
    await page.locator('#f-standard-logicApp-name').fill('contoso-workflows');
    await leaveField(page);
    await page.waitForTimeout(800); // the autosave writes half a second after the last edit
    await page.reload();
    await page.waitForSelector('main[data-complete]');
    await page.locator('#standard-subnets').waitFor({ timeout: 30000 });
    assert.equal(await page.locator('#f-view-standard').isChecked(), true, 'reopened on the Standard view');
    assert.equal(await page.locator('#f-standard-logicApp-name').inputValue(), 'contoso-workflows');
    // Save design: the file says so.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save design' }).click()]);
    const saved = JSON.parse(await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8')));
    assert.equal(saved.view, 'standard');
    assert.equal(saved.standard.logicApp.name, 'contoso-workflows');
    // A share link opens on the Standard view in a fresh browser.
    await page.click('#copy-link');
    await page.locator('.action', { has: page.locator('#copy-link') }).locator('.action-status.ok').waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    const other = await newPage(browser, server.origin);
    try {
      // The full program held back until the first paint has decided what to show.
      let release;
      const held = new Promise((r) => { release = r; });
      const asked = new Promise((r) => other.route('**/ise-planner-web-*', async (route) => { r(); await held; await route.continue(); }));
      await other.goto(link);
      await asked;
      // The first paint did not show the ISE's subnets for it: the Standard answer is the full
      // program's to give.
      assert.ok(await other.evaluate(() => document.documentElement.classList.contains('first-saved')), 'the shell still waits');
      assert.ok(!(await other.evaluate(() => document.body.innerText)).includes('10.0.0.0/27'), 'the ISE\'s subnets were painted first');
      release();
      await other.locator('#standard-subnets').waitFor({ timeout: 30000 });
      assert.equal(await other.locator('#f-view-standard').isChecked(), true);
      assert.equal(await other.locator('#f-standard-logicApp-name').inputValue(), 'contoso-workflows');
    } finally {
      await other.context().close();
    }
  } finally {
    await page.context().close();
  }
});

test('the Standard view exports its own files: no REST tab, templates for the new network, its tables as CSV', async () => {
  const page = await newPage(browser, server.origin);
  try {
    await open(page, server.url);
    await openStandard(page);
    const tabs = page.locator('#export [role=tab]');
    assert.deepEqual(await tabs.allInnerTexts(), ['ARM', 'Bicep', 'Terraform', 'Azure CLI', 'PowerShell', 'CSV']);
    await page.locator('#panel-arm[data-state=ready]').waitFor({ timeout: 30000 });
    const arm = await page.locator('#panel-arm pre').innerText();
    assert.match(arm, /"Microsoft\.Network\/privateEndpoints"/);
    assert.match(arm, /10\.0\.0\.128\/26/);
    assert.doesNotMatch(arm, /integrationServiceEnvironments/);
    // The arrow keys move along the tabs, the Standard file follows the edit.
    await page.locator('#tab-arm').focus();
    await page.keyboard.press('End');
    await page.locator('#panel-csv[data-state=ready]').waitFor({ timeout: 30000 });
    const csv = await page.locator('#panel-csv').innerText();
    assert.match(csv, /private-endpoints/);
    assert.match(csv, /privatelink\.blob\.core\.windows\.net/);
    await page.getByRole('tab', { name: 'Terraform' }).click();
    const size = page.locator('#f-standard-integrationSubnetSize');
    await size.fill('27');
    await leaveField(page);
    await page.waitForFunction(() => document.querySelector('#panel-terraform[data-state=ready] pre')?.textContent.includes('10.0.0.128/27'), null, { timeout: 30000 });
    assert.deepEqual(page.problems, []);
  } finally {
    await page.context().close();
  }
});

test('the Standard view has no serious accessibility problem, on a laptop and a phone', async () => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
    const page = await newPage(browser, server.origin, viewport, { bypassCSP: true });
    try {
      await open(page, server.url);
      await openStandard(page);
      await page.locator('#standard-checklist').waitFor();
      assert.deepEqual(await seriousAxeViolations(page), []);
      if (viewport.width < 600) await screenshot(page, 'standard-phone.png', { fullPage: false });
    } finally {
      await page.context().close();
    }
  }
});
