//! From a problem's JSON pointer to the form control that edits it, and to words a report
//! editor reads (“section 3 “环境执法” › item 2 “处罚金额” › value”).

use super::doc::text_parts;
use serde_json::Value;

/// The id of the form control (or item fieldset) for a pointer.
pub fn field_id(ptr: &str) -> String {
    format!("f{ptr}")
}

/// What `ptr` says below `base` when it is `base` itself or inside it ("" or "/items/2"); whole
/// tokens only: "/sections/1" does not hold "/sections/10/…".
pub fn under<'p>(ptr: &'p str, base: &str) -> Option<&'p str> {
    ptr.strip_prefix(base).filter(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// Ids to try, best first, for the control a problem at `ptr` is about: the pointer itself,
/// its Chinese text, the button that adds to it (a list with nothing in it), then its ancestors
/// (a missing or malformed part focuses its container).
pub fn candidates(ptr: &str) -> Vec<String> {
    let mut out = Vec::new();
    let own = ptr.trim_end_matches('/');
    let mut p = own;
    while !p.is_empty() {
        out.push(field_id(p));
        out.push(field_id(&format!("{p}/zh")));
        if p == own {
            out.push(format!("add:{p}"));
        }
        match p.rfind('/') {
            Some(cut) => p = &p[..cut],
            None => break,
        }
    }
    out
}

/// One step of a readable location.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Crumb {
    Meta,
    Group {
        index: usize,
        name: String,
    },
    Section {
        index: usize,
        name: String,
    },
    /// An entry of a list (`items`, `rows`, `marked`, `ranks`, `paragraphs`), 0-based.
    Entry {
        list: String,
        index: usize,
        name: String,
    },
    Field(String),
}

/// A section is named by its title only: without one, its id is one the editor made up
/// ("section-1"), which the person never typed and the form does not show as its name.
fn section_name(v: &Value) -> String {
    let (zh, _) = text_parts(v.get("title"));
    zh.trim().to_string()
}

/// A group or an entry: its title (a highlight) or label, else its metric, month or id.
fn name_of(v: &Value) -> String {
    for key in ["title", "label"] {
        let (zh, _) = text_parts(v.get(key));
        if !zh.trim().is_empty() {
            return zh;
        }
    }
    if let Some(m) = v.get("metric").and_then(Value::as_str) {
        return m.to_string();
    }
    if let Some(m) = v.get("month").and_then(Value::as_u64) {
        return format!("{m}月");
    }
    // Not an id the editor made up for a new entry: such an entry is named by its number alone,
    // as a section is.
    let id = v.get("id").and_then(Value::as_str).unwrap_or_default();
    if super::doc::made_up_entry_id(id) {
        return String::new();
    }
    id.to_string()
}

/// The location of `ptr` in `doc`, step by step.
pub fn breadcrumb(doc: &Value, ptr: &str) -> Vec<Crumb> {
    let tokens: Vec<&str> = ptr.split('/').skip(1).filter(|t| !t.is_empty()).collect();
    let mut out = Vec::new();
    let mut at = doc;
    let mut i = 0;
    while i < tokens.len() {
        let token = tokens[i];
        let next = tokens.get(i + 1).and_then(|t| t.parse::<usize>().ok());
        let entry = next.and_then(|n| at.get(token).and_then(|list| list.get(n)));
        match (token, next, entry) {
            ("meta", _, _) if i == 0 => {
                out.push(Crumb::Meta);
                at = at.get(token).unwrap_or(&Value::Null);
                i += 1;
                continue;
            }
            ("groups", Some(n), Some(e)) if i == 0 => out.push(Crumb::Group { index: n, name: name_of(e) }),
            ("sections", Some(n), Some(e)) if i == 0 => out.push(Crumb::Section { index: n, name: section_name(e) }),
            (list, Some(n), Some(e)) => out.push(Crumb::Entry { list: list.to_string(), index: n, name: name_of(e) }),
            (field, _, _) => {
                out.push(Crumb::Field(field.replace("~1", "/").replace("~0", "~")));
                at = at.get(token).unwrap_or(&Value::Null);
                i += 1;
                continue;
            }
        }
        at = entry.unwrap_or(&Value::Null);
        i += 2;
    }
    out
}

/// A Chinese `message` with each field it names (字段“value”) said as the form names it:
/// 字段“数值”. A report editor reads the form, and the payload's key in brackets was English
/// in the Chinese interface (the English interface keeps the keys). Other quoted words (an id,
/// a value such as a rank's basis “value”) are left as they are.
pub fn fields_in_words(message: &str, word: impl Fn(&str) -> String) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(open) = rest.find('“') {
        let (before, quoted) = rest.split_at(open);
        out.push_str(before);
        let inner = &quoted['“'.len_utf8()..];
        let Some(close) = inner.find('”') else {
            out.push_str(quoted);
            return out;
        };
        let key = &inner[..close];
        let said = word(key);
        let field = before.ends_with("字段") && key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
        if field && !key.is_empty() && said != key {
            out.push_str(&format!("“{said}”"));
        } else {
            out.push_str(&format!("“{key}”"));
        }
        rest = &inner[close + '”'.len_utf8()..];
    }
    out.push_str(rest);
    out
}

/// An English message as a sentence under its field: the validator's messages start in lower
/// case, as the command line prints them after a place ("/meta/title: the text must not be
/// empty").
pub fn as_sentence(message: &str) -> String {
    let mut chars = message.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A Chinese message without the payload keys it gives in brackets after a choice's words
/// (限定词选“N 余”（over） → 限定词选“N 余”): the form's select shows the words only; the
/// command line, for people who write the JSON, keeps them.
pub fn without_keys(message: &str) -> String {
    let is_key = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(at) = rest.find("”（") {
        let after_quote = at + '”'.len_utf8();
        out.push_str(&rest[..after_quote]);
        let inner = &rest[after_quote + '（'.len_utf8()..];
        match inner.find('）').filter(|&end| is_key(&inner[..end])) {
            Some(end) => rest = &inner[end + '）'.len_utf8()..],
            None => {
                out.push('（');
                rest = inner;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `message` with each place in the payload it names (a repeated id's "first at
/// /sections/0/items/2/id") said by `words`, as the problem list says the problem's own place:
/// a report editor reads the form, not JSON pointers.
pub fn pointers_in_words(message: &str, words: impl Fn(&str) -> String) -> String {
    message
        .split(' ')
        .map(|word| {
            if ["/meta/", "/groups/", "/sections/"].iter().any(|p| word.starts_with(p)) {
                words(word)
            } else {
                word.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// For a repeated id's problem (at `pointer`, an `…/id`), the place of the id's first use named
/// in its `message`: the editor marks that field too, as the person may have typed either one.
pub fn first_use_of_id<'m>(pointer: &str, message: &'m str) -> Option<&'m str> {
    if !pointer.ends_with("/id") {
        return None;
    }
    message
        .split(' ')
        .map(|word| word.trim_end_matches(['）', ')', '，', ',', '.']))
        .find(|word| word.starts_with('/') && word.ends_with("/id") && *word != pointer)
}

/// Which problem F8 (`forward`) or Shift+F8 goes to, from where each problem's control is
/// against the focus, in the list's (the form's) order: `Greater` after it, `Less` before it,
/// `Equal` the focused control or one holding it, `None` not on the page. The first after the
/// focus, or the last before it; past the end, round to the other end; with no control on
/// the page at all, the list's first (or last). With it, whether that went round: from the
/// last problem to the first (or back), not when nothing is on the page to go round from.
pub fn next_problem(places: &[Option<std::cmp::Ordering>], forward: bool) -> Option<(usize, bool)> {
    use std::cmp::Ordering::{Greater, Less};
    let (ahead, wrap) = if forward { (Greater, Less) } else { (Less, Greater) };
    let mut order: Vec<usize> = (0..places.len()).collect();
    if !forward {
        order.reverse();
    }
    let on_page = places.iter().any(Option::is_some);
    let round = |i: usize| (i, on_page && places.len() > 1);
    order
        .iter()
        .find(|&&i| places[i] == Some(ahead))
        .map(|&i| (i, false))
        .or_else(|| order.iter().find(|&&i| places[i] == Some(wrap)).map(|&i| round(i)))
        .or_else(|| order.first().map(|&i| round(i)))
}
