"""Trunk post-build hook: allow exactly the inline scripts Trunk wrote into index.html.

The page's Content-Security-Policy says script-src 'self' plus the placeholder
'sha256-INLINE'. Trunk's loader is an inline <script type="module">; this replaces the
placeholder with the SHA-256 of every inline script, so the browser runs those and nothing else.
"""
import base64
import hashlib
import os
import re
import sys

staging = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist")
path = os.path.join(staging, "index.html")
with open(path, encoding="utf-8") as f:
    html = f.read()

hashes = []
for match in re.finditer(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, re.S):
    digest = hashlib.sha256(match.group(1).encode("utf-8")).digest()
    hashes.append("'sha256-%s'" % base64.b64encode(digest).decode("ascii"))

if "'sha256-INLINE'" not in html:
    sys.exit("csp_hashes.py: index.html has no 'sha256-INLINE' placeholder in its CSP")
html = html.replace("'sha256-INLINE'", " ".join(hashes) or "'none'")
with open(path, "w", encoding="utf-8") as f:
    f.write(html)
print("csp_hashes.py: allowed %d inline script(s)" % len(hashes))
