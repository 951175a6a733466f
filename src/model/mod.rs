//! The payload model: the typed, generic shape of a report (sections of metrics, rankings,
//! case statistics, month calendars, highlights and narrative). Nothing here knows Lanshan.

mod decimal;
mod text;

pub use decimal::Decimal;
pub use text::{Lang, Text};

use serde::Deserialize;
use serde_json::Value;

/// The format identifier every payload carries in its `schema` field.
pub const SCHEMA_V1: &str = "report-widget/1";

/// A whole report: its metadata, the comparison groups its ranks refer to, and its sections.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Report {
    pub schema: String,
    pub meta: Meta,
    #[serde(default)]
    pub groups: Vec<Group>,
    pub sections: Vec<Section>,
}

/// Who published the report, when, and about which period.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Meta {
    pub title: Text,
    pub publisher: Text,
    /// Publication date, `YYYY-MM-DD`.
    pub date: String,
    #[serde(default)]
    pub period: Option<Text>,
    #[serde(default)]
    pub source_url: Option<String>,
    /// True for generated test or benchmark payloads; the widget then says so.
    #[serde(default)]
    pub synthetic: bool,
    #[serde(default)]
    pub note: Option<Text>,
}

/// A set of peers that ranks are counted in, e.g. `{"id": "districts", "label": "五区", "size": 5}`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Group {
    pub id: String,
    /// How the group is named before a rank: "五区" → "五区第1名".
    pub label: Text,
    pub size: u32,
}

/// One titled part of the report.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub id: String,
    pub title: Text,
    pub intro: Option<Text>,
    pub body: SectionBody,
}

/// What a section holds; the payload names it with `"kind"`.
#[derive(Clone, Debug, PartialEq)]
pub enum SectionBody {
    Metrics(MetricsBody),
    Ranking(RankingBody),
    CaseStats(CaseStatsBody),
    Calendar(CalendarBody),
    Highlights(HighlightsBody),
    Narrative(NarrativeBody),
}

/// The section kinds, as written in `"kind"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    Metrics,
    Ranking,
    CaseStats,
    Calendar,
    Highlights,
    Narrative,
}

/// Key figures shown as cards.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct MetricsBody {
    pub items: Vec<Metric>,
}

/// One key figure with its change and ranks.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Metric {
    pub id: String,
    pub label: Text,
    pub value: Decimal,
    #[serde(default)]
    pub unit: Option<Text>,
    #[serde(default)]
    pub qualifier: Option<Qualifier>,
    #[serde(default)]
    pub direction: Direction,
    #[serde(default)]
    pub change: Option<Change>,
    #[serde(default)]
    pub ranks: Vec<Rank>,
    #[serde(default)]
    pub note: Option<Text>,
    /// The report's sentence this figure comes from.
    #[serde(default)]
    pub source: Option<Text>,
}

/// How a figure is bounded when the report does not give it exactly.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// "超过 N" — more than N, written before the number in Chinese.
    MoreThan,
    /// "N 余" — more than N, written after the number in Chinese.
    Over,
    /// "不少于 N" / "达 N" — at least N.
    AtLeast,
    /// "约 N" — about N.
    About,
    /// "不足 N" — less than N.
    LessThan,
}

/// Which way is good for a figure; it decides whether a change is an improvement.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    HigherIsBetter,
    LowerIsBetter,
    #[default]
    Neutral,
}

/// A change against an earlier period, signed: `-8.2` percent is a decrease of 8.2%.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Change {
    pub value: Decimal,
    pub kind: ChangeKind,
    /// What the change compares with; defaults to year over year (同比).
    #[serde(default)]
    pub basis: Option<Text>,
}

/// The unit of a change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// Relative change in percent of the earlier value.
    Percent,
    /// Difference of two percentages (百分点).
    Points,
    /// Difference in the figure's own unit (+3 天).
    Absolute,
}

/// A position within a group, for the value itself or for its change.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Rank {
    pub group: String,
    pub position: u32,
    #[serde(default)]
    pub basis: RankBasis,
}

/// What a rank orders by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RankBasis {
    #[default]
    Value,
    /// Ranked by improvement (改善幅度).
    Change,
}

/// A table of ranks within one group: rows either point at a metric or stand alone.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct RankingBody {
    pub group: String,
    pub rows: Vec<RankingRow>,
}

/// A ranking row. With `metric`, label, value, change and ranks come from that metric.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct RankingRow {
    #[serde(default)]
    pub metric: Option<String>,
    #[serde(default)]
    pub label: Option<Text>,
    #[serde(default)]
    pub value: Option<Decimal>,
    #[serde(default)]
    pub unit: Option<Text>,
    #[serde(default)]
    pub value_rank: Option<u32>,
    #[serde(default)]
    pub change_rank: Option<u32>,
}

/// Counts of cases, inspections, documents and amounts.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct CaseStatsBody {
    pub items: Vec<CaseItem>,
}

/// One count; with `resolved` it also shows how many of them were completed.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct CaseItem {
    pub id: String,
    pub label: Text,
    pub value: Decimal,
    #[serde(default)]
    pub unit: Option<Text>,
    #[serde(default)]
    pub qualifier: Option<Qualifier>,
    #[serde(default)]
    pub resolved: Option<Decimal>,
    #[serde(default)]
    pub note: Option<Text>,
    #[serde(default)]
    pub source: Option<Text>,
}

/// A year's months, some of them marked (e.g. ranked first, with a reward).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct CalendarBody {
    pub year: i32,
    /// What a marked month means.
    pub label: Text,
    pub marked: Vec<MarkedMonth>,
    #[serde(default)]
    pub source: Option<Text>,
}

/// One marked month (1–12) and what it earned.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct MarkedMonth {
    pub month: u32,
    #[serde(default)]
    pub reward: Option<Amount>,
}

/// A number with its unit.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Amount {
    pub value: Decimal,
    #[serde(default)]
    pub unit: Option<Text>,
}

/// Short statements of what was done, without a single headline number.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct HighlightsBody {
    pub items: Vec<Highlight>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Highlight {
    pub title: Text,
    pub text: Text,
}

/// Paragraphs of prose.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct NarrativeBody {
    pub paragraphs: Vec<Text>,
}

impl SectionBody {
    pub fn kind(&self) -> SectionKind {
        match self {
            SectionBody::Metrics(_) => SectionKind::Metrics,
            SectionBody::Ranking(_) => SectionKind::Ranking,
            SectionBody::CaseStats(_) => SectionKind::CaseStats,
            SectionBody::Calendar(_) => SectionKind::Calendar,
            SectionBody::Highlights(_) => SectionKind::Highlights,
            SectionBody::Narrative(_) => SectionKind::Narrative,
        }
    }
}

/// A decoding failure inside a JSON value: where (a JSON pointer) and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError {
    pub pointer: String,
    pub message: String,
}

/// Deserializes `T` from a JSON value, reporting the failing place as a JSON pointer
/// below `base` (e.g. `/sections/2` + `/items/5/value`).
pub fn decode<T: serde::de::DeserializeOwned>(value: &Value, base: &str) -> Result<T, DecodeError> {
    serde_path_to_error::deserialize(value).map_err(|err| {
        let mut pointer = base.to_string();
        for segment in err.path().iter() {
            match segment {
                serde_path_to_error::Segment::Seq { index } => pointer.push_str(&format!("/{index}")),
                serde_path_to_error::Segment::Map { key } => {
                    pointer.push('/');
                    pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
                }
                _ => {}
            }
        }
        if pointer.is_empty() {
            pointer.push('/');
        }
        DecodeError { pointer, message: err.into_inner().to_string() }
    })
}

#[derive(Deserialize)]
struct SectionHead {
    id: String,
    title: Text,
    #[serde(default)]
    intro: Option<Text>,
    kind: SectionKind,
}

impl Section {
    /// Decodes one section; `base` is its JSON pointer, used in errors.
    pub fn from_value(value: &Value, base: &str) -> Result<Section, DecodeError> {
        let head: SectionHead = decode(value, base)?;
        let body = match head.kind {
            SectionKind::Metrics => SectionBody::Metrics(decode(value, base)?),
            SectionKind::Ranking => SectionBody::Ranking(decode(value, base)?),
            SectionKind::CaseStats => SectionBody::CaseStats(decode(value, base)?),
            SectionKind::Calendar => SectionBody::Calendar(decode(value, base)?),
            SectionKind::Highlights => SectionBody::Highlights(decode(value, base)?),
            SectionKind::Narrative => SectionBody::Narrative(decode(value, base)?),
        };
        Ok(Section { id: head.id, title: head.title, intro: head.intro, body })
    }
}

impl<'de> Deserialize<'de> for Section {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(d)?;
        Section::from_value(&value, "").map_err(|e| {
            serde::de::Error::custom(format!("at {}: {}", e.pointer, e.message))
        })
    }
}

impl Report {
    /// Looks up a comparison group by id.
    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    /// Looks up a metric by id across all metrics sections.
    pub fn metric(&self, id: &str) -> Option<&Metric> {
        self.sections.iter().find_map(|s| match &s.body {
            SectionBody::Metrics(m) => m.items.iter().find(|item| item.id == id),
            _ => None,
        })
    }
}
