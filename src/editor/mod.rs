//! The payload editor (`dist/editor.html`): turns a report's figures into a validated payload
//! and an embed snippet. The logic here is plain functions, tested natively; the page itself
//! (`app`, browser only) is compiled into its own WebAssembly build, never the widget's.
//!
//! The working document is a `serde_json::Value` (numbers keep their written form); every
//! check goes through the widget's own validator, `validate::check_value`.

pub mod doc;
pub mod encoding;
pub mod english;
pub mod history;
pub mod import;
pub mod json;
pub mod mapping;
pub mod nav;
pub mod output;
pub mod pending;
pub mod strings;
pub mod table;

#[cfg(all(target_arch = "wasm32", feature = "editor"))]
pub mod app;

use crate::model::Report;
use crate::validate::{self, PayloadError, Problem, Severity};
use serde_json::Value;

/// What the validator says about the document.
#[derive(Clone, Debug, PartialEq)]
pub struct Status {
    /// The report, when the document is valid (warnings allowed).
    pub report: Option<Report>,
    /// Errors and warnings, in the validator's order.
    pub problems: Vec<Problem>,
}

impl Status {
    pub fn errors(&self) -> usize {
        self.problems.iter().filter(|p| p.severity == Severity::Error).count()
    }

    pub fn warnings(&self) -> usize {
        self.problems.len() - self.errors()
    }
}

/// Checks the document with the widget's validator; `text_len` is the size of its JSON text
/// (payloads over the widget's limit are refused).
pub fn check(doc: &Value, text_len: usize) -> Status {
    if text_len > validate::MAX_PAYLOAD_BYTES {
        let err = PayloadError::TooLarge { bytes: text_len, limit: validate::MAX_PAYLOAD_BYTES };
        return Status { report: None, problems: err.problems() };
    }
    let mut status = match validate::check_value(doc).map(validate::Checked::with_advice) {
        Ok(checked) => Status { report: Some(checked.report), problems: checked.warnings },
        Err(err) => Status { report: None, problems: err.problems() },
    };
    in_form_order(&mut status.problems);
    status
}

/// `check`, with the editor's own advice: English left as it was when its Chinese was edited
/// (`english::Watch::behind`), in the form's order among the validator's problems.
pub fn check_editing(doc: &Value, text_len: usize, watch: &english::Watch) -> Status {
    let mut status = check(doc, text_len);
    let behind = watch.problems(doc);
    if !behind.is_empty() {
        status.problems.extend(behind);
        in_form_order(&mut status.problems);
    }
    status
}

/// Orders problems as the form shows their places: the report's details, its groups, then its
/// sections, each entry in turn (the validator lists type problems before the rules'). Problems
/// of one entry keep their order.
fn in_form_order(problems: &mut [Problem]) {
    problems.sort_by_cached_key(|p| {
        let mut segments = p.pointer.split('/').skip(1);
        let part = match segments.next() {
            Some("meta") => 1,
            Some("groups") => 2,
            Some("sections") => 3,
            _ => 0,
        };
        let entries: Vec<usize> = segments.filter_map(|s| s.parse().ok()).collect();
        (part, entries)
    });
}

/// Reads a payload file's bytes as the editor opens it: text in any encoding `encoding::decode`
/// knows (a payload saved by Notepad as GBK still opens), parsed keeping numbers as written.
/// On failure, the problems to show; the current work is never touched by this function.
pub fn open_file(bytes: &[u8]) -> Result<(Value, Status), Vec<Problem>> {
    let text = encoding::decode(bytes, encoding::Choice::Auto).text;
    if text.len() > validate::MAX_PAYLOAD_BYTES {
        return Err(PayloadError::TooLarge { bytes: text.len(), limit: validate::MAX_PAYLOAD_BYTES }.problems());
    }
    let value = json::parse(&text).map_err(|e| PayloadError::from(e).problems())?;
    let status = check(&value, text.len());
    Ok((value, status))
}
