//! Parsing and validation: payload text in, a checked `Report` (or every problem found, each
//! with its JSON pointer and a Chinese and English message) out.

/// A problem's message. Formatted in builds with the `messages` feature (the default: the
/// command-line tool, the editor, the on-demand module, the tests). The widget's own wasm is
/// built without it: every message the rules and the decoder write stays out of that file
/// (3 KB gzip), and a payload with problems has them described by the on-demand module
/// (`embed::messages`), which validates the same text again with its messages.
macro_rules! text {
    ($($arg:tt)*) => {{
        #[cfg(feature = "messages")]
        let text = format!($($arg)*);
        #[cfg(not(feature = "messages"))]
        let text = {
            if false {
                // Keeps the arguments used (no warnings); never runs, so never linked.
                let _ = format_args!($($arg)*);
            }
            String::new()
        };
        text
    }};
}

#[cfg(any(not(target_arch = "wasm32"), feature = "editor"))]
mod advice;
#[cfg(any(not(target_arch = "wasm32"), feature = "editor"))]
pub use advice::advice;
pub mod decode;
pub mod json;
pub mod place;
pub mod pointer;

use crate::model::{
    CalendarBody, CaseItem, ChangeKind, Decimal, Group, Lang, Metric, RankingRow, Report, SectionBody, Text, SCHEMA_V1,
};
use pointer::At;

/// Payloads larger than this are refused before parsing.
pub const MAX_PAYLOAD_BYTES: usize = 2 * 1024 * 1024;
/// Longest string accepted anywhere in a payload, in characters.
pub const MAX_STRING_CHARS: usize = 5_000;
/// Longest list accepted anywhere in a payload (sections, items, rows…).
pub const MAX_LIST_ITEMS: usize = 20_000;

/// How serious a problem is: errors stop rendering, warnings do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// One thing wrong with a payload, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    /// JSON pointer to the offending value (`/sections/2/items/5/value`); `/` is the whole payload.
    pub pointer: String,
    /// Line and column (1-based) for JSON syntax errors.
    pub position: Option<(usize, usize)>,
    pub zh: String,
    pub en: String,
}

impl Problem {
    pub fn error(pointer: impl Into<String>, zh: impl Into<String>, en: impl Into<String>) -> Self {
        Problem { severity: Severity::Error, pointer: pointer.into(), position: None, zh: zh.into(), en: en.into() }
    }

    pub fn warning(pointer: impl Into<String>, zh: impl Into<String>, en: impl Into<String>) -> Self {
        Problem { severity: Severity::Warning, ..Problem::error(pointer, zh, en) }
    }

    pub fn message(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }

    /// `line 3, column 7` or the JSON pointer, for messages.
    pub fn location(&self) -> String {
        self.location_in(Lang::En)
    }

    /// [`Problem::location`] in `lang`: `第 3 行第 7 列` in Chinese.
    pub fn location_in(&self, lang: Lang) -> String {
        match (self.position, lang) {
            (Some((line, column)), Lang::Zh) => format!("第 {line} 行第 {column} 列"),
            (Some((line, column)), Lang::En) => format!("line {line}, column {column}"),
            // The whole payload (an array where an object is expected): "" is its JSON pointer,
            // which would read as nothing in a message.
            (None, _) if self.pointer.is_empty() => "/".to_string(),
            (None, _) => self.pointer.clone(),
        }
    }
}

/// Why a payload cannot be shown.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PayloadError {
    /// The text is not well-formed JSON.
    #[error("the payload is not valid JSON: {message} (line {line}, column {column})")]
    Syntax { line: usize, column: usize, message: String, hint: json::Hint },
    /// The payload is larger than the widget accepts.
    #[error("the payload is {bytes} bytes, more than the limit of {limit} bytes")]
    TooLarge { bytes: usize, limit: usize },
    /// The payload is JSON but breaks the format's rules.
    #[error("the payload has {} problem(s); the first: {}: {}", .0.len(), .0.first().map(|p| p.location()).unwrap_or_default(), .0.first().map(|p| p.en.as_str()).unwrap_or_default())]
    Invalid(Vec<Problem>),
}

impl From<json::SyntaxError> for PayloadError {
    fn from(e: json::SyntaxError) -> PayloadError {
        PayloadError::Syntax { line: e.line, column: e.column, message: e.message, hint: e.hint }
    }
}

impl PayloadError {
    /// Every problem, including the single one of a syntax or size error.
    pub fn problems(&self) -> Vec<Problem> {
        match self {
            PayloadError::Syntax { line, column, message, hint } => {
                #[cfg(feature = "messages")]
                let (zh, en) = json::describe(message, hint);
                #[cfg(feature = "messages")]
                let (zh, en) = (format!("JSON 语法错误：{zh}"), format!("JSON syntax error: {en}"));
                // Without the messages (no words, no hints), the on-demand module describes the
                // error; where it cannot be loaded, the error's place is what the reader gets.
                #[cfg(not(feature = "messages"))]
                let (zh, en) = {
                    let _ = (message, hint);
                    ("JSON 语法错误", "JSON syntax error")
                };
                // The line and column are the problem's place (`position`), shown beside it.
                vec![Problem { position: Some((*line, *column)), ..Problem::error("/", zh, en) }]
            }
            // In megabytes where the messages are (the editor, the tool, the on-demand module):
            // the size a person sees for the file.
            #[cfg(feature = "messages")]
            PayloadError::TooLarge { bytes, limit } => {
                // Rounded up to 0.1 MB: a size just over the limit never reads as equal to it. In
                // whole numbers: formatting a float would link a float printer (8 KB gzip).
                let mb = |n: &usize| {
                    let tenths = (n * 10).div_ceil(1_048_576);
                    match tenths % 10 {
                        0 => format!("{}", tenths / 10),
                        d => format!("{}.{d}", tenths / 10),
                    }
                };
                vec![Problem::error(
                    "/",
                    format!("数据过大：{} MB（{bytes} 字节），上限为 {} MB（{limit} 字节）", mb(bytes), mb(limit)),
                    format!(
                        "payload too large: {} MB ({bytes} bytes), the limit is {} MB ({limit} bytes)",
                        mb(bytes),
                        mb(limit)
                    ),
                )]
            }
            #[cfg(not(feature = "messages"))]
            PayloadError::TooLarge { bytes, limit } => vec![Problem::error(
                "/",
                format!("数据过大：{bytes} 字节，上限为 {limit} 字节"),
                format!("payload too large: {bytes} bytes, the limit is {limit} bytes"),
            )],
            PayloadError::Invalid(problems) => problems.clone(),
        }
    }
}

/// A valid report and the warnings (unknown fields) found on the way.
#[derive(Clone, Debug, PartialEq)]
pub struct Checked {
    pub report: Report,
    pub warnings: Vec<Problem>,
}

/// Parses and validates payload text.
pub fn load(text: &str) -> Result<Report, PayloadError> {
    load_checked(text).map(|c| c.report)
}

/// `text` without a byte order mark at its start: not part of the text, as browsers drop it from
/// a fetched file (a payload pasted into the page from a file Notepad saved keeps it).
pub fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Parses and validates payload text, keeping the warnings.
pub fn load_checked(text: &str) -> Result<Checked, PayloadError> {
    let text = without_bom(text);
    if text.len() > MAX_PAYLOAD_BYTES {
        return Err(PayloadError::TooLarge { bytes: text.len(), limit: MAX_PAYLOAD_BYTES });
    }
    let value = json::parse(text).map_err(PayloadError::from)?;
    check_json(&value)
}

/// Validates an already parsed payload.
pub fn from_value(value: &serde_json::Value) -> Result<Report, PayloadError> {
    check_value(value).map(|c| c.report)
}

/// Decodes and checks a payload parsed by serde_json (the editor, tools and tests).
pub fn check_value(value: &serde_json::Value) -> Result<Checked, PayloadError> {
    check_json(&json::Value::from(value))
}

/// Decodes and checks a parsed payload, collecting every problem in one pass: a wrong schema
/// version, type errors and missing fields everywhere, then the rules beyond types.
pub fn check_json(value: &json::Value) -> Result<Checked, PayloadError> {
    let mut decoder = decode::Decoder::default();
    if let Some(schema) = value.get("schema").and_then(json::Value::as_str) {
        if !is_supported_schema(schema) {
            // A different major version may mean anything: refuse before judging its fields.
            return Err(PayloadError::Invalid(vec![Problem::error(
                "/schema",
                text!("不支持的数据格式版本“{schema}”：本组件读取“{SCHEMA_V1}”"),
                text!("unsupported format version \"{schema}\": this widget reads \"{SCHEMA_V1}\""),
            )]));
        }
    }
    let report = decode::report(&mut decoder, value);
    let mut problems = std::mem::take(&mut decoder.problems);
    // An entry that failed to decode is left out (a blank text is an error, but keeps its entry).
    let dropped = &decoder.dropped;
    let known =
        Known { groups: !dropped.iter().any(|d| d.starts_with("/groups/")), metrics: dropped.is_empty(), dropped };
    // Past a hundred entries that failed to decode, the rules wait until those are mended:
    // restoring each rule problem's place looks through every failed entry.
    if let Some(report) = report.as_ref().filter(|_| decoder.dropped.len() <= 100) {
        let rules = check_rules(report, known);
        problems.extend(rules.into_iter().map(|mut p| {
            if !decoder.dropped.is_empty() {
                p.pointer = restore_indices(&p.pointer, &decoder.dropped);
            }
            p
        }));
    }
    let failed = report.is_none() || problems.iter().any(|p| p.severity == Severity::Error);
    match report {
        Some(report) if !failed => Ok(Checked { report, warnings: problems }),
        _ => Err(PayloadError::Invalid(problems)),
    }
}

/// Whether a character garbles what is shown without being seen: a control character (a tab
/// and line breaks aside), or one that turns the direction of the text after it (U+202A–E,
/// U+2066–9). Refused in any text, and left out where a message quotes one.
pub(crate) fn garbles(c: char) -> bool {
    matches!(c, '\0'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `report-widget/1` and any `report-widget/1.x` are read; other major versions are refused.
pub fn is_supported_schema(schema: &str) -> bool {
    match schema.strip_prefix("report-widget/") {
        // As the schema's pattern: `1`, or `1.` and digits (not `1.beta`, `1.2.3`, `12`).
        Some(version) => version.strip_prefix('1').is_some_and(|minor| {
            minor.is_empty()
                || minor.strip_prefix('.').is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
        }),
        None => false,
    }
}

/// Which references can be judged after decoding: where something failed to decode, the
/// groups or metrics it held are missing, and a reference to them is not reported as
/// unresolved (that would only mislead).
#[derive(Clone, Copy)]
struct Known<'d> {
    /// Every group decoded.
    groups: bool,
    /// Everything decoded, so every metric too.
    metrics: bool,
    /// The entries that failed to decode ([`decode::Decoder::dropped`]): a place the rules name
    /// in a message (an id's first use) is restored with them.
    dropped: &'d [String],
}

/// `pointer`, found by the rules in lists that lack the entries that failed to decode (the
/// pointers in `dropped`), with each list index turned back into the entry's place in the
/// payload: the third entry that decoded, after one that did not, is `/3`, not `/2`.
fn restore_indices(pointer: &str, dropped: &[String]) -> String {
    let mut out = String::new();
    for token in pointer.split('/').skip(1) {
        out.push('/');
        match list_index(token) {
            Some(mut index) => {
                // `dropped` lists each list's entries in ascending order.
                for hole in dropped.iter().filter_map(|d| list_index(d.strip_prefix(out.as_str())?)) {
                    if hole <= index {
                        index += 1;
                    }
                }
                out += &index.to_string();
            }
            None => out += token,
        }
    }
    out
}

/// The index a pointer's token names, if it is one (no sign, no other characters).
fn list_index(token: &str) -> Option<usize> {
    if token.is_empty() {
        return None;
    }
    token.bytes().try_fold(0, |n: usize, b| b.is_ascii_digit().then(|| n * 10 + usize::from(b - b'0')))
}

fn check_rules(report: &Report, known: Known<'_>) -> Vec<Problem> {
    let mut out = Vec::new();
    let m = &report.meta;
    let meta = At::ROOT.key("meta");
    if !is_iso_date(&m.date) {
        let (zh, en) = date_problem(&m.date);
        out.push(Problem::error(meta.key("date").pointer(), zh, en));
    }
    if let Some(url) = m.source_url.as_deref().filter(|url| !is_web_link(url)) {
        out.push(Problem::error(
            meta.key("source_url").pointer(),
            text!("原文链接须为 http:// 或 https:// 网址，或本站的路径，且不含空格：“{url}”"),
            text!(
                "source_url must be an http:// or https:// address, or a path on this site, without spaces: \"{url}\""
            ),
        ));
    }

    let mut group_ids = Ids::default();
    for (i, g) in report.groups.iter().enumerate() {
        let at = At::ROOT.item("groups", i);
        unique_id(&mut out, &mut group_ids, &g.id, &at, known);
        if g.size == 0 {
            out.push(Problem::error(
                at.key("size").pointer(),
                text!("分组大小至少为 1"),
                text!("a group must have at least 1 member"),
            ));
        }
    }

    let mut section_ids = Ids::default();
    let mut item_ids = Ids::default();
    for (si, section) in report.sections.iter().enumerate() {
        let at = At::ROOT.item("sections", si);
        unique_id(&mut out, &mut section_ids, &section.id, &at, known);
        match &section.body {
            SectionBody::Metrics(body) => {
                for (ii, metric) in body.items.iter().enumerate() {
                    let at = at.item("items", ii);
                    unique_id(&mut out, &mut item_ids, &metric.id, &at, known);
                    check_metric(&mut out, report, metric, &at, known);
                }
            }
            SectionBody::Ranking(body) => {
                let group = resolve_group(&mut out, report, &body.group, &at.key("group"), known.groups);
                for (ri, row) in body.rows.iter().enumerate() {
                    check_ranking_row(&mut out, report, row, group, &at.item("rows", ri), known);
                }
            }
            SectionBody::CaseStats(body) => {
                for (ii, item) in body.items.iter().enumerate() {
                    let at = at.item("items", ii);
                    unique_id(&mut out, &mut item_ids, &item.id, &at, known);
                    check_case_item(&mut out, item, &at);
                }
            }
            SectionBody::Calendar(body) => check_calendar(&mut out, body, &at),
            SectionBody::Highlights(_) | SectionBody::Narrative(_) => {}
        }
    }
    out
}

/// The rules for one row of a ranking whose group is `group` (when it is known).
fn check_ranking_row(
    out: &mut Vec<Problem>,
    report: &Report,
    row: &RankingRow,
    group: Option<&Group>,
    at: &At,
    known: Known<'_>,
) {
    match &row.metric {
        Some(id) => {
            if known.metrics && report.metric(id).is_none() {
                out.push(Problem::error(
                    at.key("metric").pointer(),
                    text!("找不到 id 为“{id}”的指标：它可能已被删除或改了 id（如导入表格时改了名称），请重新选择要引用的指标"),
                    text!("no metric has the id \"{id}\": it may have been removed or given another id (a table imported with another name), so choose the metric again"),
                ));
            }
            if row.label.is_some()
                || row.value.is_some()
                || row.unit.is_some()
                || row.value_rank.is_some()
                || row.change_rank.is_some()
            {
                out.push(Problem::error(
                    at.pointer(),
                    text!("引用指标的行不能再写名称、数值、单位或排名（它们取自该指标）"),
                    text!("a row that names a metric takes its label, value, unit and ranks from it: remove the row's own"),
                ));
            }
        }
        None if row.label.is_none() => out.push(Problem::error(
            at.pointer(),
            text!("排名行需要“metric”或“label”"),
            text!("a ranking row needs \"metric\" or \"label\""),
        )),
        None => {}
    }
    if let Some(value) = &row.value {
        advise_singular(out, value, row.unit.as_ref(), at);
    }
    if let Some(g) = group {
        for (field, rank) in [("value_rank", row.value_rank), ("change_rank", row.change_rank)] {
            if let Some(r) = rank {
                check_position(out, g, r, &at.key(field));
            }
        }
    }
}

/// The rules for one item of case statistics: a count, and what of it is resolved.
fn check_case_item(out: &mut Vec<Problem>, item: &CaseItem, at: &At) {
    advise_singular(out, &item.value, item.unit.as_ref(), at);
    if item.value.is_negative() {
        out.push(Problem::error(
            at.key("value").pointer(),
            text!("数量不能为负数"),
            text!("a count cannot be negative"),
        ));
    }
    if let Some(resolved) = &item.resolved {
        let beyond = resolved.value() > item.value.value();
        if resolved.is_negative() || beyond {
            #[allow(unused_mut)]
            let (mut zh, mut en) = (
                text!("已办结数 {resolved} 应在 0 到总数 {} 之间", item.value),
                text!("resolved ({resolved}) must be between 0 and the total ({})", item.value),
            );
            #[cfg(feature = "messages")]
            if let Some((scaled, unit)) = beyond.then(|| in_magnitude_of(resolved, item)).flatten() {
                let counted = &unit[unit.chars().next().map_or(0, char::len_utf8)..];
                zh +=
                    &format!("；若已办结是 {resolved}{counted}，而数值以“{unit}”计，已办结也应以“{unit}”写：{scaled}");
                en += &format!("; if {resolved} {counted} were resolved, while the value is in “{unit}”, write the resolved count in “{unit}” too: {scaled}");
            }
            out.push(Problem::error(at.key("resolved").pointer(), zh, en));
        }
    }
}

/// A resolved count in the item's unit where that unit starts with a magnitude (20 万件 of
/// “超过20万”, 198000 resolved → 19.8), if it then fits the total; and that unit.
#[cfg(feature = "messages")]
fn in_magnitude_of(resolved: &Decimal, item: &CaseItem) -> Option<(String, String)> {
    let unit = item.unit.as_ref()?.zh.clone();
    let places = match unit.chars().next()? {
        '万' => 4,
        '亿' => 8,
        _ => return None,
    };
    let (int, frac) = resolved.digits();
    let digits = format!("{int:0>width$}{frac}", width = places + 1);
    let point = digits.len() - frac.len() - places;
    let scaled = format!("{}.{}", &digits[..point], &digits[point..]);
    let scaled = scaled.trim_end_matches('0').trim_end_matches('.').to_string();
    (scaled.parse::<f64>().ok()? <= item.value.value()).then_some((scaled, unit))
}

/// The rules for a month calendar: each marked month from 1 to 12, and marked once.
fn check_calendar(out: &mut Vec<Problem>, body: &CalendarBody, at: &At) {
    // One bit per month (bit 1 = January): no hash set for twelve values.
    let mut seen: u16 = 0;
    for (mi, marked) in body.marked.iter().enumerate() {
        let bit = if (1..=12).contains(&marked.month) { 1u16 << marked.month } else { 0 };
        if bit == 0 || seen & bit != 0 {
            // Said as what it is: out of range, or a second time.
            let (zh, en) = if bit == 0 {
                (text!("月份 {} 应为 1 到 12", marked.month), text!("month {} must be from 1 to 12", marked.month))
            } else {
                (
                    text!("{}月已经标记过：每个月份只标记一次", marked.month),
                    text!("month {} is marked already: mark each month once", marked.month),
                )
            };
            out.push(Problem::error(at.item("marked", mi).key("month").pointer(), zh, en));
        }
        seen |= bit;
    }
}

fn check_metric(out: &mut Vec<Problem>, report: &Report, metric: &Metric, at: &At, known: Known<'_>) {
    advise_on_units(out, metric, at);
    if let Some(bounds) = &metric.bounds {
        let v = &metric.value;
        let below = bounds.min.as_ref().filter(|min| v.value() < min.value());
        let above = bounds.max.as_ref().filter(|max| v.value() > max.value());
        if let Some(limit) = below.or(above) {
            let (zh, en) = if below.is_some() {
                ("不能小于", "must not be less than")
            } else {
                ("不能大于", "must not be greater than")
            };
            out.push(Problem::error(
                at.key("value").pointer(),
                text!("数值 {v} {zh}声明的界限 {limit}"),
                text!("the value {v} {en} its declared bound {limit}"),
            ));
        }
        if let (Some(min), Some(max)) = (&bounds.min, &bounds.max) {
            if min.value() > max.value() {
                out.push(Problem::error(
                    at.key("bounds").pointer(),
                    text!("下限 {min} 大于上限 {max}"),
                    text!("the minimum {min} is greater than the maximum {max}"),
                ));
            }
        }
    }
    for (ri, rank) in metric.ranks.iter().enumerate() {
        let at = at.item("ranks", ri);
        if let Some(group) = resolve_group(out, report, &rank.group, &at.key("group"), known.groups) {
            check_position(out, group, rank.position, &at.key("position"));
        }
        // Two places in one group by one measure (1st and 3rd among five districts): the
        // summary can say only one.
        if metric.ranks[..ri].iter().any(|r| r.group == rank.group && r.basis == rank.basis) {
            out.push(Problem::error(
                at.pointer(),
                text!("同一分组“{}”、同一依据已有一个名次：每个分组每种排名只写一个", rank.group),
                text!(
                    "a rank in the group \"{}\" by the same measure is given already: one per group and measure",
                    rank.group
                ),
            ));
        }
    }
}

/// The English plural unit a figure of 1 would be shown with ("1 cases"), if any: a unit whose
/// English ends in a plural "s". Only advice: English plurals cannot be told for sure.
fn plural_after_one<'a>(number: &Decimal, unit: Option<&'a Text>) -> Option<&'a str> {
    let en = unit?.en.as_deref()?;
    (number.abs().written() == "1" && en.ends_with('s') && !en.ends_with("ss")).then_some(en)
}

/// Warns when a figure of 1 at `at` (its `value` and `unit`) would read "1 cases" in English.
fn advise_singular(out: &mut Vec<Problem>, value: &Decimal, unit: Option<&Text>, at: &At) {
    if let Some(en) = plural_after_one(value, unit) {
        out.push(Problem::warning(
            at.key("unit").pointer(),
            text!("数值为 1，英文显示为“1 {en}”：英文单位请写单数"),
            text!("the value is 1, so the English reads \"1 {en}\": write the English unit in the singular"),
        ));
    }
}

/// Advice on a metric's units (warnings): its value of 1 with a plural unit, an absolute change
/// of 1 shown with the figure's plural unit ("up 1 days"), and a change's unit that its kind does
/// not use. Made in every build, the widget's too (without the messages): the on-demand module
/// describes the widget's problems by their place in the list, which must be the same in both.
fn advise_on_units(out: &mut Vec<Problem>, metric: &Metric, at: &At) {
    advise_singular(out, &metric.value, metric.unit.as_ref(), at);
    let Some(change) = &metric.change else { return };
    let at = at.key("change");
    match (&change.unit, change.kind) {
        (None, ChangeKind::Absolute) => {
            if let Some(en) = plural_after_one(&change.value, metric.unit.as_ref()) {
                out.push(Problem::warning(
                    at.pointer(),
                    text!("变化为 1，英文显示为“1 {en}”：请填写变化的“差值的单位”，英文写单数"),
                    text!("the change is 1, so the English reads \"1 {en}\": give the change a unit (\"unit\") with the English singular"),
                ));
            }
        }
        (Some(_), ChangeKind::Absolute) => advise_singular(out, &change.value, change.unit.as_ref(), &at),
        (Some(_), _) => out.push(Problem::warning(
            at.key("unit").pointer(),
            text!("只有“absolute”（同单位）的变化才显示单位，此单位不会显示"),
            text!("only an \"absolute\" change is shown with a unit: this unit is not shown"),
        )),
        (None, ChangeKind::Points) if metric.unit.as_ref().is_none_or(|u| !u.zh.trim_start().starts_with(['%', '％'])) => out.push(Problem::warning(
            at.key("kind").pointer(),
            text!("“points”显示为“个百分点”，只适用于以 % 表示的数值：若本数值是百分数，请把单位写成“%”；其他单位（如 ‰）的变化请选“absolute”并写单位"),
            text!("\"points\" reads \"percentage points\", for a figure in %: if this figure is a percentage, give it the unit \"%\"; for another unit (such as ‰) choose \"absolute\" and give its unit"),
        )),
        (None, _) => {}
    }
}

/// Whether `position` is a place in a group of `size` (1 to `size`): the rule the checks apply
/// and the editor's import says before applying.
pub fn is_place_in_group(position: u64, size: u32) -> bool {
    position != 0 && position <= u64::from(size)
}

fn check_position(out: &mut Vec<Problem>, group: &Group, position: u32, at: &At) {
    if !is_place_in_group(u64::from(position), group.size) {
        out.push(Problem::error(
            at.pointer(),
            text!("名次 {position} 应在 1 到 {}（分组“{}”的大小）之间", group.size, group.label.zh),
            text!("rank {position} must be between 1 and {} (the size of group \"{}\")", group.size, group.id),
        ));
    }
}

fn resolve_group<'r>(
    out: &mut Vec<Problem>,
    report: &'r Report,
    id: &str,
    at: &At,
    complete: bool,
) -> Option<&'r Group> {
    let group = report.group(id);
    if group.is_none() && complete {
        out.push(if id.is_empty() {
            Problem::error(
                at.pointer(),
                text!("还没有选分组：先在“排名分组”（/groups）里添加一个，再在这里选它"),
                text!("no group chosen: add one under “Rank groups” (/groups) first, then choose it here"),
            )
        } else {
            Problem::error(
                at.pointer(),
                text!("找不到 id 为“{id}”的分组（在“排名分组”/groups 中定义）"),
                text!("no group has the id \"{id}\" (define it under “Rank groups”, /groups)"),
            )
        });
    }
    group
}

/// The ids met so far in one namespace (groups, sections, items). With messages, also where
/// each was first used, so that a duplicate's message names the other place; the widget's own
/// wasm, which leaves messages to the on-demand module, keeps only the ids.
#[derive(Default)]
struct Ids {
    #[cfg(feature = "messages")]
    first_at: std::collections::HashMap<String, String>,
    /// Sorted (found by binary search): a hash set of strings costs the widget's first download
    /// about 0.9 KB more.
    #[cfg(not(feature = "messages"))]
    seen: Vec<String>,
}

impl Ids {
    /// Records `id`, used at `at`; if it was used before, where.
    #[cfg(feature = "messages")]
    fn repeated(&mut self, id: &str, at: &At, dropped: &[String]) -> Option<String> {
        match self.first_at.get(id) {
            Some(first) => Some(first.clone()),
            None => {
                self.first_at.insert(id.to_string(), restore_indices(&at.pointer(), dropped));
                None
            }
        }
    }

    /// Records `id`; if it was used before, a blank place (no message will name it).
    #[cfg(not(feature = "messages"))]
    fn repeated(&mut self, id: &str, _: &At, _: &[String]) -> Option<&'static str> {
        match self.seen.binary_search_by(|seen| seen.as_str().cmp(id)) {
            Ok(_) => Some(""),
            Err(at) => {
                self.seen.insert(at, id.to_string());
                None
            }
        }
    }
}

/// Checks the member `id` of the object at `at`.
fn unique_id(out: &mut Vec<Problem>, ids: &mut Ids, id: &str, at: &At, known: Known<'_>) {
    let here = at.key("id");
    if id.trim().is_empty() {
        out.push(Problem::error(here.pointer(), text!("id 不能为空"), text!("the id must not be empty")));
    } else if let Some(first) = ids.repeated(id, &here, known.dropped) {
        out.push(Problem::error(
            here.pointer(),
            text!("id“{id}”重复（已在 {first} 用过）"),
            text!("the id \"{id}\" is used twice: first at {first}"),
        ));
    }
}

/// Whether a link is safe to put in `href`: an `http:`/`https:` address or a relative one
/// (no scheme), never `javascript:` or `data:`. Browsers drop tabs and line breaks inside a URL
/// and trim spaces around it (`java\tscript:`), so no space or control character is allowed.
pub fn is_web_link(url: &str) -> bool {
    if url.is_empty() || url.bytes().any(|b| b <= b' ' || b == 0x7f) {
        return false;
    }
    // A scheme is what comes before the first ':' when no '/', '?' or '#' comes before it.
    match url.split_once(':') {
        Some((scheme, _)) if !scheme.bytes().any(|b| matches!(b, b'/' | b'?' | b'#')) => {
            scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("http")
        }
        _ => true,
    }
}

/// A date written `YYYY-MM-DD` that exists (no 30 February).
fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    let number = |digits: &[u8]| digits.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0'));
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && exists(number(&b[..4]), number(&b[5..7]), number(&b[8..]))
}

/// Whether `day`.`month`.`year` is a day of the Gregorian calendar.
fn exists(year: u32, month: u32, day: u32) -> bool {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => 0,
    };
    (1..=days).contains(&day)
}

/// The problem with a date that is not a day written `YYYY-MM-DD`: the same day written that
/// way where the text holds one ("2022年3月3日", "2022/3/3"), or that the day does not exist.
#[cfg(feature = "messages")]
fn date_problem(date: &str) -> (String, String) {
    if date.trim().is_empty() {
        return (
            text!("日期不能为空：报告落款的日期，写作 YYYY-MM-DD"),
            text!("the date must not be empty: the date the report is signed with, written YYYY-MM-DD"),
        );
    }
    // Full-width digits ("２０２４－０１－１５") read as digits.
    let ascii: String = date.chars().map(crate::format::figure::ascii_digit).collect();
    let numbers: Vec<&str> = ascii.split(|c: char| !c.is_ascii_digit()).filter(|n| !n.is_empty()).collect();
    let parsed = match numbers.as_slice() {
        [y, m, d] if y.len() == 4 && m.len() <= 2 && d.len() <= 2 => {
            Some((y.parse().unwrap_or(0), m.parse().unwrap_or(0), d.parse().unwrap_or(0)))
        }
        // A date cell copied out of Excel as its serial number (45306 is 2024-01-15), for a
        // report of 2000–2050 only: a mistyped date must not become a confident other one.
        [serial] if ascii.trim() == *serial && (36_526..=55_153).contains(&serial.parse::<i64>().unwrap_or(0)) => {
            Some(civil_from_days(serial.parse::<i64>().unwrap_or(0) - 25_569))
        }
        _ => None,
    };
    match parsed {
        Some((y, m, d)) if exists(y, m, d) => {
            let iso = format!("{y:04}-{m:02}-{d:02}");
            (
                text!("日期“{date}”应写作 YYYY-MM-DD：{iso}"),
                text!("the date \"{date}\" must be written YYYY-MM-DD: {iso}"),
            )
        }
        Some(_) => (text!("日期“{date}”不存在"), text!("the date \"{date}\" does not exist")),
        None => (text!("日期“{date}”应写作 YYYY-MM-DD"), text!("the date \"{date}\" must be written YYYY-MM-DD")),
    }
}

/// The calendar date `days` after 1970-01-01 (proleptic Gregorian; H. Hinnant's algorithm).
#[cfg(feature = "messages")]
fn civil_from_days(days: i64) -> (u32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y as u32, m as u32, d as u32)
}

#[cfg(not(feature = "messages"))]
fn date_problem(_: &str) -> (String, String) {
    Default::default()
}
