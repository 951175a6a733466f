//! Decoding a parsed JSON value into the model by hand, so that every problem is collected in
//! one pass with its JSON pointer, unknown fields become warnings naming the nearest known
//! field, and numbers keep their written form. (Hand-written rather than serde-derived: it
//! reports all problems, not the first, and costs far less WebAssembly.)

use super::json::{Map, Value};
use super::pointer::At;
use super::{Problem, Severity, MAX_LIST_ITEMS, MAX_STRING_CHARS};
use crate::model::*;

type Obj<'a> = &'a Map;
type Field<'a, T> = fn(&mut Decoder, &'a Value, &At) -> Option<T>;

/// Collects problems while decoding.
#[derive(Default)]
pub struct Decoder {
    pub problems: Vec<Problem>,
    /// The pointers of list entries that failed to decode and were left out, in order: the
    /// rules see the lists without them, and their problems' indices are restored from these.
    pub dropped: Vec<String>,
    /// Where the messages are: for a known field's pointer, the unknown key beside it that
    /// looks like it misspelt ("lable" at `/sections/0/items/1/label`), so that the error for
    /// the field missing names it. Found when the object's keys are read.
    #[cfg(feature = "messages")]
    misspelt: std::collections::HashMap<String, String>,
}

fn kind_of(v: &Value) -> (&'static str, &'static str) {
    match v {
        Value::Null => ("null", "null"),
        Value::Bool(_) => ("布尔值", "a boolean"),
        Value::Number(_) => ("数字", "a number"),
        Value::String(_) => ("文字", "a string"),
        Value::Array(_) => ("数组", "an array"),
        Value::Object(_) => ("对象", "an object"),
    }
}

/// Edit distance, for "did you mean" suggestions.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// The known name closest to `unknown`, if it is close enough to be a likely typo.
pub fn nearest<'f>(unknown: &str, known: &[&'f str]) -> Option<&'f str> {
    let lower = unknown.to_ascii_lowercase(); // field names are ASCII; Unicode case tables cost ~3.6 KB gzip
    known
        .iter()
        .map(|k| (distance(&lower, k), *k))
        .filter(|(d, k)| *d <= (k.chars().count() / 3).max(1) + 1)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// The warning for an unknown field `key` of an object whose fields are `fields`; `meant` is
/// its nearest known name (`nearest`), if any.
#[cfg(feature = "messages")]
fn unknown_field(key: &str, fields: &[&str], meant: Option<&str>) -> (String, String) {
    match meant {
        Some(n) => (
            text!("未知字段“{key}”（已忽略），是否应为“{n}”？"),
            text!("unknown field \"{key}\" (ignored); did you mean \"{n}\"?"),
        ),
        None => (
            text!("未知字段“{key}”（已忽略）；可用字段：{}", fields.join("、")),
            text!("unknown field \"{key}\" (ignored); known fields: {}", fields.join(", ")),
        ),
    }
}

/// The error for a value `s` that is none of `names`.
#[cfg(feature = "messages")]
fn invalid_value(s: &str, names: &[&str]) -> (String, String) {
    let hint =
        nearest(s, names).map(|n| (text!("，是否应为“{n}”？"), text!("; did you mean \"{n}\"?"))).unwrap_or_default();
    (
        text!("无效的值“{s}”，可用值：{}{}", names.join("、"), hint.0),
        text!("invalid value \"{s}\", expected one of: {}{}", names.join(", "), hint.1),
    )
}

#[cfg(not(feature = "messages"))]
fn invalid_value(_: &str, _: &[&str]) -> (String, String) {
    Default::default()
}

/// The error for a number written as a string, `s`: people copy figures from the report's text
/// ("98.5", "5,020余人次", "98.9%", "超过20万"), so the message says what to write instead,
/// read as the editor reads a spreadsheet cell. Worded for the editor's form as well as for
/// JSON: each part names the form's field and the JSON key.
///
/// What to do with a hedge or a unit depends on the field (`pointer`): only a metric's or a case
/// item's value (`…/items/N/value`) has a qualifier beside it; a resolved count is exact; a
/// bound is in its figure's unit.
#[cfg(feature = "messages")]
fn number_as_string(s: &str, pointer: &str) -> (String, String) {
    let found = (text!("应为数字，实际是文字“{s}”"), text!("expected a number, found the text \"{s}\""));
    // "3O", "1l": a letter typed for a digit, not a unit ("write 3, unit O" would spoil it).
    let trimmed = s.trim();
    let digits: String = trimmed
        .chars()
        .map(|c| match c {
            'O' | 'o' => '0',
            'l' | 'I' => '1',
            c => c,
        })
        .collect();
    if digits != trimmed && trimmed.contains(|c: char| c.is_ascii_digit()) && digits.parse::<f64>().is_ok() {
        return (
            text!("{}：其中有字母（O、o、l 或 I）打成了数字 0 或 1？应写数字 {digits}", found.0),
            text!("{}: a letter (O, o, l or I) typed for the digit 0 or 1? Write the number {digits}", found.1),
        );
    }
    // "12，5", "97,5": a comma for the decimal point (the editor's import says the same).
    if let Some(reading) = crate::format::figure::decimal_comma(trimmed) {
        // "96,8%": the advice for 96.8% (the number, and the unit in its own field).
        let read = match reading.parse::<f64>() {
            Ok(_) => (String::new(), String::new()),
            Err(_) => number_as_string(&reading, pointer),
        };
        let advice = (
            read.0.split_once("”：").map_or_else(|| text!("请写 {reading}"), |(_, advice)| advice.to_string()),
            read.1.split_once("\": ").map_or_else(|| text!("write {reading}"), |(_, advice)| advice.to_string()),
        );
        return (
            text!("{}：若是 {reading}（小数点写成了逗号），{}", found.0, advice.0),
            text!("{}: if it is {reading} (a comma for the decimal point), {}", found.1, advice.1),
        );
    }
    // "无", "—": what a table writes where it has no figure. Which is meant, none or not known,
    // only the report can say.
    if crate::format::figure::NO_FIGURE.contains(&trimmed) || ["没有", "空", "none"].contains(&trimmed) {
        return (
            text!("{}：若是“没有”（数量为零），写 0；若报告没有给出这个数字，请不填数值（排名表的行），或删去这一项", found.0),
            text!("{}: if it means none (zero), write 0; if the report gives no figure here, leave the value out (a ranking row) or remove the entry", found.1),
        );
    }
    let figure = crate::format::figure::parse_figure(s);
    let Some(number) = figure.number else { return found };
    // Two numbers ("3至5"), a date: no single figure to suggest.
    if figure.unit.as_deref().is_some_and(|u| u.contains(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c)))
    {
        return found;
    }
    if figure.qualifier.is_none() && figure.unit.is_none() {
        return (
            text!("{}：写成数字 {number}（不是文字）", found.0),
            text!("{}: write it as the number {number}, not as text", found.1),
        );
    }
    let mut tail = pointer.rsplit('/');
    let (field, parent, list) = (tail.next(), tail.next(), tail.next());
    match (field, parent) {
        // "98.9%" is a share, "1,230余" a hedge: neither is the count of cases resolved.
        (Some("resolved"), _) => {
            return (
                text!("{}：已办结数应是确切的件数（不带“余”“%”等），写成数字；报告只给出比例时，请不填已办结", found.0),
                text!("{}: the resolved figure is an exact count (no \"more than\", no \"%\"), written as a number; where the report gives only a share, leave it empty", found.1),
            )
        }
        (_, Some("bounds")) => {
            return (
                text!("{}：写成数字 {number}，与指标的数值同单位（上下限没有自己的单位）", found.0),
                text!("{}: write the number {number}, in the figure's own unit (bounds have no unit of their own)", found.1),
            )
        }
        _ => {}
    }
    let mut zh = vec![text!("数值写 {number}")];
    let mut en = vec![text!("write {number} as the value")];
    if let Some(qualifier) = figure.qualifier {
        if list == Some("items") {
            zh.push(text!(
                "限定词选“{}”（{qualifier}）",
                crate::format::figure::qualifier_words_zh(qualifier).unwrap_or(qualifier)
            ));
            en.push(text!(
                "choose the qualifier \"{}\"",
                crate::format::figure::qualifier_words_en(qualifier).unwrap_or(qualifier)
            ));
        } else {
            zh.push(text!("此处不能带限定词"));
            en.push(text!("no qualifier here"));
        }
    }
    if let Some(unit) = figure.unit {
        // "35万余" counts something: 万 alone is only its magnitude.
        if crate::format::figure::MAGNITUDES.iter().any(|(magnitude, ..)| *magnitude == unit) {
            zh.push(text!("单位写“{unit}”加上所计的单位（如“{unit}人”“{unit}元”）"));
            en.push(text!("unit \"{unit}\" with what is counted (\"{unit}人\", \"{unit}元\")"));
        } else {
            zh.push(text!("单位写“{unit}”"));
            en.push(text!("unit \"{unit}\""));
        }
    }
    (text!("{}：{}", found.0, zh.join("，")), text!("{}: {}", found.1, en.join(", ")))
}

/// A four-digit year written with a decimal point and zeros ("2021.0"), as that year.
#[cfg(feature = "messages")]
fn whole_year(v: &Value) -> Option<&str> {
    let Value::Number(n) = v else { return None };
    let (year, zeros) = n.split_once('.')?;
    (year.len() == 4
        && !year.starts_with('0')
        && zeros.bytes().all(|b| b == b'0')
        && year.bytes().all(|b| b.is_ascii_digit()))
    .then_some(year)
}

/// The error for a rank or count written as a string ("第1名", "3"): the number to write; for a
/// number that is no whole one ("98.5", a rate imported into a rank's column), that it is not.
#[cfg(feature = "messages")]
fn count_as_string(s: &str) -> (String, String) {
    let found = (text!("应为正整数，实际是文字“{s}”"), text!("expected a whole number ≥ 1, found the text \"{s}\""));
    let figure = crate::format::figure::parse_figure(s);
    // A bare number with a fraction: the only case where "not a whole number" is all there is
    // to say ("12%", "约3", "3月" and "-3" are not wrong only in their digits).
    let fraction = figure.number.clone().filter(|n| {
        figure.unit.is_none()
            && figure.qualifier.is_none()
            && !n.starts_with('-')
            && n.split_once('.').is_some_and(|(_, f)| f.bytes().any(|b| b != b'0'))
    });
    // "4月", "12个": a whole number with the word it counts, which the field does not take.
    const COUNTERS: &[&str] = &["个", "月", "名", "位", "件", "项", "次", "家", "人", "起", "批", "条", "处", "所"];
    let counted = figure.number.as_deref().filter(|n| {
        n.bytes().all(|b| b.is_ascii_digit())
            && figure.qualifier.is_none()
            && figure.unit.as_deref().is_some_and(|u| COUNTERS.contains(&u))
    });
    let whole = crate::format::figure::parse_rank(s).map(|n| n.to_string()).or(counted.map(str::to_string));
    match (whole, fraction) {
        (Some(n), _) => (
            text!("{}：写成数字 {n}（不是文字）", found.0),
            text!("{}: write it as the number {n}, not as text", found.1),
        ),
        (None, Some(n)) => (
            text!("{}：{n} 不是整数，这里应是名次或件数；是否放错了位置？", found.0),
            text!(
                "{}: {n} is not a whole number, and a place or a count goes here; is it in the wrong place?",
                found.1
            ),
        ),
        (None, None) => found,
    }
}

impl Decoder {
    pub fn error(&mut self, at: &At, zh: String, en: String) {
        self.problems.push(Problem { severity: Severity::Error, pointer: at.pointer(), position: None, zh, en });
    }

    #[inline(never)]
    fn expected(&mut self, v: &Value, at: &At, zh: &str, en: &str) {
        let (fzh, fen) = kind_of(v);
        match v {
            // The text itself, where it is short enough to read in a message ("2021年").
            #[cfg(feature = "messages")]
            Value::String(s) if s.chars().count() <= 40 => {
                // On one line: a problem is a line of the command-line tool's output.
                let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
                self.error(at, text!("应为{zh}，实际是文字“{s}”"), text!("expected {en}, found the text \"{s}\""))
            }
            _ => self.error(at, text!("应为{zh}，实际是{fzh}"), text!("expected {en}, found {fen}")),
        }
    }

    /// An object whose keys should be `fields`; other keys are warned about, not refused.
    pub fn object<'a>(&mut self, v: &'a Value, at: &At, fields: &[&str]) -> Option<Obj<'a>> {
        let Value::Object(map) = v else {
            self.expected(v, at, "对象", "an object");
            return None;
        };
        for key in map.keys().into_iter().filter(|k| !fields.contains(k)) {
            // The nearest known name, looked for once: for the warning, and for the error of
            // that field if it is missing.
            #[cfg(feature = "messages")]
            let (zh, en) = {
                let meant = nearest(key, fields);
                if let Some(meant) = meant {
                    self.misspelt.entry(at.key(meant).pointer()).or_insert_with(|| key.to_string());
                }
                if key == "qualifier" {
                    (
                        text!("这里的数字不能带限定词：否则会显示为不带“余”“超过”的确数。带限定词的数字（5020余、超过95%）请写成指标或案件统计的一项"),
                        text!("a figure here cannot carry a qualifier, and would be shown as exact, without it: a hedged figure (5020余, 超过95%) belongs in a metric or a case item"),
                    )
                } else {
                    unknown_field(key, fields, meant)
                }
            };
            #[cfg(not(feature = "messages"))]
            let (zh, en) = (String::new(), String::new());
            self.problems.push(Problem {
                // Other unknown fields are ignored with a warning; a hedge dropped would make the
                // figure beside it claim more than the report says.
                severity: if key == "qualifier" { Severity::Error } else { Severity::Warning },
                pointer: at.key(key).pointer(),
                position: None,
                zh,
                en,
            });
        }
        Some(map)
    }

    /// A field that must be present (and not null).
    pub fn req<'a, T>(&mut self, o: Obj<'a>, at: &At, key: &str, decode: Field<'a, T>) -> Option<T> {
        // Reported at the field's own pointer, so an editor can jump to where it belongs.
        let here = at.key(key);
        match o.get(key) {
            Some(Value::Null) => {
                self.missing(at, key, true);
                None
            }
            Some(v) => decode(self, v, &here),
            None => {
                self.missing(at, key, false);
                None
            }
        }
    }

    // The error paths below are out of line and not generic: `req` and `list` are instantiated
    // for every field type, and each copy of an inlined message cost the wasm its formatting code.
    #[inline(never)]
    fn missing(&mut self, at: &At, key: &str, null: bool) {
        let here = at.key(key);
        if null {
            self.error(&here, text!("必填字段“{key}”不能为 null"), text!("required field \"{key}\" must not be null"));
        } else {
            let (zh, en) = self.misspelt_as(&here, key);
            self.error(&here, text!("缺少必填字段“{key}”{zh}"), text!("missing required field \"{key}\"{en}"));
        }
    }

    /// The end of the error for a missing `key` at `here` where an unknown field beside it
    /// looks like `key` misspelt ("lable": its own warning says "did you mean label"), or
    /// nothing. The error names it too, as the likely fix, for a reader who sees only the
    /// errors (the widget's panel).
    #[cfg(feature = "messages")]
    fn misspelt_as(&self, here: &At, key: &str) -> (String, String) {
        match self.misspelt.get(&here.pointer()) {
            Some(k) => (text!("（字段“{k}”是否应为“{key}”？）"), text!(" (is \"{k}\" meant to be \"{key}\"?)")),
            None => Default::default(),
        }
    }

    #[cfg(not(feature = "messages"))]
    fn misspelt_as(&self, _: &At, _: &str) -> (&'static str, &'static str) {
        ("", "")
    }

    #[inline(never)]
    fn too_long(&mut self, at: &At, entries: usize) {
        self.error(
            at,
            text!("列表过长：{entries} 项，上限为 {MAX_LIST_ITEMS}"),
            text!("list too long: {entries} entries, the limit is {MAX_LIST_ITEMS}"),
        );
    }

    /// A field that may be absent or null. The outer `Option` is `None` when the field was
    /// present but invalid (the problem is recorded).
    pub fn opt<'a, T>(&mut self, o: Obj<'a>, at: &At, key: &str, decode: Field<'a, T>) -> Option<Option<T>> {
        match o.get(key) {
            None | Some(Value::Null) => Some(None),
            Some(v) => decode(self, v, &at.key(key)).map(Some),
        }
    }

    pub fn string(&mut self, v: &Value, at: &At) -> Option<String> {
        let Value::String(s) = v else {
            self.expected(v, at, "文字", "a string");
            return None;
        };
        let chars = s.chars().count();
        if chars > MAX_STRING_CHARS {
            self.error(
                at,
                text!("文字过长：{chars} 个字符，上限为 {MAX_STRING_CHARS}"),
                text!("text too long: {chars} characters, the limit is {MAX_STRING_CHARS}"),
            );
            return None;
        }
        // Characters that garble what is shown without being seen (U+202E before a label showed
        // its card's 4.73 as 37.4). An error, but the entry is kept: the rules still check the
        // rest of it.
        if s.chars().any(super::garbles) {
            // Only builds with the messages name the character and its place.
            #[cfg(feature = "messages")]
            let (zh, en) = {
                let (n, c) =
                    s.chars().zip(1..).find(|(c, _)| super::garbles(*c)).map_or((0, 0), |(c, n)| (n, c as u32));
                (
                    format!("第 {n} 个字符是看不见的控制字符 U+{c:04X}，会打乱显示：请删去"),
                    format!("character {n} is an invisible control character, U+{c:04X}, which garbles what is shown: remove it"),
                )
            };
            #[cfg(not(feature = "messages"))]
            let (zh, en) = (String::new(), String::new());
            self.error(at, zh, en);
        }
        Some(s.clone())
    }

    /// `"五区"` or `{"zh": "五区", "en": "districts"}`, never blank in Chinese (as the schema
    /// has it, for every text: an empty unit or note was shown as nothing at all).
    pub fn text(&mut self, v: &Value, at: &At) -> Option<Text> {
        let text = if matches!(v, Value::String(_)) {
            Text::new(self.string(v, at)?)
        } else if matches!(v, Value::Object(_)) {
            let o = self.object(v, at, &["zh", "en"])?;
            let zh = self.req(o, at, "zh", Self::string);
            let en = self.opt(o, at, "en", Self::string);
            Text { zh: zh?, en: en? }
        } else {
            self.expected(v, at, "文字或 {\"zh\", \"en\"} 对象", "a string or a {\"zh\", \"en\"} object");
            return None;
        };
        if text.is_blank() {
            // An error, but the entry is kept: the rules still check the rest of it.
            self.error(at, text!("文字不能为空"), text!("the text must not be empty"));
        }
        Some(text)
    }

    pub fn decimal(&mut self, v: &Value, at: &At) -> Option<Decimal> {
        let n = match v {
            Value::Number(n) => n,
            // Only builds with the messages say more than `expected` would (the same place).
            #[cfg(feature = "messages")]
            Value::String(s) => {
                let (zh, en) = number_as_string(s, &at.pointer());
                self.error(at, zh, en);
                return None;
            }
            _ => {
                self.expected(v, at, "数字", "a number");
                return None;
            }
        };
        let written = n.to_string();
        let parsed = Decimal::parse(&written);
        if parsed.is_none() {
            // Plain digits fail only where they are too many to be read (401 of them).
            let (zh, en) = if written.contains(['e', 'E']) {
                (
                    text!("数字 {written} 应写成普通小数（如 8.2 或 1813.4469），不要用指数"),
                    text!("the number {written} must be written as plain digits (like 8.2 or 1813.4469), without exponent"),
                )
            } else {
                (
                    text!("数字 {written} 位数过多，无法读取"),
                    text!("the number {written} has too many digits to be read"),
                )
            };
            self.error(at, zh, en);
        }
        parsed
    }

    /// A whole number from 0 to u32::MAX (ranks, sizes, months). Each such field starts at 1, so
    /// the messages ask for a whole number ≥ 1 (0 is read, and refused by the rules in words of
    /// its field: "至少为 1", "应在 1 到 5 之间"; "non-negative" told -7 and 0 apart wrongly).
    pub fn count(&mut self, v: &Value, at: &At) -> Option<u32> {
        match (v.as_u64().and_then(|n| u32::try_from(n).ok()), v) {
            (Some(n), _) => Some(n),
            // Only builds with the messages say more than `expected` would (the same place).
            #[cfg(feature = "messages")]
            (None, Value::String(s)) => {
                let (zh, en) = count_as_string(s);
                self.error(at, zh, en);
                None
            }
            // "-1", "2.5": the number itself, not only its kind; a whole number too large says so.
            #[cfg(feature = "messages")]
            (None, Value::Number(n)) => {
                // "2.0": a whole number, written as a spreadsheet or a script may write it.
                let whole = n
                    .split_once('.')
                    .filter(|(w, z)| !w.starts_with('-') && !z.is_empty() && z.bytes().all(|b| b == b'0'))
                    .map(|(w, _)| w);
                if v.as_u64().is_some() || whole.is_some_and(|w| w.parse::<u32>().is_err()) {
                    self.error(
                        at,
                        text!("数字 {n} 过大，最大为 {}", u32::MAX),
                        text!("the number {n} is too large (at most {})", u32::MAX),
                    );
                } else if let Some(whole) = whole {
                    self.error(
                        at,
                        text!("应写成整数 {whole}，不带小数点（实际是 {n}）"),
                        text!("write the whole number {whole} without a decimal point (found {n})"),
                    );
                } else {
                    self.error(at, text!("应为正整数，实际是 {n}"), text!("expected a whole number ≥ 1, found {n}"));
                }
                None
            }
            (None, _) => {
                self.expected(v, at, "正整数", "a whole number ≥ 1");
                None
            }
        }
    }

    pub fn year(&mut self, v: &Value, at: &At) -> Option<i32> {
        match v.as_i64().filter(|y| (1000..=9999).contains(y)) {
            Some(y) => Some(y as i32),
            None => {
                // "2021.0", as a spreadsheet or a script may write it: the year to write.
                #[cfg(feature = "messages")]
                if let Some(year) = whole_year(v) {
                    self.error(
                        at,
                        text!("年份应写成整数 {year}，不带小数点"),
                        text!("write the year as the whole number {year}, without a decimal point"),
                    );
                    return None;
                }
                self.expected(v, at, "四位年份", "a four-digit year");
                None
            }
        }
    }

    pub fn boolean(&mut self, v: &Value, at: &At) -> Option<bool> {
        match v {
            Value::Bool(b) => Some(*b),
            _ => {
                self.expected(v, at, "布尔值 true 或 false", "true or false");
                None
            }
        }
    }

    pub fn one_of<T: Copy>(&mut self, v: &Value, at: &At, options: &[(&str, T)]) -> Option<T> {
        let names = || options.iter().map(|(n, _)| *n).collect::<Vec<&str>>();
        let Value::String(s) = v else {
            self.expected(v, at, &text!("以下之一：{}", names().join("、")), &text!("one of: {}", names().join(", ")));
            return None;
        };
        if let Some((_, t)) = options.iter().find(|(n, _)| n == s) {
            return Some(*t);
        }
        let (zh, en) = invalid_value(s, &names());
        self.error(at, zh, en);
        None
    }

    /// Records that entry `index` of the list at `at` failed to decode (out of line: every
    /// list's item type would have its own copy).
    #[inline(never)]
    fn drop_entry(&mut self, at: &At, index: usize) {
        self.dropped.push(at.index(index).pointer());
    }

    /// A list whose items are decoded with `item`; items that fail are left out (their
    /// problems are recorded, and their places in `dropped`).
    pub fn list<'a, T>(&mut self, v: &'a Value, at: &At, item: Field<'a, T>) -> Option<Vec<T>> {
        let Value::Array(values) = v else {
            self.expected(v, at, "数组", "an array");
            return None;
        };
        if values.len() > MAX_LIST_ITEMS {
            self.too_long(at, values.len());
            return None;
        }
        let mut out = Vec::new();
        for (i, v) in values.iter().enumerate() {
            match item(self, v, &at.index(i)) {
                Some(decoded) => out.push(decoded),
                None => self.drop_entry(at, i),
            }
        }
        Some(out)
    }
}

// Field lists: the decoders below accept exactly these; tests compare them with the JSON Schema.
pub const REPORT_FIELDS: &[&str] = &["$schema", "schema", "meta", "groups", "sections"];
pub const META_FIELDS: &[&str] = &["title", "publisher", "date", "period", "source_url", "synthetic", "note"];
pub const GROUP_FIELDS: &[&str] = &["id", "label", "size"];
pub const METRIC_FIELDS: &[&str] =
    &["id", "label", "value", "unit", "qualifier", "direction", "bounds", "change", "ranks", "note", "source"];
pub const BOUNDS_FIELDS: &[&str] = &["min", "max"];
pub const CHANGE_FIELDS: &[&str] = &["value", "kind", "basis", "unit"];
pub const RANK_FIELDS: &[&str] = &["group", "position", "basis"];
pub const RANKING_FIELDS: &[&str] = &["group", "row_heading", "value_heading", "rows"];
pub const RANKING_ROW_FIELDS: &[&str] = &["metric", "label", "value", "unit", "value_rank", "change_rank"];
pub const CASE_ITEM_FIELDS: &[&str] = &["id", "label", "value", "unit", "qualifier", "resolved", "note", "source"];
pub const CALENDAR_FIELDS: &[&str] = &["year", "label", "marked", "source"];
pub const MARKED_MONTH_FIELDS: &[&str] = &["month", "reward"];
pub const AMOUNT_FIELDS: &[&str] = &["value", "unit"];
pub const ITEMS_FIELDS: &[&str] = &["items"];
pub const HIGHLIGHT_FIELDS: &[&str] = &["title", "text"];
pub const NARRATIVE_FIELDS: &[&str] = &["paragraphs"];

/// The payload's qualifier names and what each means.
pub const QUALIFIERS: &[(&str, Qualifier)] = &[
    ("more_than", Qualifier::MoreThan),
    ("over", Qualifier::Over),
    ("at_least", Qualifier::AtLeast),
    ("about", Qualifier::About),
    ("less_than", Qualifier::LessThan),
    ("nearly", Qualifier::Nearly),
];
/// The payload's directions (which way is better) and what each means.
pub const DIRECTIONS: &[(&str, Direction)] = &[
    ("higher_is_better", Direction::HigherIsBetter),
    ("lower_is_better", Direction::LowerIsBetter),
    ("neutral", Direction::Neutral),
];
/// The payload's kinds of change and what each means.
pub const CHANGE_KINDS: &[(&str, ChangeKind)] =
    &[("percent", ChangeKind::Percent), ("points", ChangeKind::Points), ("absolute", ChangeKind::Absolute)];
const RANK_BASES: &[(&str, RankBasis)] = &[("value", RankBasis::Value), ("change", RankBasis::Change)];

/// The fields a section of `kind` accepts: the common ones and the kind's own.
pub fn section_fields(kind: SectionKind) -> Vec<&'static str> {
    let own: &[&str] = match kind {
        SectionKind::Metrics | SectionKind::CaseStats | SectionKind::Highlights => ITEMS_FIELDS,
        SectionKind::Ranking => RANKING_FIELDS,
        SectionKind::Calendar => CALENDAR_FIELDS,
        SectionKind::Narrative => NARRATIVE_FIELDS,
    };
    SECTION_FIELDS.iter().chain(own).copied().collect()
}

pub fn report(d: &mut Decoder, v: &Value) -> Option<Report> {
    let at = &At::ROOT;
    let o = d.object(v, at, REPORT_FIELDS)?;
    let schema = d.req(o, at, "schema", Decoder::string);
    let meta = d.req(o, at, "meta", meta);
    let groups = d.opt(o, at, "groups", |d, v, at| d.list(v, at, group));
    let sections = d.req(o, at, "sections", |d, v, at| d.list(v, at, section));
    Some(Report { schema: schema?, meta: meta?, groups: groups?.unwrap_or_default(), sections: sections? })
}

fn meta(d: &mut Decoder, v: &Value, at: &At) -> Option<Meta> {
    let o = d.object(v, at, META_FIELDS)?;
    let title = d.req(o, at, "title", Decoder::text);
    let publisher = d.req(o, at, "publisher", Decoder::text);
    let date = d.req(o, at, "date", Decoder::string);
    let period = d.opt(o, at, "period", Decoder::text);
    let source_url = d.opt(o, at, "source_url", Decoder::string);
    let synthetic = d.opt(o, at, "synthetic", Decoder::boolean);
    let note = d.opt(o, at, "note", Decoder::text);
    Some(Meta {
        title: title?,
        publisher: publisher?,
        date: date?,
        period: period?,
        source_url: source_url?,
        synthetic: synthetic?.unwrap_or(false),
        note: note?,
    })
}

fn group(d: &mut Decoder, v: &Value, at: &At) -> Option<Group> {
    let o = d.object(v, at, GROUP_FIELDS)?;
    let id = d.req(o, at, "id", Decoder::string);
    let label = d.req(o, at, "label", Decoder::text);
    let size = d.req(o, at, "size", Decoder::count);
    Some(Group { id: id?, label: label?, size: size? })
}

// Out of line (and `metric` too): inlined into the report's decoder, they cost the wasm 116 B
// gzip more.
#[inline(never)]
fn section(d: &mut Decoder, v: &Value, at: &At) -> Option<Section> {
    // The kind decides which fields are known, so read it before judging the others.
    let kind_value = v.get("kind");
    let kind = match kind_value {
        Some(k) => d.one_of(k, &at.key("kind"), &SectionKind::ALL),
        None => None,
    };
    // Without a valid kind, any kind's fields may be meant: warn only about fields no kind has.
    let fields = match kind {
        Some(kind) => section_fields(kind),
        None => SectionKind::ALL.iter().flat_map(|(_, k)| section_fields(*k)).collect(),
    };
    let o = d.object(v, at, &fields)?;
    if kind_value.is_none() {
        d.error(&at.key("kind"), text!("缺少必填字段“kind”"), text!("missing required field \"kind\""));
    }
    let id = d.req(o, at, "id", Decoder::string);
    let title = d.req(o, at, "title", Decoder::text);
    let intro = d.opt(o, at, "intro", Decoder::text);
    let body = match kind? {
        SectionKind::Metrics => {
            SectionBody::Metrics(MetricsBody { items: d.req(o, at, "items", |d, v, at| d.list(v, at, metric))? })
        }
        SectionKind::Ranking => {
            let group = d.req(o, at, "group", Decoder::string);
            let row_heading = d.opt(o, at, "row_heading", Decoder::text);
            let value_heading = d.opt(o, at, "value_heading", Decoder::text);
            let rows = d.req(o, at, "rows", |d, v, at| d.list(v, at, ranking_row));
            SectionBody::Ranking(RankingBody {
                group: group?,
                row_heading: row_heading?,
                value_heading: value_heading?,
                rows: rows?,
            })
        }
        SectionKind::CaseStats => {
            SectionBody::CaseStats(CaseStatsBody { items: d.req(o, at, "items", |d, v, at| d.list(v, at, case_item))? })
        }
        SectionKind::Calendar => {
            let year = d.req(o, at, "year", Decoder::year);
            let label = d.req(o, at, "label", Decoder::text);
            let marked = d.req(o, at, "marked", |d, v, at| d.list(v, at, marked_month));
            let source = d.opt(o, at, "source", Decoder::text);
            SectionBody::Calendar(CalendarBody { year: year?, label: label?, marked: marked?, source: source? })
        }
        SectionKind::Highlights => SectionBody::Highlights(HighlightsBody {
            items: d.req(o, at, "items", |d, v, at| d.list(v, at, highlight))?,
        }),
        SectionKind::Narrative => SectionBody::Narrative(NarrativeBody {
            paragraphs: d.req(o, at, "paragraphs", |d, v, at| d.list(v, at, Decoder::text))?,
        }),
    };
    Some(Section { id: id?, title: title?, intro: intro?, body })
}

#[inline(never)]
fn metric(d: &mut Decoder, v: &Value, at: &At) -> Option<Metric> {
    let o = d.object(v, at, METRIC_FIELDS)?;
    let id = d.req(o, at, "id", Decoder::string);
    let label = d.req(o, at, "label", Decoder::text);
    let value = d.req(o, at, "value", Decoder::decimal);
    let unit = d.opt(o, at, "unit", Decoder::text);
    let qualifier = d.opt(o, at, "qualifier", |d, v, at| d.one_of(v, at, QUALIFIERS));
    let direction = d.opt(o, at, "direction", |d, v, at| d.one_of(v, at, DIRECTIONS));
    let bounds = d.opt(o, at, "bounds", bounds);
    let change = d.opt(o, at, "change", change);
    let ranks = d.opt(o, at, "ranks", |d, v, at| d.list(v, at, rank));
    let note = d.opt(o, at, "note", Decoder::text);
    let source = d.opt(o, at, "source", Decoder::text);
    Some(Metric {
        id: id?,
        label: label?,
        value: value?,
        unit: unit?,
        qualifier: qualifier?,
        direction: direction?.unwrap_or_default(),
        bounds: bounds?,
        change: change?,
        ranks: ranks?.unwrap_or_default(),
        note: note?,
        source: source?,
    })
}

fn bounds(d: &mut Decoder, v: &Value, at: &At) -> Option<Bounds> {
    let o = d.object(v, at, BOUNDS_FIELDS)?;
    let min = d.opt(o, at, "min", Decoder::decimal);
    let max = d.opt(o, at, "max", Decoder::decimal);
    Some(Bounds { min: min?, max: max? })
}

fn change(d: &mut Decoder, v: &Value, at: &At) -> Option<Change> {
    let o = d.object(v, at, CHANGE_FIELDS)?;
    let value = d.req(o, at, "value", change_value);
    // Said in the words of the choice to make (the same one problem as `req`'s, in every build).
    let kind = match o.get("kind") {
        None => {
            d.error(
                &at.key("kind"),
                text!("缺少变化的类型：选“百分比”（percent）、“百分点”（points）或“绝对值”（absolute）"),
                text!("missing the change's kind: choose percent, points or absolute"),
            );
            None
        }
        Some(_) => d.req(o, at, "kind", |d, v, at| d.one_of(v, at, CHANGE_KINDS)),
    };
    let basis = d.opt(o, at, "basis", Decoder::text);
    let unit = d.opt(o, at, "unit", Decoder::text);
    Some(Change { value: value?, kind: kind?, basis: basis?, unit: unit? })
}

/// A change kind's name in the editor's Chinese.
#[cfg(feature = "messages")]
fn kind_name(kind: &str) -> &'static str {
    match kind {
        "percent" => "百分比",
        "points" => "百分点",
        _ => "绝对值",
    }
}

/// A change's value. Written as text with a per cent sign ("+12.5%"), the sign is the change's
/// kind, not a unit: the message says so (one problem, as `decimal`'s, in every build).
fn change_value(d: &mut Decoder, v: &Value, at: &At) -> Option<Decimal> {
    #[cfg(feature = "messages")]
    if let Value::String(s) = v {
        // As the report words it ("同比下降5.1个百分点"): the sign from the words, the kind from
        // the unit.
        if let Some((number, kind, unit)) = crate::format::figure::parse_change(s) {
            let (unit_zh, unit_en) = match &unit {
                Some(u) => (text!("，单位写“{u}”"), text!(", and \"{u}\" as its unit")),
                None => (String::new(), String::new()),
            };
            let (kind_zh, kind_en) = match kind {
                Some(kind) => (
                    text!("，变化的类型选“{}”（{kind}）", kind_name(kind)),
                    text!(", and choose {kind} as the change's kind"),
                ),
                None => (String::new(), String::new()),
            };
            d.error(
                at,
                text!("应为数字，实际是文字“{s}”：变化值写 {number}（下降为负数）{kind_zh}{unit_zh}"),
                text!("expected a number, found the text \"{s}\": write {number} as the value (a fall is negative){kind_en}{unit_en}"),
            );
            return None;
        }
        // "+12.5%", "-3.2个百分点": the sign is the value's, the unit says the kind.
        let figure = crate::format::figure::parse_figure(s);
        let kind = match figure.unit.as_deref() {
            Some("%") => Some("percent"),
            Some("个百分点" | "百分点") => Some("points"),
            _ => None,
        };
        if let (Some(number), None, Some(kind)) = (&figure.number, figure.qualifier, kind) {
            d.error(
                at,
                text!("应为数字，实际是文字“{s}”：变化值写 {number}，变化的类型选“{}”（{kind}）", kind_name(kind)),
                text!("expected a number, found the text \"{s}\": write {number} as the value, and choose {kind} as the change's kind"),
            );
            return None;
        }
    }
    d.decimal(v, at)
}

fn rank(d: &mut Decoder, v: &Value, at: &At) -> Option<Rank> {
    let o = d.object(v, at, RANK_FIELDS)?;
    let group = d.req(o, at, "group", Decoder::string);
    let position = d.req(o, at, "position", Decoder::count);
    let basis = d.opt(o, at, "basis", |d, v, at| d.one_of(v, at, RANK_BASES));
    Some(Rank { group: group?, position: position?, basis: basis?.unwrap_or_default() })
}

fn ranking_row(d: &mut Decoder, v: &Value, at: &At) -> Option<RankingRow> {
    let o = d.object(v, at, RANKING_ROW_FIELDS)?;
    let metric = d.opt(o, at, "metric", Decoder::string);
    let label = d.opt(o, at, "label", Decoder::text);
    let value = d.opt(o, at, "value", Decoder::decimal);
    let unit = d.opt(o, at, "unit", Decoder::text);
    let value_rank = d.opt(o, at, "value_rank", Decoder::count);
    let change_rank = d.opt(o, at, "change_rank", Decoder::count);
    Some(RankingRow {
        metric: metric?,
        label: label?,
        value: value?,
        unit: unit?,
        value_rank: value_rank?,
        change_rank: change_rank?,
    })
}

fn case_item(d: &mut Decoder, v: &Value, at: &At) -> Option<CaseItem> {
    let o = d.object(v, at, CASE_ITEM_FIELDS)?;
    let id = d.req(o, at, "id", Decoder::string);
    let label = d.req(o, at, "label", Decoder::text);
    let value = d.req(o, at, "value", Decoder::decimal);
    let unit = d.opt(o, at, "unit", Decoder::text);
    let qualifier = d.opt(o, at, "qualifier", |d, v, at| d.one_of(v, at, QUALIFIERS));
    let resolved = d.opt(o, at, "resolved", Decoder::decimal);
    let note = d.opt(o, at, "note", Decoder::text);
    let source = d.opt(o, at, "source", Decoder::text);
    Some(CaseItem {
        id: id?,
        label: label?,
        value: value?,
        unit: unit?,
        qualifier: qualifier?,
        resolved: resolved?,
        note: note?,
        source: source?,
    })
}

fn marked_month(d: &mut Decoder, v: &Value, at: &At) -> Option<MarkedMonth> {
    let o = d.object(v, at, MARKED_MONTH_FIELDS)?;
    let month = d.req(o, at, "month", Decoder::count);
    let reward = d.opt(o, at, "reward", amount);
    Some(MarkedMonth { month: month?, reward: reward? })
}

fn amount(d: &mut Decoder, v: &Value, at: &At) -> Option<Amount> {
    let o = d.object(v, at, AMOUNT_FIELDS)?;
    let value = d.req(o, at, "value", Decoder::decimal);
    let unit = d.opt(o, at, "unit", Decoder::text);
    Some(Amount { value: value?, unit: unit? })
}

fn highlight(d: &mut Decoder, v: &Value, at: &At) -> Option<Highlight> {
    let o = d.object(v, at, HIGHLIGHT_FIELDS)?;
    let title = d.req(o, at, "title", Decoder::text);
    let text = d.req(o, at, "text", Decoder::text);
    Some(Highlight { title: title?, text: text? })
}
