//! Stateless markup written as one HTML string (Yew's raw HTML node): such a block hydrates by
//! claiming its nodes in one step instead of checking every element and text, re-renders by
//! comparing one string, and costs the wasm less code than the `html!` tree it replaces.
//!
//! Only string literals of the source reach the string unescaped ([`Markup::raw`] takes
//! `&'static str`: tags, literal attributes, the interface's own words); every text and
//! attribute value from the view model goes through [`Markup::text`], which escapes it.

use yew::{AttrValue, Html};

/// An HTML fragment being written.
#[derive(Default)]
pub struct Markup(String);

impl Markup {
    /// Markup written here in the source (tags and literal attributes), never payload text.
    pub fn raw(&mut self, markup: &'static str) -> &mut Self {
        self.0.push_str(markup);
        self
    }

    /// Text or a double-quoted attribute value, escaped.
    pub fn text(&mut self, text: &str) -> &mut Self {
        escape_into(&mut self.0, text);
        self
    }

    /// `<tag class="…">text</tag>`, the commonest element here.
    pub fn element(&mut self, open: &'static str, text: &str, close: &'static str) -> &mut Self {
        self.raw(open).text(text).raw(close)
    }

    pub fn into_html(self) -> Html {
        Html::from_html_unchecked(AttrValue::from(self.0))
    }

    #[cfg(test)]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Escapes the five characters that can end a text or a quoted attribute value.
pub fn escape_into(out: &mut String, text: &str) {
    let mut done = 0;
    for (i, byte) in text.bytes().enumerate() {
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&text[done..i]);
        out.push_str(entity);
        done = i + 1;
    }
    out.push_str(&text[done..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_could_end_text_or_an_attribute() {
        let mut m = Markup::default();
        m.raw("<p title=\"").text("a\"b'c").raw("\">").text("<script>&amp;</script> 五区第1名").raw("</p>");
        assert_eq!(m.as_str(), "<p title=\"a&quot;b&#39;c\">&lt;script&gt;&amp;amp;&lt;/script&gt; 五区第1名</p>");
    }
}
