import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const ext = '/work/main/.output/chrome-mv3';
const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'p-')), {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    `--disable-extensions-except=${ext}`,
    `--load-extension=${ext}`,
    '--headless=new',
    '--disable-gpu',
    '--disable-background-networking',
  ],
});
const { createServer } = await import('node:http');
const { readFileSync } = await import('node:fs');
const srv = createServer((req, res) => {
  const f = (req.url ?? '/').split('?')[0];
  try {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(readFileSync('/work/main/tests/fixtures/pages' + f));
  } catch {
    res.statusCode = 404;
    res.end();
  }
}).listen(8765);
await new Promise((r) => setTimeout(r, 1500));
for (const page of ['seed-ar.html', 'long-article.html'])
  for (let i = 0; i < 5; i++) {
    const p = await ctx.newPage();
    p.on('console', (m) => {
      if (m.text().startsWith('HASHIYA-PROBE')) console.log(page, m.text());
    });
    await p.goto(`http://localhost:8765/${page}?r=${i}`);
    await new Promise((r) => setTimeout(r, 1500));
    await p.close();
  }
await ctx.close();
srv.close();
