//! Stateless markup written as one HTML string (Yew's raw HTML node): such a block hydrates by
//! claiming its nodes in one step instead of checking every element and text, re-renders by
//! comparing one string, and costs the wasm less code than the `html!` tree it replaces.
//!
//! Only string literals of the source reach the string unescaped ([`Markup::raw`] takes
//! `&'static str`: tags, literal attributes, the interface's own words); every text from the
//! view model goes through [`Markup::text`] and every attribute value through [`Markup::attr`],
//! which escape it.
//!
//! Both escape exactly what the browser's HTML serializer escapes (and what Yew's server
//! renderer escapes), so a prerendered report reads back from the DOM (`innerHTML`) as the very
//! string the server wrote: that is how the widget checks, before hydrating, that nobody changed
//! the markup (`snippet::markup_digest`).

use crate::model::Lang;
use yew::{AttrValue, Html};

/// An HTML fragment being written for a report in one language.
pub struct Markup {
    html: String,
    /// English view: Chinese inside texts (a payload text without English) gets `lang="zh-CN"`.
    mark_chinese: bool,
}

impl Markup {
    pub fn new(lang: Lang) -> Self {
        Markup { html: String::new(), mark_chinese: lang == Lang::En }
    }

    /// Markup written here in the source (tags and literal attributes), never payload text.
    pub fn raw(&mut self, markup: &'static str) -> &mut Self {
        self.html.push_str(markup);
        self
    }

    /// Text, escaped; in the English view, its Chinese runs marked as such.
    pub fn text(&mut self, text: &str) -> &mut Self {
        let mut done = 0;
        if self.mark_chinese {
            let html = &mut self.html;
            crate::format::chinese_runs(text, |start, end| {
                escape_into(html, &text[done..start], false);
                html.push_str("<span lang=\"zh-CN\">");
                escape_into(html, &text[start..end], false);
                html.push_str("</span>");
                done = end;
            });
        }
        escape_into(&mut self.html, &text[done..], false);
        self
    }

    /// A double-quoted attribute value, escaped.
    pub fn attr(&mut self, value: &str) -> &mut Self {
        escape_into(&mut self.html, value, true);
        self
    }

    /// `<tag class="…">text</tag>`, the commonest element here.
    pub fn element(&mut self, open: &'static str, text: &str, close: &'static str) -> &mut Self {
        self.raw(open).text(text).raw(close)
    }

    pub fn into_html(self) -> Html {
        Html::from_html_unchecked(AttrValue::from(self.html))
    }

    #[cfg(test)]
    pub fn as_str(&self) -> &str {
        &self.html
    }
}

/// Escapes `&`, `<` and `>`, and in a double-quoted attribute value also `"`: what can end a
/// text or an attribute, and exactly what the HTML serializer escapes (apart from U+00A0, which
/// it writes as `&nbsp;`; see `snippet::markup_digest`).
pub fn escape_into(out: &mut String, text: &str, attribute: bool) {
    let mut done = 0;
    for (i, byte) in text.bytes().enumerate() {
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' if attribute => "&quot;",
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
        let mut m = Markup::new(Lang::Zh);
        m.raw("<p title=\"").attr("a\"b'c<>").raw("\">").text("<script>&amp;</script> \"五区\" '第1名'").raw("</p>");
        assert_eq!(
            m.as_str(),
            "<p title=\"a&quot;b'c&lt;&gt;\">&lt;script&gt;&amp;amp;&lt;/script&gt; \"五区\" '第1名'</p>"
        );
    }

    #[test]
    fn marks_chinese_inside_english_text() {
        let mut m = Markup::new(Lang::En);
        m.element("<p>", "<b> 3 天 more & 五区", "</p>");
        assert_eq!(
            m.as_str(),
            "<p>&lt;b&gt; 3 <span lang=\"zh-CN\">天</span> more &amp; <span lang=\"zh-CN\">五区</span></p>"
        );
    }
}
