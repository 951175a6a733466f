//! The payload model: the typed, generic shape of a report (sections of metrics, rankings,
//! case statistics, month calendars, highlights and narrative). Nothing here knows Lanshan.

mod decimal;
mod text;

pub use decimal::Decimal;
pub use text::{Lang, Text};

use schemars::JsonSchema;
use serde::Serialize;

/// The format identifier every payload carries in its `schema` field.
pub const SCHEMA_V1: &str = "report-widget/1";

/// A whole report: its metadata, the comparison groups its ranks refer to, and its sections.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// The format and its major version: `report-widget/1`.
    #[schemars(extend("pattern" = "^report-widget/1(\\.[0-9]+)?$"))]
    pub schema: String,
    pub meta: Meta,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Group>,
    pub sections: Vec<Section>,
}

/// Who published the report, when, and about which period.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub title: Text,
    pub publisher: Text,
    /// The date the report carries (its signature date, 成文日期), `YYYY-MM-DD`.
    #[schemars(extend("pattern" = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]
    pub date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Text>,
    /// Where the original report is published, shown as a link under the title: an `http://`
    /// or `https://` address, or a path on the portal (`/xxgk/2021/report.html`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
    /// True for generated test or benchmark payloads; the widget then says so.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub synthetic: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// A set of peers that ranks are counted in, e.g. `{"id": "districts", "label": "五区", "size": 5}`.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Group {
    #[schemars(length(min = 1))]
    pub id: String,
    /// How the group is named before a rank: "五区" → "五区第1名".
    pub label: Text,
    #[schemars(range(min = 1))]
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

/// What a section holds; the payload names it with `"kind"`, and its fields sit beside the
/// section's own (`{"id": …, "title": …, "kind": "metrics", "items": […]}`).
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
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
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MetricsBody {
    pub items: Vec<Metric>,
}

/// One key figure with its change and ranks.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Metric {
    #[schemars(length(min = 1))]
    pub id: String,
    pub label: Text,
    pub value: Decimal,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
    #[serde(default)]
    pub direction: Direction,
    /// The range the value must lie in, e.g. 0–100 for a rate in percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bounds: Option<Bounds>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<Change>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ranks: Vec<Rank>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// The report's sentence this figure comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Text>,
}

/// Inclusive limits a value must respect; either may be left out.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Bounds {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Decimal>,
}

/// How a figure is bounded when the report does not give it exactly.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
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
    /// "近 N" — nearly N (a little under it).
    Nearly,
}

/// Which way is good for a figure; it decides whether a change is an improvement.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    HigherIsBetter,
    LowerIsBetter,
    #[default]
    Neutral,
}

/// A change against an earlier period, signed: `-8.2` percent is a decrease of 8.2%.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Change {
    pub value: Decimal,
    pub kind: ChangeKind,
    /// What the change compares with; defaults to year over year (同比).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<Text>,
    /// The unit of an `absolute` change when it is not the figure's own: the English singular
    /// after a change of 1 ("up 1 day" beside 231 "days").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Text>,
}

/// The unit of a change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
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
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rank {
    pub group: String,
    /// 1 is first; at most the group's size (checked by the validator).
    #[schemars(range(min = 1))]
    pub position: u32,
    #[serde(default)]
    pub basis: RankBasis,
}

/// What a rank orders by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RankBasis {
    #[default]
    Value,
    /// Ranked by improvement (改善幅度).
    Change,
}

/// A table of ranks within one group: rows either point at a metric or stand alone.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RankingBody {
    pub group: String,
    /// The heading of the rows' own column, where the rows are not indicators ("县区" for a
    /// table of counties); without it, "指标" / "Indicator".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row_heading: Option<Text>,
    /// The heading of the value column, where the values are one kind of figure ("合格率" for a
    /// table of towns' pass rates); without it, "数值" / "Value".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_heading: Option<Text>,
    pub rows: Vec<RankingRow>,
}

/// A ranking row. With `metric`, label, value, change and ranks come from that metric.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RankingRow {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1))]
    pub value_rank: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1))]
    pub change_rank: Option<u32>,
}

/// Counts of cases, inspections, documents and amounts.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseStatsBody {
    pub items: Vec<CaseItem>,
}

/// One count; with `resolved` it also shows how many of them were completed.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseItem {
    #[schemars(length(min = 1))]
    pub id: String,
    pub label: Text,
    #[schemars(extend("minimum" = 0))]
    pub value: Decimal,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("minimum" = 0))]
    pub resolved: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Text>,
}

/// A year's months, some of them marked (e.g. ranked first, with a reward).
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CalendarBody {
    #[schemars(range(min = 1000, max = 9999))]
    pub year: i32,
    /// What a marked month means.
    pub label: Text,
    pub marked: Vec<MarkedMonth>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Text>,
}

/// One marked month (1–12) and what it earned.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MarkedMonth {
    #[schemars(range(min = 1, max = 12))]
    pub month: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reward: Option<Amount>,
}

/// A number with its unit.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Amount {
    pub value: Decimal,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Text>,
}

/// Short statements of what was done, without a single headline number.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HighlightsBody {
    pub items: Vec<Highlight>,
}

#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Highlight {
    pub title: Text,
    pub text: Text,
}

/// Paragraphs of prose.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
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

impl SectionKind {
    /// Every kind with its name in the payload.
    pub const ALL: [(&'static str, SectionKind); 6] = [
        ("metrics", SectionKind::Metrics),
        ("ranking", SectionKind::Ranking),
        ("case_stats", SectionKind::CaseStats),
        ("calendar", SectionKind::Calendar),
        ("highlights", SectionKind::Highlights),
        ("narrative", SectionKind::Narrative),
    ];

    pub fn name(self) -> &'static str {
        Self::ALL.iter().find(|(_, k)| *k == self).map_or("metrics", |(n, _)| n)
    }
}

/// The fields every section has, whatever its kind.
pub const SECTION_FIELDS: [&str; 4] = ["id", "title", "intro", "kind"];

impl Serialize for Section {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error, SerializeMap};
        let body = match &self.body {
            SectionBody::Metrics(b) => serde_json::to_value(b),
            SectionBody::Ranking(b) => serde_json::to_value(b),
            SectionBody::CaseStats(b) => serde_json::to_value(b),
            SectionBody::Calendar(b) => serde_json::to_value(b),
            SectionBody::Highlights(b) => serde_json::to_value(b),
            SectionBody::Narrative(b) => serde_json::to_value(b),
        }
        .map_err(S::Error::custom)?;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("id", &self.id)?;
        map.serialize_entry("title", &self.title)?;
        if let Some(intro) = &self.intro {
            map.serialize_entry("intro", intro)?;
        }
        map.serialize_entry("kind", self.body.kind().name())?;
        if let serde_json::Value::Object(fields) = body {
            for (k, v) in fields {
                map.serialize_entry(&k, &v)?;
            }
        }
        map.end()
    }
}

impl JsonSchema for Section {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Section".into()
    }

    /// One alternative per kind: the common fields, `kind` fixed to its name, and the kind's
    /// own fields.
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let common = serde_json::json!({
            "id": { "type": "string", "minLength": 1, "description": "Unique among sections; also the section's link anchor." },
            "title": generator.subschema_for::<Text>(),
            "intro": generator.subschema_for::<Text>(),
        });
        let bodies = [
            ("metrics", MetricsBody::json_schema(generator)),
            ("ranking", RankingBody::json_schema(generator)),
            ("case_stats", CaseStatsBody::json_schema(generator)),
            ("calendar", CalendarBody::json_schema(generator)),
            ("highlights", HighlightsBody::json_schema(generator)),
            ("narrative", NarrativeBody::json_schema(generator)),
        ];
        let alternatives: Vec<serde_json::Value> = bodies
            .into_iter()
            .map(|(kind, body)| {
                let mut properties = common.as_object().cloned().unwrap_or_default();
                properties.insert("kind".into(), serde_json::json!({ "const": kind }));
                let mut required = vec![serde_json::json!("id"), serde_json::json!("title"), serde_json::json!("kind")];
                if let Some(props) = body.get("properties").and_then(|p| p.as_object()) {
                    properties.extend(props.clone());
                }
                if let Some(req) = body.get("required").and_then(|r| r.as_array()) {
                    required.extend(req.iter().cloned());
                }
                serde_json::json!({
                    "type": "object",
                    "description": body.get("description").cloned().unwrap_or_default(),
                    "properties": properties,
                    "required": required,
                    "additionalProperties": false,
                })
            })
            .collect();
        schemars::json_schema!({ "oneOf": alternatives })
    }
}

/// The JSON Schema of the payload format, generated from these types. Editors point their
/// editor at it (`"$schema": "…/report-widget-1.schema.json"`) for completion and checks.
pub fn json_schema() -> serde_json::Value {
    let mut schema =
        schemars::generate::SchemaSettings::draft2020_12().into_generator().into_root_schema_for::<Report>().to_value();
    if let Some(root) = schema.as_object_mut() {
        root.insert("$id".into(), "https://report-widget.invalid/schema/report-widget-1.schema.json".into());
        root.insert("title".into(), "report-widget payload, format report-widget/1".into());
        // A payload may name this schema for its editor's sake; the widget ignores it.
        if let Some(props) = root.get_mut("properties").and_then(|p| p.as_object_mut()) {
            props.insert(
                "$schema".into(),
                serde_json::json!({ "type": "string", "description": "Where this schema is, for editors." }),
            );
        }
    }
    schema
}
