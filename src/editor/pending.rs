//! A table pasted (or typed) into a section's import box but not applied yet. It is kept in the
//! browser beside the work, so a reload, a crash or a closed tab does not lose it: the box comes
//! back with the text in it.

use super::doc::kind_of;
use crate::model::SectionKind;
use crate::validate::MAX_PAYLOAD_BYTES;
use serde_json::{json, Value};

/// The largest pasted text kept, in bytes: the largest payload the editor takes. A table bigger
/// than that could not become part of a valid payload anyway, and the work beside it in local
/// storage is held to the same size, so the two together stay well inside what browsers allow.
pub const MAX_KEPT_BYTES: usize = MAX_PAYLOAD_BYTES;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingImport {
    /// The section's index when the text was pasted.
    pub section: usize,
    /// The section's id then: the section is found by it first, in case sections moved.
    pub section_id: String,
    pub text: String,
}

impl PendingImport {
    /// What is stored, or `None` when there is nothing worth keeping: no text, or more text
    /// than `MAX_KEPT_BYTES`.
    pub fn to_stored(&self) -> Option<String> {
        if self.text.trim().is_empty() || self.text.len() > MAX_KEPT_BYTES {
            return None;
        }
        Some(json!({ "section": self.section, "section_id": self.section_id, "text": self.text }).to_string())
    }

    /// Reads what `to_stored` wrote; anything else (an older format, a truncated write) is `None`.
    pub fn from_stored(stored: &str) -> Option<PendingImport> {
        let v: Value = serde_json::from_str(stored).ok()?;
        let text = v.get("text")?.as_str()?;
        if text.trim().is_empty() || text.len() > MAX_KEPT_BYTES {
            return None;
        }
        Some(PendingImport {
            section: usize::try_from(v.get("section")?.as_u64()?).ok()?,
            section_id: v.get("section_id").and_then(Value::as_str).unwrap_or_default().to_string(),
            text: text.to_string(),
        })
    }

    /// The index of the section the text belongs to in `doc`: the section with its id, else
    /// the one at its old index; either must still be one a table can fill (a ranking or case
    /// statistics).
    pub fn section_in(&self, doc: &Value) -> Option<usize> {
        let sections = doc.get("sections")?.as_array()?;
        let by_id = (!self.section_id.is_empty())
            .then(|| sections.iter().position(|s| s.get("id").and_then(Value::as_str) == Some(&self.section_id)))
            .flatten();
        let index = by_id.unwrap_or(self.section);
        matches!(kind_of(sections.get(index)?), Some(SectionKind::Ranking | SectionKind::CaseStats)).then_some(index)
    }
}
