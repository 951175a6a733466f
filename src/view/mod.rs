//! The view model: a validated `Report` turned into display-ready strings and numbers for
//! one language. Components render this and never look at the payload themselves.

use crate::format::{self, ChangeText, FigureParts};
use crate::model::{
    CaseStatsBody, Lang, Metric, RankBasis, RankingBody, Report, SectionBody, Text,
};

/// Everything the widget shows, formatted for one language.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportView {
    pub lang: Lang,
    pub title: String,
    pub publisher: String,
    pub date: String,
    pub period: Option<String>,
    pub synthetic: bool,
    pub note: Option<String>,
    pub sections: Vec<SectionView>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SectionView {
    /// Anchor id, unique within the widget.
    pub anchor: String,
    pub title: String,
    pub intro: Option<String>,
    pub body: SectionViewBody,
}

#[derive(Clone, Debug, PartialEq)]
pub enum SectionViewBody {
    Metrics(Vec<MetricCard>),
    Ranking(RankingTable),
    CaseStats(CaseStatsView),
    Calendar(CalendarView),
    Highlights(Vec<HighlightView>),
    Narrative(Vec<String>),
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
    pub note: Option<String>,
    pub source: Option<String>,
}

/// A table of ranks within one group.
#[derive(Clone, Debug, PartialEq)]
pub struct RankingTable {
    pub group_label: String,
    pub group_size: u32,
    pub rows: Vec<RankingRowView>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RankingRowView {
    pub label: String,
    pub value: Option<String>,
    pub change: Option<ChangeText>,
    pub value_rank: Option<u32>,
    pub change_rank: Option<u32>,
}

/// Case statistics: a row per item, plus a bar chart per unit shared by several items.
#[derive(Clone, Debug, PartialEq)]
pub struct CaseStatsView {
    pub rows: Vec<CaseRow>,
    pub charts: Vec<BarChartData>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CaseRow {
    pub id: String,
    pub label: String,
    pub figure_text: String,
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

/// Bars of items that share one unit.
#[derive(Clone, Debug, PartialEq)]
pub struct BarChartData {
    pub unit: String,
    pub bars: Vec<Bar>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub value_text: String,
}

/// Twelve months, some marked.
#[derive(Clone, Debug, PartialEq)]
pub struct CalendarView {
    pub year: i32,
    pub label: String,
    pub months: Vec<MonthCell>,
    pub source: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MonthCell {
    pub name: String,
    pub marked: bool,
    pub reward: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct HighlightView {
    pub title: String,
    pub text: String,
}

fn opt(text: &Option<Text>, lang: Lang) -> Option<String> {
    text.as_ref().map(|t| t.get(lang).to_string())
}

impl ReportView {
    /// Builds the view of a validated report. References that do not resolve (which
    /// validation already refuses) are skipped rather than panicking.
    pub fn new(report: &Report, lang: Lang) -> ReportView {
        let meta = &report.meta;
        let sections = report
            .sections
            .iter()
            .map(|s| SectionView {
                anchor: format!("rw-{}", s.id),
                title: s.title.get(lang).to_string(),
                intro: opt(&s.intro, lang),
                body: match &s.body {
                    SectionBody::Metrics(m) => {
                        SectionViewBody::Metrics(m.items.iter().map(|i| metric_card(report, i, lang)).collect())
                    }
                    SectionBody::Ranking(r) => SectionViewBody::Ranking(ranking(report, r, lang)),
                    SectionBody::CaseStats(c) => SectionViewBody::CaseStats(case_stats(c, lang)),
                    SectionBody::Calendar(c) => SectionViewBody::Calendar(CalendarView {
                        year: c.year,
                        label: c.label.get(lang).to_string(),
                        months: (1..=12)
                            .map(|m| {
                                let marked = c.marked.iter().find(|mm| mm.month == m);
                                MonthCell {
                                    name: format::month(m, lang),
                                    marked: marked.is_some(),
                                    reward: marked.and_then(|mm| mm.reward.as_ref()).map(|r| {
                                        format::figure(&r.value, None, r.unit.as_ref(), lang).text(lang)
                                    }),
                                }
                            })
                            .collect(),
                        source: opt(&c.source, lang),
                    }),
                    SectionBody::Highlights(h) => SectionViewBody::Highlights(
                        h.items
                            .iter()
                            .map(|i| HighlightView { title: i.title.get(lang).to_string(), text: i.text.get(lang).to_string() })
                            .collect(),
                    ),
                    SectionBody::Narrative(n) => {
                        SectionViewBody::Narrative(n.paragraphs.iter().map(|p| p.get(lang).to_string()).collect())
                    }
                },
            })
            .collect();
        ReportView {
            lang,
            title: meta.title.get(lang).to_string(),
            publisher: meta.publisher.get(lang).to_string(),
            date: format::date(&meta.date, lang),
            period: opt(&meta.period, lang),
            synthetic: meta.synthetic,
            note: opt(&meta.note, lang),
            sections,
        }
    }
}

fn metric_card(report: &Report, m: &Metric, lang: Lang) -> MetricCard {
    let figure = format::figure(&m.value, m.qualifier, m.unit.as_ref(), lang);
    MetricCard {
        id: m.id.clone(),
        label: m.label.get(lang).to_string(),
        figure_text: figure.text(lang),
        figure,
        change: metric_change(m, lang),
        badges: m
            .ranks
            .iter()
            .filter_map(|r| {
                let g = report.group(&r.group)?;
                Some(format::rank_badge(&g.label, g.size, r.position, r.basis, lang))
            })
            .collect(),
        note: opt(&m.note, lang),
        source: opt(&m.source, lang),
    }
}

fn metric_change(m: &Metric, lang: Lang) -> Option<ChangeText> {
    m.change.as_ref().map(|c| {
        format::change(&c.value, c.kind, m.direction, m.unit.as_ref(), c.basis.as_ref(), lang)
    })
}

fn ranking(report: &Report, body: &RankingBody, lang: Lang) -> RankingTable {
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
                    change: metric_change(m, lang),
                    value_rank: rank(RankBasis::Value),
                    change_rank: rank(RankBasis::Change),
                })
            }
            None => Some(RankingRowView {
                label: row.label.as_ref()?.get(lang).to_string(),
                value: row.value.as_ref().map(|v| format::figure(v, None, row.unit.as_ref(), lang).text(lang)),
                change: None,
                value_rank: row.value_rank,
                change_rank: row.change_rank,
            }),
        })
        .collect();
    RankingTable {
        group_label: group.map(|g| g.label.get(lang).to_string()).unwrap_or_default(),
        group_size: group.map(|g| g.size).unwrap_or(0),
        rows,
    }
}

fn case_stats(body: &CaseStatsBody, lang: Lang) -> CaseStatsView {
    let rows = body
        .items
        .iter()
        .map(|item| {
            let unit = item.unit.as_ref();
            CaseRow {
                id: item.id.clone(),
                label: item.label.get(lang).to_string(),
                figure_text: format::figure(&item.value, item.qualifier, unit, lang).text(lang),
                progress: item.resolved.as_ref().map(|done| {
                    let ratio = if item.value.value() > 0.0 { done.value() / item.value.value() } else { 0.0 };
                    Progress {
                        done: format::number(done, lang),
                        total: format::number(&item.value, lang),
                        percent: format!("{}%", format::percent(done.value(), item.value.value())),
                        ratio: ratio.clamp(0.0, 1.0),
                    }
                }),
                note: opt(&item.note, lang),
                source: opt(&item.source, lang),
            }
        })
        .collect();
    // One chart per unit that several items share: bars of different units never share an axis.
    let mut charts: Vec<BarChartData> = Vec::new();
    for item in &body.items {
        let unit = item.unit.as_ref().map(|u| u.get(lang).to_string()).unwrap_or_default();
        let bar = Bar {
            label: item.label.get(lang).to_string(),
            value: item.value.value(),
            value_text: format::figure(&item.value, item.qualifier, item.unit.as_ref(), lang).text(lang),
        };
        match charts.iter_mut().find(|c| c.unit == unit) {
            Some(chart) => chart.bars.push(bar),
            None => charts.push(BarChartData { unit, bars: vec![bar] }),
        }
    }
    charts.retain(|c| c.bars.len() >= 2);
    CaseStatsView { rows, charts }
}
