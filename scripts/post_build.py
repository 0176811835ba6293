"""Trunk post-build hook: finishes the page in Trunk's staging directory (dist/ once applied).

1. index.html: the loader module that starts the wasm (and reports a failure to load), the
   boot script (the "cannot load" message, the service worker's registration), and the
   Content-Security-Policy: its 'sha256-INLINE' placeholder becomes the hash of every inline
   script, so the browser runs those and nothing else.
2. The web app manifest and its icons, and sw.js, the service worker that caches this build's
   files (the page's and the tools worker's) so that a served copy keeps working offline, and
   replaces the previous build's cache when a new build is deployed.
3. ise-planner.html, the single-file edition: the same page with its script, stylesheet and
   wasm inlined, and the tools worker too (started from a Blob URL). It makes no request at all,
   so it works opened from disk as well as from any web server.
4. The page's script and stylesheet minified (esbuild, from npm), their integrity hashes in
   index.html rewritten to match.
"""
import base64
import hashlib
import json
import os
import re
import struct
import subprocess
import sys
import zlib

STAGING = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist")
ESBUILD = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "node_modules", ".bin", "esbuild")
SINGLE_FILE = "ise-planner.html"
SERVICE_WORKER = "sw.js"
MANIFEST = "manifest.webmanifest"
ICONS = [("icon-192.png", 192), ("icon-512.png", 512)]
# The tools worker's files (unhashed names: the page asks for them by name).
TOOLS_GLUE = "ise-planner-tools.js"
TOOLS_WASM = "ise-planner-tools_bg.wasm"
TOOLS_LOADER = "ise-planner-tools-loader.js"
# The first-paint module's files (unhashed names; index.html asks for them with a version).
FIRST_GLUE = "ise-planner-first.js"
FIRST_WASM = "ise-planner-first_bg.wasm"
FIRST_SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "first_paint", "first-paint.js")


def fail(message):
    sys.exit("post_build.py: " + message)


def read(name, mode="r"):
    with open(os.path.join(STAGING, name), mode, **({} if "b" in mode else {"encoding": "utf-8"})) as f:
        return f.read()


def write(name, content):
    mode = "wb" if isinstance(content, bytes) else "w"
    with open(os.path.join(STAGING, name), mode, **({} if mode == "wb" else {"encoding": "utf-8"})) as f:
        f.write(content)


def sha256(text):
    return "'sha256-%s'" % base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def minify(name, loader):
    """Rewrites a script or stylesheet minified; returns its new integrity value."""
    args = [ESBUILD, "--minify", "--loader=" + loader, "--log-level=warning"]
    if loader == "js":
        args.append("--format=esm")
    try:
        out = subprocess.run(args, input=read(name), capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError) as e:
        fail("esbuild could not minify %s (%s); run scripts/setup.sh" % (name, getattr(e, "stderr", e)))
    write(name, out)
    return "sha384-" + base64.b64encode(hashlib.sha384(out.encode("utf-8")).digest()).decode("ascii")


def asset_prefix(html, css):
    """What Trunk puts before an asset's name in index.html: "./" by default (Trunk.toml's
    public_url), or the --public-url given (`trunk build --public-url /some/path/`). Read from
    the stylesheet's link, so that every Trunk invocation is handled the same way."""
    m = re.search(r'<link rel="stylesheet" href="([^"]*)%s"' % re.escape(css), html)
    if m is None:
        fail("index.html has no stylesheet link to %s" % css)
    return m.group(1)


def inline_scripts(html):
    """The text of every inline script the browser runs (data blocks excluded)."""
    found = []
    for m in re.finditer(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", html, re.S):
        kind = re.search(r'\btype="([^"]*)"', m.group(1))
        if kind is None or kind.group(1) in ("module", "text/javascript"):
            found.append(m.group(2))
    return found


def js_string(text):
    """A JavaScript string literal that is safe inside an HTML <script> element."""
    return json.dumps(text).replace("<", "\\u003c")


# The boot script: shows the "cannot start" message when the program files do not load, and
# (served over HTTP) registers the service worker once the page has loaded.
BOOT = """(function () {
  var failed = false;
  function cannotStart() {
    if (failed || document.getElementById('summary')) return;
    failed = true;
    function show() {
      document.getElementById('cannot-load').hidden = false;
      document.getElementById('app').hidden = true;
    }
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show); else show();
  }
  self.iseCannotStart = cannotStart;
  addEventListener('error', function (e) {
    var t = e.target;
    if (t && (t.tagName === 'SCRIPT' || t.rel === 'modulepreload')) cannotStart();
  }, true);
  %s
})();"""
BOOT_SERVED = BOOT % """if (location.protocol === 'file:') cannotStart();
  else if ('serviceWorker' in navigator) addEventListener('load', function () {
    navigator.serviceWorker.register('%s', { updateViaCache: 'none' }).catch(function () {});
  });""" % SERVICE_WORKER
BOOT_SINGLE = BOOT % "if (typeof WebAssembly !== 'object') cannotStart();"

# Before the shell is shown: a design saved in this browser, or something in the URL fragment
# that may be a share link, hides the default design's subnets (see first-paint.js) and starts
# fetching the first-paint module, which paints that design instead (%s: the module's files to
# preload; none in the single-file edition, which has no first-paint module).
FIRST_SAVED = """(function () {
  var saved = location.hash.length > 1;
  try { saved = saved || localStorage.getItem('ise-planner.design') !== null; } catch (e) {}
  if (!saved) return;
  document.documentElement.classList.add('first-saved');
  %s.forEach(function (p) {
    var link = document.createElement('link');
    link.rel = p[0];
    link.href = p[1];
    if (p[0] === 'preload') { link.as = 'fetch'; link.type = 'application/wasm'; link.crossOrigin = 'anonymous'; }
    document.head.appendChild(link);
  });
})();"""


def png(size):
    """The icon: three white lines on a rounded blue square (the favicon, drawn at `size`)."""
    blue, white = (0x24, 0x5D, 0x8F, 255), (255, 255, 255, 255)
    unit = size / 16
    radius = 3 * unit
    rows = []
    for y in range(size):
        row = bytearray(b"\0")
        cy = y + 0.5
        for x in range(size):
            cx = x + 0.5
            # Outside the rounded corners: transparent.
            dx = max(radius - cx, cx - (size - radius), 0)
            dy = max(radius - cy, cy - (size - radius), 0)
            if dx * dx + dy * dy > radius * radius:
                row += bytes(4)
                continue
            line = 3 * unit <= cx <= 13 * unit and any(abs(cy - k * unit) <= 0.75 * unit for k in (5, 8, 11))
            row += bytes(white if line else blue)
        rows.append(bytes(row))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")


def manifest():
    return json.dumps({
        "name": "ISE Network Planner",
        "short_name": "ISE Planner",
        "description": "Plans the subnets, NSG rules, routes and REST request of an Azure Logic Apps integration service environment (ISE), offline.",
        "id": "./",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#f4f6f9",
        "theme_color": "#1f5a8c",
        "icons": [{"src": name, "sizes": "%dx%d" % (size, size), "type": "image/png", "purpose": "any"} for name, size in ICONS],
    }, indent=2) + "\n"


SW_TEMPLATE = """// ISE Network Planner's service worker, written by scripts/post_build.py for one build: a new
// build changes this file, the browser installs it, and it replaces the previous build's cache.
// Files whose names carry a content hash come from the cache; everything else (the page, the
// tools worker's files, the manifest) from the network while there is one, else the cache.
const CACHE = 'ise-planner-%(version)s';
const FILES = %(files)s;
const HASHED = /-[0-9a-f]{8,}(_bg)?\\.(js|wasm|css)$/;
const SINGLE_FILE = '%(single)s';

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((keys) => Promise.all(
    keys.filter((key) => key.startsWith('ise-planner-') && key !== CACHE).map((key) => caches.delete(key)))));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith(HASHED.test(url.pathname) ? cacheFirst(request) : networkFirst(request, url));
});

async function cacheFirst(request) {
  const hit = await caches.match(request, { ignoreSearch: true });
  return hit || fetch(request);
}

async function networkFirst(request, url) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    // The single-file edition is kept once downloaded, so it can be saved again offline.
    if (response.ok && url.pathname.endsWith('/' + SINGLE_FILE)) await cache.put(url.pathname, response.clone());
    return response;
  } catch (offline) {
    const hit = (await cache.match(request, { ignoreSearch: true }))
      || (request.mode === 'navigate' ? await cache.match('index.html') : undefined);
    if (hit) return hit;
    throw offline;
  }
}
"""


def service_worker(files):
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode("utf-8") + b"\0")
        digest.update(read(name, "rb"))
    return SW_TEMPLATE % {
        "version": digest.hexdigest()[:16],
        "files": json.dumps(files),
        "single": SINGLE_FILE,
    }


def single_file(html, glue, page_wasm):
    """The single-file edition, from the finished index.html and the page's wasm-bindgen glue
    as it was written (before minifying)."""
    exports = re.findall(r"^export\b.*$", glue, re.M)
    if exports != ["export { initSync, __wbg_init as default };"]:
        fail("the page's wasm-bindgen glue exports %r; the single file expects only init" % exports)
    glue = glue.replace(exports[0], "")
    tools_glue = read(TOOLS_GLUE)
    main = glue + """
function iseBytes(id) {
  const text = document.getElementById(id).textContent;
  if (Uint8Array.fromBase64) return Uint8Array.fromBase64(text);
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}
// The tools worker, made from the glue and wasm inlined below when first asked for.
let iseToolsUrl;
Object.defineProperty(self, 'iseToolsWorker', { get() {
  if (!iseToolsUrl) {
    const source = [%s, '\\nwasm_bindgen({ module_or_path: Uint8Array.from(atob("',
      document.getElementById('tools-wasm').textContent,
      '"), (c) => c.charCodeAt(0)) }).catch((e) => setTimeout(() => { throw e; }));\\n'];
    iseToolsUrl = URL.createObjectURL(new Blob(source, { type: 'text/javascript' }));
  }
  return iseToolsUrl;
} });
__wbg_init({ module_or_path: iseBytes('page-wasm') }).catch((e) => self.iseCannotStart(e));
""" % js_string(tools_glue)
    if re.search(r"</script|<!--", main, re.I):
        fail("the single file's script holds </script or <!--")
    out = html
    # What the served page fetches goes: nothing is preloaded (the stylesheet is already in).
    out = re.sub(r'\s*<link rel="manifest"[^>]*>', "", out)
    out = re.sub(r'<link rel="(?:modulepreload|preload)"[^>]*>', "", out)
    out = re.sub(r"\s*<script type=\"module\">.*?</script>", "", out, flags=re.S)
    # Only the served page offers the download and says how to serve the folder.
    out = re.sub(r'\s*<(p|span) [^>]*data-served-only>.*?</\1>', "", out, flags=re.S)
    out = out.replace('<div id="cannot-load" class="cannot-load" role="alert" hidden>\n    <p><strong>The planner could not start: this browser did not load its program files.</strong></p>',
                      '<div id="cannot-load" class="cannot-load" role="alert" hidden>\n    <p><strong>The planner could not start: this browser did not run its program.</strong> It needs a current Chromium, Edge, Firefox or Safari, with JavaScript and WebAssembly allowed.</p>')
    out = out.replace(BOOT_SERVED, BOOT_SINGLE)
    out, n = re.subn(r"<script>\n\(function \(\) \{\n  var saved = .*?</script>", lambda m: "<script>\n%s\n</script>" % (FIRST_SAVED % "[]"), out, flags=re.S)
    if n != 1:
        fail("the single file found no first-saved script to keep")
    data = '\n<script type="application/octet-stream" id="page-wasm">%s</script>\n<script type="application/octet-stream" id="tools-wasm">%s</script>\n<script type="module">%s</script>\n</body>' % (
        base64.b64encode(read(page_wasm, "rb")).decode("ascii"),
        base64.b64encode(read(TOOLS_WASM, "rb")).decode("ascii"),
        main,
    )
    out = out.replace("</body>", data, 1)
    style = re.search(r"<style>(.*?)</style>", out, re.S).group(1)
    csp = ("default-src 'none'; script-src 'wasm-unsafe-eval' %s; style-src %s; img-src data:; worker-src blob:; "
           "connect-src 'none'; font-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'") % (
        " ".join(sha256(s) for s in inline_scripts(out)), sha256(style))
    out, n = re.subn(r'(<meta http-equiv="Content-Security-Policy" content=")[^"]*(")', lambda m: m.group(1) + csp + m.group(2), out)
    if n != 1:
        fail("no Content-Security-Policy in index.html")
    return out


def first_paint_files(prefix):
    """The first-paint module's glue and wasm as index.html asks for them (under Trunk's asset
    `prefix`): versioned by their contents, so that no cache pairs an old one with a new one."""
    digest = hashlib.sha256(read(FIRST_GLUE, "rb") + read(FIRST_WASM, "rb")).hexdigest()[:16]
    return "%s%s?v=%s" % (prefix, FIRST_GLUE, digest), "%s%s?v=%s" % (prefix, FIRST_WASM, digest)


def first_paint(prefix):
    """The first paint's module (src/first_paint/first-paint.js) with this build's file names."""
    glue, wasm = first_paint_files(prefix)
    with open(FIRST_SCRIPT, encoding="utf-8") as f:
        script = f.read()
    if "__FIRST_JS__" not in script or "__FIRST_WASM__" not in script:
        fail("first-paint.js lacks its file-name placeholders")
    script = script.replace("__FIRST_JS__", glue).replace("__FIRST_WASM__", wasm)
    if re.search(r"</script|<!--", script, re.I):
        fail("first-paint.js holds </script or <!--")
    return '<script type="module">\n%s</script>' % script


def default_first_view():
    """The default design's first view, from this build's first-paint module run in Node."""
    glue = "file://" + os.path.abspath(os.path.join(STAGING, FIRST_GLUE))
    wasm = os.path.abspath(os.path.join(STAGING, FIRST_WASM))
    script = ("import { initSync, first_view } from %s;\n"
              "import { readFileSync } from 'node:fs';\n"
              "initSync({ module: readFileSync(%s) });\n"
              "process.stdout.write(first_view(''));\n") % (json.dumps(glue), json.dumps(wasm))
    try:
        out = subprocess.run(["node", "--input-type=module", "-e", script], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError) as e:
        fail("the first-paint module did not run in Node (%s)" % getattr(e, "stderr", e))
    return json.loads(out)


def prerender(html, painted):
    """index.html with the default design's first view written into the shell — the same
    text and elements first-paint.js's paint() writes for any other design."""
    from html import escape
    view = painted["view"]

    def fill(html, element_id, text):
        html, n = re.subn(r'(<[a-z]+ [^>]*id="%s"[^>]*>)(</[a-z]+>)' % element_id,
                          lambda m: m.group(1) + escape(text, quote=False) + m.group(2), html)
        if n != 1:
            fail("index.html has no empty element #%s for the first view" % element_id)
        return html

    existing = painted["existingSubnets"]
    html = fill(html, "first-space", "\n".join(p for p in painted["addressSpace"] if p.strip()) or "(none)")
    html = fill(html, "first-vnet", painted["vnetName"] or "(none)")
    html = fill(html, "first-existing", "1 subnet" if existing == 1 else "%d subnets" % existing)
    rows = []
    for i, s in enumerate(view["subnets"]):
        usable = "%s – %s\n%d usable" % (s["firstUsable"], s["lastUsable"], s["usableAddresses"]) if s.get("firstUsable") else ""
        prefix = '<span class="prefix-value">%s</span>' % escape(s["prefix"]) if s.get("prefix") else '<span class="prefix-value missing">not placed</span>'
        rows.append('<tr><td>%d</td><td class="name">%s</td><td class="prefix">%s</td><td class="usable">%s</td><td class="delegation">%s</td><td class="placement">%s</td></tr>' % (
            i + 1, escape(s["name"]), prefix, escape(usable), escape(s.get("delegation") or "none"), "pinned" if s["pinned"] else "allocated"))
    html, n = re.subn(r"<!-- first-rows -->", lambda m: "".join(rows), html)
    if n != 1:
        fail("index.html has no <!-- first-rows --> for the first view")
    html = fill(html, "first-free", view["freeSpace"])
    return fill(html, "first-note", view["allocation"])


def main():
    html = read("index.html")
    files = sorted(os.listdir(STAGING))
    page_js = next((f for f in files if re.fullmatch(r"ise-planner-web-[0-9a-f]+\.js", f)), None)
    page_wasm = next((f for f in files if re.fullmatch(r"ise-planner-web-[0-9a-f]+_bg\.wasm", f)), None)
    css = [f for f in files if re.fullmatch(r"main-[0-9a-f]+\.css", f)]
    if not page_js or not page_wasm or len(css) != 1:
        fail("expected the page's script, wasm and one stylesheet in %s, found %s" % (STAGING, files))
    for name in (TOOLS_GLUE, TOOLS_WASM, TOOLS_LOADER, FIRST_GLUE, FIRST_WASM):
        if name not in files:
            fail("%s is missing from the build" % name)

    # The stylesheet goes into the page itself (allowed by its hash): the first paint waits
    # for no other request.
    prefix = asset_prefix(html, css[0])
    minify(css[0], "css")
    style = read(css[0]).strip()
    html, n = re.subn(r'<link rel="stylesheet" href="%s"[^>]*>' % re.escape(prefix + css[0]), lambda m: "<style>%s</style>" % style, html)
    if n != 1:
        fail("index.html has no link to the stylesheet %s" % css[0])
    html, n = re.subn(r"style-src 'self'", lambda m: "style-src %s" % sha256(style), html)
    if n != 1:
        fail("index.html's Content-Security-Policy has no style-src 'self'")
    os.remove(os.path.join(STAGING, css[0]))
    # The loader: starts the full program (its files under Trunk's prefix) when the first
    # paint is done or could not be made; a failure to load shows the "cannot start" message.
    loader = ("self.iseStartApp = () => {\n"
              "  // The wasm is fetched (and compiled as it streams in) while its glue loads.\n"
              "  const wasm = fetch(%s);\n"
              "  import(%s).then((m) => m.default({ module_or_path: wasm })).catch((e) => self.iseCannotStart(e));\n"
              "};\n") % (js_string(prefix + page_wasm), js_string(prefix + page_js))
    html, n = re.subn(r'<script type="module">\s*import init, \* as bindings from .*?</script>',
                      lambda m: '<script type="module">\n%s</script>\n%s' % (loader, first_paint(prefix)), html, flags=re.S)
    if n != 1:
        fail("Trunk's loader script was not found in index.html")
    # The full program is fetched after the first paint, not preloaded before it.
    html, n = re.subn(r'<link rel="(?:modulepreload|preload)" href="%sise-planner-web-[0-9a-f]+(?:_bg\.wasm|\.js)"[^>]*>' % re.escape(prefix), "", html)
    if n != 2:
        fail("expected Trunk's two preloads of the full program in index.html, found %d" % n)
    html, n = re.subn(r"<script data-boot></script>", lambda m: "<script>\n%s\n</script>" % BOOT_SERVED, html)
    if n != 1:
        fail("index.html has no <script data-boot></script>")
    glue, wasm = first_paint_files(prefix)
    first_saved = FIRST_SAVED % json.dumps([["modulepreload", glue], ["preload", wasm]])
    html, n = re.subn(r"<script data-first-saved></script>", lambda m: "<script>\n%s\n</script>" % first_saved, html)
    if n != 1:
        fail("index.html has no <script data-first-saved></script>")
    html = prerender(html, default_first_view())
    if "'sha256-INLINE'" not in html:
        fail("index.html has no 'sha256-INLINE' placeholder in its CSP")
    html = html.replace("'sha256-INLINE'", " ".join(sha256(s) for s in inline_scripts(html)))
    glue = read(page_js)
    minify(page_js, "js")
    minify(FIRST_GLUE, "js")
    write("index.html", html)

    for name, size in ICONS:
        write(name, png(size))
    write(MANIFEST, manifest())
    cached = sorted(f for f in os.listdir(STAGING) if f not in (SERVICE_WORKER, SINGLE_FILE))
    write(SERVICE_WORKER, service_worker(cached))
    write(SINGLE_FILE, single_file(html, glue, page_wasm))
    print("post_build.py: index.html, %s, %s and %s written; the service worker caches %d files"
          % (MANIFEST, SERVICE_WORKER, SINGLE_FILE, len(cached)))


main()
