// The JSON Schema (docs/plan-file.schema.json) and the reader agree: ajv in
// strict mode and Python's jsonschema compile the schema, and over the
// examples and a corpus of wrong variants they accept and refuse exactly the
// files `plancheck` accepts and refuses — except for the rules a schema
// cannot express, which docs/FILE-FORMAT.md lists (and this test holds the
// list to what it finds).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const SCHEMA = join(ROOT, 'docs', 'plan-file.schema.json');
const PLANCHECK = join(ROOT, 'target', 'debug', 'plancheck');
const demo = readFileSync(join(ROOT, 'examples', 'demo-plan.json'), 'utf8');

/** The demo file with one replacement (which must apply). */
function edit(from, to) {
  assert.ok(demo.includes(from), `the demo file has ${from}`);
  return demo.replace(from, to);
}
/** The demo file as a value, changed by `change`, written back. */
function change(change) {
  const file = JSON.parse(demo);
  change(file);
  return JSON.stringify(file, null, 2);
}

// [name, text, accepted, exception]: `exception` names the rule of the
// reader that a schema cannot express (the schema then accepts the file).
const variants = [
  ['demo as it is', demo, true],
  ['a byte order mark (skipped by both)', `\ufeff${demo}`, true],
  ['another format', edit('"budget-planner/plan"', '"budget-planner/other"'), false],
  ['version 4', edit('"version": 3', '"version": 4'), false],
  ['version 0', edit('"version": 3', '"version": 0'), false],
  ['version as a string', edit('"version": 3', '"version": "3"'), false],
  ['version 1 without a deck or stages', change((f) => { f.version = 1; delete f.plan.deck; delete f.plan.stages; delete f.plan.current_stage; }), true],
  ['version 2 without stages', change((f) => { f.version = 2; delete f.plan.stages; delete f.plan.current_stage; }), true],
  ['a second stage with its figures', change((f) => { f.plan.stages.push({ id: 2, name: '편성안', year: 2021, locked: true, figures: { programs: [{ id: 1, schedule: { rows: [] } }], pledges: [] } }); }), true],
  ['a stage with an unknown field', change((f) => { f.plan.stages[0].stage = 1; }), false],
  ['a stage without a name', change((f) => { delete f.plan.stages[0].name; }), false],
  ['a current stage not in the list', change((f) => { f.plan.current_stage = 9; }), false, 'stages'],
  ['the stage being edited with figures of its own', change((f) => { f.plan.stages[0].figures = { programs: [], pledges: [] }; }), false, 'stages'],
  ['a stage with figures of a program not in the plan', change((f) => { f.plan.stages.push({ id: 2, name: '편성안', year: 2021, figures: { programs: [{ id: 999, schedule: { rows: [] } }] } }); }), false, 'stages'],
  ['an unknown field', edit('"title":', '"titel": "x", "title":'), false],
  ['a missing field', change((f) => { delete f.plan.unit; }), false],
  ['base_year 1800', edit('"base_year": 2021', '"base_year": 1800'), false],
  ['base_year beyond int32', edit('"base_year": 2021', '"base_year": 2147483648'), false],
  ['a program id beyond uint32', change((f) => { f.plan.programs[0].id = 4294967296; }), false],
  ['a negative program id', change((f) => { f.plan.programs[0].id = -1; }), false],
  ['the largest program id', change((f) => { f.plan.programs[0].id = 4294967295; }), true],
  ['an SDG of 256', change((f) => { f.plan.pledges[0].classification.sdgs = [256]; }), false],
  ['an SDG of 255 (read, then reported)', change((f) => { f.plan.pledges[0].classification.sdgs = [255]; }), true],
  ['a weight beyond the limit', change((f) => { f.plan.programs[5].matching = [{ source: 'national', weight: 1000001 }]; }), false],
  ['a weight at the limit', change((f) => { f.plan.programs[5].matching = [{ source: 'national', weight: 1000000 }]; }), true],
  ['a head count beyond the limit', change((f) => { f.plan.staffing[0].quota = 1000001; }), false],
  ['a 41-digit amount', edit('"622500000"', `"${'9'.repeat(41)}"`), false],
  ['an amount of 10^15 + 1', edit('"622500000"', '"1000000000000001"'), false],
  ['an amount of 10^15', edit('"622500000"', '"1000000000000000"'), true],
  ['an amount with 7 decimals', edit('"622500000"', '"0.0000001"'), false],
  ['an amount with 6 decimals', edit('"622500000"', '"0.000001"'), true],
  ['an amount with a leading zero', edit('"622500000"', '"0622500000"'), false],
  ['an amount with a trailing zero', edit('"622500000"', '"622500000.0"'), false],
  ['an amount of -0', edit('"622500000"', '"-0"'), false],
  ['an amount as a number', edit('"622500000"', '622500000'), false],
  ['an amount with an exponent', edit('"622500000"', '"6.225e8"'), false],
  ['an amount with a separator', edit('"622500000"', '"622,500,000"'), false],
  ['a negative amount (read, then reported)', edit('"622500000"', '"-622500000"'), true],
  ['the largest decimal as a target', edit('"target": "500"', '"target": "79228162514264337593543950335"'), false],
  ['a year key 02019', edit('"2019": "622500000"', '"02019": "622500000"'), false],
  ['a year key -0', edit('"2019": "622500000"', '"-0": "622500000"'), false],
  ['a year key in Arabic-Indic digits', edit('"2019": "622500000"', '"٢٠١٩": "622500000"'), false],
  ['a year key 1899', edit('"2019": "622500000"', '"1899": "622500000"'), false],
  ['a year key 2200', edit('"2019": "622500000"', '"2200": "622500000"'), true],
  ['an empty source id', change((f) => { f.plan.sources.push({ id: '', name_ko: '민간', name_en: 'Private' }); }), false],
  ['a deck entry chart-1', change((f) => { f.plan.deck = { entries: [{ slide: 'chart-1', shown: true }], notes: {} }; }), false],
  ['a deck entry program-06', change((f) => { f.plan.deck = { entries: [{ slide: 'program-06', shown: true }], notes: {} }; }), false],
  ['a deck entry pledge-4294967296', change((f) => { f.plan.deck = { entries: [{ slide: 'pledge-4294967296', shown: true }], notes: {} }; }), false],
  ['a deck entry pledge-4294967295', change((f) => { f.plan.deck = { entries: [{ slide: 'pledge-4294967295', shown: false }], notes: {} }; }), true],
  ['an unknown unit', edit('"unit": "thousand"', '"unit": "billion"'), false],
  ['a title of 1,000,001 characters', change((f) => { f.plan.title = 'x'.repeat(1000001); }), false],
  ['a title of 1,000,000 characters', change((f) => { f.plan.title = '가'.repeat(1000000); }), true],
  ['100,001 linked programs', change((f) => { f.plan.pledges[0].programs = new Array(100001).fill(1); }), false],
  ['not JSON', '{"format": "budget-planner/plan", "version": 3,', false],
  // What a schema cannot say: the reader refuses, the schema accepts.
  ['an integer written as 2.0', edit('"base_year": 2021', '"base_year": 2021.0'), false, 'integer with a fraction part'],
  ['a key given twice', edit('"title":', '"title": "x", "title":'), false, 'a key given twice'],
  ['a year range that ends before it starts', change((f) => { f.plan.years = { first: 2022, last: 2014 }; }), false, 'year ranges'],
  ['a year range of 51 years', change((f) => { f.plan.years = { first: 2000, last: 2050 }; }), false, 'year ranges'],
  ['two programs with one id', change((f) => { f.plan.programs[1].id = f.plan.programs[0].id; }), false, 'unique ids'],
  ['two stages with one id', change((f) => { f.plan.stages.push({ ...f.plan.stages[0], figures: { programs: [] } }); }), false, 'unique ids'],
  ['two rows of one schedule for one source', change((f) => { const rows = f.plan.programs[5].schedule.rows; rows.push({ ...rows[0] }); }), false, 'unique ids'],
];

test('ajv (strict) and Python jsonschema agree with plancheck on every variant', { timeout: 300_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'schema-agreement-'));
  const files = [];
  for (const example of readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.json'))) {
    files.push({ name: `example ${example}`, path: join(ROOT, 'examples', example), accepted: true });
  }
  variants.forEach(([name, text, accepted, exception], i) => {
    const path = join(dir, `variant-${i}.json`);
    writeFileSync(path, text);
    files.push({ name, path, accepted, exception });
  });

  const schema = JSON.parse(readFileSync(SCHEMA, 'utf8'));
  const ajv = new Ajv2020({ strict: true, allErrors: false });
  const validate = ajv.compile(schema); // throws if strict mode refuses the schema
  const python = spawnSync('python3', [join(ROOT, 'tests', 'schema', 'validate.py'), SCHEMA, ...files.map((f) => f.path)], {
    encoding: 'utf8', maxBuffer: 1 << 26,
  });
  assert.equal(python.status, 0, `python jsonschema: ${python.stderr}`);
  const py = JSON.parse(python.stdout).verdicts;

  const exceptionsFound = new Set();
  for (const file of files) {
    let text = readFileSync(file.path, 'utf8');
    if (text.startsWith('\ufeff')) text = text.slice(1);
    let value;
    let parsed = true;
    try { value = JSON.parse(text); } catch { parsed = false; }
    const byAjv = parsed && validate(value);
    const byPython = py[file.path];
    const run = spawnSync(PLANCHECK, [file.path], { encoding: 'utf8' });
    assert.ok([0, 1, 2].includes(run.status), `plancheck on ${file.name}: status ${run.status} ${run.stderr}`);
    const byReader = run.status !== 2;
    if (file.exception) {
      exceptionsFound.add(file.exception);
      assert.equal(byReader, false, `the reader refuses ${file.name}`);
      assert.equal(byAjv, true, `ajv accepts ${file.name} (a schema cannot refuse it): ${JSON.stringify(validate.errors)}`);
      assert.equal(byPython, true, `jsonschema accepts ${file.name}`);
      continue;
    }
    assert.equal(byReader, file.accepted, `plancheck ${file.accepted ? 'accepts' : 'refuses'} ${file.name}: ${run.stdout}${run.stderr}`.slice(0, 600));
    assert.equal(byAjv, file.accepted, `ajv agrees on ${file.name}: ${JSON.stringify(validate.errors)?.slice(0, 400)}`);
    assert.equal(byPython, file.accepted, `jsonschema agrees on ${file.name}`);
  }

  // The documented list of what a schema cannot express is exactly what was found.
  const doc = readFileSync(join(ROOT, 'docs', 'FILE-FORMAT.md'), 'utf8');
  const section = doc.split('### Not expressible in the schema')[1]?.split('\n## ')[0] ?? '';
  const listed = [...section.matchAll(/^- \*\*([^*]+)\*\*/gm)].map((m) => m[1].trim());
  assert.deepEqual(listed.sort(), [...exceptionsFound].sort(), 'docs/FILE-FORMAT.md lists the rules a schema cannot express');
});

test('the schema compiles where the old one did not: no non-standard formats', () => {
  const text = readFileSync(SCHEMA, 'utf8');
  assert.doesNotMatch(text, /"format"\s*:\s*"(uint|int)/);
  // ajv strict refuses unknown formats; compiling is the check.
  assert.doesNotThrow(() => new Ajv2020({ strict: true }).compile(JSON.parse(text)));
});
