import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window; globalThis.document = dom.window.document;
const mermaid = (await import('mermaid')).default;
mermaid.initialize({ startOnLoad: false });
let failed = 0;
for (const file of process.argv.slice(2)) {
  try { await mermaid.parse(readFileSync(file, 'utf8')); console.log(`ok ${file}`); }
  catch (e) { failed++; console.log(`FAIL ${file}: ${String(e.message ?? e).split('\n').slice(0,3).join(' ')}`); }
}
process.exit(failed ? 1 : 0);
