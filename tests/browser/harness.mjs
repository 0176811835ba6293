// Test harness: serves dist/ under a sub-path on loopback (as a static host would) and
// starts Debian's Chromium headless through playwright-core. Records every request the page
// makes, so tests can prove nothing leaves the origin.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DIST = path.resolve(here, '../../dist');
const DISTRIBUTION = DIST;
export const OUT = path.resolve(here, 'out');
/** Cargo's debug build (`cargo test` builds the CLI and the examples there), wherever Cargo puts it. */
export const DEBUG_BUILD = path.join(process.env.CARGO_TARGET_DIR ? path.resolve(process.env.CARGO_TARGET_DIR) : path.resolve(here, '../../target'), 'debug');
/** The page is served from a sub-path, not '/', to prove it works from any path. */
export const BASE = '/tools/ise-planner/';
const SUB_PATH = BASE;

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.png': 'image/png' };

/**
 * Serves dist/ under BASE (or another build under another path: `{ dist, base }`).
 * `replace(name, text)` serves `text` instead of that file from then on (a new build
 * deployed), `replace(name)` the file again.
 */
export async function startServer({ dist: DIST = DISTRIBUTION, base: BASE = SUB_PATH } = {}) {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error(`${path.join(DIST, 'index.html')} is missing: run scripts/build.sh (or scripts/test.sh) first`);
  const served = [];
  const replaced = new Map();
  const server = http.createServer((req, res) => {
    served.push(req.url);
    const url = new URL(req.url, 'http://x');
    if (!url.pathname.startsWith(BASE)) { res.writeHead(404); res.end('not found'); return; }
    const rel = decodeURIComponent(url.pathname.slice(BASE.length)) || 'index.html';
    if (replaced.has(rel)) {
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(rel)] || 'application/octet-stream', 'Cache-Control': 'no-store' });
      res.end(replaced.get(rel));
      return;
    }
    const file = path.resolve(DIST, rel);
    if (!file.startsWith(DIST + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) { res.writeHead(404); res.end('not found'); return; }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const replace = (name, text) => (text === undefined ? replaced.delete(name) : replaced.set(name, text));
  return { origin, url: origin + BASE, served, replace, close: () => new Promise((r) => server.close(r)) };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    chromiumSandbox: false,
    args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A fresh context (its own storage) with clipboard access and a laptop-sized window.
 * `options` go to the context: `colorScheme: 'dark'`, or `bypassCSP: true` for axe-core, which
 * the page's own Content-Security-Policy would otherwise refuse to run. The service worker is
 * blocked unless `serviceWorkers: 'allow'` (offline.test.mjs): the other tests watch and route
 * the page's own requests, which a service worker would answer from its cache.
 */
export async function newPage(browser, origin, viewport = { width: 1280, height: 900 }, options = {}) {
  const context = await browser.newContext({ viewport, serviceWorkers: 'block', ...options });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await context.newPage();
  page.requestsSeen = [];
  page.problems = [];
  page.on('request', (r) => page.requestsSeen.push(r.url()));
  page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(`console: ${m.text()}`); });
  page.on('dialog', (d) => { page.problems.push(`dialog: ${d.message()}`); d.dismiss(); });
  return page;
}

/** Opens the page and waits until the app has rendered its plan. */
export async function open(page, url) {
  await page.goto(url);
  await page.waitForSelector('main[data-complete]', { timeout: 30000 });
}

export async function screenshot(page, name, { fullPage = true } = {}) {
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, name);
  await page.screenshot({ path: file, fullPage });
  return file;
}

const AXE = fs.readFileSync(path.resolve(here, '../../node_modules/axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core (from npm) in the page and returns its violations of serious or critical
 * impact, each as one readable line. The page's context needs `bypassCSP: true`.
 */
export async function seriousAxeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE);
  const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** The four ISE subnet prefixes as the page shows them (text, or the open editor's value). */
export function prefixes(page) {
  return page.$$eval('table.subnets tbody tr', (rows) => rows.map((r) => {
    const text = r.querySelector('.prefix-value');
    return text ? text.textContent.trim() : r.querySelector('td.prefix input').value;
  }));
}

/** Leaves the focused field, as a person does: findings show at once instead of after a pause. */
export function leaveField(page) {
  return page.evaluate(() => document.activeElement && document.activeElement.blur());
}
