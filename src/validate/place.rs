//! A problem's place in words ("第2节“五区排名” › 第3项“PM10浓度”"), for readers who do not
//! count from 0 along a JSON pointer: the webmaster or editor reading a broken widget's list.

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
                let Some(entry) = token.parse().ok().and_then(|i: usize| items.get(i)) else { break };
                at = entry;
                let n = token.parse::<usize>().unwrap_or_default() + 1;
                let (word_zh, word_en) = match key.as_str() {
                    "sections" => ("节", "Section"),
                    "groups" => ("组", "Group"),
                    _ => ("项", "Entry"),
                };
                let (name_zh, name_en) = name_of(entry);
                let (name_zh, name_en) = (short(&name_zh), short(&name_en));
                zh.push(if name_zh.is_empty() {
                    format!("第{n}{word_zh}")
                } else {
                    format!("第{n}{word_zh}“{name_zh}”")
                });
                en.push(if name_en.is_empty() {
                    format!("{word_en} {n}")
                } else {
                    format!("{word_en} {n} “{name_en}”")
                });
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

/// An entry's title (a highlight's) or label in each language (the other where one is
/// blank), else its month, metric or id.
fn name_of(v: &Value) -> (String, String) {
    for key in ["title", "label"] {
        match v.get(key) {
            Some(Value::String(s)) if !s.trim().is_empty() => return (s.trim().to_string(), s.trim().to_string()),
            Some(text @ Value::Object(_)) => {
                let zh = text.get("zh").and_then(Value::as_str).unwrap_or_default().trim();
                let en = text.get("en").and_then(Value::as_str).unwrap_or_default().trim();
                if !zh.is_empty() || !en.is_empty() {
                    let either = |a: &str, b: &str| if a.is_empty() { b } else { a }.to_string();
                    return (either(zh, en), either(en, zh));
                }
            }
            _ => {}
        }
    }
    if let Some(m) = v.get("month").and_then(Value::as_u64) {
        return (format!("{m}月"), format!("month {m}"));
    }
    let id = ["metric", "id"].iter().find_map(|k| v.get(k).and_then(Value::as_str)).unwrap_or_default();
    (id.to_string(), id.to_string())
}

/// Puts each problem's place in words before its messages, for the payload `text` they were
/// found in (unchanged where it does not parse or a pointer is outside any list).
pub fn name_places(text: &str, problems: &mut [super::Problem]) {
    let Ok(root) = super::json::parse(text) else { return };
    for problem in problems {
        if let Some((zh, en)) = place(&root, &problem.pointer) {
            problem.zh = format!("{zh}：{}", problem.zh);
            problem.en = format!("{en}: {}", problem.en);
        }
    }
}

/// A name as far as a reader needs it to find the entry: a label of thousands of characters
/// (itself the problem, maybe) is not written out again in front of each message.
fn short(name: &str) -> String {
    const MAX: usize = 30;
    match name.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &name[..cut]),
        None => name.to_string(),
    }
}
