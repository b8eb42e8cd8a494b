//! Markup made from plan text. [`Html`] is the deck's HTML and SVG: plan text
//! (a name, a note, a message) gets in only through [`Html::text`], which
//! escapes it, and markup only through [`Html::markup`], which takes a string
//! written in this crate's code. So which strings are escaped is never up to
//! a caller. [`escape`] is the one escape, also for the workbook's XML.

use std::fmt::Write as _;

/// HTML (or SVG) text: markup from this crate's code and escaped text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Html(String);

impl Html {
    /// Nothing yet.
    pub fn new() -> Html {
        Html(String::new())
    }

    /// Markup written in the code (`<div class="key-figures">`): a static
    /// string, so no plan text can come in this way.
    pub fn markup(markup: &'static str) -> Html {
        Html(markup.to_string())
    }

    /// Any text (plan text, a formatted figure), escaped.
    pub fn text(text: &str) -> Html {
        Html(escape(text))
    }

    /// `<tag attributes>children</tag>`: the tag and attribute names are
    /// code, attribute values are escaped, children are already `Html`.
    pub fn element(tag: &'static str, attributes: &[(&'static str, &str)], children: Html) -> Html {
        let mut out = Html::open(tag, attributes);
        out.push(children);
        let _ = write!(out.0, "</{tag}>");
        out
    }

    /// `<tag attributes>` alone, for an element whose children are pushed one by one.
    pub fn open(tag: &'static str, attributes: &[(&'static str, &str)]) -> Html {
        let mut out = Html(format!("<{tag}"));
        for (name, value) in attributes {
            let _ = write!(out.0, " {name}=\"{}\"", escape(value));
        }
        out.0.push('>');
        out
    }

    /// Markup assembled by the chart code from numbers (coordinates, sizes)
    /// and text it escaped with [`escape`]: only the renderers may use it.
    pub(crate) fn drawn(markup: String) -> Html {
        Html(markup)
    }

    /// Appends more HTML.
    pub fn push(&mut self, more: Html) {
        self.0.push_str(&more.0);
    }

    /// Appends escaped text.
    pub fn push_text(&mut self, text: &str) {
        self.0.push_str(&escape(text));
    }

    /// Appends markup written in the code.
    pub fn push_markup(&mut self, markup: &'static str) {
        self.0.push_str(markup);
    }

    /// The HTML as text, to set as an element's inner HTML.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The HTML as text.
    pub fn into_string(self) -> String {
        self.0
    }

    /// Whether nothing was written.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl FromIterator<Html> for Html {
    fn from_iter<I: IntoIterator<Item = Html>>(items: I) -> Html {
        let mut out = Html::new();
        for item in items {
            out.push(item);
        }
        out
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_markup_is_not() {
        let name = "<script>alert(1)</script>\"&'";
        let html = Html::element("p", &[("class", "x\" onload=\"y")], Html::text(name));
        assert_eq!(
            html.as_str(),
            "<p class=\"x&quot; onload=&quot;y\">&lt;script&gt;alert(1)&lt;/script&gt;&quot;&amp;&apos;</p>"
        );
        let mut list = Html::markup("<ul>");
        list.push(
            ["a", "<b>"]
                .iter()
                .map(|t| Html::element("li", &[], Html::text(t)))
                .collect(),
        );
        list.push_markup("</ul>");
        assert_eq!(list.as_str(), "<ul><li>a</li><li>&lt;b&gt;</li></ul>");
    }
}
