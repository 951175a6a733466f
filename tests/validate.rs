//! Validation: bad payloads give every problem, each with its JSON pointer (or line and
//! column for syntax errors) and a message in Chinese and English.

use report_widget::model::Lang;
use report_widget::validate::{self, PayloadError, Problem, Severity};
use serde_json::{json, Value};

fn minimal() -> Value {
    json!({
        "schema": "report-widget/1",
        "meta": { "title": "某局2023年报告", "publisher": "某局", "date": "2024-01-31" },
        "groups": [{ "id": "counties", "label": { "zh": "三县", "en": "counties" }, "size": 3 }],
        "sections": [
            { "id": "water", "title": "水质", "kind": "metrics", "items": [
                { "id": "rate", "label": "达标率", "value": 97.5, "unit": "%", "direction": "higher_is_better",
                  "change": { "value": 1.5, "kind": "points" },
                  "ranks": [{ "group": "counties", "position": 2 }] }
            ]},
            { "id": "cases", "title": "案件", "kind": "case_stats", "items": [
                { "id": "complaints", "label": "投诉", "value": 120, "unit": "件", "resolved": 118 }
            ]}
        ]
    })
}

fn problems(payload: &Value) -> Vec<Problem> {
    match validate::from_value(payload) {
        Ok(_) => Vec::new(),
        Err(e) => e.problems(),
    }
}

fn pointers(payload: &Value) -> Vec<String> {
    problems(payload).into_iter().map(|p| p.pointer).collect()
}

#[test]
fn a_small_report_of_another_bureau_is_valid() {
    assert_eq!(problems(&minimal()), Vec::<Problem>::new());
}

#[test]
fn a_byte_order_mark_before_a_payload_is_not_part_of_it() {
    // A payload pasted into the page from a file saved "UTF-8 with BOM" (older Notepad), as a
    // fetched file's is dropped by the browser.
    let text = format!("\u{feff}{}", minimal());
    assert!(validate::load(&text).is_ok());
    // Its problems are placed in words and lines as without it.
    let mut broken = minimal();
    broken["sections"][1]["items"][0]["resolved"] = json!(121);
    let text = format!("\u{feff}{}", serde_json::to_string_pretty(&broken).unwrap());
    let mut found = validate::load(&text).unwrap_err().problems();
    assert_eq!(found.iter().map(|p| p.pointer.as_str()).collect::<Vec<_>>(), ["/sections/1/items/0/resolved"]);
    validate::place::name_places(&text, &mut found);
    assert!(found[0].zh.starts_with("第2节“案件” › 第1项“投诉”："), "{}", found[0].zh);
    // Elsewhere it is still an invisible character to remove.
    for elsewhere in [format!(" \u{feff}{}", minimal()), "{\u{feff}\"schema\": 1}".to_string()] {
        let problems = validate::load(&elsewhere).unwrap_err().problems();
        assert!(problems[0].zh.contains("U+FEFF") && problems[0].en.contains("U+FEFF"), "{problems:?}");
    }
}

#[test]
fn syntax_errors_give_line_and_column() {
    let err = validate::load("{\n  \"schema\": \"report-widget/1\",\n  \"meta\": {\n}").unwrap_err();
    match &err {
        PayloadError::Syntax { line, column, .. } => assert_eq!((*line, *column), (4, 1)),
        other => panic!("expected a syntax error, got {other:?}"),
    }
    // The place is the problem's position, shown beside its message (not written in it twice).
    let p = &err.problems()[0];
    assert_eq!((p.location_in(Lang::Zh), p.location()), ("第 4 行第 1 列".to_string(), "line 4, column 1".to_string()));
    assert!(p.zh.starts_with("JSON 语法错误：") && !p.zh.contains("第 4 行"), "{p:?}");
    assert!(p.en.starts_with("JSON syntax error: ") && !p.en.contains("line 4"), "{p:?}");
}

#[test]
fn a_payload_that_is_not_an_object_is_placed_at_the_root() {
    // Its JSON pointer is "", which would read as nothing: "the first: : expected an object".
    let p = problems(&json!([1, 2]));
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!((p[0].pointer.as_str(), p[0].location()), ("", "/".to_string()));
    let message = validate::load("[1, 2]").unwrap_err().to_string();
    assert!(message.contains("the first: /: "), "{message}");
}

#[test]
fn rank_beyond_the_group_is_refused_with_its_path() {
    let mut p = minimal();
    p["sections"][0]["items"][0]["ranks"][0]["position"] = json!(4);
    assert_eq!(pointers(&p), ["/sections/0/items/0/ranks/0/position"]);
}

#[test]
fn resolved_cannot_exceed_total() {
    let mut p = minimal();
    p["sections"][1]["items"][0]["resolved"] = json!(121);
    let found = problems(&p);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].pointer, "/sections/1/items/0/resolved");
    assert!(found[0].zh.contains("121") && found[0].en.contains("resolved"));
}

#[test]
fn all_problems_are_collected_in_one_pass() {
    let mut p = minimal();
    p["sections"][1]["items"][0]["id"] = json!("rate"); // duplicate id
    p["sections"][0]["items"][0]["ranks"][0]["group"] = json!("towns"); // unknown group
    p["meta"]["date"] = json!("31/01/2024");
    assert_eq!(pointers(&p), ["/meta/date", "/sections/0/items/0/ranks/0/group", "/sections/1/items/0/id"]);
}

#[test]
fn a_missing_field_names_the_misspelt_field_beside_it() {
    // The widget's panel lists errors only: the error itself says that "lable" is the cause.
    let mut p = minimal();
    p["meta"]["auther"] = json!("某局办公室");
    let item = p["sections"][1]["items"][0].as_object_mut().unwrap();
    let label = item.remove("label").unwrap();
    item.insert("lable".into(), label);
    let found = problems(&p);
    let pointers: Vec<(Severity, &str)> = found.iter().map(|p| (p.severity, p.pointer.as_str())).collect();
    assert_eq!(
        pointers,
        [
            (Severity::Warning, "/meta/auther"),
            (Severity::Warning, "/sections/1/items/0/lable"),
            (Severity::Error, "/sections/1/items/0/label"),
        ]
    );
    assert_eq!(found[2].en, "missing required field \"label\" (is \"lable\" meant to be \"label\"?)");
    assert_eq!(found[2].zh, "缺少必填字段“label”（字段“lable”是否应为“label”？）");
    // A known field that looks alike is not taken for a misspelling: a text with only "en".
    let mut p = minimal();
    p["sections"][0]["title"] = json!({ "en": "Water" });
    let missing = problems(&p).into_iter().find(|p| p.pointer == "/sections/0/title/zh").expect("zh is required");
    assert_eq!(missing.en, "missing required field \"zh\"");
    // Nor is an unknown field that is nearer to another field: "En" is "en" mistyped, "Note"
    // is "note", not the missing "zh" or "date".
    let mut p = minimal();
    p["sections"][0]["title"] = json!({ "En": "Water" });
    p["meta"].as_object_mut().unwrap().remove("date");
    p["meta"]["Note"] = json!("说明");
    let found = problems(&p);
    for pointer in ["/sections/0/title/zh", "/meta/date"] {
        let missing = found.iter().find(|p| p.pointer == pointer).expect("required");
        assert!(!missing.en.contains("meant to be"), "{missing:?}");
    }
}

#[test]
fn type_errors_point_into_each_broken_section() {
    let mut p = minimal();
    p["sections"][0]["items"][0]["value"] = json!("97.5%");
    p["sections"][1]["items"][0]["value"] = json!(null);
    assert_eq!(pointers(&p), ["/sections/0/items/0/value", "/sections/1/items/0/value"]);
}

#[test]
fn rules_after_an_entry_that_failed_to_decode_point_at_their_own_entry() {
    // The rules see lists without the entries that failed to decode; their problems must still
    // name each entry's place in the payload, in nested lists and in a dropped section's wake.
    let mut p = minimal();
    let items = p["sections"][0]["items"].as_array_mut().unwrap();
    let mut second = items[0].clone();
    second["id"] = json!("rate-2");
    second["ranks"][0]["position"] = json!(4);
    let mut third = second.clone();
    third["id"] = json!("rate-3");
    third["ranks"] = json!([{ "group": "counties", "label": 1 }, { "group": "counties", "position": 9 }]);
    items.push(second);
    items.push(third);
    items[0]["value"] = json!("5020");
    let sections = p["sections"].as_array_mut().unwrap();
    sections.insert(0, json!({ "id": "broken", "title": "坏的", "kind": "metrics", "items": 3 }));
    sections.push(json!({ "id": "rank", "title": "排名", "kind": "ranking", "group": "nogroup",
                          "rows": [{ "label": "甲", "value": 1 }] }));
    assert_eq!(
        pointers(&p),
        [
            "/sections/0/items",
            "/sections/1/items/0/value",
            "/sections/1/items/2/ranks/0/label",
            "/sections/1/items/2/ranks/0/position",
            "/sections/1/items/1/ranks/0/position",
            "/sections/1/items/2/ranks/1/position",
            // Every group decoded, so a reference to a missing one is judged even now.
            "/sections/3/group",
        ]
    );
}

#[test]
fn a_repeated_id_after_a_failed_entry_names_the_first_use_where_it_is() {
    let mut p = minimal();
    let items = p["sections"][0]["items"].as_array_mut().unwrap();
    let mut twin = items[0].clone();
    items[0]["value"] = json!("97.5%"); // fails to decode
    twin["id"] = json!("twin");
    items.push(twin.clone());
    items.push(twin);
    let repeated = problems(&p).into_iter().find(|p| p.pointer == "/sections/0/items/2/id").expect("the second twin");
    assert!(repeated.en.ends_with("first at /sections/0/items/1/id"), "{}", repeated.en);
}

#[test]
fn past_a_hundred_failed_entries_the_rules_wait() {
    let mut p = minimal();
    let broken = json!({ "id": "x", "label": "x", "value": "x" });
    let items = p["sections"][0]["items"].as_array_mut().unwrap();
    items[0]["ranks"][0]["position"] = json!(9); // a rule's problem
    for _ in 0..101 {
        items.push(broken.clone());
    }
    let found = pointers(&p);
    assert_eq!(found.len(), 101, "only the entries that failed to decode");
    assert!(!found.contains(&"/sections/0/items/0/ranks/0/position".to_string()));
    p["sections"][0]["items"].as_array_mut().unwrap().pop();
    assert!(pointers(&p).contains(&"/sections/0/items/0/ranks/0/position".to_string()), "a hundred: the rules run");
}

#[test]
fn an_unknown_major_version_is_refused_alone() {
    let mut p = minimal();
    p["schema"] = json!("report-widget/2");
    p["sections"][1]["kind"] = json!("pie");
    let found = problems(&p);
    assert_eq!(found.len(), 1, "other problems of a format we cannot read would mislead: {found:?}");
    assert_eq!(found[0].pointer, "/schema");
    assert!(found[0].en.contains("report-widget/2") && found[0].zh.contains("report-widget/1"));
    p["schema"] = json!("report-widget/1.3");
    p["sections"][1]["kind"] = json!("case_stats");
    assert_eq!(problems(&p), Vec::<Problem>::new(), "minor versions of 1 are read");
    // As the schema's pattern says: a minor version is digits.
    for other in
        ["report-widget/1.", "report-widget/1.beta", "report-widget/1.2.3", "report-widget/12", "report-widget/"]
    {
        p["schema"] = json!(other);
        assert_eq!(pointers(&p), ["/schema"], "{other}");
    }
}

#[test]
fn unknown_section_kinds_are_named_with_the_nearest_kind() {
    let mut p = minimal();
    p["sections"][1]["kind"] = json!("case-stats");
    let found = problems(&p);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].pointer, "/sections/1/kind");
    assert!(found[0].en.contains("did you mean \"case_stats\""), "{}", found[0].en);
}

#[test]
fn unknown_fields_are_warnings_with_the_nearest_known_name() {
    let mut p = minimal();
    p["sections"][0]["items"][0]["lable"] = json!("typo");
    p["meta"]["publsher"] = json!("typo");
    p["meta"]["colour"] = json!("red");
    let checked = validate::check_value(&p).expect("warnings do not stop rendering");
    let warnings: Vec<(String, String)> = checked.warnings.iter().map(|w| (w.pointer.clone(), w.en.clone())).collect();
    assert_eq!(warnings.len(), 3, "{warnings:?}");
    assert!(checked.warnings.iter().all(|w| w.severity == Severity::Warning));
    let find = |ptr: &str| warnings.iter().find(|(p, _)| p == ptr).map(|(_, m)| m.clone()).unwrap_or_default();
    assert!(find("/sections/0/items/0/lable").contains("did you mean \"label\""));
    assert!(find("/meta/publsher").contains("did you mean \"publisher\""));
    assert!(find("/meta/colour").contains("known fields"), "no near name: list the known ones");
}

#[test]
fn missing_and_null_fields_point_at_the_field() {
    let mut p = minimal();
    p["sections"][0]["items"][0].as_object_mut().unwrap().remove("label");
    p["meta"]["title"] = json!(null);
    assert_eq!(pointers(&p), ["/meta/title", "/sections/0/items/0/label"]);
}

#[test]
fn declared_bounds_are_enforced() {
    let mut p = minimal();
    p["sections"][0]["items"][0]["bounds"] = json!({ "min": 0, "max": 100 });
    assert_eq!(problems(&p), Vec::<Problem>::new());
    p["sections"][0]["items"][0]["value"] = json!(100.5);
    let found = problems(&p);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].pointer, "/sections/0/items/0/value");
    assert!(found[0].en.contains("100.5") && found[0].en.contains("100"));
}

#[test]
fn oversized_strings_and_lists_are_refused_with_their_path() {
    let mut p = minimal();
    p["sections"][0]["items"][0]["source"] = json!("字".repeat(validate::MAX_STRING_CHARS + 1));
    p["sections"][1]["items"] = Value::Array(vec![json!(1); validate::MAX_LIST_ITEMS + 1]);
    assert_eq!(pointers(&p), ["/sections/0/items/0/source", "/sections/1/items"]);
}

#[test]
fn exponent_numbers_are_refused() {
    let text = minimal().to_string().replace("97.5", "9.75e1");
    let err = validate::load(&text).unwrap_err();
    assert_eq!(err.problems()[0].pointer, "/sections/0/items/0/value");
    assert!(err.problems()[0].en.contains("without exponent"), "{}", err.problems()[0].en);
    // Plain digits too many to be a number are said to be that, not blamed on an exponent.
    let text = minimal().to_string().replace("97.5", &"9".repeat(401));
    let err = validate::load(&text).unwrap_err();
    assert_eq!(err.problems()[0].pointer, "/sections/0/items/0/value");
    assert!(err.problems()[0].en.contains("too many digits"), "{}", err.problems()[0].en);
}

#[test]
fn oversized_payloads_are_refused_before_parsing() {
    let huge = format!("{{\"pad\": \"{}\"}}", "x".repeat(validate::MAX_PAYLOAD_BYTES));
    assert!(matches!(validate::load(&huge), Err(PayloadError::TooLarge { .. })));
}

#[test]
fn precision_survives_parsing() {
    let text = minimal().to_string().replace("97.5", "97.50");
    let report = validate::load(&text).expect("valid");
    let report_widget::model::SectionBody::Metrics(m) = &report.sections[0].body else { panic!("metrics") };
    assert_eq!(m.items[0].value.written(), "97.50");
}

#[test]
fn every_rule_reports_at_its_own_pointer_in_document_order() {
    // One payload that breaks each rule beyond types once (the decoder's type errors would stop
    // the reference checks, so every value keeps its type). Blank texts are found while
    // decoding, as the schema's minLength: first, in document order, then the rules'.
    let mut p = minimal();
    p["meta"]["title"] = json!(" ");
    p["meta"]["date"] = json!("2024-13-01");
    p["groups"] = json!([
        { "id": "counties", "label": "三县", "size": 3 },
        { "id": "counties", "label": "", "size": 0 }
    ]);
    let sections = p["sections"].as_array_mut().unwrap();
    sections[0]["items"][0]["label"] = json!(" ");
    sections[0]["items"][0]["bounds"] = json!({ "min": 100, "max": 5 });
    sections[0]["items"][0]["ranks"] =
        json!([{ "group": "counties", "position": 4 }, { "group": "towns", "position": 1 }]);
    sections[1]["items"][0]["resolved"] = json!(121);
    sections.push(json!({ "id": "water", "title": " ", "kind": "ranking", "group": "counties", "rows": [
        { "metric": "rate", "label": "x" },
        { "metric": "nowhere" },
        {},
        { "label": "县甲", "value_rank": 9, "change_rank": 0 }
    ]}));
    sections.push(json!({ "id": "months", "title": "月份", "kind": "calendar", "year": 2023, "label": "",
        "marked": [{ "month": 3 }, { "month": 3 }, { "month": 13 }] }));
    sections.push(json!({ "id": "points", "title": "亮点", "kind": "highlights",
        "items": [{ "title": "", "text": "有" }, { "title": "有", "text": " " }] }));
    sections.push(json!({ "id": "words", "title": "正文", "kind": "narrative", "paragraphs": ["有", " "] }));
    assert_eq!(
        pointers(&p),
        [
            "/meta/title",
            "/groups/1/label",
            "/sections/0/items/0/label",
            "/sections/2/title",
            "/sections/3/label",
            "/sections/4/items/0/title",
            "/sections/4/items/1/text",
            "/sections/5/paragraphs/1",
            "/meta/date",
            "/groups/1/id",
            "/groups/1/size",
            "/sections/0/items/0/value",
            "/sections/0/items/0/bounds",
            "/sections/0/items/0/ranks/0/position",
            "/sections/0/items/0/ranks/1/group",
            "/sections/1/items/0/resolved",
            "/sections/2/id",
            "/sections/2/rows/0",
            "/sections/2/rows/1/metric",
            "/sections/2/rows/2",
            "/sections/2/rows/3/value_rank",
            "/sections/2/rows/3/change_rank",
            "/sections/3/marked/1/month",
            "/sections/3/marked/2/month",
        ]
    );
}

#[test]
fn a_number_written_as_text_says_what_to_write_instead() {
    let message = |value: &str| {
        let mut p = minimal();
        p["sections"][0]["items"][0]["value"] = json!(value);
        let found = problems(&p);
        assert_eq!(found.len(), 1, "{value}: {found:?}");
        assert_eq!(found[0].pointer, "/sections/0/items/0/value");
        (found[0].zh.clone(), found[0].en.clone())
    };
    let (zh, en) = message("98.5");
    // Worded for a form field as well as for JSON: "quotes" meant nothing in the editor.
    assert_eq!(en, "expected a number, found the text \"98.5\": write it as the number 98.5, not as text");
    assert_eq!(zh, "应为数字，实际是文字“98.5”：写成数字 98.5（不是文字）");
    assert!(message("1,200").1.ends_with("write it as the number 1200, not as text"));
    // A letter typed for a digit is a typo, not a unit ("write 3, unit O" spoilt the figure).
    assert_eq!(message("3O").0, "应为数字，实际是文字“3O”：其中有字母（O、o、l 或 I）打成了数字 0 或 1？应写数字 30");
    assert!(message("12o").1.ends_with("Write the number 120"));
    assert!(message("1l.5").1.ends_with("Write the number 11.5"));
    // A comma for the decimal point, as some spreadsheets and a Chinese input method write it:
    // the same advice as the editor's import ("1,200" above is a thousands separator).
    assert_eq!(message("12，5").0, "应为数字，实际是文字“12，5”：若是 12.5（小数点写成了逗号），请写 12.5");
    assert!(message("97,5").1.ends_with(": if it is 97.5 (a comma for the decimal point), write 97.5"));
    // WeChat's “10万+”: more than 10, unit 万 (the unit was “万+”).
    let (zh, _) = message("10万+");
    let advice = zh.split_once("”：").unwrap().1;
    assert!(
        advice.starts_with("数值写 10，限定词选“超过 N”") && advice.contains("单位写“万”") && !advice.contains('+'),
        "{zh}"
    );
    // With a unit: the advice for the number with its unit (a European-locale sheet's 96,8%).
    let (zh, en) = message("96,8%");
    assert!(zh.starts_with("应为数字，实际是文字“96,8%”：若是 96.8%（小数点写成了逗号），数值写 96.8"), "{zh}");
    assert!(
        en.contains("if it is 96.8% (a comma for the decimal point), write 96.8 as the value") && en.contains("%"),
        "{en}"
    );
    // What a table writes for no figure: none (0) or not known, which only the report can say.
    for none in ["无", "—", "/"] {
        assert!(
            message(none).0.ends_with(
                "若是“没有”（数量为零），写 0；若报告没有给出这个数字，请不填数值（排名表的行），或删去这一项"
            ),
            "{none}"
        );
    }
    // Worded for the form as well as for JSON: the form's field, and the key.
    assert!(message("5,020余人次")
        .1
        .ends_with("write 5020 as the value, choose the qualifier \"more than N, 余 (over)\", unit \"人次\""));
    // A bare magnitude is not the unit: what is counted goes with it.
    assert!(message("超过20万").1.ends_with(
        "write 20 as the value, choose the qualifier \"more than N, 超过 (more_than)\", unit \"万\" with what is counted (\"万人\", \"万元\")"
    ));
    assert!(message("约３００人")
        .1
        .ends_with("write 300 as the value, choose the qualifier \"about N (about)\", unit \"人\""));
    assert!(message("近5亿").1.contains(
        "write 5 as the value, choose the qualifier \"nearly N, 近 (nearly)\", unit \"亿\" with what is counted"
    ));
    let mut nearly = minimal();
    nearly["sections"][0]["items"][0]["qualifier"] = json!("nearly");
    assert_eq!(problems(&nearly), vec![], "近N is a qualifier of its own");
    let (zh, en) = message("98.9%");
    assert!(en.ends_with("write 98.9 as the value, unit \"%\""), "{en}");
    assert_eq!(zh, "应为数字，实际是文字“98.9%”：数值写 98.9，单位写“%”");
    let (zh, _) = message("5万余");
    assert_eq!(
        zh,
        "应为数字，实际是文字“5万余”：数值写 5，限定词选“N 余”（over），单位写“万”加上所计的单位（如“万人”“万元”）"
    );
    assert!(message("5万余人").1.ends_with("choose the qualifier \"more than N, 余 (over)\", unit \"万人\""));
    assert!(message("-3.5").1.ends_with("write it as the number -3.5, not as text"));
    // Nothing to suggest: no digits, a date, two numbers. (A decimal comma, "4,73", is asked
    // about above: "if it is 4.73".)
    for value in ["很多", "2024-01-15", "3至5"] {
        assert_eq!(message(value).1, format!("expected a number, found the text \"{value}\""), "{value}");
    }
}

#[test]
fn the_advice_for_a_number_written_as_text_fits_its_field() {
    let message = |pointer: &str, value: &str| {
        let mut p = minimal();
        p["sections"].as_array_mut().unwrap().push(json!({ "id": "ranks", "title": "排名", "kind": "ranking",
            "group": "counties", "rows": [{ "label": "甲县", "value": 1 }] }));
        *p.pointer_mut(pointer).unwrap() = json!(value);
        let found = problems(&p);
        assert_eq!(found.len(), 1, "{pointer}: {found:?}");
        assert_eq!(found[0].pointer, pointer);
        (found[0].zh.clone(), found[0].en.clone())
    };
    // A share or a hedge is not the count resolved: following "unit %" turned 120件 into 120%.
    let (zh, en) = message("/sections/1/items/0/resolved", "98.9%");
    assert!(zh.ends_with("已办结数应是确切的件数（不带“余”“%”等），写成数字；报告只给出比例时，请不填已办结"), "{zh}");
    assert!(en.contains("exact count") && !en.contains("unit \""), "{en}");
    assert!(message("/sections/1/items/0/resolved", "1,230余").1.contains("exact count"));
    assert!(message("/sections/1/items/0/resolved", "118").1.ends_with("write it as the number 118, not as text"));
    // A bound is in its figure's unit.
    let mut with_bounds = minimal();
    with_bounds["sections"][0]["items"][0]["bounds"] = json!({ "min": "2000万" });
    let found = problems(&with_bounds);
    assert_eq!(found.len(), 1);
    assert!(
        found[0].en.ends_with("write the number 2000, in the figure's own unit (bounds have no unit of their own)"),
        "{}",
        found[0].en
    );
    // A ranking row and a change have a unit but no qualifier.
    assert!(message("/sections/2/rows/0/value", "5020余人次")
        .1
        .ends_with("write 5020 as the value, no qualifier here, unit \"人次\""));
    assert_eq!(
        message("/sections/2/rows/0/value", "5020余人次").0,
        "应为数字，实际是文字“5020余人次”：数值写 5020，此处不能带限定词，单位写“人次”"
    );
    // A metric's value keeps the whole advice.
    assert!(message("/sections/0/items/0/value", "5020余人次")
        .1
        .ends_with("choose the qualifier \"more than N, 余 (over)\", unit \"人次\""));
}

#[test]
fn a_change_says_what_to_choose_for_its_kind() {
    let with_change = |change: serde_json::Value| {
        let mut p = minimal();
        p["sections"][0]["items"][0]["change"] = change;
        problems(&p).into_iter().map(|p| (p.pointer, p.zh, p.en)).collect::<Vec<_>>()
    };
    // "+12.5%": the per cent sign is the change's kind, not a unit to write.
    assert_eq!(
        with_change(json!({ "value": "+12.5%", "kind": "percent" })),
        vec![(
            "/sections/0/items/0/change/value".into(),
            "应为数字，实际是文字“+12.5%”：变化值写 12.5，变化的类型选“百分比”（percent）".into(),
            "expected a number, found the text \"+12.5%\": write 12.5 as the value, and choose percent as the change's kind"
                .into()
        )]
    );
    // As a report words a change: the sign from the words, the kind from the unit.
    for (written, zh, en) in [
        (
            "同比下降5.1个百分点",
            "变化值写 -5.1（下降为负数），变化的类型选“百分点”（points）",
            "write -5.1 as the value (a fall is negative), and choose points as the change's kind",
        ),
        ("下降5.1%", "变化值写 -5.1（下降为负数），变化的类型选“百分比”（percent）", "choose percent"),
        (
            "减少3天",
            "变化值写 -3（下降为负数），变化的类型选“绝对值”（absolute），单位写“天”",
            "and \"天\" as its unit",
        ),
        ("增长12.5%", "变化值写 12.5（下降为负数），变化的类型选“百分比”（percent）", "write 12.5"),
    ] {
        let found = with_change(json!({ "value": written, "kind": "percent" }));
        assert_eq!(found.len(), 1, "{written}: {found:?}");
        assert_eq!(found[0].0, "/sections/0/items/0/change/value");
        assert!(found[0].1.contains(zh) && found[0].2.contains(en), "{written}: {found:?}");
    }
    // Words without a unit do not say the kind: the one chosen stays ("下降3.2" on a change in
    // points was told to choose absolute); "-3.2个百分点" is points, not a unit "个百分点".
    let found = with_change(json!({ "value": "下降3.2", "kind": "points" }));
    assert!(found[0].1.contains("变化值写 -3.2（下降为负数）") && !found[0].1.contains("类型"), "{found:?}");
    let found = with_change(json!({ "value": "-3.2个百分点", "kind": "percent" }));
    assert!(
        found[0].1.contains("变化值写 -3.2，变化的类型选“百分点”（points）") && !found[0].1.contains("单位"),
        "{found:?}"
    );
    // "改善8.2%": which sign depends on which way is better; no guess.
    let found = with_change(json!({ "value": "改善8.2%", "kind": "percent" }));
    assert!(!found[0].1.contains("数值写"), "{found:?}");
    // A change without its kind: the choices, not just the field's name.
    assert_eq!(
        with_change(json!({ "value": 3 })),
        vec![(
            "/sections/0/items/0/change/kind".into(),
            "缺少变化的类型：选“百分比”（percent）、“百分点”（points）或“绝对值”（absolute）".into(),
            "missing the change's kind: choose percent, points or absolute".into()
        )]
    );
}

#[test]
fn counts_and_resolved_counts_cannot_be_negative() {
    let mut p = minimal();
    p["sections"][1]["items"][0]["value"] = json!(-120);
    p["sections"][1]["items"][0]["resolved"] = json!(-1);
    let found: Vec<(String, String)> = problems(&p).into_iter().map(|p| (p.pointer, p.en)).collect();
    assert_eq!(
        found,
        [
            ("/sections/1/items/0/value".to_string(), "a count cannot be negative".to_string()),
            (
                "/sections/1/items/0/resolved".to_string(),
                "resolved (-1) must be between 0 and the total (-120)".to_string()
            ),
        ]
    );
    p["sections"][1]["items"][0]["value"] = json!(120);
    assert_eq!(pointers(&p), ["/sections/1/items/0/resolved"]);
}

#[test]
fn a_resolved_count_beside_a_total_in_ten_thousands_is_told_the_totals_unit() {
    // “超过20万件”, imported as 20 with the unit 万件, and 198000 resolved as the sheet wrote it.
    let mut p = minimal();
    let item = &mut p["sections"][1]["items"][0];
    item["value"] = json!(20);
    item["unit"] = json!("万件");
    item["resolved"] = json!(198000);
    let found = problems(&p);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].zh,
        "已办结数 198000 应在 0 到总数 20 之间；若已办结是 198000件，而数值以“万件”计，已办结也应以“万件”写：19.8"
    );
    assert!(found[0].en.ends_with("write the resolved count in “万件” too: 19.8"), "{}", found[0].en);
    // No such advice where the count would not fit either, or the unit has no magnitude.
    p["sections"][1]["items"][0]["resolved"] = json!(300000);
    assert!(!problems(&p)[0].zh.contains("；"));
    p["sections"][1]["items"][0]["unit"] = json!("件");
    p["sections"][1]["items"][0]["resolved"] = json!(21);
    assert!(!problems(&p)[0].zh.contains("；"));
}

#[test]
fn percentage_points_on_a_figure_not_in_per_cent_are_warned_about() {
    let warnings = |unit: serde_json::Value| {
        let mut p = minimal();
        p["sections"][0]["items"][0]["unit"] = unit;
        let checked = validate::check_value(&p).expect("a warning only");
        checked.warnings.into_iter().map(|w| (w.pointer, w.en)).collect::<Vec<_>>()
    };
    assert_eq!(warnings(json!("%")), vec![]);
    assert_eq!(warnings(json!("％")), vec![], "the full-width sign of a Chinese input method");
    assert_eq!(
        warnings(json!("‰")),
        vec![(
            "/sections/0/items/0/change/kind".to_string(),
            "\"points\" reads \"percentage points\", for a figure in %: if this figure is a percentage, give it the unit \"%\"; for another unit (such as ‰) choose \"absolute\" and give its unit".to_string()
        )]
    );
    // A percentage whose unit was forgotten is told to add it.
    let mut p = minimal();
    p["sections"][0]["items"][0].as_object_mut().unwrap().remove("unit");
    let missing = validate::check_value(&p).expect("a warning only").warnings;
    assert!(missing[0].en.contains("give it the unit \"%\""), "{:?}", missing);
}

#[test]
fn a_ranking_without_a_group_chosen_says_to_add_one() {
    let mut p = minimal();
    p["sections"].as_array_mut().unwrap().push(json!({
        "id": "ranks", "title": "排名", "kind": "ranking", "group": "", "rows": [{ "label": "甲", "value_rank": 1 }]
    }));
    let found: Vec<_> = problems(&p).into_iter().filter(|p| p.pointer == "/sections/2/group").collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].en, "no group chosen: add one under “Rank groups” (/groups) first, then choose it here");
    assert_eq!(found[0].zh, "还没有选分组：先在“排名分组”（/groups）里添加一个，再在这里选它");
}

#[test]
fn dates_must_exist_and_other_ways_of_writing_them_are_translated() {
    let message = |date: &str| {
        let mut p = minimal();
        p["meta"]["date"] = json!(date);
        problems(&p).into_iter().map(|p| (p.pointer, p.zh, p.en)).collect::<Vec<_>>()
    };
    for date in ["2024-02-29", "2000-02-29", "2023-12-31", "2024-04-30"] {
        assert_eq!(message(date), vec![], "{date} exists");
    }
    for date in ["2023-02-29", "1900-02-29", "2024-04-31", "2024-00-10", "2024-13-01", "2024-01-00"] {
        assert_eq!(
            message(date),
            vec![("/meta/date".into(), format!("日期“{date}”不存在"), format!("the date \"{date}\" does not exist"))]
        );
    }
    assert_eq!(message("2022年3月3日")[0].2, "the date \"2022年3月3日\" must be written YYYY-MM-DD: 2022-03-03");
    assert_eq!(message("2022年3月3日")[0].1, "日期“2022年3月3日”应写作 YYYY-MM-DD：2022-03-03");
    assert_eq!(message("2022/3/3")[0].2, "the date \"2022/3/3\" must be written YYYY-MM-DD: 2022-03-03");
    assert_eq!(message("2022.12.1")[0].2, "the date \"2022.12.1\" must be written YYYY-MM-DD: 2022-12-01");
    assert_eq!(message("3 March 2022")[0].2, "the date \"3 March 2022\" must be written YYYY-MM-DD");
    // Full-width digits, and a date cell copied from Excel as its serial number.
    assert_eq!(
        message("２０２４－０１－１５")[0].2,
        "the date \"２０２４－０１－１５\" must be written YYYY-MM-DD: 2024-01-15"
    );
    assert_eq!(message("45306")[0].2, "the date \"45306\" must be written YYYY-MM-DD: 2024-01-15");
    assert_eq!(message("44623")[0].2, "the date \"44623\" must be written YYYY-MM-DD: 2022-03-03");
    assert_eq!(message("123")[0].2, "the date \"123\" must be written YYYY-MM-DD");
    assert_eq!(message("20240")[0].2, "the date \"20240\" must be written YYYY-MM-DD", "not 1955-05-31");
    assert_eq!(message("2022年2月30日")[0].2, "the date \"2022年2月30日\" does not exist");
    assert_eq!(message("")[0].1, "日期不能为空：报告落款的日期，写作 YYYY-MM-DD");
    assert_eq!(message(" ")[0].2, "the date must not be empty: the date the report is signed with, written YYYY-MM-DD");
}

#[test]
fn a_rank_written_as_text_says_which_number_to_write() {
    let mut p = minimal();
    p["sections"][0]["items"][0]["ranks"][0]["position"] = json!("第2名");
    let found = problems(&p);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].pointer, "/sections/0/items/0/ranks/0/position");
    assert_eq!(
        found[0].en,
        "expected a whole number ≥ 1, found the text \"第2名\": write it as the number 2, not as text"
    );
    assert_eq!(found[0].zh, "应为正整数，实际是文字“第2名”：写成数字 2（不是文字）");
    p["sections"][0]["items"][0]["ranks"][0]["position"] = json!("前列");
    assert_eq!(problems(&p)[0].en, "expected a whole number ≥ 1, found the text \"前列\"");
    // Written with a unit, a hedge or a sign, the text is not wrong only in its digits.
    for other in ["12%", "约3", "-3", "1e3", "1.0", "3.5月"] {
        p["sections"][0]["items"][0]["ranks"][0]["position"] = json!(other);
        assert_eq!(problems(&p)[0].zh, format!("应为正整数，实际是文字“{other}”"), "{other}");
    }
    // A whole number with the word it counts: the number to write.
    p["sections"][0]["items"][0]["ranks"][0]["position"] = json!("4月");
    assert_eq!(problems(&p)[0].zh, "应为正整数，实际是文字“4月”：写成数字 4（不是文字）");
    p["groups"][0]["size"] = json!("12个");
    assert!(problems(&p)
        .iter()
        .any(|f| f.pointer == "/groups/0/size" && f.en.ends_with(": write it as the number 12, not as text")));
    p["groups"][0]["size"] = json!(3);
    // A rate imported into a rank's column: a number, but no place.
    p["sections"][0]["items"][0]["ranks"][0]["position"] = json!("98.5");
    assert_eq!(problems(&p)[0].zh, "应为正整数，实际是文字“98.5”：98.5 不是整数，这里应是名次或件数；是否放错了位置？");
    // A whole number with a decimal point (as a spreadsheet or a script may write it): said so.
    let text = minimal().to_string().replace(r#""position":2"#, r#""position":2.0"#);
    let found = validate::load(&text).unwrap_err().problems();
    assert_eq!(found[0].zh, "应写成整数 2，不带小数点（实际是 2.0）");
    assert_eq!(found[0].en, "write the whole number 2 without a decimal point (found 2.0)");
    // One too large to be a count is said to be that.
    let text = minimal().to_string().replace(r#""position":2"#, r#""position":5000000000.0"#);
    let found = validate::load(&text).unwrap_err().problems();
    assert_eq!(found[0].en, format!("the number 5000000000.0 is too large (at most {})", u32::MAX));
}

#[test]
fn source_links_are_web_addresses_or_paths_never_scripts() {
    for good in [
        "https://www.lanshan.gov.cn/xxgk/2021.html",
        "HTTP://example.gov.cn",
        "/xxgk/2021/report.html",
        "report.html",
        "../2021/",
        "//example.gov.cn/a",
        "/a:b",
        "?page=2#top",
    ] {
        assert!(validate::is_web_link(good), "{good}");
        let mut p = minimal();
        p["meta"]["source_url"] = json!(good);
        assert_eq!(problems(&p), Vec::<Problem>::new(), "{good}");
    }
    for bad in [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "java\tscript:alert(1)",
        " javascript:x",
        "data:text/html,x",
        "vbscript:x",
        "mailto:a@b.cn",
        "https://a.cn/a b",
        "",
        "https://a.cn/\u{7f}",
    ] {
        assert!(!validate::is_web_link(bad), "{bad:?}");
        let mut p = minimal();
        p["meta"]["source_url"] = json!(bad);
        let found = problems(&p);
        let mut places: Vec<&str> = found.iter().map(|p| p.pointer.as_str()).collect();
        // A control character is also said as one (U+007F).
        places.dedup();
        assert_eq!(places, ["/meta/source_url"], "{bad:?}");
        assert_eq!(found[0].severity, Severity::Error);
    }
}

#[test]
fn a_figure_or_change_of_one_with_an_english_plural_unit_is_warned_about_and_change_unit_fixes_it() {
    let mut p = minimal();
    p["sections"][0]["items"] = json!([
        { "id": "days", "label": "优良天数", "value": 231, "unit": { "zh": "天", "en": "days" },
          "direction": "higher_is_better", "change": { "value": -1, "kind": "absolute" } },
        { "id": "sites", "label": "站点", "value": 1, "unit": { "zh": "个", "en": "sites" } },
        { "id": "rate", "label": "达标率", "value": 97.5, "unit": "%",
          "change": { "value": 1.5, "kind": "points", "unit": { "zh": "个", "en": "x" } } },
        { "id": "glass", "label": "玻璃", "value": 1, "unit": { "zh": "块", "en": "glass" } }
    ]);
    p["sections"][1]["items"][0]["value"] = json!(1);
    p["sections"][1]["items"][0]["resolved"] = json!(1);
    p["sections"][1]["items"][0]["unit"] = json!({ "zh": "件", "en": "cases" });
    let checked = validate::check_value(&p).expect("advice does not stop rendering");
    assert!(checked.warnings.iter().all(|w| w.severity == Severity::Warning));
    let warned: Vec<&str> = checked.warnings.iter().map(|w| w.pointer.as_str()).collect();
    assert_eq!(
        warned,
        [
            "/sections/0/items/0/change",
            "/sections/0/items/1/unit",
            "/sections/0/items/2/change/unit",
            "/sections/1/items/0/unit"
        ],
        "{:?}",
        checked.warnings
    );
    assert!(checked.warnings[0].en.contains("\"1 days\"") && checked.warnings[0].zh.contains("单数"));

    // The change's own unit is what the English shows; the advice is then satisfied.
    p["sections"][0]["items"][0]["change"]["unit"] = json!({ "zh": "天", "en": "day" });
    let checked = validate::check_value(&p).unwrap();
    assert!(!checked.warnings.iter().any(|w| w.pointer.starts_with("/sections/0/items/0")), "{:?}", checked.warnings);
    let view = report_widget::view::ReportView::new(&checked.report, report_widget::model::Lang::En);
    let html = report_widget::report::render_to_string(report_widget::report::Outcome::Report(std::rc::Rc::new(view)));
    assert!(html.contains("down 1 day year on year"), "the change reads in the singular");
    assert!(html.contains("231 days"), "the figure keeps its plural");

    // A blank change unit would drop the figure's unit from the change: refused.
    p["sections"][0]["items"][0]["change"]["unit"] = json!("");
    let errors: Vec<String> =
        problems(&p).into_iter().filter(|e| e.severity == Severity::Error).map(|e| e.pointer).collect();
    assert_eq!(errors, ["/sections/0/items/0/change/unit"]);
}

#[test]
fn a_blank_text_anywhere_is_an_error_at_its_place_as_the_schema_says() {
    // An empty unit, note or source passed the validator (the schema's minLength refused it),
    // and the widget showed nothing where the payload promised a text.
    let mut p = minimal();
    p["meta"]["note"] = json!("");
    let metric = &mut p["sections"][0]["items"][0];
    metric["source"] = json!({ "zh": " ", "en": "the report" });
    metric["change"]["basis"] = json!("");
    // A blank text keeps its entry, so the references are still checked: a group's, and a
    // metric's, which any error found while decoding used to hold back.
    metric["ranks"][0]["group"] = json!("towns");
    p["sections"][1]["intro"] = json!(" ");
    p["sections"][1]["items"][0]["unit"] = json!("");
    p["sections"].as_array_mut().unwrap().push(json!({ "id": "ranked", "title": "排名", "kind": "ranking",
        "group": "counties", "rows": [{ "metric": "nowhere" }] }));
    let found = problems(&p);
    assert_eq!(
        found.iter().map(|p| p.pointer.as_str()).collect::<Vec<_>>(),
        [
            "/meta/note",
            "/sections/0/items/0/change/basis",
            "/sections/0/items/0/source",
            "/sections/1/intro",
            "/sections/1/items/0/unit",
            "/sections/0/items/0/ranks/0/group",
            "/sections/2/rows/0/metric",
        ]
    );
    assert!(found[1].en.contains("must not be empty") && found[1].zh.contains("不能为空"), "{:?}", found[1]);
    assert!(found[5].en.contains("towns"), "{:?}", found[5]);
}

#[test]
fn a_group_named_without_its_size_is_pointed_out_to_its_authors() {
    // "三县第2名" says how many were ranked; "站点第2名" does not, and the rank meter's "2 / 12"
    // is not read aloud.
    let advice = |label: Value| {
        let mut p = minimal();
        p["groups"][0]["label"] = label;
        p["groups"][0]["size"] = json!(12);
        p["sections"][0]["items"][0]["ranks"][0]["position"] = json!(2);
        validate::advice(&validate::from_value(&p).expect("valid"))
            .into_iter()
            .map(|p| (p.pointer, p.zh, p.en))
            .collect::<Vec<_>>()
    };
    for named in [
        json!("三县"),
        json!("全市两区"),
        json!("12个站点"),
        json!("１２个站点"),
        json!({ "zh": "全市十六县区", "en": "districts" }),
    ] {
        assert_eq!(advice(named.clone()), vec![], "{named}");
    }
    let found = advice(json!({ "zh": "监测站点", "en": "monitoring sites" }));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0, "/groups/0/label");
    assert!(found[0].1.contains("“监测站点第1名”") && found[0].1.contains("“12个监测站点”"), "{}", found[0].1);
    assert!(found[0].2.contains("there are 12"), "{}", found[0].2);
    // The count goes after the group's scope.
    let found = advice(json!({ "zh": "全市县区", "en": "counties" }));
    assert!(found[0].1.contains("“全市12个县区”"), "{}", found[0].1);
    let found = advice(json!({ "zh": "全市各县区", "en": "counties" }));
    assert!(found[0].1.contains("“全市12个县区”"), "{}", found[0].1);
}

#[test]
fn a_full_width_percent_sign_as_a_unit_is_pointed_out() {
    // What a Chinese input method types; the English view would show it as Chinese text.
    let mut p = minimal();
    p["sections"][0]["items"][0]["unit"] = json!("％");
    p["sections"][1]["items"][0]["unit"] = json!({ "zh": "件", "en": "cases" });
    let report = validate::from_value(&p).expect("valid: the same unit to a reader");
    let advice = validate::advice(&report);
    assert_eq!(advice.iter().map(|a| a.pointer.as_str()).collect::<Vec<_>>(), ["/sections/0/items/0/unit"]);
    assert!(
        advice[0].zh.contains("半角的“%”") && advice[0].en.contains("write the half-width \"%\""),
        "{:?}",
        advice[0]
    );
    p["sections"][0]["items"][0]["unit"] = json!("%");
    assert!(validate::advice(&validate::from_value(&p).unwrap()).is_empty(), "none for the half-width sign");
    p["sections"][0]["items"][0]["unit"] = json!({ "zh": "％", "en": "%" });
    assert!(validate::advice(&validate::from_value(&p).unwrap()).is_empty(), "none where its English is given");
}

#[test]
fn a_report_or_a_section_with_nothing_to_show_is_pointed_out_to_its_authors() {
    // Valid, and the widget renders it, but readers would see titles and not one figure: the
    // editor said "没有问题：这份数据可以发布" for a report with no sections.
    let advice_at = |payload: &Value| -> Vec<String> {
        let report = validate::from_value(payload).expect("valid");
        validate::advice(&report).into_iter().map(|p| p.pointer).collect()
    };
    assert_eq!(advice_at(&minimal()), Vec::<String>::new(), "none for a report with figures");
    let mut p = minimal();
    p["sections"] = json!([]);
    assert_eq!(advice_at(&p), ["/sections"]);
    p["sections"] = json!([
        { "id": "a", "title": "指标", "kind": "metrics", "items": [] },
        { "id": "b", "title": "排名", "kind": "ranking", "group": "counties", "rows": [] },
        { "id": "c", "title": "案件", "kind": "case_stats", "items": [] },
        { "id": "d", "title": "亮点", "kind": "highlights", "items": [] },
        { "id": "e", "title": "文字", "kind": "narrative", "paragraphs": [] },
        // Twelve months with none marked still say something.
        { "id": "f", "title": "月份", "kind": "calendar", "year": 2023, "label": "排名第一", "marked": [] }
    ]);
    assert_eq!(
        advice_at(&p),
        ["/sections/0/items", "/sections/1/rows", "/sections/2/items", "/sections/3/items", "/sections/4/paragraphs"]
    );
    let report = validate::from_value(&p).unwrap();
    let first = &validate::advice(&report)[0];
    assert_eq!(first.severity, Severity::Warning, "advice, not an error: a draft may be half done");
    assert!(first.zh.contains("本节还没有内容") && first.en.contains("no entries yet"), "{first:?}");
}

#[test]
fn a_source_link_that_a_browser_would_read_as_a_path_on_this_site_gets_the_address_meant() {
    // Accepted without a word, these opened a page of the portal itself
    // (http://portal/www.shuiwu.gov.cn/…, http://portal/https%EF%BC%9A//x.gov.cn/a.html).
    let advice_for = |url: &str| {
        let mut p = minimal();
        p["meta"]["source_url"] = json!(url);
        let report = validate::from_value(&p).expect("valid: a path on this site is allowed");
        validate::advice(&report).into_iter().find(|a| a.pointer == "/meta/source_url")
    };
    let found = advice_for("www.shuiwu.gov.cn/xxgk/2024/report.html").expect("advice");
    assert_eq!(found.severity, Severity::Warning);
    assert!(found.zh.ends_with("请写成“https://www.shuiwu.gov.cn/xxgk/2024/report.html”"), "{}", found.zh);
    assert!(advice_for("x.gov.cn/a.html").unwrap().en.ends_with("write “https://x.gov.cn/a.html”"));
    // A Chinese input method's colon or slashes.
    assert!(advice_for("https：//x.gov.cn/a.html").unwrap().zh.ends_with("“https://x.gov.cn/a.html”"));
    assert!(advice_for("http:／／x.gov.cn").unwrap().zh.ends_with("“http://x.gov.cn”"));
    // Paths on this site, and full addresses, get none.
    for fine in ["/xxgk/2024/report.html", "report.html", "../2024/report.html", "https://x.gov.cn/a.html", "?id=3"] {
        assert!(advice_for(fine).is_none(), "{fine}");
    }
}

#[test]
fn a_name_entered_twice_in_a_section_is_pointed_out_at_each_later_one() {
    // A town pasted twice from the sheet (ranked 2nd and 4th) looked as plausible as any row.
    let mut p = minimal();
    p["sections"].as_array_mut().unwrap().push(
        json!({ "id": "towns", "title": "乡镇排名", "kind": "ranking", "group": "counties", "rows": [
            { "label": "青山镇", "value": 98.5, "value_rank": 1 },
            { "label": "石桥镇", "value": 97.0, "value_rank": 2 },
            { "label": " 青 山镇", "value": 96.1, "value_rank": 3 },
            { "metric": "rate" },
            { "label": "达标率", "value": 1 },
            { "label": "ＡＢ镇" },
            { "label": "ab镇" },
            { "label": "青山镇" }
        ]}),
    );
    // A case item with the same name and unit is one; with another unit, another figure.
    let items = p["sections"][1]["items"].as_array_mut().unwrap();
    items.push(json!({ "id": "again", "label": "投诉", "value": 3, "unit": "件" }));
    items.push(json!({ "id": "fines", "label": "投诉", "value": 3, "unit": "万元" }));
    // Cards of one section too.
    p["sections"][0]["items"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "id": "rate2", "label": "达标率", "value": 1, "unit": "%" }));
    let report = validate::from_value(&p).expect("valid: a warning, not an error");
    let found: Vec<(String, String)> = validate::advice(&report)
        .into_iter()
        .filter(|a| a.zh.contains("名称相同"))
        .map(|a| (a.pointer, a.zh.split('：').next().unwrap().to_string()))
        .collect();
    let said = |pointer: &str, zh: &str| (pointer.to_string(), zh.to_string());
    assert_eq!(
        found,
        [
            said("/sections/0/items/1/label", "与第1项名称相同（“达标率”）"),
            said("/sections/1/items/1/label", "与第1项名称相同（“投诉”）"),
            said("/sections/2/rows/2/label", "与第1行名称相同（“青 山镇”）"),
            said("/sections/2/rows/4/label", "与第4行名称相同（“达标率”）"),
            said("/sections/2/rows/6/label", "与第6行名称相同（“ab镇”）"),
            said("/sections/2/rows/7/label", "与第1行名称相同（“青山镇”）"),
        ]
    );
    let report = validate::from_value(&p).unwrap();
    let first = validate::advice(&report).into_iter().find(|a| a.zh.contains("名称相同")).unwrap();
    assert!(first.zh.ends_with("如是两项不同的内容，请改用能区分的名称"), "{}", first.zh);
    assert!(first.en.starts_with("the same name as item 1 (“达标率”): entered twice?"), "{}", first.en);
    // The Lanshan report has none.
    let lanshan = validate::load(include_str!("../www/reports/lanshan-2021.json")).unwrap();
    assert!(!validate::advice(&lanshan).iter().any(|a| a.zh.contains("名称相同")));
}

#[test]
fn advice_on_a_hedge_names_it_in_the_words_of_the_form() {
    // "限定词（qualifier）选 over" was English inside the Chinese advice; the form's select says
    // “N 余”. The payload's name stays beside it for the JSON view.
    let mut p = minimal();
    p["sections"][0]["items"][0]["value"] = json!("约97.5%");
    let zh = &problems(&p)[0].zh;
    assert!(zh.contains("限定词选“约 N”（about）") && zh.contains("单位写“%”"), "{zh}");
    for name in ["more_than", "over", "at_least", "about", "less_than", "nearly"] {
        assert!(report_widget::format::figure::qualifier_words_zh(name).is_some_and(|w| w.contains('N')), "{name}");
    }
    assert_eq!(report_widget::format::figure::qualifier_words_zh("many"), None);
}

#[test]
fn an_english_unit_starting_with_a_number_is_pointed_out() {
    let advice_at = |payload: &Value| -> Vec<(String, String)> {
        let report = validate::from_value(payload).expect("valid");
        validate::advice(&report).into_iter().map(|p| (p.pointer, p.zh)).collect()
    };
    let mut p = minimal();
    p["sections"].as_array_mut().unwrap().push(json!({ "id": "m", "title": "月份", "kind": "calendar",
        "year": 2023, "label": "考核第一", "marked": [{ "month": 7, "reward": { "value": 3 } }] }));
    // A reward without a unit is as the Lanshan report writes it ("各奖励100万"): no advice.
    assert_eq!(advice_at(&p), vec![]);
    // "10,000 yuan" after 3 reads "3 10,000 yuan".
    p["sections"][2]["marked"][0]["reward"]["unit"] = json!({ "zh": "万元", "en": "10,000 yuan" });
    let advice = advice_at(&p);
    assert_eq!(advice.len(), 1, "{advice:?}");
    // At the English, which is what to change; with the reward's own figure, not a made-up one.
    assert_eq!(advice[0].0, "/sections/2/marked/0/reward/unit/en");
    assert!(advice[0].1.contains("英文视图显示为“3 10,000 yuan”"), "{advice:?}");
    assert!(advice[0].1.contains("请写成“× 10,000 yuan”"), "{advice:?}");
    p["sections"][2]["marked"][0]["reward"]["unit"] = json!({ "zh": "万元", "en": "× 10,000 yuan" });
    assert_eq!(advice_at(&p), vec![]);
}

#[test]
fn a_long_name_in_a_place_is_cut_by_width_in_either_language() {
    // 30 Chinese characters or 60 letters: an English label is not cut at half the room.
    let mut p = minimal();
    let english = "Share of county water-quality monitoring sections meeting Class III standards";
    let chinese = "县级以上集中式饮用水水源地水质达标率及农村千人以上供水工程水源地水质监测达标情况";
    p["sections"][1]["items"][0]["label"] = json!({ "zh": chinese, "en": english });
    p["sections"][1]["items"][0]["resolved"] = json!(-1);
    let text = p.to_string();
    let mut found = validate::load_checked(&text).map(|_| ()).expect_err("problems").problems();
    validate::place::name_places(&text, &mut found);
    let resolved = found.iter().find(|f| f.pointer == "/sections/1/items/0/resolved").unwrap();
    let en_cut: String = english.chars().take(60).collect();
    assert!(resolved.en.starts_with(&format!("Section 2 “案件” › Item 1 “{en_cut}…”: ")), "{}", resolved.en);
    let zh_cut: String = chinese.chars().take(30).collect();
    assert!(resolved.zh.starts_with(&format!("第2节“案件” › 第1项“{zh_cut}…”：")), "{}", resolved.zh);
}

#[test]
fn a_problem_is_placed_in_words_counting_from_one() {
    let mut p = minimal();
    p["sections"][0]["items"][0]["ranks"][0]["position"] = json!("第2名");
    p["sections"][1]["items"][0]["label"] = json!({ "zh": "投诉", "en": "Complaints" });
    p["sections"][1]["items"][0]["resolved"] = json!(-1);
    p["groups"][0]["size"] = json!("3");
    p["meta"]["date"] = json!("2024-02-30");
    let text = p.to_string();
    let mut found = validate::load_checked(&text).map(|_| ()).expect_err("problems").problems();
    validate::place::name_places(&text, &mut found);
    let by =
        |pointer: &str| found.iter().find(|f| f.pointer == pointer).unwrap_or_else(|| panic!("{pointer}: {found:?}"));
    let rank = by("/sections/0/items/0/ranks/0/position");
    assert!(rank.zh.starts_with("第1节“水质” › 第1项“达标率” › 排名1“三县”：应为正整数"), "{}", rank.zh);
    assert!(rank.en.starts_with("Section 1 “水质” › Item 1 “达标率” › Rank 1 “counties”: expected"), "{}", rank.en);
    let resolved = by("/sections/1/items/0/resolved");
    assert!(resolved.en.starts_with("Section 2 “案件” › Item 1 “Complaints”: "), "{}", resolved.en);
    assert!(resolved.zh.starts_with("第2节“案件” › 第1项“投诉”："), "{}", resolved.zh);
    assert!(by("/groups/0/size").zh.starts_with("分组1“三县”："));
    // Outside any list the pointer says it all.
    assert!(!by("/meta/date").zh.starts_with('第'), "{}", by("/meta/date").zh);
    // A member that is missing is placed as far as the pointer goes.
    let root = validate::json::parse(r#"{"sections":[{"title":"水质","items":[]}]}"#).unwrap();
    assert_eq!(
        validate::place::place(&root, "/sections/0/items/3/value"),
        Some(("第1节“水质”".to_string(), "Section 1 “水质”".to_string()))
    );
    assert_eq!(validate::place::place(&root, "/sections"), None);
    // A name on one line, however it was written; a row is a row.
    let root = validate::json::parse(r#"{"sections":[{"title":"水质\n 排名","rows":[{"label":"甲"}]}]}"#).unwrap();
    assert_eq!(
        validate::place::place(&root, "/sections/0/rows/0/value"),
        Some(("第1节“水质 排名” › 第1行“甲”".to_string(), "Section 1 “水质 排名” › Row 1 “甲”".to_string()))
    );
}

#[test]
fn a_short_text_of_the_wrong_type_is_quoted() {
    let mut p = minimal();
    p["meta"]["synthetic"] = json!("false");
    let found = problems(&p);
    assert_eq!(found[0].zh, "应为布尔值 true 或 false，实际是文字“false”");
    p["meta"]["synthetic"] = json!("很长".repeat(30));
    assert_eq!(problems(&p)[0].zh, "应为布尔值 true 或 false，实际是文字", "a long text is not repeated");
}

#[test]
fn a_row_that_names_a_metric_cannot_give_its_own_unit() {
    // The row shows the metric's unit: one of its own would be dropped without a word.
    let mut p = minimal();
    p["sections"].as_array_mut().unwrap().push(json!({ "id": "ranked", "title": "排名", "kind": "ranking",
        "group": "counties", "rows": [{ "metric": "rate", "unit": "天" }, { "metric": "rate" }] }));
    let found = problems(&p);
    assert_eq!(found.iter().map(|p| p.pointer.as_str()).collect::<Vec<_>>(), ["/sections/2/rows/0"]);
    assert!(found[0].message(Lang::En).contains("unit"), "{}", found[0].message(Lang::En));
}

#[test]
fn invisible_characters_that_garble_a_text_or_leave_it_blank_are_refused() {
    // A right-to-left override before a label showed the card's 4.73 as 37.4.
    for (text, character) in
        [("\u{202e}测试", "U+202E"), ("空气\u{2067}质量", "U+2067"), ("a\u{7}b", "U+0007"), ("a\u{0}", "U+0000")]
    {
        let mut p = minimal();
        p["sections"][0]["items"][0]["label"] = json!(text);
        let found = problems(&p);
        assert_eq!(found.iter().map(|p| p.pointer.as_str()).collect::<Vec<_>>(), ["/sections/0/items/0/label"]);
        assert!(found[0].en.contains(character), "{}", found[0].en);
        // The place the message names quotes the label without it (it would turn the message).
        let place = validate::place::place(&validate::json::Value::from(&p), &found[0].pointer).expect("a place");
        assert!(place.0.contains("测试") || place.0.contains("空气") || place.0.contains('a'), "{place:?}");
        assert!(!place.0.contains(['\u{202e}', '\u{2067}', '\u{7}', '\u{0}']), "{place:?}");
    }
    // Tabs and line breaks are text; a mark that only says a direction (U+200F) changes nothing.
    let mut p = minimal();
    p["sections"][0]["items"][0]["label"] = json!("达标\t率\r\n（\u{200f}）");
    assert_eq!(problems(&p), Vec::<Problem>::new());
    // An English of only such characters shows the Chinese, as an empty one does.
    let text = report_widget::model::Text::bilingual("优良天数", "\u{200b}");
    assert_eq!(text.get(Lang::En), "优良天数");
    // Only invisible characters: blank, as only spaces are.
    for blank in ["\u{200b}", "\u{feff}", "\u{2060}\u{200c}", "\u{ad}", " \u{3000}"] {
        let mut p = minimal();
        p["sections"][0]["items"][0]["label"] = json!(blank);
        assert_eq!(pointers(&p), ["/sections/0/items/0/label"], "{blank:?}");
    }
}

#[test]
fn a_qualifier_where_none_is_shown_is_an_error_not_a_field_ignored() {
    // A ranking row of its own, a change, a rank: the figure would be shown without its hedge
    // (超过3% as 3%). Other unknown fields stay warnings.
    let mut p = minimal();
    p["sections"].as_array_mut().unwrap().push(json!({ "id": "ranked", "title": "排名", "kind": "ranking",
        "group": "counties", "rows": [{ "label": "县甲", "value": 3, "unit": "%", "qualifier": "over", "colour": "red" }] }));
    p["sections"][0]["items"][0]["change"]["qualifier"] = json!("over");
    let found = problems(&p);
    let errors: Vec<&str> =
        found.iter().filter(|p| p.severity == Severity::Error).map(|p| p.pointer.as_str()).collect();
    assert_eq!(errors, ["/sections/0/items/0/change/qualifier", "/sections/2/rows/0/qualifier"]);
    let error = found.iter().find(|p| p.severity == Severity::Error).unwrap();
    assert!(error.en.contains("cannot carry a qualifier"), "{}", error.en);
    let warnings: Vec<&str> =
        found.iter().filter(|p| p.severity == Severity::Warning).map(|p| p.pointer.as_str()).collect();
    assert_eq!(warnings, ["/sections/2/rows/0/colour"]);
}

#[test]
fn two_ranks_in_one_group_by_one_measure_are_refused() {
    let mut p = minimal();
    p["sections"][0]["items"][0]["ranks"] = json!([
        { "group": "counties", "position": 1 },
        { "group": "counties", "position": 2, "basis": "change" },
        { "group": "counties", "position": 3 }
    ]);
    assert_eq!(pointers(&p), ["/sections/0/items/0/ranks/2"]);
}

#[test]
fn a_year_written_with_a_decimal_point_says_the_year_to_write() {
    let mut p = minimal();
    p["sections"].as_array_mut().unwrap().push(json!({ "id": "months", "title": "月份", "kind": "calendar",
        "label": "排名第一", "marked": [] }));
    let text = p.to_string().replace("\"label\":\"排名第一\"", "\"label\":\"排名第一\",\"year\":2021.0");
    let err = validate::load(&text).unwrap_err();
    let found = err.problems();
    assert_eq!(found.iter().map(|p| p.pointer.as_str()).collect::<Vec<_>>(), ["/sections/2/year"]);
    assert_eq!(found[0].en, "write the year as the whole number 2021, without a decimal point");
}
