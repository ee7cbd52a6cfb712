// Drives the VS Code workbench served by code-server (started by tests/editors/vscode.sh) in Debian's
// Chromium with playwright-core, and checks what a user sees: the squiggle under the vague claim, the
// Problems entry, the hover and the "Insert metric template" quick fix.
//
// Env: CASEBOOK_URL, CASEBOOK_DRIVER_DIR (where playwright-core is installed), CASEBOOK_ARTIFACTS
// (screenshots), CASEBOOK_PROFILE (a fresh Chromium user-data-dir), CASEBOOK_TIMEOUT_MS (per wait).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const TIMEOUT = Number(process.env.CASEBOOK_TIMEOUT_MS || 60000);
const VAGUE = 'I improved performance significantly.';
const url = process.env.CASEBOOK_URL;
const artifacts = process.env.CASEBOOK_ARTIFACTS || '.';
const profile = process.env.CASEBOOK_PROFILE;
const require = createRequire(path.join(process.env.CASEBOOK_DRIVER_DIR || '.', 'package.json'));
const { chromium } = require('playwright-core');

const t0 = Date.now();
const log = (msg) => console.log(`[vscode] +${((Date.now() - t0) / 1000).toFixed(1)}s ${msg}`);
class CheckFailed extends Error {}
const check = (cond, msg) => {
  if (!cond) throw new CheckFailed(msg);
};
const norm = (s) => (s || '').replace(/\u00a0/g, ' ');

async function shot(page, name) {
  try {
    fs.mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: path.join(artifacts, `${name}.png`) });
  } catch {
    // a screenshot is a help, never a failure
  }
}

/** Polls fn until it returns a truthy value or the time is up. */
async function until(fn, ms, what) {
  const end = Date.now() + ms;
  let last;
  while (Date.now() < end) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new CheckFailed(`${what} (waited ${ms} ms)`);
}

/** Screen rectangle of `word` inside the rendered editor line that contains `sentence`. */
function wordRect(page, sentence, word) {
  return page.evaluate(
    ([sentence, word]) => {
      const lines = [...document.querySelectorAll('.monaco-editor .view-lines .view-line')];
      for (const line of lines) {
        const text = (line.textContent || '').replace(/\u00a0/g, ' ');
        if (!text.includes(sentence)) continue;
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const i = node.data.replace(/\u00a0/g, ' ').indexOf(word);
          if (i < 0) continue;
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + word.length);
          const r = range.getBoundingClientRect();
          const l = line.getBoundingClientRect();
          return { x: r.x, y: r.y, width: r.width, height: r.height, lineTop: l.top, lineBottom: l.bottom };
        }
      }
      return null;
    },
    [sentence, word],
  );
}

async function main() {
  check(url, 'CASEBOOK_URL is not set');
  check(profile, 'CASEBOOK_PROFILE is not set');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CASEBOOK_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
    viewport: { width: 1400, height: 900 },
    timeout: TIMEOUT,
  });
  const page = context.pages()[0] || (await context.newPage());
  const consoleErrors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  try {
    await run(page);
  } catch (e) {
    await shot(page, 'failure');
    if (consoleErrors.length) {
      console.error('[vscode] browser console errors (last 10):');
      for (const m of consoleErrors.slice(-10)) console.error('    ' + m.slice(0, 300));
    }
    throw e;
  } finally {
    await context.close().catch(() => {});
  }
}

async function run(page) {
  log(`opening ${url}`);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: TIMEOUT });
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: TIMEOUT });
  log('workbench loaded');

  // 1. Open the draft from the Explorer, as a user would (Quick Open as a fallback).
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'draft.md' }).first();
  try {
    await row.waitFor({ state: 'visible', timeout: TIMEOUT / 2 });
    await row.click();
  } catch {
    log('draft.md not in the Explorer; using Quick Open');
    await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => {});
    await page.keyboard.press('Control+P');
    await page.keyboard.type('draft.md');
    await page.keyboard.press('Enter');
  }
  await until(
    async () => norm(await page.locator('.monaco-editor .view-lines').first().textContent()).includes('I improved performance'),
    TIMEOUT,
    'the editor did not show draft.md',
  );
  log('draft.md is open');
  await shot(page, '1-opened');

  // 2. The squiggle: a diagnostic decoration on the line of the vague claim.
  let lastSquiggles = [];
  const squiggle = await until(
    async () => {
      const rect = await wordRect(page, VAGUE, 'improved');
      if (!rect) return null;
      const hits = await page.evaluate(([top, bottom]) => {
        const out = [];
        for (const el of document.querySelectorAll('.monaco-editor [class*="squiggly-"]')) {
          const r = el.getBoundingClientRect();
          const mid = (r.top + r.bottom) / 2;
          if (mid >= top - 2 && mid <= bottom + 2) out.push(el.className);
        }
        return out;
      }, [rect.lineTop, rect.lineBottom]);
      lastSquiggles = hits;
      // casebook.rules in the user settings makes vague-claim an error.
      return hits.find((c) => /squiggly-error/.test(c)) || null;
    },
    TIMEOUT,
    `no error squiggle under "${VAGUE}"`,
  ).catch((e) => {
    const seen = lastSquiggles.filter((c) => /squiggly-(warning|info)/.test(c));
    throw new CheckFailed(seen.length
      ? `${e.message}: there is a ${seen[0].trim()} squiggle, so the setting casebook.rules {"vague-claim": "error"} did not reach the server or did not override casebook.toml (vague-claim = "warning")`
      : `${e.message}: the server published no diagnostic there`);
  });
  log(`squiggle on the vague claim: ${squiggle.trim()} (the casebook.rules setting was applied)`);
  await shot(page, '2-squiggle');

  // 3. The Problems panel lists it, with its source and rule id.
  await page.keyboard.press('Control+Shift+M');
  const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'vague-claim' }).first();
  try {
    await problem.waitFor({ state: 'visible', timeout: TIMEOUT / 2 });
  } catch {
    // Keyboard focus may have been elsewhere: open the panel through the command palette.
    await page.keyboard.press('Control+Shift+P');
    await page.keyboard.type('View: Focus on Problems View');
    await page.keyboard.press('Enter');
    await problem.waitFor({ state: 'visible', timeout: TIMEOUT / 2 }).catch(() => {});
  }
  const problemText = norm(await problem.textContent({ timeout: 5000 }).catch(() => ''));
  const allProblems = norm(await page.locator('.markers-panel').first().textContent({ timeout: 5000 }).catch(() => ''));
  check(problemText.includes('vague-claim'), `the Problems panel has no vague-claim entry; it shows: ${allProblems.slice(0, 800) || '(nothing)'}`);
  check(problemText.includes('casebook'), `the Problems entry does not name its source "casebook": ${problemText}`);
  log(`Problems entry: ${problemText.slice(0, 200)}`);
  await shot(page, '3-problems');

  // 4. Hover over the sentence: the first line of Casebook's hover says what the sentence shows.
  let hoverText = '';
  let firstLines = [];
  await until(
    async () => {
      const rect = await wordRect(page, VAGUE, 'improved');
      if (!rect) return false;
      await page.mouse.move(5, 5);
      await page.waitForTimeout(150);
      await page.mouse.move(rect.x + rect.width / 2, rect.y + rect.height / 2, { steps: 5 });
      const hover = page.locator('.monaco-hover:not(.hidden)').first();
      await hover.waitFor({ state: 'visible', timeout: 5000 });
      // Give the LSP hover (which may arrive after the diagnostic hover) a moment.
      return await until(
        async () => {
          hoverText = norm(await hover.textContent());
          firstLines = await page.evaluate(() =>
            [...document.querySelectorAll('.monaco-hover:not(.hidden) .rendered-markdown')].map((el) => {
              const lines = (el.innerText || '').split('\n').map((l) => l.trim()).filter(Boolean);
              return lines[0] || '';
            }),
          );
          return firstLines.some((l) => l.includes('Shows'));
        },
        8000,
        'hover',
      ).catch(() => false);
    },
    TIMEOUT,
    'hovering over the vague claim did not show a hover whose first line says what the sentence shows ("Shows...")',
  ).catch((e) => {
    throw new CheckFailed(`${e.message}; the hover showed: ${hoverText.slice(0, 600) || '(nothing)'}`);
  });
  log(`hover first line: ${firstLines.find((l) => l.includes('Shows'))}`);
  check(hoverText.includes('vague-claim') || hoverText.includes('casebook'),
    `the hover does not include the diagnostic (casebook / vague-claim): ${hoverText.slice(0, 400)}`);
  await shot(page, '4-hover');

  // 5. The quick fix: Ctrl+. at the claim offers "Insert metric template"; choosing it edits the text.
  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');
  const rect = await wordRect(page, VAGUE, 'improved');
  check(rect, 'the vague claim is no longer rendered');
  await page.mouse.click(rect.x + rect.width / 2, rect.y + rect.height / 2);
  const item = page.locator('.action-widget .monaco-list-row', { hasText: 'Insert metric template' }).first();
  await until(
    async () => {
      await page.keyboard.press('Control+.');
      return await item.waitFor({ state: 'visible', timeout: 4000 }).then(() => true, async () => {
        await page.keyboard.press('Escape');
        return false;
      });
    },
    TIMEOUT / 2,
    `Ctrl+. on the vague claim did not offer "Insert metric template"; the menu showed: ${
      norm(await page.locator('.action-widget').first().textContent({ timeout: 1000 }).catch(() => '')) || '(nothing)'
    }`,
  );
  await shot(page, '5-quickfix-menu');
  // Pointing at the row focuses it in the action widget; Enter runs the focused action.
  const box = await item.boundingBox();
  check(box, 'the "Insert metric template" row has no position');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
  await page.waitForTimeout(200);
  await page.keyboard.press('Enter');
  await until(
    async () => norm(await page.locator('.monaco-editor .view-lines').first().textContent()).includes('[baseline]'),
    TIMEOUT / 2,
    'after choosing "Insert metric template" the editor does not contain "[baseline]"',
  );
  log('quick fix applied: the editor contains "[baseline]"');
  await shot(page, '6-quickfix-applied');

  // 6. "Casebook: Restart server" from the Command Palette: the server comes back and publishes again.
  //    (vscode.sh then checks the Casebook output channel for the restart.)
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Z'); // back to the vague claim, so the squiggle returns
  await page.keyboard.press('Control+Shift+P');
  const palette = page.locator('.quick-input-widget input').first();
  await palette.waitFor({ state: 'visible', timeout: 10000 });
  await palette.fill('>Casebook: Restart server');
  const entry = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Casebook: Restart server' }).first();
  await entry.waitFor({ state: 'visible', timeout: 10000 }).catch(() => {
    throw new CheckFailed('the Command Palette does not list "Casebook: Restart server"');
  });
  await page.keyboard.press('Enter');
  await until(
    async () => {
      const r = await wordRect(page, VAGUE, 'improved');
      if (!r) return false;
      return page.evaluate(([top, bottom]) =>
        [...document.querySelectorAll('.monaco-editor [class*="squiggly-error"]')].some((el) => {
          const b = el.getBoundingClientRect();
          const mid = (b.top + b.bottom) / 2;
          return mid >= top - 2 && mid <= bottom + 2;
        }), [r.lineTop, r.lineBottom]);
    },
    TIMEOUT / 2,
    'after "Casebook: Restart server" (and undoing the quick fix) the error squiggle did not come back',
  );
  log('restarted the server from the Command Palette; the squiggle is back');
  await shot(page, '7-restarted');
}

try {
  await main();
  log('all VS Code checks passed');
  process.exit(0);
} catch (e) {
  console.error(`[vscode] FAIL: ${e instanceof CheckFailed ? e.message : e.stack || e}`);
  process.exit(1);
}
