//! The JSON Schema is generated from the Rust types; the committed copy must equal it, and the
//! hand-written decoder must accept exactly the fields the schema describes.

use report_widget::model::{json_schema, SectionKind};
use report_widget::validate::decode::*;
use serde_json::Value;
use std::collections::BTreeSet;

const COMMITTED: &str = include_str!("../www/schema/report-widget-1.schema.json");

fn names(props: &Value) -> BTreeSet<String> {
    props.as_object().map(|m| m.keys().cloned().collect()).unwrap_or_default()
}

fn set(fields: &[&str]) -> BTreeSet<String> {
    fields.iter().map(|s| s.to_string()).collect()
}

#[test]
fn the_committed_schema_is_the_generated_one() {
    let generated = serde_json::to_string_pretty(&json_schema()).unwrap() + "\n";
    assert!(
        generated == COMMITTED,
        "www/schema/report-widget-1.schema.json is out of date: run `cargo run -- schema > www/schema/report-widget-1.schema.json`"
    );
}

#[test]
fn decoder_fields_match_the_schema() {
    let schema = json_schema();
    assert_eq!(names(&schema["properties"]), set(REPORT_FIELDS));
    let defs = &schema["$defs"];
    for (def, fields) in [
        ("Meta", META_FIELDS),
        ("Group", GROUP_FIELDS),
        ("Metric", METRIC_FIELDS),
        ("Bounds", BOUNDS_FIELDS),
        ("Change", CHANGE_FIELDS),
        ("Rank", RANK_FIELDS),
        ("RankingRow", RANKING_ROW_FIELDS),
        ("CaseItem", CASE_ITEM_FIELDS),
        ("MarkedMonth", MARKED_MONTH_FIELDS),
        ("Amount", AMOUNT_FIELDS),
        ("Highlight", HIGHLIGHT_FIELDS),
    ] {
        assert_eq!(names(&defs[def]["properties"]), set(fields), "fields of {def}");
    }
    let alternatives = defs["Section"]["oneOf"].as_array().expect("one alternative per kind");
    assert_eq!(alternatives.len(), SectionKind::ALL.len());
    for (name, kind) in SectionKind::ALL {
        let alt = alternatives.iter().find(|a| a["properties"]["kind"]["const"] == name).expect("kind present");
        assert_eq!(names(&alt["properties"]), section_fields(kind).iter().map(|s| s.to_string()).collect());
    }
}

#[test]
fn required_fields_are_the_ones_the_decoder_requires() {
    let defs = &json_schema()["$defs"];
    let required = |def: &str| -> BTreeSet<String> {
        defs[def]["required"].as_array().into_iter().flatten().filter_map(|v| v.as_str().map(String::from)).collect()
    };
    assert_eq!(required("Metric"), set(&["id", "label", "value"]));
    assert_eq!(required("CaseItem"), set(&["id", "label", "value"]));
    assert_eq!(required("Meta"), set(&["title", "publisher", "date"]));
    assert_eq!(required("Rank"), set(&["group", "position"]));
}

#[test]
fn the_schema_states_the_validators_limits() {
    // An editor checking against the schema flags what `validate` refuses (each refusal is
    // tested in tests/validate.rs).
    let schema = json_schema();
    let defs = &schema["$defs"];
    assert_eq!(defs["Group"]["properties"]["size"]["minimum"], 1);
    assert_eq!(defs["MarkedMonth"]["properties"]["month"]["minimum"], 1);
    assert_eq!(defs["MarkedMonth"]["properties"]["month"]["maximum"], 12);
    assert_eq!(defs["CaseItem"]["properties"]["value"]["minimum"], 0);
    assert_eq!(defs["CaseItem"]["properties"]["resolved"]["minimum"], 0);
    for def in ["Group", "Metric", "CaseItem"] {
        assert_eq!(defs[def]["properties"]["id"]["minLength"], 1, "{def}");
    }
    let text = &defs["Text"]["oneOf"];
    let max = report_widget::validate::MAX_STRING_CHARS;
    assert_eq!(text[0]["maxLength"], max);
    assert_eq!(text[1]["properties"]["zh"]["maxLength"], max);
    for section in defs["Section"]["oneOf"].as_array().unwrap() {
        assert_eq!(section["properties"]["id"]["minLength"], 1);
        if section["properties"]["kind"]["const"] == "calendar" {
            assert_eq!(section["properties"]["year"]["minimum"], 1000);
            assert_eq!(section["properties"]["year"]["maximum"], 9999);
        }
    }
}
