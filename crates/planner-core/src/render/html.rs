//! Markup made from plan text: the one escape every name, note and label
//! goes through on its way into the deck's HTML, its SVG charts and the
//! workbook's XML.

/// XML-escapes text, dropping the characters XML 1.0 cannot hold at all:
/// what every piece of plan text goes through on its way into HTML, SVG or
/// a workbook's XML.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}
