// The first paint: the four ISE subnets in the HTML shell before the page's full program has
// arrived. scripts/post_build.py inlines this module into index.html (allowed by its hash in the
// Content-Security-Policy) and fills in this build's file names; the single-file edition leaves
// it out and starts the full program at once.
//
// The shell already holds the default design's answer (written in at build time by the same
// first-paint module). When the page may open another design (a saved one, or a link: the
// class first-saved, set before the shell is shown), this picks it as the full program does (a
// share link in the URL fragment, else the autosave, else the default design), asks the
// first-paint module (src/first_paint/main.rs, over the core's ise::first_view) for its answer
// and writes it into the shell as text, never markup. Once the answer is on screen it starts the
// full program, which replaces the shell's content. Anything unexpected leaves the shell as it
// was and starts the full program.

// share_link::MAX_JSON: the largest design a share link may hold, inflated.
const LINK_LIMIT = 1 << 20;
// state/saved.rs STORAGE_KEY: where the autosave lives.
const STORAGE_KEY = 'ise-planner.design';

async function inflate(bytes) {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const parts = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > LINK_LIMIT) {
      reader.cancel();
      return null;
    }
    parts.push(value);
  }
  return new TextDecoder().decode(await new Blob(parts).arrayBuffer());
}

// The design's JSON ('' for the default design), or null when there is nothing to paint.
async function designText(link_packed) {
  const packed = link_packed(location.hash);
  if (packed) return inflate(packed);
  let saved = null;
  try { saved = localStorage.getItem(STORAGE_KEY); } catch (e) { /* storage refused: default */ }
  return saved === null ? '' : saved;
}

function text(id, value) {
  document.getElementById(id).textContent = value;
}

function cell(row, value, className) {
  const td = row.insertCell();
  td.textContent = value;
  if (className) td.className = className;
  return td;
}

function paint(painted) {
  const view = painted.view;
  text('first-space', painted.addressSpace.filter((p) => p.trim()).join('\n') || '(none)');
  text('first-vnet', painted.vnetName || '(none)');
  text('first-existing', painted.existingSubnets === 1 ? '1 subnet' : painted.existingSubnets + ' subnets');
  const rows = document.getElementById('first-rows');
  rows.replaceChildren();
  view.subnets.forEach((s, i) => {
    const row = rows.insertRow();
    cell(row, String(i + 1));
    cell(row, s.name, 'name');
    const prefix = cell(row, '', 'prefix').appendChild(document.createElement('span'));
    prefix.className = s.prefix ? 'prefix-value' : 'prefix-value missing';
    prefix.textContent = s.prefix || 'not placed';
    cell(row, s.firstUsable ? s.firstUsable + ' – ' + s.lastUsable + '\n' + s.usableAddresses + ' usable' : '', 'usable');
    cell(row, s.delegation || 'none', 'delegation');
    cell(row, s.pinned ? 'pinned' : 'allocated', 'placement');
  });
  text('first-free', view.freeSpace);
  text('first-note', view.allocation);
  document.documentElement.classList.remove('first-saved');
}

// Resolves once the frame holding the first view has been painted: the next frame's animation
// callbacks run only after it (a single frame's callbacks may still come before the first paint).
function painted() {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve))));
}

// Resolves once the shell has been painted with its content — the browser's first contentful
// paint, reported after it is on screen. Animation frames alone do not say so: while a page
// loads, Chromium may run two frames' callbacks before the first paint is shown, and the full
// program would then be compiled and started on the main thread before the answer is visible.
// A browser without paint timing falls back to two frames.
function shellPainted() {
  const types = (self.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
  if (!types.includes('paint')) return painted();
  return new Promise((resolve) => {
    new PerformanceObserver((list, observer) => {
      if (list.getEntriesByName('first-contentful-paint').length === 0) return;
      observer.disconnect();
      setTimeout(resolve);
    }).observe({ type: 'paint', buffered: true });
  });
}

async function firstPaint() {
  // The shell already shows the default design's subnets: nothing else to paint.
  if (!document.documentElement.classList.contains('first-saved')) return shellPainted();
  // Imported here, not statically: a module that cannot load must not stop the full program.
  const { default: init, link_packed, first_view } = await import('__FIRST_JS__');
  await init({ module_or_path: '__FIRST_WASM__' });
  const json = await designText(link_packed);
  if (json === null) return;
  const answer = first_view(json);
  if (!answer) return;
  const painted = JSON.parse(answer);
  // The Standard view's answer is the full program's to give.
  if (painted.opensOn === 'standard') return;
  if (document.readyState === 'loading') await new Promise((r) => document.addEventListener('DOMContentLoaded', r));
  paint(painted);
  await painted();
}

firstPaint().catch(() => {}).finally(() => self.iseStartApp());
