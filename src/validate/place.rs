//! A problem's place in words ("第2节“五区排名” › 第3行“PM10浓度”"), for readers who do not
//! count from 0 along a JSON pointer: the webmaster or editor reading a broken widget's list,
//! or the command-line tool's. The editor numbers its places with the same words (`step`).

use super::json::Value;

/// The sections, groups and entries `pointer` passes through in `root`, each with its number
/// (from 1) and name, in Chinese and in English; `None` outside any list (`/meta/title`). A
/// pointer to a member that is missing is placed as far as it goes.
pub fn place(root: &Value, pointer: &str) -> Option<(String, String)> {
    let mut at = root;
    let mut key = String::new();
    let (mut zh, mut en) = (Vec::new(), Vec::new());
    for token in pointer.split('/').skip(1) {
        let token = token.replace("~1", "/").replace("~0", "~");
        match at {
            Value::Array(items) => {
                let Some((index, entry)) = token.parse::<usize>().ok().and_then(|i| Some((i, items.get(i)?))) else {
                    break;
                };
                at = entry;
                let (step_zh, step_en) = step(&key, index + 1);
                let (name_zh, name_en) = match key.as_str() {
                    "ranks" => group_name(root, entry),
                    _ => name_of(entry),
                };
                zh.push(named(step_zh, &name_zh, ""));
                en.push(named(step_en, &name_en, " "));
            }
            Value::Object(_) => {
                let Some(member) = at.get(&token) else { break };
                at = member;
                key = token;
            }
            _ => break,
        }
    }
    (!zh.is_empty()).then(|| (zh.join(" › "), en.join(" › ")))
}

/// Puts each problem's place in words before its messages, for the payload `text` they were
/// found in (unchanged where it does not parse or a pointer is outside any list).
pub fn name_places(text: &str, problems: &mut [super::Problem]) {
    let text = super::without_bom(text);
    let in_a_list =
        |p: &super::Problem| p.pointer.split('/').any(|t| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()));
    if text.len() > super::MAX_PAYLOAD_BYTES || !problems.iter().any(in_a_list) {
        return;
    }
    let Ok(root) = super::json::parse(text) else { return };
    for problem in problems {
        if let Some((zh, en)) = place(&root, &problem.pointer) {
            problem.zh = format!("{zh}：{}", problem.zh);
            problem.en = format!("{en}: {}", problem.en);
        }
    }
}

/// "第3行" / "Row 3": the `n`th entry (from 1) of the list `key`, as the editor's form numbers
/// it too (`editor::strings::Strings::list_word`).
pub fn step(key: &str, n: usize) -> (String, String) {
    match key {
        "sections" => (format!("第{n}节"), format!("Section {n}")),
        "groups" => (format!("分组{n}"), format!("Group {n}")),
        "rows" => (format!("第{n}行"), format!("Row {n}")),
        "ranks" => (format!("排名{n}"), format!("Rank {n}")),
        "marked" => (format!("第{n}个月份"), format!("Month {n}")),
        "paragraphs" => (format!("第{n}段"), format!("Paragraph {n}")),
        _ => (format!("第{n}项"), format!("Item {n}")),
    }
}

fn named(step: String, name: &str, space: &str) -> String {
    if name.is_empty() {
        step
    } else {
        format!("{step}{space}“{name}”")
    }
}

/// An entry's title (a highlight's) or label in each language (the other where one is
/// blank), else its month, metric or id; on one line, and cut short if long.
fn name_of(v: &Value) -> (String, String) {
    for key in ["title", "label"] {
        let (zh, en) = text_of(v.get(key));
        if !zh.is_empty() || !en.is_empty() {
            let either = |a: &str, b: &str| short(if a.is_empty() { b } else { a });
            return (either(&zh, &en), either(&en, &zh));
        }
    }
    if let Some(m) = v.get("month").and_then(Value::as_u64) {
        return (format!("{m}月"), format!("month {m}"));
    }
    let id = ["metric", "id"].iter().find_map(|k| v.get(k).and_then(Value::as_str)).unwrap_or_default();
    (short(id), short(id))
}

/// A rank is named by its group's label ("五区"), found by the group's id.
fn group_name(root: &Value, rank: &Value) -> (String, String) {
    let Some(id) = rank.get("group").and_then(Value::as_str) else { return Default::default() };
    let group = match root.get("groups") {
        Some(Value::Array(groups)) => groups.iter().find(|g| g.get("id").and_then(Value::as_str) == Some(id)),
        _ => None,
    };
    match group {
        Some(g) => name_of(g),
        None => (short(id), short(id)),
    }
}

/// A text's Chinese and English, trimmed: a plain string is both.
fn text_of(text: Option<&Value>) -> (String, String) {
    match text {
        Some(Value::String(s)) => (s.trim().to_string(), s.trim().to_string()),
        Some(t @ Value::Object(_)) => {
            let part = |lang| t.get(lang).and_then(Value::as_str).unwrap_or_default().trim().to_string();
            (part("zh"), part("en"))
        }
        _ => Default::default(),
    }
}

/// A name as far as a reader needs it to find the entry, on one line (the tool prints a line per
/// problem): a label of thousands of characters, itself maybe the problem, is not written out
/// again before each message. Cut by width, not by count: 30 Chinese characters, or 60 letters
/// of English, which takes about half the room a Chinese character does.
fn short(name: &str) -> String {
    const MAX_WIDTH: usize = 60;
    // Without the invisible characters that garble text (a U+202E in the label turned the rest
    // of the message around it), which the message itself names.
    let shown: String = name.chars().filter(|c| !c.is_control() && !super::garbles(*c)).collect();
    let line = shown.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut width = 0;
    for (at, c) in line.char_indices() {
        width += if c.is_ascii() { 1 } else { 2 };
        if width > MAX_WIDTH {
            return format!("{}…", &line[..at]);
        }
    }
    line
}
