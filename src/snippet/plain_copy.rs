//! The plain reading copy of a prerendered report: the light-DOM HTML that engines without
//! declarative shadow DOM show (Internet Explorer in a domestic browser's compatibility mode, old
//! Firefox and Safari), and that page-reading toolbars and search engines read.
//!
//! The copy gets neither the widget's stylesheet nor its script, so it keeps only what reads
//! well as plain HTML: headings, cards, lists, tables and the source sentences. Controls that
//! need the widget (buttons, the legend, the chart toolbars) would look usable and do nothing,
//! and drawings (SVG bars, rank meters, the month strip) would be unstyled shapes; they are
//! left out. Every figure a drawing shows is also in the table beside it, which stays. A
//! heading's or a column's toggle button gives way to its text.

/// Classes of elements left out of the copy, with everything inside them.
const LEFT_OUT: [&str; 6] = ["rw-control", "rw-chart-part", "rw-tip", "rw-sort-icon", "rw-chevron", "rw-export-status"];

/// A chart's table, shown in the widget instead of the drawing: in the copy it sits under the
/// chart's own caption, so its `<caption>`, the same words, is left out.
const CHART_TABLE: &str = "rw-table-part";

/// Buttons whose text stays in the copy (a section's heading, a column's heading).
const TEXT_KEPT: [&str; 2] = ["rw-section-toggle", "rw-sort"];

/// The parts of a figure ("more than ", "600", " copies"), which carry their own spacing. Other
/// spans side by side (a case's label, its count and its progress; the publisher and the date)
/// are set apart by the stylesheet, which the copy lacks: it puts a space between them.
const FIGURE_PARTS: [&str; 3] = ["rw-num", "rw-qual", "rw-unit"];

/// Elements without an end tag.
const VOID: [&str; 13] =
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"];

/// An element open in the copy being written.
#[derive(Clone, Copy, Default)]
struct Open {
    /// Its end tag is written (not for a button that gives way to its text).
    written: bool,
    /// A span that a span right after it is set apart from.
    spaced: bool,
    /// It is, or is inside, a chart's table.
    in_chart_table: bool,
}

/// The copy of `rendered`, markup written by the widget's components (well-formed, attribute
/// values quoted): without comments (hydration markers), without the left-out elements, with the
/// kept buttons replaced by their content, and spans side by side set apart.
pub fn plain_copy(rendered: &str) -> String {
    let mut out = String::with_capacity(rendered.len() / 2);
    let mut open: Vec<Open> = Vec::new();
    // Where the output ended after the end tag of a span that a next span is set apart from.
    let mut after_span = 0usize;
    // How many open elements deep the current left-out subtree is (0: not in one).
    let mut skipping = 0usize;
    let mut rest = rendered;
    while !rest.is_empty() {
        if let Some(comment) = rest.strip_prefix("<!--") {
            rest = comment.split_once("-->").map_or("", |(_, after)| after);
        } else if let Some(end) = rest.strip_prefix("</") {
            let (tag, after) = end.split_once('>').unwrap_or((end, ""));
            if skipping > 0 {
                skipping -= 1;
            } else {
                let closed = open.pop().unwrap_or(Open { written: true, ..Open::default() });
                if closed.written {
                    out.push_str("</");
                    out.push_str(tag);
                    out.push('>');
                }
                if closed.spaced {
                    after_span = out.len();
                }
            }
            rest = after;
        } else if rest.starts_with('<') {
            let len = start_tag_len(rest);
            let tag = &rest[..len];
            rest = &rest[len..];
            let name = tag[1..].split(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/').next().unwrap_or("");
            let void = VOID.contains(&name);
            if skipping > 0 {
                skipping += usize::from(!void);
                continue;
            }
            let classes = class_attribute(tag);
            let has = |list: &[&str]| classes.split_ascii_whitespace().any(|c| list.contains(&c));
            let in_chart_table = open.last().is_some_and(|parent| parent.in_chart_table);
            if name == "svg"
                || has(&LEFT_OUT)
                || (name == "button" && !has(&TEXT_KEPT))
                || (name == "caption" && in_chart_table)
            {
                skipping = usize::from(!void);
            } else if name == "button" {
                open.push(Open { in_chart_table, ..Open::default() });
            } else {
                let spaced = name == "span" && !has(&FIGURE_PARTS);
                if spaced && after_span == out.len() && !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(tag);
                if !void {
                    open.push(Open { written: true, spaced, in_chart_table: in_chart_table || has(&[CHART_TABLE]) });
                }
            }
        } else {
            let len = rest.find('<').unwrap_or(rest.len());
            if skipping == 0 {
                out.push_str(&rest[..len]);
            }
            rest = &rest[len..];
        }
    }
    out
}

/// Controls that need the widget and hold what they name: a column's sort button, a section's
/// toggle, a chart's keyboard group.
const CONTROLS_WITH_CONTENT: [&str; 3] = ["rw-sort", "rw-section-toggle", "rw-plot"];

/// `rendered` for a page that runs no script: each of [`CONTROLS_WITH_CONTENT`] gives way to its
/// content (none is a Tab stop, a button or a group that does nothing), everything else as it
/// is. The loader does the same in the browser where the widget cannot run (`freezeReport`).
pub fn without_controls(rendered: &str) -> String {
    let mut out = String::with_capacity(rendered.len());
    // For each open element: whether its end tag is written.
    let mut written: Vec<bool> = Vec::new();
    let mut rest = rendered;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let len =
            if rest.starts_with("<!--") { rest.find("-->").map_or(rest.len(), |i| i + 3) } else { start_tag_len(rest) };
        let tag = &rest[..len];
        rest = &rest[len..];
        if tag.starts_with("<!--") {
            out.push_str(tag);
        } else if tag.starts_with("</") {
            if written.pop().unwrap_or(true) {
                out.push_str(tag);
            }
        } else {
            let name = tag[1..].split(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/').next().unwrap_or("");
            let control = class_attribute(tag).split_ascii_whitespace().any(|c| CONTROLS_WITH_CONTENT.contains(&c));
            if !control {
                out.push_str(tag);
            }
            if !VOID.contains(&name) && !tag.ends_with("/>") {
                written.push(!control);
            }
        }
    }
    out.push_str(rest);
    out
}

/// The length of the start tag `html` begins with, up to its `>` (a `>` inside a quoted
/// attribute value does not end it).
fn start_tag_len(html: &str) -> usize {
    let mut quote = None;
    for (i, c) in html.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, '>') => return i + 1,
            _ => {}
        }
    }
    html.len()
}

/// The value of a start tag's `class` attribute ("" if it has none).
fn class_attribute(tag: &str) -> &str {
    tag.split_once(" class=\"").and_then(|(_, value)| value.split_once('"')).map_or("", |(value, _)| value)
}

#[cfg(test)]
mod tests {
    use super::{plain_copy, without_controls};

    #[test]
    fn controls_and_drawings_go_with_their_content() {
        let html = "<div class=\"rw-tools rw-control\"><button type=\"button\" class=\"rw-btn\">CSV</button></div><p>a</p><svg class=\"rw-mark\"><rect x=\"0\"></rect></svg><p>b</p>";
        assert_eq!(plain_copy(html), "<p>a</p><p>b</p>");
    }

    #[test]
    fn heading_and_column_buttons_give_way_to_their_text() {
        let html = "<h3 class=\"rw-section-title\"><button type=\"button\" aria-expanded=\"true\" class=\"rw-section-toggle\"><span aria-hidden=\"true\" class=\"rw-chevron\"></span>水与土壤</button></h3><th scope=\"col\"><button type=\"button\" class=\"rw-sort\">指标<span aria-hidden=\"true\" class=\"rw-sort-icon\">↕</span></button></th>";
        assert_eq!(plain_copy(html), "<h3 class=\"rw-section-title\">水与土壤</h3><th scope=\"col\">指标</th>");
    }

    #[test]
    fn comments_go_and_text_stays_escaped() {
        let html = "<!--<[report_widget::report::Widget]>--><p title=\"a > b\">1 &lt; 2 &amp; 3</p><!--</#>-->";
        assert_eq!(plain_copy(html), "<p title=\"a > b\">1 &lt; 2 &amp; 3</p>");
    }

    #[test]
    fn void_elements_do_not_unbalance_what_is_left_out() {
        let html = "<div class=\"rw-control\"><img src=\"x\"><br><span>x</span></div><p>kept<br>line</p>";
        assert_eq!(plain_copy(html), "<p>kept<br>line</p>");
    }

    #[test]
    fn spans_side_by_side_are_set_apart_but_a_figure_stays_whole() {
        let html = "<p class=\"rw-meta\"><span>发布单位：某局</span><span>成文日期：2022年3月3日</span></p><li class=\"rw-case\"><span class=\"rw-case-label\">行政处罚案件</span><span class=\"rw-case-value\">274件</span></li><p><span class=\"rw-qual\">more than </span><span class=\"rw-num\">600</span><span class=\"rw-unit\">\u{a0}copies</span></p><p><span class=\"rw-num\">600</span><span class=\"rw-qual\">余</span></p>";
        assert_eq!(
            plain_copy(html),
            "<p class=\"rw-meta\"><span>发布单位：某局</span> <span>成文日期：2022年3月3日</span></p><li class=\"rw-case\"><span class=\"rw-case-label\">行政处罚案件</span> <span class=\"rw-case-value\">274件</span></li><p><span class=\"rw-qual\">more than </span><span class=\"rw-num\">600</span><span class=\"rw-unit\">\u{a0}copies</span></p><p><span class=\"rw-num\">600</span><span class=\"rw-qual\">余</span></p>"
        );
    }

    #[test]
    fn a_chart_table_goes_without_its_caption_under_the_chart_caption() {
        let html = "<figure><figcaption>环境执法（件）</figcaption><div class=\"rw-table-wrap rw-table-part\"><table><caption>环境执法（件）</caption><tr><td>274件</td></tr></table></div></figure><table><caption>五区排名</caption></table>";
        assert_eq!(
            plain_copy(html),
            "<figure><figcaption>环境执法（件）</figcaption><div class=\"rw-table-wrap rw-table-part\"><table><tr><td>274件</td></tr></table></div></figure><table><caption>五区排名</caption></table>"
        );
    }

    #[test]
    fn a_class_is_matched_whole_not_as_a_prefix() {
        let html = "<span class=\"rw-tipped\">kept</span><span class=\"rw-tip\">gone</span>";
        assert_eq!(plain_copy(html), "<span class=\"rw-tipped\">kept</span>");
    }

    #[test]
    fn without_controls_a_heading_a_column_and_a_chart_keep_their_content_and_nothing_else_changes() {
        let html = "<!--<#>--><h3 class=\"rw-section-title\"><button type=\"button\" aria-expanded=\"true\" class=\"rw-section-toggle\"><span aria-hidden=\"true\" class=\"rw-chevron\"></span>水与土壤</button></h3><th scope=\"col\"><button type=\"button\" class=\"rw-sort\">指标<span aria-hidden=\"true\" class=\"rw-sort-icon\">↕</span></button></th><div class=\"rw-plot rw-chart-part\" tabindex=\"0\" role=\"group\" aria-label=\"a > b\"><div class=\"rw-bars\"><div class=\"rw-bar\"><br></div></div><svg><rect x=\"0\"/></svg></div><p>after</p><button type=\"button\" class=\"rw-btn\">CSV</button><!--</#>-->";
        assert_eq!(
            without_controls(html),
            "<!--<#>--><h3 class=\"rw-section-title\"><span aria-hidden=\"true\" class=\"rw-chevron\"></span>水与土壤</h3><th scope=\"col\">指标<span aria-hidden=\"true\" class=\"rw-sort-icon\">↕</span></th><div class=\"rw-bars\"><div class=\"rw-bar\"><br></div></div><svg><rect x=\"0\"/></svg><p>after</p><button type=\"button\" class=\"rw-btn\">CSV</button><!--</#>-->"
        );
    }
}
