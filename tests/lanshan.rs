//! The Lanshan 2021 payload: it validates, every figure in it is in the report's own text,
//! and the native render of the same components shows them with units and qualifiers.

mod common;

use common::{malformed_tag, text_of, with_hostile_texts, HOSTILE};
use report_widget::format;
use report_widget::model::{Decimal, Lang, Report, SectionBody};
use report_widget::report::{render_to_string, Outcome};
use report_widget::validate;
use report_widget::view::ReportView;
use std::rc::Rc;

const PAYLOAD: &str = include_str!("../www/reports/lanshan-2021.json");
const SOURCE: &str = include_str!("fixtures/lanshan-2021-source.txt");

/// The rendered HTML without the folded source sentences (`<details class="rw-source">`), so a
/// figure counts as shown only where the widget itself shows it.
fn without_sources(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find("<details class=\"rw-source\">") {
        out.push_str(&rest[..start]);
        let end = rest[start..].find("</details>").map_or(rest.len(), |e| start + e + "</details>".len());
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn render(lang: Lang) -> String {
    text_of(&without_sources(&render_to_string(Outcome::Report(Rc::new(ReportView::new(&lanshan(), lang))))))
}

fn lanshan() -> Report {
    validate::load(PAYLOAD).unwrap_or_else(|e| panic!("the Lanshan payload must be valid: {e}"))
}

/// Every number the payload states, with where it is.
fn all_figures(report: &Report) -> Vec<(String, Decimal)> {
    let mut out = Vec::new();
    for s in &report.sections {
        match &s.body {
            SectionBody::Metrics(m) => {
                for i in &m.items {
                    out.push((format!("{}.value", i.id), i.value.clone()));
                    if let Some(c) = &i.change {
                        out.push((format!("{}.change", i.id), c.value.abs()));
                    }
                }
            }
            SectionBody::CaseStats(c) => {
                for i in &c.items {
                    out.push((format!("{}.value", i.id), i.value.clone()));
                    if let Some(r) = &i.resolved {
                        out.push((format!("{}.resolved", i.id), r.clone()));
                    }
                }
            }
            SectionBody::Calendar(c) => {
                for m in &c.marked {
                    out.push((format!("{}.month", s.id), Decimal::parse(&m.month.to_string()).unwrap()));
                    if let Some(r) = &m.reward {
                        out.push((format!("{}.reward", s.id), r.value.clone()));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

#[test]
fn a_chart_image_credits_the_report_and_says_when_it_is_synthetic() {
    let view = ReportView::new(&lanshan(), Lang::Zh);
    // The title names its publisher: said once (it read 来源：临沂市生态环境局兰山分局 · 临沂市…).
    assert_eq!(view.credit(), "来源：临沂市生态环境局兰山分局关于2021年度法治政府建设情况的报告");
    let en = ReportView::new(&lanshan(), Lang::En);
    assert!(en.title.ends_with(&en.publisher) && en.credit() == format!("Source: {}", en.title), "{}", en.credit());
    let mut other = lanshan();
    other.meta.title.zh = "2021年度法治政府建设情况的报告".into();
    assert_eq!(
        ReportView::new(&other, Lang::Zh).credit(),
        "来源：临沂市生态环境局兰山分局 · 2021年度法治政府建设情况的报告"
    );
    let mut synthetic = lanshan();
    synthetic.meta.synthetic = true;
    assert!(ReportView::new(&synthetic, Lang::Zh).credit().ends_with(" · 合成数据"));
    assert!(ReportView::new(&synthetic, Lang::En).credit().ends_with(" · synthetic data"));
}

#[test]
fn the_payload_is_valid() {
    let report = lanshan();
    assert_eq!(report.sections.len(), 9);
    assert!(!report.meta.synthetic, "the Lanshan payload is real data");
}

#[test]
fn no_figure_is_invented() {
    let report = lanshan();
    let figures = all_figures(&report);
    assert!(figures.len() > 40, "the payload carries the report's figures ({} found)", figures.len());
    for (place, value) in figures {
        let written = value.written();
        let chinese = format::number(&value, Lang::Zh);
        // Flat changes are written "持平" in the report, not as a number.
        let flat = place.ends_with(".change") && value.is_zero() && SOURCE.contains("持平");
        assert!(
            flat || stands_alone(written) || stands_alone(&chinese),
            "{place} = {written} ({chinese}) is not in the report's text"
        );
    }
}

/// Whether `number` is in the report's text as a number of its own: "3" inside "2021" or
/// "4.73" does not count.
fn stands_alone(number: &str) -> bool {
    let part_of_number = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || c == '.');
    SOURCE.match_indices(number).any(|(at, _)| {
        !part_of_number(SOURCE[..at].chars().next_back()) && !part_of_number(SOURCE[at + number.len()..].chars().next())
    })
}

#[test]
fn figures_keep_their_precision_and_direction() {
    let report = lanshan();
    let o3 = report.metric("o3").expect("o3");
    let change = o3.change.as_ref().expect("o3 change");
    assert_eq!(change.value.written(), "-6.0");
    assert!(render(Lang::Zh).contains("同比改善6.0%"));
}

#[test]
fn the_chinese_render_shows_every_kind_of_figure() {
    let html = render(Lang::Zh);
    for expected in [
        "4.73",
        "五区第1名",
        "改善幅度五区第1名",
        "同比改善8.2%",
        "231",
        "同比增加3天",
        "μg/m³",
        "mg/m³",
        "同比持平",
        "五区第5名",
        "5020余人次",
        "8110余家次",
        "1813.4469万元",
        "290余件",
        "超过20万",
        "超过4000",
        "670余条",
        "366 / 370",
        "98.9%",
        "奖励 100万",
        "4月",
        "10月",
        "2022年3月3日",
    ] {
        assert!(html.contains(expected), "the render lacks {expected:?}");
    }
}

#[test]
fn the_english_render_uses_english_labels_and_numbers() {
    let html = render(Lang::En);
    for expected in [
        "1st of 5 districts",
        "improved 8.2% year on year",
        "up 3 days year on year",
        "unchanged year on year",
        "more than 5,020 person-times",
        "1,813.4469 × 10,000 yuan",
        "more than 200,000",
        "PM2.5 concentration",
        "3 March 2022",
    ] {
        assert!(html.contains(expected), "the English render lacks {expected:?}");
    }
}

#[test]
fn payload_text_is_escaped_in_the_render() {
    let text = PAYLOAD.replacen("综合指数", "<img src=x onerror=alert(1)></script>", 1);
    let report = validate::load(&text).expect("still valid");
    let html = render_to_string(Outcome::Report(Rc::new(ReportView::new(&report, Lang::Zh))));
    assert!(!html.contains("<img src=x"));
    assert!(html.contains("&lt;img src=x"));
}

#[test]
fn every_text_of_the_payload_is_written_as_text() {
    let report = validate::load(&with_hostile_texts(PAYLOAD)).expect("still valid");
    let html = render_to_string(Outcome::Report(Rc::new(ReportView::new(&report, Lang::Zh))));
    assert!(!html.contains("<img"), "no payload text becomes an element");
    assert_eq!(malformed_tag(&html), None, "nor ends an attribute");
    let shown = text_of(&html).matches(HOSTILE).count();
    let given = with_hostile_texts(PAYLOAD).matches("onerror").count();
    assert!(shown >= given, "each of the {given} texts is shown as written, found {shown}");
}
