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


def set_integrity(html, prefix, name, integrity):
    """`html` with the integrity of every element that loads `name` set to `integrity`."""
    html, n = re.subn(r'(<link [^>]*href="%s"[^>]*integrity=")[^"]*(")' % re.escape(prefix + name),
                      lambda m: m.group(1) + integrity + m.group(2), html)
    if n == 0:
        fail("index.html loads %s without an integrity attribute" % name)
    return html


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


def single_file(html, glue, page_wasm, css, prefix):
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
    # What the served page fetches goes: the stylesheet is inlined, nothing is preloaded.
    out, n = re.subn(r'<link rel="stylesheet" href="%s"[^>]*>' % re.escape(prefix + css), lambda m: "<style>%s</style>" % read(css).strip(), out)
    if n != 1:
        fail("no stylesheet link to inline in index.html")
    out = re.sub(r'\s*<link rel="manifest"[^>]*>', "", out)
    out = re.sub(r'<link rel="(?:modulepreload|preload)"[^>]*>', "", out)
    out = re.sub(r"\s*<script type=\"module\">.*?</script>", "", out, flags=re.S)
    # Only the served page offers the download and says how to serve the folder.
    out = re.sub(r'\s*<(p|span) [^>]*data-served-only>.*?</\1>', "", out, flags=re.S)
    out = out.replace('<div id="cannot-load" class="cannot-load" role="alert" hidden>\n    <p><strong>The planner could not start: this browser did not load its program files.</strong></p>',
                      '<div id="cannot-load" class="cannot-load" role="alert" hidden>\n    <p><strong>The planner could not start: this browser did not run its program.</strong> It needs a current Chromium, Edge, Firefox or Safari, with JavaScript and WebAssembly allowed.</p>')
    out = out.replace(BOOT_SERVED, BOOT_SINGLE)
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


def main():
    html = read("index.html")
    files = sorted(os.listdir(STAGING))
    page_js = next((f for f in files if re.fullmatch(r"ise-planner-web-[0-9a-f]+\.js", f)), None)
    page_wasm = next((f for f in files if re.fullmatch(r"ise-planner-web-[0-9a-f]+_bg\.wasm", f)), None)
    css = [f for f in files if re.fullmatch(r"main-[0-9a-f]+\.css", f)]
    if not page_js or not page_wasm or len(css) != 1:
        fail("expected the page's script, wasm and one stylesheet in %s, found %s" % (STAGING, files))
    for name in (TOOLS_GLUE, TOOLS_WASM, TOOLS_LOADER):
        if name not in files:
            fail("the tools worker's %s is missing" % name)

    prefix = asset_prefix(html, css[0])
    html = set_integrity(html, prefix, css[0], minify(css[0], "css"))
    # The loader: Trunk's (its files under the same prefix), but a failure to load shows the
    # "cannot start" message.
    loader = "import init from %s;\ninit({ module_or_path: %s }).catch((e) => self.iseCannotStart(e));\n" % (
        js_string(prefix + page_js), js_string(prefix + page_wasm))
    html, n = re.subn(r'<script type="module">\s*import init, \* as bindings from .*?</script>', lambda m: '<script type="module">\n%s</script>' % loader, html, flags=re.S)
    if n != 1:
        fail("Trunk's loader script was not found in index.html")
    html, n = re.subn(r"<script data-boot></script>", lambda m: "<script>\n%s\n</script>" % BOOT_SERVED, html)
    if n != 1:
        fail("index.html has no <script data-boot></script>")
    if "'sha256-INLINE'" not in html:
        fail("index.html has no 'sha256-INLINE' placeholder in its CSP")
    html = html.replace("'sha256-INLINE'", " ".join(sha256(s) for s in inline_scripts(html)))
    glue = read(page_js)
    html = set_integrity(html, prefix, page_js, minify(page_js, "js"))
    write("index.html", html)

    for name, size in ICONS:
        write(name, png(size))
    write(MANIFEST, manifest())
    cached = sorted(f for f in os.listdir(STAGING) if f not in (SERVICE_WORKER, SINGLE_FILE))
    write(SERVICE_WORKER, service_worker(cached))
    write(SINGLE_FILE, single_file(html, glue, page_wasm, css[0], prefix))
    print("post_build.py: index.html, %s, %s and %s written; the service worker caches %d files"
          % (MANIFEST, SERVICE_WORKER, SINGLE_FILE, len(cached)))


main()
