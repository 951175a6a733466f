//! English that may no longer say what its Chinese says: a bilingual text whose Chinese was
//! changed in the form while its English stayed as written (a report started from the example,
//! or last year's, with this year's figures typed into the Chinese only).

use super::doc::{text_parts, Edit};
use crate::validate::Problem;
use serde_json::{json, Value};

/// A text's Chinese and English as they were when its Chinese was first edited in the form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Written {
    /// The text's JSON pointer (`/sections/0/title`).
    pub ptr: String,
    pub zh: String,
    pub en: String,
}

/// What the form has seen of the texts' two languages while the page is open.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Watch {
    written: Vec<Written>,
    /// Texts whose English the person edited: they are attending to it, and are not told.
    english_edited: Vec<String>,
}

impl Watch {
    /// Notes, before the Chinese of the text at `ptr` in `before` is edited, what its English
    /// was written for (the first time only; a text without English has nothing to note).
    pub fn chinese_edit(&mut self, ptr: &str, before: &Value) {
        if self.english_edited.iter().any(|p| p == ptr) || self.written.iter().any(|w| w.ptr == ptr) {
            return;
        }
        let (zh, en) = text_parts(before.pointer(ptr));
        if !en.trim().is_empty() {
            self.written.push(Written { ptr: ptr.to_string(), zh, en });
        }
    }

    /// Follows the texts noted through a list edit (an entry added, removed or moved), so that
    /// each note stays with its text: a removed entry's notes go.
    pub fn list_edit(&mut self, edit: &Edit) {
        let place = |index: usize| -> Option<usize> {
            match edit {
                Edit::Insert { index: at, .. } => Some(if index >= *at { index + 1 } else { index }),
                Edit::Remove { index: at, .. } if index == *at => None,
                Edit::Remove { index: at, .. } => Some(if index > *at { index - 1 } else { index }),
                Edit::Move { from, to, .. } if index == *from => Some(*to),
                Edit::Move { from, to, .. } if from < to && index > *from && index <= *to => Some(index - 1),
                Edit::Move { from, to, .. } if to < from && index >= *to && index < *from => Some(index + 1),
                _ => Some(index),
            }
        };
        let (Edit::Insert { array, .. } | Edit::Remove { array, .. } | Edit::Move { array, .. }) = edit else {
            return;
        };
        let prefix = format!("{array}/");
        let moved = |ptr: &str| -> Option<String> {
            let Some(rest) = ptr.strip_prefix(&prefix) else { return Some(ptr.to_string()) };
            let (index, tail) = rest.split_once('/').unwrap_or((rest, ""));
            let Ok(index) = index.parse::<usize>() else { return Some(ptr.to_string()) };
            let tail = if tail.is_empty() { String::new() } else { format!("/{tail}") };
            place(index).map(|to| format!("{prefix}{to}{tail}"))
        };
        self.written.retain_mut(|w| moved(&w.ptr).map(|ptr| w.ptr = ptr).is_some());
        self.english_edited = self.english_edited.iter().filter_map(|p| moved(p)).collect();
    }

    /// As kept with the work in the browser, so that a reload does not forget it.
    pub fn to_value(&self) -> Value {
        json!({
            "written": self.written.iter().map(|w| json!([w.ptr, w.zh, w.en])).collect::<Vec<_>>(),
            "english_edited": self.english_edited,
        })
    }

    /// Reads what `to_value` wrote; what cannot be read is left out (a note less, never an error).
    pub fn from_value(v: &Value) -> Watch {
        let strings = |v: &Value| -> Option<Vec<String>> {
            v.as_array()?.iter().map(|s| s.as_str().map(str::to_string)).collect()
        };
        let written = v
            .get("written")
            .and_then(Value::as_array)
            .map(|list| {
                list.iter()
                    .filter_map(|w| match strings(w)?.as_slice() {
                        [ptr, zh, en] => Some(Written { ptr: ptr.clone(), zh: zh.clone(), en: en.clone() }),
                        _ => None,
                    })
                    .collect()
            })
            .unwrap_or_default();
        let english_edited = v.get("english_edited").and_then(strings).unwrap_or_default();
        Watch { written, english_edited }
    }

    /// The English of the text at `ptr` was edited in the form.
    pub fn english_edit(&mut self, ptr: &str) {
        self.written.retain(|w| w.ptr != ptr);
        if !self.english_edited.iter().any(|p| p == ptr) {
            self.english_edited.push(ptr.to_string());
        }
    }

    /// The texts of `doc` whose Chinese now says something else than what their English was
    /// written for (another number, or more than a third of it rewritten: not a typo fixed),
    /// while the English is still the same. Changed in the form, the JSON view or by an undo
    /// alike: a Chinese put back, or emptied (the checks ask for it), is not behind.
    pub fn behind<'a>(&'a self, doc: &'a Value) -> impl Iterator<Item = &'a Written> {
        self.written.iter().filter(|w| {
            let (zh, en) = text_parts(doc.pointer(&w.ptr));
            en == w.en && !zh.trim().is_empty() && rewritten(&w.zh, &zh)
        })
    }

    /// `behind`, as advice on each English (a warning: the report can still be published).
    pub fn problems(&self, doc: &Value) -> Vec<Problem> {
        self.behind(doc)
            .map(|w| {
                Problem::warning(
                    format!("{}/en", w.ptr),
                    format!("中文已改（原为“{}”），英文未改：请核对英文是否仍与中文一致", w.zh),
                    format!(
                        "the Chinese was changed (it was “{}”) but not the English: check that the English still says the same",
                        w.zh
                    ),
                )
            })
            .collect()
    }
}

/// Whether `now` says something else than `was`: other digits (a year, a figure), or less than
/// two thirds of the longer kept at its start and end.
fn rewritten(was: &str, now: &str) -> bool {
    let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
    if digits(was) != digits(now) {
        return true;
    }
    let (a, b): (Vec<char>, Vec<char>) = (was.chars().collect(), now.chars().collect());
    let start = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let end = a[start..].iter().rev().zip(b[start..].iter().rev()).take_while(|(x, y)| x == y).count();
    (start + end) * 3 < a.len().max(b.len()) * 2
}
