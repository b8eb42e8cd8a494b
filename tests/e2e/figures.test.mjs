// End to end: every kind of figure cell in every view, typed into as a
// person does — entered by a click anywhere in it, by Tab or by Enter from the
// cell above; figures typed in every form, junk, Backspace, Esc and pastes —
// in at least 1,000 generated sequences (seeded; the seed is printed). After
// every step the stored plan holds exactly the value of the cell's complete
// text, or the value the cell was entered with while the cell and the
// problems panel say why; after reloads the same holds, drafts included.
// Then the reproductions of issue 11, with screenshots.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appUnderTest, newProfile, openApp, screenshot } from './harness.mjs';
import { MICRO, divRound, fromPlain, randomText, seeded, take } from './figure-oracle.mjs';

const app = appUnderTest();
const SEED = Number(process.env.FIGURE_SEED ?? (Date.now() % 2 ** 31));
const SEQUENCES = Number(process.env.FIGURE_SEQUENCES ?? 1000);
const RELOAD_EVERY = 50;

const money = (unit, optional = false) => ({ type: 'money', unit, optional });
/** Won per unit, by the unit pickers' codes (the file format's `unit` values). */
const WON_PER = { won: 1n, thousand: 1000n, million: 1000000n };
const SOURCES = ['national', 'city', 'district', 'other'];
const program = (plan, id) => plan.programs.find((p) => p.id === id);
const row = (schedule, source) => schedule.rows.find((r) => r.source === source);
const scheduleCell = (schedule, source, column) => {
  const r = row(schedule, source);
  if (!r) return 0n;
  if (column === 'before') return fromPlain(r.before);
  if (column === 'after') return fromPlain(r.after);
  return fromPlain(r.years[column.slice(1)] ?? '0');
};
const share = (plan, source) => {
  const r = row(program(plan, 6).schedule, source);
  if (!r) return 0n;
  return [r.before, r.after, ...Object.values(r.years)].map(fromPlain).reduce((a, b) => a + b, 0n);
};

/** Every figure cell of the app, with the view that shows it and where its value is stored. */
function cells() {
  const list = [];
  for (const id of [1, 2, 3, 4]) {
    for (const [col, field] of [['this-year', 'this_year'], ['prior-year', 'prior_year']]) {
      list.push({ key: `program-${id}-budget-${col}`, view: '#status', kind: money(1000n),
        read: (plan) => fromPlain(program(plan, id).budget?.[field] ?? '0') });
    }
  }
  const columns = ['before', 'y2018', 'y2019', 'y2020', 'y2021', 'y2022', 'after'];
  for (const source of SOURCES) {
    for (const column of columns) {
      list.push({ key: `pledge-1-source-${source}-${column}`, view: '#schedule/pledge-1', kind: money(1_000_000n), gridUnit: true,
        read: (plan) => scheduleCell(plan.pledges[0].schedule, source, column) });
    }
    list.push({ key: `program-6-source-${source}-y2019`, view: '#schedule/program-6', kind: money(1000n), gridUnit: true,
      read: (plan) => scheduleCell(program(plan, 6).schedule, source, 'y2019') });
    list.push({ key: `program-6-source-${source}-total`, view: '#split/program-6', kind: money(1000n),
      read: (plan) => share(plan, source) });
    list.push({ key: `program-6-source-${source}-percent`, view: '#split/program-6', kind: { type: 'percent' },
      percentOf: source, read: (plan) => share(plan, source) });
    list.push({ key: `program-6-source-${source}-weight`, view: '#split/program-6', kind: { type: 'weight' },
      read: (plan) => BigInt(program(plan, 6).matching.find((m) => m.source === source)?.weight ?? 0) * MICRO });
  }
  list.push({ key: 'pledge-1-total-total', view: '#schedule/pledge-1', kind: money(1_000_000n, true), gridUnit: true,
    read: (plan) => fromPlain(plan.pledges[0].stated_total?.amount ?? null) });
  list.push({ key: 'program-6-total-total', view: '#split/program-6', kind: money(1000n, true),
    read: (plan) => fromPlain(program(plan, 6).stated_total?.amount ?? null) });
  for (const year of [2018, 2019, 2020, 2021, 2022]) {
    for (const r of ['target', 'actual']) {
      list.push({ key: `pledge-1-indicator-1-${r}-y${year}`, view: '#pledge/pledge-1', kind: { type: 'quantity' },
        read: (plan) => fromPlain(plan.pledges[0].indicators[0].years[year]?.[r] ?? null) });
    }
  }
  list.push({ key: 'program-5-item-0-stated', view: '#items/program-5', kind: money(1000n, true),
    read: (plan) => fromPlain(program(plan, 5).line_items[0].stated) });
  for (let r = 0; r < 14; r += 1) {
    for (const c of ['quota', 'current']) {
      list.push({ key: `plan-staffing-${r}-${c}`, view: '#settings', kind: { type: 'count' },
        read: (plan) => BigInt(plan.staffing[r][c]) * MICRO });
    }
  }
  for (const which of ['first', 'last', 'base']) {
    list.push({ key: `plan-${which}-year`, view: '#settings', kind: { type: 'year' }, year: which,
      read: (plan) => BigInt(which === 'base' ? plan.base_year : plan.years[which]) * MICRO });
  }
  return list;
}

/** What the page shows and stores now (after writing any waiting edit). */
async function observe(page, key) {
  return page.evaluate(async (key) => {
    window.dispatchEvent(new Event('pagehide'));
    const el = document.getElementById(key);
    const msg = document.getElementById(`${key}-msg`);
    return {
      plan: (await storedPlanFile('budget-planner/plan/1')).plan,
      drafts: JSON.parse(localStorage.getItem('budget-planner/drafts/1') ?? '[]'),
      text: el?.value ?? null,
      selection: el ? [el.selectionStart, el.selectionEnd] : null,
      focused: document.activeElement === el,
      invalid: el?.getAttribute('aria-invalid') ?? null,
      // The unit the schedule grid on screen is typed in (it opens in its document's).
      gridUnit: document.querySelector('.grid-unit select')?.value ?? null,
      message: msg?.textContent ?? null,
      panel: [...document.querySelectorAll('[data-testid=problems-panel] li[data-code="entry.unreadable"]')]
        .map((li) => li.textContent),
    };
  }, key);
}

const years = (plan) => ({ first: BigInt(plan.years.first), last: BigInt(plan.years.last), base: BigInt(plan.base_year) });

/** A year the plan can take next to the other end of its range. */
function yearTaken(which, value, plan) {
  const y = value / MICRO;
  const { first, last } = years(plan);
  if (which === 'base') return y >= first && y <= last;
  const [a, b] = which === 'first' ? [y, last] : [first, y];
  return a <= b && b - a + 1n <= 50n;
}

/** Footed percents (one decimal, largest remainder, as the split shows them), in millionths. */
function footedPercents(shares, total) {
  if (total === 0n) return null;
  // Exact values as fractions n / total (percent = share * 100 / total).
  const SCALE = 10n ** 30n;
  const exact = shares.map((s) => (s * 100n * SCALE) / total); // truncated: enough to order remainders
  const tenth = SCALE / 10n;
  const rounded = shares.map((s) => divRound(s * 1000n, total) * tenth);
  const sumExact = shares.reduce((a, b) => a + b, 0n);
  const totalShown = divRound(sumExact * 1000n, total) * tenth;
  let gap = totalShown - rounded.reduce((a, b) => a + b, 0n);
  const adding = gap > 0n;
  const lost = exact.map((e, i) => (adding ? e - rounded[i] : rounded[i] - e));
  const order = [...shares.keys()].sort((a, b) => (lost[b] > lost[a] ? 1 : lost[b] < lost[a] ? -1 : a - b));
  const steps = (gap < 0n ? -gap : gap) / tenth;
  const n = BigInt(shares.length);
  order.forEach((index, position) => {
    const delta = (steps / n + (BigInt(position) < steps % n ? 1n : 0n)) * tenth;
    rounded[index] += adding ? delta : -delta;
  });
  return rounded.map((r) => (r * MICRO) / SCALE);
}

/** The split's state as the percent oracle needs it. */
function splitState(plan) {
  const p6 = program(plan, 6);
  return {
    shares: Object.fromEntries(SOURCES.map((s) => [s, share(plan, s)])),
    stated: p6.stated_total ? fromPlain(p6.stated_total.amount) : null,
  };
}

/** One keystroke's complete text in a percent cell: the share it leaves. */
function percentStep(split, source, entryShare, text) {
  const taken = take({ type: 'percent' }, text);
  if (!taken.ok) return { ...split, shares: { ...split.shares, [source]: entryShare } };
  const total = split.stated ?? Object.values(split.shares).reduce((a, b) => a + b, 0n);
  const list = SOURCES.map((s) => split.shares[s]);
  const footed = footedPercents(list, total);
  const now = footed ? footed[SOURCES.indexOf(source)] : null;
  if (now === taken.value) return split; // the figure the cell already shows
  const p = taken.value ?? 0n;
  // round(total / 1000 × p / 100) 천원, in micro-won.
  const units = divRound(total * p, 1000n * 100n * MICRO * MICRO);
  const next = units * 1000n * MICRO;
  if ((next < 0n ? -next : next) > 10n ** 15n * MICRO) return { ...split, shares: { ...split.shares, [source]: entryShare } };
  return { ...split, shares: { ...split.shares, [source]: next } };
}

const singleValue = (text) => text.replace(/^[\s\r\n\t]+|[\s\r\n\t]+$/gu, '');

test(`every figure cell keeps exactly its complete text's value or says why (seed ${SEED})`, { timeout: 900_000 }, async () => {
  const rng = seeded(SEED);
  const { context, record } = await newProfile(app.browser, 'en-US', app.server.url);
  const page = await openApp(context, app.server.url + '#items/program-5');
  await page.getByTestId('add-line-item').click();
  await page.locator('#program-5-item-0-stated').waitFor();
  const all = cells();
  const drafts = new Map();
  const touched = new Map();
  let view = '#items/program-5';
  const context_ = (i, cell, steps) => `seed ${SEED}, sequence ${i}, cell ${cell.key}: ${steps.join(' → ')}`;

  for (let i = 0; i < SEQUENCES; i += 1) {
    if (i > 0 && i % RELOAD_EVERY === 0) {
      const before = await observe(page, 'none');
      await page.reload();
      await page.waitForSelector('.app[data-ready]');
      const after = await observe(page, 'none');
      assert.deepEqual(after.plan, before.plan, `a reload keeps the stored plan as it was (seed ${SEED})`);
      // A cell left with a taken figure shows what is stored.
      const shownKey = rng.pick([...touched.keys()].filter((k) => !drafts.has(k)));
      if (shownKey) {
        const cell = all.find((c) => c.key === shownKey);
        await page.evaluate((hash) => { location.hash = hash; }, cell.view);
        await page.locator(`#${shownKey}`).waitFor();
        const shown = await observe(page, shownKey);
        if (!cell.percentOf) {
          const shownKind = cell.gridUnit ? { ...cell.kind, unit: WON_PER[shown.gridUnit] } : cell.kind;
          assert.equal(take(shownKind, shown.text).value, cell.read(shown.plan),
            `after reload ${shownKey} shows the stored figure (seed ${SEED})`);
        }
      }
      assert.deepEqual(after.drafts.map((d) => d.text).sort(), [...drafts.values()].sort(),
        `after reload, every refused text is still kept (seed ${SEED}): ${JSON.stringify([...drafts])}`);
      // One of them, on screen: in its cell, with its message.
      const [key, text] = [...drafts.entries()][rng.int(Math.max(drafts.size, 1))] ?? [];
      if (key) {
        const cell = all.find((c) => c.key === key);
        await page.evaluate((hash) => { location.hash = hash; }, cell.view);
        await page.locator(`#${key}`).waitFor();
        const shown = await observe(page, key);
        assert.equal(shown.text, text, `after reload the draft is in its cell: ${key} (seed ${SEED})`);
        assert.match(shown.message ?? '', /cannot be taken/, `after reload the draft has its message: ${key} (seed ${SEED})`);
      }
      view = null;
    }
    const cell = rng.next() < 0.8 && view ? rng.pick(all.filter((c) => c.view === view)) : rng.pick(all);
    if (cell.view !== view) {
      await page.evaluate((hash) => { location.hash = hash; }, cell.view);
      view = cell.view;
    }
    const input = page.locator(`#${cell.key}`);
    await input.waitFor();
    // Nothing has the focus: entering is always a fresh entry.
    await page.evaluate(() => document.activeElement?.blur());
    const entry = await observe(page, cell.key);
    const entryValue = cell.read(entry.plan);
    const kind = cell.gridUnit ? { ...cell.kind, unit: WON_PER[entry.gridUnit] } : cell.kind;
    const steps = [];
    // Enter the cell: a click anywhere in it, Tab from the field before, Enter from the cell above.
    const how = rng.pick(['click', 'click', 'tab', 'enter']);
    const entered = await page.evaluate(({ key, how }) => {
      const el = document.getElementById(key);
      el.scrollIntoView({ block: 'center' });
      if (how === 'tab') {
        const focusable = [...document.querySelectorAll('input, button, select, textarea, a[href]')]
          .filter((e) => !e.disabled && e.offsetParent !== null);
        const before = focusable[focusable.indexOf(el) - 1];
        if (before) { before.focus(); return 'tab'; }
      }
      if (how === 'enter') {
        const td = el.closest('td');
        const tr = td?.parentElement;
        const index = tr ? [...tr.children].indexOf(td) : -1;
        const rows = tr ? [...tr.closest('table').querySelectorAll('tr')] : [];
        for (let r = rows.indexOf(tr) - 1; r >= 0; r -= 1) {
          const above = rows[r].children[index]?.querySelector('input.figure');
          if (above) {
            // Only when this cell is the one below it.
            above.focus();
            return 'enter';
          }
          if (rows[r].children[index]?.querySelector('input')) break;
        }
      }
      return 'click';
    }, { key: cell.key, how });
    if (entered === 'click') {
      const box = await input.boundingBox();
      await page.mouse.click(box.x + 2 + rng.next() * (box.width - 4), box.y + 2 + rng.next() * (box.height - 4));
    } else {
      await page.keyboard.press(entered === 'tab' ? 'Tab' : 'Enter');
    }
    steps.push(`entered by ${entered}`);
    let seen = await observe(page, cell.key);
    if (!seen.focused) await screenshot(page, `figures-failed-${SEED}`);
    assert.ok(seen.focused, `the cell has the focus: ${context_(i, cell, steps)}`);
    assert.deepEqual(seen.selection, [0, seen.text.length], `entering selects the whole text: ${context_(i, cell, steps)}`);
    let model = { text: seen.text, start: 0, end: seen.text.length };
    // Whether the text in the cell is one typed now (else it is the app's: the
    // plan's figure, or a draft kept from before).
    let typedNow = false;
    let kept = drafts.get(cell.key) ?? null;
    let split = cell.percentOf ? splitState(entry.plan) : null;
    const entryShare = cell.percentOf ? share(entry.plan, cell.percentOf) : null;

    const stepCount = 1 + rng.int(4);
    for (let s = 0; s < stepCount; s += 1) {
      const what = rng.pick(['type', 'type', 'type', 'junk', 'backspace', 'escape', 'paste', 'paste-junk']);
      if (what === 'type' || what === 'junk') {
        const typed = randomText(rng, kind, what === 'junk');
        steps.push(`type ${JSON.stringify(typed)}`);
        for (const ch of typed) {
          const before = model.text;
          const at = model.start;
          model.text = before.slice(0, model.start) + ch + before.slice(model.end);
          model.start = model.end = at + ch.length;
          if (split) split = percentStep(split, cell.percentOf, entryShare, model.text);
        }
        await page.keyboard.type(typed);
        typedNow = true;
      } else if (what === 'backspace') {
        const presses = 1 + rng.int(3);
        steps.push(`backspace ×${presses}`);
        for (let p = 0; p < presses; p += 1) {
          if (model.start !== model.end) {
            model.text = model.text.slice(0, model.start) + model.text.slice(model.end);
            model.end = model.start;
          } else if (model.start > 0) {
            const chars = [...model.text.slice(0, model.start)];
            const last = chars.pop();
            model.text = chars.join('') + model.text.slice(model.start);
            model.start = model.end = model.start - last.length;
          } else {
            continue; // nothing to delete: no input event
          }
          if (split) split = percentStep(split, cell.percentOf, entryShare, model.text);
          await page.keyboard.press('Backspace');
          typedNow = true;
        }
        // Presses with nothing to delete are not sent (they would change nothing).
      } else if (what === 'escape') {
        steps.push('Esc');
        await page.keyboard.press('Escape');
        seen = await observe(page, cell.key);
        assert.equal(cell.read(seen.plan), entryValue, `Esc puts back the entered value: ${context_(i, cell, steps)}`);
        assert.doesNotMatch(seen.message ?? '', /cannot be taken/, `Esc drops the draft: ${context_(i, cell, steps)}`);
        assert.deepEqual(seen.selection, [0, seen.text.length], `Esc selects the figure: ${context_(i, cell, steps)}`);
        model = { text: seen.text, start: 0, end: seen.text.length };
        if (split) split = { ...splitState(seen.plan) };
        typedNow = false;
        kept = null;
        continue;
      } else {
        const raw = what === 'paste' ? randomText(rng, kind, false) : randomText(rng, kind, true);
        const clip = rng.int(2) ? `${raw}\r\n` : raw;
        steps.push(`paste ${JSON.stringify(clip)}`);
        const pasted = singleValue(clip);
        model.text = model.text.slice(0, model.start) + pasted + model.text.slice(model.end);
        model.start = model.end = model.start + pasted.length;
        if (split) split = percentStep(split, cell.percentOf, entryShare, model.text);
        typedNow = true;
        await page.evaluate((text) => {
          const dt = new DataTransfer();
          dt.setData('text/plain', text);
          document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
        }, clip);
      }
      seen = await observe(page, cell.key);
      assert.equal(seen.text, model.text, `the cell shows exactly what was typed: ${context_(i, cell, steps)}`);
      if (!typedNow) continue; // nothing was sent (Backspace in an empty cell)
      const taken = take(kind, model.text);
      const ok = taken.ok && (!cell.year || yearTaken(cell.year, taken.value, entry.plan));
      // A percentage is stored as the share it gives; anything else as itself.
      const expected = cell.percentOf ? split.shares[cell.percentOf] : ok ? taken.value : entryValue;
      const stored = cell.read(seen.plan);
      assert.equal(stored, expected, `stored value: ${context_(i, cell, steps)} (text ${JSON.stringify(model.text)})`);
      if (!ok) {
        assert.equal(seen.invalid, 'true', `a refused text marks the cell: ${context_(i, cell, steps)}`);
        assert.ok(seen.message, `a refused text has its message at the cell: ${context_(i, cell, steps)}`);
        const quoted = [...model.text].slice(0, 60).join('');
        assert.ok(seen.panel.some((p) => p.includes(`“${quoted}”`)), `the panel lists the refused text: ${context_(i, cell, steps)} ${JSON.stringify(seen.panel)}`);
      }
    }
    // Leave the cell; a refused year is abandoned first (its other end may move).
    const last = take(kind, model.text);
    const refused = typedNow
      ? !last.ok || (cell.year && !yearTaken(cell.year, last.value, entry.plan))
      : kept !== null;
    if (refused && cell.year) {
      await page.keyboard.press('Escape');
      steps.push('Esc');
    }
    await page.keyboard.press('Tab');
    seen = await observe(page, cell.key);
    touched.set(cell.key, true);
    if (process.env.FIGURE_DEBUG) console.log(i, cell.key, steps.join(' → '), JSON.stringify(seen.drafts.map((d) => d.text)));
    if (refused && !cell.year) drafts.set(cell.key, model.text);
    else drafts.delete(cell.key);
    if (!refused && typedNow && !cell.percentOf) {
      // Left with a taken figure, the cell shows it in its table form, which reads back the same.
      assert.equal(take(kind, seen.text).value, last.value,
        `the cell's table form reads back as its value: ${context_(i, cell, steps)} shows ${JSON.stringify(seen.text)}`);
    }
  }
  await screenshot(page, 'figures-generated-end');
  assert.deepEqual(record.errors, [], `no console errors (seed ${SEED})`);
  await context.close();
});

// The reproductions of issue 11 ("Why"), as a user meets them.

const stored = (page) => page.evaluate(async () => {
  window.dispatchEvent(new Event('pagehide'));
  return (await storedPlanFile('budget-planner/plan/1')).plan;
});
const reload = async (page) => {
  await page.reload();
  await page.waitForSelector('.app[data-ready]');
};
const textOf = (page, testid) => page.locator(`[data-testid="${testid}"]`).innerText();

test('a figure typed over a 0 or any figure is kept exactly, in every kind of money cell, also after a reload', async () => {
  const { context, record } = await newProfile(app.browser, 'ko-KR', app.server.url);
  const page = await openApp(context, app.server.url + '#split/program-6');
  // 기타 shows 0; a click at its left edge used to put the caret before the 0.
  const other = page.locator('#program-6-source-other-total');
  assert.equal(await other.inputValue(), '0');
  await other.click({ position: { x: 4, y: 6 } });
  await page.keyboard.type('12,345');
  await page.keyboard.press('Tab');
  assert.equal(await other.inputValue(), '12,345');
  assert.equal(program(await stored(page), 6).schedule.rows.find((r) => r.source === 'other').years['2019'], '12345000');
  // The split's 총사업비, the 예산현황 amount and the grid's 명시된 총사업비 alike.
  const splitTotal = page.locator('#program-6-total-total');
  await splitTotal.click({ position: { x: 6, y: 6 } });
  await page.keyboard.type('1,179,733');
  await page.keyboard.press('Tab');
  assert.equal(program(await stored(page), 6).stated_total.amount, '1179733000');
  assert.match(await textOf(page, 'split-gap'), /일치/);
  await page.goto(app.server.url + '#status');
  const basic = page.locator('#program-4-budget-this-year');
  await basic.click({ position: { x: 10, y: 8 } });
  await page.keyboard.type('12,345');
  await page.keyboard.press('Tab');
  assert.equal(program(await stored(page), 4).budget.this_year, '12345000');
  await page.goto(app.server.url + '#schedule/pledge-1');
  const stated = page.locator('#pledge-1-total-total');
  await stated.click({ position: { x: 30, y: 8 } });
  await page.keyboard.type('3,529');
  await page.keyboard.press('Tab');
  assert.equal((await stored(page)).pledges[0].stated_total.amount, '3529000000');
  await reload(page);
  assert.equal(await page.locator('#pledge-1-total-total').inputValue(), '3,529');
  await page.goto(app.server.url + '#split/program-6');
  assert.equal(await page.locator('#program-6-source-other-total').inputValue(), '12,345');
  await screenshot(page, 'figures-typed-over-zero-ko');
  // One more digit that makes the text unreadable: the plan keeps the figure
  // the cell was entered with — never the last readable prefix.
  const again = page.locator('#program-6-source-other-total');
  await again.click();
  await page.keyboard.type('12,345');
  await page.keyboard.type('0');
  await page.keyboard.press('Tab');
  assert.equal(await again.inputValue(), '12,3450');
  assert.equal(program(await stored(page), 6).schedule.rows.find((r) => r.source === 'other').years['2019'], '12345000');
  assert.match(await page.locator('#program-6-source-other-total-msg').innerText(), /12,3450.*12,345이\(가\) 그대로/s);
  await reload(page);
  assert.equal(await page.locator('#program-6-source-other-total').inputValue(), '12,3450', 'the refused text is still shown after a reload');
  assert.match(await textOf(page, 'problems-panel'), /12,3450/);
  await screenshot(page, 'figures-refused-prefix-ko');
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('10^30 typed into an amount is refused, never reaches the totals, and a bad index summary costs nothing', async () => {
  const { context, record } = await newProfile(app.browser, 'en-US', app.server.url);
  const page = await openApp(context, app.server.url + '#status');
  const cell = page.locator('#program-4-budget-this-year');
  await cell.click();
  await page.keyboard.type('1' + '0'.repeat(30));
  await page.keyboard.press('Tab');
  assert.match(await page.locator('#program-4-budget-this-year-msg').innerText(), /too large/);
  assert.equal(await textOf(page, 'total-this-year'), '1,780,060');
  await reload(page);
  assert.equal(await page.locator('#program-4-budget-this-year').inputValue(), '1' + '0'.repeat(30));
  assert.equal(await textOf(page, 'total-this-year'), '1,780,060');
  assert.equal(program(await stored(page), 4).budget.this_year, '75762000');
  assert.equal(await page.locator('.notice').count(), 0, 'no quarantine banner');
  await screenshot(page, 'figures-too-large-en');

  // What a build from before the fix left behind: a second plan of the user's,
  // open, a deleted plan, and a summary with a grand total of 10^30.
  // Written as plain JSON: an earlier release's entries, read as they are.
  await page.evaluate(async () => {
    const index = JSON.parse(localStorage.getItem('budget-planner/index'));
    const entry = await storedPlanFile('budget-planner/plan/1');
    entry.plan.title = 'My plan';
    localStorage.setItem('budget-planner/plan/2', JSON.stringify(entry));
    entry.plan.title = 'Deleted plan';
    localStorage.setItem('budget-planner/plan/3', JSON.stringify(entry));
    const summary = index.plans[0];
    index.plans = [{ ...summary, id: 2, title: 'My plan', grand_total: '1' + '0'.repeat(30) }, summary];
    index.deleted = { ...summary, id: 3, title: 'Deleted plan' };
    index.open = 2;
    localStorage.setItem('budget-planner/index', JSON.stringify(index));
  });
  await page.goto(app.server.url + '#plans');
  await reload(page);
  assert.equal(await page.locator('.notice').count(), 0, 'the index is not set aside');
  assert.equal(await textOf(page, 'plan-title'), 'My plan', "the user's open plan opens, not the demo");
  const rows = await page.locator('tr[data-plan]').allInnerTexts();
  assert.equal(rows.length, 2, rows.join('\n'));
  assert.ok(!rows.some((r) => r.includes('Deleted plan')), 'a deleted plan stays deleted');
  const index = await page.evaluate(() => JSON.parse(localStorage.getItem('budget-planner/index')));
  assert.equal(index.plans.find((p) => p.id === 2).grand_total, '4532711000', 'the bad summary was rebuilt from its plan');
  assert.equal(index.deleted.id, 3);
  await screenshot(page, 'figures-bad-index-en');
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('12abc is listed in the problems panel; blocks paste like a spreadsheet; a new row starts empty', async () => {
  const { context, record } = await newProfile(app.browser, 'ko-KR', app.server.url);
  const page = await openApp(context, app.server.url + '#status');
  const cell = page.locator('#program-2-budget-prior-year');
  await cell.click();
  await page.keyboard.type('12abc');
  const panel = await textOf(page, 'problems-panel');
  assert.match(panel, /오류 1/);
  assert.match(panel, /“12abc”을\(를\) 받을 수 없습니다/);
  await page.locator('[data-testid=problems-panel] li[data-code="entry.unreadable"] a').click();
  await page.waitForFunction(() => document.activeElement?.id === 'program-2-budget-prior-year', null, { timeout: 2000 });
  await screenshot(page, 'figures-12abc-ko');
  await page.keyboard.press('Escape');
  assert.equal(await cell.inputValue(), '144,000');

  // A block copied from a spreadsheet fills names and figures, never one name cell.
  const name = page.locator('tr[data-program="1"] input.name');
  await name.click();
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, '계\t1,000\t700\t300\r\n청년 일자리\t600\t500\t100\r\n주민 참여\t400\t200\t200\r\n');
  assert.equal(await name.inputValue(), '청년 일자리');
  assert.equal(await page.locator('#program-2-budget-this-year').inputValue(), '400');
  assert.match(await textOf(page, 'status-message'), /합계 5개는 금액 칸에 넣지 않고 확인했습니다/);
  assert.equal(program(await stored(page), 1).name, '청년 일자리');

  // A new row starts without text: typing gives exactly what was typed.
  await page.getByRole('button', { name: '단위사업 추가' }).click();
  const added = page.locator('tbody tr[data-program] input.name').last();
  assert.equal(await added.inputValue(), '');
  assert.equal(await added.getAttribute('placeholder'), '새 단위사업');
  await added.click();
  await page.keyboard.type('경상적경비');
  assert.equal(await added.inputValue(), '경상적경비');
  assert.doesNotMatch(await textOf(page, 'problems-panel'), /이름이 비어/);
  await screenshot(page, 'figures-status-paste-ko');

  // A schedule row with its printed 합계: checked, not written into 장기.
  await page.goto(app.server.url + '#schedule/pledge-1');
  const city = page.locator('#pledge-1-source-city-y2018');
  await city.click();
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, '440\t540\t500\t490\t480\t-\t2,450\r\n');
  assert.equal(await textOf(page, 'grid-total'), '3,528', 'the grand total is not doubled');
  assert.equal(await page.locator('#pledge-1-source-city-after').inputValue(), '0');
  assert.match(await textOf(page, 'grid-message'), /합계 1개/);
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, '440\t540\t500\t490\t480\t-\t2,460\r\n');
  assert.match(await textOf(page, 'grid-message'), /합계 2,460/);
  assert.equal(await textOf(page, 'grid-total'), '3,528');
  await screenshot(page, 'figures-schedule-total-ko');
  assert.deepEqual(record.errors, []);
  await context.close();
});
