// The split between the first load and the tools worker, checked on the built files in
// dist/: the page's wasm carries none of the export and import code — each marker below is
// a text only that code holds, and the worker's wasm must hold it, so that a marker that
// stopped meaning anything fails here too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST } from './harness.mjs';

/** Texts that only the export and import code holds (data its functions write or quote). */
const MARKERS = [
  ['ARM template (nested deployment)', 'Microsoft.Resources/deployments'],
  ['Bicep', 'a Bicep file deploys to one'],
  ['Terraform', 'azapi_resource'],
  ['Azure CLI script', 'ISE_PLANNER_END_OF_JSON'],
  ['PowerShell script', 'New-AzNetworkSecurityRuleConfig'],
  ['VNet import', 'is not a virtual network'],
  ['Service Tags import', "this is not Azure's Service Tags JSON file"],
  ['Logic Apps Standard planner (app settings)', 'WEBSITE_CONTENTOVERVNET'],
  ['Logic Apps Standard planner (private DNS zones)', 'privatelink.azurewebsites'],
];

const read = (name) => fs.readFileSync(path.join(DIST, name));

test('the first load holds no export or import code; the tools worker holds it all', () => {
  const html = read('index.html').toString('utf8');
  const files = fs.readdirSync(DIST);
  const pageWasm = files.find((f) => /^ise-planner-web-[0-9a-f]+_bg\.wasm$/.test(f));
  assert.ok(pageWasm, `the page's wasm in ${files.join(', ')}`);
  assert.ok(html.includes(pageWasm), 'index.html loads the page wasm');
  assert.doesNotMatch(html, /ise-planner-tools/, 'index.html neither loads nor preloads the worker');
  for (const f of ['ise-planner-tools-loader.js', 'ise-planner-tools.js', 'ise-planner-tools_bg.wasm']) {
    assert.ok(files.includes(f), `${f} is built beside the page`);
  }
  const page = read(pageWasm);
  const worker = read('ise-planner-tools_bg.wasm');
  for (const [what, marker] of MARKERS) {
    assert.ok(worker.includes(marker), `the worker holds the ${what} code ("${marker}")`);
    assert.ok(!page.includes(marker), `the first load must not hold the ${what} code ("${marker}")`);
  }
});
