//! A table pasted (or typed) into a section's import box but not applied yet. It is kept in the
//! browser beside the work, so a reload, a crash or a closed tab does not lose it: the box comes
//! back with the text in it, and with the columns as the person mapped them. Of a chosen file
//! only its name is kept, for the box to come back saying it must be chosen again, with the
//! pasted text the file's text had replaced (`SetAside`) in the box.

use super::doc::kind_of;
use super::mapping::{fields_for, Field, Target};
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
    /// The text in the box; with a file, the text the file's replaced (often empty).
    pub text: String,
    /// The name of a file chosen in the box: its text is not kept (the file is still there to
    /// choose again), but the box comes back open, saying so.
    pub file: Option<String>,
    /// How the person read the table. `None` in what was stored before it was kept (the
    /// table is then read again as on a first paste).
    pub columns: Option<Columns>,
    /// The text kept aside beside the box's (`ImportState::set_aside`); with a file, that text
    /// is `text` instead.
    pub set_aside: Option<SetAside>,
}

/// Text pasted, typed or edited in an import box that a chosen file's text replaced (or that the
/// box's earlier text was switched back in for): one click swaps it back (a file can be chosen
/// again; a paste may be gone from the clipboard).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetAside {
    pub text: String,
    /// The person's column choices for it; `None` after a reload (read again).
    pub columns: Option<Columns>,
}

/// The choices made in the import panel about the table's columns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Columns {
    /// The first row is a header.
    pub header: bool,
    /// The field each column becomes, in column order.
    pub mapping: Vec<Field>,
}

impl Columns {
    /// Whether these choices still apply to a table `width` columns wide filling `target`:
    /// a column per choice, each a field the section has. Otherwise the text was changed in
    /// a way the choices were not made for, and the table is better read again.
    pub fn fit(&self, target: Target, width: usize) -> bool {
        self.mapping.len() == width && self.mapping.iter().all(|f| fields_for(target).contains(f))
    }
}

/// Whether text set aside (`aside` bytes) is kept beside the `text` bytes a box keeps of its
/// own (none for a chosen file): while both fit in `MAX_KEPT_BYTES`.
pub fn aside_fits(text: usize, aside: usize) -> bool {
    text + aside <= MAX_KEPT_BYTES
}

impl PendingImport {
    /// What is stored, or `None` when there is nothing worth keeping: no file, and no text or
    /// more text than `MAX_KEPT_BYTES` (text set aside beside it is kept while both fit).
    pub fn to_stored(&self) -> Option<String> {
        let has_text = !self.text.trim().is_empty() && self.text.len() <= MAX_KEPT_BYTES;
        let mut stored = json!({ "section": self.section, "section_id": self.section_id });
        if let Some(name) = &self.file {
            stored["file"] = json!(name);
        } else if !has_text {
            return None;
        }
        if !has_text {
            return Some(stored.to_string());
        }
        stored["text"] = json!(self.text);
        if let Some(columns) = &self.columns {
            stored["header"] = json!(columns.header);
            stored["mapping"] = columns.mapping.iter().map(|f| f.key()).collect();
        }
        if let Some(aside) = self.set_aside.as_ref().filter(|a| aside_fits(self.text.len(), a.text.len())) {
            stored["set_aside"] = json!({ "text": aside.text });
        }
        Some(stored.to_string())
    }

    /// Reads what `to_stored` wrote, with or without the columns (stored before they were);
    /// anything else (a truncated write, say) is `None`. Columns that cannot be read (a field
    /// name this version does not know) are left out: the table is read again instead.
    pub fn from_stored(stored: &str) -> Option<PendingImport> {
        let v: Value = serde_json::from_str(stored).ok()?;
        let section = usize::try_from(v.get("section")?.as_u64()?).ok()?;
        let section_id = v.get("section_id").and_then(Value::as_str).unwrap_or_default().to_string();
        let file = match v.get("file") {
            Some(name) => Some(name.as_str()?.to_string()),
            None => None,
        };
        let text = match v.get("text") {
            Some(text) => text.as_str()?,
            None if file.is_some() => "",
            None => return None,
        };
        if file.is_none() && text.trim().is_empty() || text.len() > MAX_KEPT_BYTES {
            return None;
        }
        let set_aside = v.get("set_aside").and_then(|a| {
            let text = a.get("text")?.as_str()?.to_string();
            Some(SetAside { text, columns: None })
        });
        Some(PendingImport { section, section_id, text: text.to_string(), file, columns: columns_of(&v), set_aside })
    }

    /// The index of the section the text belongs to in `doc`: the section with its id, else
    /// the one at its old index; either must still be one a table can fill (a ranking or case
    /// statistics).
    pub fn section_in(&self, doc: &Value) -> Option<usize> {
        find_section(doc, self.section, &self.section_id)
    }
}

/// The index in `doc` of the section that had the id `id` (or, if none has it now, the index
/// `index`), if a table can fill it: key figures, a ranking or case statistics. Also how an
/// open import box finds its section again after an undo or a redo.
pub fn find_section(doc: &Value, index: usize, id: &str) -> Option<usize> {
    let sections = doc.get("sections")?.as_array()?;
    let by_id = (!id.is_empty())
        .then(|| sections.iter().position(|s| s.get("id").and_then(Value::as_str) == Some(id)))
        .flatten();
    let index = by_id.unwrap_or(index);
    kind_of(sections.get(index)?).and_then(Target::of_section).map(|_| index)
}

fn columns_of(v: &Value) -> Option<Columns> {
    let header = v.get("header")?.as_bool()?;
    let mapping = v
        .get("mapping")?
        .as_array()?
        .iter()
        .map(|key| {
            // `Field::from_key` reads an unknown name as “ignore”: here it must not be.
            let key = key.as_str()?;
            Some(Field::from_key(key)).filter(|f| f.key() == key)
        })
        .collect::<Option<Vec<Field>>>()?;
    Some(Columns { header, mapping })
}
