// The page benchmark: drives the release build (dist/) in headless Chromium and prints medians.
// Not a test: timings depend on the machine and are never asserted.
//
//   first load   — first contentful paint (the HTML shell), the ISE subnets painted (the four
//                  prefixes in the page and the frame after them) and the whole plan painted
//                  (also the status line, both NSG tables, the checklist and the findings),
//                  each in a fresh profile;
//   keystrokes   — an edit of the VNet address space to the next paint, with the default
//                  design and with 1,000, 10,000 and 100,000 existing subnets (the criterion
//                  benchmark's designs: 10.0.0.0/8, every other /27), and 10,000 with the CPU
//                  throttled 4× (CDP Emulation.setCPUThrottlingRate).
//
// A keystroke is measured from its keydown's timestamp (when the browser received it) to a
// task posted from the next animation frame — that is, after the frame that shows it painted.
// Usage: node scripts/bench_page.mjs [--runs N] [--keys N] [--only load|keys|N] [--dist DIR];
// scripts/bench_page.sh builds first.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const DIST = path.resolve(arg('--dist', path.join(ROOT, 'dist')));
const RUNS = Number(arg('--runs', 15));
const KEYS = Number(arg('--keys', 30));
const ONLY = arg('--only', '');

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.webmanifest': 'application/manifest+json', '.png': 'image/png' };

function serve() {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname.slice(1)) || 'index.html';
    const file = path.resolve(DIST, rel);
    if (!file.startsWith(DIST + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => `${x.toFixed(1)} ms`;

/**
 * Records, in the page, when the four prefixes are first in the DOM and when the whole plan
 * is, each at the task after the next frame (that is, once painted).
 */
function watchFirstPlan() {
  const marks = [
    ['__subnetsPainted', () => document.querySelectorAll('.prefix-value').length === 4],
    ['__planPainted', () => document.getElementById('summary') && document.querySelectorAll('#nsg-inbound tbody tr, #nsg-outbound tbody tr').length > 0
      && document.querySelector('.checklist li') && document.getElementById('findings-title')],
  ];
  const painted = (name) => requestAnimationFrame(() => {
    const c = new MessageChannel();
    c.port1.onmessage = () => { window[name] = performance.now(); };
    c.port2.postMessage(0);
  });
  new MutationObserver((_, observer) => {
    for (const mark of marks) {
      if (!mark[2] && mark[1]()) { mark[2] = true; painted(mark[0]); }
    }
    if (marks.every((m) => m[2])) observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
}

async function firstLoad(browser, url) {
  const fcp = [];
  const subnets = [];
  const plan = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.addInitScript(watchFirstPlan);
    await page.goto(url);
    await page.waitForFunction(() => window.__planPainted !== undefined && window.__subnetsPainted !== undefined, null, { timeout: 60000 });
    const r = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      subnets: window.__subnetsPainted,
      plan: window.__planPainted,
    }));
    fcp.push(r.fcp);
    subnets.push(r.subnets);
    plan.push(r.plan);
    await context.close();
  }
  return { fcp: median(fcp), subnets: median(subnets), plan: median(plan) };
}

/** The criterion benchmark's existing subnets: every other /27 from 10.0.0.0. */
function existingSubnets(n) {
  const lines = [];
  for (let i = 0; i < n; i++) {
    const a = 10 * 2 ** 24 + i * 64;
    lines.push(`${a >>> 24}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}/27`);
  }
  return lines.join('\n');
}

async function keystrokes(browser, url, n, throttle) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('main[data-complete]', { timeout: 60000 });
  const vnet = '#f-vnet-addressPrefixes';
  if (n > 0) {
    // As if pasted: the value, then one input event.
    await page.evaluate(([text]) => {
      for (const [id, value] of [['f-vnet-addressPrefixes', '10.0.0.0/8'], ['f-vnet-existingSubnets', text]]) {
        const area = document.getElementById(id);
        area.value = value;
        area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
      }
    }, [existingSubnets(n)]);
    await page.waitForFunction((k) => document.querySelector('.existing-list summary')?.textContent.includes(`(${k} subnets`), n.toLocaleString('en-US').replace(/,/g, ''), { timeout: 120000 });
  }
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.waitForTimeout(1500); // findings settle, the autosave is written
  const cdp = await context.newCDPSession(page);
  if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.evaluate((selector) => {
    window.__lat = [];
    document.querySelector(selector).addEventListener('keydown', (e) => {
      if (!/^[0-9]$/.test(e.key)) return;
      const t0 = e.timeStamp;
      requestAnimationFrame(() => {
        const c = new MessageChannel();
        c.port1.onmessage = () => window.__lat.push(performance.now() - t0);
        c.port2.postMessage(0);
      });
    }, true);
  }, vnet);
  // Each keystroke replaces the prefix length's last digit: /8 ⇄ /9 (default: /22 ⇄ /23),
  // a valid design each time, so every one is a full re-plan and re-render.
  await page.focus(vnet);
  const [a, b] = n > 0 ? ['9', '8'] : ['3', '2'];
  for (let i = 0; i < KEYS; i++) {
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press(i % 2 ? b : a);
    await page.waitForFunction((k) => window.__lat.length > k, i, { timeout: 60000 });
    await page.waitForTimeout(throttle > 1 ? 150 : 60);
  }
  const lat = await page.evaluate(() => window.__lat);
  if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await context.close();
  return { median: median(lat), max: Math.max(...lat) };
}

const server = await serve();
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  chromiumSandbox: false,
  args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  console.log(`ISE Network Planner page benchmark (dist/, headless Chromium ${browser.version()}; medians)`);
  if (!ONLY || ONLY === 'load') {
    const r = await firstLoad(browser, url);
    console.log(`first load (${RUNS} fresh profiles): first contentful paint ${ms(r.fcp)}, ISE subnets painted ${ms(r.subnets)}, whole plan painted ${ms(r.plan)}`);
  }
  const cases = [['default design', 0, 1], ['1,000 existing subnets', 1000, 1], ['10,000 existing subnets', 10000, 1], ['100,000 existing subnets', 100000, 1], ['10,000 existing subnets, CPU 4× slower', 10000, 4]];
  for (const [name, n, throttle] of cases) {
    if (ONLY && ONLY !== 'keys' && ONLY !== String(n)) continue;
    const r = await keystrokes(browser, url, n, throttle);
    console.log(`keystroke in the VNet address space to the next paint, ${name} (${KEYS} keys): median ${ms(r.median)}, max ${ms(r.max)}`);
  }
} finally {
  await browser.close();
  server.close();
}
