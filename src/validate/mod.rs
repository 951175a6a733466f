//! Parsing and validation: payload text in, a checked `Report` (or every problem found, each
//! with its JSON pointer and a Chinese and English message) out.

use crate::model::{
    decode, DecodeError, Group, Lang, Metric, Rank, Report, Section, SectionBody, Text, SCHEMA_V1,
};
use serde::Deserialize;
use serde_json::Value;
use std::collections::HashSet;

/// Payloads larger than this are refused before parsing.
pub const MAX_PAYLOAD_BYTES: usize = 2 * 1024 * 1024;

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

    pub fn message(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }

    /// `line 3, column 7` or the JSON pointer, for messages.
    pub fn location(&self) -> String {
        match self.position {
            Some((line, column)) => format!("line {line}, column {column}"),
            None => self.pointer.clone(),
        }
    }
}

impl From<DecodeError> for Problem {
    fn from(e: DecodeError) -> Self {
        Problem::error(e.pointer, format!("类型或字段错误：{}", e.message), e.message)
    }
}

/// Why a payload cannot be shown.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PayloadError {
    /// The text is not well-formed JSON.
    #[error("the payload is not valid JSON: {message} (line {line}, column {column})")]
    Syntax { line: usize, column: usize, message: String },
    /// The payload is larger than the widget accepts.
    #[error("the payload is {bytes} bytes, more than the limit of {limit} bytes")]
    TooLarge { bytes: usize, limit: usize },
    /// The payload is JSON but breaks the format's rules.
    #[error("the payload has {} problem(s); the first: {}: {}", .0.len(), .0.first().map(|p| p.location()).unwrap_or_default(), .0.first().map(|p| p.en.as_str()).unwrap_or_default())]
    Invalid(Vec<Problem>),
}

impl PayloadError {
    /// Every problem, including the single one of a syntax or size error.
    pub fn problems(&self) -> Vec<Problem> {
        match self {
            PayloadError::Syntax { line, column, message } => vec![Problem {
                position: Some((*line, *column)),
                ..Problem::error(
                    "/",
                    format!("JSON 语法错误（第 {line} 行第 {column} 列）：{message}"),
                    format!("JSON syntax error at line {line}, column {column}: {message}"),
                )
            }],
            PayloadError::TooLarge { bytes, limit } => vec![Problem::error(
                "/",
                format!("数据过大：{bytes} 字节，上限为 {limit} 字节"),
                format!("payload too large: {bytes} bytes, the limit is {limit} bytes"),
            )],
            PayloadError::Invalid(problems) => problems.clone(),
        }
    }
}

/// Parses and validates payload text.
pub fn load(text: &str) -> Result<Report, PayloadError> {
    if text.len() > MAX_PAYLOAD_BYTES {
        return Err(PayloadError::TooLarge { bytes: text.len(), limit: MAX_PAYLOAD_BYTES });
    }
    let value: Value = serde_json::from_str(text).map_err(|e| PayloadError::Syntax {
        line: e.line(),
        column: e.column(),
        message: e.to_string().split(" at line ").next().unwrap_or_default().to_string(),
    })?;
    from_value(&value)
}

#[derive(Deserialize)]
struct Skeleton {
    schema: Value,
    meta: Value,
    #[serde(default)]
    groups: Option<Value>,
    sections: Vec<Value>,
}

/// Validates an already parsed payload, collecting every problem it can find in one pass.
pub fn from_value(value: &Value) -> Result<Report, PayloadError> {
    let mut problems = Vec::new();
    let skeleton: Skeleton = match decode(value, "") {
        Ok(s) => s,
        Err(e) => return Err(PayloadError::Invalid(vec![e.into()])),
    };
    match skeleton.schema.as_str() {
        Some(s) if is_supported_schema(s) => {}
        Some(s) => problems.push(Problem::error(
            "/schema",
            format!("不支持的数据格式版本“{s}”：本组件读取“{SCHEMA_V1}”"),
            format!("unsupported format version \"{s}\": this widget reads \"{SCHEMA_V1}\""),
        )),
        None => problems.push(Problem::error(
            "/schema",
            format!("“schema”应为字符串“{SCHEMA_V1}”"),
            format!("\"schema\" must be the string \"{SCHEMA_V1}\""),
        )),
    }
    let meta = decode(&skeleton.meta, "/meta").map_err(|e| problems.push(e.into())).ok();
    let groups: Vec<Group> = match &skeleton.groups {
        Some(g) => decode(g, "/groups").map_err(|e| problems.push(e.into())).unwrap_or_default(),
        None => Vec::new(),
    };
    let sections: Vec<Section> = skeleton
        .sections
        .iter()
        .enumerate()
        .filter_map(|(i, v)| {
            Section::from_value(v, &format!("/sections/{i}")).map_err(|e| problems.push(e.into())).ok()
        })
        .collect();
    let Some(meta) = meta else {
        return Err(PayloadError::Invalid(problems));
    };
    if !problems.is_empty() {
        return Err(PayloadError::Invalid(problems));
    }
    let report = Report { schema: SCHEMA_V1.to_string(), meta, groups, sections };
    let problems = check(&report);
    if problems.iter().any(|p| p.severity == Severity::Error) {
        return Err(PayloadError::Invalid(problems));
    }
    Ok(report)
}

/// `report-widget/1` and any `report-widget/1.x` are read; other major versions are refused.
pub fn is_supported_schema(schema: &str) -> bool {
    match schema.strip_prefix("report-widget/") {
        Some(version) => version.split('.').next() == Some("1"),
        None => false,
    }
}

/// The rules beyond types: references resolve, ranks fit their group, counts add up.
pub fn check(report: &Report) -> Vec<Problem> {
    let mut out = Vec::new();
    let m = &report.meta;
    require_text(&mut out, &m.title, "/meta/title");
    require_text(&mut out, &m.publisher, "/meta/publisher");
    if !is_iso_date(&m.date) {
        out.push(Problem::error(
            "/meta/date",
            format!("日期“{}”应写作 YYYY-MM-DD", m.date),
            format!("the date \"{}\" must be written YYYY-MM-DD", m.date),
        ));
    }

    let mut group_ids = HashSet::new();
    for (i, g) in report.groups.iter().enumerate() {
        let at = format!("/groups/{i}");
        unique_id(&mut out, &mut group_ids, &g.id, &format!("{at}/id"));
        require_text(&mut out, &g.label, &format!("{at}/label"));
        if g.size == 0 {
            out.push(Problem::error(format!("{at}/size"), "分组大小至少为 1", "a group must have at least 1 member"));
        }
    }

    let mut section_ids = HashSet::new();
    let mut item_ids = HashSet::new();
    for (si, section) in report.sections.iter().enumerate() {
        let at = format!("/sections/{si}");
        unique_id(&mut out, &mut section_ids, &section.id, &format!("{at}/id"));
        require_text(&mut out, &section.title, &format!("{at}/title"));
        match &section.body {
            SectionBody::Metrics(body) => {
                for (ii, metric) in body.items.iter().enumerate() {
                    let at = format!("{at}/items/{ii}");
                    unique_id(&mut out, &mut item_ids, &metric.id, &format!("{at}/id"));
                    check_metric(&mut out, report, metric, &at);
                }
            }
            SectionBody::Ranking(body) => {
                let group = resolve_group(&mut out, report, &body.group, &format!("{at}/group"));
                for (ri, row) in body.rows.iter().enumerate() {
                    let at = format!("{at}/rows/{ri}");
                    match &row.metric {
                        Some(id) => {
                            if report.metric(id).is_none() {
                                out.push(Problem::error(
                                    format!("{at}/metric"),
                                    format!("找不到 id 为“{id}”的指标"),
                                    format!("no metric has the id \"{id}\""),
                                ));
                            }
                            if row.label.is_some() || row.value.is_some() || row.value_rank.is_some() || row.change_rank.is_some() {
                                out.push(Problem::error(
                                    at.clone(),
                                    "引用指标的行不能再写名称、数值或排名（它们取自该指标）",
                                    "a row that names a metric takes its label, value and ranks from it: remove the row's own",
                                ));
                            }
                        }
                        None => match &row.label {
                            Some(label) => require_text(&mut out, label, &format!("{at}/label")),
                            None => out.push(Problem::error(
                                at.clone(),
                                "排名行需要“metric”或“label”",
                                "a ranking row needs \"metric\" or \"label\"",
                            )),
                        },
                    }
                    if let Some(g) = group {
                        for (field, rank) in [("value_rank", row.value_rank), ("change_rank", row.change_rank)] {
                            if let Some(r) = rank {
                                check_position(&mut out, g, r, &format!("{at}/{field}"));
                            }
                        }
                    }
                }
            }
            SectionBody::CaseStats(body) => {
                for (ii, item) in body.items.iter().enumerate() {
                    let at = format!("{at}/items/{ii}");
                    unique_id(&mut out, &mut item_ids, &item.id, &format!("{at}/id"));
                    require_text(&mut out, &item.label, &format!("{at}/label"));
                    if item.value.is_negative() {
                        out.push(Problem::error(format!("{at}/value"), "数量不能为负数", "a count cannot be negative"));
                    }
                    if let Some(resolved) = &item.resolved {
                        if resolved.is_negative() || resolved.value() > item.value.value() {
                            out.push(Problem::error(
                                format!("{at}/resolved"),
                                format!("已办结数 {resolved} 应在 0 到总数 {} 之间", item.value),
                                format!("resolved ({resolved}) must be between 0 and the total ({})", item.value),
                            ));
                        }
                    }
                }
            }
            SectionBody::Calendar(body) => {
                require_text(&mut out, &body.label, &format!("{at}/label"));
                let mut seen = HashSet::new();
                for (mi, marked) in body.marked.iter().enumerate() {
                    if !(1..=12).contains(&marked.month) || !seen.insert(marked.month) {
                        out.push(Problem::error(
                            format!("{at}/marked/{mi}/month"),
                            format!("月份 {} 应为 1–12 且不重复", marked.month),
                            format!("month {} must be 1–12 and appear once", marked.month),
                        ));
                    }
                }
            }
            SectionBody::Highlights(body) => {
                for (hi, h) in body.items.iter().enumerate() {
                    require_text(&mut out, &h.title, &format!("{at}/items/{hi}/title"));
                    require_text(&mut out, &h.text, &format!("{at}/items/{hi}/text"));
                }
            }
            SectionBody::Narrative(body) => {
                for (pi, p) in body.paragraphs.iter().enumerate() {
                    require_text(&mut out, p, &format!("{at}/paragraphs/{pi}"));
                }
            }
        }
    }
    out
}

fn check_metric(out: &mut Vec<Problem>, report: &Report, metric: &Metric, at: &str) {
    require_text(out, &metric.label, &format!("{at}/label"));
    for (ri, rank) in metric.ranks.iter().enumerate() {
        check_rank(out, report, rank, &format!("{at}/ranks/{ri}"));
    }
}

fn check_rank(out: &mut Vec<Problem>, report: &Report, rank: &Rank, at: &str) {
    if let Some(group) = resolve_group(out, report, &rank.group, &format!("{at}/group")) {
        check_position(out, group, rank.position, &format!("{at}/position"));
    }
}

fn check_position(out: &mut Vec<Problem>, group: &Group, position: u32, at: &str) {
    if position == 0 || position > group.size {
        out.push(Problem::error(
            at,
            format!("名次 {position} 应在 1 到 {}（分组“{}”的大小）之间", group.size, group.label.zh),
            format!("rank {position} must be between 1 and {} (the size of group \"{}\")", group.size, group.id),
        ));
    }
}

fn resolve_group<'r>(out: &mut Vec<Problem>, report: &'r Report, id: &str, at: &str) -> Option<&'r Group> {
    let group = report.group(id);
    if group.is_none() {
        out.push(Problem::error(
            at,
            format!("找不到 id 为“{id}”的分组（在 /groups 中定义）"),
            format!("no group has the id \"{id}\" (define it in /groups)"),
        ));
    }
    group
}

fn unique_id(out: &mut Vec<Problem>, seen: &mut HashSet<String>, id: &str, at: &str) {
    if id.trim().is_empty() {
        out.push(Problem::error(at, "id 不能为空", "the id must not be empty"));
    } else if !seen.insert(id.to_string()) {
        out.push(Problem::error(at, format!("id“{id}”重复"), format!("the id \"{id}\" is used twice")));
    }
}

fn require_text(out: &mut Vec<Problem>, text: &Text, at: &str) {
    if text.is_blank() {
        out.push(Problem::error(at, "文字不能为空", "the text must not be empty"));
    }
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && matches!(s[5..7].parse::<u32>(), Ok(1..=12))
        && matches!(s[8..10].parse::<u32>(), Ok(1..=31))
}
