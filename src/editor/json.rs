//! The editor's JSON text: a canonical pretty printer (the payload's fields in the order the
//! format documents them, two-space indentation, numbers exactly as written) and a locator
//! that finds where each JSON pointer's value starts in any JSON text, so a problem can put
//! the cursor on its line.

use crate::model::SectionKind;
use crate::validate::decode;
use serde_json::{Map, Value};
use std::collections::HashMap;

/// What an object in the payload is, which decides the order of its fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ctx {
    Report,
    Meta,
    Group,
    Section,
    Metric,
    Bounds,
    Change,
    Rank,
    Row,
    CaseItem,
    Marked,
    Amount,
    Highlight,
    Text,
    Other,
}

fn section_kind(section: &Map<String, Value>) -> Option<SectionKind> {
    let kind = section.get("kind")?.as_str()?;
    SectionKind::ALL.iter().find(|(n, _)| *n == kind).map(|(_, k)| *k)
}

fn fields(ctx: Ctx, obj: &Map<String, Value>) -> Vec<&'static str> {
    match ctx {
        Ctx::Report => decode::REPORT_FIELDS.to_vec(),
        Ctx::Meta => decode::META_FIELDS.to_vec(),
        Ctx::Group => decode::GROUP_FIELDS.to_vec(),
        Ctx::Section => match section_kind(obj) {
            Some(kind) => decode::section_fields(kind),
            None => crate::model::SECTION_FIELDS.to_vec(),
        },
        Ctx::Metric => decode::METRIC_FIELDS.to_vec(),
        Ctx::Bounds => decode::BOUNDS_FIELDS.to_vec(),
        Ctx::Change => decode::CHANGE_FIELDS.to_vec(),
        Ctx::Rank => decode::RANK_FIELDS.to_vec(),
        Ctx::Row => decode::RANKING_ROW_FIELDS.to_vec(),
        Ctx::CaseItem => decode::CASE_ITEM_FIELDS.to_vec(),
        Ctx::Marked => decode::MARKED_MONTH_FIELDS.to_vec(),
        Ctx::Amount => decode::AMOUNT_FIELDS.to_vec(),
        Ctx::Highlight => decode::HIGHLIGHT_FIELDS.to_vec(),
        Ctx::Text => vec!["zh", "en"],
        Ctx::Other => Vec::new(),
    }
}

/// The context of `obj[key]` (for an array, of its elements).
fn child(ctx: Ctx, obj: &Map<String, Value>, key: &str) -> Ctx {
    const TEXT: &[&str] =
        &["title", "publisher", "period", "note", "label", "unit", "source", "intro", "basis", "text"];
    match (ctx, key) {
        (Ctx::Report, "meta") => Ctx::Meta,
        (Ctx::Report, "groups") => Ctx::Group,
        (Ctx::Report, "sections") => Ctx::Section,
        (Ctx::Section, "items") => match section_kind(obj) {
            Some(SectionKind::CaseStats) => Ctx::CaseItem,
            Some(SectionKind::Highlights) => Ctx::Highlight,
            _ => Ctx::Metric,
        },
        (Ctx::Section, "rows") => Ctx::Row,
        (Ctx::Section, "marked") => Ctx::Marked,
        (Ctx::Section, "paragraphs") => Ctx::Text,
        (Ctx::Metric, "bounds") => Ctx::Bounds,
        (Ctx::Metric, "change") => Ctx::Change,
        (Ctx::Metric, "ranks") => Ctx::Rank,
        (Ctx::Marked, "reward") => Ctx::Amount,
        (Ctx::Report | Ctx::Text | Ctx::Other | Ctx::Bounds | Ctx::Rank, _) => Ctx::Other,
        (_, k) if TEXT.contains(&k) => Ctx::Text,
        _ => Ctx::Other,
    }
}

/// The payload as the editor writes it: pretty-printed like `serde_json::to_string_pretty`,
/// with every object's known fields in the documented order (unknown ones after them), and a
/// final newline. Numbers keep their written form (`6.0` stays `6.0`).
///
/// Where indenting every field would take the text over the widget's size limit (a 1 MB file of
/// 15,000 ranking rows came to 2.2 MB), each entry of a section's list is written on one line
/// (a row per line, as a spreadsheet has it), and failing that the whole payload on one line:
/// the editor never makes a payload too large out of one that was not.
pub fn to_pretty(value: &Value) -> String {
    let mut out = String::new();
    // Levels: the report (0), its sections (1), a section (2), its list (3), an entry (4).
    for inline_from in [usize::MAX, 4, 0] {
        out.clear();
        write(&mut out, value, Ctx::Report, 0, inline_from);
        out.push('\n');
        if out.len() <= crate::validate::MAX_PAYLOAD_BYTES {
            break;
        }
    }
    out
}

fn indent(out: &mut String, level: usize) {
    for _ in 0..level {
        out.push_str("  ");
    }
}

/// Writes `value` at nesting `level`; from level `inline_from` on, on one line (`{"a": 1, "b": 2}`).
fn write(out: &mut String, value: &Value, ctx: Ctx, level: usize, inline_from: usize) {
    let inline = level >= inline_from;
    // The last resort, the whole payload on one line, as compact as JSON is.
    let (item_sep, key_sep) = if inline_from == 0 { (",", ":") } else { (", ", ": ") };
    let (open_sep, next_sep, close_sep) = if inline { ("", item_sep, "") } else { ("\n", ",\n", "\n") };
    match value {
        Value::Object(obj) if obj.is_empty() => out.push_str("{}"),
        Value::Object(obj) => {
            let known = fields(ctx, obj);
            let mut keys: Vec<&String> = known.iter().filter_map(|k| obj.get_key_value(*k).map(|(k, _)| k)).collect();
            keys.extend(obj.keys().filter(|k| !known.contains(&k.as_str())));
            out.push('{');
            out.push_str(open_sep);
            for (i, key) in keys.iter().enumerate() {
                if !inline {
                    indent(out, level + 1);
                }
                out.push_str(&string(key));
                out.push_str(if inline { key_sep } else { ": " });
                write(out, &obj[key.as_str()], child(ctx, obj, key), level + 1, inline_from);
                out.push_str(if i + 1 < keys.len() { next_sep } else { close_sep });
            }
            if !inline {
                indent(out, level);
            }
            out.push('}');
        }
        Value::Array(items) if items.is_empty() => out.push_str("[]"),
        Value::Array(items) => {
            out.push('[');
            out.push_str(open_sep);
            for (i, item) in items.iter().enumerate() {
                if !inline {
                    indent(out, level + 1);
                }
                write(out, item, ctx, level + 1, inline_from);
                out.push_str(if i + 1 < items.len() { next_sep } else { close_sep });
            }
            if !inline {
                indent(out, level);
            }
            out.push(']');
        }
        Value::String(s) => out.push_str(&string(s)),
        other => out.push_str(&other.to_string()),
    }
}

fn string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

pub use crate::validate::json::SyntaxError;

/// Parses JSON text keeping numbers as written. The widget's own reader judges the text first,
/// so the editor reports a syntax error exactly where and as the widget would.
pub fn parse(text: &str) -> Result<Value, SyntaxError> {
    // A byte order mark before it is not part of it, for the widget either.
    let text = crate::validate::without_bom(text);
    crate::validate::json::parse(text)?;
    serde_json::from_str(text).map_err(|e| SyntaxError {
        line: e.line(),
        column: e.column().max(1),
        message: e.to_string().split(" at line ").next().unwrap_or_default().to_string(),
        hint: Default::default(),
    })
}

pub use crate::validate::pointer::escape_token;

/// Where each value starts in `text` (byte offset), by JSON pointer ("" is the whole
/// document). For an object member the offset is that of its key, so the line is the one a
/// reader looks for. `None` if the text is not well-formed JSON.
pub fn locate(text: &str) -> Option<HashMap<String, usize>> {
    let mut scanner = Scanner { bytes: text.as_bytes(), text, pos: 0, found: HashMap::new() };
    scanner.ws();
    let start = scanner.pos;
    scanner.found.insert(String::new(), start);
    scanner.value("")?;
    scanner.ws();
    (scanner.pos == scanner.bytes.len()).then_some(scanner.found)
}

struct Scanner<'a> {
    bytes: &'a [u8],
    text: &'a str,
    pos: usize,
    found: HashMap<String, usize>,
}

impl Scanner<'_> {
    fn ws(&mut self) {
        while self.pos < self.bytes.len() && matches!(self.bytes[self.pos], b' ' | b'\t' | b'\n' | b'\r') {
            self.pos += 1;
        }
    }

    fn eat(&mut self, b: u8) -> Option<()> {
        self.ws();
        (self.bytes.get(self.pos) == Some(&b)).then(|| self.pos += 1)
    }

    /// Skips a string; returns its raw text including the quotes.
    fn string(&mut self) -> Option<&str> {
        let start = self.pos;
        if self.bytes.get(self.pos) != Some(&b'"') {
            return None;
        }
        self.pos += 1;
        while let Some(&b) = self.bytes.get(self.pos) {
            self.pos += 1;
            match b {
                b'\\' => self.pos += 1,
                b'"' => return self.text.get(start..self.pos),
                _ => {}
            }
        }
        None
    }

    fn value(&mut self, pointer: &str) -> Option<()> {
        self.ws();
        match self.bytes.get(self.pos)? {
            b'{' => {
                self.pos += 1;
                if self.eat(b'}').is_some() {
                    return Some(());
                }
                loop {
                    self.ws();
                    let key_at = self.pos;
                    let raw = self.string()?;
                    let key: String = serde_json::from_str(raw).ok()?;
                    let path = format!("{pointer}/{}", escape_token(&key));
                    self.found.insert(path.clone(), key_at);
                    self.eat(b':')?;
                    self.value(&path)?;
                    self.ws();
                    match self.bytes.get(self.pos)? {
                        b',' => self.pos += 1,
                        b'}' => {
                            self.pos += 1;
                            return Some(());
                        }
                        _ => return None,
                    }
                }
            }
            b'[' => {
                self.pos += 1;
                if self.eat(b']').is_some() {
                    return Some(());
                }
                let mut i = 0;
                loop {
                    self.ws();
                    let path = format!("{pointer}/{i}");
                    self.found.insert(path.clone(), self.pos);
                    self.value(&path)?;
                    i += 1;
                    self.ws();
                    match self.bytes.get(self.pos)? {
                        b',' => self.pos += 1,
                        b']' => {
                            self.pos += 1;
                            return Some(());
                        }
                        _ => return None,
                    }
                }
            }
            b'"' => self.string().map(|_| ()),
            _ => {
                let start = self.pos;
                while self.pos < self.bytes.len()
                    && !matches!(self.bytes[self.pos], b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
                {
                    self.pos += 1;
                }
                (self.pos > start).then_some(())
            }
        }
    }
}

/// The offset where `pointer` (or, if it is not in the text, its nearest ancestor) starts.
pub fn offset_of(found: &HashMap<String, usize>, pointer: &str) -> usize {
    let mut p = if pointer == "/" { "" } else { pointer };
    loop {
        if let Some(at) = found.get(p) {
            return *at;
        }
        match p.rfind('/') {
            Some(cut) => p = &p[..cut],
            None => return 0,
        }
    }
}

/// The line to go to for the syntax error `e` in `text`: its own, except for a comma after the
/// last item, placed at the bracket after it (as the widget places it; the message names the
/// comma's line), where it is the comma's.
pub fn line_to_change(text: &str, e: &SyntaxError) -> usize {
    let line_start = text.split_inclusive('\n').take(e.line.saturating_sub(1)).map(str::len).sum::<usize>();
    let at =
        text[line_start..].char_indices().nth(e.column.saturating_sub(1)).map_or(text.len(), |(i, _)| line_start + i);
    crate::validate::json::trailing_comma_line(&text[..at], &text[at..]).unwrap_or(e.line)
}

/// A line of `text` (1-based) as a range of UTF-16 offsets, as a textarea's selection counts.
pub fn line_range_utf16(text: &str, line: usize) -> (u32, u32) {
    let mut start = 0usize;
    for _ in 1..line.max(1) {
        match text[start..].find('\n') {
            Some(nl) => start += nl + 1,
            None => break,
        }
    }
    let end = text[start..].find('\n').map_or(text.len(), |nl| start + nl);
    (utf16_len(&text[..start]), utf16_len(&text[..end]))
}

/// The 1-based line of a byte offset.
pub fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())].iter().filter(|b| **b == b'\n').count() + 1
}

fn utf16_len(s: &str) -> u32 {
    s.encode_utf16().count() as u32
}
