//! The view model: a validated `Report` turned into display-ready strings and numbers for
//! one language. Components render this and never look at the payload themselves.

mod chart_state;
mod sort;
mod theme;

pub use chart_state::{ChartAction, ChartState};
pub use sort::{sort_order, SortColumn, SortDir, TableAction, TableState, PAGE_ROWS};
pub use theme::{Scheme, Theme};

use crate::format::{self, ChangeText, FigureParts, SummaryRank};
use crate::i18n::{fill, ui};
use crate::model::{
    CalendarBody, CaseItem, CaseStatsBody, Direction, Lang, Metric, Qualifier, RankBasis, RankingBody, Report,
    SectionBody, Text,
};
use std::rc::Rc;

/// Everything the widget shows, formatted for one language.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportView {
    pub lang: Lang,
    pub title: String,
    pub publisher: String,
    pub date: String,
    pub period: Option<String>,
    /// Where the original is published (checked by the validator: http(s) or a relative path).
    pub source_url: Option<String>,
    pub synthetic: bool,
    pub note: Option<String>,
    pub sections: Vec<SectionView>,
    /// The payload text the view was made from (`with_source`): a table's CSV file is made by
    /// the on-demand module, which reads it again (the widget's own wasm builds no CSV rows).
    /// Empty where no file is made (prerendering).
    pub source: Rc<str>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SectionView {
    /// Anchor id, unique within the widget, also the URL hash that leads to it (`#rw-air`).
    pub anchor: String,
    pub title: String,
    pub intro: Option<String>,
    pub body: SectionViewBody,
}

#[derive(Clone, Debug, PartialEq)]
#[allow(clippy::large_enum_variant)] // one per section: their size does not matter
pub enum SectionViewBody {
    Metrics(MetricsView),
    Ranking(RankingView),
    CaseStats(CaseStatsView),
    Calendar(CalendarView),
    Highlights(Vec<HighlightView>),
    Narrative(Vec<String>),
}

/// KPI cards, with a one-line summary of how the section's figures moved.
#[derive(Clone, Debug, PartialEq)]
pub struct MetricsView {
    pub cards: Vec<MetricCard>,
    /// "与上年相比，8项指标中7项好转、1项持平。"
    pub summary: Option<String>,
}

/// A KPI card.
#[derive(Clone, Debug, PartialEq)]
pub struct MetricCard {
    pub id: String,
    pub label: String,
    pub figure: FigureParts,
    /// The figure as one accessible string ("超过20万").
    pub figure_text: String,
    pub change: Option<ChangeText>,
    pub badges: Vec<String>,
    /// The card in one plain sentence: value, change and whether it is good news, ranks.
    pub summary: String,
    pub note: Option<String>,
    pub source: Option<String>,
}

/// A table of ranks within one group.
#[derive(Clone, Debug)]
pub struct RankingView {
    /// The heading of the rows' own column: the payload's `row_heading`, or "指标" / "Indicator".
    pub row_heading: String,
    /// The value column's heading: the payload's `value_heading`, or "数值" / "Value".
    pub value_heading: String,
    pub group_label: String,
    pub group_size: u32,
    /// Shared: the table component, its sort and its CSV export all read the same rows.
    pub rows: Rc<[RankingRowView]>,
    /// File name (without extension) for the CSV export.
    pub file: String,
    /// The columns the table shows: the label, and each figure that at least one row has (a
    /// column of dashes tells a reader nothing). The CSV file keeps every column.
    pub columns: Vec<SortColumn>,
}

impl PartialEq for RankingView {
    /// The rows are built once per payload and then shared, so the same rows are the same `Rc`:
    /// Yew compares props and memo inputs on every render, and comparing 10,000 rows field by
    /// field each time cost more than the re-sort itself (and 0.3 KB of wasm). Two views built
    /// apart are different tables, even from the same payload.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.rows, &other.rows)
            && self.row_heading == other.row_heading
            && self.value_heading == other.value_heading
            && self.group_label == other.group_label
            && self.group_size == other.group_size
            && self.file == other.file
            && self.columns == other.columns
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct RankingRowView {
    pub label: String,
    pub value: Option<String>,
    /// The value as a number, for sorting.
    pub value_num: Option<f64>,
    /// The value's digits as written and its unit, for the CSV file's number columns (a
    /// spreadsheet gets 110000 and 件 beside 11万件).
    pub number: String,
    pub unit: String,
    pub change: Option<ChangeText>,
    /// How good the change is, for sorting: positive is an improvement, whatever the
    /// metric's direction (a pollutant's −10.2% scores 10.2).
    pub change_score: Option<f64>,
    pub value_rank: Option<u32>,
    pub change_rank: Option<u32>,
}

/// Case statistics: a row per item, then charts (completion, and bars per shared unit).
#[derive(Clone, Debug, PartialEq)]
pub struct CaseStatsView {
    pub rows: Vec<CaseRow>,
    /// Shared with the chart components (their props and export callbacks).
    pub charts: Vec<Rc<ChartView>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CaseRow {
    pub id: String,
    pub label: String,
    /// The figure as the report writes it ("1813.4469万元", "5020余人次"), for the page (the
    /// unit kept on its number's line).
    pub figure_text: String,
    /// For amounts in 万元: the amount in yuan, computed, shown on demand ("18134469元").
    pub in_yuan: Option<String>,
    pub progress: Option<Progress>,
    pub note: Option<String>,
    pub source: Option<String>,
}

/// "366 of 370 resolved (98.9%)"; the percentage is computed, and marked so.
#[derive(Clone, Debug, PartialEq)]
pub struct Progress {
    pub done: String,
    pub total: String,
    pub percent: String,
    /// 0.0–1.0, for the bar.
    pub ratio: f64,
}

/// What a chart draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartKind {
    /// Horizontal bars of values that share one unit.
    Bars,
    /// Completion bars on a 0–100% scale.
    Completion,
    /// Twelve months, the marked ones filled and starred.
    Months,
}

/// One chart, with everything its views need: the graphic, its summary for screen readers,
/// its data table and its exports.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartView {
    /// Element id, unique within the widget.
    pub id: String,
    /// File name (without extension) for its CSV, SVG and PNG exports.
    pub file: String,
    pub kind: ChartKind,
    pub title: String,
    /// The chart in words, for `role="img"`'s label: what it shows and its extremes.
    pub summary: String,
    pub items: Vec<ChartItem>,
    /// The same data as a table (the "table" view).
    pub table: TableView,
    /// Whether the legend lets readers hide and show items.
    pub legend: bool,
    /// A footnote, e.g. that percentages are computed.
    pub note: Option<String>,
}

impl ChartView {
    /// The summary a screen reader hears for the items the legend leaves shown: the whole
    /// chart's, then the items hidden, by name (the list it names holds only those shown, and
    /// a summary of them all beside fewer items contradicted it).
    pub fn summary_shown(&self, hidden: &[bool], lang: Lang) -> String {
        let mut out = self.summary.clone();
        let n = hidden.iter().filter(|&&h| h).count();
        if n > 0 {
            let t = ui(lang);
            out.push_str(&fill(t.legend_hides, &[("n", &n.to_string())]));
            // Pushed one by one, as bars_summary does: a join of &strs is code of its own.
            for (k, (item, _)) in self.items.iter().zip(hidden).filter(|(_, &h)| h).enumerate() {
                if k > 0 {
                    out.push_str(t.name_sep);
                }
                out.push_str(&item.label);
            }
            out.push_str(t.full_stop);
        }
        out
    }

    /// A month chart's key, after its star: what a star means and, when a marked month has
    /// a reward, what the figure under the star is (the widget and the chart images say it).
    pub fn months_key(&self, lang: Lang) -> String {
        let meaning = self.table.headers.get(1).map_or("", String::as_str);
        if self.items.iter().any(|item| item.marked && !item.value_text.is_empty()) {
            format!("{meaning}{}", crate::i18n::reward_key(lang))
        } else {
            meaning.to_string()
        }
    }
}

/// One mark of a chart: a bar or a month.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartItem {
    pub label: String,
    /// Bar length (bars), percentage 0–100 (completion), 1 or 0 (months).
    pub value: f64,
    /// The value as written beside the mark.
    pub value_text: String,
    /// The tooltip: label, value and what else the payload says about it.
    pub detail: String,
    /// Months: ranked first (filled and starred). Completion: not all done. Bars: the
    /// value is a lower bound ("290余", "超过20万"), drawn with a dashed continuation.
    pub marked: bool,
}

/// Headings only CSV files have (not in `Ui`: the widget's own wasm makes no CSV, and a
/// table of strings keeps every string it holds in the wasm).
#[cfg(feature = "messages")]
struct CsvWords {
    qualifier: &'static str,
    number: &'static str,
    unit: &'static str,
    group_size: &'static str,
    /// A completion chart's computed rate, its % said in the heading.
    rate: &'static str,
}

#[cfg(feature = "messages")]
fn csv_words(lang: Lang) -> &'static CsvWords {
    match lang {
        Lang::Zh => &CsvWords {
            qualifier: "限定词",
            number: "数字",
            unit: "单位",
            group_size: "参与排名数",
            rate: "办结率（%，计算）",
        },
        Lang::En => &CsvWords {
            qualifier: "Qualifier",
            number: "Number",
            unit: "Unit",
            group_size: "Ranked among",
            rate: "Rate (%, computed)",
        },
    }
}

/// A qualifier as the report's words (“超过”, “余”, “more than”), or nothing.
#[cfg(feature = "messages")]
fn qualifier_words(qualifier: Option<Qualifier>, lang: Lang) -> String {
    let (before, after) = format::qualifier_words(qualifier, lang);
    format!("{before}{after}").trim().to_string()
}

/// Rows of text for a data table and its CSV file.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct TableView {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Which columns hold numbers (right-aligned).
    pub numeric: Vec<bool>,
    /// The CSV: a header row, then rows with plain numbers in extra columns. Built only where
    /// files are made (the on-demand module, the editor, the tools: `ReportView::csv_of`).
    #[cfg(feature = "messages")]
    pub csv: Vec<Vec<String>>,
}

/// Twelve months, some marked.
#[derive(Clone, Debug, PartialEq)]
pub struct CalendarView {
    pub year: i32,
    pub label: String,
    pub chart: Rc<ChartView>,
    pub source: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct HighlightView {
    pub title: String,
    pub text: String,
}

fn opt(text: &Option<Text>, lang: Lang) -> Option<String> {
    text.as_ref().map(|t| t.get(lang).to_string())
}

/// An id fragment from payload text: ASCII letters and digits, lowercased, and `-`, which
/// anything else becomes (`_` too). Never empty. The ids the widget derives from a section's
/// anchor add `_` and a word (`rw-water_body`), so they can never be another section's anchor
/// (`rw-water-body`), nor another's derived id.
pub fn slug(id: &str) -> String {
    let s: String = id.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    if s.trim_matches('-').is_empty() {
        "s".to_string()
    } else {
        s
    }
}

/// Each section's anchor (its element id and the page address's `#…`): `rw-` and its id made
/// safe, with its index after it where an earlier section took that, again until it is free
/// (`空气` and `水质` both make `rw-s`). Unique within the widget. The editor finds a section in
/// its preview by the same function.
pub fn section_anchors<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<String> {
    // A few sections: a list is enough (a hash set's code would cost the first download).
    let mut anchors: Vec<String> = Vec::new();
    for (index, id) in ids.enumerate() {
        let mut anchor = format!("rw-{}", slug(id));
        while anchors.contains(&anchor) {
            anchor = format!("{anchor}-{index}");
        }
        anchors.push(anchor);
    }
    anchors
}

/// A file name from a title: characters that file systems refuse are replaced.
pub fn file_name(title: &str) -> String {
    let s: String =
        title
            .chars()
            .map(|c| {
                if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control() {
                    '-'
                } else {
                    c
                }
            })
            .take(80)
            .collect();
    let s = s.trim().to_string();
    if s.is_empty() {
        "report".to_string()
    } else {
        s
    }
}

impl ReportView {
    /// Builds the view of a validated report. References that do not resolve (which
    /// validation already refuses) are skipped rather than panicking.
    pub fn new(report: &Report, lang: Lang) -> ReportView {
        let meta = &report.meta;
        let anchors = section_anchors(report.sections.iter().map(|s| s.id.as_str()));
        let sections = report
            .sections
            .iter()
            .zip(anchors)
            .map(|(s, anchor)| {
                let title = s.title.get(lang).to_string();
                let body = match &s.body {
                    SectionBody::Metrics(m) => {
                        let cards: Vec<MetricCard> = m.items.iter().map(|i| metric_card(report, i, lang)).collect();
                        let changes: Vec<&ChangeText> = cards.iter().filter_map(|c| c.change.as_ref()).collect();
                        let summary = format::section_summary(&changes, lang);
                        SectionViewBody::Metrics(MetricsView { cards, summary })
                    }
                    SectionBody::Ranking(r) => SectionViewBody::Ranking(ranking(report, r, &title, lang)),
                    SectionBody::CaseStats(c) => SectionViewBody::CaseStats(case_stats(c, &anchor, &title, lang)),
                    SectionBody::Calendar(c) => SectionViewBody::Calendar(calendar(c, &anchor, &title, lang)),
                    SectionBody::Highlights(h) => SectionViewBody::Highlights(
                        h.items
                            .iter()
                            .map(|i| HighlightView {
                                title: i.title.get(lang).to_string(),
                                text: i.text.get(lang).to_string(),
                            })
                            .collect(),
                    ),
                    SectionBody::Narrative(n) => {
                        SectionViewBody::Narrative(n.paragraphs.iter().map(|p| p.get(lang).to_string()).collect())
                    }
                };
                SectionView { anchor, title, intro: opt(&s.intro, lang), body }
            })
            .collect();
        ReportView {
            lang,
            title: meta.title.get(lang).to_string(),
            publisher: meta.publisher.get(lang).to_string(),
            date: format::date(&meta.date, lang),
            period: opt(&meta.period, lang),
            source_url: meta.source_url.clone(),
            synthetic: meta.synthetic,
            note: opt(&meta.note, lang),
            sections,
            source: Rc::from(""),
        }
    }

    /// The view, with the payload text it was made from, for its tables' CSV files.
    pub fn with_source(self, source: Rc<str>) -> ReportView {
        ReportView { source, ..self }
    }

    /// The CSV file of the table `table` (a ranking's element id, `{anchor}_table`, or a chart's
    /// id): its name without extension, and its rows (the heading row first), a ranking's in
    /// the reader's `order` (every row in the payload's order where it is empty).
    #[cfg(feature = "messages")]
    pub fn csv_of(&self, table: &str, order: &[usize]) -> Option<(String, Vec<Vec<String>>)> {
        let chart = |c: &ChartView| (c.id == table).then(|| (c.file.clone(), c.table.csv.clone()));
        self.sections.iter().find_map(|s| match &s.body {
            SectionViewBody::Ranking(r) if table.strip_suffix("_table") == Some(s.anchor.as_str()) => {
                let all: Vec<usize> = (0..r.rows.len()).collect();
                Some((r.file.clone(), r.csv_rows(if order.is_empty() { &all } else { order }, self.lang)))
            }
            SectionViewBody::CaseStats(c) => c.charts.iter().find_map(|c| chart(c)),
            SectionViewBody::Calendar(c) => chart(&c.chart),
            _ => None,
        })
    }

    /// The line under an exported chart image: where its figures come from ("来源：某局 · 标题"),
    /// and for a synthetic report, that it is synthetic.
    pub fn credit(&self) -> String {
        let t = ui(self.lang);
        let synthetic = if self.synthetic { t.synthetic_credit } else { "" };
        // A title that starts or ends with its publisher's name (临沂市生态环境局兰山分局关于…的
        // 报告; "… — Lanshan Branch, …") says it once. (Not `contains`: its string searcher
        // alone is 0.6 KB of wasm.)
        let by = match self.title.starts_with(&self.publisher) || self.title.ends_with(&self.publisher) {
            true => ["", ""],
            false => [&self.publisher, " · "],
        };
        [t.credit, t.colon, by[0], by[1], &self.title, synthetic].concat()
    }

    /// The section whose anchor a URL hash names (`#rw-air`), if it is in this report.
    pub fn section_for_hash(&self, hash: &str) -> Option<&SectionView> {
        let wanted = hash.strip_prefix('#').unwrap_or(hash);
        if wanted.is_empty() {
            return None;
        }
        self.sections.iter().find(|s| s.anchor == wanted)
    }
}

fn metric_card(report: &Report, m: &Metric, lang: Lang) -> MetricCard {
    let figure = format::figure(&m.value, m.qualifier, m.unit.as_ref(), lang);
    let change = metric_change(m, lang);
    let ranks: Vec<SummaryRank> = m
        .ranks
        .iter()
        .filter_map(|r| {
            let g = report.group(&r.group)?;
            Some(SummaryRank { group: &g.label, size: g.size, position: r.position, basis: r.basis })
        })
        .collect();
    let label = m.label.get(lang).to_string();
    let summary = format::metric_summary(
        &label,
        &figure,
        change.as_ref(),
        m.change.as_ref().and_then(|c| c.basis.as_ref()),
        &ranks,
        lang,
    );
    MetricCard {
        id: m.id.clone(),
        figure_text: figure.text(lang),
        badges: ranks
            .iter()
            .map(|r| format::rank_badge(r.group.get(lang), r.size, r.position, r.basis, lang))
            .collect(),
        label,
        figure,
        change,
        summary,
        note: opt(&m.note, lang),
        source: opt(&m.source, lang),
    }
}

fn metric_change(m: &Metric, lang: Lang) -> Option<ChangeText> {
    m.change.as_ref().map(|c| {
        format::change(&c.value, c.kind, m.direction, c.unit.as_ref().or(m.unit.as_ref()), c.basis.as_ref(), lang)
    })
}

/// How good a change is: positive for an improvement, whatever the figure's direction.
pub fn change_score(value: f64, direction: Direction) -> f64 {
    match direction {
        Direction::LowerIsBetter => -value,
        Direction::HigherIsBetter | Direction::Neutral => value,
    }
}

/// A text in `lang`, or nothing.
fn text_or_empty(text: Option<&Text>, lang: Lang) -> String {
    text.map(|t| t.get(lang).to_string()).unwrap_or_default()
}

fn ranking(report: &Report, body: &RankingBody, title: &str, lang: Lang) -> RankingView {
    let group = report.group(&body.group);
    let rows = body
        .rows
        .iter()
        .filter_map(|row| match &row.metric {
            Some(id) => {
                let m = report.metric(id)?;
                let rank = |basis: RankBasis| {
                    m.ranks.iter().find(|r| r.group == body.group && r.basis == basis).map(|r| r.position)
                };
                Some(RankingRowView {
                    label: m.label.get(lang).to_string(),
                    value: Some(format::figure(&m.value, m.qualifier, m.unit.as_ref(), lang).text(lang)),
                    value_num: Some(m.value.value()),
                    number: m.value.written().to_string(),
                    unit: text_or_empty(m.unit.as_ref(), lang),
                    change: metric_change(m, lang),
                    change_score: m.change.as_ref().map(|c| change_score(c.value.value(), m.direction)),
                    value_rank: rank(RankBasis::Value),
                    change_rank: rank(RankBasis::Change),
                })
            }
            None => Some(RankingRowView {
                label: row.label.as_ref()?.get(lang).to_string(),
                value: row.value.as_ref().map(|v| format::figure(v, None, row.unit.as_ref(), lang).text(lang)),
                value_num: row.value.as_ref().map(|v| v.value()),
                number: row.value.as_ref().map(|v| v.written().to_string()).unwrap_or_default(),
                unit: text_or_empty(row.unit.as_ref(), lang),
                change: None,
                change_score: None,
                value_rank: row.value_rank,
                change_rank: row.change_rank,
            }),
        })
        .collect::<Vec<RankingRowView>>();
    // One pass over the rows: bit `column as u8` is set when some row has that column's figure
    // (the label's always). Four scans, one per column, cost the wasm 38 B more.
    let present = rows.iter().fold(1u8, |bits, r| {
        bits | u8::from(r.value.is_some()) << SortColumn::Value as u8
            | u8::from(r.change.is_some()) << SortColumn::Change as u8
            | u8::from(r.value_rank.is_some()) << SortColumn::ValueRank as u8
            | u8::from(r.change_rank.is_some()) << SortColumn::ChangeRank as u8
    });
    let columns = SortColumn::ALL.into_iter().filter(|&column| present & 1 << column as u8 != 0).collect();
    RankingView {
        row_heading: body.row_heading.as_ref().map_or(ui(lang).col_item, |h| h.get(lang)).to_string(),
        value_heading: body.value_heading.as_ref().map_or(ui(lang).col_value, |h| h.get(lang)).to_string(),
        group_label: group.map(|g| g.label.get(lang).to_string()).unwrap_or_default(),
        group_size: group.map(|g| g.size).unwrap_or(0),
        rows: rows.into(),
        file: file_name(title),
        columns,
    }
}

impl RankingView {
    /// The table's caption for the section `title`: the title, with the group named after it
    /// unless the title starts or ends with it already ("五区排名", not "五区排名（五区）").
    pub fn caption(&self, title: &str, lang: Lang) -> String {
        let group = self.group_label.as_str();
        // (Not `contains`: a substring search would bring half a kilobyte of searcher into the wasm.)
        if title.starts_with(group) || title.ends_with(group) {
            title.to_string()
        } else {
            let t = ui(lang);
            format!("{}{}{}{}", title, t.paren_open, group, t.paren_close)
        }
    }

    /// A rank as the table shows it: in words for the meter's name ("五区第1名" / "1st of 5
    /// districts", which a screen reader says without a "slash"), and as "1 / 5" beside it.
    pub fn rank_texts(&self, position: u32, lang: Lang) -> (String, String) {
        let words = format::rank_badge(&self.group_label, self.group_size, position, RankBasis::Value, lang);
        (words, format!("{position} / {}", self.group_size))
    }

    /// The table as CSV rows (header first), in the given row order.
    #[cfg(feature = "messages")]
    pub fn csv_rows(&self, order: &[usize], lang: Lang) -> Vec<Vec<String>> {
        let t = ui(lang);
        let mut out = vec![vec![
            self.row_heading.clone(),
            self.value_heading.clone(),
            csv_words(lang).number.to_string(),
            csv_words(lang).unit.to_string(),
            t.col_change.to_string(),
            t.col_value_rank.to_string(),
            t.col_change_rank.to_string(),
            csv_words(lang).group_size.to_string(),
        ]];
        for &i in order {
            let Some(r) = self.rows.get(i) else { continue };
            let rank = |p: Option<u32>| p.map(|p| p.to_string()).unwrap_or_default();
            out.push(vec![
                r.label.clone(),
                r.value.clone().unwrap_or_default(),
                r.number.clone(),
                r.unit.clone(),
                r.change.as_ref().map(|c| c.phrase.clone()).unwrap_or_default(),
                rank(r.value_rank),
                rank(r.change_rank),
                self.group_size.to_string(),
            ]);
        }
        out
    }
}

fn case_stats(body: &CaseStatsBody, anchor: &str, title: &str, lang: Lang) -> CaseStatsView {
    let t = ui(lang);
    let rows = body
        .items
        .iter()
        .map(|item| {
            let unit = item.unit.as_ref();
            let figure_text = format::figure(&item.value, item.qualifier, unit, lang).display(lang);
            CaseRow {
                id: item.id.clone(),
                label: item.label.get(lang).to_string(),
                in_yuan: format::in_yuan(&item.value, item.qualifier, unit, lang),
                progress: item.resolved.as_ref().map(|done| {
                    let ratio = if item.value.value() > 0.0 { done.value() / item.value.value() } else { 0.0 };
                    // Out of a hedged total as written, the count with its unit too, so that the
                    // hedge stays with its number and a magnitude with both ("1.2万件 / 1.5万余件").
                    let (done_text, total) = match item.qualifier {
                        None => (format::number(done, lang), format::number(&item.value, lang)),
                        Some(_) => (format::figure(done, None, unit, lang).display(lang), figure_text.clone()),
                    };
                    Progress {
                        done: done_text,
                        total,
                        // Of nothing (0 / 0) there is no rate to give: none is made up.
                        percent: if item.value.is_zero() {
                            String::new()
                        } else {
                            format!("{}%", format::percent(done.value(), item.value.value()))
                        },
                        ratio: ratio.clamp(0.0, 1.0),
                    }
                }),
                figure_text,
                note: opt(&item.note, lang),
                source: opt(&item.source, lang),
            }
        })
        .collect();

    let mut charts = Vec::new();
    // The completion chart draws rates: an item of 0 has none.
    let resolved: Vec<&CaseItem> = body.items.iter().filter(|i| i.resolved.is_some() && !i.value.is_zero()).collect();
    if !resolved.is_empty() {
        charts.push(Rc::new(completion_chart(&resolved, format!("{anchor}_done"), title, lang)));
    }
    // One chart per unit that several items share: bars of different units never share an axis.
    // Units are told apart by their Chinese, so that both languages draw the same charts (an
    // English "case" for 1 and "cases" for 5 are one unit, 件).
    let mut groups: Vec<(String, Vec<&CaseItem>)> = Vec::new();
    for item in &body.items {
        let unit = text_or_empty(item.unit.as_ref(), Lang::Zh);
        match groups.iter_mut().find(|(u, _)| *u == unit) {
            Some((_, items)) => items.push(item),
            None => groups.push((unit, vec![item])),
        }
    }
    for (n, (_, items)) in groups.into_iter().filter(|(_, items)| items.len() >= 2).enumerate() {
        let units = chart_units(&items, lang);
        let chart_title = if units.is_empty() {
            title.to_string()
        } else {
            format!("{title}{}{units}{}", t.paren_open, t.paren_close)
        };
        charts.push(Rc::new(bar_chart(&items, format!("{anchor}_bars{n}"), chart_title, lang)));
    }
    CaseStatsView { rows, charts }
}

/// The units a bar chart's title names: every unit its items are shown in, once each. One Chinese
/// measure word can have several English names (件: "cases", "notices"), and an item of 1 has
/// the singular ("case"), which the plural beside it covers.
fn chart_units(items: &[&CaseItem], lang: Lang) -> String {
    let mut units: Vec<String> = Vec::new();
    for item in items {
        let unit = text_or_empty(item.unit.as_ref(), lang);
        if !unit.is_empty() && !units.contains(&unit) {
            units.push(unit);
        }
    }
    // A singular is a unit whose plural (+s, +es, y → ies) is also there: "case" beside "cases".
    let plural_of = |singular: &str, all: &[String]| {
        all.iter().any(|u| {
            u.strip_prefix(singular).is_some_and(|ending| ending == "s" || ending == "es")
                || singular.strip_suffix('y').is_some_and(|stem| u.strip_prefix(stem) == Some("ies"))
        })
    };
    let named: Vec<String> = units.iter().filter(|u| !plural_of(u, &units)).cloned().collect();
    named.join(ui(lang).name_sep)
}

/// The items joined by the language's list separator ("；" / "; ").
fn join_list(items: &[String], lang: Lang) -> String {
    items.join(ui(lang).list_sep)
}

fn bar_chart(items: &[&CaseItem], id: String, title: String, lang: Lang) -> ChartView {
    let t = ui(lang);
    let chart_items: Vec<ChartItem> = items
        .iter()
        .map(|item| {
            let label = item.label.get(lang).to_string();
            let value_text = format::figure(&item.value, item.qualifier, item.unit.as_ref(), lang).text(lang);
            let mut detail = format!("{label}{}{value_text}", t.colon);
            if let Some(note) = &item.note {
                detail.push_str(t.clause_sep);
                detail.push_str(note.get(lang));
            }
            let lower_bound =
                matches!(item.qualifier, Some(Qualifier::MoreThan | Qualifier::Over | Qualifier::AtLeast));
            ChartItem { label, value: item.value.value(), value_text, detail, marked: lower_bound }
        })
        .collect();
    let summary = bars_summary(t.bar_chart, &title, &chart_items, lang);
    let rows = chart_items.iter().map(|ci| vec![ci.label.clone(), ci.value_text.clone()]).collect();
    // The figure as shown, then as data: its qualifier apart, so that the number column is
    // never taken for an exact count (290余 is more than 290).
    #[cfg(feature = "messages")]
    let csv = std::iter::once(vec![
        t.col_item.to_string(),
        t.col_value.to_string(),
        csv_words(lang).qualifier.to_string(),
        csv_words(lang).number.to_string(),
        csv_words(lang).unit.to_string(),
    ])
    .chain(items.iter().zip(&chart_items).map(|(item, ci)| {
        vec![
            ci.label.clone(),
            ci.value_text.clone(),
            qualifier_words(item.qualifier, lang),
            item.value.written().to_string(),
            text_or_empty(item.unit.as_ref(), lang),
        ]
    }))
    .collect();
    ChartView {
        id,
        file: file_name(&title),
        kind: ChartKind::Bars,
        title,
        summary,
        table: TableView {
            headers: vec![t.col_item.to_string(), t.col_value.to_string()],
            rows,
            numeric: vec![false, true],
            #[cfg(feature = "messages")]
            csv,
        },
        items: chart_items,
        legend: items.len() >= 2,
        note: None,
    }
}

/// "条形图：环境执法（件），3项。最多：妥善解决举报热线信访 520件；最少：行政处罚案件 274件。"
/// Items tied for the most or the least are all named ("最多：A 370件、B 370件").
fn bars_summary(kind: &str, title: &str, items: &[ChartItem], lang: Lang) -> String {
    let t = ui(lang);
    let mut out = format!("{kind}{}{title}{}", t.colon, t.sentence_sep);
    out.push_str(&fill(t.n_items, &[("n", &items.len().to_string())]));
    let max = items.iter().map(|i| i.value).fold(f64::NEG_INFINITY, f64::max);
    let min = items.iter().map(|i| i.value).fold(f64::INFINITY, f64::min);
    if max > min {
        out.push_str(t.sentence_sep);
        for (word, value, after) in [(t.highest, max, t.list_sep), (t.lowest, min, t.full_stop)] {
            out.push_str(word);
            out.push_str(t.colon);
            for (n, item) in items.iter().filter(|i| i.value == value).enumerate() {
                if n > 0 {
                    out.push_str(t.name_sep);
                }
                out.push_str(&item.label);
                out.push(' ');
                out.push_str(&item.value_text);
            }
            out.push_str(after);
        }
    } else if !items.is_empty() {
        out.push_str(t.full_stop);
    }
    out
}

fn completion_chart(items: &[&CaseItem], id: String, title: &str, lang: Lang) -> ChartView {
    let t = ui(lang);
    let chart_title = format!("{title}{}{}{}", t.paren_open, t.completion, t.paren_close);
    let mut chart_items = Vec::new();
    let mut rows = Vec::new();
    // The unit beside the counts, and the rate's % in its heading: “98.9” before a 件 column
    // read as 98.9件.
    #[cfg(feature = "messages")]
    let mut csv = vec![vec![
        t.col_item.to_string(),
        t.col_done.to_string(),
        t.col_total.to_string(),
        csv_words(lang).unit.to_string(),
        csv_words(lang).rate.to_string(),
    ]];
    for item in items {
        let Some(done) = &item.resolved else { continue };
        let label = item.label.get(lang).to_string();
        let total = item.value.value();
        let percent = format::percent(done.value(), total);
        // As in the case list: a hedged total as written, and the count with its unit too.
        let unit = text_or_empty(item.unit.as_ref(), lang);
        let (done_text, total_text, unit_after) = match item.qualifier {
            // English spaces a unit from its number (kept on its line, as `format::figure` does);
            // the template has no space of its own: a count without one ends "6 resolved".
            None if lang == Lang::En && !unit.is_empty() => {
                (format::number(done, lang), format::number(&item.value, lang), format!("\u{a0}{unit}"))
            }
            None => (format::number(done, lang), format::number(&item.value, lang), unit.clone()),
            hedge => (
                format::figure(done, None, item.unit.as_ref(), lang).display(lang),
                format::figure(&item.value, hedge, item.unit.as_ref(), lang).display(lang),
                String::new(),
            ),
        };
        let value_text = format!("{done_text} / {total_text}{}{percent}%{}", t.paren_open, t.paren_close);
        let mut detail = fill(
            t.completion_detail,
            &[
                ("label", &label),
                ("done", &done_text),
                ("total", &total_text),
                ("unit", &unit_after),
                ("percent", &format!("{percent}%")),
            ],
        );
        if let Some(note) = &item.note {
            detail.push_str(t.clause_sep);
            detail.push_str(note.get(lang));
        }
        chart_items.push(ChartItem {
            label: label.clone(),
            value: percent.value().clamp(0.0, 100.0),
            value_text,
            detail,
            marked: done.value() < total,
        });
        #[cfg(feature = "messages")]
        csv.push(vec![
            label.clone(),
            done.written().to_string(),
            // The hedge kept ("3056余个"); the unit is in its column either way.
            if item.qualifier.is_some() { total_text.clone() } else { item.value.written().to_string() },
            unit,
            percent.written().to_string(),
        ]);
        rows.push(vec![label, done_text, total_text, format!("{percent}%")]);
    }
    let all_done = chart_items.iter().filter(|i| !i.marked).count();
    let mut summary = format!("{}{}{chart_title}{}", t.completion_chart, t.colon, t.sentence_sep);
    summary.push_str(&fill(
        t.completion_summary,
        &[("n", &chart_items.len().to_string()), ("done", &all_done.to_string())],
    ));
    let open: Vec<String> =
        chart_items.iter().filter(|i| i.marked).map(|i| format!("{} {}", i.label, i.value_text)).collect();
    if !open.is_empty() {
        summary.push_str(t.sentence_sep);
        summary.push_str(&join_list(&open, lang));
    }
    summary.push_str(t.full_stop);
    ChartView {
        id,
        file: file_name(&chart_title),
        kind: ChartKind::Completion,
        title: chart_title,
        summary,
        table: TableView {
            headers: vec![
                t.col_item.to_string(),
                t.col_done.to_string(),
                t.col_total.to_string(),
                t.col_rate.to_string(),
            ],
            rows,
            numeric: vec![false, true, true, true],
            #[cfg(feature = "messages")]
            csv,
        },
        legend: chart_items.len() >= 2,
        items: chart_items,
        note: Some(t.computed_footnote.to_string()),
    }
}

fn calendar(c: &CalendarBody, anchor: &str, title: &str, lang: Lang) -> CalendarView {
    let t = ui(lang);
    let label = c.label.get(lang).to_string();
    let mut items = Vec::new();
    let mut rows = Vec::new();
    #[cfg(feature = "messages")]
    let mut csv = vec![vec![
        t.col_month.to_string(),
        label.clone(),
        t.col_reward.to_string(),
        csv_words(lang).number.to_string(),
        csv_words(lang).unit.to_string(),
    ]];
    for m in 1..=12u32 {
        let marked = c.marked.iter().find(|mm| mm.month == m);
        let name = format::month(m, lang);
        let reward = marked.and_then(|mm| mm.reward.as_ref());
        let reward_text = reward.map(|r| format::figure(&r.value, None, r.unit.as_ref(), lang).text(lang));
        let status = if marked.is_some() { t.yes } else { t.no };
        let when = format::month_long(m, c.year, lang);
        let detail = match (&reward_text, marked.is_some()) {
            (Some(r), _) => format!("{when}{}{label}{}{} {r}", t.colon, t.list_sep, t.reward),
            (None, true) => format!("{when}{}{label}", t.colon),
            (None, false) => format!("{when}{}{}{}{label}{}", t.colon, t.no, t.paren_open, t.paren_close),
        };
        items.push(ChartItem {
            label: name.clone(),
            value: if marked.is_some() { 1.0 } else { 0.0 },
            value_text: reward_text.clone().unwrap_or_default(),
            detail,
            marked: marked.is_some(),
        });
        #[cfg(feature = "messages")]
        csv.push(vec![
            name.clone(),
            status.to_string(),
            reward_text.clone().unwrap_or_default(),
            reward.map(|r| r.value.written().to_string()).unwrap_or_default(),
            text_or_empty(reward.and_then(|r| r.unit.as_ref()), lang),
        ]);
        rows.push(vec![name, status.to_string(), reward_text.unwrap_or_default()]);
    }
    let marked_names: Vec<String> = items.iter().filter(|i| i.marked).map(|i| i.label.clone()).collect();
    let rewards: Vec<&str> =
        items.iter().filter(|i| i.marked && !i.value_text.is_empty()).map(|i| i.value_text.as_str()).collect();
    let year = format::year(c.year, lang);
    let chart_title = format!("{year}{}{label}", t.colon);
    let mut summary = format!("{}{}{chart_title}{}", t.month_chart, t.colon, t.sentence_sep);
    if marked_names.is_empty() {
        summary.push_str(t.none_marked);
    } else {
        summary.push_str(&marked_names.join(t.name_sep));
    }
    if !rewards.is_empty() && rewards.len() == marked_names.len() && rewards.iter().all(|r| *r == rewards[0]) {
        summary.push_str(t.list_sep);
        summary.push_str(&fill(t.each_reward, &[("r", rewards[0])]));
    }
    summary.push_str(t.full_stop);
    CalendarView {
        year: c.year,
        label: label.clone(),
        chart: Rc::new(ChartView {
            id: format!("{anchor}_months"),
            file: file_name(&format!("{title} {}", c.year)),
            kind: ChartKind::Months,
            title: chart_title,
            summary,
            items,
            table: TableView {
                headers: vec![t.col_month.to_string(), label, t.col_reward.to_string()],
                rows,
                numeric: vec![false, false, true],
                #[cfg(feature = "messages")]
                csv,
            },
            legend: false,
            note: None,
        }),
        source: opt(&c.source, lang),
    }
}
