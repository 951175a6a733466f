//! Standalone SVG documents of charts, for the "download SVG/PNG" buttons: fixed width,
//! colours as attributes (the file must look right outside the widget's stylesheet), the
//! title, every label and value as text, a footnote and a credit line. Text widths are
//! estimated (CJK characters are one em wide), so long labels wrap instead of overflowing.

use super::bar_percents;
use crate::format::{chinese_runs, marks_chinese};
use crate::model::Lang;
use crate::view::{ChartKind, ChartView};

/// Colours of an exported chart (the light theme: exports go into documents and print).
pub struct Palette {
    pub background: &'static str,
    pub text: &'static str,
    pub muted: &'static str,
    pub track: &'static str,
    pub fill: &'static str,
    pub open: &'static str,
    pub mark: &'static str,
    pub mark_fill: &'static str,
    pub border: &'static str,
}

pub const LIGHT: Palette = Palette {
    background: "#ffffff",
    text: "#1f2328",
    muted: "#57606a",
    track: "#eaeef2",
    fill: "#1f4e99",
    open: "#9a4d00",
    mark: "#9a4d00",
    mark_fill: "#fff1e0",
    border: "#8c959f",
};

const FONT: &str = "system-ui, -apple-system, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif";
pub const WIDTH: f64 = 720.0;
/// How much wider bold text is than regular, for wrapping.
pub const BOLD: f64 = 1.1;
const PAD: f64 = 20.0;

/// An exported chart: the SVG text and its size in CSS pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct SvgDoc {
    pub svg: String,
    pub width: u32,
    pub height: u32,
}

/// Estimated advance of `text` at `px` pixels: CJK and full-width characters one em, Latin
/// letters and digits about half to two thirds of one.
pub fn text_width(text: &str, px: f64) -> f64 {
    text.chars()
        .map(|c| match c {
            ' ' | 'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '\'' | '!' | '|' | '(' | ')' => 0.32,
            'm' | 'w' | 'M' | 'W' => 0.86,
            c if c.is_ascii_uppercase() || c.is_ascii_digit() => 0.64,
            // DejaVu Sans, Linux's fallback, is wider than most (an English credit line ran
            // 18 px past the right margin at 0.54).
            c if c.is_ascii() => 0.57,
            '×' | '–' | '—' | '³' | '²' | 'μ' => 0.64,
            _ => 1.0,
        })
        .sum::<f64>()
        * px
}

/// Greedy line breaking at `max` pixels: between words in Latin text, between any two
/// characters in CJK text; a word longer than a line is broken where it must be.
pub fn wrap(text: &str, px: f64, max: f64) -> Vec<String> {
    let mut tokens: Vec<String> = Vec::new();
    for c in text.chars() {
        let joins = c.is_ascii() && !c.is_ascii_whitespace();
        match tokens.last_mut() {
            Some(last) if joins && last.chars().last().is_some_and(|p| p.is_ascii() && !p.is_ascii_whitespace()) => {
                last.push(c)
            }
            Some(last) if c.is_ascii_whitespace() => last.push(c),
            _ => tokens.push(c.to_string()),
        }
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for token in tokens {
        let candidate = format!("{line}{token}");
        if line.is_empty() || text_width(candidate.trim_end(), px) <= max {
            line = candidate;
        } else {
            lines.push(line.trim_end().to_string());
            line = token;
        }
        // A single token wider than the line: cut it by characters.
        while text_width(line.trim_end(), px) > max && line.chars().count() > 1 {
            let mut head = String::new();
            for c in line.chars() {
                if !head.is_empty() && text_width(&format!("{head}{c}"), px) > max {
                    break;
                }
                head.push(c);
            }
            let rest = line[head.len()..].to_string();
            lines.push(head);
            line = rest;
        }
    }
    if !line.trim().is_empty() || lines.is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// Escapes text for XML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// A coordinate with at most one decimal ("12", "12.5", "-3.2"). Integer formatting: f64's
/// Display would pull core's float printer into the wasm.
fn n(v: f64) -> String {
    let tenths = if v.is_finite() { (v * 10.0).round() as i64 } else { 0 };
    let sign = if tenths < 0 { "-" } else { "" };
    let (int, frac) = (tenths.unsigned_abs() / 10, tenths.unsigned_abs() % 10);
    if frac == 0 {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac}")
    }
}

/// Escapes `text` for XML content and, in the English view, wraps its Chinese runs (a payload
/// text without English) in `<tspan xml:lang="zh-CN">`, as the widget marks them on screen.
pub fn marked(lang: Lang, text: &str) -> String {
    if !marks_chinese(lang, text) {
        return escape(text);
    }
    let (mut out, mut done) = (String::with_capacity(text.len() + 40), 0);
    chinese_runs(text, |start, end| {
        out.push_str(&escape(&text[done..start]));
        out.push_str("<tspan xml:lang=\"zh-CN\">");
        out.push_str(&escape(&text[start..end]));
        out.push_str("</tspan>");
        done = end;
    });
    out.push_str(&escape(&text[done..]));
    out
}

struct Svg {
    body: String,
    y: f64,
    lang: Lang,
}

impl Svg {
    fn text(&mut self, x: f64, y: f64, px: f64, fill: &str, extra: &str, content: &str) {
        self.body.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\" fill=\"{fill}\"{extra}>{}</text>\n",
            n(x),
            n(y),
            n(px),
            marked(self.lang, content)
        ));
    }

    fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, fill: &str, extra: &str) {
        self.body.push_str(&format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\"{extra}/>\n",
            n(x),
            n(y),
            n(w.max(0.0)),
            n(h)
        ));
    }

    /// Wrapped lines from the current `y`, advancing it.
    fn paragraph(&mut self, text: &str, px: f64, fill: &str, extra: &str) {
        // Bold letters are wider than `text_width`'s estimate (an English title ran 11 px past
        // the image's edge): measured a tenth larger.
        let measure = if extra.contains("700") { px * BOLD } else { px };
        for line in wrap(text, measure, WIDTH - 2.0 * PAD) {
            self.y += px * 1.35;
            self.text(PAD, self.y, px, fill, extra, &line);
        }
    }
}

/// The chart as a standalone SVG document in the report's language `lang`, without the items
/// in `hidden` (bars rescale to those shown, as on screen). `credit` names the source (report
/// title and publisher).
pub fn chart_svg(chart: &ChartView, hidden: &[bool], credit: &str, lang: Lang) -> SvgDoc {
    let p = &LIGHT;
    let mut s = Svg { body: String::new(), y: PAD - 4.0, lang };
    s.paragraph(&chart.title, 18.0, p.text, " font-weight=\"700\"");
    s.y += 12.0;
    let shown: Vec<usize> = (0..chart.items.len()).filter(|&i| !hidden.get(i).copied().unwrap_or(false)).collect();
    match chart.kind {
        ChartKind::Bars | ChartKind::Completion => bars(&mut s, chart, &shown, p),
        ChartKind::Months => months(&mut s, chart, p),
    }
    if let Some(note) = &chart.note {
        s.y += 6.0;
        s.paragraph(&format!("* {note}"), 12.0, p.muted, "");
    }
    if !credit.is_empty() {
        s.y += 4.0;
        s.paragraph(credit, 12.0, p.muted, "");
    }
    let height = (s.y + PAD).ceil();
    let mut svg = String::with_capacity(s.body.len() + 600);
    svg.push_str(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" xml:lang=\"{}\" font-family=\"{}\" role=\"img\" aria-labelledby=\"rw-t rw-d\">\n",
        lang.tag(),
        escape(FONT),
        w = n(WIDTH),
        h = n(height)
    ));
    svg.push_str(&format!(
        "<title id=\"rw-t\">{}</title>\n<desc id=\"rw-d\">{}</desc>\n",
        escape(&chart.title),
        // As the widget names the chart: the items the legend hid are said, not drawn.
        escape(&chart.summary_shown(hidden, lang))
    ));
    svg.push_str(&format!("<rect width=\"100%\" height=\"100%\" fill=\"{}\"/>\n", p.background));
    svg.push_str(&s.body);
    svg.push_str("</svg>\n");
    SvgDoc { svg, width: WIDTH as u32, height: height as u32 }
}

/// Bars as on screen: the label with the value at the right on the same line, then the bar
/// across the full width, so every bar has the same scale.
fn bars(s: &mut Svg, chart: &ChartView, shown: &[usize], p: &Palette) {
    let completion = chart.kind == ChartKind::Completion;
    let full = WIDTH - 2.0 * PAD;
    let values: Vec<f64> = shown.iter().map(|&i| chart.items[i].value).collect();
    let percents =
        if completion { values.iter().map(|v| v.clamp(0.0, 100.0)).collect() } else { bar_percents(&values, 100.0) };
    for (&i, pct) in shown.iter().zip(percents) {
        let item = &chart.items[i];
        let value = format!("{}{}", item.value_text, if completion { "*" } else { "" });
        // Bold text runs wider than the estimate for regular text.
        let value_w = text_width(&value, 14.0) * 1.15;
        let lines = wrap(&item.label, 14.0, (full - value_w - 16.0).max(full / 3.0));
        for (n, line) in lines.iter().enumerate() {
            s.y += 14.0 * 1.35;
            s.text(PAD, s.y, 14.0, p.text, "", line);
            if n == 0 {
                s.text(WIDTH - PAD, s.y, 14.0, p.text, " font-weight=\"700\" text-anchor=\"end\"", &value);
            }
        }
        s.y += 6.0;
        s.rect(PAD, s.y, full, 16.0, p.track, " rx=\"2\"");
        let len = if pct > 0.0 { (full * pct / 100.0).max(2.0) } else { 0.0 };
        let fill = if completion && item.marked { p.open } else { p.fill };
        s.rect(PAD, s.y, len, 16.0, fill, " rx=\"2\"");
        if !completion && item.marked {
            // A lower bound: the bar continues as a dashed outline.
            let more = (full * super::MORE_PERCENT / 100.0).min(full - len);
            s.rect(
                PAD + len,
                s.y + 1.0,
                more,
                14.0,
                "none",
                &format!(" stroke=\"{}\" stroke-width=\"2\" stroke-dasharray=\"3 2\"", p.fill),
            );
        }
        s.y += 16.0 + 10.0;
    }
}

fn months(s: &mut Svg, chart: &ChartView, p: &Palette) {
    let count = chart.items.len().max(1) as f64;
    let gap = 4.0;
    let cell = (WIDTH - 2.0 * PAD - gap * (count - 1.0)) / count;
    let top = s.y;
    let height = 64.0;
    for (i, item) in chart.items.iter().enumerate() {
        let x = PAD + i as f64 * (cell + gap);
        let (fill, stroke, width) =
            if item.marked { (p.mark_fill, p.mark, "2") } else { (p.background, p.border, "1") };
        s.rect(x, top, cell, height, fill, &format!(" stroke=\"{stroke}\" stroke-width=\"{width}\" rx=\"4\""));
        let cx = x + cell / 2.0;
        s.text(cx, top + 20.0, 13.0, p.text, " font-weight=\"700\" text-anchor=\"middle\"", &item.label);
        if item.marked {
            s.text(cx, top + 40.0, 16.0, p.mark, " text-anchor=\"middle\"", "★");
            if !item.value_text.is_empty() {
                let px = if text_width(&item.value_text, 11.0) > cell - 4.0 { 9.0 } else { 11.0 };
                s.text(cx, top + 56.0, px, p.text, " text-anchor=\"middle\"", &item.value_text);
            }
        }
    }
    s.y = top + height;
    s.y += 6.0;
    s.paragraph(&format!("★ {}", chart.months_key(s.lang)), 13.0, p.text, "");
}
