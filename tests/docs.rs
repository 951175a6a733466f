//! Every JSON example in docs/payload.md is valid: whole payloads are validated as they are;
//! a section excerpt must be a faithful excerpt of a section of a payload that is itself
//! validated (every field and every listed item equal to the original's).

use report_widget::validate;
use serde_json::Value;

const DOC: &str = include_str!("../docs/payload.md");
const BASES: [&str; 2] =
    [include_str!("../www/reports/lanshan-2021.json"), include_str!("../docs/examples/water-affairs-example.json")];

fn json_blocks(markdown: &str) -> Vec<&str> {
    markdown.split("```json\n").skip(1).filter_map(|rest| rest.split_once("\n```").map(|(block, _)| block)).collect()
}

fn assert_clean(value: &Value, what: &str) {
    match validate::check_value(value) {
        Ok(checked) => assert!(checked.warnings.is_empty(), "{what}: warnings {:?}", checked.warnings),
        Err(e) => panic!("{what}: {:?}", e.problems()),
    }
}

#[test]
fn every_json_example_in_the_docs_is_valid() {
    let blocks = json_blocks(DOC);
    assert!(blocks.len() >= 7, "the docs show examples ({} found)", blocks.len());
    for (i, block) in blocks.iter().enumerate() {
        let mut value: Value = serde_json::from_str(block).unwrap_or_else(|e| panic!("example {i} is not JSON: {e}"));
        if value.get("schema").is_some() {
            if value["sections"] == serde_json::json!(["…"]) {
                // The top-level excerpt: the Lanshan payload's own head.
                let lanshan: Value = serde_json::from_str(BASES[0]).unwrap();
                value["sections"] = lanshan["sections"].clone();
            }
            assert_clean(&value, &format!("example {i}"));
            continue;
        }
        let id = value["id"].as_str().unwrap_or_else(|| panic!("example {i} is a section with an id"));
        let base = BASES
            .iter()
            .map(|b| serde_json::from_str::<Value>(b).unwrap())
            .find(|b| b["sections"].as_array().unwrap().iter().any(|s| s["id"] == id))
            .unwrap_or_else(|| panic!("example {i}: no payload has a section {id}"));
        assert_clean(&base, &format!("the payload example {i} comes from"));
        let original = base["sections"].as_array().unwrap().iter().find(|s| s["id"] == id).unwrap();
        for (key, field) in value.as_object().unwrap() {
            match (field, &original[key]) {
                (Value::Array(shown), Value::Array(all)) => {
                    for item in shown {
                        assert!(all.contains(item), "example {i}: {key} entry {item} is not in section {id}");
                    }
                }
                (shown, real) => assert_eq!(shown, real, "example {i}: field {key} of section {id}"),
            }
        }
    }
}
