// End-to-end: tables brought in from spreadsheets (issue 19). A workbook made
// here with LibreOffice (a 예산현황 sheet with a 계 row and a caption, and a
// schedule sheet with years in the header and a 합계 column) imports into a
// new plan with exactly its figures, its totals checked and not imported; a
// wrong 계 is a problem in the preview; the app's own XLSX and CSV exports
// import back to the same figures; CP949 and UTF-8-with-BOM CSV keep their
// Korean; hostile files are refused with a message and change nothing; the
// importer is not in the first load.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { appUnderTest, newProfile, openApp, screenshot, storedOpenPlan, downloadFrom, seriousA11yViolations, DIST, ROOT } from './harness.mjs';

const app = appUnderTest();
const TMP = join(ROOT, 'target', 'e2e-import');

before(async () => {
  await rm(TMP, { recursive: true, force: true });
  await mkdir(TMP, { recursive: true });
});

/** Rows of cells from CSV-like text (commas; a cell in quotes may hold commas). */
function csvRows(text) {
  return text.trim().split('\n').map((line) => {
    const cells = [];
    let cell = '';
    let quoted = false;
    for (const c of line) {
      if (c === '"') quoted = !quoted;
      else if (c === ',' && !quoted) { cells.push(cell); cell = ''; }
      else cell += c;
    }
    cells.push(cell);
    return cells;
  });
}

const escapeXml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A workbook with these sheets (name → CSV text), made by LibreOffice: the
 * sheets go into a flat ODS document (a number is a number cell; a cell
 * written `'△1,000` stays text, as a typed number stored as text), which
 * soffice converts to XLSX.
 */
function libreOfficeWorkbook(name, sheets) {
  const tables = Object.entries(sheets).map(([sheet, csv]) => {
    const rows = csvRows(csv).map((cells) => '<table:table-row>' + cells.map((c) => {
      if (c === '') return '<table:table-cell/>';
      if (/^-?\d+(\.\d+)?$/.test(c)) return `<table:table-cell office:value-type="float" office:value="${c}"><text:p>${c}</text:p></table:table-cell>`;
      const text = c.startsWith("'") ? c.slice(1) : c;
      return `<table:table-cell office:value-type="string"><text:p>${escapeXml(text)}</text:p></table:table-cell>`;
    }).join('') + '</table:table-row>').join('\n');
    return `<table:table table:name="${escapeXml(sheet)}">\n${rows}\n</table:table>`;
  }).join('\n');
  const fods = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:body><office:spreadsheet>
${tables}
</office:spreadsheet></office:body></office:document>`;
  const source = join(TMP, `${name}.fods`);
  return writeFile(source, fods).then(async () => {
    execFileSync('soffice', [`-env:UserInstallation=file://${join(TMP, 'lo-profile')}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', TMP, source], { stdio: 'pipe', timeout: 120000 });
    const bytes = await readFile(join(TMP, `${name}.xlsx`));
    assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'LibreOffice wrote an XLSX');
    return bytes;
  });
}

const STATUS = `2025년 예산현황
,,,(단위: 천원)
단위사업명,예산액,전년도 예산액,증(△)감
계,1800000,1700000,100000
청년 일자리,1000000,900000,100000
노인 돌봄,500000,400000,100000
도로 정비,'300000,400000,'△100000`;

const SCHEDULE = `청년 일자리
,,,,(단위: 천원)
구분,2025,2026,2027,합계
국비,100000,200000,300000,600000
시비,'50000,50000,-,100000
구비,10000,20000,30000,60000`;

async function chooseFile(page, name, buffer, mimeType = 'application/octet-stream') {
  await page.goto(app.server.url + '#plans');
  // Playwright passes a buffer up to 50 MB; a larger file goes by its path.
  if (buffer.length >= 50 * 1024 * 1024) {
    const path = join(TMP, name);
    await writeFile(path, buffer);
    await page.locator('[data-testid=import-input]').setInputFiles(path);
    return;
  }
  await page.locator('[data-testid=import-input]').setInputFiles({ name, mimeType, buffer });
}

const plansIndex = (page) => page.evaluate(() => localStorage.getItem('budget-planner/index'));
const storageSnapshot = (page) => page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));

async function importAsNewPlan(page) {
  await page.locator('[data-testid=import-preview]').waitFor();
  await page.getByRole('radio', { name: /^(새 계획|A new plan)$/ }).check();
  await page.locator('[data-testid=import-tables]').click();
  await page.waitForSelector('.app[data-ready] main section.view.overview');
}

/** The open plan once saved with at least `programs` programs. */
async function savedPlan(page, check) {
  const until = Date.now() + 10000;
  for (;;) {
    const plan = await storedOpenPlan(page);
    if (plan && check(plan)) return plan;
    if (Date.now() > until) throw new Error('the imported plan was not saved as expected');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const program = (plan, name) => plan.programs.find((p) => p.name === name);
const row = (schedule, source) => schedule.rows.find((r) => r.source === source);

test('a LibreOffice workbook imports into a new plan with exactly its figures; its totals are checked, not imported', async () => {
  const workbook = await libreOfficeWorkbook('budget', { '예산현황': STATUS, '청년 일자리 소요예산': SCHEDULE });
  const { context, record } = await newProfile(app.browser, 'ko-KR', app.server.url);
  const page = await openApp(context, app.server.url + '#plans');
  await chooseFile(page, 'budget.xlsx', workbook);
  const tables = page.locator('[data-testid=import-table]');
  await tables.first().waitFor();
  assert.equal(await tables.count(), 2, 'two tables found, one per sheet');
  assert.equal(await tables.nth(0).getAttribute('data-kind'), 'status');
  assert.equal(await tables.nth(1).getAttribute('data-kind'), 'schedule');
  // The caption's unit is read.
  assert.equal(await tables.nth(0).locator('[data-testid=import-unit]').inputValue(), 'thousand');
  const summary = await page.locator('[data-testid=import-summary]').innerText();
  // 3 rows' 증감 + the 계 row's three + three rows' 합계.
  assert.match(summary, /확인한 인쇄 합계 9개/);
  assert.match(summary, /표의 문제: 오류 0, 경고 0/);
  const changes = await page.locator('[data-testid=import-changes]').innerText();
  assert.match(changes, /청년 일자리 · 예산액/);
  assert.match(changes, /예산현황!B5/);
  await screenshot(page, 'import-workbook-ko');
  assert.deepEqual(await seriousA11yViolations(page), [], 'the mapping dialog has no serious accessibility problem');
  await importAsNewPlan(page);
  const plan = await savedPlan(page, (p) => p.programs.length === 3);
  assert.equal(plan.title, 'budget');
  assert.equal(plan.unit, 'thousand');
  assert.deepEqual(plan.years, { first: 2025, last: 2027 });
  assert.deepEqual(plan.programs.map((p) => p.name), ['청년 일자리', '노인 돌봄', '도로 정비'], 'the 계 row is no program');
  assert.deepEqual(program(plan, '청년 일자리').budget, { this_year: '1000000000', prior_year: '900000000' });
  assert.deepEqual(program(plan, '도로 정비').budget, { this_year: '300000000', prior_year: '400000000' }, 'numbers stored as text are read');
  const schedule = program(plan, '청년 일자리').schedule;
  assert.deepEqual(row(schedule, 'national').years, { 2025: '100000000', 2026: '200000000', 2027: '300000000' });
  const city = row(schedule, 'city').years;
  assert.deepEqual([city[2025], city[2026], city[2027] ?? '0'], ['50000000', '50000000', '0'], '- is zero');
  assert.equal(row(schedule, 'national').after, '0', 'the 합계 column is not imported as 장기');
  assert.equal(schedule.rows.length, 3);
  // The plan shows the figures: the overview's status table.
  const overview = await page.locator('main').innerText();
  assert.match(overview, /1,800,000/);
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('a wrong 계 is a located problem in the preview, and cancelling changes nothing', async () => {
  const wrong = STATUS.replace('계,1800000', '계,1800001');
  const workbook = await libreOfficeWorkbook('wrong', { '예산현황': wrong });
  const { context, record } = await newProfile(app.browser, 'en-US', app.server.url);
  const page = await openApp(context, app.server.url + '#plans');
  const before = await storageSnapshot(page);
  await chooseFile(page, 'wrong.xlsx', workbook);
  const problems = page.locator('[data-testid=import-problems] li');
  await problems.first().waitFor();
  const text = await page.locator('[data-testid=import-problems]').innerText();
  assert.match(text, /예산현황!B4/, 'the 계 cell is named');
  assert.match(text, /printed total 1,800,001 is not what the table's figures add to \(1,800,000\)/);
  assert.match(await page.locator('[data-testid=import-summary]').innerText(), /1 errors/);
  await screenshot(page, 'import-wrong-total-en');
  await page.locator('.import-dialog').getByRole('button', { name: 'Cancel', exact: true }).click();
  assert.deepEqual(await storageSnapshot(page), before, 'nothing changed');
  assert.deepEqual(record.errors, []);
  await context.close();
});

/** Non-zero figures of a plan as its CSV export lists them: kind|name|column|source → won. */
function csvFigures(bytes) {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const figures = new Map();
  for (const cells of text.split('\r\n').slice(1).filter(Boolean).map((l) => csvRows(l)[0])) {
    // Stage comparisons derive from stages no export carries; zeros fill a grid.
    if (cells[0].startsWith('단계 비교') || cells[9] === '0') continue;
    figures.set([cells[0], cells[3], cells[6], cells[8]].join('|'), cells[9]);
  }
  return figures;
}

/** Every indicator figure of a plan: pledge title|indicator|year → target/actual. */
function indicatorFigures(plan) {
  const out = {};
  for (const pledge of plan.pledges) {
    for (const indicator of pledge.indicators) {
      for (const [year, y] of Object.entries(indicator.years)) {
        out[`${pledge.title}|${indicator.name}|${year}`] = [y.target, y.actual];
      }
    }
  }
  return out;
}

test("the demo plan's own XLSX and CSV exports import back to the same figures", async () => {
  const { context, record } = await newProfile(app.browser, 'ko-KR', app.server.url);
  const page = await openApp(context, app.server.url + '#settings');
  const demo = await storedOpenPlan(page);
  const csv = await downloadFrom(page, 'CSV로 내보내기 (엑셀용)', TMP);
  const xlsx = await downloadFrom(page, 'XLSX로 내보내기 (공식 표)', TMP);
  const original = csvFigures(csv);
  assert.ok(original.size > 20, `the demo has figures to compare: ${original.size}`);
  for (const [name, bytes] of [['demo.csv', csv], ['demo.xlsx', xlsx]]) {
    await chooseFile(page, name, bytes);
    await page.locator('[data-testid=import-summary]').waitFor();
    const summary = await page.locator('[data-testid=import-summary]').innerText();
    assert.match(summary, /표의 문제: 오류 0/, `${name}: ${summary}`);
    await screenshot(page, `import-roundtrip-${name.replace('.', '-')}`);
    await importAsNewPlan(page);
    const imported = await savedPlan(page, (p) => p.title === 'demo' && p.programs.length > 0);
    await page.goto(app.server.url + '#settings');
    const again = csvFigures(await downloadFrom(page, 'CSV로 내보내기 (엑셀용)', join(TMP, name)));
    assert.deepEqual(Object.fromEntries(again), Object.fromEntries(original), `${name}: the same figures`);
    if (name.endsWith('.xlsx')) {
      assert.deepEqual(indicatorFigures(imported), indicatorFigures(demo), 'indicators too');
    }
  }
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('a CP949 CSV and a UTF-8 CSV with a byte order mark import with their Korean intact', async () => {
  const csv = '사업별 예산 (단위: 천원)\r\n단위사업명,예산액,전년도 예산액\r\n사회적경제 지원,"1,234",1000\r\n마을공동체 활성화,△50,0\r\n';
  const cp949 = execFileSync('python3', ['-c', 'import sys; sys.stdout.buffer.write(sys.stdin.buffer.read().decode("utf-8").encode("cp949"))'], { input: Buffer.from(csv, 'utf8') });
  assert.notDeepEqual(cp949, Buffer.from(csv, 'utf8'), 'the CP949 bytes are not UTF-8');
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]);
  for (const [name, bytes] of [['cp949.csv', cp949], ['bom.csv', bom]]) {
    const { context, record } = await newProfile(app.browser, 'ko-KR', app.server.url);
    const page = await openApp(context, app.server.url + '#plans');
    await chooseFile(page, name, bytes, 'text/csv');
    await page.locator('[data-testid=import-table]').first().waitFor();
    assert.match(await page.locator('[data-testid=import-table] legend').first().innerText(), /사업별 예산/);
    await importAsNewPlan(page);
    const plan = await savedPlan(page, (p) => p.programs.length === 2);
    assert.deepEqual(plan.programs.map((p) => p.name), ['사회적경제 지원', '마을공동체 활성화'], name);
    assert.deepEqual(plan.programs.map((p) => p.budget.this_year), ['1234000', '-50000'], name);
    assert.match(await page.locator('main').innerText(), /마을공동체 활성화/);
    assert.deepEqual(record.errors, []);
    await context.close();
  }
});

/** A ZIP whose one entry, a worksheet, inflates to `size` bytes of spaces. */
function zipBomb(size) {
  const data = deflateRawSync(Buffer.alloc(size, 0x20), { level: 9 });
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
  local.writeUInt32LE(0, 14); local.writeUInt32LE(data.length, 18); local.writeUInt32LE(size, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10); central.writeUInt32LE(data.length, 20); central.writeUInt32LE(size, 24);
  central.writeUInt16LE(name.length, 28);
  const offset = 30 + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(1, 8); end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + name.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

test('hostile files are refused with a message where the user is looking, and nothing changes', async () => {
  let seed = Number(process.env.IMPORT_SEED ?? Date.now() % 1000000007);
  console.log(`# hostile files seed ${seed}`);
  const random = (n) => {
    const out = Buffer.alloc(n);
    for (let i = 0; i < n; i++) { seed = (seed * 1103515245 + 12345) % 2147483648; out[i] = seed >> 16 & 0xff; }
    return out;
  };
  const files = [
    ['random.xlsx', random(50000), /스프레드시트|not a spreadsheet|읽을 수 없|cannot be read/],
    ['random-zip.xlsx', Buffer.concat([Buffer.from('PK\x03\x04'), random(20000)]), /스프레드시트|읽을 수 없/],
    ['bomb.xlsx', zipBomb(300 * 1024 * 1024), /압축|bomb|풀면/],
    ['huge.xlsx', Buffer.alloc(50 * 1024 * 1024, 0x41), /너무 큽니다|too large/],
    // A password-protected XLSX is an OLE file holding an EncryptedPackage stream.
    ['protected.xlsx', Buffer.concat([Buffer.from('D0CF11E0A1B11AE1', 'hex'), Buffer.alloc(504), Buffer.from('EncryptedPackage', 'utf16le'), Buffer.alloc(1024)]), /암호/],
  ];
  const { context, record } = await newProfile(app.browser, 'ko-KR', app.server.url);
  const page = await openApp(context, app.server.url + '#plans');
  const before = await storageSnapshot(page);
  for (const [name, bytes, message] of files) {
    await chooseFile(page, name, bytes);
    const error = page.locator('[data-testid=import-error]');
    await error.waitFor({ timeout: 30000 });
    assert.match(await error.innerText(), message, name);
    assert.ok(await error.isVisible(), `${name}: the message is in view`);
    await screenshot(page, `import-refused-${name.replace('.', '-')}`);
    await page.locator('.import-dialog').getByRole('button', { name: /^(닫기|취소)$/ }).click();
    assert.deepEqual(await storageSnapshot(page), before, `${name}: nothing changed`);
  }
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('the importer is not in the first load: the workbook reader comes with the import part', async () => {
  const context = await app.browser.newContext({ locale: 'en-US', serviceWorkers: 'block' });
  const page = await context.newPage();
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(app.server.url);
  await page.waitForSelector('.app[data-ready] main section.view.overview');
  const first = fetched.filter((p) => p.endsWith('.wasm'));
  assert.equal(first.length, 1, `the first load fetches one module: ${first}`);
  // calamine reads xl/sharedStrings.xml; the app's own XLSX writer never names it.
  const main = await readFile(join(DIST, first[0]));
  assert.equal(main.includes(Buffer.from('sharedStrings')), false, 'no workbook reader in the first load');
  const workbook = await libreOfficeWorkbook('lazy', { Sheet1: STATUS });
  await page.goto(app.server.url + '#plans');
  await page.locator('[data-testid=import-input]').setInputFiles({ name: 'lazy.xlsx', mimeType: 'application/octet-stream', buffer: workbook });
  await page.locator('[data-testid=import-table]').first().waitFor();
  const parts = fetched.filter((p) => p.endsWith('.wasm') && !first.includes(p));
  assert.ok(parts.length >= 1, 'the import part is fetched when a table is imported');
  const withReader = await Promise.all(parts.map(async (p) => (await readFile(join(DIST, p))).includes(Buffer.from('sharedStrings'))));
  assert.ok(withReader.some(Boolean), 'the workbook reader is in a part fetched for the import');
  await context.close();
});
