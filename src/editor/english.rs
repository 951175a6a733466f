//! English that may no longer say what its Chinese says: a bilingual text whose Chinese was
//! edited in the form while its English stayed as written (a report started from the example,
//! or last year's, with this year's figures typed into the Chinese only).

use super::doc::text_parts;
use crate::validate::Problem;
use serde_json::Value;

/// A text's Chinese and English as they were when its Chinese was first edited after the
/// English was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Written {
    /// The text's JSON pointer (`/sections/0/title`).
    pub ptr: String,
    pub zh: String,
    pub en: String,
}

/// Notes, before the Chinese of the text at `ptr` in `before` is edited, what its English was
/// written for. A text without English, or one already noted whose English is unchanged,
/// keeps what it had; one whose English was changed since is noted afresh.
pub fn note_chinese_edit(written: &mut Vec<Written>, ptr: &str, before: &Value) {
    let (zh, en) = text_parts(before.pointer(ptr));
    if en.trim().is_empty() {
        return;
    }
    match written.iter_mut().find(|w| w.ptr == ptr) {
        Some(w) if w.en == en => {}
        Some(w) => (w.zh, w.en) = (zh, en),
        None => written.push(Written { ptr: ptr.to_string(), zh, en }),
    }
}

/// The texts of `doc` whose Chinese differs from what their English was written for while the
/// English is still the same (changed in the form, the JSON view or by an undo alike: an
/// English edited since, or a Chinese put back, is not behind). A Chinese emptied is not: the
/// checks already ask for it.
pub fn behind<'a>(written: &'a [Written], doc: &'a Value) -> impl Iterator<Item = &'a Written> {
    written.iter().filter(|w| {
        let (zh, en) = text_parts(doc.pointer(&w.ptr));
        en == w.en && zh != w.zh && !zh.trim().is_empty()
    })
}

/// `behind`, as advice on each English (a warning: the report can still be published).
pub fn problems(written: &[Written], doc: &Value) -> Vec<Problem> {
    behind(written, doc)
        .map(|w| {
            Problem::warning(
                format!("{}/en", w.ptr),
                format!("中文已改（原为“{}”），英文未改：请核对英文是否仍与中文一致", w.zh),
                format!("the Chinese was changed (it was “{}”) but not the English: check that the English still says the same", w.zh),
            )
        })
        .collect()
}
