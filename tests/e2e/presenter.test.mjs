// End-to-end: a council briefing given from two windows (issue 18). The
// deck's window goes on the projector and shows only slides; the presenter's
// window (opened from the deck, a second page here) shows the current and
// next slide, the notes, the time and the slide list. Each window follows
// the other; B and W blank the room's screen; closing either leaves the
// other working.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appUnderTest, newProfile, openApp, screenshot, seriousA11yViolations, waitForStoredPlan } from './harness.mjs';

const app = appUnderTest();

const audienceSlide = (page) => page.locator('section.slide.current').getAttribute('data-slide');
const audienceNumber = (page) => page.locator('[data-testid="slide-number"]').innerText();
const presenterSlide = (p) => p.locator('.presenter-current section.slide').getAttribute('data-slide');
const presenterNumber = (p) => p.locator('[data-testid="presenter-number"]').innerText();

/** Waits until `read()` gives `expected` (the other window hears a step a moment later). */
async function until(read, expected, what) {
  const end = Date.now() + 5000;
  let last;
  for (;;) {
    last = await read();
    if (last === expected) return;
    if (Date.now() > end) assert.equal(last, expected, what);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The demo plan's deck in `locale`, and its presenter window opened with the button. */
async function briefing(locale, buttonName) {
  const { context, record } = await newProfile(app.browser, locale, app.server.url);
  const deck = await openApp(context, `${app.server.url}#deck`);
  await deck.locator('section.slide.current').waitFor();
  const keys = await deck.locator('section.slide').evaluateAll((s) => s.map((e) => e.dataset.slide));
  const [presenter] = await Promise.all([
    context.waitForEvent('page'),
    deck.getByRole('button', { name: buttonName }).click(),
  ]);
  await presenter.waitForSelector('.app[data-ready]');
  await presenter.locator('.presenter-current section.slide .slide-head').waitFor();
  return { context, record, deck, presenter, keys };
}

test('the presenter window: steps, jumps, notes and a black screen reach the audience window, and either closes alone', async () => {
  const { context, record, deck, presenter, keys } = await briefing('ko-KR', '발표자 화면 (P)');
  const total = keys.length;
  assert.ok(total >= 6, `the demo deck has slides to step through (${total})`);
  // The audience window shows slides only: no notes, no timer, no list.
  assert.equal(await deck.locator('.presenter, textarea, [role="timer"]').count(), 0);
  assert.equal(await presenterSlide(presenter), keys[0]);
  assert.equal(await presenter.locator('.presenter-next section.slide').getAttribute('data-slide'), keys[1]);
  await until(() => deck.getByTestId('open-presenter').getAttribute('aria-pressed'), 'true', 'the deck knows its presenter');

  // Steps from the presenter window move the room's slide, and back.
  await presenter.keyboard.press('ArrowRight');
  await presenter.keyboard.press('Space');
  await until(() => audienceSlide(deck), keys[2], 'two steps in the presenter window');
  assert.equal(await audienceNumber(deck), `슬라이드 3 / ${total}`);
  assert.equal(await presenterNumber(presenter), `슬라이드 3 / ${total}`);
  await deck.keyboard.press('ArrowLeft');
  await until(() => presenterSlide(presenter), keys[1], 'a step in the deck window');
  assert.equal(await presenter.locator('.presenter-next section.slide').getAttribute('data-slide'), keys[2]);
  // A number then Enter, in either window; End; the slide list.
  await presenter.keyboard.type(String(total - 1));
  assert.match(await presenter.getByTestId('deck-typed').innerText(), new RegExp(`${total - 1}`));
  await presenter.keyboard.press('Enter');
  await until(() => audienceSlide(deck), keys[total - 2], 'number and Enter in the presenter window');
  await deck.keyboard.type('2');
  await deck.keyboard.press('Enter');
  await until(() => presenterSlide(presenter), keys[1], 'number and Enter in the deck window');
  await presenter.keyboard.press('End');
  await until(() => audienceSlide(deck), keys[total - 1], 'End');
  assert.equal(await presenter.locator('.presenter-end').count(), 1, 'the last slide has no next one');
  const items = presenter.locator('.presenter-list button');
  assert.equal(await items.count(), total, 'one list entry per slide');
  await items.nth(3).click();
  await until(() => audienceSlide(deck), keys[3], 'a click in the slide list');
  assert.equal(await items.nth(3).getAttribute('aria-current'), 'true');
  assert.equal(await presenter.locator('.presenter-list [aria-current="true"]').count(), 1);

  // A note typed in the presenter window is saved with the plan and shows in the deck's notes.
  const note = '국비 확정, 시비는 1회 추경 예정 (질의 대비)';
  const notes = presenter.getByRole('textbox', { name: '발표자 메모' });
  await notes.click();
  await presenter.keyboard.type(note);
  await presenter.locator('[data-testid="save-state"]').filter({ hasText: '저장됨' }).waitFor();
  await waitForStoredPlan(deck, (plan) => plan.deck?.notes?.[keys[3]] === note);
  await presenter.keyboard.press('Tab');
  await deck.keyboard.press('N');
  await until(() => deck.getByRole('textbox', { name: '발표자 메모' }).inputValue(), note, 'the deck window shows the saved note');
  await deck.keyboard.press('N');

  // The clock and the timer; a paused timer stands still.
  assert.match(await presenter.getByTestId('presenter-clock').innerText(), /^\d\d:\d\d$/);
  assert.match(await presenter.getByTestId('presenter-timer').innerText(), /^\d+:\d\d$/);
  await presenter.getByTestId('presenter-pause').click();
  const paused = await presenter.getByTestId('presenter-timer').innerText();
  await presenter.waitForTimeout(1300);
  assert.equal(await presenter.getByTestId('presenter-timer').innerText(), paused, 'paused');
  assert.equal(await presenter.getByTestId('presenter-pause').innerText(), '계속');
  await presenter.getByTestId('presenter-pause').click();
  const seconds = (t) => t.split(':').reduce((a, b) => a * 60 + Number(b), 0);
  await presenter.waitForFunction(
    (from) => {
      const t = document.querySelector('[data-testid="presenter-timer"]').textContent;
      return t.split(':').reduce((a, b) => a * 60 + Number(b), 0) >= from + 1;
    },
    seconds(paused),
    { timeout: 5000 },
  );

  // B blanks the room's screen (black), B again shows the slide; W is white.
  await presenter.keyboard.press('b');
  const blank = deck.getByTestId('deck-blank');
  await blank.waitFor();
  assert.match(await blank.getAttribute('class'), /\bblack\b/);
  assert.equal(
    await blank.evaluate((e) => getComputedStyle(e).backgroundColor),
    'rgb(0, 0, 0)',
  );
  const box = await blank.boundingBox();
  assert.deepEqual([box.width, box.height], [1280, 800], 'the whole window is black');
  assert.match(await presenter.getByTestId('presenter-screen').innerText(), /검은 화면/);
  await screenshot(deck, 'presenter-ko-audience-black');
  await screenshot(presenter, 'presenter-ko-black');
  await presenter.keyboard.press('b');
  await blank.waitFor({ state: 'detached' });
  await deck.keyboard.press('w');
  await until(() => presenter.getByTestId('presenter-screen').innerText(), '청중 화면: 흰 화면 (W)', 'W in the deck window');
  assert.match(await deck.getByTestId('deck-blank').getAttribute('class'), /\bwhite\b/);
  await deck.keyboard.press('w');
  await deck.getByTestId('deck-blank').waitFor({ state: 'detached' });

  // T shows the tables in both windows.
  await presenter.keyboard.press('t');
  await deck.locator('section.slide.current table.slide-table').waitFor();
  await presenter.locator('.presenter-current table.slide-table').waitFor();
  await screenshot(presenter, 'presenter-ko-table');
  await presenter.keyboard.press('t');
  await deck.locator('section.slide.current table.slide-table').waitFor({ state: 'detached' });

  await presenter.keyboard.press('Home');
  await until(() => audienceSlide(deck), keys[0], 'Home');
  await presenter.keyboard.press('ArrowRight');
  await until(() => audienceSlide(deck), keys[1], 'a step before the screenshots');
  await presenter.locator('.presenter-current .slide-body svg').first().waitFor();
  await screenshot(presenter, 'presenter-ko');
  await screenshot(deck, 'presenter-ko-audience');
  assert.deepEqual(await seriousA11yViolations(presenter), []);

  // Esc closes the presenter window; the deck goes on alone.
  // (The window may close before the key's release is sent: that is the point.)
  const pressed = presenter.keyboard.press('Escape').catch((e) => { if (!/closed/.test(String(e))) throw e; });
  await Promise.all([presenter.waitForEvent('close'), pressed]);
  await until(() => deck.getByTestId('open-presenter').getAttribute('aria-pressed'), 'false', 'the deck knows the presenter left');
  await deck.keyboard.press('ArrowRight');
  await until(() => audienceSlide(deck), keys[2], 'the deck steps alone');
  assert.match(deck.url(), /#deck/);
  assert.deepEqual(record.errors, []);
  assert.deepEqual(record.offOrigin, []);
  await context.close();
});

test('in English, and the deck window closed: the presenter window goes on alone', async () => {
  const { context, record, deck, presenter, keys } = await briefing('en-GB', 'Presenter screen (P)');
  await deck.keyboard.press('ArrowRight');
  await until(() => presenterSlide(presenter), keys[1], 'the presenter follows the deck');
  await presenter.locator('.presenter-current .slide-body svg').first().waitFor();
  assert.equal(await presenter.getByRole('heading', { name: 'Next slide' }).count(), 1);
  assert.equal(await presenter.getByRole('navigation', { name: 'Slide list' }).count(), 1);
  assert.equal(await presenter.getByTestId('presenter-pause').innerText(), 'Pause');
  const text = await presenter.locator('.presenter-bar > :not(.presenter-title), .presenter-heading, .presenter .deck-bar, .deck-notes label, .presenter-end').allInnerTexts();
  assert.ok(!/[\uac00-\ud7a3]/.test(text.join(' ')), `no Korean in the presenter's own words: ${text.join(' | ').slice(0, 300)}`);
  await screenshot(presenter, 'presenter-en');
  await screenshot(deck, 'presenter-en-audience');
  // Closing the deck's window (the projector's) leaves the presenter window working.
  await deck.close();
  await presenter.keyboard.press('ArrowRight');
  await until(() => presenterNumber(presenter), `Slide 3 / ${keys.length}`, 'the presenter steps alone');
  assert.equal(await presenterSlide(presenter), keys[2]);
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('a presenter window reloaded mid-briefing finds the slide the room is on', async () => {
  const { context, deck, presenter, keys } = await briefing('ko-KR', '발표자 화면 (P)');
  await deck.keyboard.press('End');
  await until(() => presenterSlide(presenter), keys[keys.length - 1], 'End in the deck');
  await deck.keyboard.press('ArrowLeft');
  await deck.keyboard.press('ArrowLeft');
  // Reloaded before its own address caught up: the deck answers its hello.
  await presenter.evaluate(() => history.replaceState(null, '', '#presenter/1'));
  await presenter.reload();
  await presenter.waitForSelector('.app[data-ready]');
  await until(() => presenterSlide(presenter), keys[keys.length - 3], 'the reloaded presenter asks the deck');
  await context.close();
});
