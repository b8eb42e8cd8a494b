// End-to-end: the briefing deck of the demo plan, presented as a planner
// would at a council meeting: walk every slide with the keyboard (a
// screenshot of each), check every figure against the overview, show the
// tables, write presenter notes, rearrange the slides, print to PDF, and do
// it again in English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, mkdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appUnderTest, newProfile, openApp, screenshot, seriousA11yViolations, SHOTS, figure, ROOT } from './harness.mjs';

const app = appUnderTest();

/** What the overview shows: the figures every slide must repeat. */
async function overviewFigures(page) {
  await page.goto(`${app.server.url}#overview`);
  await page.locator('[data-testid="ov-status-total"]').waitFor();
  const status = {
    total: await page.locator('[data-testid="ov-status-total"] td').allInnerTexts(),
    rows: [],
  };
  for (const row of await page.locator('#ov-status-table tr[data-program]').all()) {
    status.rows.push({
      name: (await row.locator('th').first().innerText()).trim(),
      cells: await row.locator('td').allInnerTexts(),
    });
  }
  const splits = {};
  for (const line of await page.locator('[data-testid^="split-"]').all()) {
    const id = (await line.getAttribute('data-testid')).slice('split-'.length);
    splits[id] = (await line.innerText()).trim();
  }
  const schedule = page.locator('#ov-pledge-1-schedule');
  const headings = await schedule.locator('thead th').allInnerTexts();
  const totalRow = await schedule.locator('tbody.total-row td').allInnerTexts();
  const indicator = 'pledge-1-indicator-1';
  return {
    status,
    splits,
    pledge: {
      headings,
      totalRow,
      achievement: (await page.locator(`[data-testid="${indicator}-achievement"]`).innerText()).trim(),
      targets: await page.locator(`[data-testid="${indicator}"] tbody tr:first-child td.num`).allInnerTexts(),
      actuals: await page.locator(`[data-testid="${indicator}"] tbody tr:nth-child(2) td.num`).allInnerTexts(),
    },
  };
}

const current = (page) => page.locator('section.slide.current');
const slideNumber = (page) => page.locator('[data-testid="slide-number"]').innerText();

/** The figures an SVG chart on the current slide writes in elements of `cls`. */
const chartTexts = (page, cls) => current(page).locator(`svg text.${cls}`).allTextContents();

async function checkSlide(page, key, ov) {
  const slide = current(page);
  if (key === 'summary') {
    const keys = await slide.locator('[data-testid="key-figure"]').allInnerTexts();
    assert.deepEqual(keys, ov.status.total, 'summary: this year, last year, change = overview 계 row');
    // The bars hold every program's money: their totals add to the split lines' totals.
    const bars = (await chartTexts(page, 'bar-total')).map(figure);
    const splitTotals = Object.values(ov.splits).map((t) => figure(t.match(/[△\d][\d,]*/)[0]));
    assert.equal(bars.reduce((a, b) => a + b, 0), splitTotals.reduce((a, b) => a + b, 0));
  } else if (key.startsWith('program-')) {
    const id = key.slice('program-'.length);
    assert.equal(
      (await slide.locator('[data-testid="slide-split"]').innerText()).trim(),
      ov.splits[id],
      `${key}: the split line is the overview's`,
    );
    const percents = await slide.locator('[data-testid="share-percent"]').allInnerTexts();
    if (percents.length) {
      const tenths = percents.map((p) => Math.round(Number(p.replace('%', '')) * 10));
      assert.equal(tenths.reduce((a, b) => a + b, 0), 1000, `${key}: shares add to 100% (${percents})`);
    }
  } else if (key === 'pledge-1') {
    // Overview total row: 총계, 기투자, 소계, 2018…2022, 장기.
    const [grand, , , ...rest] = ov.pledge.totalRow;
    const years = rest.slice(0, 5);
    const shownTotal = await slide.locator('[data-testid="slide-pledge-total"]').innerText();
    assert.ok(shownTotal.includes(grand), `pledge total ${shownTotal} shows ${grand}`);
    assert.deepEqual(await chartTexts(page, 'bar-total'), years, 'pledge bars = overview 계 row by year');
    assert.equal(
      (await slide.locator('[data-testid="slide-achievement"]').innerText()).trim(),
      ov.pledge.achievement,
    );
    // Targets and actuals, year by year, as the overview's indicator table.
    const values = await chartTexts(page, 'bar-value');
    const targets = values.filter((_, i) => i % 2 === 0);
    const actuals = values.filter((_, i) => i % 2 === 1);
    assert.deepEqual(targets, ov.pledge.targets.slice(1, 6), 'targets by year');
    assert.deepEqual(actuals, ov.pledge.actuals.slice(1, 6), 'actuals by year');
  } else if (key === 'changes') {
    assert.equal(
      (await slide.locator('[data-testid="slide-change-total"]').innerText()).trim(),
      ov.status.total[2],
    );
    assert.deepEqual(
      await chartTexts(page, 'bar-total'),
      ov.status.rows.map((r) => r.cells[2]),
      'each unit program\'s change, △ for a cut',
    );
  }
}

async function openDeck(page) {
  await page.goto(`${app.server.url}#deck`);
  await page.locator('section.slide.current').waitFor();
}

test('the demo deck: every slide by keyboard, its figures equal the overview\'s', async () => {
  const { context, record } = await newProfile(app.browser, 'ko-KR', app.server.url);
  const page = await openApp(context, app.server.url);
  const ov = await overviewFigures(page);
  assert.deepEqual(ov.status.total, ['1,780,060', '654,714', '1,125,346']);

  // Open from the navigation like a user.
  await page.getByRole('link', { name: '브리핑' }).click();
  await current(page).waitFor();
  const keys = await page.locator('section.slide').evaluateAll((s) => s.map((e) => e.dataset.slide));
  assert.equal(keys[0], 'summary');
  assert.ok(keys.includes('pledge-1') && keys.includes('changes'));
  assert.equal(keys.filter((k) => k.startsWith('program-')).length, 7);
  const total = keys.length;
  assert.equal(await slideNumber(page), `슬라이드 1 / ${total}`);
  assert.equal(await page.locator('.app-header').count(), 0, 'the deck fills the screen');

  // Walk with every key a clicker or keyboard sends.
  const forward = ['ArrowRight', 'PageDown', 'Space'];
  for (let i = 0; i < total; i++) {
    assert.equal(await current(page).getAttribute('data-slide'), keys[i]);
    assert.equal(await slideNumber(page), `슬라이드 ${i + 1} / ${total}`);
    assert.match(await current(page).locator('.slide-number').innerText(), new RegExp(`^${i + 1} / ${total}$`));
    await checkSlide(page, keys[i], ov);
    await screenshot(page, `deck-ko-${String(i + 1).padStart(2, '0')}-${keys[i]}`);
    await page.keyboard.press(forward[i % 3]);
  }
  assert.equal(await slideNumber(page), `슬라이드 ${total} / ${total}`, 'past the end stays on the last slide');
  await page.keyboard.press('PageUp');
  assert.equal(await slideNumber(page), `슬라이드 ${total - 1} / ${total}`);
  await page.keyboard.press('ArrowLeft');
  assert.equal(await slideNumber(page), `슬라이드 ${total - 2} / ${total}`);
  await page.keyboard.press('Home');
  assert.equal(await slideNumber(page), `슬라이드 1 / ${total}`);
  await page.keyboard.press('End');
  assert.equal(await slideNumber(page), `슬라이드 ${total} / ${total}`);

  // T: the changes slide's table, figure for figure the overview's status table.
  await page.keyboard.press('T');
  const table = current(page).locator('table.slide-table');
  await table.waitFor();
  const rows = await table.locator('tbody tr').all();
  assert.deepEqual(await rows[0].locator('td').allInnerTexts(), ov.status.total);
  for (const [i, row] of ov.status.rows.entries()) {
    assert.equal((await rows[i + 1].locator('th').innerText()).trim(), row.name);
    assert.deepEqual(await rows[i + 1].locator('td').allInnerTexts(), row.cells);
  }
  await screenshot(page, 'deck-ko-changes-table');
  await page.keyboard.press('Home');
  assert.equal(await current(page).locator('table').count(), 1, 'tables stay on: the summary as a table');
  await page.keyboard.press('T');
  assert.equal(await current(page).locator('svg').count(), 1, 'and back to its chart');

  assert.deepEqual(await seriousA11yViolations(page), []);

  // Colour is not the only cue: the four sources' fills differ in lightness by at least
  // 15 L* (they stay apart in greyscale), and the slide is kept as a greyscale and a
  // deuteranopia screenshot for a person to look at.
  const pledgeIndex = keys.indexOf('pledge-1');
  await page.keyboard.press('Home');
  for (let i = 0; i < pledgeIndex; i++) await page.keyboard.press('ArrowRight');
  const lightness = await current(page).locator('svg g.legend rect').evaluateAll((rects) => rects.map((r) => {
    const [red, green, blue] = getComputedStyle(r).fill.match(/\d+/g).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    const y = 0.2126 * red + 0.7152 * green + 0.0722 * blue;
    return y > 0.008856 ? 116 * Math.cbrt(y) - 16 : 903.3 * y;
  }));
  assert.ok(lightness.length >= 4, `legend swatches: ${lightness}`);
  const sources = lightness.slice(0, 4);
  for (let a = 0; a < sources.length; a++) {
    for (let b = a + 1; b < sources.length; b++) {
      assert.ok(Math.abs(sources[a] - sources[b]) >= 15, `series ${a} and ${b} differ in lightness: ${sources.map(Math.round)}`);
    }
  }
  const cdp = await context.newCDPSession(page);
  for (const type of ['achromatopsia', 'deuteranopia']) {
    await cdp.send('Emulation.setEmulatedVisionDeficiency', { type });
    await screenshot(page, `deck-ko-pledge-${type}`);
  }
  await cdp.send('Emulation.setEmulatedVisionDeficiency', { type: 'none' });

  // F: full screen; Esc leaves the deck for the overview.
  // A key press is a user gesture, so headless Chromium grants full screen
  // as a browser does; F again leaves it, and the deck stays on screen.
  await page.keyboard.press('F');
  await page.waitForFunction(() => document.fullscreenElement !== null, null, { timeout: 3000 });
  await page.keyboard.press('F');
  await page.waitForFunction(() => document.fullscreenElement === null, null, { timeout: 3000 });
  assert.ok(await page.locator('section.slide.current').isVisible(), 'the deck is still shown after full screen');
  // Esc in full screen leaves full screen first and keeps the deck (issue 18);
  // a second Esc leaves the deck.
  await page.keyboard.press('F');
  await page.waitForFunction(() => document.fullscreenElement !== null, null, { timeout: 3000 });
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.fullscreenElement === null, null, { timeout: 3000 });
  assert.ok(await page.locator('section.slide.current').isVisible(), 'Esc in full screen left the deck');
  assert.match(page.url(), /#deck/);
  await page.keyboard.press('Escape');
  await page.locator('[data-testid="ov-status-total"]').waitFor();
  assert.match(page.url(), /#overview$/);
  assert.deepEqual(record.offOrigin, []);
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('presenter notes and the slide order are saved with the plan', async () => {
  const { context, record } = await newProfile(app.browser, 'ko-KR', app.server.url);
  const page = await openApp(context, app.server.url);
  await openDeck(page);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('N');
  const notes = page.getByRole('textbox', { name: '발표자 메모' });
  await notes.fill('국비 622,500천원은 확정, 시비는 추경 예정');
  await page.locator('[data-testid="save-state"]').filter({ hasText: '저장됨' }).waitFor();
  // The note belongs to that slide: the next one has none.
  await notes.press('Tab');
  await page.keyboard.press('ArrowRight');
  assert.equal(await notes.inputValue(), '');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await notes.inputValue(), '국비 622,500천원은 확정, 시비는 추경 예정');

  // Arrange: the pledge first, the second program left out.
  await page.getByRole('button', { name: '슬라이드 구성' }).click();
  const panel = page.locator('.deck-arrange');
  const items = panel.locator('li');
  const count = await items.count();
  for (let i = count - 1; i > 0; i--) {
    await items.nth(i).getByRole('button', { name: /위로$/ }).click();
  }
  assert.match(await items.first().innerText(), /공약 17/);
  const leftOut = (await items.nth(2).getByRole('checkbox').getAttribute('id')).replace('arrange-', '');
  await items.nth(2).getByRole('checkbox').uncheck();
  await screenshot(page, 'deck-ko-arrange');
  await page.keyboard.press('Escape');
  await panel.waitFor({ state: 'detached' });
  assert.match(page.url(), /#deck/, 'Esc closed the panel, not the deck');

  await page.locator('[data-testid="save-state"]').filter({ hasText: '저장됨' }).waitFor();
  assert.match(page.url(), /#deck\/2$/, 'the slide is in the address');
  await page.reload();
  await page.locator('section.slide.current').waitFor();
  assert.equal(await slideNumber(page), `슬라이드 2 / ${count + 1}`, 'a reload stays on the slide (one program left out, changes added)');
  await page.keyboard.press('Home');
  const keys = await page.locator('section.slide').evaluateAll((s) => s.map((e) => e.dataset.slide));
  assert.equal(keys[1], 'pledge-1', 'the pledge comes right after the summary');
  assert.ok(!keys.includes(leftOut), `${leftOut} is left out`);
  assert.equal(keys.length, count + 1, 'summary, the seven shown, changes');
  await page.keyboard.press('N');
  const withNote = keys.indexOf('program-5');
  for (let i = 0; i < withNote; i++) await page.keyboard.press('ArrowRight');
  assert.equal(await page.getByRole('textbox', { name: '발표자 메모' }).inputValue(), '국비 622,500천원은 확정, 시비는 추경 예정');

  // The deck travels in the exported file.
  await page.goto(`${app.server.url}#settings`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /JSON/ }).first().click(),
  ]);
  const file = JSON.parse(await (await import('node:fs/promises')).readFile(await download.path(), 'utf8'));
  assert.equal(file.version, 3);
  assert.equal(file.plan.deck.entries[0].slide, 'pledge-1');
  assert.equal(file.plan.deck.notes['program-5'], '국비 622,500천원은 확정, 시비는 추경 예정');
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('the address follows the slide, so a reload mid-briefing stays on it', async () => {
  const { context } = await newProfile(app.browser, 'ko-KR', app.server.url);
  const page = await openApp(context, app.server.url);
  await page.getByRole('link', { name: '브리핑' }).click();
  await current(page).waitFor();
  const total = await page.locator('section.slide').count();
  // Three quick steps, then a pause: the address names the third slide on.
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await page.waitForURL(/#deck\/4$/);
  const shown = await current(page).getAttribute('data-slide');
  await page.reload();
  await page.waitForSelector('.app[data-ready]');
  await current(page).waitFor();
  assert.equal(await current(page).getAttribute('data-slide'), shown);
  assert.equal(await slideNumber(page), `슬라이드 4 / ${total}`);
  // Leaving right after a step: the overview keeps its own address.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Escape');
  await page.locator('main section.view.overview').waitFor();
  await page.waitForTimeout(400);
  assert.match(page.url(), /#overview$/, 'a late address update never lands on the view left for');
  await context.close();
});

/**
 * The deck of a plan made for a case: `change` edits a copy of the demo
 * plan file, which is imported as a new plan through the plans home, as a
 * planner receiving it would; the page is left on its first slide.
 */
async function deckOfImportedPlan(name, locale, change) {
  const file = JSON.parse(await readFile(join(ROOT, 'examples', 'demo-plan.json'), 'utf8'));
  change(file);
  const path = join(tmpdir(), `${name}-${process.pid}.json`);
  await writeFile(path, JSON.stringify(file));
  const { context, record } = await newProfile(app.browser, locale, app.server.url);
  const page = await openApp(context, app.server.url + '#plans');
  await page.locator('[data-testid=import-input]').setInputFiles(path);
  await page.getByRole('button', { name: locale.startsWith('ko') ? '새 계획으로 추가' : 'Add as a new plan' }).click();
  await page.waitForSelector('.app[data-ready] main section.view');
  await page.goto(app.server.url + '#deck');
  await current(page).waitFor();
  return { context, record, page };
}

test('a plan with no organisation and a long list of problems: no leading dot, the problems continue (issue 18)', async () => {
  // The demo plan with its organisation cleared and every program's name
  // emptied: each program with figures is then a problem (more than one slide of them).
  const { context, record, page } = await deckOfImportedPlan('deck-rough-edges', 'ko-KR', (file) => {
    file.plan.organisation = '';
    for (const program of file.plan.programs) if (program.id !== 6) program.name = '';
  });

  const sub = (await current(page).locator('.slide-sub').first().innerText()).trim();
  assert.ok(sub.length > 0 && !sub.startsWith('·'), `the summary's subtitle: "${sub}"`);
  await screenshot(page, 'deck-ko-no-organisation');

  // The table view (T) of a program's slide: its caption says what the table
  // is, not the heading again.
  while ((await current(page).getAttribute('data-slide')) !== 'program-6') await page.keyboard.press('ArrowRight');
  await page.keyboard.press('T');
  const h2 = (await current(page).locator('h2').innerText()).trim();
  const captions = await current(page).locator('table caption').allInnerTexts();
  assert.ok(captions.length > 0 && captions.every((c) => c.trim() !== h2), `${h2} / ${captions}`);
  await screenshot(page, 'deck-ko-program-table');
  await page.keyboard.press('T');

  // The problems, from the first problems slide to the end: every one listed once.
  await page.keyboard.press('End');
  const keys = await page.locator('section.slide').evaluateAll((s) => s.map((e) => e.dataset.slide));
  const pages = keys.filter((k) => k.startsWith('problems'));
  assert.ok(pages.length >= 2, `problems slides: ${pages}`);
  let listed = 0;
  for (let i = pages.length - 1; i >= 0; i--) {
    assert.equal(await current(page).getAttribute('data-slide'), pages[i]);
    const items = await current(page).locator('.slide-problems li').count();
    assert.ok(items > 0, `${pages[i]} lists problems`);
    listed += items;
    const continues = await current(page).locator('[data-testid="problems-continue"]').count();
    assert.equal(continues, i + 1 < pages.length ? 1 : 0, `${pages[i]} says whether the list goes on`);
    if (i === 0) await screenshot(page, 'deck-ko-problems-continued');
    await page.keyboard.press('ArrowLeft');
  }
  const heading = await page.locator('section.slide[data-slide="problems"] h2').innerText();
  const total = Number(heading.match(/문제 (\d+)건/)[1]);
  assert.equal(listed, total, 'every problem is on a slide, once');
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('a plan with no money in its schedules and no status figures: no empty chart, no slide of dashes (issue 18)', async () => {
  const { context, record, page } = await deckOfImportedPlan('deck-no-figures', 'en-US', (file) => {
    for (const program of file.plan.programs) {
      for (const row of program.schedule.rows) {
        row.before = '0';
        row.after = '0';
        for (const year of Object.keys(row.years)) row.years[year] = '0';
      }
      if (program.budget) program.budget = { ...program.budget, this_year: '0', prior_year: '0' };
    }
  });
  const keys = await page.locator('section.slide').evaluateAll((s) => s.map((e) => e.dataset.slide));
  assert.ok(!keys.includes('changes'), `no changes slide of dashes: ${keys}`);
  assert.ok(!keys.some((k) => k.startsWith('program-')), `no program slide without money: ${keys}`);
  assert.equal(await current(page).getAttribute('data-slide'), 'summary');
  assert.equal(await current(page).locator('[data-testid="key-figure"]').count(), 0, 'no key figures of dashes');
  for (const table of [false, true]) {
    if (table) await page.keyboard.press('T');
    assert.equal(await current(page).locator('svg, table').count(), 0, 'no empty chart or table');
    assert.match(await current(page).locator('[data-testid="slide-empty"]').innerText(), /No program has money/);
  }
  await screenshot(page, 'deck-en-no-figures');
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('printing the deck gives one landscape page per slide', async () => {
  const { context } = await newProfile(app.browser, 'ko-KR', app.server.url);
  const page = await openApp(context, app.server.url);
  await openDeck(page);
  const slides = await page.locator('section.slide').count();
  // On screen only the slides beside the current one are drawn; printing draws them all
  // (`beforeprint`, which the browser fires for the print dialog and for page.pdf alike).
  const drawn = () => page.locator('section.slide .slide-body h2').count();
  assert.equal(await drawn(), 2, 'slides 1 and 2 drawn on screen');
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  await page.waitForFunction((n) => document.querySelectorAll('section.slide .slide-body h2').length === n, slides);
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: null });
  await page.waitForFunction(() => document.querySelectorAll('section.slide .slide-body h2').length === 2);
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await mkdir(SHOTS, { recursive: true });
  await writeFile(join(SHOTS, 'deck.pdf'), pdf);
  const text = pdf.toString('latin1');
  const pages = text.match(/\/Type\s*\/Page[^s]/g) ?? [];
  assert.equal(pages.length, slides, 'one page per slide');
  for (const box of text.match(/\/MediaBox\s*\[[^\]]*\]/g) ?? []) {
    const [, , w, h] = box.match(/[\d.]+/g).map(Number);
    assert.ok(w > h, `landscape page: ${box}`);
  }
  // Every page holds its slide, not only the two drawn on screen: the same PDF with
  // slides 3 onwards hidden is far smaller.
  await page.evaluate(() => document.querySelectorAll('section.slide').forEach((s, i) => {
    if (i > 1) s.querySelector('.slide-body').style.visibility = 'hidden';
  }));
  const twoSlides = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  assert.ok(pdf.length > 1.5 * twoSlides.length, `${pdf.length} bytes against ${twoSlides.length} with two slides shown`);
  await context.close();
});

test('the deck in English: headings, figures and notes label', async () => {
  const { context, record } = await newProfile(app.browser, 'en-GB', app.server.url);
  const page = await openApp(context, app.server.url);
  const ov = await overviewFigures(page);
  await page.getByRole('link', { name: 'Briefing' }).click();
  await current(page).waitFor();
  const keys = await page.locator('section.slide').evaluateAll((s) => s.map((e) => e.dataset.slide));
  for (let i = 0; i < keys.length; i++) {
    assert.equal(await slideNumber(page), `Slide ${i + 1} / ${keys.length}`);
    await checkSlide(page, keys[i], ov);
    await screenshot(page, `deck-en-${String(i + 1).padStart(2, '0')}-${keys[i]}`);
    await page.keyboard.press('ArrowRight');
  }
  await page.keyboard.press('Home');
  await page.keyboard.press('End');
  assert.match(await current(page).locator('h2').innerText(), /Change against last year/);
  await page.keyboard.press('N');
  await page.getByRole('textbox', { name: 'Presenter notes' }).waitFor();
  assert.deepEqual(await seriousA11yViolations(page), []);
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('once loaded, the app and its deck open with no network', async () => {
  const { context, record } = await newProfile(app.browser, 'ko-KR', app.server.url);
  const page = await openApp(context, app.server.url);
  // The service worker has kept the built app in the cache.
  const cached = await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    const names = await caches.keys();
    const cache = await caches.open(names.find((n) => n.startsWith('budget-planner-')));
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  assert.ok(cached.some((p) => p.endsWith('.wasm')) && cached.includes('/'), cached.join(', '));
  // Every part of the split build is in the cache, not only what was opened.
  assert.ok(cached.some((p) => p.endsWith('/split_deck.wasm')) && cached.some((p) => p.endsWith('/__wasm_split.js')), cached.join(', '));
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('.app[data-ready] main section.view');
  // Each view loaded on first use opens offline, its part coming from the cache.
  for (const view of ['status', 'split', 'pledge', 'items', 'settings', 'history']) {
    await page.goto(`${app.server.url}#${view}`);
    await page.locator('main section.view h2').first().waitFor();
    assert.equal(await page.locator('.part-failed').count(), 0, `${view} offline`);
  }
  await page.goto(`${app.server.url}#deck`);
  await current(page).waitFor();
  assert.deepEqual(
    await current(page).locator('[data-testid="key-figure"]').allInnerTexts(),
    ['1,780,060', '654,714', '1,125,346'],
  );
  await screenshot(page, 'deck-ko-offline');
  await context.setOffline(false);
  assert.deepEqual(record.offOrigin, []);
  await context.close();
});
