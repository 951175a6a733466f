//! The editor's working document: a `serde_json::Value` (numbers keep their written form), and
//! the edits the form makes to it, addressed by JSON pointers, the same pointers the validator
//! reports problems at.

pub use crate::format::figure::normalize_number;
use crate::model::{Lang, SectionKind, SCHEMA_V1};
use serde_json::{json, Map, Number, Value};
use std::collections::HashSet;

/// One change to the document.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Sets (or, with `None`, removes) the value at a pointer, creating missing parent objects.
    Set {
        ptr: String,
        value: Option<Value>,
    },
    /// Sets one language of a Text field; `required` keeps an empty Chinese text as `""`
    /// (the validator then says it is empty) instead of removing the field.
    SetText {
        ptr: String,
        lang: Lang,
        text: String,
        required: bool,
    },
    /// Sets a number from what was typed: a JSON number when it is one (written form kept),
    /// else the text itself (the validator then names the field), removed when blank.
    SetNumber {
        ptr: String,
        input: String,
    },
    /// Inserts into the array at `array` (created if missing).
    Insert {
        array: String,
        index: usize,
        item: Value,
    },
    Remove {
        array: String,
        index: usize,
    },
    Move {
        array: String,
        from: usize,
        to: usize,
    },
    /// Replaces the whole document (open a file, apply JSON text, discard).
    Replace(Value),
}

impl Edit {
    /// Edits of the same field in a row become one undo step: this is the field.
    pub fn coalesce_key(&self) -> Option<String> {
        match self {
            Edit::Set { ptr, .. } | Edit::SetNumber { ptr, .. } => Some(ptr.clone()),
            Edit::SetText { ptr, lang, .. } => Some(format!("{ptr}#{}", lang.tag())),
            _ => None,
        }
    }
}

/// Objects that only group optional fields: removed when their last field is.
const PRUNABLE: &[&str] = &["change", "bounds", "reward"];

/// Applies an edit; false if it did not apply (a pointer into something that is not a
/// container, an index out of range).
pub fn apply(doc: &mut Value, edit: &Edit) -> bool {
    match edit {
        Edit::Set { ptr, value } => set_id(doc, ptr, value.clone(), None).0,
        Edit::SetText { ptr, lang, text, required } => {
            let new = text_with(doc.pointer(ptr), *lang, text, *required);
            set(doc, ptr, new)
        }
        Edit::SetNumber { ptr, input } => set(doc, ptr, number_from_input(input)),
        Edit::Insert { array, index, item } => {
            if doc.pointer(array).is_none() && !set(doc, array, Some(Value::Array(Vec::new()))) {
                return false;
            }
            match doc.pointer_mut(array) {
                Some(Value::Array(items)) if *index <= items.len() => {
                    items.insert(*index, item.clone());
                    true
                }
                _ => false,
            }
        }
        Edit::Remove { array, index } => match doc.pointer_mut(array) {
            Some(Value::Array(items)) if *index < items.len() => {
                items.remove(*index);
                true
            }
            _ => false,
        },
        Edit::Move { array, from, to } => match doc.pointer_mut(array) {
            Some(Value::Array(items)) if *from < items.len() && *to < items.len() => {
                let item = items.remove(*from);
                items.insert(*to, item);
                true
            }
            _ => false,
        },
        Edit::Replace(value) => {
            *doc = value.clone();
            true
        }
    }
}

/// What an id names, for the references that must follow it when it is renamed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Referenced {
    /// A group: a ranking section's `group`, a metric's ranks' `group`.
    Group,
    /// A metric: a ranking row's `metric`.
    Metric,
}

/// The groups' or the metrics' ids.
fn ids_of(doc: &Value, kind: Referenced) -> Vec<&str> {
    fn id(v: &Value) -> Option<&str> {
        v.get("id").and_then(Value::as_str)
    }
    let sections = doc.get("sections").and_then(Value::as_array).into_iter().flatten();
    match kind {
        Referenced::Group => doc.get("groups").and_then(Value::as_array).into_iter().flatten().filter_map(id).collect(),
        Referenced::Metric => sections
            .filter(|s| kind_of(s) == Some(SectionKind::Metrics))
            .flat_map(|s| s.get("items").and_then(Value::as_array).into_iter().flatten())
            .filter_map(id)
            .collect(),
    }
}

/// What `ptr` is the id of, if references name it.
fn referenced(doc: &Value, ptr: &str) -> Option<Referenced> {
    let tokens: Vec<&str> = ptr.split('/').skip(1).collect();
    match tokens[..] {
        ["groups", _, "id"] => Some(Referenced::Group),
        ["sections", s, "items", _, "id"]
            if kind_of(doc.get("sections")?.get(s.parse::<usize>().ok()?)?) == Some(SectionKind::Metrics) =>
        {
            Some(Referenced::Metric)
        }
        _ => None,
    }
}

/// How many references name `id`.
fn references_to(doc: &Value, kind: Referenced, id: &str) -> usize {
    references(doc, kind).iter().filter(|p| doc.pointer(p).and_then(Value::as_str) == Some(id)).count()
}

/// Whether a ranking row refers to the metric `id` (removing the metric would leave it naming
/// nothing).
pub fn metric_referenced(doc: &Value, id: &str) -> bool {
    references_to(doc, Referenced::Metric, id) > 0
}

/// Sets the value at `ptr`; when it is a group's or a metric's id, the references to it follow
/// the new id. `from` is where they point while the field is being typed in (the editor keeps
/// it from one keystroke to the next): a blank or taken id in between ("districts" → "" → "c")
/// does not strand them, they move on with the next id that is this thing's alone. Never merged:
/// not onto an id another thing has, nor onto one that references already name, and `from` only
/// while no other thing has that id. Returns whether it applied, and where the references point
/// now (the `from` of the next keystroke).
pub fn set_id(doc: &mut Value, ptr: &str, value: Option<Value>, from: Option<&str>) -> (bool, Option<String>) {
    let Some(kind) = referenced(doc, ptr) else { return (set(doc, ptr, value), None) };
    let old = doc.pointer(ptr).and_then(Value::as_str).unwrap_or_default().to_string();
    // The other groups' or metrics' ids (the field's own, once, left out).
    let mut taken: Vec<String> = ids_of(doc, kind).into_iter().map(str::to_string).collect();
    if let Some(i) = taken.iter().position(|i| *i == old) {
        taken.remove(i);
    }
    let usable = |id: &str| !id.is_empty() && !taken.iter().any(|t| t == id);
    let from = from.filter(|f| usable(f)).map(str::to_string).or_else(|| usable(&old).then(|| old.clone()));
    if !set(doc, ptr, value.clone()) {
        return (false, None);
    }
    let Some(from) = from else { return (true, None) };
    let new = value.as_ref().and_then(Value::as_str).unwrap_or_default();
    if new == from || !usable(new) || references_to(doc, kind, new) > 0 {
        return (true, Some(from));
    }
    carry_references(doc, kind, &from, new);
    (true, Some(new.to_string()))
}

/// Points the references to `old` at `new`: renaming a group or a metric in the form keeps
/// the rankings that use it, instead of breaking each of them.
fn carry_references(doc: &mut Value, kind: Referenced, old: &str, new: &str) {
    for at in references(doc, kind) {
        if let Some(v) = doc.pointer_mut(&at).filter(|v| v.as_str() == Some(old)) {
            *v = Value::String(new.to_string());
        }
    }
}

/// The places of the references of `kind`: a ranking's group and a metric's ranks' groups, or a
/// ranking row's metric.
fn references(doc: &Value, kind: Referenced) -> Vec<String> {
    let mut out = Vec::new();
    let list = |v: &Value, key: &str| v.get(key).and_then(Value::as_array).map_or(0, Vec::len);
    for (si, section) in doc.get("sections").and_then(Value::as_array).into_iter().flatten().enumerate() {
        match kind {
            Referenced::Group => {
                if kind_of(section) == Some(SectionKind::Ranking) {
                    out.push(format!("/sections/{si}/group"));
                }
                for (ii, item) in section.get("items").and_then(Value::as_array).into_iter().flatten().enumerate() {
                    out.extend(
                        (0..list(item, "ranks")).map(|ri| format!("/sections/{si}/items/{ii}/ranks/{ri}/group")),
                    );
                }
            }
            Referenced::Metric => {
                out.extend((0..list(section, "rows")).map(|ri| format!("/sections/{si}/rows/{ri}/metric")));
            }
        }
    }
    out
}

fn unescape(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

/// Sets or removes the value at `ptr`, creating missing objects on the way.
pub fn set(doc: &mut Value, ptr: &str, value: Option<Value>) -> bool {
    let Some(rest) = ptr.strip_prefix('/') else {
        return match value {
            Some(v) if ptr.is_empty() => {
                *doc = v;
                true
            }
            _ => false,
        };
    };
    let tokens: Vec<String> = rest.split('/').map(unescape).collect();
    let (last, parents) = tokens.split_last().expect("split gives at least one token");
    let removing = value.is_none();
    let mut at = &mut *doc;
    for token in parents {
        at = match at {
            Value::Object(map) => {
                if !map.contains_key(token) {
                    if removing {
                        return true;
                    }
                    map.insert(token.clone(), Value::Object(Map::new()));
                }
                map.get_mut(token).expect("just ensured")
            }
            Value::Array(items) => match token.parse::<usize>().ok().and_then(|i| items.get_mut(i)) {
                Some(item) => item,
                None => return false,
            },
            _ => return false,
        };
    }
    let done = match (at, value) {
        (Value::Object(map), Some(v)) => {
            map.insert(last.clone(), v);
            true
        }
        (Value::Object(map), None) => {
            map.remove(last);
            true
        }
        (Value::Array(items), Some(v)) => match last.parse::<usize>().ok().and_then(|i| items.get_mut(i)) {
            Some(slot) => {
                *slot = v;
                true
            }
            None => false,
        },
        _ => false,
    };
    if done && removing {
        prune(doc, &tokens[..tokens.len() - 1]);
    }
    done
}

/// Removes an emptied `change`, `bounds` or `reward` object.
fn prune(doc: &mut Value, parent: &[String]) {
    let Some((name, _)) = parent.split_last() else { return };
    if !PRUNABLE.contains(&name.as_str()) {
        return;
    }
    let ptr: String = parent.iter().map(|t| format!("/{}", super::json::escape_token(t))).collect();
    if matches!(doc.pointer(&ptr), Some(Value::Object(m)) if m.is_empty()) {
        set(doc, &ptr, None);
    }
}

/// Reads a Text value (a string or `{"zh", "en"}`) as its Chinese and English parts; other
/// values show as they are written, so nothing typed is ever hidden.
pub fn text_parts(value: Option<&Value>) -> (String, String) {
    match value {
        None | Some(Value::Null) => (String::new(), String::new()),
        Some(Value::String(s)) => (s.clone(), String::new()),
        Some(Value::Object(o)) => (display(o.get("zh")), display(o.get("en"))),
        Some(other) => (other.to_string(), String::new()),
    }
}

/// The JSON pointers of the texts an English view shows in Chinese: Chinese strings (a Text
/// without English) and `{"zh", "en"}` with a blank `en`, in the form's order (the report's
/// title first). Ids and references to them, which may be Chinese but are never shown, do not
/// count.
pub fn untranslated(doc: &Value) -> Vec<String> {
    const NOT_TEXT: &[&str] = &["id", "group", "metric", "schema", "date", "source_url"];
    // The form's order of fields; others after them, by name.
    const FORM_ORDER: &[&str] =
        &["meta", "groups", "sections", "title", "publisher", "period", "intro", "label", "unit", "note", "source"];
    let rank = |key: &str| FORM_ORDER.iter().position(|k| *k == key).unwrap_or(FORM_ORDER.len());
    fn walk(value: &Value, at: &mut String, out: &mut Vec<String>, rank: fn(&str) -> usize) {
        match value {
            Value::String(_) if at.rsplit('/').next().is_some_and(|key| NOT_TEXT.contains(&key)) => {}
            Value::String(s) if crate::format::marks_chinese(Lang::En, s) => out.push(at.clone()),
            // A Text: counted without its English, and never walked into (its `zh` is Chinese).
            Value::Object(o) if o.get("zh").is_some_and(Value::is_string) => {
                out.extend(display(o.get("en")).trim().is_empty().then(|| at.clone()))
            }
            Value::Object(o) => {
                let mut fields: Vec<_> = o.iter().collect();
                fields.sort_by_key(|(k, _)| (rank(k), k.as_str()));
                fields.into_iter().for_each(|(k, v)| within(at, k, |at| walk(v, at, out, rank)))
            }
            Value::Array(a) => {
                a.iter().enumerate().for_each(|(i, v)| within(at, &i.to_string(), |at| walk(v, at, out, rank)))
            }
            _ => {}
        }
    }
    fn within(at: &mut String, token: &str, f: impl FnOnce(&mut String)) {
        let len = at.len();
        at.push('/');
        at.push_str(&super::json::escape_token(token));
        f(at);
        at.truncate(len);
    }
    let mut out = Vec::new();
    walk(doc, &mut String::new(), &mut out, rank);
    out
}

/// A scalar as an input shows it.
pub fn display(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

/// The Text value after one language is set: a plain string while there is no English,
/// `{"zh", "en"}` otherwise; `None` (remove the field) when an optional text is left empty.
pub fn text_with(old: Option<&Value>, lang: Lang, text: &str, required: bool) -> Option<Value> {
    let (mut zh, mut en) = text_parts(old);
    match lang {
        Lang::Zh => zh = text.to_string(),
        Lang::En => en = text.to_string(),
    }
    if en.trim().is_empty() {
        if zh.is_empty() && !required {
            return None;
        }
        return Some(Value::String(zh));
    }
    Some(json!({ "zh": zh, "en": en }))
}

/// The value a number field stores for its text: a number (as written), the text itself if
/// it is not one (the validator then points at it), or nothing when blank.
pub fn number_from_input(input: &str) -> Option<Value> {
    if input.trim().is_empty() {
        return None;
    }
    match normalize_number(input).and_then(|n| n.parse::<Number>().ok()) {
        Some(n) => Some(Value::Number(n)),
        None => Some(Value::String(input.to_string())),
    }
}

/// A new, empty report: it does not validate until it has a title, a publisher and its date.
/// The date is left empty too: today's date would be a plausible but wrong date for a report
/// signed months ago, easy to publish unnoticed.
pub fn empty_report() -> Value {
    json!({
        "schema": SCHEMA_V1,
        "meta": { "title": "", "publisher": "", "date": "" },
        "sections": []
    })
}

/// Every id in the document (groups, sections, items), for making new ones unique.
pub fn ids(doc: &Value) -> HashSet<String> {
    let mut out = HashSet::new();
    let mut add = |v: &Value| {
        if let Some(id) = v.get("id").and_then(Value::as_str) {
            out.insert(id.to_string());
        }
    };
    for g in doc.get("groups").and_then(Value::as_array).into_iter().flatten() {
        add(g);
    }
    for s in doc.get("sections").and_then(Value::as_array).into_iter().flatten() {
        add(s);
        for i in s.get("items").and_then(Value::as_array).into_iter().flatten() {
            add(i);
        }
    }
    out
}

/// The bases of the ids `new_entry` makes up for a metric, a case item and a group.
const METRIC_ID: &str = "metric";
const ITEM_ID: &str = "item";
const GROUP_ID: &str = "group";

/// Whether `id` is one `new_entry` made up (`metric`, `item-2`…), which the person never typed.
pub fn made_up_entry_id(id: &str) -> bool {
    let base = id.rsplit_once('-').filter(|(_, n)| n.parse::<u32>().is_ok()).map_or(id, |(base, _)| base);
    [METRIC_ID, ITEM_ID, GROUP_ID].contains(&base)
}

/// `base`, or `base-2`, `base-3`… whichever is not taken.
pub fn unique_id(taken: &HashSet<String>, base: &str) -> String {
    if !taken.contains(base) {
        return base.to_string();
    }
    (2..).map(|n| format!("{base}-{n}")).find(|id| !taken.contains(id)).expect("unbounded")
}

/// A new section of `kind` with an id not yet used in `doc`.
pub fn new_section(doc: &Value, kind: SectionKind) -> Value {
    let id = unique_id(
        &ids(doc),
        &format!("section-{}", doc.get("sections").and_then(Value::as_array).map_or(0, Vec::len) + 1),
    );
    let mut section = json!({ "id": id, "title": "", "kind": kind.name() });
    let body = match kind {
        SectionKind::Metrics | SectionKind::CaseStats | SectionKind::Highlights => json!({ "items": [] }),
        SectionKind::Ranking => {
            let group = doc.pointer("/groups/0/id").cloned().unwrap_or_else(|| json!(""));
            json!({ "group": group, "rows": [] })
        }
        // No year filled in: a section added to a 2023 report must not say 2021 unasked.
        SectionKind::Calendar => json!({ "label": "", "marked": [] }),
        SectionKind::Narrative => json!({ "paragraphs": [] }),
    };
    if let (Some(s), Value::Object(b)) = (section.as_object_mut(), body) {
        s.extend(b);
    }
    section
}

/// A section turned into another kind: its id, title and intro stay, the rest is new.
pub fn with_kind(doc: &Value, section: &Value, kind: SectionKind) -> Value {
    let mut new = new_section(doc, kind);
    for key in ["id", "title", "intro"] {
        match section.get(key) {
            Some(v) => new[key] = v.clone(),
            None => {
                if let Some(o) = new.as_object_mut() {
                    o.remove(key);
                }
            }
        }
    }
    new
}

/// How much of `section` turning into another kind would remove (`with_kind` keeps its id,
/// title and intro): each entry of a list and each other field, not counting what a new section
/// of its kind starts with (so an untouched section changes kind without a question).
pub fn dropped_by_kind_change(doc: &Value, section: &Value) -> usize {
    let Some(fields) = section.as_object() else { return 0 };
    let fresh = kind_of(section).map(|k| new_section(doc, k)).unwrap_or(Value::Null);
    fields
        .iter()
        .filter(|(key, value)| {
            !["id", "kind", "title", "intro"].contains(&key.as_str()) && fresh.get(key.as_str()) != Some(value)
        })
        .map(|(_, value)| match value {
            Value::Array(entries) => entries.len(),
            Value::Null => 0,
            Value::String(s) if s.trim().is_empty() => 0,
            _ => 1,
        })
        .sum()
}

/// What "add" puts into a list: `list` is the list's field name, `section` the section that
/// holds it (none for groups and ranks). No figure is filled in for the person (a value of 0,
/// a group of 5 would pass the checks and be published): the validator asks for each.
pub fn new_entry(doc: &Value, section: Option<&Value>, list: &str) -> Value {
    let taken = ids(doc);
    let kind = section.and_then(kind_of);
    match (kind, list) {
        (Some(SectionKind::Metrics), "items") => json!({ "id": unique_id(&taken, METRIC_ID), "label": "" }),
        (Some(SectionKind::CaseStats), "items") => json!({ "id": unique_id(&taken, ITEM_ID), "label": "" }),
        (Some(SectionKind::Highlights), "items") => json!({ "title": "", "text": "" }),
        (_, "rows") => json!({ "label": "" }),
        // No month either: one added and forgotten would publish January as marked, and a
        // digit typed after the suggested one made "13".
        (_, "marked") => json!({}),
        (_, "paragraphs") => json!(""),
        (_, "ranks") => {
            let group = doc.pointer("/groups/0/id").cloned().unwrap_or_else(|| json!(""));
            json!({ "group": group })
        }
        (_, "groups") => json!({ "id": unique_id(&taken, GROUP_ID), "label": "" }),
        _ => json!({}),
    }
}

/// The kind of the section at `/sections/{index}`.
pub fn kind_of(section: &Value) -> Option<SectionKind> {
    let name = section.get("kind")?.as_str()?;
    SectionKind::ALL.iter().find(|(n, _)| *n == name).map(|(_, k)| *k)
}

/// The first place (a JSON pointer) where `a` and `b` differ, in document order: a value that
/// changed, or a list that grew or shrank (the list itself). `None` when they are equal.
pub fn first_difference(a: &Value, b: &Value) -> Option<String> {
    fn walk(a: &Value, b: &Value, at: &str) -> Option<String> {
        match (a, b) {
            (Value::Object(x), Value::Object(y)) => {
                let keys = x.keys().chain(y.keys().filter(|k| !x.contains_key(*k)));
                keys.filter_map(|k| {
                    let here = format!("{at}/{}", crate::validate::pointer::escape_token(k));
                    match (x.get(k), y.get(k)) {
                        (Some(p), Some(q)) => walk(p, q, &here),
                        _ => Some(here),
                    }
                })
                .next()
            }
            (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
                x.iter().zip(y).enumerate().find_map(|(i, (p, q))| walk(p, q, &format!("{at}/{i}")))
            }
            _ if a == b => None,
            _ => Some(at.to_string()),
        }
    }
    walk(a, b, "")
}

/// How many places name the group `id`: a ranking section's `group`, a metric's ranks'. What
/// removing the group leaves pointing at nothing.
pub fn group_uses(doc: &Value, id: &str) -> usize {
    let names = |v: &Value| usize::from(v.get("group").and_then(Value::as_str) == Some(id));
    let list = |v: &Value, key: &str| v.get(key).and_then(Value::as_array).cloned().unwrap_or_default();
    list(doc, "sections")
        .iter()
        .map(|section| {
            names(section)
                + list(section, "items")
                    .iter()
                    .map(|item| list(item, "ranks").iter().map(names).sum::<usize>())
                    .sum::<usize>()
        })
        .sum()
}
