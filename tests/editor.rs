//! The editor's logic, natively: the JSON text it writes, its edits, undo and redo, reading
//! spreadsheet tables and CSV files (UTF-8 and GBK), column mapping, problem navigation and the
//! embed snippet. The page itself is tested end to end in tests/e2e/editor*.test.mjs.

use report_widget::editor::doc::{self, Edit};
use report_widget::editor::encoding::{self, Choice, Encoding};
use report_widget::editor::history::{History, COALESCE_MS, LIMIT};
use report_widget::editor::import::{ImportMsg, ImportState};
use report_widget::editor::mapping::{self, Field, Note, ShownNote, Target};
use report_widget::editor::nav::{self, Crumb};
use report_widget::editor::output::{self, PayloadPlace, SnippetSettings};
use report_widget::editor::pending::{self, Columns, PendingImport, MAX_KEPT_BYTES};
use report_widget::editor::{check, json, open_file, table};
use report_widget::model::{Lang, SectionKind};
use report_widget::validate;
use report_widget::view::ReportView;
use serde_json::{json, Value};
use std::collections::HashSet;

const LANSHAN: &str = include_str!("../www/reports/lanshan-2021.json");
const GBK_CSV: &[u8] = include_bytes!("fixtures/editor/case-stats-gbk.csv");
const RANKING_TSV: &str = include_str!("fixtures/editor/ranking.tsv");

/// The entries a tab-separated table makes for `target`, its first line taken as the header
/// and its columns as the import guesses them.
fn built_from(target: Target, tsv: &str) -> mapping::Built {
    let rows = table::parse(tsv, '\t').rows;
    let map = mapping::guess_mapping(target, &rows, true);
    mapping::build(target, Some(rows[0].as_slice()), &rows[1..], &map, &HashSet::new(), "r")
}

fn parse(text: &str) -> Value {
    json::parse(text).expect("valid JSON")
}

// ---------------------------------------------------------------- the JSON text

#[test]
fn the_lanshan_payload_comes_out_byte_for_byte() {
    let value = parse(LANSHAN);
    assert_eq!(json::to_pretty(&value), LANSHAN, "field order, layout and every number as written");
}

#[test]
fn numbers_keep_their_written_form() {
    let value = parse(r#"{"a": 6.0, "b": 1813.4469, "c": -8.20, "d": 0, "e": 1e5}"#);
    let text = json::to_pretty(&value);
    // (An exponent comes out as serde_json writes it, 1e+5; the validator refuses exponents.)
    for written in ["6.0", "1813.4469", "-8.20", "\"d\": 0", "1e+5"] {
        assert!(text.contains(written), "{written} in {text}");
    }
    let mut doc = parse(LANSHAN);
    assert!(doc::apply(&mut doc, &Edit::SetNumber { ptr: "/sections/0/items/0/value".into(), input: "4.70".into() }));
    assert!(json::to_pretty(&doc).contains("\"value\": 4.70,"));
}

#[test]
fn fields_come_out_in_the_documented_order_and_unknown_ones_last() {
    let value = parse(
        r#"{"sections": [{"items": [{"value": 1, "zzz": true, "label": {"en": "E", "zh": "中"}, "id": "m"}], "kind": "metrics", "title": "T", "id": "s"}],
            "meta": {"date": "2022-01-01", "publisher": "P", "title": "T"}, "schema": "report-widget/1"}"#,
    );
    let text = json::to_pretty(&value);
    let order = |a: &str, b: &str| assert!(text.find(a).unwrap() < text.find(b).unwrap(), "{a} before {b} in\n{text}");
    order("\"schema\"", "\"meta\"");
    order("\"meta\"", "\"sections\"");
    order("\"title\": \"T\"", "\"publisher\"");
    order("\"id\": \"s\"", "\"kind\"");
    order("\"kind\"", "\"items\"");
    order("\"id\": \"m\"", "\"label\"");
    order("\"zh\"", "\"en\"");
    order("\"value\"", "\"zzz\"");
    assert_eq!(parse(&text), value, "reordering changes nothing else");
}

#[test]
fn every_pointer_has_a_line_in_any_layout() {
    let found = json::locate(LANSHAN).unwrap();
    let line = |ptr: &str| json::line_of(LANSHAN, json::offset_of(&found, ptr));
    assert_eq!(line(""), 1);
    assert_eq!(line("/schema"), 2);
    assert_eq!(line("/meta/title/zh"), 5);
    let fines = LANSHAN.lines().position(|l| l.contains("\"value\": 1813.4469")).unwrap() + 1;
    let enforcement =
        parse(LANSHAN)["sections"].as_array().unwrap().iter().position(|s| s["id"] == "enforcement").unwrap();
    let items = parse(LANSHAN)["sections"][enforcement]["items"]
        .as_array()
        .unwrap()
        .iter()
        .position(|i| i["id"] == "fines")
        .unwrap();
    assert_eq!(line(&format!("/sections/{enforcement}/items/{items}/value")), fines);
    // A missing field: its parent's line.
    assert_eq!(line("/meta/source_url"), line("/meta"));
    let compact = r#"{"a":[1,{"b~c/d":"x\"y"}],
"e":null}"#;
    let found = json::locate(compact).unwrap();
    assert_eq!(json::offset_of(&found, "/a/1/b~0c~1d"), compact.find("\"b~c").unwrap());
    assert_eq!(json::line_of(compact, json::offset_of(&found, "/e")), 2);
    assert!(json::locate("{\"a\": [1, 2}").is_none());
}

#[test]
fn a_line_range_counts_utf16_units_like_a_textarea() {
    let text = "{\n  \"a\": \"兰山𝒳\",\n  \"b\": 1\n}";
    assert_eq!(json::line_range_utf16(text, 1), (0, 1));
    // Line 2: 11 chars, 𝒳 counts as two units.
    assert_eq!(json::line_range_utf16(text, 2), (2, 2 + 14));
    assert_eq!(json::line_range_utf16(text, 3).0, 17);
}

#[test]
fn the_json_tab_reads_a_payload_starting_with_a_byte_order_mark_as_the_widget_does() {
    assert_eq!(json::parse("\u{feff}{\"a\": 1}").unwrap()["a"], 1, "the mark is not part of the text");
    // Anywhere else it is an invisible character to remove, named.
    let err = json::parse("{\"a\": 1,\u{feff} \"b\": 2}").unwrap_err();
    let (zh, en) = err.hint.get().expect("a hint");
    assert!(zh.contains("U+FEFF") && en.contains("U+FEFF"), "{err:?}");
}

#[test]
fn syntax_errors_have_a_line_and_column() {
    let err = json::parse("{\n  \"a\": 1,\n  \"b\": }").unwrap_err();
    assert_eq!(err.line, 3);
    assert!(err.column >= 8, "{err:?}");
    assert_eq!(json::line_to_change("{\n  \"a\": 1,\n  \"b\": }", &err), 3, "its own line");
}

#[test]
fn a_comma_after_the_last_item_is_gone_to_on_its_own_line() {
    // Placed at the bracket, as the widget places it; the message names the comma's line, and
    // the editor takes the person there.
    let text = "{\n  \"标题\": [1, 2,\n\n  ]\n}";
    let err = json::parse(text).unwrap_err();
    assert_eq!((err.line, err.column), (4, 3));
    assert_eq!(json::line_to_change(text, &err), 2);
    let (zh, en) = err.described();
    assert!(zh.contains("在第 2 行末尾") && en.contains("at the end of line 2"), "{zh} / {en}");
    // On the bracket's own line, nothing to name.
    let text = "{\"a\": [1, 2, ]}";
    let err = json::parse(text).unwrap_err();
    assert_eq!(json::line_to_change(text, &err), 1);
    assert!(!err.described().0.contains("在第"));
}

// ---------------------------------------------------------------- edits

#[test]
fn set_creates_missing_objects_and_removing_prunes_them() {
    let mut doc = json!({ "sections": [{ "items": [{ "id": "a", "value": 1 }] }] });
    assert!(doc::set(&mut doc, "/sections/0/items/0/change/value", Some(json!(3))));
    assert_eq!(doc["sections"][0]["items"][0]["change"], json!({ "value": 3 }));
    assert!(doc::set(&mut doc, "/sections/0/items/0/change/value", None));
    assert!(doc["sections"][0]["items"][0].get("change").is_none(), "an emptied change goes away");
    assert!(doc::set(&mut doc, "/sections/0/items/0/note", None), "removing what is not there is fine");
    assert!(!doc::set(&mut doc, "/sections/5/items/0/value", Some(json!(1))), "no such section");
    assert!(!doc::set(&mut doc, "/sections/0/items/0/value/deeper", Some(json!(1))), "a number holds nothing");
}

#[test]
fn text_fields_stay_plain_until_they_have_english() {
    assert_eq!(doc::text_with(None, Lang::Zh, "五区", true), Some(json!("五区")));
    assert_eq!(
        doc::text_with(Some(&json!("五区")), Lang::En, "districts", true),
        Some(json!({ "zh": "五区", "en": "districts" }))
    );
    assert_eq!(doc::text_with(Some(&json!({ "zh": "五区", "en": "d" })), Lang::En, "", true), Some(json!("五区")));
    assert_eq!(
        doc::text_with(Some(&json!("五区")), Lang::Zh, "", true),
        Some(json!("")),
        "required: the validator says it is empty"
    );
    assert_eq!(doc::text_with(Some(&json!("备注")), Lang::Zh, "", false), None, "optional: removed");
    assert_eq!(doc::text_parts(Some(&json!({ "zh": "中", "en": "E" }))), ("中".into(), "E".into()));
    assert_eq!(doc::text_parts(Some(&json!(42))), ("42".into(), String::new()), "a wrong value still shows");
}

#[test]
fn number_fields_keep_what_was_typed() {
    let n = |s: &str| doc::number_from_input(s);
    assert_eq!(n("6.0").unwrap().to_string(), "6.0");
    assert_eq!(n(" 1,813.4469 ").unwrap().to_string(), "1813.4469");
    assert_eq!(n("４.７３").unwrap().to_string(), "4.73");
    assert_eq!(n("+3").unwrap().to_string(), "3");
    assert_eq!(n("－8.2").unwrap().to_string(), "-8.2");
    assert_eq!(n("007").unwrap().to_string(), "7");
    assert_eq!(n(".5").unwrap().to_string(), "0.5");
    assert_eq!(n("5020余"), Some(json!("5020余")), "not a number: kept as text for the validator to name");
    assert_eq!(n("6."), Some(json!("6.")));
    assert_eq!(n("  "), None);
    // Thousands separators only between groups of three digits: a decimal comma, or a comma
    // typed by mistake, is kept as typed, never read as another figure (4,73 is not 473).
    assert_eq!(n("５，０２０").unwrap().to_string(), "5020");
    assert_eq!(n("1 234 567.5").unwrap().to_string(), "1234567.5");
    assert_eq!(n("4,73"), Some(json!("4,73")));
    assert_eq!(n("1,23,456"), Some(json!("1,23,456")));
    assert_eq!(n("0.5,1"), Some(json!("0.5,1")));
    assert_eq!(n("1234,567"), Some(json!("1234,567")), "the first group too has at most three digits");
    assert_eq!(n("-1,234").unwrap().to_string(), "-1234");
    assert_eq!(mapping::parse_figure("4,73元").number, None);
    // An IME's full-width per cent is the per cent unit, as its digits are digits.
    let rate = mapping::parse_figure("１２．５％");
    assert_eq!((rate.number.as_deref(), rate.unit.as_deref()), (Some("12.5"), Some("%")));
    assert_eq!(mapping::header_unit("合格率（％）").as_deref(), Some("%"));
}

#[test]
fn a_full_width_per_cent_in_a_header_or_a_unit_column_is_the_same_unit() {
    let units = |text: &str| {
        let table = table::parse(text, '\t').rows;
        let map = mapping::guess_mapping(Target::CaseStats, &table, true);
        let built = mapping::build(Target::CaseStats, Some(&table[0]), &table[1..], &map, &HashSet::new(), "r");
        let units: Vec<Value> = built.entries.iter().map(|e| e["unit"].clone()).collect();
        (units, built.notes)
    };
    let (from_header, notes) = units("项目\t比例（％）\n甲\t98.5％\n乙\t97\n");
    assert_eq!(from_header, [json!("%"), json!("%")]);
    assert!(notes.iter().all(|n| !n.needs_check()), "{notes:?}");
    let (from_column, notes) = units("项目\t数值\t单位\n甲\t98.5％\t％\n乙\t97\t%\n");
    assert_eq!(from_column, [json!("%"), json!("%")]);
    assert!(notes.iter().all(|n| !n.needs_check()), "{notes:?}");
}

#[test]
fn lists_insert_remove_and_move() {
    let mut doc = json!({ "a": [1, 2, 3] });
    assert!(doc::apply(&mut doc, &Edit::Move { array: "/a".into(), from: 0, to: 2 }));
    assert_eq!(doc["a"], json!([2, 3, 1]));
    assert!(doc::apply(&mut doc, &Edit::Remove { array: "/a".into(), index: 1 }));
    assert_eq!(doc["a"], json!([2, 1]));
    assert!(
        doc::apply(&mut doc, &Edit::Insert { array: "/b".into(), index: 0, item: json!("x") }),
        "a missing list is created"
    );
    assert_eq!(doc["b"], json!(["x"]));
    assert!(!doc::apply(&mut doc, &Edit::Move { array: "/a".into(), from: 0, to: 2 }));
    assert!(!doc::apply(&mut doc, &Edit::Remove { array: "/a".into(), index: 2 }));
}

#[test]
fn new_sections_and_entries_get_unique_ids() {
    let doc = parse(LANSHAN);
    let taken = doc::ids(&doc);
    assert!(taken.contains("composite-index") && taken.contains("districts") && taken.contains("air"));
    assert_eq!(doc::unique_id(&taken, "air"), "air-2");
    for (_, kind) in SectionKind::ALL {
        let s = doc::new_section(&doc, kind);
        assert_eq!(s["kind"], kind.name());
        assert!(!taken.contains(s["id"].as_str().unwrap()));
    }
    assert_eq!(doc::new_section(&doc, SectionKind::Ranking)["group"], "districts", "the first group by default");
    let calendar = doc["sections"].as_array().unwrap().iter().find(|s| s["kind"] == "calendar").unwrap();
    // No figure filled in unasked: a month or a year the person forgot would be published.
    assert_eq!(doc::new_entry(&doc, Some(calendar), "marked"), json!({}), "no month");
    assert_eq!(doc::new_section(&doc, SectionKind::Calendar).get("year"), None, "no year");
    let turned = doc::with_kind(&doc, &doc["sections"][0], SectionKind::CaseStats);
    assert_eq!((turned["id"].as_str(), turned["kind"].as_str()), (Some("air"), Some("case_stats")));
    assert_eq!(turned["items"], json!([]));
}

/// A small report built from an empty one with the edits the form makes, checked by the
/// widget's own validator and rendered by its own view model.
#[test]
fn a_report_built_from_empty_validates() {
    let mut doc = doc::empty_report();
    let status = check(&doc, 100);
    let pointers: Vec<&str> = status.problems.iter().map(|p| p.pointer.as_str()).collect();
    assert_eq!(pointers, ["/meta/title", "/meta/publisher", "/meta/date"], "no date is made up either");
    doc["meta"]["date"] = "2024-01-15".into();
    let edits = [
        Edit::SetText {
            ptr: "/meta/title".into(),
            lang: Lang::Zh,
            text: "某县水务局2023年度报告".into(),
            required: true,
        },
        Edit::SetText { ptr: "/meta/publisher".into(), lang: Lang::Zh, text: "某县水务局".into(), required: true },
        Edit::Insert { array: "/sections".into(), index: 0, item: doc::new_section(&doc, SectionKind::Metrics) },
        Edit::SetText { ptr: "/sections/0/title".into(), lang: Lang::Zh, text: "供水".into(), required: true },
    ];
    for e in &edits {
        assert!(doc::apply(&mut doc, e), "{e:?}");
    }
    let item = doc::new_entry(&doc, doc.pointer("/sections/0"), "items");
    for e in [
        Edit::Insert { array: "/sections/0/items".into(), index: 0, item },
        Edit::SetText {
            ptr: "/sections/0/items/0/label".into(),
            lang: Lang::Zh,
            text: "农村自来水普及率".into(),
            required: true,
        },
        Edit::SetNumber { ptr: "/sections/0/items/0/value".into(), input: "98.50".into() },
        Edit::SetText { ptr: "/sections/0/items/0/unit".into(), lang: Lang::Zh, text: "%".into(), required: false },
        Edit::SetNumber { ptr: "/sections/0/items/0/change/value".into(), input: "1.2".into() },
        Edit::Set { ptr: "/sections/0/items/0/change/kind".into(), value: Some(json!("points")) },
    ] {
        assert!(doc::apply(&mut doc, &e), "{e:?}");
    }
    let text = json::to_pretty(&doc);
    let status = check(&doc, text.len());
    assert_eq!(status.problems, vec![], "{text}");
    let view = ReportView::new(status.report.as_ref().unwrap(), Lang::Zh);
    assert_eq!(view.title, "某县水务局2023年度报告");
    assert!(text.contains("\"value\": 98.50"));
    assert_eq!(validate::load(&text).unwrap(), status.report.unwrap(), "the text says the same");
}

// ---------------------------------------------------------------- undo and redo

#[test]
fn typing_in_one_field_is_one_undo_step() {
    let mut h: History<u32> = History::default();
    h.record(0, Some("/a"), 0.0);
    h.record(1, Some("/a"), 100.0);
    h.record(2, Some("/a"), 200.0);
    h.record(3, Some("/b"), 300.0);
    h.record(4, Some("/b"), 300.0 + COALESCE_MS + 1.0);
    assert_eq!(h.undo(5), Ok(4));
    assert_eq!(h.undo(4), Ok(3));
    assert_eq!(h.undo(3), Ok(0), "the three edits of /a are one step");
    assert_eq!(h.undo(0), Err(0));
    assert_eq!(h.redo(0), Ok(3));
    assert!(h.can_redo());
    h.record(3, None, 1000.0);
    assert!(!h.can_redo(), "a new edit ends the redo chain");
    h.seal();
    h.record(7, Some("/c"), 2000.0);
    h.record(8, Some("/c"), 2001.0);
    assert_eq!(h.undo(9), Ok(7));
}

#[test]
fn a_step_keeps_its_words_through_undo_and_redo() {
    let mut h: History<u32> = History::default();
    h.record_labelled(0, None, Some("载入兰山区示例".into()), 0.0);
    h.record(1, Some("/a"), 100.0);
    h.record_labelled(2, None, Some("下移第1项".into()), 200.0);
    assert_eq!(h.undo_labelled(3), Ok((2, Some("下移第1项".into()))));
    assert_eq!(h.undo_labelled(2), Ok((1, None)), "typing: said by the place it changed");
    assert_eq!(h.undo_labelled(1), Ok((0, Some("载入兰山区示例".into()))));
    // Redone, the same step says the same.
    assert_eq!(h.redo_labelled(0), Ok((1, Some("载入兰山区示例".into()))));
    assert_eq!(h.redo_labelled(1), Ok((2, None)));
    assert_eq!(h.redo_labelled(2), Ok((3, Some("下移第1项".into()))));
    assert_eq!(h.redo_labelled(3), Err(3));
}

#[test]
fn history_keeps_a_bounded_number_of_steps() {
    let mut h: History<usize> = History::default();
    for i in 0..LIMIT + 50 {
        h.record(i, None, i as f64);
    }
    let mut steps = 0;
    let mut cur = 0;
    while let Ok(prev) = h.undo(cur) {
        cur = prev;
        steps += 1;
    }
    assert_eq!(steps, LIMIT);
    assert_eq!(cur, 50, "the oldest steps were dropped");
}

// ---------------------------------------------------------------- files and tables

#[test]
fn csv_files_are_read_in_utf8_gbk_and_utf16() {
    let d = encoding::decode(GBK_CSV, Choice::Auto);
    assert_eq!(d.encoding, Encoding::Gbk);
    assert!(!d.had_errors);
    assert!(d.text.starts_with("名称,数量,单位,已办结,备注\r\n出动执法人员,5020余,人次"), "{}", d.text);
    let utf8 = d.text.clone().into_bytes();
    assert_eq!(encoding::decode(&utf8, Choice::Auto).encoding, Encoding::Utf8);
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(&utf8);
    let d8 = encoding::decode(&bom, Choice::Auto);
    assert_eq!((d8.encoding, d8.text.starts_with("名称")), (Encoding::Utf8, true), "the BOM is not text");
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(d.text.encode_utf16().flat_map(u16::to_le_bytes));
    let d16 = encoding::decode(&utf16, Choice::Auto);
    assert_eq!((d16.encoding, d16.text.as_str()), (Encoding::Utf16Le, d.text.as_str()));
    let wrong = encoding::decode(GBK_CSV, Choice::Utf8);
    assert!(wrong.had_errors && wrong.text.contains('\u{FFFD}'), "chosen UTF-8 for a GBK file: visibly wrong");
    assert_eq!(encoding::decode("名称".as_bytes(), Choice::Gbk).encoding, Encoding::Gbk);
}

#[test]
fn spreadsheet_tables_split_into_cells() {
    assert_eq!(table::detect_delimiter(RANKING_TSV), '\t');
    assert_eq!(table::detect_delimiter("a;b;c\n1;2;3"), ';');
    assert_eq!(table::detect_delimiter("a,b\n"), ',');
    let rows = table::parse(RANKING_TSV, '\t').rows;
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[2], vec!["PM2.5浓度", "44", "μg/m³", "第3名", "2"]);
    // Excel quotes cells with line breaks, tabs and quotes; rows are padded; blank rows dropped.
    let tsv = "a\t\"two\nlines\"\t\"say \"\"hi\"\"\"\r\n\r\nb\tc\r\n";
    let table = table::parse(tsv, '\t');
    assert_eq!(table.rows, vec![vec!["a", "two\nlines", "say \"hi\""], vec!["b", "c", ""]]);
    // Each row's line in the text as the person sees it: the cell's own line break and the
    // blank line both count.
    assert_eq!(table.lines, vec![1, 4]);
    let csv = "\u{feff}名称,数量\n\"信访件\",\"1,234\"";
    assert_eq!(table::parse(csv, ',').rows, vec![vec!["名称", "数量"], vec!["信访件", "1,234"]]);
    assert!(table::parse("\n \n", ',').rows.is_empty());
    // A cell that only starts with a quote is typed text, not a quoted cell: kept as written,
    // and an unclosed quote does not swallow the rows after it.
    let typed = "\"十四五\"规划项目\t3\n\"兰山区\t5\n\n城东区\t\"7\" \n";
    let table = table::parse(typed, '\t');
    assert_eq!(table.rows, vec![vec!["\"十四五\"规划项目", "3"], vec!["\"兰山区", "5"], vec!["城东区", "7"]]);
    assert_eq!(table.lines, vec![1, 2, 4]);
}

#[test]
fn figures_in_cells_keep_their_hedges_and_units() {
    let f = mapping::parse_figure;
    assert_eq!(
        f("5020余人次"),
        mapping::Figure { number: Some("5020".into()), qualifier: Some("over"), unit: Some("人次".into()) }
    );
    assert_eq!(f("超过20万").qualifier, Some("more_than"));
    assert_eq!(f("超过20万").unit.as_deref(), Some("万"));
    assert_eq!(f("98.5%").unit.as_deref(), Some("%"));
    assert_eq!(f("1,234").number.as_deref(), Some("1234"));
    assert_eq!(f("约 300 人").qualifier, Some("about"));
    assert_eq!(f("-8.2").number.as_deref(), Some("-8.2"));
    assert_eq!(f("6.0").number.as_deref(), Some("6.0"));
    assert_eq!(f("暂无").number, None);
    // Hedges written after the figure, and the short 超: read, not taken for the unit.
    let read = |cell: &str| {
        let fig = f(cell);
        (fig.number.unwrap_or_default(), fig.qualifier, fig.unit)
    };
    assert_eq!(read("300以上"), ("300".into(), Some("at_least"), None));
    // A sheet's signs, and WeChat's “10万+”: “数值写 20，单位写“万+”” spoilt the unit.
    assert_eq!(read("10万+"), ("10".into(), Some("more_than"), Some("万".into())));
    assert_eq!(read("500+"), ("500".into(), Some("more_than"), None));
    assert_eq!(read("500＋人次"), ("500".into(), Some("more_than"), Some("人次".into())));
    assert_eq!(read("≥95%"), ("95".into(), Some("at_least"), Some("%".into())));
    assert_eq!(read("＞300"), ("300".into(), Some("more_than"), None));
    assert_eq!(read("<5"), ("5".into(), Some("less_than"), None));
    assert_eq!(read("≈20万"), ("20".into(), Some("about"), Some("万".into())));
    assert_eq!(read("+3"), ("3".into(), None, None), "a sign");
    assert_eq!(read("+"), ("".into(), None, None));
    assert_eq!(read("300件以上"), ("300".into(), Some("at_least"), Some("件".into())));
    assert_eq!(read("300左右"), ("300".into(), Some("about"), None));
    assert_eq!(read("超20万"), ("20".into(), Some("more_than"), Some("万".into())));
    // 千余 and 百余 are more than a number of thousands or hundreds (the widget would write
    // “3余千件”); 万余 keeps 万 in the unit, which the widget writes “5万余人”.
    assert_eq!(read("3千余件"), ("3000".into(), Some("over"), Some("件".into())));
    assert_eq!(read("1.25千余"), ("1250".into(), Some("over"), None));
    assert_eq!(read("2百多人"), ("200".into(), Some("over"), Some("人".into())));
    assert_eq!(read("5万余人"), ("5".into(), Some("over"), Some("万人".into())));
    assert_eq!(read("500千克"), ("500".into(), None, Some("千克".into())), "a kilogram is a unit");
    assert_eq!(mapping::parse_rank("第3名"), Some(3));
    assert_eq!(mapping::parse_rank(" 2 "), Some(2));
    assert_eq!(mapping::parse_rank("前列"), None);
    assert_eq!(mapping::parse_qualifier("余"), Some("over"));
    assert_eq!(mapping::parse_qualifier("at_least"), Some("at_least"));
}

#[test]
fn columns_are_guessed_from_headers_or_from_the_cells() {
    let rows = table::parse(RANKING_TSV, '\t').rows;
    assert!(mapping::guess_header(&rows));
    assert_eq!(
        mapping::guess_mapping(Target::Ranking, &rows, true),
        vec![Field::Label, Field::Value, Field::Unit, Field::ValueRank, Field::ChangeRank]
    );
    let body = &rows[1..];
    assert!(!mapping::guess_header(body));
    assert_eq!(
        mapping::guess_mapping(Target::Ranking, body, false),
        vec![Field::Label, Field::Value, Field::Unit, Field::ValueRank, Field::ChangeRank]
    );
    let csv = table::parse(&encoding::decode(GBK_CSV, Choice::Auto).text, ',').rows;
    assert!(mapping::guess_header(&csv));
    assert_eq!(
        mapping::guess_mapping(Target::CaseStats, &csv, true),
        vec![Field::Label, Field::Value, Field::Unit, Field::Resolved, Field::Note]
    );
    let english =
        vec![vec!["Indicator".to_string(), "Value".into(), "Rank".into()], vec!["x".into(), "1".into(), "2".into()]];
    assert_eq!(
        mapping::guess_mapping(Target::Ranking, &english, true),
        vec![Field::Label, Field::Value, Field::ValueRank]
    );
    // Headers that name no field are guessed from their cells, beside those that do; a
    // header naming a field the section has no place for (备注 in a ranking) stays unimported.
    let districts = table::parse(
        "区县\t污水处理率\t排名\t同比提升排名\t备注\n城东区\t98.5%\t1\t3\t新建\n城西区\t97.2%\t2\t1\t\n",
        '\t',
    )
    .rows;
    assert!(mapping::guess_header(&districts));
    assert_eq!(
        mapping::guess_mapping(Target::Ranking, &districts, true),
        vec![Field::Label, Field::Value, Field::ValueRank, Field::ChangeRank, Field::Ignore]
    );
}

#[test]
fn a_ranking_tables_name_header_that_says_what_the_rows_are_heads_the_first_column() {
    let build = |tsv: &str| built_from(Target::Ranking, tsv);
    let counties = build("区县\t污水处理率\t排名\n城东区\t98.5%\t1\n城西区\t97.2%\t2\n");
    assert_eq!(counties.row_heading.as_deref(), Some("区县"));
    assert!(
        counties.notes.contains(&Note::RowHeading { header: "区县".into() }),
        "said in the notes: {:?}",
        counties.notes
    );
    // A header that only says the rows are named, or a table without one: the default stays.
    // Nor does an English header: the heading's Chinese is the text every reader gets.
    for tsv in [
        "指标\t数值\n用水总量\t12\n",
        "指标名称\t数值\n用水总量\t12\n",
        "名称\t数值\n用水总量\t12\n",
        "District\tValue\nEast\t12\n",
    ] {
        let built = build(tsv);
        assert_eq!(built.row_heading, None, "{tsv}");
        assert!(!built.notes.iter().any(|n| matches!(n, Note::RowHeading { .. })), "{tsv}");
    }
    let rows = table::parse("城东区\t98.5\t1\n", '\t').rows;
    let built = mapping::build(
        Target::Ranking,
        None,
        &rows,
        &[Field::Label, Field::Value, Field::ValueRank],
        &HashSet::new(),
        "r",
    );
    assert_eq!(built.row_heading, None);
    assert_eq!(built.value_heading, None);
    // Case statistics have no such heading.
    assert_eq!(built_from(Target::CaseStats, "区县\t数量\n城东区\t3\n").row_heading, None);
}

#[test]
fn a_ranking_tables_value_header_that_names_its_figures_heads_the_value_column() {
    let build = |tsv: &str| built_from(Target::Ranking, tsv);
    // The unit in brackets goes to the values, the rest heads them.
    let towns = build("乡镇\t合格率（%）\t排名\n柳青街道\t98.5\t1\n");
    assert_eq!(towns.value_heading.as_deref(), Some("合格率"));
    assert_eq!(towns.entries[0]["unit"], "%");
    // A cell that repeats the header's unit ("99.2%" under 合格率（%）) is not a note a row.
    let repeated = build("乡镇\t合格率（%）\n柳青街道\t98.5%\n青山镇\t97%\n");
    assert_eq!(repeated.entries[1]["unit"], "%");
    assert!(!repeated.notes.iter().any(|n| matches!(n, Note::Unit { .. })), "{:?}", repeated.notes);
    assert!(
        towns.notes.contains(&Note::ValueHeading { header: "合格率（%）".into(), heading: "合格率".into() }),
        "said in the notes: {:?}",
        towns.notes
    );
    assert_eq!(build("区县\t污水处理率\t排名\n城东区\t98.5%\t1\n").value_heading.as_deref(), Some("污水处理率"));
    assert_eq!(build("站点\tPM2.5浓度(μg/m³)\n东站\t31\n").value_heading.as_deref(), Some("PM2.5浓度"));
    // A header that names its figures with a word of the import's vocabulary is a heading.
    assert_eq!(build("区县\t罚款金额（万元）\n城东区\t12\n").value_heading.as_deref(), Some("罚款金额"));
    assert_eq!(build("区县\t金额（万元）\n城东区\t12\n").value_heading.as_deref(), Some("金额"));
    // A header that only says the column holds values, an English one (the heading's Chinese
    // is the text every reader gets), or none: the default stays.
    for tsv in [
        "区县\t数值\n城东区\t12\n",
        "区县\t数值（%）\n城东区\t12\n",
        "区县\t合计（件）\n城东区\t12\n",
        "区县\t数量\n城东区\t12\n",
        "District\tPass rate\nEast\t12\n",
    ] {
        let built = build(tsv);
        assert_eq!(built.value_heading, None, "{tsv}");
        assert!(!built.notes.iter().any(|n| matches!(n, Note::ValueHeading { .. })), "{tsv}");
    }
    // Case statistics have no such heading.
    assert_eq!(built_from(Target::CaseStats, "类别\t金额（万元）\n罚款\t3\n").value_heading, None);
}

#[test]
fn a_sections_own_headings_are_kept_and_a_value_heading_that_may_not_fit_is_to_check() {
    let build = |tsv: &str| built_from(Target::Ranking, tsv);
    let sheet = "区县\t污水处理率（%）\n城东区\t98\n";
    // A section without headings takes the table's.
    let mut fresh = build(sheet);
    mapping::keep_headings(&mut fresh, None, None, false);
    assert_eq!((fresh.row_heading.as_deref(), fresh.value_heading.as_deref()), (Some("区县"), Some("污水处理率")));
    // Headings the person gave stay; one that names another figure is a note to check, whether
    // the rows are replaced or added to.
    for appending in [false, true] {
        let mut built = build(sheet);
        mapping::keep_headings(&mut built, Some("县区"), Some(" 合格率"), appending);
        assert_eq!((built.row_heading.as_deref(), built.value_heading.as_deref()), (None, None));
        let kept: Vec<&Note> = built.notes.iter().filter(|n| matches!(n, Note::HeadingKept { .. })).collect();
        assert_eq!(kept, [&Note::HeadingKept { kept: "合格率".into(), header: "污水处理率（%）".into(), appending }]);
        assert!(kept[0].needs_check());
        assert!(!built.notes.iter().any(|n| matches!(n, Note::RowHeading { .. } | Note::ValueHeading { .. })));
    }
    // A blank heading is none to compare with; the same heading: nothing to say. Rows added
    // under indicators: no heading, no note.
    let mut blank = build(sheet);
    mapping::keep_headings(&mut blank, None, Some(" "), false);
    assert!(!blank.notes.iter().any(|n| matches!(n, Note::HeadingKept { .. })));
    let mut same = build(sheet);
    mapping::keep_headings(&mut same, None, Some("污水处理率"), false);
    assert!(!same.notes.iter().any(|n| matches!(n, Note::HeadingKept { .. })));
    let mut added = build(sheet);
    mapping::keep_headings(&mut added, None, None, true);
    assert_eq!((added.row_heading.as_deref(), added.value_heading.as_deref()), (None, None));
    assert!(!added.notes.iter().any(|n| matches!(n, Note::HeadingKept { .. } | Note::ValueHeading { .. })));
}

#[test]
fn a_rank_beyond_the_sections_group_is_said_before_applying() {
    let rows = table::parse("乡镇\t合格率\t排名\n甲镇\t98\t1\n合计\t\t\n乙镇\t97\t7\n丙镇\t96\t0\n", '\t').rows;
    let map = mapping::guess_mapping(Target::Ranking, &rows, true);
    let mut built = mapping::build(Target::Ranking, Some(rows[0].as_slice()), &rows[1..], &map, &HashSet::new(), "r");
    assert_eq!(built.rows, [0, 2, 3], "each entry's row of the table, the total row left out");
    mapping::note_ranks_beyond_group(&mut built, 6);
    let beyond: Vec<&Note> = built.notes.iter().filter(|n| matches!(n, Note::RankBeyondGroup { .. })).collect();
    assert_eq!(
        beyond,
        [
            &Note::RankBeyondGroup { row: 2, field: Field::ValueRank, rank: 7, size: 6 },
            &Note::RankBeyondGroup { row: 3, field: Field::ValueRank, rank: 0, size: 6 }
        ]
    );
    assert!(beyond[0].needs_check());
    // Among the other notes in row order: after the total row's (row 1).
    let rows: Vec<Option<usize>> = built.notes.iter().map(Note::row).filter(Option::is_some).collect();
    assert!(rows.windows(2).all(|w| w[0] <= w[1]), "{:?}", built.notes);
    // The section's group size, from the document; none where it is not a whole number.
    let mut doc = json::parse(LANSHAN).unwrap();
    let ranks = doc["sections"].as_array().unwrap().iter().position(|s| s["id"] == "air-ranks").unwrap();
    assert_eq!(mapping::group_size(&doc, ranks), Some(5), "五区");
    assert_eq!(mapping::group_size(&doc, 0), None, "a metrics section ranks in no group of its own");
    doc["groups"][0]["size"] = serde_json::json!("5");
    assert_eq!(mapping::group_size(&doc, ranks), None);
}

#[test]
fn a_comma_for_a_decimal_point_is_kept_and_its_reading_suggested() {
    let rows = table::parse("乡镇\t合格率\n甲镇\t97,5\n乙镇\t1,234\n丙镇\t-0,25\n丁镇\t1,2345\n", '\t').rows;
    let map = mapping::guess_mapping(Target::Ranking, &rows, true);
    assert_eq!(map, [Field::Label, Field::Value], "still a column of numbers");
    let built = mapping::build(Target::Ranking, Some(rows[0].as_slice()), &rows[1..], &map, &HashSet::new(), "r");
    assert_eq!(built.entries[0]["value"], "97,5", "kept as written: never silently changed");
    assert_eq!(built.entries[1]["value"].to_string(), "1234", "a thousands separator is one");
    let said: Vec<&Note> =
        built.notes.iter().filter(|n| matches!(n, Note::DecimalComma { .. } | Note::NotANumber { .. })).collect();
    assert_eq!(
        said,
        [
            &Note::DecimalComma { row: 0, cell: "97,5".into(), reading: "97.5".into() },
            &Note::DecimalComma { row: 2, cell: "-0,25".into(), reading: "-0.25".into() },
            &Note::NotANumber { row: 3, cell: "1,2345".into(), field: Field::Value },
        ]
    );
    assert!(said[0].needs_check());
}

#[test]
fn a_comma_for_a_decimal_point_before_a_unit_is_said_with_the_unit_and_the_other_rows_are_not_warned() {
    let rows = table::parse("乡镇\t合格率\n甲镇\t98.5%\n乙镇\t96,8%\n丙镇\t95.1%\n", '\t').rows;
    let map = mapping::guess_mapping(Target::Ranking, &rows, true);
    assert_eq!(map, [Field::Label, Field::Value]);
    let built = mapping::build(Target::Ranking, Some(rows[0].as_slice()), &rows[1..], &map, &HashSet::new(), "r");
    assert_eq!(built.entries[1]["value"], "96,8%", "kept as written");
    assert!(built.notes.contains(&Note::DecimalComma { row: 1, cell: "96,8%".into(), reading: "96.8%".into() }));
    // The row kept as text is no row "without a unit": the rows with % are not each warned.
    assert!(!built.notes.iter().any(|n| matches!(n, Note::UnitOnSome { .. })), "{:?}", built.notes);
    assert_eq!(report_widget::format::figure::decimal_comma("１２，５万").as_deref(), Some("12.5万"));
    assert_eq!(report_widget::format::figure::decimal_comma("1,234件"), None, "a thousands separator");
    assert_eq!(report_widget::format::figure::decimal_comma("1,5,7%"), None);
}

#[test]
fn a_sheet_that_compares_two_years_imports_this_years_figure() {
    let guess = |tsv: &str| {
        let rows = table::parse(tsv, '\t').rows;
        mapping::guess_mapping(Target::Metrics, &rows, true)
    };
    use Field::{Change, Ignore, Label, Value};
    // Last year's column came first and was taken as the value, beside this year's change.
    assert_eq!(guess("指标\t上年\t本年\t同比\n全年供水总量\t3056.2\t3215.6\t5.2%\n"), [Label, Ignore, Value, Change]);
    assert_eq!(guess("指标\t去年同期\t本期\t同比\n供水量\t3056.2\t3215.6\t5.2%\n"), [Label, Ignore, Value, Change]);
    // A column headed plainly 数值 is the value, not one headed 上年数值.
    assert_eq!(guess("指标\t上年数值\t数值\t同比\n供水量\t3056.2\t3215.6\t5.2%\n"), [Label, Ignore, Value, Change]);
    // Of two years, the later is the report's, whichever column comes first.
    assert_eq!(guess("指标\t2022年\t2023年\t增减（%）\n供水量\t3056.2\t3215.6\t5.2\n"), [Label, Ignore, Value, Change]);
    assert_eq!(guess("指标\t２０２３年数值\t2022年数值\n供水量\t3215.6\t3056.2\n"), [Label, Value, Ignore]);
    // A change against last year is still the change.
    assert_eq!(guess("指标\t本年\t比上年增减\n供水量\t3215.6\t5.2%\n"), [Label, Value, Change]);
    assert_eq!(guess("指标\t2023年\t比2022年增减\n供水量\t3215.6\t5.2%\n"), [Label, Value, Change]);
    // One year alone changes nothing.
    assert_eq!(guess("指标\t2023年\t同比\n供水量\t3215.6\t5.2%\n"), [Label, Value, Change]);
    // The earlier year's column is said to be left out.
    let built = built_from(Target::Metrics, "指标\t上年\t本年\t同比\n全年供水总量\t3056.2\t3215.6\t5.2%\n");
    assert_eq!(built.entries[0]["value"].to_string(), "3215.6");
    assert!(built.notes.contains(&Note::ColumnNotImported { column: 1, header: Some("上年".into()) }));
}

#[test]
fn a_unit_column_of_towns_with_a_note_in_brackets_and_an_average_row_names_the_rows() {
    let rows = table::parse(
        "单位\t考核得分\t名次\n城关镇\t98.5\t1\n河口镇（含开发区）\t97\t2\n石桥镇\t96.5\t3\n全县平均\t97.3\t\n",
        '\t',
    )
    .rows;
    let map = mapping::guess_mapping(Target::Ranking, &rows, true);
    assert_eq!(map, [Field::Label, Field::Value, Field::ValueRank]);
    let built = mapping::build(Target::Ranking, Some(rows[0].as_slice()), &rows[1..], &map, &HashSet::new(), "r");
    assert_eq!(built.entries.len(), 3, "the average row is left out");
    assert_eq!(built.entries[1]["label"], "河口镇（含开发区）");
    assert!(built.notes.iter().any(|n| matches!(n, Note::AverageRow { .. })));
}

#[test]
fn a_pasted_ranking_table_fills_a_valid_section() {
    let mut doc = parse(LANSHAN);
    let ranking = doc["sections"].as_array().unwrap().iter().position(|s| s["kind"] == "ranking").unwrap();
    let rows = table::parse(RANKING_TSV, '\t').rows;
    let map = mapping::guess_mapping(Target::Ranking, &rows, true);
    let built = mapping::build(Target::Ranking, Some(rows[0].as_slice()), &rows[1..], &map, &doc::ids(&doc), "x");
    assert_eq!(
        built.entries[1],
        json!({ "label": "PM2.5浓度", "value": 44, "unit": "μg/m³", "value_rank": 3, "change_rank": 2 })
    );
    assert_eq!(built.entries[0]["value"].to_string(), "4.73");
    assert!(doc::apply(
        &mut doc,
        &Edit::Set { ptr: format!("/sections/{ranking}/rows"), value: Some(Value::Array(built.entries)) }
    ));
    let status = check(&doc, 0);
    assert_eq!(status.problems, vec![]);
    let view = ReportView::new(status.report.as_ref().unwrap(), Lang::Zh);
    let text = format!("{view:?}");
    assert!(text.contains("PM2.5浓度") && text.contains("O3浓度"));
}

#[test]
fn a_gbk_case_statistics_file_fills_a_valid_section_with_chinese_intact() {
    let mut doc = parse(LANSHAN);
    let si = doc["sections"].as_array().unwrap().iter().position(|s| s["id"] == "enforcement").unwrap();
    let rows = table::parse(&encoding::decode(GBK_CSV, Choice::Auto).text, ',').rows;
    let map = mapping::guess_mapping(Target::CaseStats, &rows, true);
    // Replacing: the section's own ids are free again; others stay taken.
    let mut taken = doc::ids(&doc);
    for item in doc["sections"][si]["items"].as_array().unwrap() {
        taken.remove(item["id"].as_str().unwrap());
    }
    let built = mapping::build(Target::CaseStats, Some(rows[0].as_slice()), &rows[1..], &map, &taken, "enforcement");
    assert_eq!(
        built.entries[0],
        json!({ "id": "enforcement-1", "label": "出动执法人员", "value": 5020, "qualifier": "over", "unit": "人次" })
    );
    assert_eq!(built.entries[2]["value"], json!(1234));
    assert_eq!(built.entries[2]["note"], json!("含\"12345\"热线"));
    assert_eq!(built.entries[3]["resolved"], json!(274));
    assert!(built.notes.contains(&Note::Qualifier { row: 0, cell: "5020余".into(), qualifier: "over" }));
    let ids: HashSet<&str> = built.entries.iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 4, "unique ids");
    assert!(doc::apply(
        &mut doc,
        &Edit::Set { ptr: format!("/sections/{si}/items"), value: Some(Value::Array(built.entries)) }
    ));
    let status = check(&doc, 0);
    assert_eq!(status.problems, vec![]);
    assert!(format!("{:?}", ReportView::new(status.report.as_ref().unwrap(), Lang::Zh)).contains("5020余人次"));
}

#[test]
fn a_resolved_count_with_a_hedge_or_a_rate_is_kept_as_written_and_noted() {
    let table = table::parse(
        "项目\t数量\t单位\t已办结\n信访\t1,240\t件\t1,230余\n热线\t370\t件\t98.9%\n督办\t270\t件\t270件\n",
        '\t',
    );
    let map = mapping::guess_mapping(Target::CaseStats, &table.rows, true);
    assert_eq!(map, vec![Field::Label, Field::Value, Field::Unit, Field::Resolved]);
    let built =
        mapping::build(Target::CaseStats, Some(table.rows[0].as_slice()), &table.rows[1..], &map, &HashSet::new(), "x");
    // The bare number would say more than the cell: exactly 1230, or 98.9 cases.
    assert_eq!(built.entries[0]["resolved"], json!("1,230余"));
    assert_eq!(built.entries[1]["resolved"], json!("98.9%"));
    // The row's own unit after the count says nothing more.
    assert_eq!(built.entries[2]["resolved"], json!(270));
    assert_eq!(
        built.notes,
        vec![Note::NotACount { row: 0, cell: "1,230余".into() }, Note::NotACount { row: 1, cell: "98.9%".into() }]
    );
}

#[test]
fn a_kind_change_counts_what_it_would_remove() {
    let doc = parse(LANSHAN);
    let section = |id: &str| doc["sections"].as_array().unwrap().iter().find(|s| s["id"] == id).unwrap().clone();
    assert_eq!(doc::dropped_by_kind_change(&doc, &section("air")), 8, "its 8 figures");
    // The year, the label, 4 months and the source.
    assert_eq!(doc::dropped_by_kind_change(&doc, &section("first-months")), 7);
    // A ranking's group is what a new one starts with; its 4 rows go.
    assert_eq!(doc::dropped_by_kind_change(&doc, &section("air-ranks")), 4);
    // A ranking made before there were groups has an empty group: nothing typed, nothing lost.
    let early = json!({ "id": "r", "title": "", "kind": "ranking", "group": "", "rows": [] });
    assert_eq!(doc::dropped_by_kind_change(&doc, &early), 0);
    // Untouched new sections of every kind: nothing to lose, nothing to ask.
    for (_, kind) in SectionKind::ALL {
        assert_eq!(doc::dropped_by_kind_change(&doc, &doc::new_section(&doc, kind)), 0, "{kind:?}");
    }
}

#[test]
fn a_value_keeps_its_magnitude_and_hedge_beside_a_unit_column() {
    let rows: Vec<Vec<String>> = [
        ["罚没款", "12.5万", "元"],
        ["宣传", "超过20万", "人次"],
        ["宣传册", "3千", "份"],
        ["罚款", "20万", "万元"],
        ["达标率", "98.5%", "%"],
        ["案件", "12件", "起"],
        ["巡湖", "1 234", "次"],
        ["巡河", "2\u{a0}345次", ""],
    ]
    .iter()
    .map(|r| r.iter().map(|c| c.to_string()).collect())
    .collect();
    let built = mapping::build(
        Target::CaseStats,
        None,
        &rows,
        &[Field::Label, Field::Value, Field::Unit],
        &HashSet::new(),
        "s",
    );
    let figure = |i: usize| {
        let e = &built.entries[i];
        (e["value"].clone(), e.get("qualifier").cloned().unwrap_or(Value::Null), e["unit"].clone())
    };
    assert_eq!(figure(0), (json!(12.5), Value::Null, json!("万元")), "万 joins the unit column's 元");
    assert_eq!(figure(1), (json!(20), json!("more_than"), json!("万人次")));
    assert_eq!(figure(2), (json!(3), Value::Null, json!("千份")));
    assert_eq!(figure(3), (json!(20), Value::Null, json!("万元")), "the column already says 万");
    assert_eq!(figure(4), (json!(98.5), Value::Null, json!("%")));
    assert_eq!(figure(5), (json!(12), Value::Null, json!("起")), "the column's unit, and a note");
    assert_eq!(figure(6), (json!(1234), Value::Null, json!("次")), "a space groups thousands");
    assert_eq!(figure(7), (json!(2345), Value::Null, json!("次")), "so does Excel's no-break space");
    assert!(built.notes.contains(&Note::Unit { row: 1, cell: "超过20万".into(), unit: "万人次".into() }));
    assert!(built.notes.contains(&Note::UnitConflict { row: 5, cell: "12件".into(), column: "起".into() }));
    assert!(
        !built.notes.iter().any(|n| matches!(n, Note::Unit { row: 3 | 4, .. })),
        "nothing to say: {:?}",
        built.notes
    );
    // "1 2345" is not grouped in threes: kept as written, and named.
    let odd = vec![vec!["巡湖".to_string(), "1 2345".into()]];
    let built = mapping::build(Target::CaseStats, None, &odd, &[Field::Label, Field::Value], &HashSet::new(), "s");
    assert_eq!(built.entries[0]["value"], json!("1 2345"));
}

#[test]
fn a_ranking_row_that_loses_its_hedge_says_so() {
    let rows = vec![vec!["城东区".to_string(), "5020余".into()], vec!["城西区".to_string(), "3000".into()]];
    let built = mapping::build(Target::Ranking, None, &rows, &[Field::Label, Field::Value], &HashSet::new(), "r");
    assert_eq!(built.entries[0]["value"], json!(5020));
    assert_eq!(built.notes, vec![Note::QualifierDropped { row: 0, cell: "5020余".into() }]);
}

#[test]
fn a_cell_that_is_not_a_number_is_kept_and_named() {
    let rows = vec![vec!["处罚".to_string(), "若干".into()]];
    let built = mapping::build(Target::CaseStats, None, &rows, &[Field::Label, Field::Value], &HashSet::new(), "s");
    assert_eq!(built.entries[0]["value"], json!("若干"));
    assert!(matches!(built.notes[0], Note::NotANumber { row: 0, field: Field::Value, .. }));
    let mut doc = parse(LANSHAN);
    doc["sections"][4]["items"] = Value::Array(built.entries);
    let status = check(&doc, 0);
    assert!(status.problems.iter().any(|p| p.pointer == "/sections/4/items/0/value"), "{:?}", status.problems);
}

// ---------------------------------------------------------------- problems and files

#[test]
fn a_problem_leads_to_its_control() {
    assert_eq!(
        nav::candidates("/sections/2/title"),
        vec![
            "f/sections/2/title",
            "f/sections/2/title/zh",
            "add:/sections/2/title",
            "f/sections/2",
            "f/sections/2/zh",
            "f/sections",
            "f/sections/zh"
        ]
    );
    assert!(nav::candidates("/").is_empty());
    // A place at or inside another, by whole tokens.
    assert_eq!(nav::under("/sections/1/items/2", "/sections/1"), Some("/items/2"));
    assert_eq!(nav::under("/sections/1", "/sections/1"), Some(""));
    assert_eq!(nav::under("/sections/10/title", "/sections/1"), None);
    let doc = parse(LANSHAN);
    let crumbs = nav::breadcrumb(&doc, "/sections/0/items/1/change/value");
    assert_eq!(
        crumbs,
        vec![
            Crumb::Section { index: 0, name: "空气质量（2021年1-12月）".into() },
            Crumb::Entry { list: "items".into(), index: 1, name: "优良天数".into() },
            Crumb::Field("change".into()),
            Crumb::Field("value".into()),
        ]
    );
    assert_eq!(nav::breadcrumb(&doc, "/meta/title"), vec![Crumb::Meta, Crumb::Field("title".into())]);
    assert_eq!(
        nav::breadcrumb(&doc, "/groups/0/size"),
        vec![Crumb::Group { index: 0, name: "五区".into() }, Crumb::Field("size".into())]
    );
}

#[test]
fn opening_a_file_reports_its_problems_without_touching_anything() {
    let err = open_file(b"{\n  \"schema\": \"report-widget/1\",\n  \"meta\": {\n}").unwrap_err();
    assert_eq!(err.len(), 1);
    assert_eq!(err[0].position.map(|p| p.0), Some(4));
    let (value, status) = open_file(
        br#"{"schema": "report-widget/1", "meta": {"title": "", "publisher": "P", "date": "2022"}, "sections": []}"#,
    )
    .unwrap();
    assert!(status.report.is_none());
    assert!(status.problems.iter().any(|p| p.pointer == "/meta/date"));
    assert_eq!(value["meta"]["publisher"], "P", "an invalid file can still be opened to fix it");
    let (_, status) = open_file(LANSHAN.as_bytes()).unwrap();
    assert!(status.report.is_some());
    // GBK has no “³”: a payload saved as GBK by Notepad would have written m3.
    let text = LANSHAN.replace('³', "3");
    let gbk = encoding_rs::GBK.encode(&text).0;
    let (value, status) = open_file(&gbk).unwrap();
    assert!(status.report.is_some(), "a payload saved as GBK still opens");
    assert_eq!(value, parse(&text));
    let big = vec![b' '; validate::MAX_PAYLOAD_BYTES + 1];
    assert!(open_file(&big).unwrap_err()[0].en.contains("too large"));
    // In the sizes a person sees for a file.
    assert_eq!(open_file(&big).unwrap_err()[0].zh, "数据过大：2.1 MB（2097153 字节），上限为 2 MB（2097152 字节）");
    let bigger = vec![b' '; 3_000_993];
    assert!(open_file(&bigger).unwrap_err()[0].en.starts_with("payload too large: 2.9 MB (3000993 bytes)"));
}

// ---------------------------------------------------------------- outputs

#[test]
fn the_inline_snippet_cannot_be_ended_by_a_label() {
    let mut doc = parse(LANSHAN);
    doc["meta"]["title"] = json!("报告</script><script>alert(1)</script>");
    let text = json::to_pretty(&doc);
    let snippet = output::embed_snippet(
        &text,
        &PayloadPlace::Inline { id: "my-report".into() },
        "/static/rw/1.0",
        "en",
        Some("dark"),
    );
    assert!(snippet.starts_with(
        "<div data-report-widget data-payload=\"my-report\" data-lang=\"en\" data-theme=\"dark\"></div>\n"
    ));
    assert!(snippet.contains("<script type=\"module\" src=\"/static/rw/1.0/report-widget.js\"></script>"));
    assert_eq!(snippet.matches("</script>").count(), snippet.matches("<script").count(), "only real ends: {snippet}");
    let start = snippet.find("id=\"my-report\">").unwrap() + "id=\"my-report\">".len();
    let end = snippet[start..].find("</script>").unwrap() + start;
    let payload: Value = serde_json::from_str(&snippet[start..end]).unwrap();
    assert_eq!(payload, doc, "the same payload, numbers as written");
    assert!(snippet[start..end].contains("-6.0"));
}

#[test]
fn the_snippet_settings_are_kept_and_the_widget_folder_starts_as_the_editors() {
    // Served from a site: the widget's files are beside the editor in dist/.
    assert_eq!(output::editor_folder("https:", "/static/report-widget/editor.html"), "/static/report-widget/");
    assert_eq!(output::editor_folder("http:", "/editor.html"), "/");
    assert_eq!(output::editor_folder("http:", "/rw/"), "/rw/");
    // From disk, a path means nothing to a portal.
    assert_eq!(output::editor_folder("file:", "/home/me/dist/editor.html"), "");
    let fresh = SnippetSettings::from_prefs(&Value::Null, "/rw/");
    assert_eq!(
        fresh,
        SnippetSettings {
            inline: true,
            prerender: false,
            base: "/rw/".into(),
            lang: "zh".into(),
            theme: String::new()
        }
    );
    // What was chosen last time comes back, an emptied folder too.
    let chosen = SnippetSettings {
        inline: false,
        prerender: true,
        base: String::new(),
        lang: "en".into(),
        theme: "dark".into(),
    };
    let prefs = json!({ "ui": "zh", "snippet": serde_json::to_value(&chosen).unwrap() });
    assert_eq!(SnippetSettings::from_prefs(&prefs, "/rw/"), chosen);
    // Kept by an older editor or changed by hand: what is not understood falls back.
    let odd = json!({ "snippet": { "lang": "fr", "theme": "neon", "prerender": true } });
    assert_eq!(
        SnippetSettings::from_prefs(&odd, "/rw/"),
        SnippetSettings { prerender: true, ..SnippetSettings::from_prefs(&Value::Null, "/rw/") }
    );
    assert_eq!(SnippetSettings::from_prefs(&json!({ "snippet": "x" }), "/rw/"), fresh);
}

#[test]
fn the_data_src_snippet_and_names_are_escaped() {
    let s = output::embed_snippet("{}", &PayloadPlace::File { url: "/reports/a\"b.json".into() }, "./", "zh", None);
    assert_eq!(
        s,
        "<div data-report-widget data-src=\"/reports/a&quot;b.json\" data-lang=\"zh\"></div>\n<script type=\"module\" src=\"./report-widget.js\"></script>\n<script nomodule defer src=\"./report-widget-nomodule.js\"></script>\n"
    );
    assert_eq!(output::file_name("兰山 2021"), "兰山 2021.json");
    assert_eq!(output::file_name("a/b:c.json"), "a-b-c.json");
    assert_eq!(output::file_name("  "), "report.json");
    assert_eq!(output::file_name_for_period("2021年度"), "report-2021.json");
    assert_eq!(output::file_name_for_period("Year 2021"), "report-2021.json");
    assert_eq!(output::file_name_for_period("2021—2023年"), "report-2021.json");
    assert_eq!(output::file_name_for_period("二〇二一年"), "report.json");
    assert_eq!(output::file_name_for_period("120215"), "report.json");
    assert_eq!(output::file_name_for_period(""), "report.json");
    assert_eq!(output::element_id("my report!"), "my-report");
    assert_eq!(output::element_id("报告"), "report-payload");
}

#[test]
fn the_prerendered_snippet_is_the_command_line_one() {
    use report_widget::prerender;
    use report_widget::snippet::{BuildFiles, BuildIntegrity, SnippetOptions};
    let options = SnippetOptions {
        base: "/static/rw/1.0/".into(),
        payload_id: "lanshan".into(),
        lang: "en".into(),
        theme: Some("dark".into()),
        integrity: None,
    };
    let report = validate::load(LANSHAN).unwrap();
    let html = prerender::render_report(&report, &options, false);
    let printed = prerender::render_report(&report, &options, true);
    assert_eq!(html, prerender::render(LANSHAN, &options).unwrap());
    let dist_files = BuildFiles {
        stylesheet: "./report-widget-0123456789abcdef.css",
        wasm: Some("./report-widget-web-0123456789abcdef_bg.wasm"),
    };
    // As the editor page carries them: the SRI file's value lines.
    let integrity = BuildIntegrity::from_sri_txt(
        "sha384-A  report-widget.js\nsha384-B  report-widget-nomodule.js\nsha384-C  report-widget-0123456789abcdef.css",
    );
    assert_eq!(BuildIntegrity::from_sri_txt(""), None, "an editor page built without the widget: none");
    let ours = output::prerendered_snippet(
        LANSHAN,
        &html,
        &printed,
        &dist_files,
        "lanshan",
        "/static/rw/1.0",
        "en",
        Some("dark"),
        integrity.clone(),
    );
    let files = BuildFiles {
        stylesheet: "/static/rw/1.0/report-widget-0123456789abcdef.css",
        wasm: Some("/static/rw/1.0/report-widget-web-0123456789abcdef_bg.wasm"),
    };
    let cli = prerender::snippet(LANSHAN, &files, &SnippetOptions { integrity, ..options }).unwrap();
    assert!(cli.contains("src=\"/static/rw/1.0/report-widget.js\" integrity=\"sha384-A\""));
    assert!(cli.contains("report-widget-0123456789abcdef.css\" integrity=\"sha384-C\" crossorigin=\"anonymous\">"));
    assert_eq!(ours, cli);
}

#[test]
fn the_texts_an_english_view_shows_in_chinese_are_listed() {
    let doc = json!({
        "schema": "report-widget/1",
        "meta": { "title": "兰山区报告", "publisher": { "zh": "兰山分局", "en": "Lanshan Branch" }, "date": "2022-03-03" },
        "groups": [{ "id": "five", "label": "五区", "size": 5 }],
        "sections": [{
            "id": "air",
            "title": { "zh": "空气质量", "en": " " },
            "kind": "metrics",
            "items": [{ "id": "pm25", "label": "PM2.5", "unit": "μg/m³", "value": 44 }, { "id": "优良", "label": "优良天数", "unit": { "zh": "天", "en": "days" }, "value": 231, "ranks": [{ "group": "五区", "position": 1 }] }]
        }]
    });
    // In the form's order: the report's title first, then groups, then each section's title
    // before its items ("go to the first" goes to the title).
    assert_eq!(
        doc::untranslated(&doc),
        ["/meta/title", "/groups/0/label", "/sections/0/title", "/sections/0/items/1/label"]
    );
    // The Lanshan payload is translated throughout.
    assert_eq!(doc::untranslated(&parse(LANSHAN)), Vec::<String>::new());
}

// ---------------------------------------------------------------- a pasted table kept across reloads

#[test]
fn a_pasted_table_not_applied_is_kept_and_comes_back_to_its_section() {
    let doc = parse(LANSHAN);
    let pending = PendingImport {
        section: 1,
        section_id: "air-ranks".into(),
        text: "指标\t数值\r\n扬尘治理达标率\t96.0\r\n".into(),
        file: None,
        columns: None,
        set_aside: None,
    };
    let stored = pending.to_stored().expect("kept");
    assert_eq!(PendingImport::from_stored(&stored).as_ref(), Some(&pending), "read back as written");
    assert_eq!(pending.section_in(&doc), Some(1));

    // The sections were moved (in the JSON view, say): the text follows its section's id.
    let mut moved = doc.clone();
    moved["sections"].as_array_mut().unwrap().swap(1, 5);
    assert_eq!(pending.section_in(&moved), Some(5));
    // The id was changed: the section at the old index, while a table can still fill it.
    let mut renamed = doc.clone();
    renamed["sections"][1]["id"] = json!("ranks");
    assert_eq!(pending.section_in(&renamed), Some(1));
    renamed["sections"][1]["kind"] = json!("narrative");
    assert_eq!(pending.section_in(&renamed), None, "no import box to put it in");
    assert_eq!(PendingImport { section: 40, ..pending.clone() }.section_in(&renamed), None);

    // Up to the largest payload the editor takes, as the work beside it; nothing when empty.
    let row = "区县\t1\n";
    let at_limit = row.repeat(MAX_KEPT_BYTES / row.len());
    assert!(at_limit.len() <= MAX_KEPT_BYTES);
    assert!(PendingImport { text: at_limit.clone(), ..pending.clone() }.to_stored().is_some());
    let over = format!("{at_limit}{}", "x".repeat(MAX_KEPT_BYTES + 1 - at_limit.len()));
    assert_eq!(over.len(), MAX_KEPT_BYTES + 1);
    assert_eq!(PendingImport { text: over.clone(), ..pending.clone() }.to_stored(), None);
    assert_eq!(PendingImport { text: " \n".into(), ..pending.clone() }.to_stored(), None);
    // What was stored by hand, or cut short, is not read.
    let forged = json!({ "section": 1, "section_id": "air-ranks", "text": over }).to_string();
    assert_eq!(PendingImport::from_stored(&forged), None);
    assert_eq!(PendingImport::from_stored(&stored[..stored.len() - 2]), None);
    assert_eq!(PendingImport::from_stored("{\"section\": -1, \"text\": \"a\"}"), None);

    // Of a chosen file, only its name: the box comes back open, asking for the file again.
    let chosen = PendingImport { text: String::new(), file: Some("案件统计.csv".into()), ..pending.clone() };
    let stored = chosen.to_stored().expect("the name is kept");
    assert!(!stored.contains("扬尘"), "not the file's text: {stored}");
    assert_eq!(PendingImport::from_stored(&stored).as_ref(), Some(&chosen));
    assert_eq!(PendingImport::from_stored(r#"{"section": 1, "file": 7}"#), None);
}

#[test]
fn the_column_choices_are_kept_with_the_pasted_table_and_what_was_kept_before_them_still_reads() {
    let columns = Columns { header: false, mapping: vec![Field::Label, Field::Ignore] };
    let pending = PendingImport {
        section: 1,
        section_id: "air-ranks".into(),
        text: "指标\t数值\r\n扬尘治理达标率\t96.0\r\n".into(),
        file: None,
        columns: Some(columns.clone()),
        set_aside: None,
    };
    let stored = pending.to_stored().expect("kept");
    let v: Value = serde_json::from_str(&stored).unwrap();
    assert_eq!(v["header"], json!(false));
    assert_eq!(v["mapping"], json!(["label", "ignore"]));
    assert_eq!(PendingImport::from_stored(&stored).as_ref(), Some(&pending), "read back as written");

    // Stored by the version before the choices were kept: the text still comes back, to be
    // read again.
    let older = json!({ "section": 1, "section_id": "air-ranks", "text": pending.text }).to_string();
    assert_eq!(PendingImport::from_stored(&older), Some(PendingImport { columns: None, ..pending.clone() }));
    // Choices that cannot be read (a field this version does not know, half of them) are
    // dropped, never the text.
    for broken in [
        json!({ "section": 1, "text": "a\tb", "header": true, "mapping": ["label", "colour"] }),
        json!({ "section": 1, "text": "a\tb", "header": true, "mapping": ["label", 3] }),
        json!({ "section": 1, "text": "a\tb", "mapping": ["label", "value"] }),
        json!({ "section": 1, "text": "a\tb", "header": "yes", "mapping": ["label", "value"] }),
    ] {
        let read = PendingImport::from_stored(&broken.to_string()).expect("the text is kept");
        assert_eq!(read.columns, None, "{broken}");
        assert_eq!(read.text, "a\tb");
    }

    // They fit a table as wide as they are, into a section whose fields they name.
    assert!(columns.fit(Target::Ranking, 2));
    assert!(!columns.fit(Target::Ranking, 3), "a column more: read again");
    assert!(!columns.fit(Target::Ranking, 1));
    let resolved = Columns { header: true, mapping: vec![Field::Label, Field::Resolved] };
    assert!(resolved.fit(Target::CaseStats, 2));
    assert!(!resolved.fit(Target::Ranking, 2), "a ranking has no resolved count");
}

#[test]
fn an_open_import_finds_its_section_again_by_id_then_index() {
    let doc = parse(LANSHAN);
    assert_eq!(pending::find_section(&doc, 1, "air-ranks"), Some(1));
    // A section added at the end and then undone: neither its id nor its index is there.
    let len = doc["sections"].as_array().unwrap().len();
    assert_eq!(pending::find_section(&doc, len, "section-new"), None);
    // Its id undone (it was renamed while the box was open): the section at its index.
    assert_eq!(pending::find_section(&doc, 1, "air-ranks-2021"), Some(1));
    // Key figures are filled from a table too; a month calendar is not.
    assert_eq!(doc["sections"][0]["kind"], json!("metrics"));
    assert_eq!(pending::find_section(&doc, 0, ""), Some(0));
    assert_eq!(doc["sections"][2]["kind"], json!("calendar"));
    assert_eq!(pending::find_section(&doc, 2, ""), None);
}

#[test]
fn a_serial_number_column_is_not_imported_as_ranks_or_resolved_counts() {
    // Most Chinese spreadsheets start with 序号: its 1, 2, 3… passed for ranks or resolved counts.
    let ranking =
        table::parse("序号\t指标\t数值\t单位\n1\t用水总量\t1,234.5\t万立方米\n2\t水质达标率\t92.3\t%\n", '\t').rows;
    assert!(mapping::guess_header(&ranking));
    let map = mapping::guess_mapping(Target::Ranking, &ranking, true);
    assert_eq!(map, vec![Field::Ignore, Field::Label, Field::Value, Field::Unit]);
    let built = mapping::build(Target::Ranking, Some(ranking[0].as_slice()), &ranking[1..], &map, &HashSet::new(), "r");
    assert_eq!(built.entries[0], json!({ "label": "用水总量", "value": 1234.5, "unit": "万立方米" }));
    let cases = table::parse("序号,项目,数量,单位\n1,查处水事违法案件,12,件\n2,水行政许可,30,件\n", ',').rows;
    assert_eq!(
        mapping::guess_mapping(Target::CaseStats, &cases, true),
        vec![Field::Ignore, Field::Label, Field::Value, Field::Unit]
    );
    for header in ["No.", "#", "no"] {
        let rows =
            vec![vec![header.to_string(), "项目".into(), "数量".into()], vec!["1".into(), "x".into(), "3".into()]];
        assert_eq!(mapping::guess_mapping(Target::CaseStats, &rows, true)[0], Field::Ignore, "{header}");
    }
}

#[test]
fn a_unit_in_the_value_columns_header_is_the_unit_of_rows_without_one() {
    let rows = table::parse(
        "项目\t数量（件）\t已办结（件）\n查处水事违法案件\t12\t11\n水事纠纷\t30件\t\n调解\t20万\t\n",
        '\t',
    )
    .rows;
    let map = mapping::guess_mapping(Target::CaseStats, &rows, true);
    assert_eq!(map, vec![Field::Label, Field::Value, Field::Resolved]);
    let built = mapping::build(Target::CaseStats, Some(rows[0].as_slice()), &rows[1..], &map, &HashSet::new(), "x");
    assert_eq!(built.entries[0]["unit"], json!("件"));
    assert_eq!(built.entries[0]["resolved"], json!(11));
    assert_eq!(built.entries[1]["unit"], json!("件"), "the cell's own unit, the same");
    assert_eq!(built.entries[2]["unit"], json!("万件"), "a magnitude joins it, as with a unit column");
    assert_eq!(built.notes[0], Note::HeaderUnit { header: "数量（件）".into(), unit: "件".into() }, "said, not silent");
    // A cell's own unit is kept: the header's does not replace it, nor join a magnitude
    // to a unit that has one ("1.2亿" under 金额（万元） is not 1.2 亿万元).
    let rows = table::parse("项目\t金额（万元）\n罚款\t3.5亿元\n没收\t1.2亿\n其他\t12\n", '\t').rows;
    let map = mapping::guess_mapping(Target::CaseStats, &rows, true);
    let built = mapping::build(Target::CaseStats, Some(rows[0].as_slice()), &rows[1..], &map, &HashSet::new(), "x");
    let units: Vec<&Value> = built.entries.iter().map(|e| &e["unit"]).collect();
    assert_eq!(units, [&json!("亿元"), &json!("亿"), &json!("万元")]);
    assert!(built.notes.contains(&Note::Unit { row: 0, cell: "3.5亿元".into(), unit: "亿元".into() }), "said");
    // A unit column's cell wins over the header's.
    let rows = table::parse("项目,金额(万元),单位\n罚款,1813.4469,\n没收,3,元\n", ',').rows;
    let map = mapping::guess_mapping(Target::CaseStats, &rows, true);
    let built = mapping::build(Target::CaseStats, Some(rows[0].as_slice()), &rows[1..], &map, &HashSet::new(), "x");
    assert_eq!((&built.entries[0]["unit"], &built.entries[1]["unit"]), (&json!("万元"), &json!("元")));
    // Without a header row, or with the header turned off, nothing is taken from it.
    let built = mapping::build(Target::CaseStats, None, &rows[1..], &map, &HashSet::new(), "x");
    assert_eq!(built.entries[0].get("unit"), None);
    assert!(built.notes.is_empty());
    for (header, unit) in [
        ("数量（件）", Some("件")),
        ("浓度(μg/m3)", Some("μg/m3")),
        ("面积 (m²)", Some("m²")),
        // The unit is Chinese text, right after the number: 3万元, never “310k yuan”.
        ("Fines (yuan)", Some("元")),
        ("Amount (10k yuan)", Some("万元")),
        ("Amount (10,000 yuan)", Some("万元")),
        ("Investment (100 million yuan)", Some("亿元")),
        ("Weight (10k tons)", Some("万tons")),
        ("Price (10,000 yuan/m²)", Some("万元/m²")),
        ("Value (10k)", None),
        ("Value (10 2021)", None),
        ("数值（注：数据来自统计局）", None),
        ("数量（不含市直单位）", None),
        ("数值（十万元整）", Some("十万元整")),
        ("数值【人次】", Some("人次")),
        ("数值（2021）", None),
        ("数值（2021年）", None),
        ("名称（英文）", None),
        ("Label (en)", None),
        ("数量（）", None),
        ("数量", None),
    ] {
        assert_eq!(mapping::header_unit(header).as_deref(), unit, "{header}");
    }
}

#[test]
fn renaming_a_group_or_a_metric_carries_what_refers_to_it() {
    let lanshan = parse(LANSHAN);
    let ranking = lanshan["sections"].as_array().unwrap().iter().position(|s| s["kind"] == "ranking").unwrap();
    let refs_to = |doc: &Value, id: &str| {
        let text = doc.to_string();
        (text.matches(&format!("\"group\":\"{id}\"")).count(), text.matches(&format!("\"metric\":\"{id}\"")).count())
    };
    // Typed in the form, one keystroke at a time: the editor hands each keystroke where the
    // references point (`from`), as it does between input events.
    let type_in = |doc: &mut Value, ptr: &str, steps: &[&str]| {
        let mut from: Option<String> = None;
        for step in steps {
            let (applied, now) = doc::set_id(doc, ptr, Some(json!(step)), from.as_deref());
            assert!(applied);
            from = now;
        }
    };
    let (groups, _) = refs_to(&lanshan, "districts");
    assert!(groups > 3, "the ranking section and the metrics' ranks");
    let mut doc = lanshan.clone();
    type_in(&mut doc, "/groups/0/id", &["district", "distric", "counties"]);
    assert_eq!(refs_to(&doc, "counties").0, groups);
    assert_eq!(doc["sections"][ranking]["group"], "counties");
    assert_eq!(check(&doc, 0).problems, vec![]);
    // Through a blank id (the field cleared, then a new id typed): not stranded.
    let mut doc = lanshan.clone();
    type_in(&mut doc, "/groups/0/id", &["distr", "", "c", "counties"]);
    assert_eq!((refs_to(&doc, "districts").0, refs_to(&doc, "").0, refs_to(&doc, "counties").0), (0, 0, groups));
    // A metric's ranking rows follow it, also through an id another metric has on the way
    // ("pm2" → "pm10", taken, → "pm10x").
    let pm25 = doc["sections"][0]["items"].as_array().unwrap().iter().position(|m| m["id"] == "pm25").unwrap();
    let ptr = format!("/sections/0/items/{pm25}/id");
    assert_eq!(refs_to(&doc, "pm25").1, 1);
    type_in(&mut doc, &ptr, &["pm2", "pm10", "pm10x"]);
    assert_eq!(
        (refs_to(&doc, "pm25").1, refs_to(&doc, "pm10").1, refs_to(&doc, "pm10x").1),
        (0, 1, 1),
        "pm10's own row stays its own"
    );
    // Never merged: not onto references that already name the new id (a group deleted
    // earlier), nor from an id that another thing has by now.
    let mut doc = lanshan.clone();
    doc["sections"][ranking]["group"] = json!("old-group");
    type_in(&mut doc, "/groups/0/id", &["old-group"]);
    assert_eq!((refs_to(&doc, "districts").0, refs_to(&doc, "old-group").0), (groups - 1, 1));
    let mut doc = lanshan.clone();
    let (_, from) = doc::set_id(&mut doc, "/groups/0/id", Some(json!("")), None);
    assert_eq!(from.as_deref(), Some("districts"), "the references wait at the old id");
    doc["groups"].as_array_mut().unwrap().push(json!({ "id": "districts", "label": "另一组", "size": 3 }));
    doc::set_id(&mut doc, "/groups/0/id", Some(json!("mine")), from.as_deref());
    assert_eq!(refs_to(&doc, "districts").0, groups, "they are the other group's now");
    // An edit of another kind (doc::apply) carries as one keystroke does.
    let mut doc = lanshan.clone();
    assert!(doc::apply(&mut doc, &Edit::Set { ptr: "/groups/0/id".into(), value: Some(json!("five")) }));
    assert_eq!(refs_to(&doc, "five").0, groups);
    // An id elsewhere (a section's) is not a reference.
    let mut doc = lanshan.clone();
    type_in(&mut doc, &format!("/sections/{ranking}/id"), &["ranks"]);
    assert_eq!(refs_to(&doc, "districts").0, groups);
}

#[test]
fn places_named_inside_a_message_are_said_in_words() {
    let doc = parse(LANSHAN);
    let words = |ptr: &str| {
        nav::breadcrumb(&doc, ptr)
            .into_iter()
            .map(|c| match c {
                Crumb::Section { index, .. } => format!("S{index}"),
                Crumb::Entry { list, index, .. } => format!("{list}{index}"),
                Crumb::Field(f) => f,
                other => format!("{other:?}"),
            })
            .collect::<Vec<_>>()
            .join(">")
    };
    assert_eq!(
        nav::pointers_in_words("id“pm25”重复（已在 /sections/0/items/2/id 用过）", words),
        "id“pm25”重复（已在 S0>items2>id 用过）"
    );
    assert_eq!(
        nav::pointers_in_words("the id \"pm25\" is used twice: first at /sections/0/items/2/id", words),
        "the id \"pm25\" is used twice: first at S0>items2>id"
    );
    assert_eq!(nav::pointers_in_words("μg/m³ and 1/2 stay", words), "μg/m³ and 1/2 stay");
    // A section without a title is named by its number alone, not by the id the editor made.
    let mut untitled = doc.clone();
    untitled["sections"][0]["title"] = json!({ "zh": "" });
    untitled["sections"][0]["id"] = json!("section-1");
    assert_eq!(nav::breadcrumb(&untitled, "/sections/0/title")[0], Crumb::Section { index: 0, name: String::new() });
    // So is a new entry, by the id the editor made for it (metric, item-2); an id the person
    // typed still names it.
    for (id, name) in [("metric", ""), ("item-2", ""), ("group-3", ""), ("pm25", "pm25"), ("metric-air", "metric-air")]
    {
        untitled["sections"][0]["items"][0] = json!({ "id": id, "label": "" });
        let crumbs = nav::breadcrumb(&untitled, "/sections/0/items/0/value");
        assert_eq!(crumbs[1], Crumb::Entry { list: "items".into(), index: 0, name: name.into() }, "{id}");
    }
    // A calendar section is named by its title, not by what its marks mean.
    let calendar = doc["sections"].as_array().unwrap().iter().position(|s| s["kind"] == "calendar").unwrap();
    let title = doc["sections"][calendar]["title"]["zh"].as_str().unwrap().to_string();
    assert!(
        matches!(&nav::breadcrumb(&doc, &format!("/sections/{calendar}/year"))[0], Crumb::Section { name, .. } if *name == title)
    );
}

#[test]
fn the_data_src_snippet_follows_the_downloaded_files_name() {
    assert_eq!(output::payload_url("report.json"), "reports/report.json");
    assert_eq!(output::payload_url("县水利局 2023"), "reports/县水利局%202023.json");
    assert_eq!(output::payload_url("a#b%c.json"), "reports/a%23b%25c.json");
    assert_eq!(output::payload_url(""), "reports/report.json");
}

#[test]
fn a_second_amount_column_a_category_and_a_change_are_not_guessed_as_other_fields() {
    let rows = |text: &str| table::parse(text, '\t').rows;
    // 金额 names a value, and the value is the count's: it is not a resolved count (which gave
    // "已办结 86.3 / 274").
    let cases = rows("项目\t数量（件）\t金额（万元）\n立案查处\t274\t86.3\n");
    assert_eq!(
        mapping::guess_mapping(Target::CaseStats, &cases, true),
        vec![Field::Label, Field::Value, Field::Ignore]
    );
    // With a category beside the item, the item is the name (and not the unit).
    let grouped = rows("类别\t项目\t数量\n执法\t受理\t1234\n\t立案\t约300\n");
    assert_eq!(
        mapping::guess_mapping(Target::CaseStats, &grouped, true),
        vec![Field::Ignore, Field::Label, Field::Value]
    );
    // A change column in a ranking is no change rank (its -0.1 is no rank); a 提升排名 is one.
    let ranking = rows("县区\t优良率\t同比（百分点）\t排名\t同比提升排名\n甲县\t85.1%\t-0.1\t3\t5\n");
    assert_eq!(
        mapping::guess_mapping(Target::Ranking, &ranking, true),
        vec![Field::Label, Field::Value, Field::Ignore, Field::ValueRank, Field::ChangeRank]
    );
    // Nor a change rank when no header names one (the rank columns guessed from their cells).
    let unnamed = rows("县区\t优良率\t同比（百分点）\t名次\n甲县\t85.1%\t-0.1\t3\n");
    assert_eq!(
        mapping::guess_mapping(Target::Ranking, &unnamed, true),
        vec![Field::Label, Field::Value, Field::Ignore, Field::ValueRank]
    );
    // A ranking by improvement: the change is its value.
    let by_change = rows("区县\t同比下降率（%）\t排名\n甲县\t12.5\t1\n");
    assert_eq!(
        mapping::guess_mapping(Target::Ranking, &by_change, true),
        vec![Field::Label, Field::Value, Field::ValueRank]
    );
}

#[test]
fn a_total_row_is_left_out_with_a_note() {
    let table =
        table::parse("序号\t项目\t数量（件）\n1\t受理\t120\n2\t办结\t118\n\t合　计\t238\n合计\t\t238\n", '\t').rows;
    let map = mapping::guess_mapping(Target::CaseStats, &table, true);
    let built = mapping::build(Target::CaseStats, Some(&table[0]), &table[1..], &map, &HashSet::new(), "cases");
    assert_eq!(built.entries.len(), 2, "{:?}", built.entries);
    let totals: Vec<_> = built.notes.iter().filter(|n| matches!(n, Note::TotalRow { .. })).collect();
    assert_eq!(
        totals,
        [&Note::TotalRow { row: 2, cell: "合　计".into() }, &Note::TotalRow { row: 3, cell: "合计".into() }],
        "in the name column, or in the serial column of a row without a name"
    );
    // A row left out is for the editor to check; the unit read from the header is not.
    assert!(totals.iter().all(|n| n.needs_check()));
    let header_unit = built.notes.iter().find(|n| matches!(n, Note::HeaderUnit { .. })).expect("数量（件）");
    assert!(!header_unit.needs_check());
}

#[test]
fn a_column_left_out_of_an_import_is_named_unless_it_is_the_serial_number_or_empty() {
    let table = table::parse(
        "序号\t县区\t水质达标率（%）\t排名\t同比（百分点）\t备注\t\n1\t甲县\t96.5\t3\t+0.3\t新建水厂\t\n2\t乙县\t95.1\t4\t-0.2\t\t\n",
        '\t',
    )
    .rows;
    let map = mapping::guess_mapping(Target::Ranking, &table, true);
    let built = mapping::build(Target::Ranking, Some(&table[0]), &table[1..], &map, &HashSet::new(), "r");
    let left_out: Vec<_> = built.notes.iter().filter(|n| matches!(n, Note::ColumnNotImported { .. })).collect();
    assert_eq!(
        left_out,
        [
            &Note::ColumnNotImported { column: 4, header: Some("同比（百分点）".into()) },
            &Note::ColumnNotImported { column: 5, header: Some("备注".into()) },
        ],
        "{map:?}"
    );
}

#[test]
fn a_workbook_is_told_apart_from_csv_text() {
    // What an .xlsx (a zip) and an .xls (an OLE file) start with; read as GBK they were garbage
    // with advice to try another encoding.
    assert!(encoding::is_workbook(b"PK\x03\x04\x14\x00\x06\x00"));
    assert!(encoding::is_workbook(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00"));
    assert!(!encoding::is_workbook("项目,数量\n受理,120\n".as_bytes()));
    assert!(!encoding::is_workbook(b"PK,1\n"));
}

#[test]
fn problems_are_listed_in_the_form_order() {
    // The validator lists what fails to read (a blank title) before what breaks a rule (a rank
    // of 9 in a group of 5); the editor lists them as the form shows their places.
    let mut doc: Value = serde_json::from_str(include_str!("../www/reports/lanshan-2021.json")).unwrap();
    let sections = doc["sections"].as_array_mut().unwrap();
    let ranked = sections
        .iter()
        .position(|s| s["items"].as_array().is_some_and(|i| i.iter().any(|m| m.get("ranks").is_some())))
        .unwrap();
    let first_rank =
        sections[ranked]["items"].as_array().unwrap().iter().position(|m| m.get("ranks").is_some()).unwrap();
    sections[ranked]["items"][first_rank]["ranks"][0]["position"] = json!(9);
    let last = sections.len() - 1;
    sections[last]["title"] = json!(" ");
    doc["meta"]["date"] = json!("2022/3/3");
    let status = check(&doc, 100);
    let places: Vec<&str> = status.problems.iter().map(|p| p.pointer.as_str()).collect();
    assert_eq!(
        places,
        [
            "/meta/date".to_string(),
            format!("/sections/{ranked}/items/{first_rank}/ranks/0/position"),
            format!("/sections/{last}/title"),
        ]
    );
}

#[test]
fn the_checks_are_counted_in_each_languages_words() {
    use report_widget::editor::strings::strings;
    assert_eq!(strings(Lang::Zh).counts(3, 0), "错误 3 · 提醒 0");
    assert_eq!(strings(Lang::En).counts(3, 0), "3 errors · 0 warnings");
    assert_eq!(strings(Lang::En).counts(1, 1), "1 error · 1 warning");
    // English messages read as sentences under their fields; a quoted start stays as it is.
    assert_eq!(nav::as_sentence("the text must not be empty"), "The text must not be empty");
    assert_eq!(nav::as_sentence("\"x\" is not a number"), "\"x\" is not a number");
    assert_eq!(nav::as_sentence(""), "");
}

#[test]
fn a_chinese_message_names_fields_as_the_form_does() {
    let t = report_widget::editor::strings::strings(Lang::Zh);
    let said = |m: &str| nav::fields_in_words(m, |key| t.field_word(key));
    assert_eq!(said("缺少必填字段“value”"), "缺少必填字段“数值”");
    assert_eq!(said("缺少必填字段“size”"), "缺少必填字段“成员数”");
    // Not a field: an id, a kind, the text someone typed.
    assert_eq!(said("id“water”重复"), "id“water”重复");
    assert_eq!(
        said("无效的值“valu”，可用值：value、change，是否应为“value”？"),
        "无效的值“valu”，可用值：value、change，是否应为“value”？"
    );
    assert_eq!(said("id“note”重复"), "id“note”重复", "an id that happens to be a field's key");
    assert_eq!(said("应为数字，实际是文字“约300”"), "应为数字，实际是文字“约300”");
    assert_eq!(said("未闭合的引号“value"), "未闭合的引号“value");
    // A choice's payload key after its words goes; other brackets stay.
    assert_eq!(
        nav::without_keys("应为数字，实际是文字“35万余”：数值写 35，限定词选“N 余”（over），单位写“万”"),
        "应为数字，实际是文字“35万余”：数值写 35，限定词选“N 余”，单位写“万”"
    );
    assert_eq!(nav::without_keys("“N 余”（more_than）"), "“N 余”");
    for kept in
        ["id“x”重复（已在 第1节 用过）", "找不到“a”（在“排名分组”/groups 中定义）", "“x”（", "“x”（）", "无括号"]
    {
        assert_eq!(nav::without_keys(kept), kept);
    }
}

#[test]
fn the_first_difference_names_the_place_an_undo_changed() {
    let before =
        json!({ "meta": { "title": "a" }, "sections": [{ "id": "s", "items": [{ "id": "x" }, { "id": "y" }] }] });
    assert_eq!(doc::first_difference(&before, &before), None);
    let mut after = before.clone();
    after["sections"][0]["items"][1]["id"] = json!("item");
    assert_eq!(doc::first_difference(&before, &after).as_deref(), Some("/sections/0/items/1/id"));
    // An entry removed: the list that shrank.
    let mut after = before.clone();
    after["sections"][0]["items"].as_array_mut().unwrap().remove(0);
    assert_eq!(doc::first_difference(&before, &after).as_deref(), Some("/sections/0/items"));
    // A field added, and a key with a slash.
    let after = json!({ "meta": { "title": "a", "a/b": 1 }, "sections": before["sections"].clone() });
    assert_eq!(doc::first_difference(&before, &after).as_deref(), Some("/meta/a~1b"));
}

#[test]
fn a_repeated_id_names_its_first_use_for_the_form_to_mark() {
    let mut doc = parse(LANSHAN);
    let first = doc["sections"][0]["items"][0]["id"].clone();
    doc["sections"][3]["items"][0]["id"] = first;
    let status = check(&doc, 0);
    let repeated: Vec<_> = status.problems.iter().filter(|p| p.pointer == "/sections/3/items/0/id").collect();
    assert_eq!(repeated.len(), 1, "{:?}", status.problems);
    for lang in [Lang::Zh, Lang::En] {
        assert_eq!(
            nav::first_use_of_id(&repeated[0].pointer, repeated[0].message(lang)),
            Some("/sections/0/items/0/id"),
            "{}",
            repeated[0].message(lang)
        );
    }
    // Other problems name no other place.
    assert_eq!(nav::first_use_of_id("/sections/0/items/0/value", "the id x is used twice: first at /a/id"), None);
    assert_eq!(nav::first_use_of_id("/sections/0/id", "id 不能为空"), None);
}

#[test]
fn f8_goes_to_the_next_problem_after_the_focus_and_round() {
    use std::cmp::Ordering::{Equal, Greater, Less};
    // Problems in the form's order: two before the focused field, the focused one, one after.
    let places = [Some(Less), Some(Less), Some(Equal), Some(Greater), None];
    assert_eq!(nav::next_problem(&places, true), Some((3, false)));
    assert_eq!(nav::next_problem(&places, false), Some((1, false)));
    // Past the last, round to the first; before the first, to the last.
    assert_eq!(nav::next_problem(&[Some(Less), Some(Equal)], true), Some((0, true)));
    assert_eq!(nav::next_problem(&[Some(Equal), Some(Greater)], false), Some((1, true)));
    // Nothing on the page (the JSON tab): the list's ends.
    assert_eq!(nav::next_problem(&[None, None], true), Some((0, false)), "nothing to go round from");
    assert_eq!(nav::next_problem(&[None, None], false), Some((1, false)));
    // The only problem is the focused field: it stays there.
    assert_eq!(nav::next_problem(&[Some(Equal)], true), Some((0, false)));
    assert_eq!(nav::next_problem(&[], true), None);
}

#[test]
fn a_rate_beside_the_value_is_not_guessed_as_a_rank() {
    // A town's batches checked, its pass rate and its place: only the place is a rank.
    let table = table::parse(
        "序号\t乡镇\t抽检批次\t合格率\t排名\n1\t城关镇\t1,234\t98.5%\t1\n2\t南沙镇\t987\t97.2%\t2\n",
        '\t',
    )
    .rows;
    let map = mapping::guess_mapping(Target::Ranking, &table, true);
    assert_eq!(map, vec![Field::Ignore, Field::Label, Field::Value, Field::Ignore, Field::ValueRank]);
    // With a unit in the header, the rate's bare cells are no places either.
    let table = table::parse("乡镇\t抽检批次（批）\t合格率（%）\t排名\n城关镇\t1,234\t98.5\t1\n", '\t').rows;
    assert_eq!(
        mapping::guess_mapping(Target::Ranking, &table, true),
        vec![Field::Label, Field::Value, Field::Ignore, Field::ValueRank]
    );
    // A dash or a tie among the places leaves them places.
    let table =
        table::parse("乡镇\t抽检批次\t\n城关镇\t1,234\t1\n南沙镇\t987\t—\n北关镇\t555\t2\n东关镇\t444\t3\n", '\t').rows;
    assert_eq!(mapping::guess_mapping(Target::Ranking, &table, true)[2], Field::ValueRank);
    // Places without a header are still found.
    let table = table::parse("城关镇\t1,234\t2\n南沙镇\t987\t1\n", '\t').rows;
    assert_eq!(
        mapping::guess_mapping(Target::Ranking, &table, false),
        vec![Field::Label, Field::Value, Field::ValueRank]
    );
}

#[test]
fn a_number_chosen_as_a_rank_is_said_to_be_no_place() {
    let table = table::parse("乡镇\t合格率\n城关镇\t98.5\n南沙镇\t第2名\n北关镇\t优\n", '\t').rows;
    let map = vec![Field::Label, Field::ValueRank];
    let built = mapping::build(Target::Ranking, Some(&table[0]), &table[1..], &map, &HashSet::new(), "towns");
    assert_eq!(built.entries[0]["value_rank"], json!("98.5"), "kept as written");
    assert_eq!(built.entries[1]["value_rank"], json!(2));
    assert_eq!(
        built.notes,
        vec![
            Note::RowHeading { header: "乡镇".into() },
            Note::NotARank { row: 0, cell: "98.5".into() },
            Note::NotANumber { row: 2, cell: "优".into(), field: Field::ValueRank }
        ]
    );
    assert!(built.notes[1..].iter().all(Note::needs_check));
}

#[test]
fn an_updated_table_keeps_the_english_given_to_the_same_chinese() {
    let replaced = vec![
        json!({ "id": "t-1", "label": { "zh": "城关镇", "en": "Chengguan" }, "value": 1200, "unit": { "zh": "批", "en": "batches" } }),
        json!({ "id": "t-2", "label": { "zh": "南沙镇", "en": " " }, "value": 900, "unit": "批" }),
    ];
    let table = table::parse("乡镇\t抽检批次\t单位\n城关镇\t1,234\t批\n南沙镇\t987\t批\n北关镇\t555\t件\n", '\t').rows;
    let map = mapping::guess_mapping(Target::Ranking, &table, true);
    let mut built = mapping::build(Target::Ranking, Some(&table[0]), &table[1..], &map, &HashSet::new(), "t");
    let kept = mapping::keep_english(&mut built.entries, &replaced);
    assert_eq!(kept, 3, "城关镇's name, and 批 in two rows (a blank English is nothing to keep)");
    assert_eq!(built.entries[0]["label"], json!({ "zh": "城关镇", "en": "Chengguan" }));
    assert_eq!(built.entries[0]["value"], json!(1234), "the figure is the table's");
    assert_eq!(built.entries[1]["label"], json!("南沙镇"));
    assert_eq!(built.entries[1]["unit"], json!({ "zh": "批", "en": "batches" }));
    assert_eq!(built.entries[2]["unit"], json!("件"));
    // A blank name is no name to take an English for.
    let mut blank = vec![json!({ "label": "" })];
    assert_eq!(mapping::keep_english(&mut blank, &[json!({ "label": { "zh": "", "en": "Ghost" } })]), 0);
    assert_eq!(blank[0]["label"], json!(""));
}

#[test]
fn a_widget_folder_no_page_can_load_from_is_named() {
    use report_widget::editor::output::{base_problem, BaseProblem};
    for fine in [
        "",
        "/static/rw/",
        "rw/",
        "./",
        "../rw/",
        "https://www.xx.gov.cn/rw/",
        "HTTP://127.0.0.1:8401/",
        "//cdn.example.cn/rw/",
        "https://x.cn\\rw\\",
        "v1.2/",
        "v1.20/",
        "rw.old/",
        "widget.bak/",
    ] {
        assert_eq!(base_problem(fine), None, "{fine}");
    }
    for (base, problem) in [
        ("127.0.0.1:8401/", BaseProblem::NoScheme),
        ("www.xx.gov.cn/static/widget", BaseProblem::NoScheme),
        ("C:\\portal\\widget", BaseProblem::LocalPath),
        ("D:/rw", BaseProblem::LocalPath),
        ("file:///C:/rw/", BaseProblem::FileUrl),
        ("10.0.0.1/rw/", BaseProblem::NoScheme),
        ("localhost/rw/", BaseProblem::NoScheme),
        ("政府.中国/rw/", BaseProblem::NoScheme),
        ("xn--fiqs8s.xn--fiqs8s/rw/", BaseProblem::NoScheme),
        ("https：//www.xx.gov.cn/rw/", BaseProblem::BadScheme),
        ("https//www.xx.gov.cn/rw/", BaseProblem::BadScheme),
        ("http:/www.x.cn/", BaseProblem::BadScheme),
    ] {
        assert_eq!(base_problem(base), Some(problem), "{base}");
    }
}

#[test]
fn a_group_is_counted_where_ranks_name_it() {
    let doc: Value = serde_json::from_str(include_str!("../www/reports/lanshan-2021.json")).unwrap();
    let id = doc["groups"][0]["id"].as_str().unwrap();
    // Counted by hand in the payload: the ranking section, and each metric's rank in the group.
    let expected = doc["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let ranks = s["items"].as_array().map_or(0, |items| {
                items
                    .iter()
                    .flat_map(|i| i["ranks"].as_array().cloned().unwrap_or_default())
                    .filter(|r| r["group"] == json!(id))
                    .count()
            });
            usize::from(s["group"] == json!(id)) + ranks
        })
        .sum::<usize>();
    assert!(expected >= 2);
    assert_eq!(doc::group_uses(&doc, id), expected);
    // A key "group" elsewhere (an unknown field) is no rank.
    let mut odd = doc.clone();
    odd["meta"]["group"] = json!(id);
    assert_eq!(doc::group_uses(&odd, id), expected);
    assert_eq!(doc::group_uses(&doc, "no-such-group"), 0);
}

#[test]
fn a_large_payload_is_written_a_row_per_line_not_past_the_widgets_limit() {
    // Synthetic: 15,000 ranking rows, 1.5 MB written compactly, past the limit with every field
    // indented on its own line.
    let rows: Vec<Value> = (0..15_000)
        .map(|i| json!({ "label": { "zh": format!("监测站点{i}"), "en": format!("Site {i}") }, "value": i, "value_rank": i + 1 }))
        .collect();
    let doc = json!({ "schema": "report-widget/1", "meta": { "title": "合成数据", "publisher": "测试", "date": "2022-01-01", "synthetic": true },
        "groups": [{ "id": "sites", "label": "站点", "size": 15000 }],
        "sections": [{ "id": "r", "title": "排名", "kind": "ranking", "group": "sites", "rows": rows }] });
    let compact = serde_json::to_string(&doc).unwrap().len();
    assert!(compact < validate::MAX_PAYLOAD_BYTES, "{compact}");
    let text = report_widget::editor::json::to_pretty(&doc);
    assert!(text.len() <= validate::MAX_PAYLOAD_BYTES, "{} bytes", text.len());
    assert_eq!(report_widget::editor::json::parse(&text).unwrap(), doc, "the same payload");
    let row = text.lines().find(|l| l.contains("\"Site 7\"")).unwrap_or_default();
    assert_eq!(
        row.trim(),
        r#"{"label": {"zh": "监测站点7", "en": "Site 7"}, "value": 7, "value_rank": 8},"#,
        "a row per line"
    );
    // Past the limit even a row per line: the whole payload on one line, as compact as JSON is.
    let long_rows: Vec<Value> =
        (0..35_000).map(|i| json!({ "label": format!("站点{i}"), "value": i, "value_rank": i + 1 })).collect();
    let doc = json!({ "schema": "report-widget/1", "sections": [{ "id": "r", "rows": long_rows }] });
    let compact = serde_json::to_string(&doc).unwrap().len();
    let text = report_widget::editor::json::to_pretty(&doc);
    assert_eq!(text.lines().count(), 1, "{} bytes compact", compact);
    assert_eq!(text.len(), compact + 1, "compact, and a final newline");
    assert!(text.len() <= validate::MAX_PAYLOAD_BYTES, "{} > limit", text.len());
    // A report of ordinary size keeps a field per line.
    let small = report_widget::editor::json::to_pretty(
        &json!({ "schema": "report-widget/1", "sections": [{ "rows": [{ "id": "a" }] }] }),
    );
    assert!(small.contains("\n          \"id\": \"a\"\n"), "{small}");
}

#[test]
fn a_title_line_above_a_sheet_is_left_out_and_said() {
    // Excel's export of a sheet whose first row is a title typed across merged cells, with a
    // serial-number column, an empty column and a total row (synthetic figures).
    let sheet = "2023年各区数据共享率排名（测试）,,,,\n序号,区县,,数据共享率（%）,排名\n1,甲区,,95.2,1\n2,乙区,,93.1,2\n3,丙区,,90.4,3\n合计,,,92.9,\n";
    let doc: Value = serde_json::from_str(LANSHAN).unwrap();
    let mut state = ImportState::new(1, &doc).expect("the ranking section");
    state.update(ImportMsg::Text(sheet.to_string()), &doc);
    assert_eq!(state.titles, ["2023年各区数据共享率排名（测试）"]);
    assert!(state.header, "the line below the title is the header");
    assert_eq!(state.lines[0], 2, "notes count lines as the sheet has them");
    assert_eq!(state.mapping[1], Field::Label);
    assert_eq!(state.mapping[3], Field::Value);
    assert_eq!(state.mapping[4], Field::ValueRank);
    state.refresh(&doc);
    assert_eq!(state.built.entries.len(), 3, "{:?}", state.built.entries);
    assert_eq!(state.built.entries[0]["label"], json!("甲区"));
    assert_eq!(state.built.notes[0], Note::TitleLine { cell: "2023年各区数据共享率排名（测试）".into() });
    assert!(state.built.notes[0].needs_check());
    // A one-column list, or a table of one line below a title, has no title to leave out.
    assert_eq!(mapping::title_lines(&table::parse("甲区\n乙区\n丙区\n", ',').rows), 0);
    assert_eq!(mapping::title_lines(&table::parse("标题\n区县,数值\n", ',').rows), 0);
}

#[test]
fn the_import_box_reads_a_pasted_sheet_and_applies_it_as_one_edit() {
    let mut doc: Value = serde_json::from_str(LANSHAN).unwrap();
    assert_eq!(ImportState::new(0, &doc).map(|s| s.target), Some(Target::Metrics), "key figures from a KPI sheet");
    assert!(ImportState::new(2, &doc).is_none(), "a calendar is not filled from a table");
    let mut state = ImportState::new(1, &doc).expect("the ranking section");
    assert_eq!((state.target, state.array()), (Target::Ranking, "/sections/1/rows".to_string()));
    assert!(state.update(ImportMsg::Text(RANKING_TSV.to_string()), &doc).is_none(), "pasting changes nothing yet");
    assert!(state.header, "the first line is taken for the header");
    assert_eq!(state.mapping[..3], [Field::Label, Field::Value, Field::Unit]);
    state.refresh(&doc);
    let rows = RANKING_TSV.lines().filter(|l| !l.trim().is_empty()).count() - 1;
    assert_eq!(state.built.entries.len(), rows, "one entry per data row");
    // One column per field: mapping the unit's column to the value takes it from the first.
    state.update(ImportMsg::Map(2, "value".into()), &doc);
    assert_eq!(state.mapping[1..3], [Field::Ignore, Field::Value]);
    state.update(ImportMsg::Map(1, "value".into()), &doc);
    state.update(ImportMsg::Map(2, "unit".into()), &doc);
    // Applying replaces the section's rows by default, in one edit the history can undo.
    let edit = state.update(ImportMsg::Apply, &doc).expect("an edit");
    assert!(doc::apply(&mut doc, &edit));
    let written = doc.pointer("/sections/1/rows").and_then(Value::as_array).unwrap();
    assert_eq!(written.len(), rows);
    assert_eq!(written[0]["label"], json!("综合指数"));
    // Kept across a reload while not applied: the text and the column choices.
    let kept = state.pending(&doc).expect("pasted text is kept");
    assert_eq!(kept.text, RANKING_TSV);
    let restored = ImportState::restore(1, &doc, kept).expect("the same section");
    assert_eq!((restored.header, restored.mapping.clone()), (state.header, state.mapping.clone()));
}

#[test]
fn a_chosen_file_sets_pasted_text_aside_and_a_workbook_changes_nothing() {
    let doc: Value = serde_json::from_str(LANSHAN).unwrap();
    let mut state = ImportState::new(1, &doc).expect("the ranking section");
    state.update(ImportMsg::Text(RANKING_TSV.to_string()), &doc);
    state.update(ImportMsg::Map(2, "ignore".into()), &doc);
    let (header, mapping) = (state.header, state.mapping.clone());

    // A workbook is named and not read: the pasted table stays as it was.
    let xlsx = [b"PK\x03\x04".as_slice(), &[7; 60]].concat();
    state.update(ImportMsg::File("案件统计.xlsx".into(), xlsx), &doc);
    assert_eq!(state.workbook.as_deref(), Some("案件统计.xlsx"));
    assert_eq!((state.text.as_str(), state.file.is_none()), (RANKING_TSV, true));
    assert_eq!(state.mapping, mapping, "the column choices too");

    // A CSV file replaces the box's text; the pasted text is set aside with its choices.
    let csv = "区县,数值\n甲区,12\n乙区,7\n";
    state.update(ImportMsg::File("sites.csv".into(), csv.as_bytes().to_vec()), &doc);
    assert_eq!((state.text.as_str(), state.workbook.as_deref()), (csv, None));
    assert_eq!(state.set_aside.as_ref().map(|a| a.text.as_str()), Some(RANKING_TSV));
    // A second file replaces the first file's text; the pasted text stays set aside.
    state.update(ImportMsg::File("other.csv".into(), "区县,数值\n丙区,3\n".into()), &doc);
    assert_eq!(state.set_aside.as_ref().map(|a| a.text.as_str()), Some(RANKING_TSV));
    // A reload keeps the file's name and the text set aside, which comes back in the box.
    let kept = state.pending(&doc).expect("kept");
    assert_eq!((kept.file.as_deref(), kept.text.as_str()), (Some("other.csv"), RANKING_TSV));
    let stored = kept.to_stored().expect("stored");
    assert_eq!(PendingImport::from_stored(&stored).as_ref(), Some(&kept), "read back as written");
    let reloaded = ImportState::restore(1, &doc, kept).expect("the same section");
    assert_eq!((reloaded.text.as_str(), reloaded.file.is_none()), (RANKING_TSV, true));
    assert_eq!((reloaded.header, &reloaded.mapping), (header, &mapping));

    // One click brings the pasted text back, read with the person's choices; the file's text is
    // kept aside in turn (the two swap).
    state.update(ImportMsg::RestoreText, &doc);
    assert_eq!((state.text.as_str(), state.file.is_none(), state.decoded), (RANKING_TSV, true, None));
    assert_eq!((state.header, &state.mapping), (header, &mapping));
    assert_eq!(state.set_aside.as_ref().map(|a| a.text.as_str()), Some("区县,数值\n丙区,3\n"));

    // The file's text edited (a cell fixed): the pasted text stays set aside, and a reload
    // keeps both, the edited text in the box.
    state.update(ImportMsg::File("sites.csv".into(), csv.as_bytes().to_vec()), &doc);
    let edited = "区县,数值\n甲区,13\n乙区,7\n";
    state.update(ImportMsg::Text(edited.into()), &doc);
    assert_eq!(state.set_aside.as_ref().map(|a| a.text.as_str()), Some(RANKING_TSV));
    let kept = state.pending(&doc).expect("kept");
    assert_eq!((kept.text.as_str(), kept.file.as_deref()), (edited, None));
    let read = PendingImport::from_stored(&kept.to_stored().unwrap()).expect("read back");
    assert_eq!(read.set_aside.as_ref().map(|a| a.text.as_str()), Some(RANKING_TSV));
    let reloaded = ImportState::restore(1, &doc, read).unwrap();
    assert_eq!(reloaded.text, edited);
    assert_eq!(reloaded.set_aside.as_ref().map(|a| a.text.as_str()), Some(RANKING_TSV));
    assert!(!reloaded.too_big_to_keep() && !reloaded.aside_too_big_to_keep());
    // Emptied, the box keeps the set-aside text for a reload, in the box.
    state.update(ImportMsg::Text(String::new()), &doc);
    assert_eq!(state.pending(&doc).map(|k| k.text), Some(RANKING_TSV.to_string()));
    // Both together over the limit: the set-aside text is not stored, and the panel says so.
    let mut big = state.clone();
    big.update(ImportMsg::Text("区县\t1\n".repeat((MAX_KEPT_BYTES - 20) / 9)), &doc);
    assert!(big.text.len() <= MAX_KEPT_BYTES && big.text.len() + RANKING_TSV.len() > MAX_KEPT_BYTES);
    assert!(!big.too_big_to_keep() && big.aside_too_big_to_keep(), "the box's table is kept, not the text aside");
    let stored = big.pending(&doc).and_then(|k| k.to_stored()).expect("the box's text is kept");
    assert!(!stored.contains("set_aside"));
    // The section turned into case statistics (an undo): the set-aside text follows, its
    // column choices for a ranking dropped.
    let mut cases = doc.clone();
    cases["sections"][1]["kind"] = json!("case_stats");
    let followed = state.follow(&doc, &cases).expect("a section a table fills");
    assert_eq!(followed.set_aside.as_ref().map(|a| (a.text.as_str(), a.columns.is_none())), Some((RANKING_TSV, true)));
    // Brought back by hand after the edit, with the person's choices.
    state.update(ImportMsg::RestoreText, &doc);
    assert_eq!((state.text.as_str(), &state.mapping), (RANKING_TSV, &mapping));

    // A second paste, made while a first was kept aside, is kept aside in its place when another
    // file is chosen: the latest text the person gave is never the one lost.
    let mut state = ImportState::new(1, &doc).unwrap();
    state.update(ImportMsg::Text(RANKING_TSV.to_string()), &doc);
    state.update(ImportMsg::File("sites.csv".into(), csv.as_bytes().to_vec()), &doc);
    state.update(ImportMsg::Text("指标\t数值\n新的一行\t5\n".into()), &doc);
    state.update(ImportMsg::File("other.csv".into(), "区县,数值\n丙区,3\n".into()), &doc);
    assert_eq!(state.set_aside.as_ref().map(|a| a.text.as_str()), Some("指标\t数值\n新的一行\t5\n"));

    // A file chosen over an empty box, or over another file, sets nothing aside.
    let mut state = ImportState::new(1, &doc).unwrap();
    state.update(ImportMsg::File("sites.csv".into(), csv.as_bytes().to_vec()), &doc);
    assert_eq!(state.set_aside, None);
    assert_eq!(state.pending(&doc).and_then(|k| k.to_stored()).map(|s| s.contains("text")), Some(false));
}

#[test]
fn an_organisation_column_headed_unit_and_english_words_inside_others_are_not_misread() {
    let guess = |target, text: &str| {
        let rows = table::parse(text, '\t').rows;
        assert!(mapping::guess_header(&rows), "{text}");
        mapping::guess_mapping(target, &rows, true)
    };
    // The entries and notes a sheet with a header makes, its columns as guessed.
    let build_sheet = |target, text: &str| {
        let rows = table::parse(text, '\t').rows;
        let map = mapping::guess_mapping(target, &rows, true);
        mapping::build(target, Some(rows[0].as_slice()), &rows[1..], &map, &HashSet::new(), "r")
    };
    // 单位 over departments: their names, not a unit column.
    assert_eq!(
        guess(Target::Ranking, "序号\t单位名称\t得分\t排名\n1\t市场监管局\t95.5\t1\n2\t区住建局\t93\t2\n"),
        vec![Field::Ignore, Field::Label, Field::Value, Field::ValueRank]
    );
    assert_eq!(
        guess(Target::Ranking, "单位\t得分\n区生态环境分局\t95.5\n综合行政执法大队\t93\n自来水公司\t90\n"),
        vec![Field::Label, Field::Value]
    );
    // Districts and counties too, the commonest ranking; “Unit name” as 单位名称.
    assert_eq!(
        guess(Target::Ranking, "单位\t综合指数\t排名\n兰山区\t4.73\t1\n罗庄区\t4.95\t2\n沂南县\t5.1\t3\n"),
        vec![Field::Label, Field::Value, Field::ValueRank]
    );
    assert_eq!(guess(Target::Ranking, "Unit name\tScore\n甲局\t95\n乙局\t93\n")[0], Field::Label);
    // A long unit is still a unit (吨标准煤/万元), beside the names it does not take.
    assert_eq!(
        guess(
            Target::Ranking,
            "区县\t数值\t单位\t排名\n兰山区\t0.35\t吨标准煤/万元\t1\n罗庄区\t0.41\t吨标准煤/万元\t2\n"
        ),
        vec![Field::Label, Field::Value, Field::Unit, Field::ValueRank]
    );
    // Plural English headers are their fields (Remarks, Sources).
    assert_eq!(
        guess(Target::CaseStats, "Item\tCount\tRemarks\tSources\n受理投诉\t12\t含热线\t第3段\n立案\t7\t\t\n"),
        vec![Field::Label, Field::Value, Field::Note, Field::Source]
    );
    // A column named plainer takes the names; 单位 over units is the unit, 处 (places) too.
    assert_eq!(
        guess(Target::CaseStats, "项目\t数量\t单位\n受理投诉\t12\t件\n排查点位\t30\t处\n"),
        vec![Field::Label, Field::Value, Field::Unit]
    );
    assert_eq!(
        guess(Target::CaseStats, "计量单位\t项目\t数量\n件\t受理投诉\t12\n万元\t罚没款\t30\n"),
        vec![Field::Unit, Field::Label, Field::Value]
    );
    // English headers: whole words only (County is no count, Community no unit).
    assert_eq!(
        guess(Target::Ranking, "No.\tCounty\tCompliance rate\tRank\n1\t河西区\t98.5%\t1\n2\t河东区\t97.1%\t2\n"),
        vec![Field::Ignore, Field::Label, Field::Value, Field::ValueRank]
    );
    assert_eq!(
        guess(Target::Ranking, "Community\tScore\tRank\n东关社区\t95\t1\n西关社区\t93\t2\n"),
        vec![Field::Label, Field::Value, Field::ValueRank]
    );
    assert_eq!(guess(Target::Ranking, "Site\tValue (en)\tUnit\n甲\t3\tmg\n")[2], Field::Unit);
    // One value with a unit among bare ones: that row would read unlike the rest; to check.
    let built = build_sheet(Target::Ranking, "区县\t得分\n甲区\t86.0%\n乙区\t90\n丙区\t88\n");
    let on_some = Note::UnitOnSome { row: 0, cell: "86.0%".into(), unit: "%".into(), without: 2 };
    assert_eq!(built.notes.iter().filter(|n| n.row().is_some()).collect::<Vec<_>>(), [&on_some]);
    assert!(on_some.needs_check());
    // A row without a figure is not counted as one without a unit.
    let built = build_sheet(Target::Ranking, "区县\t达标率\n甲区\t98.5%\n乙区\t—\n丙区\t97%\n");
    assert!(!built.notes.iter().any(|n| matches!(n, Note::UnitOnSome { .. })), "{:?}", built.notes);
    // Case statistics mix kinds of figure (12件, 86.5万元, 320): no such note.
    let built = build_sheet(Target::CaseStats, "项目\t数量\n受理投诉\t12件\n罚没款\t86.5万元\n出动人次\t320\n");
    assert!(!built.notes.iter().any(|n| matches!(n, Note::UnitOnSome { .. })), "{:?}", built.notes);
    // Every value with its unit: a plain note, as before.
    let built = build_sheet(Target::Ranking, "区县\t达标率\n甲区\t86.0%\n乙区\t90%\n");
    let units: Vec<&Note> = built.notes.iter().filter(|n| n.row().is_some()).collect();
    assert!(units.len() == 2 && units.iter().all(|n| matches!(n, Note::Unit { .. }) && !n.needs_check()), "{units:?}");
    // A tie is its place, said; a dash for no figure leaves the row without a value, said to check.
    let rows = table::parse("区县\t得分\t排名\n甲区\t90\t1\n乙区\t88\t并列2\n丙区\t—\t并列第2名\n", '\t').rows;
    let map = mapping::guess_mapping(Target::Ranking, &rows, true);
    assert_eq!(map, vec![Field::Label, Field::Value, Field::ValueRank]);
    let built = mapping::build(Target::Ranking, Some(rows[0].as_slice()), &rows[1..], &map, &HashSet::new(), "r");
    assert_eq!((built.entries[1]["value_rank"].clone(), built.entries[2]["value_rank"].clone()), (json!(2), json!(2)));
    assert_eq!(built.entries[2].get("value"), None, "no text passed off as a figure");
    let tie = Note::Tie { row: 1, cell: "并列2".into(), rank: 2 };
    let none = Note::NoFigure { row: 2, cell: "—".into() };
    assert!(built.notes.contains(&tie) && built.notes.contains(&none), "{:?}", built.notes);
    assert!(!tie.needs_check() && none.needs_check());
    // Places in words, and ties written other ways.
    let rows = table::parse("区县\t排名\n甲\t第一名\n乙\t2=\n丙\t2（并列）\n丁\t第十一名\n戊\t二十三\n", '\t').rows;
    let map = vec![Field::Label, Field::ValueRank];
    let built = mapping::build(Target::Ranking, Some(rows[0].as_slice()), &rows[1..], &map, &HashSet::new(), "r");
    let ranks: Vec<Value> = built.entries.iter().map(|e| e["value_rank"].clone()).collect();
    assert_eq!(ranks, [json!(1), json!(2), json!(2), json!(11), json!(23)]);
    assert_eq!(built.notes.iter().filter(|n| matches!(n, Note::Tie { .. })).count(), 2);
    // A full-width number with a comma for its decimal point gets the same advice.
    assert_eq!(report_widget::format::figure::decimal_comma("１２，５").as_deref(), Some("12.5"));
    assert_eq!(report_widget::format::figure::decimal_comma("８７,２").as_deref(), Some("87.2"));
    assert_eq!(report_widget::format::figure::decimal_comma("１,２３４"), None);
}

#[test]
fn english_left_as_it_was_when_its_chinese_changed_is_behind_until_either_is_made_to_match() {
    use report_widget::editor::english::Watch;
    let mut doc = parse(LANSHAN);
    let ptr = "/meta/title";
    let mut watch = Watch::default();
    let (zh, en) = doc::text_parts(doc.pointer(ptr));
    assert!(!en.is_empty());
    let behind = |watch: &Watch, doc: &Value| watch.behind(doc).map(|w| w.zh.clone()).collect::<Vec<_>>();
    // This year's title typed into the Chinese only (another year: behind).
    watch.chinese_edit(ptr, &doc);
    doc["meta"]["title"]["zh"] = json!(zh.replace("2021", "2022"));
    assert_eq!(behind(&watch, &doc), std::slice::from_ref(&zh));
    // More keystrokes keep what the English was written for.
    watch.chinese_edit(ptr, &doc);
    doc["meta"]["title"]["zh"] = json!(format!("{}（草稿）", zh.replace("2021", "2022")));
    assert_eq!(behind(&watch, &doc), std::slice::from_ref(&zh));
    // Said in the checks as advice on the English, in the form's order.
    let status = report_widget::editor::check_editing(&doc, 0, &watch);
    let advice: Vec<_> = status.problems.iter().filter(|p| p.pointer == "/meta/title/en").collect();
    assert_eq!(advice.len(), 1);
    assert_eq!(advice[0].severity, report_widget::validate::Severity::Warning);
    assert!(advice[0].zh.contains(&format!("原为“{zh}”")), "{}", advice[0].zh);
    assert_eq!(status.report.is_some(), report_widget::editor::check(&doc, 0).report.is_some());
    // Put back (an undo), or emptied (the checks ask for the Chinese): not behind.
    let mut undone = doc.clone();
    undone["meta"]["title"]["zh"] = json!(zh);
    assert!(behind(&watch, &undone).is_empty());
    undone["meta"]["title"]["zh"] = json!("");
    assert!(behind(&watch, &undone).is_empty());
    // The English changed in the JSON view: not behind.
    let mut translated = doc.clone();
    translated["meta"]["title"]["en"] = json!("Report on law-based government in 2022");
    assert!(behind(&watch, &translated).is_empty());
    // The English edited in the form: the person is attending to it; later Chinese edits of the
    // same text are not pointed out (translating the English first, then the Chinese).
    watch.english_edit(ptr);
    assert!(behind(&watch, &doc).is_empty());
    watch.chinese_edit(ptr, &doc);
    doc["meta"]["title"]["zh"] = json!("2023年报告");
    assert!(behind(&watch, &doc).is_empty());
    // A typo fixed in a Chinese name is no new meaning; a name rewritten is.
    let label = "/sections/5/items/0/label";
    let name = doc::text_parts(doc.pointer(label)).0;
    assert!(name.chars().count() >= 4, "{name}");
    watch.chinese_edit(label, &doc);
    let mut typo: Vec<char> = name.chars().collect();
    let last = typo.len() - 1;
    typo[last] = '员';
    doc["sections"][5]["items"][0]["label"]["zh"] = json!(typo.iter().collect::<String>());
    assert!(behind(&watch, &doc).is_empty(), "one character of {name}");
    doc["sections"][5]["items"][0]["label"]["zh"] = json!("受理群众投诉举报件数");
    assert_eq!(behind(&watch, &doc), [name]);
    // Kept with the work across a reload: read back as written; what cannot be read is left out.
    assert_eq!(Watch::from_value(&watch.to_value()), watch);
    assert_eq!(Watch::from_value(&json!({ "written": [["/meta/title", "甲"], 7] })), Watch::default());
    // Entries moved or removed: each note stays with its text; a removed entry's goes.
    let moved = |watch: &mut Watch, doc: &mut Value, edit: Edit| {
        assert!(doc::apply(doc, &edit));
        watch.list_edit(&edit);
    };
    let items = "/sections/5/items";
    moved(&mut watch, &mut doc, Edit::Move { array: items.into(), from: 0, to: 2 });
    assert_eq!(watch.behind(&doc).map(|w| w.ptr.as_str()).collect::<Vec<_>>(), ["/sections/5/items/2/label"]);
    moved(
        &mut watch,
        &mut doc,
        Edit::Insert { array: items.into(), index: 0, item: json!({ "id": "x", "label": "新" }) },
    );
    assert_eq!(watch.behind(&doc).map(|w| w.ptr.as_str()).collect::<Vec<_>>(), ["/sections/5/items/3/label"]);
    moved(&mut watch, &mut doc, Edit::Remove { array: items.into(), index: 3 });
    assert_eq!(watch.behind(&doc).count(), 0);
    // A text without English has nothing to be behind.
    doc["sections"][0]["title"] = json!("空气质量");
    watch.chinese_edit("/sections/0/title", &doc);
    doc["sections"][0]["title"] = json!("水环境质量");
    assert_eq!(watch.behind(&doc).count(), 0);
}

#[test]
fn a_table_of_cases_with_their_fines_imports_the_cases_and_leaves_the_amount_out() {
    // A bureau's enforcement table: the cases opened are the items' values, those closed their
    // resolved counts; the fines, a second figure per row, have no place in the same item.
    let table =
        table::parse("单位名称\t立案数\t结案数\t罚没金额(万元)\n执法一大队\t45\t38\t120.5\n城区所\t27\t25\t无\n", '\t')
            .rows;
    let map = mapping::guess_mapping(Target::CaseStats, &table, true);
    assert_eq!(map, vec![Field::Label, Field::Value, Field::Resolved, Field::Ignore]);
    let built = mapping::build(Target::CaseStats, Some(&table[0]), &table[1..], &map, &HashSet::new(), "cases");
    let figures: Vec<(String, String)> =
        built.entries.iter().map(|e| (e["value"].to_string(), e["resolved"].to_string())).collect();
    assert_eq!(figures, [("45".into(), "38".into()), ("27".into(), "25".into())]);
    assert!(built.entries.iter().all(|e| e.get("unit").is_none()), "万元 is the fines' unit, not the cases'");
    assert!(built.notes.contains(&Note::ColumnNotImported { column: 3, header: Some("罚没金额(万元)".into()) }));
    // Without the cases, the amount is the value, as before.
    let fines = table::parse("单位名称\t罚没金额(万元)\n执法一大队\t120.5\n", '\t').rows;
    assert_eq!(mapping::guess_mapping(Target::CaseStats, &fines, true), vec![Field::Label, Field::Value]);
    // 受理部门 names the rows; what is not resolved yet (未结案数) is no resolved count.
    let by_office = table::parse("受理部门\t受理数\t办结数\n市场监管局\t12\t10\n住建局\t7\t7\n", '\t').rows;
    assert_eq!(
        mapping::guess_mapping(Target::CaseStats, &by_office, true),
        vec![Field::Label, Field::Value, Field::Resolved]
    );
    let open = table::parse("名称\t立案数\t未结案数\t结案数\n甲\t45\t7\t38\n", '\t').rows;
    assert_eq!(mapping::guess_mapping(Target::CaseStats, &open, true)[3], Field::Resolved);
}

#[test]
fn an_average_row_is_left_out_with_a_note() {
    let table = table::parse("排名\t乡镇\t满意度\n1\t甲镇\t98.6%\n2\t乙镇\t97.9%\n\t全县平均\t95.9%\n", '\t').rows;
    let map = mapping::guess_mapping(Target::Ranking, &table, true);
    let built = mapping::build(Target::Ranking, Some(&table[0]), &table[1..], &map, &HashSet::new(), "towns");
    let labels: Vec<&str> = built.entries.iter().filter_map(|e| e["label"].as_str()).collect();
    assert_eq!(labels, ["甲镇", "乙镇"], "a ranking of two towns gets no third member");
    let average = built.notes.iter().find(|n| matches!(n, Note::AverageRow { .. })).expect("said");
    assert_eq!(average, &Note::AverageRow { row: 2, cell: "全县平均".into() });
    assert!(average.needs_check());
    // Names that hold the word but are members, or figures: kept.
    let members = table::parse("乡镇\t满意度\n平均镇\t98\n平均气温最低的镇\t97\nPM10均值\t60\n年平均\t3\n", '\t').rows;
    let map = mapping::guess_mapping(Target::Ranking, &members, true);
    let built = mapping::build(Target::Ranking, Some(&members[0]), &members[1..], &map, &HashSet::new(), "towns");
    assert_eq!(built.entries.len(), 4);
    for average in ["平均", "全县平均", "各区均值", "全市平均值", "County average", "Average"] {
        let table = table::parse(&format!("乡镇\t满意度\n甲镇\t98\n{average}\t97\n"), '\t').rows;
        let map = mapping::guess_mapping(Target::Ranking, &table, true);
        let built = mapping::build(Target::Ranking, Some(&table[0]), &table[1..], &map, &HashSet::new(), "towns");
        assert_eq!(built.entries.len(), 1, "{average}");
    }
    // In a sheet of key figures an average is a figure.
    let kpis = table::parse("指标\t数值\nPM2.5平均\t31\n平均\t2\n", '\t').rows;
    let map = mapping::guess_mapping(Target::Metrics, &kpis, true);
    assert_eq!(
        mapping::build(Target::Metrics, Some(&kpis[0]), &kpis[1..], &map, &HashSet::new(), "k").entries.len(),
        2
    );
}

#[test]
fn the_notes_to_check_come_first_and_a_unit_read_from_many_cells_is_said_once() {
    let table = table::parse("项目\t数量\n受理\t12件\n办结\t30件\n督办\tx\n回访\t5件\n合计\t47件\n", '\t').rows;
    let map = mapping::guess_mapping(Target::CaseStats, &table, true);
    let built = mapping::build(Target::CaseStats, Some(&table[0]), &table[1..], &map, &HashSet::new(), "cases");
    let shown = mapping::notes_to_show(&built.notes);
    let checks = shown.iter().take_while(|s| matches!(s, ShownNote::One(n) if n.needs_check())).count();
    assert_eq!(checks, 2, "the text kept for “x” and the total row, first: {shown:?}");
    let units: Vec<&ShownNote> = shown.iter().filter(|s| matches!(s, ShownNote::Units { .. })).collect();
    assert_eq!(units, [&ShownNote::Units { unit: "件", rows: vec![0, 1, 3], example: "12件" }]);
    assert_eq!(shown.len(), 3, "{shown:?}");
}

#[test]
fn a_kpi_sheet_makes_metrics_with_their_hedges_units_and_changes() {
    let table = table::parse(
        "指标\t数值\t单位\t同比\n办理行政许可\t3,215\t件\t同比增长12.4%\n食品抽检合格率\t98.7%\t\t上升0.5个百分点\n\
         受理投诉举报\t1200余\t件\t减少3件\n罚没款\t356.8\t万元\t12.4\n满意度\t95%\t\t改善8.2%\n",
        '\t',
    )
    .rows;
    let map = mapping::guess_mapping(Target::Metrics, &table, true);
    assert_eq!(map, vec![Field::Label, Field::Value, Field::Unit, Field::Change]);
    let taken: HashSet<String> = ["kpi-1".to_string()].into();
    let built = mapping::build(Target::Metrics, Some(&table[0]), &table[1..], &map, &taken, "kpi");
    let entries: Vec<String> = built.entries.iter().map(|e| e.to_string()).collect();
    assert_eq!(
        entries,
        [
            r#"{"change":{"kind":"percent","value":12.4},"id":"kpi-1-2","label":"办理行政许可","unit":"件","value":3215}"#,
            r#"{"change":{"kind":"points","value":0.5},"id":"kpi-2","label":"食品抽检合格率","unit":"%","value":98.7}"#,
            r#"{"change":{"kind":"absolute","unit":"件","value":-3},"id":"kpi-3","label":"受理投诉举报","qualifier":"over","unit":"件","value":1200}"#,
            r#"{"change":{"value":12.4},"id":"kpi-4","label":"罚没款","unit":"万元","value":356.8}"#,
            r#"{"id":"kpi-5","label":"满意度","unit":"%","value":95}"#,
        ]
    );
    // The header says what the cells do not: a fall (降幅), the unit; 环比 is no year-on-year
    // change, nor a unit other than %, points or the figure's own.
    let changes = |header: &str, cells: &[&str]| {
        let text = format!("指标\t数值\t单位\t{header}\n")
            + &cells.iter().map(|c| format!("甲\t5\t天\t{c}\n")).collect::<String>();
        let table = table::parse(&text, '\t').rows;
        let map = mapping::guess_mapping(Target::Metrics, &table, true);
        assert_eq!(map[3], Field::Change, "{header}");
        let built = mapping::build(Target::Metrics, Some(&table[0]), &table[1..], &map, &HashSet::new(), "k");
        built.entries.iter().map(|e| e.get("change").map_or("-".to_string(), |c| c.to_string())).collect::<Vec<_>>()
    };
    assert_eq!(
        changes("降幅（%）", &["5.1", "-2", "+1"]),
        [r#"{"kind":"percent","value":-5.1}"#, "-", "-"],
        "a signed figure under 降幅 (−2: a rise?) is for the person to say"
    );
    assert_eq!(changes("同比", &["持平"]), [r#"{"kind":"percent","value":0}"#]);
    assert_eq!(changes("升降（个百分点）", &["0.5"]), [r#"{"kind":"points","value":0.5}"#]);
    assert_eq!(
        changes("同比", &["+3天", "12.4%↑", "环比下降3%"]),
        [r#"{"kind":"absolute","unit":"天","value":3}"#, "-", "-"]
    );
    assert_eq!(changes("环比", &["3%"]), ["-"]);
    // A bare number's kind and a change without a direction are for the person, and said.
    let checks: Vec<&Note> = built.notes.iter().filter(|n| n.needs_check()).collect();
    assert_eq!(
        checks,
        [&Note::ChangeKind { row: 3, cell: "12.4".into() }, &Note::ChangeNotRead { row: 4, cell: "改善8.2%".into() }]
    );
}

#[test]
fn an_updated_kpi_sheet_replaces_key_figures_keeping_their_ids_and_what_it_does_not_give() {
    // The air section's figures, updated: the ranking below refers to them by id.
    let lanshan: Value = serde_json::from_str(LANSHAN).unwrap();
    let import = |sheet: &str| {
        let mut doc = lanshan.clone();
        let mut state = ImportState::new(0, &doc).expect("the metrics section");
        state.update(ImportMsg::Text(sheet.into()), &doc);
        state.refresh(&doc);
        assert!(state.replace, "replacing is the default");
        let notes = state.built.notes.clone();
        let edit = state.update(ImportMsg::Apply, &doc).expect("an edit");
        assert!(doc::apply(&mut doc, &edit));
        (doc.pointer("/sections/0/items").and_then(Value::as_array).unwrap().clone(), notes)
    };
    // The same figure again (4.73, down 8.2%): everything stays, the ranks too.
    let (items, notes) = import("指标\t数值\t同比\n综合指数\t4.73\t下降8.2%\n");
    assert_eq!(items[0], lanshan["sections"][0]["items"][0], "{notes:?}");
    // A new figure: the id, the direction and the English stay; the old ranks and the quoted
    // sentence were about 4.73, and go.
    let (items, notes) = import("指标\t数值\t同比\n综合指数\t4.51\t同比改善4.7%\n新指标\t12\t\n");
    assert_eq!(items.len(), 2);
    let index = &items[0];
    assert_eq!(index["id"], json!("composite-index"), "the ranking's reference still holds");
    assert_eq!(index["value"], json!(4.51));
    assert_eq!(index["direction"], json!("lower_is_better"));
    assert_eq!(index["label"]["en"], json!("Composite air-quality index"));
    assert_eq!(index.get("change"), None, "改善 says no direction: not last year's -8.2% either");
    assert_eq!((index.get("ranks"), index.get("source")), (None, None));
    assert!(notes.contains(&Note::MetricsRestated { names: vec!["综合指数".into()] }), "{notes:?}");
    assert_ne!(items[1]["id"], json!("composite-index"));
    // The figures the sheet leaves out are named, and those the ranking refers to said.
    let Some(Note::MetricsDropped { names, referenced }) =
        notes.iter().find(|n| matches!(n, Note::MetricsDropped { .. }))
    else {
        panic!("{notes:?}")
    };
    assert_eq!(names.len(), 7);
    assert!(!referenced.is_empty() && referenced.iter().all(|r| names.contains(r)), "{referenced:?}");
    // A hedge the sheet does not write is not kept: 650 is no longer 650余.
    let mut doc = lanshan.clone();
    doc["sections"][0]["items"][0]["qualifier"] = json!("over");
    let mut state = ImportState::new(0, &doc).unwrap();
    state.update(ImportMsg::Text("指标\t数值\n综合指数\t4.73\n".into()), &doc);
    state.refresh(&doc);
    assert_eq!(state.built.entries[0].get("qualifier"), None);
}

#[test]
fn a_ranking_row_that_names_a_metric_takes_no_unit_from_the_header() {
    let table = table::parse("指标id\t数值（%）\t排名\npm25\t\t2\n", '\t').rows;
    let map = vec![Field::Metric, Field::Value, Field::ValueRank];
    let built = mapping::build(Target::Ranking, Some(&table[0]), &table[1..], &map, &HashSet::new(), "r");
    assert_eq!(built.entries[0].get("unit"), None, "the validator refuses a unit beside a metric: {:?}", built.entries);
}

#[test]
fn a_header_unit_written_in_english_keeps_its_english() {
    for (header, en) in [
        ("Fines (yuan)", Some("yuan")),
        ("Amount (10k yuan)", Some("× 10,000 yuan")),
        ("Amount (10 000 yuan)", Some("× 10,000 yuan")),
        ("Investment (100 million yuan)", Some("× 100 million yuan")),
        ("浓度(μg/m3)", None),
        ("数量（件）", None),
    ] {
        assert_eq!(mapping::header_unit_english(header).as_deref(), en, "{header}");
    }
    let table = table::parse("Item\tAmount (10k yuan)\nFines\t3\n", '\t').rows;
    let map = mapping::guess_mapping(Target::CaseStats, &table, true);
    let built = mapping::build(Target::CaseStats, Some(&table[0]), &table[1..], &map, &HashSet::new(), "c");
    assert_eq!(built.entries[0]["unit"], json!({ "zh": "万元", "en": "× 10,000 yuan" }));
}
