//! No input can make parsing, validation or rendering panic: property tests over arbitrary
//! text, arbitrary JSON, and random mutations of real payloads.

use proptest::prelude::*;
use report_widget::model::Lang;
use report_widget::report::{render_to_string, Outcome};
use report_widget::validate;
use report_widget::view::ReportView;
use serde_json::{json, Value};
use std::rc::Rc;

const LANSHAN: &str = include_str!("../www/reports/lanshan-2021.json");
const EXAMPLE: &str = include_str!("../docs/examples/water-affairs-example.json");

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        (-1e12f64..1e12).prop_map(|n| json!(n)),
        "[a-z_]{0,12}".prop_map(Value::String),
        "\\PC{0,20}".prop_map(Value::String),
        Just(json!("metrics")),
        Just(json!("case_stats")),
        Just(json!("districts")),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,10}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Every JSON pointer in a value (objects' members and arrays' items).
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => m.iter().for_each(|(k, c)| {
            let p = format!("{at}/{k}");
            out.push(p.clone());
            pointers(c, p, out);
        }),
        Value::Array(a) => a.iter().enumerate().for_each(|(i, c)| {
            let p = format!("{at}/{i}");
            out.push(p.clone());
            pointers(c, p, out);
        }),
        _ => {}
    }
}

/// Validates and, when valid, builds the view and renders it in both languages: none may panic.
/// An invalid payload says why: at least one error, each with a message in both languages and
/// a JSON pointer; a valid one renders its title.
fn exercise(value: &Value) {
    match validate::check_value(value) {
        Ok(checked) => {
            for lang in [Lang::Zh, Lang::En] {
                let view = ReportView::new(&checked.report, lang);
                let html = render_to_string(Outcome::Report(Rc::new(view)));
                assert!(html.contains("rw-title"));
            }
        }
        Err(err) => said_why(&err.problems()),
    }
}

/// The problems of a payload refused: at least one error, each with its place and a message in
/// both languages, so a reader of the error panel can mend it.
fn said_why(problems: &[validate::Problem]) {
    assert!(problems.iter().any(|p| p.severity == validate::Severity::Error), "refused without an error: {problems:?}");
    for p in problems {
        // "" is the whole payload (RFC 6901), shown as "/".
        assert!((p.pointer.is_empty() || p.pointer.starts_with('/')) && !p.zh.is_empty() && !p.en.is_empty(), "{p:?}");
    }
}

fn mutated(base: &str) -> impl Strategy<Value = Value> {
    let original: Value = serde_json::from_str(base).expect("valid JSON");
    let mut paths = Vec::new();
    pointers(&original, String::new(), &mut paths);
    let n = paths.len();
    (prop::collection::vec((0..n, arb_json(), any::<bool>()), 1..4)).prop_map(move |edits| {
        let mut v = original.clone();
        for (i, replacement, delete) in edits {
            let path = &paths[i];
            let (parent, key) = path.rsplit_once('/').expect("pointer");
            match v.pointer_mut(parent) {
                Some(Value::Object(m)) if delete => {
                    m.remove(key);
                }
                Some(Value::Array(a)) if delete => {
                    if let Ok(idx) = key.parse::<usize>() {
                        if idx < a.len() {
                            a.remove(idx);
                        }
                    }
                }
                _ => {
                    if let Some(slot) = v.pointer_mut(path) {
                        *slot = replacement;
                    }
                }
            }
        }
        v
    })
}

/// The same JSON value. Numbers are kept as written, and serde_json rewrites a few forms
/// (`0E0` becomes `0e+0`): two numbers are the same if their text or their value is.
fn same(a: &validate::json::Value, b: &validate::json::Value) -> bool {
    use validate::json::Value as J;
    match (a, b) {
        (J::Number(x), J::Number(y)) => x == y || x.parse::<f64>().ok() == y.parse::<f64>().ok(),
        (J::Array(x), J::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y)),
        (J::Object(x), J::Object(y)) => {
            x.keys() == y.keys() && x.keys().iter().all(|k| same(x.get(k).unwrap(), y.get(k).unwrap()))
        }
        _ => a == b,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        // Almost always refused (a syntax error, with its line and column), never a panic.
        match validate::load(&text) {
            Ok(report) => prop_assert!(!report.meta.title.zh.is_empty()),
            Err(err) => said_why(&err.problems()),
        }
    }

    /// The widget's own JSON reader accepts exactly what serde_json accepts, with the same values,
    /// except a key written twice in one object, which serde_json reads as its last value.
    #[test]
    fn the_json_reader_agrees_with_serde_json(text in "[\\[\\]{}\",:0-9.eE+\\- \n\\\\utrfalsn兰]{0,40}") {
        let ours = validate::json::parse(&text);
        let theirs = serde_json::from_str::<Value>(&text);
        if ours.as_ref().err().is_some_and(|e| e.message.starts_with("duplicate key")) {
            return Ok(());
        }
        prop_assert_eq!(ours.is_ok(), theirs.is_ok(), "{:?}: {:?} vs {:?}", text, ours, theirs);
        if let (Ok(ours), Ok(theirs)) = (ours, theirs) {
            let theirs = validate::json::Value::from(&theirs);
            prop_assert!(same(&ours, &theirs), "{:?}: {:?} vs {:?}", text, ours, theirs);
        }
    }

    #[test]
    fn the_json_reader_reads_what_serde_json_writes(value in arb_json(), pretty in any::<bool>()) {
        let text = if pretty { serde_json::to_string_pretty(&value) } else { serde_json::to_string(&value) }.unwrap();
        prop_assert_eq!(validate::json::parse(&text).unwrap(), validate::json::Value::from(&value));
    }

    #[test]
    fn arbitrary_json_never_panics(value in arb_json()) {
        exercise(&value);
        let mut wrapped = json!({ "schema": "report-widget/1", "meta": { "title": "t", "publisher": "p", "date": "2024-01-01" }, "sections": [] });
        wrapped["sections"] = json!([value]);
        exercise(&wrapped);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn mutated_lanshan_payloads_never_panic(value in mutated(LANSHAN)) {
        exercise(&value);
    }

    #[test]
    fn every_problem_points_into_the_payload(value in mutated(LANSHAN)) {
        // The value itself, or for a missing field the object that lacks it: a pointer into a
        // place the payload does not have (an entry's index shifted by one that failed to
        // decode) would send the editor of the report to the wrong figure.
        let problems = match validate::check_value(&value) {
            Ok(checked) => checked.warnings,
            Err(err) => err.problems(),
        };
        for problem in problems {
            let parent = problem.pointer.rsplit_once('/').map_or("", |(parent, _)| parent);
            prop_assert!(
                value.pointer(&problem.pointer).is_some() || value.pointer(parent).is_some_and(Value::is_object),
                "{problem:?}"
            );
        }
    }

    #[test]
    fn mutated_example_payloads_never_panic(value in mutated(EXAMPLE)) {
        exercise(&value);
    }
}

#[test]
fn deeply_nested_input_is_refused_not_overflowed() {
    let deep = "[".repeat(100_000);
    assert!(validate::load(&deep).is_err());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Static markup (`report_widget::markup`) writes payload text escaped: whatever the text,
    /// nothing in it can open a tag (nor, in an attribute value, end the attribute), and
    /// decoding the entities gives the text back unchanged.
    #[test]
    fn escaped_text_is_inert_and_loses_nothing(text in "(\\PC|[<>&\"'])*", attribute in any::<bool>()) {
        let mut out = String::new();
        report_widget::markup::escape_into(&mut out, &text, attribute);
        prop_assert!(!out.contains(['<', '>']));
        prop_assert!(!attribute || !out.contains('"'));
        let decoded = out.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
        prop_assert_eq!(decoded, text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Text typed by hand, with the characters the syntax hints look at, never makes the reader
    /// panic, and a hint is always a whole text in both languages.
    #[test]
    fn hand_typed_json_gets_whole_hints_or_none(text in "[\\[\\]{}\",:0-9 \n“”‘’'，：｛｝　&quot;/*兰]{0,40}") {
        if let Err(e) = validate::json::parse(&text) {
            if let Some((zh, en)) = e.hint.get() {
                prop_assert!(!zh.is_empty() && !en.is_empty());
            }
            prop_assert!(!validate::json::message_zh(&e.message).is_empty());
        }
    }

    /// Any text in a number field or the date gives one problem at that place, never a panic.
    #[test]
    fn text_in_a_number_field_or_the_date_is_one_problem_at_its_place(text in "\\PC{0,30}") {
        let mut payload = serde_json::from_str::<Value>(EXAMPLE).unwrap();
        payload["sections"][0]["items"][0]["value"] = json!(text);
        let problems = validate::from_value(&payload).unwrap_err().problems();
        prop_assert_eq!(problems.len(), 1);
        prop_assert_eq!(&problems[0].pointer, "/sections/0/items/0/value");
        prop_assert!(!problems[0].en.is_empty() && !problems[0].zh.is_empty());
        let mut payload = serde_json::from_str::<Value>(EXAMPLE).unwrap();
        payload["meta"]["date"] = json!(text);
        // (Random text is a valid YYYY-MM-DD date about never.)
        let problems = validate::from_value(&payload).unwrap_err().problems();
        prop_assert_eq!(problems.len(), 1);
        prop_assert!(problems[0].pointer == "/meta/date" && !problems[0].en.is_empty() && !problems[0].zh.is_empty());
    }

    /// A number read as people write it is always a JSON number.
    #[test]
    fn figures_read_as_written_are_json_numbers(text in "[0-9０-９,，. _\\-+．余%万约超过]{0,16}") {
        if let Some(number) = report_widget::format::figure::normalize_number(&text) {
            prop_assert!(serde_json::from_str::<serde_json::Number>(&number).is_ok(), "{:?} → {:?}", text, number);
        }
        let _ = report_widget::format::figure::parse_figure(&text);
    }
}

proptest! {
    /// Marking Chinese in English text (`Markup::text` in the English view): the runs are in
    /// order, do not overlap, cut only at character boundaries, hold every Chinese character of
    /// the text, and never a Latin letter.
    #[test]
    fn chinese_runs_cover_the_chinese_and_only_it(text in "[a-zA-Zé0-9 .,()“”：、μ³五区天年度报告余万（）\\PC]{0,40}") {
        let mut runs: Vec<(usize, usize)> = Vec::new();
        report_widget::format::chinese_runs(&text, |start, end| runs.push((start, end)));
        let mut last = 0;
        for &(start, end) in &runs {
            prop_assert!(last <= start && start < end && end <= text.len(), "{runs:?} in {text:?}");
            prop_assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
            prop_assert!(!text[start..end].chars().any(|c| c.is_ascii_alphabetic()), "a Latin letter in {:?}", &text[start..end]);
            last = end;
        }
        let inside = |i: usize| runs.iter().any(|&(start, end)| start <= i && i < end);
        for (i, c) in text.char_indices() {
            if report_widget::format::marks_chinese(Lang::En, c.encode_utf8(&mut [0; 4])) {
                prop_assert!(inside(i), "{c:?} at {i} is outside every run of {text:?}: {runs:?}");
            }
        }
    }
}

/// Whether every end tag in `html` closes the element opened last (void elements and comments
/// aside). A `>` in an attribute value ends a tag early here, which leaves the tag's name, and
/// so the balance, as they are: text holds no `<` once escaped.
fn balanced(html: &str) -> bool {
    const VOID: [&str; 4] = ["br", "img", "input", "link"];
    let mut open: Vec<&str> = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        if let Some(comment) = rest.strip_prefix("!--") {
            rest = comment.split_once("-->").map_or("", |(_, after)| after);
            continue;
        }
        let end = rest.find('>').unwrap_or(rest.len());
        let tag = &rest[..end];
        if let Some(name) = tag.strip_prefix('/') {
            if open.pop() != Some(name) {
                return false;
            }
        } else {
            let name = tag.split([' ', '/']).next().unwrap_or("");
            if !VOID.contains(&name) {
                open.push(name);
            }
        }
    }
    open.is_empty()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// The prerendered snippet's plain copy (`snippet::plain_copy`) reads the markup as tags and
    /// text: whatever a payload's text holds (markup, quotes, comment marks), the copy stays
    /// well-formed and keeps the text, escaped as the report writes it.
    #[test]
    fn the_plain_copy_stays_well_formed_and_keeps_payload_text(text in "(\\PC|[<>&\"'/]|<!--|-->|</span>){1,24}") {
        let mut payload: Value = serde_json::from_str(LANSHAN).unwrap();
        payload["sections"][0]["items"][0]["label"]["zh"] = json!(text);
        payload["meta"]["publisher"]["zh"] = json!(text);
        let Ok(report) = validate::load(&payload.to_string()) else { return Ok(()) };
        let html = render_to_string(Outcome::Report(Rc::new(ReportView::new(&report, Lang::Zh))));
        let copy = report_widget::snippet::plain_copy(&html);
        prop_assert!(balanced(&html), "the rendered report itself");
        prop_assert!(balanced(&copy), "{}", &copy[..copy.len().min(600)]);
        let mut escaped = String::new();
        report_widget::markup::escape_into(&mut escaped, text.trim(), false);
        prop_assert!(copy.matches(&escaped).count() >= 2, "the label and the publisher keep {:?}", escaped);
    }
}
