//! How a plan file is kept in the browser's local storage (issue 17): local
//! storage holds about 5 Mi UTF-16 code units per origin, and a district's
//! plan of 2,000 programs is 5.8 M characters of JSON, more than all of it.
//! So an entry is the plan file deflated (RFC 1951, what `DecompressionStream
//! ("deflate-raw")` reads) and packed 15 bits to a character, and a kept
//! version is stored as the difference from the next newer version.
//!
//! Three kinds of entry, told apart by their first characters:
//! - a plan file as it is (`{…`): what earlier releases wrote, read as it is;
//! - packed, `z1:<bytes>:<characters>`: the deflated file;
//! - a difference, `d1:<base key>\n<packed ops>`: the file rebuilt from the
//!   entry under the base key and the copy/insert operations ([`delta`]).
//!
//! Exported files stay plain JSON: this is storage's own layout only.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::model::limits::MAX_FILE_BYTES;

/// The start of a packed entry.
const PACKED: &str = "z1:";
/// The start of a difference entry.
const DIFFERENCE: &str = "d1:";
/// Packed characters carry 15 bits each, from this code point on: the range
/// `U+4000..=U+BFFF` is below the surrogates, so every character is a valid
/// scalar value that storage keeps as one UTF-16 code unit.
const FIRST_CHAR: u32 = 0x4000;
/// The bits one packed character carries.
const BITS: u32 = 15;
/// How hard deflate works: level 1 is several times quicker than the default
/// and only a fifth larger on plan files (docs/PERFORMANCE.md, "A district").
const LEVEL: u8 = 1;
/// How many difference entries may be followed to rebuild one version, so a
/// damaged chain (a cycle) cannot loop.
pub const MAX_CHAIN: usize = 64;

/// Why a stored entry could not be read back into a plan file's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoredError {
    /// The characters are not a packed entry (damaged or cut short).
    Damaged(&'static str),
    /// The inflated text would exceed [`MAX_FILE_BYTES`] (a hostile entry).
    TooLarge,
    /// A difference names a base entry that is not there.
    MissingBase(String),
}

impl std::fmt::Display for StoredError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoredError::Damaged(what) => write!(f, "the stored entry is damaged ({what})"),
            StoredError::TooLarge => write!(
                f,
                "the stored entry would be larger than {MAX_FILE_BYTES} bytes"
            ),
            StoredError::MissingBase(key) => {
                write!(f, "the stored entry's base {key} is missing")
            }
        }
    }
}

/// The storage entry of a plan file's `text`: deflated and packed.
pub fn pack(text: &str) -> String {
    let bytes = miniz_oxide::deflate::compress_to_vec(text.as_bytes(), LEVEL);
    let mut out = format!("{PACKED}{}:", bytes.len());
    out.push_str(&pack_bytes(&bytes));
    out
}

/// True when `entry` is packed or a difference rather than plain JSON.
pub fn is_packed(entry: &str) -> bool {
    entry.starts_with(PACKED) || entry.starts_with(DIFFERENCE)
}

/// The plan file a stored entry holds: a plain entry as it is, a packed one
/// inflated. A difference needs its base: see [`resolve`].
pub fn unpack(entry: &str) -> Result<Cow<'_, str>, StoredError> {
    if let Some(parts) = difference_parts(entry) {
        return Err(match parts {
            Ok((base, _)) => StoredError::MissingBase(base.to_string()),
            Err(damaged) => damaged,
        });
    }
    match entry.strip_prefix(PACKED) {
        Some(rest) => inflate_packed(rest).map(Cow::Owned),
        None => Ok(Cow::Borrowed(entry)),
    }
}

/// The key a difference entry is based on, if `entry` is one.
pub fn difference_base(entry: &str) -> Option<&str> {
    difference_parts(entry)?.ok().map(|(base, _)| base)
}

/// A difference entry's base key and packed operations (`None`: `entry`
/// is not a difference; an error: it is one, damaged).
fn difference_parts(entry: &str) -> Option<Result<(&str, &str), StoredError>> {
    let rest = entry.strip_prefix(DIFFERENCE)?;
    Some(
        rest.split_once('\n')
            .ok_or(StoredError::Damaged("no base key")),
    )
}

/// The plan file of the entry under `key`, following differences to their
/// base through `load` (which reads an entry by key) at most [`MAX_CHAIN`] deep.
pub fn resolve(key: &str, load: &dyn Fn(&str) -> Option<String>) -> Result<String, StoredError> {
    let mut chain = Vec::new();
    let mut key = key.to_string();
    let base = loop {
        let entry = load(&key).ok_or_else(|| StoredError::MissingBase(key.clone()))?;
        match difference_parts(&entry) {
            Some(parts) => {
                let (base, ops) = parts?;
                if chain.len() >= MAX_CHAIN {
                    return Err(StoredError::Damaged("too long a chain of differences"));
                }
                chain.push(ops.to_string());
                key = base.to_string();
            }
            None => break unpack(&entry)?.into_owned(),
        }
    };
    let mut text = base;
    for ops in chain.iter().rev() {
        let ops = ops
            .strip_prefix(PACKED)
            .ok_or(StoredError::Damaged("a difference not packed"))?;
        text = apply(&text, &inflate_bytes(ops)?)?;
    }
    Ok(text)
}

/// The difference entry that rebuilds `target` from `base` (both plan
/// files), the base being stored under `base_key`.
pub fn difference(base_key: &str, base: &str, target: &str) -> String {
    let ops = delta(base, target);
    let bytes = miniz_oxide::deflate::compress_to_vec(&ops, LEVEL);
    format!(
        "{DIFFERENCE}{base_key}\n{PACKED}{}:{}",
        bytes.len(),
        pack_bytes(&bytes)
    )
}

/// Bytes as 15-bit characters (the last one padded with zero bits).
fn pack_bytes(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 8 / 15 * 3 + 3);
    let mut acc: u32 = 0;
    let mut held: u32 = 0;
    for &b in bytes {
        acc = (acc << 8) | u32::from(b);
        held += 8;
        if held >= BITS {
            held -= BITS;
            push_char(&mut out, (acc >> held) & 0x7FFF);
            acc &= (1 << held) - 1;
        }
    }
    if held > 0 {
        push_char(&mut out, (acc << (BITS - held)) & 0x7FFF);
    }
    out
}

fn push_char(out: &mut String, value: u32) {
    // FIRST_CHAR + a 15-bit value is at most U+BFFF: always a scalar value.
    if let Some(c) = char::from_u32(FIRST_CHAR + value) {
        out.push(c);
    }
}

/// `<bytes>:<characters>` back to text: the deflated bytes, inflated.
fn inflate_packed(rest: &str) -> Result<String, StoredError> {
    String::from_utf8(inflate_bytes(rest)?).map_err(|_| StoredError::Damaged("not UTF-8"))
}

/// `<bytes>:<characters>` back to the deflated bytes, then inflated.
fn inflate_bytes(rest: &str) -> Result<Vec<u8>, StoredError> {
    let (count, chars) = rest
        .split_once(':')
        .ok_or(StoredError::Damaged("no length"))?;
    let count: usize = count.parse().map_err(|_| StoredError::Damaged("length"))?;
    // A deflated plan file is never larger than the file itself.
    if count > MAX_FILE_BYTES {
        return Err(StoredError::TooLarge);
    }
    let mut bytes = Vec::with_capacity(count);
    let mut acc: u32 = 0;
    let mut held: u32 = 0;
    for c in chars.chars() {
        let value = u32::from(c)
            .checked_sub(FIRST_CHAR)
            .filter(|v| *v < (1 << BITS))
            .ok_or(StoredError::Damaged("a character out of range"))?;
        acc = (acc << BITS) | value;
        held += BITS;
        while held >= 8 {
            held -= 8;
            if bytes.len() < count {
                bytes.push(u8::try_from((acc >> held) & 0xFF).unwrap_or(0));
            } else if (acc >> held) & 0xFF != 0 {
                return Err(StoredError::Damaged("trailing bytes"));
            }
            acc &= (1 << held) - 1;
        }
    }
    if bytes.len() != count {
        return Err(StoredError::Damaged("cut short"));
    }
    inflate_raw(&bytes)
}

/// Raw deflate data inflated, at most [`MAX_FILE_BYTES`]. The output starts
/// at five times the input — a plan file deflates about four times — so a
/// district's 6 MB are written without the doubling and copying of a buffer
/// grown from twice the input, and without zeroing twice what it needs.
fn inflate_raw(input: &[u8]) -> Result<Vec<u8>, StoredError> {
    use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
    use miniz_oxide::inflate::TINFLStatus;
    let flags = inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
    let mut out = vec![0u8; input.len().saturating_mul(5).clamp(1, MAX_FILE_BYTES)];
    let mut state = Box::<DecompressorOxide>::default();
    let (mut read, mut written) = (0usize, 0usize);
    loop {
        let rest = input
            .get(read..)
            .ok_or(StoredError::Damaged("not deflate data"))?;
        let (status, used, made) = decompress(&mut state, rest, &mut out, written, flags);
        read = read.saturating_add(used);
        written = written.saturating_add(made);
        match status {
            TINFLStatus::Done => {
                out.truncate(written);
                return Ok(out);
            }
            TINFLStatus::HasMoreOutput if out.len() < MAX_FILE_BYTES => {
                let grown = out.len().saturating_mul(2).min(MAX_FILE_BYTES);
                out.resize(grown, 0);
            }
            TINFLStatus::HasMoreOutput => return Err(StoredError::TooLarge),
            _ => return Err(StoredError::Damaged("not deflate data")),
        }
    }
}

/// Where plan-file text is cut into pieces for a difference: after each
/// `},` (between sibling objects: programs, rows, line items, pledges), so
/// an edit to one program changes one piece and the rest are copied.
fn pieces(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for i in 1..bytes.len() {
        if bytes[i] == b',' && bytes[i - 1] == b'}' {
            out.push(&text[start..=i]);
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// Copy/insert operations that rebuild `target` from `base`: a copy is a run
/// of the base's pieces (`C` index count), an insert is text (`I` length
/// bytes); numbers are LEB128. Pieces found in the base are copied, so
/// identical programs anywhere in the base are shared.
pub fn delta(base: &str, target: &str) -> Vec<u8> {
    let base_pieces = pieces(base);
    let mut first: HashMap<&str, usize> = HashMap::with_capacity(base_pieces.len());
    for (i, piece) in base_pieces.iter().enumerate() {
        first.entry(piece).or_insert(i);
    }
    let mut out = Vec::new();
    let mut pending: Option<(usize, usize)> = None;
    let mut insert = String::new();
    let flush_copy = |out: &mut Vec<u8>, pending: &mut Option<(usize, usize)>| {
        if let Some((start, count)) = pending.take() {
            out.push(b'C');
            leb128(out, start);
            leb128(out, count);
        }
    };
    let flush_insert = |out: &mut Vec<u8>, insert: &mut String| {
        if !insert.is_empty() {
            out.push(b'I');
            leb128(out, insert.len());
            out.extend_from_slice(insert.as_bytes());
            insert.clear();
        }
    };
    for piece in pieces(target) {
        // Continue the current run when the next base piece is this one.
        if let Some((start, count)) = pending {
            if base_pieces.get(start + count) == Some(&piece) {
                pending = Some((start, count + 1));
                continue;
            }
        }
        match first.get(piece) {
            Some(&i) => {
                flush_copy(&mut out, &mut pending);
                flush_insert(&mut out, &mut insert);
                pending = Some((i, 1));
            }
            None => {
                flush_copy(&mut out, &mut pending);
                insert.push_str(piece);
            }
        }
    }
    flush_copy(&mut out, &mut pending);
    flush_insert(&mut out, &mut insert);
    out
}

/// Rebuilds the target of [`delta`] from `base`; a damaged operation list is
/// an error, never a panic.
pub fn apply(base: &str, ops: &[u8]) -> Result<String, StoredError> {
    let base_pieces = pieces(base);
    let mut out = String::new();
    let mut at = 0;
    while at < ops.len() {
        let op = ops[at];
        at += 1;
        match op {
            b'C' => {
                let start = read_leb128(ops, &mut at)?;
                let count = read_leb128(ops, &mut at)?;
                let end = start
                    .checked_add(count)
                    .filter(|&e| e <= base_pieces.len())
                    .ok_or(StoredError::Damaged("a copy beyond the base"))?;
                for piece in &base_pieces[start..end] {
                    out.push_str(piece);
                }
            }
            b'I' => {
                let len = read_leb128(ops, &mut at)?;
                let end = at
                    .checked_add(len)
                    .filter(|&e| e <= ops.len())
                    .ok_or(StoredError::Damaged("an insert cut short"))?;
                let text = std::str::from_utf8(&ops[at..end])
                    .map_err(|_| StoredError::Damaged("not UTF-8"))?;
                out.push_str(text);
                at = end;
            }
            _ => return Err(StoredError::Damaged("an unknown operation")),
        }
        if out.len() > MAX_FILE_BYTES {
            return Err(StoredError::TooLarge);
        }
    }
    Ok(out)
}

fn leb128(out: &mut Vec<u8>, mut n: usize) {
    loop {
        let byte = u8::try_from(n & 0x7F).unwrap_or(0);
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn read_leb128(ops: &[u8], at: &mut usize) -> Result<usize, StoredError> {
    let mut n: usize = 0;
    for shift in (0..64).step_by(7) {
        let byte = *ops
            .get(*at)
            .ok_or(StoredError::Damaged("a number cut short"))?;
        *at += 1;
        let part = usize::from(byte & 0x7F)
            .checked_shl(shift)
            .filter(|p| p >> shift == usize::from(byte & 0x7F))
            .ok_or(StoredError::Damaged("a number too large"))?;
        n |= part;
        if byte & 0x80 == 0 {
            return Ok(n);
        }
    }
    Err(StoredError::Damaged("a number too long"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_deflates_far_more_than_five_times_grows_its_buffer() {
        // 3 MB of one repeated line deflate a thousand times: the output
        // buffer grows several times and every byte comes back.
        let text = "{\"name\":\"사업\",\"amount\":\"1000\"},".repeat(100_000);
        let entry = pack(&text);
        let deflated: usize = entry[PACKED.len()..]
            .split(':')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert!(deflated * 64 < text.len(), "{} → {deflated}", text.len());
        assert_eq!(unpack(&entry).unwrap(), text);
    }

    #[test]
    fn an_entry_inflating_beyond_the_largest_file_is_refused() {
        let bomb = vec![b' '; MAX_FILE_BYTES + 1];
        let deflated = miniz_oxide::deflate::compress_to_vec(&bomb, 6);
        let entry = format!("{PACKED}{}:{}", deflated.len(), pack_bytes(&deflated));
        assert_eq!(unpack(&entry), Err(StoredError::TooLarge));
        // Exactly the largest file still reads.
        let most = " ".repeat(MAX_FILE_BYTES);
        assert_eq!(unpack(&pack(&most)).map(|t| t.len()), Ok(MAX_FILE_BYTES));
    }

    #[test]
    fn plain_entries_read_as_they_are() {
        assert_eq!(unpack("{\"a\":1}").unwrap(), "{\"a\":1}");
    }

    #[test]
    fn packed_round_trip_every_length() {
        for n in 0..64 {
            let text: String = (0..n).map(|i| char::from(b'a' + (i % 26) as u8)).collect();
            let entry = pack(&text);
            assert!(is_packed(&entry));
            assert!(entry[PACKED.len()..]
                .split_once(':')
                .unwrap()
                .1
                .chars()
                .all(|c| { (0x4000..=0xBFFF).contains(&u32::from(c)) }));
            assert_eq!(unpack(&entry).unwrap(), text);
        }
    }

    #[test]
    fn damage_is_an_error() {
        let entry = pack("{\"plan\":\"가나다\"}");
        let cut: String = entry.chars().take(entry.chars().count() - 2).collect();
        assert!(unpack(&cut).is_err());
        assert!(unpack("z1:5:abc").is_err());
        assert!(unpack("z1:x:").is_err());
        assert!(apply("a},b", b"C\x05\x01").is_err());
        assert!(apply("a},b", b"I\x09ab").is_err());
        assert!(apply("a},b", b"X").is_err());
    }

    #[test]
    fn difference_rebuilds_the_target() {
        let base = r#"{"programs":[{"id":1,"a":"1"},{"id":2,"a":"2"},{"id":3,"a":"3"}]}"#;
        let target =
            r#"{"programs":[{"id":1,"a":"1"},{"id":2,"a":"9"},{"id":3,"a":"3"},{"id":4}]}"#;
        let entry = difference("k", base, target);
        assert_eq!(difference_base(&entry), Some("k"));
        let load = |key: &str| (key == "k").then(|| pack(base));
        assert_eq!(
            resolve("d", &|k| if k == "d" {
                Some(entry.clone())
            } else {
                load(k)
            })
            .unwrap(),
            target
        );
    }
}
