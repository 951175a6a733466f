//! Long ranking tables: paging logic, and what the server-side render of a synthetic
//! 10,000-row table contains (one page of rows, the table's full size for assistive
//! technology, every row in the CSV export).

use report_widget::charts;
use report_widget::format;
use report_widget::model::Lang;
use report_widget::report::{render_to_string, Outcome};
use report_widget::validate;
use report_widget::view::{ReportView, SectionViewBody, SortColumn, SortDir, TableAction, TableState, PAGE_ROWS};
use std::rc::Rc;

/// A synthetic payload (it says so in `meta.synthetic`) with one ranking table of `n` rows.
fn synthetic_ranking(n: usize) -> String {
    let rows: Vec<String> = (1..=n)
        .map(|i| {
            format!(
                r#"{{"label": "站点 {i}", "value": {}.5, "value_rank": {i}, "change_rank": {}}}"#,
                1000 - i % 1000,
                n + 1 - i
            )
        })
        .collect();
    format!(
        r#"{{"schema": "report-widget/1",
            "meta": {{"title": {{"zh": "合成测试数据", "en": "Synthetic test data"}}, "publisher": {{"zh": "测试", "en": "Tests"}},
                      "date": "2024-01-01", "synthetic": true}},
            "groups": [{{"id": "sites", "label": {{"zh": "监测站点", "en": "monitoring sites"}}, "size": {n}}}],
            "sections": [{{"id": "sites", "title": {{"zh": "站点排名", "en": "Site ranks"}}, "kind": "ranking", "group": "sites",
                          "rows": [{}]}}]}}"#,
        rows.join(",")
    )
}

/// `synthetic_ranking(3)` with `field` (`"name": value`) added to its ranking section.
fn ranking_of_three_with(field: &str) -> String {
    synthetic_ranking(3).replacen(r#""group": "sites","#, &format!(r#""group": "sites", {field},"#), 1)
}

#[test]
fn sorting_returns_to_the_first_page_and_pages_clamp() {
    let rows = 10_000;
    let state = TableState::default();
    assert!(TableState::paged(rows) && !TableState::paged(PAGE_ROWS));
    assert_eq!(TableState::pages(rows), rows.div_ceil(PAGE_ROWS));
    assert_eq!(TableState::pages(0), 1);
    assert_eq!(state.visible(rows), 0..PAGE_ROWS);
    let on_page_3 = state.apply(TableAction::Page(2));
    assert_eq!(on_page_3.visible(rows), 2 * PAGE_ROWS..3 * PAGE_ROWS);
    let sorted = on_page_3.apply(TableAction::Sort(SortColumn::Value));
    assert_eq!(sorted.sort, Some((SortColumn::Value, SortDir::Ascending)));
    assert_eq!(sorted.visible(rows), 0..PAGE_ROWS, "a new order starts on its first page");
    assert_eq!(sorted.apply(TableAction::Sort(SortColumn::Value)).sort, Some((SortColumn::Value, SortDir::Descending)));
    // A page past the end (the table shrank) shows the last page, which may be short.
    assert_eq!(state.apply(TableAction::Page(999)).visible(120), 100..120);
    assert_eq!(state.apply(TableAction::ShowAll(true)).visible(rows), 0..rows);
    assert_eq!(state.visible(7), 0..7, "short tables are never paged");
}

#[test]
fn a_10000_row_table_renders_one_page_and_exports_every_row() {
    let n = 10_000;
    let text = synthetic_ranking(n);
    let report = validate::load(&text).expect("the synthetic payload is valid");
    assert!(report.meta.synthetic, "synthetic test data says so");
    let view = ReportView::new(&report, Lang::Zh);
    let SectionViewBody::Ranking(table) = &view.sections[0].body else { panic!("a ranking section") };
    assert_eq!(table.rows.len(), n);

    let html = render_to_string(Outcome::Report(Rc::new(view.clone())));
    assert_eq!(html.matches("<tr aria-rowindex=").count(), PAGE_ROWS, "only the first page is in the DOM");
    assert!(html.contains(&format!(r#"aria-rowcount="{}""#, n + 1)), "the table's full size (with its heading row)");
    assert!(html.contains(r#"aria-rowindex="2""#) && html.contains(&format!(r#"aria-rowindex="{}""#, PAGE_ROWS + 1)));
    assert!(html.contains("第1–50行，共10000行"), "the pager says which rows are shown");
    assert!(html.contains("显示全部10000行"));
    // Large groups get a compact rank meter: two rects per meter, not one per member.
    assert!(html.matches("<rect").count() <= PAGE_ROWS * 2 * 2);

    let order: Vec<usize> = (0..n).collect();
    let csv = format::csv(&table.csv_rows(&order, Lang::Zh));
    assert_eq!(csv.lines().count(), n + 1, "the CSV export has every row and the heading");
    assert!(csv.contains("站点 10000"));
}

#[test]
fn the_rows_column_is_headed_as_the_payload_names_its_rows() {
    let named = ranking_of_three_with(r#""row_heading": {"zh": "站点", "en": "Site"}"#);
    let report = validate::load(&named).expect("a ranking may name its rows");
    for (lang, heading) in [(Lang::Zh, "站点"), (Lang::En, "Site")] {
        let view = ReportView::new(&report, lang);
        let SectionViewBody::Ranking(table) = &view.sections[0].body else { panic!("a ranking section") };
        assert_eq!(table.row_heading, heading);
        let csv = format::csv(&table.csv_rows(&[0], lang));
        assert!(csv.trim_start_matches('\u{feff}').starts_with(heading), "the CSV file's first heading: {csv}");
        let html = render_to_string(Outcome::Report(Rc::new(view)));
        assert!(html.contains(&format!(r#"<button type="button" class="rw-sort">{heading}<"#)), "{html}");
    }
    // Without one, the rows are indicators; a Chinese-only heading in an English widget is
    // marked as Chinese for screen readers.
    let report = validate::load(&synthetic_ranking(3)).unwrap();
    let SectionViewBody::Ranking(table) = &ReportView::new(&report, Lang::En).sections[0].body else { panic!() };
    assert_eq!(table.row_heading, "Indicator");
    let zh_only = ranking_of_three_with(r#""row_heading": {"zh": "站点"}"#);
    let html =
        render_to_string(Outcome::Report(Rc::new(ReportView::new(&validate::load(&zh_only).unwrap(), Lang::En))));
    assert!(html.contains(r#"<span lang="zh-CN">站点</span>"#), "{html}");
    // A blank heading is an error at its place, as every blank text is.
    let blank = ranking_of_three_with(r#""row_heading": {"zh": " "}"#);
    let err = validate::load(&blank).unwrap_err();
    assert!(err.problems().iter().any(|p| p.pointer.starts_with("/sections/0/row_heading")), "{:?}", err.problems());
}

#[test]
fn the_value_column_is_headed_as_the_payload_names_its_figures() {
    let named = ranking_of_three_with(r#""value_heading": {"zh": "合格率", "en": "Pass rate"}"#);
    let report = validate::load(&named).expect("a ranking may name its values");
    for (lang, heading) in [(Lang::Zh, "合格率"), (Lang::En, "Pass rate")] {
        let view = ReportView::new(&report, lang);
        let SectionViewBody::Ranking(table) = &view.sections[0].body else { panic!("a ranking section") };
        assert_eq!(table.value_heading, heading);
        let csv = format::csv(&table.csv_rows(&[0], lang));
        let first_line = csv.trim_start_matches('\u{feff}').lines().next().unwrap().to_string();
        assert_eq!(first_line.split(',').nth(1), Some(heading), "the CSV file's second heading: {first_line}");
        let html = render_to_string(Outcome::Report(Rc::new(view)));
        // The sort button, and the label each value cell shows beside it on a phone.
        assert!(html.contains(&format!(r#"<button type="button" class="rw-sort">{heading}<"#)), "{html}");
        assert!(html.contains(&format!(r#"data-label="{heading}""#)), "{html}");
        assert!(!html.contains(r#"data-label="数值""#) && !html.contains(r#"data-label="Value""#), "{html}");
    }
    // Without one, "数值" / "Value".
    let report = validate::load(&synthetic_ranking(3)).unwrap();
    for (lang, heading) in [(Lang::Zh, "数值"), (Lang::En, "Value")] {
        let SectionViewBody::Ranking(table) = &ReportView::new(&report, lang).sections[0].body else { panic!() };
        assert_eq!(table.value_heading, heading);
    }
    // A blank heading is an error at its place; a misspelt one is warned about, naming it.
    let blank = ranking_of_three_with(r#""value_heading": {"zh": ""}"#);
    let err = validate::load(&blank).unwrap_err();
    assert!(err.problems().iter().any(|p| p.pointer.starts_with("/sections/0/value_heading")), "{:?}", err.problems());
    let typo = ranking_of_three_with(r#""value_heading_zh": "合格率""#);
    let warnings = validate::load_checked(&typo).unwrap().warnings;
    assert!(warnings.iter().any(|p| p.pointer == "/sections/0/value_heading_zh"), "{warnings:?}");
}

#[test]
fn a_column_no_row_has_a_figure_for_is_left_out_of_the_table_not_the_csv() {
    // The synthetic rows have values and both ranks but no change: no column of dashes.
    let report = validate::load(&synthetic_ranking(3)).expect("the synthetic payload is valid");
    let view = ReportView::new(&report, Lang::Zh);
    let SectionViewBody::Ranking(table) = &view.sections[0].body else { panic!("a ranking section") };
    assert_eq!(table.columns, [SortColumn::Label, SortColumn::Value, SortColumn::ValueRank, SortColumn::ChangeRank]);
    let html = render_to_string(Outcome::Report(Rc::new(view.clone())));
    assert_eq!(html.matches(r#"<th scope="col""#).count(), 4);
    assert!(!html.contains("同比变化"), "no heading for the change column");
    assert!(!html.contains("rw-missing"), "no cell of a dash");
    assert_eq!(html.matches(r#"data-label="改善幅度排名""#).count(), 3, "each row keeps its figures");
    // The CSV file keeps every column, empty where the payload has nothing.
    let csv = format::csv(&table.csv_rows(&[0, 1, 2], Lang::Zh));
    assert!(csv.lines().next().unwrap().contains("同比变化"));

    // A figure in one row is enough for its column; the rows without it say so.
    let one_change = synthetic_ranking(3).replacen(r#""value": 999.5, "#, "", 1);
    let report = validate::load(&one_change).expect("still valid");
    let view = ReportView::new(&report, Lang::Zh);
    let SectionViewBody::Ranking(table) = &view.sections[0].body else { panic!("a ranking section") };
    assert_eq!(table.columns.len(), 4, "every row but one has a value: the column stays");
    let html = render_to_string(Outcome::Report(Rc::new(view)));
    assert_eq!(html.matches("rw-missing").count(), 1, "the row without a value has a dash, said as not given");
}

#[test]
fn english_pager_groups_thousands() {
    let view = ReportView::new(&validate::load(&synthetic_ranking(1_200)).unwrap(), Lang::En);
    let html = render_to_string(Outcome::Report(Rc::new(view)));
    assert!(html.contains("Rows 1–50 of 1,200"), "{}", &html[html.find("rw-page-status").unwrap_or(0)..][..200]);
    assert!(html.contains("Show all 1,200 rows"));
}

#[test]
fn percentages_for_svg_attributes_use_integer_formatting() {
    assert_eq!(charts::pct(52.6923), "52.69%");
    assert_eq!(charts::pct(12.5), "12.5%");
    assert_eq!(charts::pct(7.0), "7%");
    assert_eq!(charts::pct(0.05), "0.05%");
    assert_eq!(charts::pct(0.004), "0%");
    assert_eq!(charts::pct(-3.0), "0%");
    assert_eq!(charts::pct(f64::NAN), "0%");
    assert_eq!(charts::rank_cells(3, 500).len(), charts::RANK_CELLS_MAX as usize);
}

#[test]
fn counts_follow_each_languages_habit() {
    assert_eq!(format::count(10_000, Lang::Zh), "10000");
    assert_eq!(format::count(10_000, Lang::En), "10,000");
    assert_eq!(format::count(999, Lang::En), "999");
}
