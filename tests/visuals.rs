//! The visuals' pure logic, natively: sorting, CSV, summaries, chart geometry and exports,
//! themes, and the server-rendered markup's accessibility contract (every chart an image
//! with a summary and a data table, no inline style, deterministic output).

use report_widget::charts::{self, export};
use report_widget::format;
use report_widget::model::{Lang, Report};
use report_widget::report::{render_themed, render_to_string, Outcome};
use report_widget::validate;
use report_widget::view::{
    sort_order, ChartAction, ChartKind, ChartState, ChartView, RankingRowView, ReportView, Scheme, SectionViewBody,
    SortColumn, SortDir, Theme,
};
use std::rc::Rc;

const PAYLOAD: &str = include_str!("../www/reports/lanshan-2021.json");

fn lanshan() -> Report {
    validate::load(PAYLOAD).expect("the Lanshan payload is valid")
}

fn view(lang: Lang) -> ReportView {
    ReportView::new(&lanshan(), lang)
}

fn charts_of(view: &ReportView) -> Vec<&ChartView> {
    view.sections
        .iter()
        .flat_map(|s| match &s.body {
            SectionViewBody::CaseStats(c) => c.charts.iter().map(|c| &**c).collect::<Vec<_>>(),
            SectionViewBody::Calendar(c) => vec![&*c.chart],
            _ => vec![],
        })
        .collect()
}

fn ranking(view: &ReportView) -> &report_widget::view::RankingView {
    view.sections
        .iter()
        .find_map(|s| match &s.body {
            SectionViewBody::Ranking(r) => Some(r),
            _ => None,
        })
        .expect("a ranking section")
}

fn labels(rows: &[RankingRowView], order: &[usize]) -> Vec<String> {
    order.iter().map(|&i| rows[i].label.clone()).collect()
}

#[test]
fn the_ranking_sorts_by_every_column_both_ways() {
    let v = view(Lang::Zh);
    let rows = &ranking(&v).rows;
    assert_eq!(ranking(&v).columns, SortColumn::ALL, "the report has a figure for every column");
    assert_eq!(
        labels(rows, &sort_order(rows, None, None)),
        ["综合指数", "PM2.5浓度", "PM10浓度", "O3浓度"],
        "payload order first"
    );
    let by = |c, d| labels(rows, &sort_order(rows, Some((c, d)), None));
    assert_eq!(by(SortColumn::Value, SortDir::Ascending), ["综合指数", "PM2.5浓度", "PM10浓度", "O3浓度"]);
    assert_eq!(by(SortColumn::Value, SortDir::Descending), ["O3浓度", "PM10浓度", "PM2.5浓度", "综合指数"]);
    // Value ranks 1, 4, 1, 5: ties keep the payload's order.
    assert_eq!(by(SortColumn::ValueRank, SortDir::Ascending), ["综合指数", "PM10浓度", "PM2.5浓度", "O3浓度"]);
    assert_eq!(by(SortColumn::ValueRank, SortDir::Descending), ["O3浓度", "PM2.5浓度", "综合指数", "PM10浓度"]);
    // Improvement: PM10 −10.5%, PM2.5 −10.2%, composite −8.2%, O3 −6.0% (lower is better).
    assert_eq!(by(SortColumn::Change, SortDir::Descending), ["PM10浓度", "PM2.5浓度", "综合指数", "O3浓度"]);
    assert_eq!(by(SortColumn::Change, SortDir::Ascending), ["O3浓度", "综合指数", "PM2.5浓度", "PM10浓度"]);
    assert_eq!(by(SortColumn::ChangeRank, SortDir::Descending)[0], "PM2.5浓度");
    assert_eq!(by(SortColumn::Label, SortDir::Ascending), ["O3浓度", "PM10浓度", "PM2.5浓度", "综合指数"]);
    // With the browser's collation ranks (the loader's Intl.Collator): they decide, and equal
    // ranks keep the payload's order whichever the direction.
    let ranks = [0, 1, 1, 2];
    let with = |d| labels(rows, &sort_order(rows, Some((SortColumn::Label, d)), Some(&ranks)));
    assert_eq!(with(SortDir::Ascending), ["综合指数", "PM2.5浓度", "PM10浓度", "O3浓度"]);
    assert_eq!(with(SortDir::Descending), ["O3浓度", "PM2.5浓度", "PM10浓度", "综合指数"]);
}

#[test]
fn rows_without_the_sorted_figure_come_last_either_way() {
    let row = |label: &str, rank: Option<u32>| RankingRowView {
        label: label.into(),
        value: None,
        value_num: None,
        number: String::new(),
        unit: String::new(),
        change: None,
        change_score: None,
        value_rank: rank,
        change_rank: None,
    };
    let rows = vec![row("a", None), row("b", Some(2)), row("c", Some(1))];
    for dir in [SortDir::Ascending, SortDir::Descending] {
        let order = sort_order(&rows, Some((SortColumn::ValueRank, dir)), None);
        assert_eq!(order[2], 0, "{dir:?}: the row without a rank is last");
    }
    assert_eq!(sort_order(&rows, Some((SortColumn::ValueRank, SortDir::Ascending)), None), [2, 1, 0]);
    assert_eq!(SortDir::Ascending.aria(), "ascending");
    assert_eq!(SortDir::Ascending.flip(), SortDir::Descending);
}

#[test]
fn csv_has_a_bom_crlf_and_quotes_what_needs_quoting() {
    let rows = vec![
        vec!["指标".to_string(), "数值".to_string()],
        vec!["综合指数, PM".to_string(), "say \"hi\"".to_string()],
        vec!["=1+1".to_string(), "-8.2".to_string()],
        vec!["two\nlines".to_string(), "@SUM(A1)".to_string()],
    ];
    let text = format::csv(&rows);
    assert!(text.starts_with('\u{feff}'));
    assert_eq!(text.as_bytes()[..3], [0xEF, 0xBB, 0xBF], "UTF-8 byte order mark");
    let body = &text['\u{feff}'.len_utf8()..];
    assert_eq!(body, "指标,数值\r\n\"综合指数, PM\",\"say \"\"hi\"\"\"\r\n'=1+1,-8.2\r\n\"two\nlines\",'@SUM(A1)\r\n");
    // A sign before anything but a plain number is a formula to a spreadsheet ("+86 12345" is
    // an intersection, "-5%下降" a #NAME?): kept as text. Plain numbers stay numbers.
    for (field, written) in [
        ("+86 12345", "'+86 12345"),
        ("-5%下降", "'-5%下降"),
        ("+HYPERLINK(\"http://x\",\"y\")", "\"'+HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""),
        ("-1.2.3", "'-1.2.3"),
        ("-", "'-"),
        ("-0.5", "-0.5"),
        ("-3.2%", "-3.2%"),
        ("+1.5%", "+1.5%"),
        ("-%", "'-%"),
        ("\nx", "\"'\nx\""),
        ("+12", "+12"),
        ("-.5", "-.5"),
    ] {
        assert_eq!(format::csv_field(field), written, "{field}");
    }
}

#[test]
fn the_ranking_csv_follows_the_sorted_order() {
    let v = view(Lang::Zh);
    let table = ranking(&v);
    let order = sort_order(&table.rows, Some((SortColumn::Value, SortDir::Descending)), None);
    let rows = table.csv_rows(&order, Lang::Zh);
    assert_eq!(rows[0], ["指标", "数值", "数字", "单位", "同比变化", "数值排名", "改善幅度排名", "参与排名数"]);
    // The figure as shown, then its digits and unit apart, for a spreadsheet to compute with.
    assert_eq!(rows[1], ["O3浓度", "171μg/m³", "171", "μg/m³", "同比改善6.0%", "5", "1", "5"]);
    assert_eq!(rows.len(), 5);
    let en = ReportView::new(&lanshan(), Lang::En);
    let rows = ranking(&en).csv_rows(&[0], Lang::En);
    assert_eq!(rows[1][0], "Composite air-quality index");
}

#[test]
fn amounts_in_wan_yuan_are_shown_as_written_with_their_value_in_yuan_on_demand() {
    let v = view(Lang::Zh);
    let fines = v
        .sections
        .iter()
        .find_map(|s| match &s.body {
            SectionViewBody::CaseStats(c) => c.rows.iter().find(|r| r.id == "fines"),
            _ => None,
        })
        .expect("the fines row");
    // Every digit the report gives, never rounded.
    assert_eq!(fines.figure_text, "1813.4469万元");
    assert_eq!(fines.in_yuan.as_deref(), Some("18134469元"));
    let d = |s: &str| report_widget::model::Decimal::parse(s).unwrap();
    let wan = report_widget::model::Text::bilingual("万元", "× 10,000 yuan");
    assert_eq!(format::in_yuan(&d("1813.4469"), None, Some(&wan), Lang::En).unwrap(), "18,134,469 yuan");
    assert_eq!(format::in_yuan(&d("36.5"), None, Some(&wan), Lang::Zh).unwrap(), "365000元");
    // A bound stays a bound.
    let more = Some(report_widget::model::Qualifier::MoreThan);
    assert_eq!(format::in_yuan(&d("20"), more, Some(&wan), Lang::Zh).unwrap(), "超过200000元");
    assert_eq!(format::in_yuan(&d("20"), more, Some(&wan), Lang::En).unwrap(), "more than 200,000 yuan");
    assert!(format::in_yuan(&d("5"), None, Some(&report_widget::model::Text::new("件")), Lang::Zh).is_none());
}

#[test]
fn shifting_works_on_the_written_digits() {
    let d = |s: &str| report_widget::model::Decimal::parse(s).unwrap();
    let s = |v: &str, n| format::shift(&d(v), n).written().to_string();
    assert_eq!(s("1813.4469", 4), "18134469");
    assert_eq!(s("36.5", 4), "365000");
    assert_eq!(s("0.00012", 4), "1.2");
    assert_eq!(s("-1.5", 1), "-15");
    assert_eq!(s("0.5", 0), "0.5");
}

#[test]
fn card_summaries_say_direction_and_rank_in_plain_words() {
    let zh = view(Lang::Zh);
    let en = view(Lang::En);
    let card = |v: &ReportView, id: &str| {
        v.sections
            .iter()
            .find_map(|s| match &s.body {
                SectionViewBody::Metrics(m) => m.cards.iter().find(|c| c.id == id).map(|c| c.summary.clone()),
                _ => None,
            })
            .unwrap()
    };
    assert_eq!(card(&zh, "pm25"), "PM2.5浓度为44μg/m³，比上年下降10.2%，情况好转；在五区中排第4，改善幅度排第4。");
    assert_eq!(card(&zh, "no2"), "NO2浓度为32μg/m³，与上年持平。");
    assert_eq!(card(&zh, "good-days"), "优良天数为231天，比上年增加3天，情况好转。");
    assert_eq!(card(&zh, "wechat-reads"), "微信动态阅读量超过20万。");
    assert_eq!(
        card(&en, "o3"),
        "O3 concentration: 171 μg/m³, 6.0% lower than the year before (an improvement); 5th of 5 districts, 1st for improvement."
    );
    assert_eq!(
        card(&en, "good-days"),
        "Days with good air quality: 231 days, up 3 days from the year before (an improvement)."
    );
    let air = zh.sections.iter().find_map(|s| match &s.body {
        SectionViewBody::Metrics(m) => m.summary.clone(),
        _ => None,
    });
    assert_eq!(air.as_deref(), Some("与上年相比，8项指标中7项好转、1项持平。"));
}

#[test]
fn a_worsening_reads_as_one_in_the_summary() {
    use report_widget::model::{ChangeKind, Decimal, Direction, Text};
    let d = |s: &str| Decimal::parse(s).unwrap();
    let unit = Text::new("μg/m³");
    let fig = format::figure(&d("48"), None, Some(&unit), Lang::Zh);
    let up = format::change(&d("5.0"), ChangeKind::Percent, Direction::LowerIsBetter, Some(&unit), None, Lang::Zh);
    assert_eq!(
        format::metric_summary("PM2.5浓度", &fig, Some(&up), None, &[], Lang::Zh),
        "PM2.5浓度为48μg/m³，比上年上升5.0%，情况变差。"
    );
    let pts = format::change(&d("-1.5"), ChangeKind::Points, Direction::HigherIsBetter, None, None, Lang::En);
    let fig = format::figure(&d("97.0"), None, Some(&Text::new("%")), Lang::En);
    assert_eq!(
        format::metric_summary("Coverage", &fig, Some(&pts), None, &[], Lang::En),
        "Coverage: 97.0%, 1.5 percentage points lower than the year before (a deterioration)."
    );
    // An amount in the figure's unit is up or down, whether counted or measured.
    let ug = Text::new("μg/m³");
    let less = format::change(&d("-0.0001"), ChangeKind::Absolute, Direction::LowerIsBetter, Some(&ug), None, Lang::En);
    let fig = format::figure(&d("0.0004"), None, Some(&ug), Lang::En);
    assert_eq!(
        format::metric_summary("Benzo[a]pyrene", &fig, Some(&less), None, &[], Lang::En),
        "Benzo[a]pyrene: 0.0004 μg/m³, down 0.0001 μg/m³ from the year before (an improvement)."
    );
    let days = Text::bilingual("天", "days");
    let fewer = format::change(&d("-3"), ChangeKind::Absolute, Direction::HigherIsBetter, Some(&days), None, Lang::En);
    let fig = format::figure(&d("228"), None, Some(&days), Lang::En);
    assert_eq!(
        format::metric_summary("Good days", &fig, Some(&fewer), None, &[], Lang::En),
        "Good days: 228 days, down 3 days from the year before (a deterioration)."
    );
    let fig = format::figure(&d("97.0"), None, Some(&Text::new("%")), Lang::En);
    let basis = Text::bilingual("环比", "month on month");
    let flat = format::change(&d("0"), ChangeKind::Percent, Direction::Neutral, None, Some(&basis), Lang::Zh);
    assert_eq!(
        format::metric_summary("用水量", &fig, Some(&flat), Some(&basis), &[], Lang::Zh),
        "用水量为97.0%，环比持平。"
    );
    let bad = [&up, &pts];
    assert_eq!(
        format::section_summary(&bad, Lang::En).as_deref(),
        Some("Compared with the year before, of 2 figures: 2 worse.")
    );
}

#[test]
fn a_charts_summary_names_the_items_its_legend_hides() {
    for (lang, said, sep, stop) in
        [(Lang::Zh, "图例隐藏了2项：", "、", "。"), (Lang::En, " Hidden in the legend (2): ", ", ", ".")]
    {
        let v = view(lang);
        let chart = charts_of(&v).into_iter().find(|c| c.kind == ChartKind::Bars && c.items.len() >= 3).unwrap();
        let none = vec![false; chart.items.len()];
        assert_eq!(chart.summary_shown(&none, lang), chart.summary, "nothing hidden: the chart's summary");
        // Hide the first and the last item.
        let mut hidden = none.clone();
        hidden[0] = true;
        *hidden.last_mut().unwrap() = true;
        let shown = chart.summary_shown(&hidden, lang);
        assert!(shown.starts_with(&chart.summary), "{shown}");
        let (first, last) = (&chart.items[0].label, &chart.items.last().unwrap().label);
        assert_eq!(&shown[chart.summary.len()..], format!("{said}{first}{sep}{last}{stop}"), "{shown}");
    }
}

#[test]
fn charts_have_summaries_tables_and_the_computed_completion() {
    let v = view(Lang::Zh);
    let charts = charts_of(&v);
    assert_eq!(charts.iter().filter(|c| c.kind == ChartKind::Months).count(), 1);
    assert_eq!(charts.iter().filter(|c| c.kind == ChartKind::Completion).count(), 1);
    assert!(charts.iter().filter(|c| c.kind == ChartKind::Bars).count() >= 3);
    for c in &charts {
        assert!(!c.summary.is_empty() && c.summary.contains(&c.title), "{} has a summary naming it", c.id);
        assert_eq!(c.table.rows.len(), c.items.len(), "{}: a table row per item", c.id);
        assert_eq!(c.table.csv.len(), c.items.len() + 1, "{}: CSV header + a row per item", c.id);
        assert_eq!(c.table.numeric.len(), c.table.headers.len());
    }
    let done = charts.iter().find(|c| c.kind == ChartKind::Completion).unwrap();
    let hotline = done.items.iter().find(|i| i.label.starts_with("市突出")).unwrap();
    assert_eq!(hotline.value_text, "366 / 370（98.9%）");
    assert!(hotline.marked, "not all resolved");
    assert!(hotline.detail.contains("98.9%（计算）"));
    assert!(done.note.as_deref().unwrap_or_default().contains("计算"));
    assert!(done.summary.contains("5项中4项全部办结"));
    let months = charts.iter().find(|c| c.kind == ChartKind::Months).unwrap();
    let marked: Vec<&str> = months.items.iter().filter(|i| i.marked).map(|i| i.label.as_str()).collect();
    assert_eq!(marked, ["4月", "8月", "9月", "10月"]);
    assert!(months.items[3].detail.contains("奖励 100万"));
    assert!(months.summary.contains("4月、8月、9月、10月") && months.summary.contains("各奖励100万"));
    // In English, with or without a unit, one space between words.
    let en = view(Lang::En);
    for item in charts_of(&en).iter().flat_map(|c| &c.items) {
        assert!(!item.detail.contains("  "), "{:?}", item.detail);
    }
    let done_en = charts_of(&en).into_iter().find(|c| c.kind == ChartKind::Completion).unwrap();
    assert!(done_en.items.iter().any(|i| i.detail.contains(" of 370\u{a0}cases resolved")), "{:?}", done_en.items);
    // A hedged total carries its unit, and a count may have none: no unit after either.
    let cases = r#"{"schema":"report-widget/1","meta":{"title":{"zh":"合成数据","en":"Synthetic"},"publisher":{"zh":"测试","en":"Test"},"date":"2022-01-01","synthetic":true},
        "sections":[{"id":"c","title":{"zh":"案件","en":"Cases"},"kind":"case_stats","items":[
        {"id":"a","label":{"zh":"信访","en":"Petitions"},"value":1230,"qualifier":"over","unit":{"zh":"件","en":"cases"},"resolved":1198},
        {"id":"b","label":{"zh":"问题","en":"Problems"},"value":6,"resolved":5}]}]}"#;
    let report = validate::load(cases).expect("a valid synthetic payload");
    let view = ReportView::new(&report, Lang::En);
    let details: Vec<&str> = charts_of(&view)
        .into_iter()
        .filter(|c| c.kind == ChartKind::Completion)
        .flat_map(|c| c.items.iter().map(|i| i.detail.as_str()))
        .collect();
    assert_eq!(
        details,
        [
            "Petitions: 1,198\u{a0}cases of more than 1,230\u{a0}cases resolved, 97.4% (computed)",
            "Problems: 5 of 6 resolved, 83.3% (computed)"
        ]
    );
    // Two items tied for the most are both named, each with its figure as written.
    let petitions =
        charts.iter().find(|c| c.items.iter().any(|i| i.label.starts_with("市突出")) && c.kind == ChartKind::Bars);
    let petitions = petitions.expect("the petitions' bar chart");
    assert!(
        petitions.summary.contains("最多：省第二轮环保督查反馈信访 370件、市突出生态环境举报热线交办信访 370件；"),
        "{}",
        petitions.summary
    );
    let notices = charts.iter().flat_map(|c| &c.items).find(|i| i.label == "下达违法行为限期改正通知书").unwrap();
    assert!(notices.marked, "290余 is a lower bound");
}

#[test]
fn only_a_lower_bound_marks_its_bar() {
    // Another bureau's counts (synthetic), one per qualifier: "more than", "余" and "at least"
    // say the true figure may be higher, so the bar is marked as a lower bound; "about",
    // "less than" and "nearly" do not.
    let qualifiers = ["more_than", "over", "at_least", "about", "less_than", "nearly"];
    let items: Vec<serde_json::Value> = qualifiers
        .iter()
        .map(|q| serde_json::json!({ "id": q, "label": q, "value": 300, "unit": "件", "qualifier": q }))
        .collect();
    let payload = serde_json::json!({
        "schema": "report-widget/1",
        "meta": { "title": "合成", "publisher": "某局", "date": "2024-01-31", "synthetic": true },
        "sections": [{ "id": "cases", "title": "案件", "kind": "case_stats", "items": items }]
    });
    let report = validate::from_value(&payload).expect("valid");
    let v = ReportView::new(&report, Lang::Zh);
    let marked: Vec<(String, bool)> =
        charts_of(&v).iter().flat_map(|c| &c.items).map(|i| (i.label.clone(), i.marked)).collect();
    let expected: Vec<(String, bool)> = qualifiers.iter().enumerate().map(|(i, q)| (q.to_string(), i < 3)).collect();
    assert_eq!(marked, expected);
}

#[test]
fn bar_geometry_and_keyboard_steps() {
    assert_eq!(charts::bar_percents(&[520.0, 274.0, 0.0, -3.0], 100.0), [100.0, 274.0 / 520.0 * 100.0, 0.0, 0.0]);
    assert_eq!(charts::pct(52.6923), "52.69%");
    assert_eq!(charts::pct(150.0), "100%");
    assert_eq!(charts::visible_percent(0.01), charts::MIN_BAR_PERCENT);
    assert_eq!(charts::visible_percent(0.0), 0.0);
    let hidden = [false, true, false, false];
    assert_eq!(charts::step_visible(&hidden, None, 1), Some(0));
    assert_eq!(charts::step_visible(&hidden, Some(0), 1), Some(2), "skips a hidden item");
    assert_eq!(charts::step_visible(&hidden, Some(3), 1), Some(0), "wraps around");
    assert_eq!(charts::step_visible(&hidden, Some(0), -1), Some(3));
    assert_eq!(charts::step_visible(&hidden, None, -1), Some(3));
    assert_eq!(charts::step_visible(&[true, true], None, 1), None);
    assert_eq!(charts::edge_visible(&[true, false, false, true], true), Some(2));
    assert_eq!(charts::rank_cells(2, 3), [false, true, false]);
}

#[test]
fn exported_svg_is_standalone_escaped_and_wraps_long_labels() {
    let v = view(Lang::En);
    for chart in charts_of(&v) {
        let hidden = vec![false; chart.items.len()];
        let doc = export::chart_svg(chart, &hidden, "Source: <Lanshan> & Co", Lang::En);
        assert!(doc.svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(doc.svg.lines().next().unwrap().contains(" xml:lang=\"en\" "), "the file says its language");
        assert!(doc.svg.trim_end().ends_with("</svg>"));
        assert!(doc.svg.contains("&lt;Lanshan&gt; &amp; Co"));
        assert!(!doc.svg.contains("style="), "colours are attributes");
        assert_eq!(doc.width, 720);
        assert!(doc.height > 100);
        for item in &chart.items {
            if chart.kind != ChartKind::Months {
                let first_word = item.label.split(' ').next().unwrap();
                assert!(doc.svg.contains(&export::escape(first_word)), "{} shows {first_word}", chart.id);
            }
        }
        // Every text line fits the width.
        for line in doc.svg.lines().filter(|l| l.starts_with("<text") && !l.contains("text-anchor")) {
            let content = line.split('>').nth(1).unwrap().split('<').next().unwrap();
            let content =
                &content.replace("&apos;", "'").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
            let px: f64 = line.split("font-size=\"").nth(1).unwrap().split('"').next().unwrap().parse().unwrap();
            let bold = if line.contains("font-weight=\"700\"") { export::BOLD } else { 1.0 };
            assert!(export::text_width(content, px * bold) <= 680.5, "{content} overflows");
        }
    }
    // A label and the value on its line never overlap.
    for (chart, lang) in charts_of(&v)
        .into_iter()
        .map(|c| (c, Lang::En))
        .chain(charts_of(&view(Lang::Zh)).into_iter().map(|c| (c, Lang::Zh)))
    {
        let doc = export::chart_svg(chart, &vec![false; chart.items.len()], "", lang);
        let texts: Vec<(f64, f64, bool, String)> = doc
            .svg
            .lines()
            .filter(|l| l.starts_with("<text"))
            .map(|l| {
                let attr = |name: &str| {
                    l.split(&format!("{name}=\"")).nth(1).unwrap().split('"').next().unwrap().parse::<f64>().unwrap()
                };
                let content = l
                    .split('>')
                    .nth(1)
                    .unwrap()
                    .split('<')
                    .next()
                    .unwrap()
                    .replace("&apos;", "'")
                    .replace("&amp;", "&");
                (attr("x"), attr("y"), l.contains("text-anchor=\"end\""), content)
            })
            .collect();
        for (x, y, _, value) in texts.iter().filter(|t| t.2) {
            for (lx, _, _, label) in texts.iter().filter(|t| !t.2 && t.1 == *y) {
                let label_right = lx + export::text_width(label, 14.0);
                let value_left = x - export::text_width(value, 14.0) * 1.15;
                assert!(label_right + 8.0 <= value_left, "{label} runs into {value}");
            }
        }
    }
    let lines = export::wrap("Petitions assigned by the city's environmental complaints hotline", 14.0, 200.0);
    assert!(lines.len() >= 2 && lines.iter().all(|l| export::text_width(l, 14.0) <= 200.0), "{lines:?}");
    assert_eq!(lines.join(" "), "Petitions assigned by the city's environmental complaints hotline");
    let cjk = export::wrap("市突出生态环境举报热线交办信访", 14.0, 100.0);
    assert_eq!(cjk.concat(), "市突出生态环境举报热线交办信访");
    assert!(cjk.iter().all(|l| export::text_width(l, 14.0) <= 100.0));
    // Hidden items are left out of the drawing, as on screen, and its description says so.
    let bars = charts_of(&v).into_iter().find(|c| c.kind == ChartKind::Bars).unwrap();
    let mut hidden = vec![false; bars.items.len()];
    hidden[0] = true;
    let doc = export::chart_svg(bars, &hidden, "", Lang::En);
    let (head, drawing) = doc.svg.split_once("</desc>").unwrap();
    let label = export::escape(&bars.items[0].label);
    assert!(!drawing.contains(&label), "{drawing}");
    assert!(head.ends_with(&format!("Hidden in the legend (1): {label}.")), "{head}");
}

#[test]
fn exported_svg_marks_chinese_in_an_english_chart() {
    let v = view(Lang::En);
    let mut chart = charts_of(&v).into_iter().find(|c| c.kind == ChartKind::Bars).unwrap().clone();
    // A label without English, and a value text the widget composed around a Chinese unit.
    chart.items[0].label = "五区平均".into();
    chart.items[0].value_text = "3 天 more".into();
    let all = vec![false; chart.items.len()];
    let doc = export::chart_svg(&chart, &all, "", Lang::En);
    assert!(doc.svg.contains("<tspan xml:lang=\"zh-CN\">五区平均</tspan>"), "{}", doc.svg);
    assert!(doc.svg.contains(">3 <tspan xml:lang=\"zh-CN\">天</tspan> more</text>"), "{}", doc.svg);
    // The Chinese report is Chinese throughout: the root says so, no text is marked.
    let zh = view(Lang::Zh);
    let zh_chart = charts_of(&zh).into_iter().find(|c| c.kind == ChartKind::Bars).unwrap();
    let doc = export::chart_svg(zh_chart, &vec![false; zh_chart.items.len()], "", Lang::Zh);
    assert!(doc.svg.lines().next().unwrap().contains(" xml:lang=\"zh-CN\" "));
    assert!(!doc.svg.contains("<tspan"));
    assert_eq!(export::marked(Lang::En, "a < b 天"), "a &lt; b <tspan xml:lang=\"zh-CN\">天</tspan>");
}

#[test]
fn themes_read_from_data_theme() {
    assert_eq!(Theme::parse(""), Theme::default());
    assert_eq!(Theme::parse("dark large"), Theme { scheme: Scheme::Dark, large: true, printed: false });
    assert_eq!(Theme::parse(" LIGHT "), Theme { scheme: Scheme::Light, large: false, printed: false });
    assert_eq!(Theme::parse("适老化"), Theme { scheme: Scheme::Auto, large: true, printed: false });
    assert_eq!(Theme { scheme: Scheme::Dark, large: true, printed: false }.attribute(), "dark large");
}

#[test]
fn section_anchors_are_unique_and_found_from_the_hash() {
    let v = view(Lang::Zh);
    let anchors: Vec<&str> = v.sections.iter().map(|s| s.anchor.as_str()).collect();
    assert_eq!(anchors[0], "rw-air");
    let unique: std::collections::HashSet<&str> = anchors.iter().copied().collect();
    assert_eq!(unique.len(), anchors.len(), "{anchors:?}");
    assert_eq!(v.section_for_hash("#rw-enforcement").map(|s| s.title.as_str()), Some("环境执法"));
    assert!(v.section_for_hash("#/news/1").is_none());
    assert!(v.section_for_hash("#").is_none());
    assert_eq!(report_widget::view::slug("空气 quality/2021"), "---quality-2021");
}

#[test]
fn ids_outside_ascii_still_make_unique_element_ids() {
    assert_eq!(
        report_widget::view::section_anchors(["s-2", "空气", "水质", "s"].into_iter()),
        ["rw-s-2", "rw-s", "rw-s-2-2", "rw-s-3"]
    );
    // Every section and both amounts in 万元 with ids that make the same slug (`s`); then ids
    // that read like the ids the widget derives from another's (`rw-air` has `rw-air_body`).
    for ids in [
        (0..9).map(|i| format!("第{i}节")).collect::<Vec<_>>(),
        ["air", "air-body", "air_body", "air-h", "air-0", "air_bars0", "air-table", "air-0-yuan", "air-months"]
            .map(String::from)
            .to_vec(),
    ] {
        ids_are_unique_with_section_ids(&ids);
    }
}

fn ids_are_unique_with_section_ids(ids: &[String]) {
    let mut payload: serde_json::Value = serde_json::from_str(PAYLOAD).unwrap();
    for (section, id) in payload["sections"].as_array_mut().unwrap().iter_mut().zip(ids) {
        section["id"] = id.as_str().into();
    }
    let enforcement = payload["sections"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|s| s["kind"] == "case_stats" && s["items"].as_array().unwrap().iter().any(|i| i["id"] == "fines"))
        .unwrap();
    let items = enforcement["items"].as_array_mut().unwrap();
    let mut confiscated = items.iter().find(|i| i["id"] == "fines").unwrap().clone();
    confiscated["id"] = "没收".into();
    items.iter_mut().find(|i| i["id"] == "fines").unwrap()["id"] = "罚款".into();
    items.push(confiscated);
    let report = validate::load(&payload.to_string()).expect("still valid");
    let html = render_to_string(Outcome::Report(Rc::new(ReportView::new(&report, Lang::Zh))));
    let ids: Vec<&str> = html.split(" id=\"").skip(1).filter_map(|rest| rest.split('"').next()).collect();
    let mut seen = std::collections::HashSet::new();
    let repeated: Vec<&str> = ids.iter().copied().filter(|id| !seen.insert(*id)).collect();
    assert!(repeated.is_empty(), "ids given twice: {repeated:?}");
    assert_eq!(count(&html, "class=\"rw-yuan\""), 2);
    for target in html.split("aria-controls=\"").skip(1).filter_map(|rest| rest.split('"').next()) {
        assert!(ids.contains(&target), "aria-controls names an element that exists: {target}");
    }
}

fn render(lang: Lang) -> String {
    render_to_string(Outcome::Report(Rc::new(view(lang))))
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

/// Every start tag in `html` that contains `needle`.
fn tags_with<'a>(html: &'a str, needle: &str) -> Vec<&'a str> {
    html.split('<').filter_map(|t| t.split('>').next()).filter(|t| !t.starts_with('/') && t.contains(needle)).collect()
}

#[test]
fn the_rendered_report_keeps_the_accessibility_contract() {
    for lang in [Lang::Zh, Lang::En] {
        let html = render(lang);
        let charts = charts_of(&view(lang)).len();
        assert!(!html.contains(" style="), "no inline style (strict CSP)");
        let images = tags_with(&html, "class=\"rw-img");
        assert_eq!(images.len(), charts, "one image per chart");
        assert_eq!(count(&html, "class=\"rw-table rw-data rw-stack\""), charts, "a data table per chart");
        // Each chart's graphic is named by its summary: bars a list whose items (each bar's
        // label and value) a screen reader reads, the month strip an image.
        for tag in &images {
            let role = if tag.contains("rw-bars") { "role=\"list\"" } else { "role=\"img\"" };
            assert!(tag.contains(role) && tag.contains("aria-label=\""), "{tag}");
        }
        let bars = images.iter().filter(|t| t.contains("rw-bars")).count();
        assert!(bars >= 3 && count(&html, "<div role=\"listitem\"") >= bars * 2);
        // Nothing focusable inside a graphic (the group around it takes the keyboard).
        for part in html.split("class=\"rw-img").skip(1) {
            let inner = &part[..part.find("</figure>").unwrap_or(part.len())];
            let inner = &inner[..inner.find("rw-table-part").unwrap_or(inner.len())];
            assert!(!inner.contains("tabindex") && !inner.contains("<button"), "focusable content inside a graphic");
        }
        assert_eq!(count(&html, "aria-sort="), 0, "no column is sorted before the reader sorts");
        assert_eq!(count(&html, "class=\"rw-sort\""), 5);
        assert!(count(&html, "aria-pressed=\"false\"") > charts, "table toggles and large text, not pressed");
        assert!(html.contains("href=\"#rw-air\""));
        // A rank is read once: the meter's name says it, the figure beside it is hidden from
        // screen readers.
        let meters = tags_with(&html, "class=\"rw-rank-meter\"");
        assert!(!meters.is_empty() && meters.iter().all(|m| m.contains("role=\"img\" aria-label=\"")));
        assert_eq!(count(&html, "<span aria-hidden=\"true\" class=\"rw-rank-text\">"), meters.len());
    }
    // A meter is named in words: "1 / 5" would be read with a "slash".
    let meter_names = |lang| tags_with(&render(lang), "class=\"rw-rank-meter\"").join("\n");
    let (zh, en) = (meter_names(Lang::Zh), meter_names(Lang::En));
    assert!(zh.contains("aria-label=\"五区第1名\"") && !zh.contains(" / "), "{zh}");
    assert!(en.contains("aria-label=\"1st of 5 districts\"") && !en.contains(" / "), "{en}");
    // Each source note's disclosure is named by what it is the source of: 37 buttons all read
    // "原文" could not be told apart.
    let zh = render(Lang::Zh);
    assert!(count(&zh, "<summary>") > 30);
    assert_eq!(count(&zh, "<summary>原文<span class=\"rw-sr\">："), count(&zh, "<summary>"));
    assert!(zh.contains("<summary>原文<span class=\"rw-sr\">：处罚金额</span></summary>"));
    // A ranking's caption names its group only where the caption does not already.
    assert!(zh.contains(">五区排名</span><span class=\"rw-caption-hint"), "not 五区排名（五区）");
    assert!(render(Lang::En).contains(">Ranks among the five districts</span><span class=\"rw-caption-hint"));
    // The table's scroll frame and its download button are named by the caption's title alone:
    // the sorting hint is heard once, with the table.
    let title_id = |attribute: &str| {
        let from = zh.find(attribute).expect(attribute) + attribute.len();
        zh[from..from + zh[from..].find('"').unwrap()].to_string()
    };
    let frame = title_id("role=\"region\" aria-labelledby=\"");
    assert!(zh.contains(&format!("<span id=\"{frame}\">五区排名</span>")), "{frame}");
    assert_eq!(title_id("<button type=\"button\" aria-describedby=\""), frame);
    // A long month reward wraps after a thousands separator, not inside a group.
    assert!(render(Lang::En).contains("<span class=\"rw-month-reward\">1,<wbr>000,<wbr>000</span>"));
    assert_eq!(render(Lang::Zh), render(Lang::Zh), "rendering is deterministic");
}

#[test]
fn a_tables_csv_file_is_made_again_from_the_payload_text_by_its_id() {
    // What the export module does with a request (`ReportView::csv_of`): the widget's own wasm
    // sends the payload text, the table's id and a ranking's row order, and builds no rows.
    let v = view(Lang::Zh);
    let (file, rows) = v.csv_of("rw-air-ranks_table", &[]).expect("the ranking, by its element id");
    assert_eq!(file, "五区排名");
    assert_eq!(rows.len(), 1 + 4, "the heading, then every row in the payload's order");
    let (_, sorted) = v.csv_of("rw-air-ranks_table", &[3, 0]).unwrap();
    assert_eq!((sorted.len(), sorted[1][0].as_str(), sorted[2][0].as_str()), (3, "O3浓度", "综合指数"));
    assert!(v.csv_of("rw-air-ranks", &[]).is_none() && v.csv_of("nowhere", &[]).is_none());
    let charts: Vec<&ChartView> = v
        .sections
        .iter()
        .flat_map(|s| match &s.body {
            SectionViewBody::CaseStats(c) => c.charts.iter().map(|c| &**c).collect(),
            SectionViewBody::Calendar(c) => vec![&*c.chart],
            _ => vec![],
        })
        .collect();
    for chart in &charts {
        let (file, rows) = v.csv_of(&chart.id, &[]).expect(&chart.id);
        assert_eq!((file, rows), (chart.file.clone(), chart.table.csv.clone()));
    }
    // A hedged count keeps its qualifier in a column of its own: the number column alone read
    // 290余 as exactly 290.
    let notices = charts.iter().flat_map(|c| &c.table.csv).find(|r| r[0] == "下达违法行为限期改正通知书").unwrap();
    assert_eq!(notices, &["下达违法行为限期改正通知书", "290余件", "余", "290", "件"]);
    assert_eq!(
        charts.iter().find(|c| c.table.csv[0][2] == "限定词").map(|c| &c.table.csv[0][..]),
        Some(&["指标", "数值", "限定词", "数字", "单位"].map(String::from)[..])
    );
    // A computed rate says its % in its heading, after the counts' unit: “98.9” before a 件
    // column read as 98.9件.
    let completion = charts.iter().find(|c| c.kind == ChartKind::Completion).unwrap();
    assert_eq!(completion.table.csv[0], ["指标", "已办结", "总数", "单位", "办结率（%，计算）"]);
    assert!(completion.table.csv.iter().any(|r| r[1..] == ["366", "370", "件", "98.9"]), "{:?}", completion.table.csv);
    let en = view(Lang::En);
    let hedged = en.sections.iter().find_map(|s| match &s.body {
        SectionViewBody::CaseStats(c) => {
            c.charts.iter().flat_map(|c| c.table.csv.clone()).find(|r| r[2] == "more than")
        }
        _ => None,
    });
    assert!(hedged.is_some(), "the English qualifier column");
}

#[test]
fn the_error_panel_names_each_problems_place_but_not_the_whole_payloads() {
    let problems = |payload: &str| validate::load(payload).unwrap_err().problems();
    let panel = |problems: Vec<report_widget::validate::Problem>| {
        render_to_string(Outcome::Problems { problems: Rc::new(problems), lang: Lang::En })
    };
    // "/" (the whole payload: too large, not an object) told a webmaster nothing.
    let whole = panel(problems("[1, 2]"));
    assert!(whole.contains("<li>") && !whole.contains("<code>"), "{whole}");
    let mut p: serde_json::Value = serde_json::from_str(PAYLOAD).unwrap();
    p["meta"]["date"] = serde_json::json!("2022年3月3日");
    let placed = panel(problems(&p.to_string()));
    assert!(placed.contains("<code>/meta/date</code>"), "{placed}");
}

#[test]
fn the_theme_reaches_the_markup() {
    let outcome = || Outcome::Report(Rc::new(view(Lang::Zh)));
    let plain = render_themed(outcome(), Theme::default());
    assert!(plain.contains("class=\"rw\""));
    let dark = render_themed(outcome(), Theme::parse("dark large"));
    let article = tags_with(&dark, "class=\"rw\"");
    assert!(
        article.len() == 1 && article[0].contains("data-scheme=\"dark\"") && article[0].contains("data-large=\"on\""),
        "the theme as attributes the stylesheet reads: {article:?}"
    );
    let toggle = tags_with(&dark, "rw-large-toggle");
    assert!(
        toggle.len() == 1 && toggle[0].contains("aria-pressed=\"true\""),
        "the large-text toggle shows the theme's state"
    );
}

/// The report with these fields of its "mee-summer-problems" case item changed.
fn with_summer_problems(fields: serde_json::Value) -> Report {
    let mut payload: serde_json::Value = serde_json::from_str(PAYLOAD).unwrap();
    let item = payload["sections"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .flat_map(|s| s["items"].as_array_mut().into_iter().flatten())
        .find(|i| i["id"] == "mee-summer-problems")
        .expect("the item");
    for (key, value) in fields.as_object().unwrap() {
        item[key] = value.clone();
    }
    validate::load(&payload.to_string()).expect("valid")
}

/// The view's row of that item.
fn summer_problems(v: &ReportView) -> &report_widget::view::CaseRow {
    v.sections
        .iter()
        .find_map(|s| match &s.body {
            SectionViewBody::CaseStats(c) => c.rows.iter().find(|r| r.id == "mee-summer-problems"),
            _ => None,
        })
        .unwrap()
}

#[test]
fn nothing_resolved_of_nothing_has_no_rate() {
    // 0 of 0: no rate is made up (not "0.0%"), and the completion chart, which draws rates,
    // leaves the item out; the case list still says 0 / 0.
    let report = with_summer_problems(serde_json::json!({ "value": 0, "resolved": 0 }));
    let v = ReportView::new(&report, Lang::Zh);
    let row = summer_problems(&v);
    let progress = row.progress.as_ref().unwrap();
    assert_eq!((progress.done.as_str(), progress.total.as_str(), progress.percent.as_str()), ("0", "0", ""));
    let completion = charts_of(&v).into_iter().find(|c| c.kind == ChartKind::Completion).unwrap();
    assert!(completion.items.iter().all(|i| !i.label.contains("夏季")), "left out of the rate chart");
    let html = render_to_string(Outcome::Report(Rc::new(v)));
    assert!(html.contains("已办结 0 / 0</span>"), "no rate after 0 / 0");
    assert!(!html.contains("0 / 0（"));
}

#[test]
fn both_languages_draw_the_same_charts_whatever_the_english_plural() {
    // Lanshan's 件 items include one of 1 ("1 case", the singular as docs/payload.md asks):
    // English groups it with "cases", as Chinese groups all of 件.
    let items = |lang| -> Vec<(String, usize)> {
        charts_of(&view(lang)).iter().map(|c| (c.id.clone(), c.items.len())).collect()
    };
    assert_eq!(items(Lang::En), items(Lang::Zh));
    let en = view(Lang::En);
    let titles: Vec<&str> = charts_of(&en).iter().map(|c| c.title.as_str()).collect();
    assert!(titles.iter().any(|t| t.ends_with("(cases)")), "the plural names the chart: {titles:?}");
    assert!(!titles.iter().any(|t| t.contains("case)") || t.contains("(case,")), "{titles:?}");
}

#[test]
fn a_bar_chart_title_names_every_unit_its_bars_are_shown_in() {
    // 件 is "cases" for complaints and penalties but "notices" for rectification notices: the
    // English title names both, and no two of the section's charts share a title.
    let en = view(Lang::En);
    let enforcement: Vec<&str> =
        charts_of(&en).iter().filter(|c| c.id.starts_with("rw-enforcement_bars")).map(|c| c.title.as_str()).collect();
    assert_eq!(
        enforcement,
        [
            "Environmental enforcement (cases, notices)",
            "Environmental enforcement (cases)",
            "Environmental enforcement (documents)"
        ]
    );
    let zh = view(Lang::Zh);
    let titles: Vec<&str> =
        charts_of(&zh).iter().filter(|c| c.id.starts_with("rw-enforcement_bars")).map(|c| c.title.as_str()).collect();
    assert_eq!(titles, ["环境执法（件）", "环境执法（起）", "环境执法（份）"], "one measure word each in Chinese");
}

#[test]
fn a_singular_beside_its_plural_counts_once_in_a_chart_title_and_nothing_else_is_merged() {
    // Synthetic: one group per Chinese unit, English units as an editor might write them.
    let item = |id: &str, value: u32, zh: &str, en: &str| serde_json::json!({ "id": id, "label": id, "value": value, "unit": { "zh": zh, "en": en } });
    let payload = serde_json::json!({
        "schema": "report-widget/1",
        "meta": { "title": "t", "publisher": "p", "date": "2024-01-01", "synthetic": true },
        "sections": [{ "id": "s", "title": { "zh": "统计", "en": "Counts" }, "kind": "case_stats", "items": [
            item("a", 1, "件", "case"), item("b", 5, "件", "cases"), item("c", 1, "件", "copy"),
            item("d", 3, "件", "copies"), item("e", 1, "件", "problem"), item("f", 2, "件", "problem sets"),
            item("g", 1, "天", "day"), item("h", 4, "天", "days"), item("i", 1, "箱", "box"), item("j", 2, "箱", "boxes")
        ]}]
    });
    let report = validate::load(&payload.to_string()).expect("valid");
    let titles =
        |lang| -> Vec<String> { charts_of(&ReportView::new(&report, lang)).iter().map(|c| c.title.clone()).collect() };
    assert_eq!(
        titles(Lang::En),
        ["Counts (cases, copies, problem, problem sets)", "Counts (days)", "Counts (boxes)"],
        "a unit that only starts like another is not its singular"
    );
    assert_eq!(titles(Lang::Zh), ["统计（件）", "统计（天）", "统计（箱）"]);
}

#[test]
fn the_original_report_is_linked_under_the_title_when_the_payload_names_it() {
    assert!(!render(Lang::Zh).contains("查看原文"), "Lanshan's payload names no link");
    let mut report = lanshan();
    report.meta.source_url = Some("https://example.gov.cn/xxgk/report.html?a=1&b=\"2\"".into());
    for (lang, words) in [(Lang::Zh, "查看原文"), (Lang::En, "Original report")] {
        let v = ReportView::new(&report, lang);
        let html = render_to_string(Outcome::Report(Rc::new(v)));
        let link = format!("<a href=\"https://example.gov.cn/xxgk/report.html?a=1&amp;b=&quot;2&quot;\">{words}</a>");
        assert!(html.contains(&link), "{lang:?}: {}", &html[..html.len().min(1500)]);
    }
}

#[test]
fn a_month_chart_key_says_what_the_figure_under_a_star_is_when_there_is_one() {
    for (lang, key) in [
        (Lang::Zh, "全市大气污染防治考核五区排名第一；星号下的数字为奖励"),
        (Lang::En, "Ranked 1st of the five districts in the city's air-pollution control assessment; the figure under a star is the reward"),
    ] {
        let v = view(lang);
        let months = charts_of(&v).into_iter().find(|c| c.kind == ChartKind::Months).unwrap().clone();
        assert_eq!(months.months_key(lang), key);
        assert!(render(lang).contains(&format!("<span class=\"rw-star\">★</span> {key}</p>")), "{lang:?} widget key");
        let svg = export::chart_svg(&months, &[false; 12], "", lang).svg;
        assert!(svg.contains("★ ") && svg.contains(if lang == Lang::Zh { "星号下的数字为奖励" } else { "is the reward" }));
        // Without a reward under any star, the key only says what a star means.
        let mut plain = months.clone();
        plain.items.iter_mut().for_each(|item| item.value_text.clear());
        assert_eq!(plain.months_key(lang), months.table.headers[1]);
    }
}

#[test]
fn the_remembered_large_text_read_again_unchanged_renders_nothing_again() {
    use report_widget::report::{BodyAction, BodyState};
    use yew::Reducible;
    let state = Rc::new(BodyState { large: Some(true), ..BodyState::default() });
    assert!(Rc::ptr_eq(&state.clone().reduce(BodyAction::SetLarge(true)), &state), "the same state: no render");
    let off = state.clone().reduce(BodyAction::SetLarge(false));
    assert_eq!(off.large, Some(false));
    let first = Rc::new(BodyState::default()).reduce(BodyAction::SetLarge(false));
    assert_eq!(first.large, Some(false), "a first choice is kept even when it matches the host's");
}

#[test]
fn a_share_resolved_of_a_hedged_total_is_pointed_out_to_its_authors() {
    // "受理3056余件，办结2988件": the share the widget computes from 3056 is only approximate. The
    // row's figure keeps its hedge, and so does the progress ("2988 / 3056余个", not "/ 3056");
    // the authoring tools (validate, the editor) say so.
    let report = with_summer_problems(serde_json::json!({ "value": 3056, "qualifier": "over", "resolved": 2988 }));
    let advice = validate::advice(&report);
    assert_eq!(advice.len(), 1, "{advice:?}");
    assert!(advice[0].pointer.ends_with("/resolved") && advice[0].en.contains("approximate"));
    assert_eq!(validate::advice(&validate::load(PAYLOAD).unwrap()), vec![], "none for the report as it is");
    for (lang, figure) in [(Lang::Zh, "3056余"), (Lang::En, "more than 3,056")] {
        let v = ReportView::new(&report, lang);
        let row = summer_problems(&v);
        assert!(row.figure_text.starts_with(figure), "{}", row.figure_text);
        let progress = row.progress.as_ref().unwrap();
        assert_eq!(progress.total, row.figure_text, "out of the figure as written");
        // And in the completion chart: its bar's text, its detail, its table and its CSV.
        let completion = charts_of(&v).into_iter().find(|c| c.kind == ChartKind::Completion).unwrap();
        let bar = completion.items.iter().find(|i| i.detail.contains(figure)).expect("the hedge in the detail");
        assert!(bar.value_text.contains(&format!("/ {figure}")), "{}", bar.value_text);
        let whole = &row.figure_text;
        assert!(completion.table.rows.iter().any(|r| r.iter().any(|c| c == whole)), "{:?}", completion.table.rows);
        assert!(completion.table.csv.iter().any(|r| r.iter().any(|c| c == whole)), "{:?}", completion.table.csv);
    }
    // In 万, both figures carry the unit: "1.2万件 / 1.5万余件" (not "1.2 / 1.5万余件", where 1.2
    // reads as cases, nor "共1.5余万件").
    let wan =
        with_summer_problems(serde_json::json!({ "value": 1.5, "unit": "万件", "qualifier": "over", "resolved": 1.2 }));
    let v = ReportView::new(&wan, Lang::Zh);
    let progress = summer_problems(&v).progress.clone().unwrap();
    assert_eq!((progress.done.as_str(), progress.total.as_str()), ("1.2万件", "1.5万余件"));
    let completion = charts_of(&v).into_iter().find(|c| c.kind == ChartKind::Completion).unwrap();
    assert!(
        completion.items.iter().any(|i| i.detail.contains("已办结1.2万件，共1.5万余件，")),
        "{:?}",
        completion.items
    );
    let v = ReportView::new(&wan, Lang::En);
    let completion = charts_of(&v).into_iter().find(|c| c.kind == ChartKind::Completion).unwrap();
    let bar = completion.items.iter().find(|i| i.detail.contains("more than 1.5")).unwrap();
    assert!(bar.value_text.starts_with("1.2\u{a0}万件 / more than 1.5\u{a0}万件"), "{}", bar.value_text);
    // Unhedged, the progress is out of the bare number (the figure with its unit is beside it).
    let v = ReportView::new(&with_summer_problems(serde_json::json!({ "value": 30, "resolved": 27 })), Lang::Zh);
    assert_eq!(summer_problems(&v).progress.as_ref().unwrap().total, "30");
}

#[test]
fn a_unit_in_wan_without_its_magnitude_in_english_is_pointed_out_to_its_authors() {
    // "超过20万" imported under 数量（件） is 20 万件; with the English unit "cases" the English
    // view said "more than 20 cases". The Lanshan report's "× 10,000 yuan" carries it.
    let report = with_summer_problems(serde_json::json!({ "value": 30, "unit": { "zh": "万件", "en": "cases" } }));
    let advice = validate::advice(&report);
    assert_eq!(advice.len(), 1, "{advice:?}");
    assert!(advice[0].pointer.ends_with("/unit/en"), "placed at what to change: {:?}", advice[0]);
    assert!(
        advice[0].en.contains("ten thousand times too small") && advice[0].zh.contains("一万倍"),
        "{:?}",
        advice[0]
    );
    for en in ["× 10,000 cases", "ten thousand cases"] {
        let report = with_summer_problems(serde_json::json!({ "value": 30, "unit": { "zh": "万件", "en": en } }));
        assert_eq!(validate::advice(&report), vec![], "{en}");
    }
    let chinese_only = with_summer_problems(serde_json::json!({ "value": 30, "unit": "万件" }));
    assert_eq!(validate::advice(&chinese_only), vec![], "no English: shown in Chinese, 万 included");
    // A month's reward (rewards are often in 万元), and 万亿 said as its own magnitude.
    let mut payload: serde_json::Value = serde_json::from_str(PAYLOAD).unwrap();
    let calendar = payload["sections"].as_array_mut().unwrap().iter_mut().find(|s| s["kind"] == "calendar").unwrap();
    calendar["marked"][0]["reward"] = serde_json::json!({ "value": 100, "unit": { "zh": "万亿元", "en": "yuan" } });
    let advice = validate::advice(&validate::load(&payload.to_string()).unwrap());
    assert_eq!(advice.len(), 1, "{advice:?}");
    assert!(
        advice[0].pointer.ends_with("/marked/0/reward/unit/en") && advice[0].zh.contains("一万亿倍"),
        "{:?}",
        advice[0]
    );
}

/// A chart's state after a reader's actions, from a chart of `items` items.
fn chart_after(items: usize, actions: &[ChartAction]) -> ChartState {
    actions.iter().fold(ChartState::new(items), |state, &action| state.apply(action))
}

#[test]
fn a_focused_chart_shows_its_first_visible_item_and_the_keys_move_over_hidden_ones() {
    use ChartAction::*;
    let focused = chart_after(4, &[ToggleItem(0), Focus]);
    assert_eq!(focused.shown(0), Some(1), "the first item not hidden");
    let stepped = chart_after(4, &[ToggleItem(0), ToggleItem(2), Focus, Step(1)]);
    assert_eq!(stepped.shown(0), Some(3), "past the hidden third");
    assert_eq!(chart_after(4, &[ToggleItem(0), Focus, Step(1), Step(1), Step(1)]).shown(0), Some(1), "wraps around");
    assert_eq!(chart_after(4, &[Focus, Edge { last: true }]).shown(0), Some(3));
    assert_eq!(chart_after(4, &[Focus, Blur]).shown(0), None, "no tooltip once the focus has left");
    // Hiding the item the keys are on leaves no tooltip on a hidden item.
    let hid_current = chart_after(4, &[Focus, Step(1), ToggleItem(1)]);
    assert_eq!((hid_current.cursor, hid_current.shown(0)), (None, None));
    assert_eq!(chart_after(4, &[ToggleItem(1), ToggleItem(3), ShowAll]).hidden, [false; 4]);
}

#[test]
fn escape_closes_the_tooltip_until_the_reader_moves_on() {
    use ChartAction::*;
    let dismissed = chart_after(3, &[Focus, Dismiss]);
    assert_eq!(dismissed.shown(0), None);
    assert_eq!(chart_after(3, &[Focus, Dismiss, Step(1)]).shown(0), Some(1), "the next key opens a tooltip again");
    let refocused = chart_after(3, &[Focus, Dismiss, Blur, Focus]);
    assert_eq!(refocused.shown(0), Some(0), "focusing again shows it");
    // A pointer's tooltip belongs to the page's Escape count when the pointer came in: the
    // page's next Escape (another chart's, or the page's own) closes it.
    let hovered = chart_after(3, &[Hover(Some(2), 5)]);
    assert_eq!((hovered.shown(5), hovered.shown(6)), (Some(2), None));
    // Closed with this chart's Escape, a tooltip stays closed while the pointer stays in the
    // plot, and opens again once it has left and come back.
    assert_eq!(chart_after(3, &[Hover(Some(2), 5), Dismiss, Hover(Some(1), 5)]).shown(5), None);
    assert_eq!(chart_after(3, &[Hover(Some(2), 5), Dismiss, Hover(None, 0), Hover(Some(1), 5)]).shown(5), Some(1));
}

#[test]
fn the_arrow_keys_lead_until_a_pointer_takes_an_item_or_leaves() {
    use ChartAction::*;
    // While the keys lead, the component passes on no item under the pointer.
    assert!(chart_after(4, &[Focus, Step(1), Step(1)]).keys_lead);
    assert!(chart_after(4, &[Focus, Edge { last: true }]).keys_lead);
    assert!(!chart_after(4, &[Focus, Step(1), Hover(None, 0)]).keys_lead, "the pointer left the plot");
    assert!(!chart_after(4, &[Focus, Step(1), Blur]).keys_lead, "the focus left the chart");
    assert_eq!(chart_after(4, &[Focus, Step(1), Hover(None, 0), Hover(Some(3), 0)]).shown(0), Some(3));
}

#[test]
fn a_chart_switches_to_its_table_and_remembers_a_failed_export() {
    use ChartAction::*;
    assert!(chart_after(2, &[ToggleTable]).table);
    assert!(!chart_after(2, &[ToggleTable, ToggleTable]).table);
    assert!(chart_after(2, &[ExportFailed(true)]).export_failed);
    assert!(!chart_after(2, &[ExportFailed(true), ExportFailed(false)]).export_failed);
}

#[test]
fn a_ranking_caption_names_its_group_once_and_ranks_read_in_words_and_figures() {
    let lanshan = ReportView::new(&validate::load(PAYLOAD).unwrap(), Lang::Zh);
    assert_eq!(ranking(&lanshan).caption("五区排名", Lang::Zh), "五区排名", "the title starts with the group already");
    let water = include_str!("../docs/examples/water-affairs-example.json");
    let zh = ReportView::new(&validate::load(water).unwrap(), Lang::Zh);
    assert_eq!(ranking(&zh).caption("全市排名", Lang::Zh), "全市排名（全市六县）");
    assert_eq!(ranking(&zh).rank_texts(2, Lang::Zh), ("全市六县第2名".to_string(), "2 / 6".to_string()));
    let en = ReportView::new(&validate::load(water).unwrap(), Lang::En);
    assert_eq!(ranking(&en).caption("Ranks in the city", Lang::En), "Ranks in the city (counties in the city)");
    assert_eq!(ranking(&en).rank_texts(2, Lang::En).1, "2 / 6");
}
