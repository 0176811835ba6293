// Firefox: Playwright cannot drive Debian's firefox-esr, but Firefox speaks WebDriver BiDi, the
// W3C protocol, over a WebSocket. This test starts firefox-esr headless with a fresh profile,
// opens the served page (the default design, then a saved one painted first by the first-paint
// module) and the single-file edition from disk, and waits until the app has planned — four
// subnets — and the single file's tools worker has written an export, then saves a screenshot
// (tests/browser/out/firefox-single-file.png).
// Needs Node's WebSocket: scripts/test.sh runs the tests with --experimental-websocket.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, OUT, startServer } from './harness.mjs';

const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';
const DEFAULT_PREFIXES = ['10.0.0.0/27', '10.0.0.32/27', '10.0.0.64/27', '10.0.0.96/27'];

/** Preferences that keep a test profile from reaching out (updates, telemetry, remote settings). */
const PREFS = {
  'app.update.disabledForTesting': true,
  'app.normandy.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.newtabpage.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'services.settings.server': 'data:,',
  'toolkit.telemetry.enabled': false,
  'extensions.update.enabled': false,
};

/** Starts Firefox and resolves with the process and its WebDriver BiDi address. */
function startFirefox(profile) {
  fs.writeFileSync(path.join(profile, 'user.js'), Object.entries(PREFS).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});\n`).join(''));
  const child = spawn(FIREFOX, ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port=0', 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Firefox did not start: ${seen}`)), 60000);
    child.stderr.on('data', (chunk) => {
      seen += chunk;
      const m = seen.match(/WebDriver BiDi listening on (ws:\/\/[^\s]+)/);
      if (m) { clearTimeout(timer); resolve({ child, address: m[1] }); }
    });
    child.on('exit', (code) => reject(new Error(`Firefox exited (${code}): ${seen}`)));
  });
}

/** A WebDriver BiDi session: `send(method, params)` resolves with the command's result. */
async function bidi(address) {
  const socket = new WebSocket(`${address}/session`);
  await new Promise((resolve, reject) => { socket.onopen = resolve; socket.onerror = () => reject(new Error('no WebDriver BiDi connection')); });
  let next = 0;
  const waiting = new Map();
  socket.onmessage = (event) => {
    const message = JSON.parse(event.data);
    const w = waiting.get(message.id);
    if (!w) return;
    waiting.delete(message.id);
    if (message.type === 'error') w.reject(new Error(`${message.error}: ${message.message}`)); else w.resolve(message.result);
  };
  const send = (method, params = {}) => new Promise((resolve, reject) => {
    const id = ++next;
    waiting.set(id, { resolve, reject });
    socket.send(JSON.stringify({ id, method, params }));
  });
  await send('session.new', { capabilities: {} });
  return { send, close: () => socket.close() };
}

/** Runs `body(session, context)` in a fresh headless Firefox, its window 1280×800. */
async function withFirefox(body) {
  assert.ok(fs.existsSync(FIREFOX), `${FIREFOX} is missing: scripts/setup.sh --browser installs Debian's firefox-esr`);
  assert.equal(typeof WebSocket, 'function', 'run with node --experimental-websocket (scripts/test.sh does)');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ise-firefox-'));
  const { child, address } = await startFirefox(profile);
  let session;
  try {
    session = await bidi(address);
    const { contexts } = await session.send('browsingContext.getTree');
    const context = contexts[0].context;
    await session.send('browsingContext.setViewport', { context, viewport: { width: 1280, height: 800 } });
    await body(session, context);
    await session.send('session.end').catch(() => {});
  } finally {
    session?.close();
    child.kill();
    await new Promise((resolve) => (child.exitCode === null ? child.on('exit', resolve) : resolve()));
    spawnSync('rm', ['-rf', profile]);
  }
}

/** The app's prefixes once it has planned (main[data-complete]), polled for up to 20 s. */
async function plannedPrefixes(session, context) {
  // The shell's first paint shows prefixes before the app has started, without its status line.
  const expression = `JSON.stringify(document.querySelector('main[data-complete]') ? [...document.querySelectorAll('.prefix-value')].map((e) => e.textContent.trim()) : [])`;
  let shown = [];
  for (let i = 0; i < 100 && shown.length < 4; i++) {
    const r = await session.send('script.evaluate', { expression, target: { context }, awaitPromise: false });
    shown = JSON.parse(r.result.value);
    if (shown.length < 4) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return shown;
}

test('Firefox starts the served page\'s full program after its first paint, and paints a saved design first', { timeout: 120000 }, async () => {
  const server = await startServer();
  try {
    await withFirefox(async (session, context) => {
      await session.send('browsingContext.navigate', { context, url: server.url, wait: 'complete' });
      assert.deepEqual(await plannedPrefixes(session, context), DEFAULT_PREFIXES);
      // A saved design: the first-paint module paints it, then the full program starts.
      const design = JSON.stringify({ version: 3, vnet: { addressPrefixes: ['172.31.4.0/24'] } });
      await session.send('script.evaluate', { expression: `localStorage.setItem('ise-planner.design', ${JSON.stringify(design)})`, target: { context }, awaitPromise: false });
      await session.send('browsingContext.reload', { context, wait: 'complete' });
      assert.deepEqual(await plannedPrefixes(session, context), ['172.31.4.0/27', '172.31.4.32/27', '172.31.4.64/27', '172.31.4.96/27']);
      const seen = await session.send('script.evaluate', { expression: `performance.getEntriesByType('resource').map((e) => e.name).join(' ')`, target: { context }, awaitPromise: false });
      assert.match(seen.result.value, /ise-planner-first_bg\.wasm/, 'the first-paint module was used');
    });
  } finally {
    await server.close();
  }
});

test('Firefox renders the single-file edition opened from disk: four subnets planned', { timeout: 120000 }, async () => {
  await withFirefox(async (session, context) => {
    await session.send('browsingContext.navigate', { context, url: pathToFileURL(path.join(DIST, 'ise-planner.html')).href, wait: 'complete' });
    assert.deepEqual(await plannedPrefixes(session, context), DEFAULT_PREFIXES);
    const rules = await session.send('script.evaluate', { expression: `document.querySelectorAll('#nsg-inbound tbody tr').length`, target: { context }, awaitPromise: false });
    assert.equal(rules.result.value, 9);
    const hidden = await session.send('script.evaluate', { expression: `document.getElementById('cannot-load').hidden`, target: { context }, awaitPromise: false });
    assert.equal(hidden.result.value, true);
    // The tools worker, inlined and started from a Blob URL, writes an export in Firefox too.
    await session.send('script.evaluate', { expression: `document.getElementById('tab-arm').click()`, target: { context }, awaitPromise: false });
    let state = '';
    for (let i = 0; i < 100 && state !== 'ready'; i++) {
      const r = await session.send('script.evaluate', { expression: `document.getElementById('panel-arm').dataset.state`, target: { context }, awaitPromise: false });
      state = r.result.value;
      if (state !== 'ready') await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.equal(state, 'ready', 'the ARM export was written');
    const arm = await session.send('script.evaluate', { expression: `document.querySelector('#panel-arm pre').textContent`, target: { context }, awaitPromise: false });
    assert.match(arm.result.value, /"addressPrefix": "10\.0\.0\.0\/27"/);
    await session.send('script.evaluate', { expression: `window.scrollTo(0, 0)`, target: { context }, awaitPromise: false });
    const { data } = await session.send('browsingContext.captureScreenshot', { context });
    fs.mkdirSync(OUT, { recursive: true });
    fs.writeFileSync(path.join(OUT, 'firefox-single-file.png'), Buffer.from(data, 'base64'));
  });
});
