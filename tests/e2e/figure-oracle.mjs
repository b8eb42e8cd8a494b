// An independent reading of what a planner types into a figure cell, written
// from the rules in docs/ARCHITECTURE.md (not from the app's code), for the
// end-to-end tests to check the app against. Values are exact BigInts in
// millionths of the kind's own unit (micro-won for money).

export const MICRO = 1_000_000n;
const MAX_AMOUNT = 10n ** 15n;
const DASHES = new Set(['-', '－', '–']);
const SIGNS = new Set(['△', '▲', '-', '－', '−', '–']);
const INNER_SIGNS = new Set(['△', '▲', '-', '－', '−', '+']);

/** Reads a figure as planners type it: `{ digits, scale, negative }` or null. */
function readFigure(input) {
  const chars = [...input].filter((c) => !/\s/u.test(c));
  const only = chars.join('');
  if (only === '' || DASHES.has(only)) return { digits: 0n, scale: 0, negative: false };
  let body = chars;
  let negative = false;
  if (body[0] === '(' && body[body.length - 1] === ')') {
    negative = true;
    body = body.slice(1, -1);
  }
  if (body.length && SIGNS.has(body[0])) {
    negative = !negative;
    body = body.slice(1);
  } else if (body[0] === '+') {
    body = body.slice(1);
  }
  let int = '';
  let frac = '';
  let point = false;
  let group = null;
  let firstGroup = 0;
  for (const ch of body) {
    const code = ch.codePointAt(0);
    const digit = ch >= '0' && ch <= '9' ? ch : code >= 0xff10 && code <= 0xff19 ? String(code - 0xff10) : null;
    if (digit !== null) {
      if (point) frac += digit;
      else {
        int += digit;
        if (group === null) firstGroup += 1;
        else group += 1;
      }
    } else if (ch === ',' || ch === '，') {
      if (point) return null;
      if (group === null && (firstGroup === 0 || firstGroup > 3)) return null;
      if (group !== null && group !== 3) return null;
      group = 0;
    } else if (ch === '.') {
      if (point) return null;
      if (group !== null && group !== 3) return null;
      point = true;
    } else if (INNER_SIGNS.has(ch)) {
      return null;
    } else {
      return null;
    }
  }
  if (group !== null && group !== 3 && !point) return null;
  if (int === '' && frac === '') return null;
  const significant = int.replace(/^0+/, '');
  if (significant.length > 19 || frac.length > 12) return null;
  return { digits: BigInt((significant || '0') + frac), scale: frac.length, negative };
}

/** The figure times `factor`, in millionths, if it is a whole number of them. */
function micro({ digits, scale, negative }, factor) {
  const scaled = digits * factor * MICRO;
  const divisor = 10n ** BigInt(scale);
  if (scaled % divisor !== 0n) return { tooPrecise: true };
  const value = scaled / divisor;
  return { value: negative && value !== 0n ? -value : value };
}

const abs = (n) => (n < 0n ? -n : n);

/**
 * What a cell of `kind` takes from its complete text: `{ ok: true, value }`
 * (value null for an empty optional cell) or `{ ok: false }`.
 * kind: { type: 'money', unit: 1n|1000n|1000000n, optional } | { type:
 * 'quantity' } | { type: 'percent' } | { type: 'weight' } | { type: 'count' }
 * | { type: 'year' }.
 */
export function take(kind, text) {
  const blank = [...text].every((c) => /\s/u.test(c));
  if (blank) {
    if (kind.optional || kind.type === 'quantity' || kind.type === 'percent') return { ok: true, value: null };
    if (kind.type === 'year') return { ok: false };
    return { ok: true, value: 0n };
  }
  if (kind.type === 'quantity' && DASHES.has(text.trim())) return { ok: true, value: null };
  if (kind.type === 'year') {
    const compact = [...text].filter((c) => !/\s/u.test(c));
    if (!compact.every((c) => /[0-9０-９]/u.test(c))) return { ok: false };
  }
  let source = text;
  if (kind.type === 'percent') {
    const trimmed = text.trim();
    source = trimmed.endsWith('%') || trimmed.endsWith('％') ? trimmed.slice(0, -1) : trimmed;
  }
  const figure = readFigure(source);
  if (!figure) return { ok: false };
  switch (kind.type) {
    case 'money': {
      const m = micro(figure, kind.unit);
      if (m.tooPrecise || abs(m.value) > MAX_AMOUNT * MICRO) return { ok: false };
      return { ok: true, value: m.value };
    }
    case 'quantity':
    case 'percent': {
      const m = micro(figure, 1n);
      const limit = kind.type === 'quantity' ? MAX_AMOUNT : 1000n;
      if (m.tooPrecise || abs(m.value) > limit * MICRO) return { ok: false };
      return { ok: true, value: m.value };
    }
    default: {
      // weight, count, year: whole numbers
      const m = micro(figure, 1n);
      if (m.tooPrecise || m.value % MICRO !== 0n || m.value < 0n) return { ok: false };
      const n = m.value / MICRO;
      if (kind.type === 'year') return n >= 1900n && n <= 2200n ? { ok: true, value: m.value } : { ok: false };
      return n <= 1_000_000n ? { ok: true, value: m.value } : { ok: false };
    }
  }
}

/** A plain decimal string (as plan files write amounts) in millionths. */
export function fromPlain(text) {
  if (text === null || text === undefined) return null;
  const negative = text.startsWith('-');
  const [int, frac = ''] = text.replace('-', '').split('.');
  const value = BigInt(int + frac.padEnd(6, '0').slice(0, 6));
  return negative ? -value : value;
}

/** `round(x / d)` half away from zero, for BigInts. */
export function divRound(x, d) {
  const q = x / d;
  const r = x % d;
  if (2n * abs(r) >= abs(d)) return q + (x < 0n === d < 0n ? 1n : -1n);
  return q;
}

const FULL = '０１２３４５６７８９';

/** Writes a whole number with separators every three digits. */
function grouped(digits) {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Random text a planner might type for a figure of `kind`: valid figures in
 * every accepted form (separators, △, -, (1,920), full-width digits, spaces)
 * and, with `junk`, texts no cell may take.
 */
export function randomText(rng, kind, junk) {
  if (junk) {
    const pick = rng.int(8);
    const n = String(rng.int(100000));
    switch (pick) {
      case 0: return `${n}abc`.slice(0, 3 + rng.int(5));
      case 1: return `${n.slice(0, 2) || '1'},${n.slice(2, 4) || '2'}`; // 12,34
      case 2: return `1.2.${rng.int(9)}`;
      case 3: return '△';
      case 4: return `${rng.int(99)}-${rng.int(99)}`;
      case 5: return '1' + '0'.repeat(29 + rng.int(3)); // 10^30 and so on
      case 6: return `${n}원`;
      default: return `${n.slice(0, 1)},${n}`.slice(0, 8) + 'x';
    }
  }
  if (kind.type === 'year') return String(1890 + rng.int(330));
  const whole = ['weight', 'count'].includes(kind.type);
  const length = rng.int(whole ? 7 : 13);
  let digits = String(BigInt(Math.floor(rng.next() * 10 ** Math.min(length, 15))));
  if (rng.int(4) === 0) digits = '0';
  const decimals = whole || rng.int(3) > 0 ? '' : String(rng.int(1000)).padStart(1 + rng.int(3), '0');
  const negative = !whole && kind.type !== 'percent' ? rng.int(4) === 0 : rng.int(12) === 0;
  let body = rng.int(2) ? grouped(digits) : digits;
  if (decimals) body += '.' + decimals;
  if (rng.int(8) === 0) body = [...body].map((c) => (c >= '0' && c <= '9' ? FULL[c] : c)).join('');
  if (rng.int(8) === 0) body = body.replace(/,/g, ', ');
  if (negative) {
    const sign = rng.int(3);
    body = sign === 0 ? `△${body}` : sign === 1 ? `-${body}` : `(${body})`;
  }
  if (kind.type === 'percent' && rng.int(3) === 0) body += '%';
  if (rng.int(10) === 0) body = ` ${body} `;
  return body;
}

/** A small seeded generator (mulberry32), so a failing run can be replayed. */
export function seeded(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n), pick: (list) => list[Math.floor(next() * list.length)] };
}
