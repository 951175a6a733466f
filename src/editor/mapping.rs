//! From a table (pasted or imported) to the rows of a ranking section or the items of a
//! case-statistics section: which column is which field (guessed from the header or the
//! cells, then chosen by the person), and what each row becomes. Cells such as “5020余人次”
//! or “超过20万” keep their hedge and unit: value 5020, qualifier `over`, unit 人次.

use super::doc::{text_parts, unique_id};
use crate::format::figure::{change_of, decimal_comma, parse_change, NO_FIGURE, PREFIXES};
pub use crate::format::figure::{normalize_unit, parse_figure, parse_rank, Figure};
use crate::model::SectionKind;
use serde_json::{json, Map, Number, Value};
use std::collections::HashSet;

/// Which kind of section the table fills.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Ranking,
    CaseStats,
    /// Key figures, each a card: a KPI table (指标, 数值, 单位, 同比).
    Metrics,
}

impl Target {
    /// What a table fills in a section of `kind`, if a table can fill it: key figures, a
    /// ranking or case statistics.
    pub fn of_section(kind: SectionKind) -> Option<Target> {
        match kind {
            SectionKind::Metrics => Some(Target::Metrics),
            SectionKind::Ranking => Some(Target::Ranking),
            SectionKind::CaseStats => Some(Target::CaseStats),
            _ => None,
        }
    }

    /// Whether the table's rows become items with ids of their own (case items, metrics), not
    /// a ranking's rows.
    pub fn makes_items(self) -> bool {
        self != Target::Ranking
    }
}

/// What a column becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Ignore,
    Id,
    Label,
    LabelEn,
    Value,
    Unit,
    UnitEn,
    Qualifier,
    Resolved,
    Note,
    Source,
    Metric,
    ValueRank,
    ChangeRank,
    /// A metric's year-on-year change as the report writes it (“同比增长12.4%”).
    Change,
}

impl Field {
    /// The name used in the mapping menu's values.
    pub fn key(self) -> &'static str {
        match self {
            Field::Ignore => "ignore",
            Field::Id => "id",
            Field::Label => "label",
            Field::LabelEn => "label_en",
            Field::Value => "value",
            Field::Unit => "unit",
            Field::UnitEn => "unit_en",
            Field::Qualifier => "qualifier",
            Field::Resolved => "resolved",
            Field::Note => "note",
            Field::Source => "source",
            Field::Metric => "metric",
            Field::ValueRank => "value_rank",
            Field::ChangeRank => "change_rank",
            Field::Change => "change",
        }
    }

    pub fn from_key(key: &str) -> Field {
        ALL_FIELDS.iter().copied().find(|f| f.key() == key).unwrap_or(Field::Ignore)
    }
}

const ALL_FIELDS: [Field; 15] = [
    Field::Ignore,
    Field::Id,
    Field::Label,
    Field::LabelEn,
    Field::Value,
    Field::Unit,
    Field::UnitEn,
    Field::Qualifier,
    Field::Resolved,
    Field::Note,
    Field::Source,
    Field::Metric,
    Field::ValueRank,
    Field::ChangeRank,
    Field::Change,
];

/// The fields a column can map to, for a target.
pub fn fields_for(target: Target) -> &'static [Field] {
    match target {
        Target::Ranking => &[
            Field::Ignore,
            Field::Label,
            Field::LabelEn,
            Field::Value,
            Field::Unit,
            Field::UnitEn,
            Field::ValueRank,
            Field::ChangeRank,
            Field::Metric,
        ],
        Target::CaseStats => &[
            Field::Ignore,
            Field::Id,
            Field::Label,
            Field::LabelEn,
            Field::Value,
            Field::Unit,
            Field::UnitEn,
            Field::Qualifier,
            Field::Resolved,
            Field::Note,
            Field::Source,
        ],
        Target::Metrics => &[
            Field::Ignore,
            Field::Id,
            Field::Label,
            Field::LabelEn,
            Field::Value,
            Field::Unit,
            Field::UnitEn,
            Field::Qualifier,
            Field::Change,
            Field::Note,
            Field::Source,
        ],
    }
}

/// The headers of a serial-number column.
const SERIAL_WORDS: &[&str] = &["序号", "序", "no.", "no", "#"];

/// Header words, most specific first (“改善排名” before “排名”, “英文名称” before “名称”).
/// A serial-number column (“序号”), which most Chinese spreadsheets start with, is never
/// imported: its 1, 2, 3… would pass for ranks or resolved counts.
const HEADER_WORDS: &[(Field, &[&str])] = &[
    (Field::Ignore, SERIAL_WORDS),
    (
        Field::ChangeRank,
        &[
            "改善排名",
            "改善幅度",
            "变化排名",
            "同比排名",
            "提升排名",
            "上升排名",
            "进步排名",
            "change rank",
            "change_rank",
            "improvement",
        ],
    ),
    (Field::ValueRank, &["数值排名", "排名", "名次", "位次", "value rank", "value_rank", "rank", "position"]),
    (Field::LabelEn, &["英文名称", "英文", "label (en)", "label_en", "english"]),
    (Field::UnitEn, &["英文单位", "unit (en)", "unit_en"]),
    (
        Field::Resolved,
        &["已办结", "办结", "已完成", "完成数", "结案数", "结案件", "已结案", "resolved", "completed", "done"],
    ),
    (Field::Qualifier, &["限定", "修饰", "qualifier"]),
    (Field::Metric, &["指标id", "引用", "metric"]),
    (Field::Id, &["编号", "标识", "id"]),
    (Field::Unit, &["单位", "unit"]),
    (Field::Note, &["备注", "说明", "note", "remark"]),
    (Field::Source, &["原文", "来源", "出处", "source"]),
    (
        Field::Value,
        // 立案数 and 受理数 before 金额: a table of cases with their fines (立案数, 结案数,
        // 罚没金额) makes items of its cases, each with the count resolved, and leaves the amount
        // column out with its note. (Not 立案 or 受理 alone: 受理部门 names the rows.)
        &[
            "数值",
            "数量",
            "件数",
            "次数",
            "立案数",
            "受理数",
            "立案量",
            "受理量",
            "金额",
            "总数",
            "合计",
            "数",
            "value",
            "count",
            "number",
            "total",
            "amount",
        ],
    ),
    // In the order they name an entry: with both, “项目” is the entry and “类别” its group.
    (Field::Label, &["名称", "指标", "项目", "事项", "内容", "类别", "label", "name", "item", "indicator"]),
];

fn header_field(cell: &str) -> Option<Field> {
    header_word(cell).map(|(field, _)| field)
}

/// The field a header names, and how plainly (the matched word's place in its list: 0 is the
/// plainest).
fn header_word(cell: &str) -> Option<(Field, usize)> {
    let cell = cell.trim().to_lowercase();
    if cell.is_empty() {
        return None;
    }
    // 上年, 上年数值, 去年同期: a sheet that compares two years gives the earlier one a column
    // too, which is never the value (a report shows this year's figure, and its change).
    if PRIOR_WORDS.iter().any(|w| cell.contains(w)) && !is_change_header(&cell) {
        return Some((Field::Ignore, 0));
    }
    // “单位名称” (“Unit name”), in a bureau's sheet, is an organisation's name, not a unit.
    let words: Vec<&str> = cell.split(|c: char| !c.is_alphanumeric()).collect();
    if (cell.contains("单位") && cell.contains("名称") && !cell.contains("英文"))
        || (words.contains(&"unit") && words.contains(&"name"))
    {
        return Some((Field::Label, 0));
    }
    // Short words (“数”, “id”) must be the whole cell: “indicator” is not an id. Other English
    // words must be whole words of it: “County” is not a count, nor “Community” a unit.
    let spaced = |s: &str| {
        let words: String =
            s.chars().map(|c| if c.is_ascii() && !c.is_ascii_alphanumeric() { ' ' } else { c }).collect();
        format!(" {} ", words.split_whitespace().collect::<Vec<_>>().join(" "))
    };
    let cell_words = spaced(&cell);
    // Plurals too (Remarks, Notes, Sources).
    let singular: String = cell_words
        .split(' ')
        .map(|w| if w.len() > 3 { w.strip_suffix('s').unwrap_or(w) } else { w })
        .collect::<Vec<_>>()
        .join(" ");
    let matches = |w: &&str| {
        if w.chars().count() == 1 || (w.is_ascii() && w.len() <= 3) {
            cell == *w
        } else if w.is_ascii() {
            cell_words.contains(&spaced(w)) || singular.contains(&spaced(w))
        } else {
            cell.contains(w)
        }
    };
    HEADER_WORDS
        .iter()
        // 未办结, 未结案数: what is not resolved yet.
        .filter(|(f, _)| !(*f == Field::Resolved && cell.contains('未')))
        .find_map(|(f, words)| words.iter().position(matches).map(|i| (*f, i)))
}

/// Words of a header for an earlier period than the report's.
const PRIOR_WORDS: &[&str] =
    &["上年", "去年", "上一年", "前一年", "上年度", "上期", "基期", "last year", "previous", "prior year"];

/// Whether a header (lowercased) names a change between two periods (同比, 比上年增减, 较2022年),
/// not a period's figure.
fn is_change_header(cell: &str) -> bool {
    CHANGE_WORDS.iter().any(|w| cell.contains(w))
        || cell.contains(['比', '较', '增', '减', '升', '降', '涨', '跌', '±'])
        || cell.contains(" vs")
}

/// The year a header names (“2023年”, “2022年数值”, “２０２３”): four digits from 1900 to 2199,
/// not in a change's header (“比2022年增长”).
fn header_year(cell: &str) -> Option<u32> {
    let cell: String = cell.trim().to_lowercase().chars().map(crate::format::figure::ascii_digit).collect();
    if is_change_header(&cell) {
        return None;
    }
    cell.split(|c: char| !c.is_ascii_digit())
        .filter(|run| run.len() == 4)
        .filter_map(|run| run.parse().ok())
        .find(|year| (1900..2200).contains(year))
}

/// The unit a header gives its column in brackets: “数量（件）”, “金额(万元)”, “Fines (yuan)”.
/// Not a year or another number (“数值（2021）”), and not a language (“名称（英文）” is a label).
pub fn header_unit(cell: &str) -> Option<String> {
    header_name_and_unit(cell).map(|(_, unit)| unit)
}

/// `header_unit`, with the header's words before the brackets (“合格率” of “合格率（%）”).
pub fn header_name_and_unit(cell: &str) -> Option<(&str, String)> {
    header_unit_parts(cell).map(|(name, zh, _)| (name, zh))
}

/// The English of a header's unit written in English (“Fines (yuan)” → “yuan”, “Amount (10k
/// yuan)” → “× 10,000 yuan”, as the English view writes a magnitude), which `header_unit`
/// gives in Chinese; `None` for a unit in Chinese.
pub fn header_unit_english(cell: &str) -> Option<String> {
    header_unit_parts(cell).and_then(|(_, _, en)| en)
}

/// A header's words before its brackets, the unit in them as the report's Chinese text, and
/// that unit's English where the header wrote it in English.
fn header_unit_parts(cell: &str) -> Option<(&str, String, Option<String>)> {
    let cell = cell.trim();
    let (open, close) =
        [('（', '）'), ('(', ')'), ('【', '】'), ('[', ']')].into_iter().find(|(_, close)| cell.ends_with(*close))?;
    let (name, inner) = cell[..cell.len() - close.len_utf8()].rsplit_once(open)?;
    let inner = inner.trim();
    // Digits make a year or a number (数值（2021）), except in m², μg/m3 and an English unit's
    // magnitude: “Amount (10k yuan)”, “(100 million yuan)”.
    let magnitude = [
        ("10k ", "万", "× 10,000 "),
        ("10,000 ", "万", "× 10,000 "),
        ("10 000 ", "万", "× 10,000 "),
        ("100m ", "亿", "× 100 million "),
        ("100 million ", "亿", "× 100 million "),
    ]
    .into_iter()
    .find(|(m, ..)| inner.len() > m.len() && inner.get(..m.len()).is_some_and(|head| head.eq_ignore_ascii_case(m)));
    let unit = &inner[magnitude.map_or(0, |(m, ..)| m.len())..];
    let is_unit = !inner.is_empty()
        && unit.chars().count() <= 10
        && !unit.chars().any(|c| c.is_ascii_digit() && !"23".contains(c))
        && !inner.contains(['年', '月', '日'])
        // A note, not a unit: 数值（注：来自统计局）, 数量（不含市直单位）.
        && !unit.contains(['：', ':', '，', ',', '；', '。'])
        && !["注", "含", "不含", "其中", "按"].iter().any(|w| unit.starts_with(w))
        && header_field(inner).is_none()
        && !["en", "英文", "中文", "zh", "english", "chinese"].contains(&inner.to_lowercase().as_str());
    if !is_unit {
        return None;
    }
    // The unit is the report's Chinese text, which shows right after the number: “10k yuan”
    // there would make 3 read as “310k yuan”. The magnitude and yuan are written in Chinese
    // (3万元), other English words stay as they are.
    let normalized = normalize_unit(unit);
    let chinese = match normalized.get(..4).filter(|head| head.eq_ignore_ascii_case("yuan")) {
        Some(_) => format!("元{}", &normalized[4..]),
        None => normalized,
    };
    let zh = magnitude.map_or(String::new(), |(_, zh, _)| zh.to_string()) + &chinese;
    let english = inner.chars().any(|c| c.is_ascii_alphabetic()) && !inner.chars().any(|c| c > '\u{2fff}');
    let en = match magnitude {
        _ if !english => None,
        Some((.., times)) => Some(format!("{times}{}", unit.trim())),
        // Only where the Chinese is another text (元 for yuan): μg/m3 is the same in both.
        None => Some(normalize_unit(inner)).filter(|en| *en != zh),
    };
    Some((name.trim(), zh, en))
}

/// A qualifier written as the payload's name or as the report's word.
pub fn parse_qualifier(cell: &str) -> Option<&'static str> {
    let s = cell.trim();
    const NAMES: &[&str] = &["more_than", "over", "at_least", "about", "less_than", "nearly"];
    if let Some(n) = NAMES.iter().find(|n| **n == s) {
        return Some(n);
    }
    PREFIXES.iter().find(|(w, _)| *w == s).map(|(_, q)| *q).or(match s {
        "余" | "多" => Some("over"),
        _ => None,
    })
}

fn is_number(cell: &str) -> bool {
    parse_figure(cell).number.is_some()
}

/// How many lines at the top of a sheet are its title rather than its table: lines with one
/// filled cell (a title typed across merged cells, “2023年各区数据共享率排名”, which Excel and
/// WPS save as the sheet's first line) above a line with two or more, and at least two lines
/// of table below them.
pub fn title_lines(rows: &[Vec<String>]) -> usize {
    let titles = rows.iter().take_while(|row| row.iter().filter(|c| !c.trim().is_empty()).count() <= 1).count();
    if rows.len() >= titles + 2 {
        titles
    } else {
        0
    }
}

/// Whether the first row is a header: it names known fields, or it has text where the rows
/// below have numbers.
pub fn guess_header(rows: &[Vec<String>]) -> bool {
    let Some((first, rest)) = rows.split_first() else { return false };
    if first.iter().filter(|c| header_field(c).is_some()).count() >= 2 {
        return true;
    }
    !rest.is_empty()
        && (0..first.len()).any(|col| {
            !first[col].trim().is_empty()
                && !is_number(&first[col])
                && rest.iter().filter(|r| is_number(&r[col])).count() * 2 > rest.len()
        })
}

/// A first guess at each column's field: from the header where it names one, then from the
/// cells for the other columns (a header such as “区县” or “污水处理率” names no field, but
/// its cells are names or numbers). Each field is given to one column at most; a column whose
/// header names a field this section has no place for stays unimported.
pub fn guess_mapping(target: Target, rows: &[Vec<String>], header: bool) -> Vec<Field> {
    let width = rows.first().map_or(0, Vec::len);
    let allowed = fields_for(target);
    let mut used = HashSet::new();
    let mut out = vec![Field::Ignore; width];
    let mut elsewhere = vec![false; width];
    let mut change = vec![false; width];
    let body = if header { &rows[1..] } else { rows };
    if header {
        let named: Vec<Option<(Field, usize)>> = rows[0]
            .iter()
            .enumerate()
            .map(|(col, cell)| match header_word(cell) {
                // “单位” over organisations (市场监管局) names the rows: a unit column holds 件, %.
                // As a name column it gives way to one its header names plainer (“名称”).
                Some((Field::Unit, _)) if organisations(body, col) => Some((Field::Label, usize::MAX)),
                word => word,
            })
            .collect();
        // 2022年 | 2023年 | 增减: of the years the header names, the latest is the report's;
        // an earlier year's column is never the value, as 上年's is not (`header_word`).
        let years: Vec<Option<u32>> = rows[0].iter().map(|cell| header_year(cell)).collect();
        let latest = years.iter().flatten().max().copied();
        let named: Vec<Option<(Field, usize)>> = named
            .into_iter()
            .zip(&years)
            .map(|(word, year)| match (year, latest) {
                (Some(year), Some(latest)) if *year < latest => Some((Field::Ignore, 0)),
                _ => word,
            })
            .collect();
        for (col, word) in named.iter().enumerate() {
            let Some((f, rank)) = *word else { continue };
            // A field goes to the column that names it most plainly (the first of equals); a
            // column whose header names a field it does not get is not guessed from its cells:
            // a second amount column (金额（万元）) beside the count is no resolved count.
            let best = named.iter().enumerate().all(|(other, w)| match w {
                Some((g, r)) if *g == f => (*r, other) >= (rank, col),
                _ => true,
            });
            if f != Field::Ignore && allowed.contains(&f) && best {
                used.insert(f);
                out[col] = f;
            } else {
                elsewhere[col] = true;
            }
        }
        for col in 0..width {
            change[col] = named[col].is_none() && CHANGE_WORDS.iter().any(|w| rows[0][col].to_lowercase().contains(w));
        }
    }
    let numeric_order: &[Field] = match target {
        Target::Ranking => &[Field::Value, Field::ValueRank, Field::ChangeRank],
        Target::CaseStats => &[Field::Value, Field::Resolved],
        Target::Metrics => &[Field::Value],
    };
    for col in 0..width {
        if out[col] != Field::Ignore || elsewhere[col] {
            continue;
        }
        let filled: Vec<&str> = body.iter().map(|r| r[col].trim()).filter(|c| !c.is_empty()).collect();
        if filled.is_empty() {
            continue;
        }
        // A comma for a decimal point ("97,5") still makes a column of numbers: its cells are
        // then each said, with the number they may mean.
        let numbers = filled.iter().filter(|c| is_number(c) || decimal_comma(c).is_some()).count();
        // A metric's change: a column headed so (同比, 增减) or of cells that say one
        // (“同比增长12.4%”, “下降5.1个百分点”).
        let changes = filled.iter().filter(|c| parse_change(c).is_some()).count();
        let field = if target == Target::Metrics && (change[col] || changes * 2 > filled.len()) {
            (!used.contains(&Field::Change)).then_some(Field::Change)
        } else if change[col] {
            // A change column is the value or nothing.
            (numbers * 2 > filled.len() && !used.contains(&Field::Value)).then_some(Field::Value)
        } else if numbers * 2 > filled.len() {
            // A rank only from places (1, 第2名): a rate or an amount beside the value column
            // (合格率 98.5%, 金额 1,234) is left for the editor to choose, not read as a rank.
            // Only the cells with a number: a dash or “并列3” among places leaves them places.
            let places =
                filled.iter().filter(|c| is_number(c)).all(|c| parse_rank(c).is_some_and(|n| (1..1000).contains(&n)));
            numeric_order
                .iter()
                .find(|f| !used.contains(*f) && (places || !matches!(f, Field::ValueRank | Field::ChangeRank)))
                .copied()
        } else if !used.contains(&Field::Label) {
            Some(Field::Label)
        } else if filled.iter().all(|c| c.chars().count() <= 6) && !used.contains(&Field::Unit) {
            Some(Field::Unit)
        } else {
            None
        };
        if let Some(f) = field {
            used.insert(f);
            out[col] = f;
        }
    }
    out
}

/// Endings of the name of an organisation or a place (环保局, 综合执法大队, 自来水公司, 兰山区,
/// 沂南县); no unit ends so in two characters or more (“处” alone is a unit, of places).
const ORGANISATION_ENDINGS: &[&str] = &[
    "局", "委", "办", "厅", "院", "所", "站", "队", "中心", "公司", "政府", "街道", "镇", "乡", "村", "社区", "部",
    "处", "科", "室", "会", "馆", "校", "集团", "区", "县", "市", "旗", "州", "盟", "省",
];

/// Whether most filled cells of column `col` name organisations or places rather than units.
/// A name's note in brackets (“河口镇（含开发区）”) is left aside, and so are total and
/// average rows (“全县平均”), which name no organisation.
fn organisations(body: &[Vec<String>], col: usize) -> bool {
    let filled: Vec<&str> = body
        .iter()
        .filter_map(|r| r.get(col))
        .map(|c| c.trim())
        .filter(|c| !c.is_empty() && !is_total(c) && !is_average(c))
        .collect();
    let named = filled
        .iter()
        .map(|c| match c.strip_suffix(['）', ')']).and_then(|c| c.rsplit_once(['（', '('])) {
            Some((name, _)) => name.trim(),
            None => c,
        })
        .filter(|c| c.chars().count() >= 2 && ORGANISATION_ENDINGS.iter().any(|e| c.ends_with(e)))
        .count();
    named * 2 > filled.len()
}

/// Something the conversion did that the person should see before applying it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Note {
    /// “5020余” read as 5020 with a qualifier.
    Qualifier { row: usize, cell: String, qualifier: &'static str },
    /// “98.5%” read as 98.5 with a unit; “超过20万” beside a unit column “人次” as 20 万人次.
    Unit { row: usize, cell: String, unit: String },
    /// `Unit`, where `without` other rows have no unit at all (“86.0%” among bare scores): one
    /// row would read unlike the rest, which the person should check.
    UnitOnSome { row: usize, cell: String, unit: String, without: usize },
    /// The cell's own unit differs from the unit column's, which is used: “12件” beside “起”.
    UnitConflict { row: usize, cell: String, column: String },
    /// A ranking row has no qualifier: “5020余” is imported as 5020 (the hedge is not kept).
    QualifierDropped { row: usize, cell: String },
    /// The cell is not a number; it is kept as text and the validator will name it.
    NotANumber { row: usize, cell: String, field: Field },
    /// A rank cell with a number that is no place (“98.5”, “12%”): kept as text; the column is
    /// likely not a rank.
    NotARank { row: usize, cell: String },
    /// “并列2”: a tie, read as the place 2.
    Tie { row: usize, cell: String, rank: u64 },
    /// A value cell that says there is no figure (“—”, “/”, “无”): the row gets no value.
    NoFigure { row: usize, cell: String },
    /// A value with a comma where a decimal point belongs (“97,5”, as some spreadsheets write
    /// it): not a number, kept as written, with the number it may mean (`reading`, “97.5”).
    DecimalComma { row: usize, cell: String, reading: String },
    /// A rank beyond the section's group (7 in a group of 6, or 0), in the rank column `field`.
    RankBeyondGroup { row: usize, field: Field, rank: u64, size: u32 },
    /// A resolved count with a hedge or a unit of its own (“1,230余”, “98.9%”): kept as text,
    /// as the bare number would claim more than the cell says.
    NotACount { row: usize, cell: String },
    /// The value column's header gives a unit (“数量（件）”): the unit of every row that has
    /// none of its own.
    HeaderUnit { header: String, unit: String },
    /// A total row (“合计”, in the name column or, with no name, in another such as 序号): not
    /// imported, as a chart would draw the sum as one more item beside its parts.
    TotalRow { row: usize, cell: String },
    /// An average row (“全县平均”, in the name column): not imported, as it is no member of a
    /// ranking (a table of eight towns would get a ninth) and no item of its own.
    AverageRow { row: usize, cell: String },
    /// A change read as a bare number (“12.4”): whether it is per cent, percentage points or an
    /// amount is for the person to choose.
    ChangeKind { row: usize, cell: String },
    /// A change whose words give no direction (“改善8.2%”: up or down depends on the figure) or
    /// no figure: not imported, to be written in the form.
    ChangeNotRead { row: usize, cell: String },
    /// A column with something in it that is not imported (mapped to nothing; a serial-number
    /// column aside): its header, or `None` for a table without one, and its index.
    ColumnNotImported { column: usize, header: Option<String> },
    /// A ranking's name column is headed with what its rows are (“区县”): the heading of the
    /// table's first column (`row_heading`), where the section has none yet.
    RowHeading { header: String },
    /// A ranking's value column is headed with the kind of figure it holds (“合格率（%）”): the
    /// heading of the table's value column (`value_heading`, “合格率”, its unit left to the
    /// values), where the section has none yet.
    ValueHeading { header: String, heading: String },
    /// A table whose value header names another kind of figure (“污水处理率”) than the value
    /// column's heading the section keeps (“合格率”): replacing the rows (`appending` false),
    /// the heading may need changing; adding to them, the figures may not belong together.
    HeadingKept { kept: String, header: String, appending: bool },
    /// Replacing rows with an updated table: texts whose Chinese is unchanged keep the English
    /// the person gave them (a sheet has none to give).
    KeptEnglish { count: usize },
    /// Replacing key figures: `count` rows of the table were figures already there, by their
    /// Chinese name, and keep their id (which rankings refer to) and what describes the
    /// indicator (`keep_metrics`).
    KeptMetrics { count: usize },
    /// Replacing key figures: the figures whose value, hedge or change the table changes lose
    /// their old ranks and quoted source sentence, to be given anew.
    MetricsRestated { names: Vec<String> },
    /// Replacing key figures: the figures no row names are removed; `referenced`, the ones a
    /// ranking refers to (its rows would name nothing).
    MetricsDropped { names: Vec<String>, referenced: Vec<String> },
    /// A title line above the table (`title_lines`), left out.
    TitleLine { cell: String },
}

impl Note {
    /// The table's row (below the header) a note is about, if it is about one.
    pub fn row(&self) -> Option<usize> {
        match self {
            Note::Qualifier { row, .. }
            | Note::Unit { row, .. }
            | Note::UnitOnSome { row, .. }
            | Note::UnitConflict { row, .. }
            | Note::QualifierDropped { row, .. }
            | Note::NotANumber { row, .. }
            | Note::NotARank { row, .. }
            | Note::Tie { row, .. }
            | Note::NoFigure { row, .. }
            | Note::DecimalComma { row, .. }
            | Note::RankBeyondGroup { row, .. }
            | Note::NotACount { row, .. }
            | Note::TotalRow { row, .. }
            | Note::AverageRow { row, .. }
            | Note::ChangeKind { row, .. }
            | Note::ChangeNotRead { row, .. } => Some(*row),
            _ => None,
        }
    }

    /// Whether the editor must look at the row or column before applying: a figure kept as
    /// text, a qualifier or unit overridden, a row or column left out. The other notes say how a
    /// cell was read, which is what the editor wrote.
    pub fn needs_check(&self) -> bool {
        !matches!(
            self,
            Note::Qualifier { .. }
                | Note::Unit { .. }
                | Note::HeaderUnit { .. }
                | Note::RowHeading { .. }
                | Note::ValueHeading { .. }
                | Note::KeptEnglish { .. }
                | Note::KeptMetrics { .. }
                | Note::Tie { .. }
        )
    }
}

/// A note as the import panel shows it: one of them, or the notes of one unit read from the
/// cells of several rows (“98.6%”, “97.9%”, …), said once.
#[derive(Clone, Debug, PartialEq)]
pub enum ShownNote<'a> {
    One(&'a Note),
    Units { unit: &'a str, rows: Vec<usize>, example: &'a str },
}

/// The notes in the order to show them: those the person must check first (a figure kept as
/// text, a row left out), then how cells were read, a unit read from many cells said once. A
/// sheet of nine rates gave nine lines of “单位 %” above the one that mattered.
pub fn notes_to_show(notes: &[Note]) -> Vec<ShownNote<'_>> {
    let mut shown: Vec<ShownNote> = notes.iter().filter(|n| n.needs_check()).map(ShownNote::One).collect();
    for note in notes.iter().filter(|n| !n.needs_check()) {
        let Note::Unit { row, cell, unit } = note else {
            shown.push(ShownNote::One(note));
            continue;
        };
        let same = shown.iter_mut().find_map(|s| match s {
            ShownNote::Units { unit: u, rows, .. } if *u == unit.as_str() => Some(rows),
            _ => None,
        });
        match same {
            Some(rows) => rows.push(*row),
            None => shown.push(ShownNote::Units { unit, rows: vec![*row], example: cell }),
        }
    }
    shown
}

/// Value headers that say only that a column holds values: no heading of their own.
/// (Chinese only: a heading is taken from a Chinese header, the text every reader gets.)
const GENERIC_VALUE_HEADINGS: &[&str] = &["数值", "数", "值", "数量", "数目", "合计", "总计", "总数"];

/// Words of a change column ("同比（百分点）", "增幅"). Neither a ranking row nor a case item
/// has a change of its own (a change belongs to a metric), and its -0.1 and 0.0 are no rank: such
/// a column is not imported beside a value column, but is the value where there is none (a
/// ranking by improvement).
const CHANGE_WORDS: &[&str] = &["同比", "环比", "增幅", "降幅", "增减", "变化", "升降", "change", "yoy"];

/// The words of a total row, spaces aside (“合　计”).
const TOTAL_WORDS: &[&str] = &["合计", "总计", "小计", "共计", "总数", "total", "subtotal", "sum"];

fn is_total(cell: &str) -> bool {
    TOTAL_WORDS.contains(&row_word(cell).as_str())
}

/// A name cell as a total or average row's word is compared: without spaces (“合　计”), lowercased.
fn row_word(cell: &str) -> String {
    cell.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase()
}

/// An average row (“平均”, “全县平均”, “各区均值”, “County average”): like a total, it is no
/// member of a ranking and no item of its own. The word alone, or after a whole or all its
/// members; not a figure's name (PM10均值, 年平均).
fn is_average(cell: &str) -> bool {
    let word = row_word(cell);
    let before = ["平均值", "平均数", "平均", "均值", "average", "mean"].iter().find_map(|w| word.strip_suffix(w));
    before.is_some_and(|b| {
        b.is_empty()
            || [
                "全县",
                "全市",
                "全区",
                "全省",
                "全镇",
                "全乡",
                "全国",
                "各区",
                "各县",
                "各市",
                "各乡镇",
                "各镇",
                "各地",
            ]
            .contains(&b)
            || ["county", "city", "district", "province", "town", "overall", "national"].contains(&b)
    })
}

/// The rows (ranking) or items (case statistics) a table makes, and the notes on the way.
#[derive(Clone, Debug, PartialEq)]
pub struct Built {
    pub entries: Vec<Value>,
    pub notes: Vec<Note>,
    /// A ranking's `row_heading`, from its name column's header where that says what the rows
    /// are (“区县”, “站点”), not only that they are named (“名称”, “指标”).
    pub row_heading: Option<String>,
    /// A ranking's `value_heading`, from its value column's header without the unit in brackets,
    /// where that names a kind of figure (“合格率”), not only that it is one (“数值”).
    pub value_heading: Option<String>,
    /// The table's row (of those below the header) each entry comes from, for notes on entries.
    pub rows: Vec<usize>,
}

fn text(zh: Option<&str>, en: Option<&str>) -> Option<Value> {
    let zh = zh.map(str::trim).unwrap_or("");
    let en = en.map(str::trim).unwrap_or("");
    match (zh.is_empty(), en.is_empty()) {
        (true, true) => None,
        (_, true) => Some(json!(zh)),
        _ => Some(json!({ "zh": zh, "en": en })),
    }
}

fn number(literal: &str) -> Value {
    literal.parse::<Number>().map(Value::Number).unwrap_or_else(|_| json!(literal))
}

/// A metric's change as a cell under the header `header` writes it: in words (“同比增长12.4%”,
/// “下降5.1个百分点”) or as a number (“-5.1%”, “+3天”, “3.2” under 降幅（%）, which is −3.2%).
/// Its kind comes from its unit or the header's (% is percent, 个百分点 points, the row's own
/// unit `own` an amount of it); a bare number has none. `None` where it cannot be told: words
/// without a direction (“改善8.2%”), another unit (“12.4%↑”), a change from the month before
/// (环比, which the widget would call year-on-year), no figure.
fn read_change(cell: &str, header: &str, own: Option<&str>) -> Option<(String, Option<&'static str>, Option<String>)> {
    if cell.contains("环比") || header.contains("环比") {
        return None;
    }
    if let Some(change) = parse_change(cell) {
        return Some(change);
    }
    // 持平: no change, whatever its kind (the widget says 持平).
    if ["持平", "同比持平", "与上年持平"].contains(&cell.trim()) {
        return Some(("0".into(), Some("percent"), None));
    }
    let figure = parse_figure(cell.trim().trim_start_matches('+'));
    let mut number = figure.number.filter(|_| figure.qualifier.is_none())?;
    // Under a header that says the figures fall (降幅, 下降率), a figure is a fall; one with a
    // sign of its own (−2.0 under 降幅: a rise?) is for the person to say.
    if ["降幅", "下降", "降低", "减少", "减幅"].iter().any(|w| header.contains(w)) {
        if number.starts_with('-') || cell.trim().starts_with('+') {
            return None;
        }
        number.insert(0, '-');
    }
    let unit = figure.unit.or_else(|| header_unit(header));
    // An amount only in the figure's own unit: another (“%↑”) is no change the widget can show.
    let change = change_of(number, unit.as_deref());
    (change.1 != Some("absolute") || change.2.as_deref() == own).then_some(change)
}

/// A place as a sheet writes it (1, 第1名, ３, 第二名), and whether it is a tie (并列2, 并列第2名,
/// 2（并列）, 2=).
fn place(cell: &str) -> Option<(u64, bool)> {
    let s = cell.trim();
    let (s, tie) = match s
        .strip_prefix("并列")
        .or_else(|| s.strip_suffix("（并列）").or_else(|| s.strip_suffix("(并列)")).or_else(|| s.strip_suffix('=')))
    {
        Some(rest) => (rest.trim(), true),
        None => (s, false),
    };
    let words = s.trim_start_matches('第').trim_end_matches(['名', '位']);
    Some((parse_rank(s).or_else(|| chinese_number(words))?, tie))
}

/// 一 to 九十九, as places are written in words (第二名, 第十一名).
fn chinese_number(s: &str) -> Option<u64> {
    let digit = |c: &char| "一二三四五六七八九".chars().position(|d| d == *c).map(|d| d as u64 + 1);
    match s.chars().collect::<Vec<char>>().as_slice() {
        ['十'] => Some(10),
        ['十', d] => Some(10 + digit(d)?),
        [d] => digit(d),
        [t, '十'] => Some(digit(t)? * 10),
        [t, '十', d] => Some(digit(t)? * 10 + digit(d)?),
        _ => None,
    }
}

/// Magnitudes written after a number (“20万”, “3千”): part of the figure's unit.
const MAGNITUDES: &[&str] = &["万亿", "亿", "万", "千", "百"];

/// The unit of a value cell that has one of its own (`own`: “%” in “98.5%”, “万” in “20万”),
/// beside the unit column's (`column`), with a note of what was done: a magnitude joins the
/// column's unit (20万 + 人次 → 20 万人次), so the figure keeps its size; another unit
/// than the column's is noted, and the column's is used.
fn unit_with(own: String, column: Option<String>, row: usize, cell: &str, notes: &mut Vec<Note>) -> String {
    let Some(column) = column else {
        notes.push(Note::Unit { row, cell: cell.to_string(), unit: own.clone() });
        return own;
    };
    if column.starts_with(&own) {
        column
    } else if MAGNITUDES.contains(&own.as_str()) {
        let unit = own + &column;
        notes.push(Note::Unit { row, cell: cell.to_string(), unit: unit.clone() });
        unit
    } else {
        notes.push(Note::UnitConflict { row, cell: cell.to_string(), column: column.clone() });
        column
    }
}

/// Converts the table's rows (without the header) into entries. `header` is the header row, if
/// the table has one (a unit in the value column's header is the rows' unit); `taken` holds the
/// ids already used in the document; `id_base` is the start of generated item ids.
pub fn build(
    target: Target,
    header: Option<&[String]>,
    rows: &[Vec<String>],
    mapping: &[Field],
    taken: &HashSet<String>,
    id_base: &str,
) -> Built {
    let mut taken = taken.clone();
    let mut notes = Vec::new();
    let headings = header_headings(target, header, mapping, &mut notes);
    note_columns_left_out(header, rows, mapping, &mut notes);
    let change_header = mapping.iter().position(|m| *m == Field::Change).and_then(|c| header?.get(c)).map(|h| h.trim());
    let sheet = Sheet {
        target,
        mapping,
        header_unit: headings.unit,
        header_unit_en: headings.unit_en,
        change_header: change_header.unwrap_or(""),
        id_base,
    };
    let mut entries = Vec::new();
    let mut entry_rows = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        if let Some(entry) = sheet.entry(r, row, &mut taken, &mut notes) {
            entries.push(Value::Object(entry));
            entry_rows.push(r);
        }
    }
    // A unit that some cells of a ranking wrote and other rows' values lack (“86.0%” among bare
    // scores). A case chart's items are of many kinds (12件, 86.5万元, 320).
    // (A value kept as text, “96,8%”, has its own note and is no row without a unit.)
    let without =
        entries.iter().filter(|e| e.get("value").is_some_and(Value::is_number) && e.get("unit").is_none()).count();
    if target == Target::Ranking && without > 0 {
        for note in &mut notes {
            if let Note::Unit { row, cell, unit } = note {
                let (cell, unit) = (std::mem::take(cell), std::mem::take(unit));
                *note = Note::UnitOnSome { row: *row, cell, unit, without };
            }
        }
    }
    Built { entries, notes, row_heading: headings.row, value_heading: headings.value, rows: entry_rows }
}

/// What a sheet's header says beyond which field each column is: the values' unit
/// (“合格率（%）”), and for a ranking the headings of its rows and of its values.
struct Headings {
    unit: Option<String>,
    /// The unit's English, where the header wrote it in English.
    unit_en: Option<String>,
    row: Option<String>,
    value: Option<String>,
}

/// The header's unit and headings, each with its note.
fn header_headings(target: Target, header: Option<&[String]>, mapping: &[Field], notes: &mut Vec<Note>) -> Headings {
    let value_header = mapping.iter().position(|m| *m == Field::Value).and_then(|c| header?.get(c));
    let (unit, unit_en) =
        value_header.and_then(|h| header_unit_parts(h)).map_or((None, None), |(_, zh, en)| (Some(zh), en));
    if let (Some(header), Some(unit)) = (value_header, &unit) {
        notes.push(Note::HeaderUnit { header: header.trim().to_string(), unit: unit.clone() });
    }
    let row_heading = match (target, header) {
        (Target::Ranking, Some(header)) => mapping
            .iter()
            .position(|m| *m == Field::Label)
            .and_then(|c| header.get(c))
            .map(|h| h.trim())
            // Chinese: the heading's required text (an English header, “District”, is not one).
            .filter(|h| {
                h.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) && header_field(h) != Some(Field::Label)
            })
            .map(str::to_string),
        _ => None,
    };
    if let Some(header) = &row_heading {
        notes.push(Note::RowHeading { header: header.clone() });
    }
    let value_heading = match (target, value_header) {
        (Target::Ranking, Some(header)) => {
            let header = header.trim();
            // The unit in brackets goes to the values (the header-unit note); the rest heads them,
            // unless it only says that they are values (“数值”, “数量”, “合计”), which the
            // default heading says as well. (金额 or 件数 say more: they head the column.)
            let heading = header_name_and_unit(header).map_or(header, |(name, _)| name);
            let only_a_value_word = GENERIC_VALUE_HEADINGS.contains(&heading);
            (heading.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) && !only_a_value_word).then(|| {
                notes.push(Note::ValueHeading { header: header.to_string(), heading: heading.to_string() });
                heading.to_string()
            })
        }
        _ => None,
    };
    Headings { unit, unit_en, row: row_heading, value: value_heading }
}

/// Nothing a cell says is dropped without a word: a column left out that has something in it
/// is named (a serial number's column, “序号”, goes without one).
fn note_columns_left_out(header: Option<&[String]>, rows: &[Vec<String>], mapping: &[Field], notes: &mut Vec<Note>) {
    for (c, _) in mapping.iter().enumerate().filter(|(_, m)| **m == Field::Ignore) {
        let name = header.and_then(|h| h.get(c)).map(|h| h.trim().to_string()).filter(|h| !h.is_empty());
        let serial = name.as_deref().is_some_and(|h| SERIAL_WORDS.contains(&h.to_lowercase().as_str()));
        if !serial && rows.iter().any(|r| r.get(c).is_some_and(|v| !v.trim().is_empty())) {
            notes.push(Note::ColumnNotImported { column: c, header: name });
        }
    }
}

/// The fixed parts of a sheet being read: what its columns are, the header's unit, the change
/// column's header (empty without one), and the start of the ids it makes.
struct Sheet<'a> {
    target: Target,
    mapping: &'a [Field],
    header_unit: Option<String>,
    header_unit_en: Option<String>,
    change_header: &'a str,
    id_base: &'a str,
}

impl Sheet<'_> {
    /// The entry the sheet's row `r` makes, or `None` for a total row (with its note). A case
    /// item's id is new among `taken`, and added to it.
    fn entry(
        &self,
        r: usize,
        row: &[String],
        taken: &mut HashSet<String>,
        notes: &mut Vec<Note>,
    ) -> Option<Map<String, Value>> {
        let Sheet { target, mapping, ref header_unit, ref header_unit_en, change_header, id_base } = *self;
        let cell = |f: Field| -> Option<&str> {
            mapping.iter().position(|m| *m == f).and_then(|c| row.get(c)).map(|s| s.trim()).filter(|s| !s.is_empty())
        };
        if cell(Field::Label).is_none_or(is_total) && cell(Field::Metric).is_none() {
            if let Some(total) = row.iter().find(|c| is_total(c)) {
                notes.push(Note::TotalRow { row: r, cell: total.trim().to_string() });
                return None;
            }
        }
        // A key figure may well be an average (PM2.5年均值): only a table of members has an average row.
        let members = target != Target::Metrics;
        if let Some(average) = cell(Field::Label).filter(|l| members && is_average(l) && cell(Field::Metric).is_none())
        {
            notes.push(Note::AverageRow { row: r, cell: average.to_string() });
            return None;
        }
        let mut o = Map::new();
        if target.makes_items() {
            let id = match cell(Field::Id) {
                Some(id) => id.to_string(),
                None => unique_id(taken, &format!("{id_base}-{}", r + 1)),
            };
            taken.insert(id.clone());
            o.insert("id".into(), json!(id));
        }
        if let Some(m) = cell(Field::Metric) {
            o.insert("metric".into(), json!(m));
        }
        if let Some(label) = text(cell(Field::Label), cell(Field::LabelEn)) {
            o.insert("label".into(), label);
        } else if target.makes_items() || cell(Field::Metric).is_none() {
            o.insert("label".into(), json!(""));
        }
        let mut unit_zh = cell(Field::Unit).map(normalize_unit);
        if let Some(v) = cell(Field::Value) {
            let fig = parse_figure(v);
            match &fig.number {
                Some(n) => {
                    o.insert("value".into(), number(n));
                    match fig.qualifier {
                        Some(q) if target.makes_items() && cell(Field::Qualifier).is_none() => {
                            o.insert("qualifier".into(), json!(q));
                            notes.push(Note::Qualifier { row: r, cell: v.to_string(), qualifier: q });
                        }
                        Some(_) if target == Target::Ranking => {
                            notes.push(Note::QualifierDropped { row: r, cell: v.to_string() })
                        }
                        _ => {}
                    }
                    if let Some(own) = fig.unit {
                        // A unit column decides; the header's unit only takes a magnitude in
                        // ("20万" under 数量（件）: 20 万件), never replaces a cell's own unit
                        // ("3.5亿元" under 金额（万元） stays 3.5 亿元).
                        let column = match (&unit_zh, &header_unit) {
                            (Some(_), _) => unit_zh.clone(),
                            // "99.2%" under 合格率（%）: the header's note says it once for all.
                            (None, Some(h)) if *h == own => Some(h.clone()),
                            (None, Some(h))
                                if MAGNITUDES.contains(&own.as_str())
                                    && !MAGNITUDES.iter().any(|m| h.starts_with(m)) =>
                            {
                                Some(h.clone())
                            }
                            (None, _) => None,
                        };
                        unit_zh = Some(unit_with(own, column, r, v, notes));
                    }
                }
                // A dash for “no figure” (—, /, 无): the row gets no value, which the checks ask
                // for; no text passed off as a figure.
                None if NO_FIGURE.contains(&v.trim()) => notes.push(Note::NoFigure { row: r, cell: v.to_string() }),
                None => {
                    o.insert("value".into(), json!(v));
                    notes.push(match decimal_comma(v) {
                        Some(reading) => Note::DecimalComma { row: r, cell: v.to_string(), reading },
                        None => Note::NotANumber { row: r, cell: v.to_string(), field: Field::Value },
                    });
                }
            }
        }
        // The header's unit for a row that has none of its own (not a row that names a metric,
        // whose unit is the metric's).
        let from_header = unit_zh.is_none() && cell(Field::Metric).is_none();
        if from_header {
            unit_zh = header_unit.clone();
        }
        // A header's English unit (Fines (yuan)) is the English of the Chinese made from it.
        let unit_en = cell(Field::UnitEn).or(header_unit_en.as_deref().filter(|_| from_header));
        if let Some(unit) = text(unit_zh.as_deref(), unit_en) {
            o.insert("unit".into(), unit);
        }
        if let Some(q) = cell(Field::Qualifier) {
            o.insert("qualifier".into(), json!(parse_qualifier(q).unwrap_or(q)));
        }
        if let Some(c) = cell(Field::Change) {
            match read_change(c, change_header, unit_zh.as_deref()) {
                Some((value, kind, unit)) => {
                    let mut change = Map::new();
                    change.insert("value".into(), number(&value));
                    if let Some(kind) = kind {
                        change.insert("kind".into(), json!(kind));
                    } else {
                        notes.push(Note::ChangeKind { row: r, cell: c.to_string() });
                    }
                    if let Some(unit) = unit {
                        change.insert("unit".into(), json!(unit));
                    }
                    o.insert("change".into(), Value::Object(change));
                }
                None => notes.push(Note::ChangeNotRead { row: r, cell: c.to_string() }),
            }
        }
        if let Some(v) = cell(Field::Resolved) {
            let fig = parse_figure(v);
            // A count of its own cases: the row's unit may follow it (“270件”), but a hedge
            // or another unit (“1,230余”, “98.9%”) would change what it says once dropped.
            let plain = fig.qualifier.is_none() && fig.unit.as_deref().is_none_or(|u| Some(u) == unit_zh.as_deref());
            match fig.number {
                Some(n) if plain => o.insert("resolved".into(), number(&n)),
                Some(_) => {
                    notes.push(Note::NotACount { row: r, cell: v.to_string() });
                    o.insert("resolved".into(), json!(v))
                }
                None => {
                    notes.push(Note::NotANumber { row: r, cell: v.to_string(), field: Field::Resolved });
                    o.insert("resolved".into(), json!(v))
                }
            };
        }
        for (field, key) in [(Field::ValueRank, "value_rank"), (Field::ChangeRank, "change_rank")] {
            if let Some(v) = cell(field) {
                let found = place(v);
                if let Some((n, true)) = found {
                    notes.push(Note::Tie { row: r, cell: v.to_string(), rank: n });
                }
                match found.map(|(n, _)| n) {
                    Some(n) => o.insert(key.into(), json!(n)),
                    None => {
                        // “98.5” is a number but no place: the column is likely the wrong one.
                        notes.push(match parse_figure(v).number {
                            Some(_) => Note::NotARank { row: r, cell: v.to_string() },
                            None => Note::NotANumber { row: r, cell: v.to_string(), field },
                        });
                        o.insert(key.into(), json!(v))
                    }
                };
            }
        }
        for (field, key) in [(Field::Note, "note"), (Field::Source, "source")] {
            if let Some(v) = cell(field) {
                o.insert(key.into(), json!(v));
            }
        }
        Some(o)
    }
}

/// Ranks in a ranking's rows beyond its group (7th of a group of 6, or 0), said before applying
/// as the checks would say after: a sheet with a town too many, or a rank column from another
/// table. `size` is the section's group's size. Each note goes among the others in row order.
pub fn note_ranks_beyond_group(built: &mut Built, size: u32) {
    for (entry, &row) in built.entries.iter().zip(&built.rows) {
        for (field, key) in [(Field::ValueRank, "value_rank"), (Field::ChangeRank, "change_rank")] {
            let Some(rank) = entry.get(key).and_then(Value::as_u64) else { continue };
            if !crate::validate::is_place_in_group(rank, size) {
                let at = built.notes.iter().position(|n| n.row().is_some_and(|r| r > row)).unwrap_or(built.notes.len());
                built.notes.insert(at, Note::RankBeyondGroup { row, field, rank, size });
            }
        }
    }
}

/// The size of the group a ranking section (`section`, its index) ranks in, if the document
/// says it as a whole number; otherwise none (the checks say what is wrong with it).
pub fn group_size(doc: &Value, section: usize) -> Option<u32> {
    let id = doc.pointer(&format!("/sections/{section}/group"))?.as_str()?;
    let group = doc.get("groups")?.as_array()?.iter().find(|g| g.get("id").and_then(Value::as_str) == Some(id))?;
    u32::try_from(group.get("size")?.as_u64()?).ok()
}

/// What a table's headings (`built`) become in a ranking section that has headings of its own
/// (`kept_row`, `kept_value`: the person's, never replaced) or rows the table only adds to
/// (`appending`: counties added under indicators do not rename their column). A value heading
/// kept over a table whose header names another kind of figure (合格率 over 污水处理率（%）)
/// is a note to check: the column may now hold figures its heading does not name.
pub fn keep_headings(built: &mut Built, kept_row: Option<&str>, kept_value: Option<&str>, appending: bool) {
    if kept_row.is_some() || appending {
        built.row_heading = None;
        built.notes.retain(|note| !matches!(note, Note::RowHeading { .. }));
    }
    if kept_value.is_some() || appending {
        let table = built.notes.iter().find_map(|note| match note {
            Note::ValueHeading { header, heading } => Some((header.clone(), heading.clone())),
            _ => None,
        });
        built.value_heading = None;
        built.notes.retain(|note| !matches!(note, Note::ValueHeading { .. }));
        // A blank heading is no heading to compare with (the checks ask for it).
        if let (Some(kept), Some((header, heading))) = (kept_value.map(str::trim).filter(|k| !k.is_empty()), table) {
            if kept != heading {
                built.notes.push(Note::HeadingKept { kept: kept.to_string(), header, appending });
            }
        }
    }
}

/// The texts of an entry a table gives in Chinese only, whose English the person adds by hand.
const TRANSLATED: [&str; 4] = ["label", "unit", "note", "source"];

/// What replacing key figures with an updated table kept and what it changed: see
/// [`keep_metrics`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct KeptMetrics {
    /// How many rows were figures already there.
    pub matched: usize,
    /// The names of the matched figures whose value, hedge or change the table changes: their
    /// old ranks and quoted source sentence were about the old figure, and are not kept.
    pub restated: Vec<String>,
    /// The figures being replaced that no row names (indexes into `replaced`).
    pub dropped: Vec<usize>,
}

/// Replacing key figures with an updated table: a row named as a figure being replaced (in
/// Chinese) is that figure with the table's figure: it keeps its id, which rankings refer to,
/// and what describes the indicator (direction, bounds, its unit where the table gives none, a
/// note, the change's basis). The figure itself (value, hedge, change) is the table's only: a
/// change the table does not give, or cannot be read, is not last year's. Where the figure
/// changes, its ranks and its quoted source sentence go too (they were about the old one).
/// Each figure is matched once.
pub fn keep_metrics(entries: &mut [Value], replaced: &[Value]) -> KeptMetrics {
    let zh = |v: &Value| text_parts(v.get("label")).0.trim().to_string();
    let mut used = vec![false; replaced.len()];
    let mut kept = KeptMetrics::default();
    for entry in entries.iter_mut() {
        let name = zh(entry);
        let Some(i) = (0..replaced.len()).find(|&i| !used[i] && !name.is_empty() && zh(&replaced[i]) == name) else {
            continue;
        };
        used[i] = true;
        kept.matched += 1;
        let (Value::Object(old), Value::Object(new)) = (&replaced[i], &*entry) else { continue };
        let same_figure = ["value", "qualifier"].iter().all(|k| old.get(*k) == new.get(*k))
            && new.get("change").is_none_or(|c| Some(c) == old.get("change"));
        let mut merged = old.clone();
        for key in ["value", "qualifier"] {
            merged.remove(key);
        }
        let old_change = merged.remove("change");
        if !same_figure {
            let (ranks, source) = (merged.remove("ranks"), merged.remove("source"));
            if ranks.is_some() || source.is_some() {
                kept.restated.push(name.clone());
            }
        } else if let Some(change) = old_change.clone().filter(|_| !new.contains_key("change")) {
            merged.insert("change".into(), change);
        }
        for (key, value) in new {
            match key.as_str() {
                "id" => {}
                // The table's change, on the basis the figure had (较2020年).
                "change" => {
                    let mut change = value.clone();
                    if let (Value::Object(change), Some(basis)) =
                        (&mut change, old_change.as_ref().and_then(|c| c.get("basis")))
                    {
                        change.entry("basis").or_insert_with(|| basis.clone());
                    }
                    merged.insert(key.clone(), change);
                }
                _ => {
                    merged.insert(key.clone(), value.clone());
                }
            }
        }
        *entry = Value::Object(merged);
    }
    kept.dropped = (0..replaced.len()).filter(|&i| !used[i]).collect();
    kept
}

/// Replacing a section's rows with an updated table: a name, unit, note or source the table gives in
/// Chinese only takes the English an entry being replaced has for the same Chinese, so that new
/// figures do not cost the translations. Returns how many texts kept their English.
pub fn keep_english(entries: &mut [Value], replaced: &[Value]) -> usize {
    let mut kept = 0;
    for key in TRANSLATED {
        let english = |zh: &str| {
            replaced.iter().filter_map(|e| e.get(key)).find(|text| {
                text.get("zh").and_then(Value::as_str) == Some(zh)
                    && text.get("en").and_then(Value::as_str).is_some_and(|en| !en.trim().is_empty())
            })
        };
        for entry in entries.iter_mut() {
            let Some(text) = entry.get_mut(key) else { continue };
            if let Some(found) = text.as_str().filter(|zh| !zh.trim().is_empty()).and_then(english) {
                *text = found.clone();
                kept += 1;
            }
        }
    }
    kept
}
