// Drives headless chromium for the diagram tests (tests/FailoverModel.Tests/Diagrams/BrowserTests.cs).
//   node check.mjs --chromium PATH pages FILE.html...   step through each scenario page with the keyboard and print,
//                                                       as one JSON line per page, what its DOM shows at each step
//   node check.mjs --chromium PATH mermaid FILE.mmd...  render each Mermaid file with Mermaid's own browser bundle;
//                                                       "ok FILE" or "FAIL FILE: message" per file
// Any request a page makes to the network, any script error and any console error is a failure: pages are offline.
import puppeteer from 'puppeteer-core';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
const at = args.indexOf('--chromium');
if (at < 0 || !args[at + 1]) { console.error('usage: check.mjs --chromium PATH (pages|mermaid) FILE...'); process.exit(2); }
const chromium = args[at + 1];
args.splice(at, 2);
const [mode, ...files] = args;
const shots = process.env.BROWSER_CHECK_SCREENSHOTS;

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--allow-file-access-from-files'],
});
let failed = 0;
try {
  if (mode === 'pages') for (const file of files) await page(file);
  else if (mode === 'mermaid') await mermaid(files);
  else { console.error(`unknown mode ${mode}`); failed = 1; }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);

/** A new tab that records every problem: a request off the machine, a script error, a console error. */
async function tab(problems, width = 1280) {
  const tab = await browser.newPage();
  await tab.setViewport({ width, height: 900 });
  await tab.setRequestInterception(true);
  tab.on('request', r => {
    const url = r.url();
    if (url.startsWith('file:') || url.startsWith('data:') || url.startsWith('about:')) r.continue();
    else { problems.push(`network request ${url}`); r.abort(); }
  });
  tab.on('pageerror', e => problems.push(`script error: ${e.message}`));
  tab.on('console', m => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  return tab;
}

async function page(file) {
  const problems = [];
  const t = await tab(problems);
  await t.goto(pathToFileURL(path.resolve(file)).href, { waitUntil: 'load' });
  const read = () => t.evaluate(() => {
    const text = sel => document.querySelector(sel)?.textContent ?? null;
    const units = {};
    for (const panel of document.querySelectorAll('.unit')) {
      const groups = {};
      for (const row of panel.querySelectorAll('tr[data-group]')) {
        groups[row.dataset.group] = { state: row.querySelector('.state').textContent, reason: row.querySelector('.reason').textContent };
      }
      units[panel.dataset.unit] = { status: panel.querySelector('.status').textContent, groups, show: panel.querySelector('.show').textContent };
    }
    const titleOf = cls => [...document.querySelectorAll(`#graph g.${cls}`)].map(g => g.querySelector('title')?.textContent);
    return {
      position: text('#position'), hash: location.hash, step: text('#step'), line: text('#line'), clock: document.getElementById('clock').dataset.time,
      event: text('#event'), kind: text('#kind'), outage: text('#outage'), units,
      links: { failover: text('#link-failover'), state: text('#link-state') },
      syslog: [...document.querySelectorAll('#syslog li')].map(li => li.textContent),
      timers: [...document.querySelectorAll('#timer-list li')].map(li => li.textContent),
      graph: text('#graph-status'), live: titleOf('live'), taken: titleOf('taken'),
    };
  });
  const count = await t.evaluate(() => JSON.parse(document.getElementById('steps').textContent).length);
  const steps = [];
  for (let i = 0; i < count; i++) {
    if (i > 0) await t.keyboard.press('ArrowRight');
    steps.push(await read());
    if (shots) await t.screenshot({ path: path.join(shots, `${path.basename(file, '.html')}-${i + 1}.png`) });
  }
  await t.keyboard.press('ArrowRight');
  const pastEnd = await read();
  await t.keyboard.press('Home');
  const home = await read();
  await t.keyboard.press('End');
  const end = await read();
  await t.close();
  console.log(JSON.stringify({ file, count, steps, pastEnd, home, end, problems }));
}

async function mermaid(files) {
  const bundle = fileURLToPath(new URL('./node_modules/mermaid/dist/mermaid.min.js', import.meta.url));
  const folder = mkdtempSync(path.join(tmpdir(), 'mermaid-render-'));
  const host = path.join(folder, 'render.html');
  writeFileSync(host, `<!doctype html><html><head><meta charset="utf-8"><script src="${pathToFileURL(bundle).href}"></script></head><body style="margin:0"><div id="out" style="width:800px"></div></body></html>`);
  const problems = [];
  // 800 px: the width a documentation page gives a diagram, where its text must stay legible.
  const t = await tab(problems, 800);
  await t.goto(pathToFileURL(host).href, { waitUntil: 'load' });
  await t.evaluate(() => mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' }));
  for (const [i, file] of files.entries()) {
    const before = problems.length;
    const result = await t.evaluate(async (text, id) => {
      try {
        const { svg } = await mermaid.render(id, text);
        document.getElementById('out').innerHTML = svg;
        const box = document.querySelector('#out svg').getBBox();
        const error = document.querySelector('#out .error-text, #out .error-icon');
        return error ? { error: 'Mermaid drew its error picture' } : { width: box.width, height: box.height };
      } catch (e) { return { error: String(e?.message ?? e).split('\n').slice(0, 3).join(' ') }; }
    }, readFileSync(file, 'utf8'), `d${i}`);
    if (shots) await (await t.$('#out')).screenshot({ path: path.join(shots, `${path.basename(file, '.mmd')}.mmd.png`) });
    if (result.error || problems.length > before || !(result.width > 0 && result.height > 0)) {
      failed++;
      console.log(`FAIL ${file}: ${result.error ?? problems.slice(before).join('; ') ?? 'empty drawing'}`);
    } else {
      console.log(`ok ${file} ${Math.round(result.width)}x${Math.round(result.height)}`);
    }
  }
  await t.close();
}
