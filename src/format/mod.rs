//! Formatting of figures for a language: numbers (万/亿 in Chinese, thousands separators in
//! English), qualifiers, units, changes with their direction, rank badges, amounts in 万元,
//! plain-language summaries and CSV; where Chinese stands in English text (`script`); and reading
//! figures as people write them (`figure`).

mod csv;
pub mod figure;
mod script;
mod summary;

pub use csv::{csv, csv_field, BOM};
pub use script::{chinese_runs, marks_chinese};
pub use summary::{metric_summary, section_summary, SummaryRank};

use crate::model::{ChangeKind, Decimal, Direction, Lang, Qualifier, RankBasis, Text};

/// A number written for `lang`, keeping every digit the payload gave (never rounded).
///
/// Chinese groups a large round number by 亿 (up to 4 decimals) or 万 (up to 2) as reports
/// write it (200000 → 20万, 125000 → 12.5万, 1234500000 → 12.345亿) and leaves the others as
/// written (8110, 123456, 12580.5: "12.3456万" would be exact but is not how anyone writes it;
/// 10000.0, whose decimal says it is exact to a tenth, which "1.0万" would not);
/// English uses thousands separators (8,110; 200,000).
pub fn number(d: &Decimal, lang: Lang) -> String {
    let (int, frac) = d.digits();
    let sign = if d.is_negative() { "-" } else { "" };
    match lang {
        Lang::Zh => {
            for (shift, suffix, decimals) in [(8, "亿", 4), (4, "万", 2)] {
                if int.len() > shift && frac.is_empty() {
                    let (scaled_int, scaled_frac) = split_digits(int, frac, shift);
                    if scaled_frac.len() <= decimals {
                        return join(sign, &scaled_int, &scaled_frac, suffix);
                    }
                }
            }
            join(sign, int, frac, "")
        }
        Lang::En => join(sign, &group_thousands(int), frac, ""),
    }
}

/// [`number`] before `unit`: a unit that already says 万 or 亿 (万元, 亿元, 万吨) takes the
/// digits as written (12580.5万元), never a second magnitude (1.25805万万元).
pub fn number_before(d: &Decimal, unit: &str, lang: Lang) -> String {
    if lang == Lang::Zh && (unit.starts_with('万') || unit.starts_with('亿')) {
        number_plain(d, lang)
    } else {
        number(d, lang)
    }
}

/// A count of things (rows, pages) as readers write it: plain digits in Chinese (第10000行),
/// thousands separators in English (10,000).
pub fn count(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => n.to_string(),
        Lang::En => group_thousands(&n.to_string()),
    }
}

/// Moves `shift` integer digits behind the decimal point: ("200000", "", 4) → ("20", "").
fn split_digits(int: &str, frac: &str, shift: usize) -> (String, String) {
    let cut = int.len() - shift;
    let mut new_frac = format!("{}{}", &int[cut..], frac);
    while new_frac.ends_with('0') && new_frac.len() > frac.len() {
        new_frac.pop();
    }
    (int[..cut].to_string(), new_frac)
}

fn join(sign: &str, int: &str, frac: &str, suffix: &str) -> String {
    if frac.is_empty() {
        format!("{sign}{int}{suffix}")
    } else {
        format!("{sign}{int}.{frac}{suffix}")
    }
}

fn group_thousands(int: &str) -> String {
    let mut out = String::with_capacity(int.len() + int.len() / 3);
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// A figure split for display: the qualifier words around the number, and the unit.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct FigureParts {
    pub before: String,
    pub number: String,
    pub after: String,
    pub unit: String,
}

impl FigureParts {
    /// The whole figure as one string, e.g. "5020余人次" or "more than 5,020 person-times".
    pub fn text(&self, lang: Lang) -> String {
        self.joined(unit_separator(&self.unit, lang))
    }

    /// [`FigureParts::text`] for the page: the unit stays on its number's line.
    pub fn display(&self, lang: Lang) -> String {
        self.joined(unit_space(&self.unit, lang))
    }

    fn joined(&self, sep: &str) -> String {
        format!("{}{}{}{}{}", self.before, self.number, self.after, sep, self.unit)
    }
}

/// The space between a number and its unit: none in Chinese, none before %, one otherwise.
pub fn unit_separator(unit: &str, lang: Lang) -> &'static str {
    let tight = unit.is_empty() || unit.starts_with('%') || unit.starts_with('°');
    if lang == Lang::En && !tight {
        " "
    } else {
        ""
    }
}

/// [`unit_separator`] on the page: a no-break space, so that "600 copies" never wraps apart
/// (the qualifier before it, "more than", still may).
pub fn unit_space(unit: &str, lang: Lang) -> &'static str {
    if unit_separator(unit, lang).is_empty() {
        ""
    } else {
        "\u{a0}"
    }
}

/// A value with its qualifier and unit, as the report would say it.
pub fn figure(value: &Decimal, qualifier: Option<Qualifier>, unit: Option<&Text>, lang: Lang) -> FigureParts {
    let (before, after) = qualifier_words(qualifier, lang);
    let unit = unit.map(|u| u.get(lang)).unwrap_or_default();
    let number = number_before(value, unit, lang);
    // "5万余人", not "5余万人": 余 follows the magnitude, which goes with the number (万 and 亿
    // are three bytes each).
    let (number, unit) = match unit.strip_prefix(['万', '亿']) {
        Some(rest) if !after.is_empty() => (number + &unit[..3], rest),
        _ => (number, unit),
    };
    FigureParts { before: before.to_string(), number, after: after.to_string(), unit: unit.to_string() }
}

/// A qualifier's words before and after the number: ("超过", ""), ("", "余"), ("more than ", "").
pub fn qualifier_words(qualifier: Option<Qualifier>, lang: Lang) -> (&'static str, &'static str) {
    match (lang, qualifier) {
        (_, None) => ("", ""),
        (Lang::Zh, Some(Qualifier::MoreThan)) => ("超过", ""),
        (Lang::Zh, Some(Qualifier::Over)) => ("", "余"),
        (Lang::Zh, Some(Qualifier::AtLeast)) => ("不少于", ""),
        (Lang::Zh, Some(Qualifier::About)) => ("约", ""),
        (Lang::Zh, Some(Qualifier::LessThan)) => ("不足", ""),
        (Lang::Zh, Some(Qualifier::Nearly)) => ("近", ""),
        (Lang::En, Some(Qualifier::MoreThan | Qualifier::Over)) => ("more than ", ""),
        (Lang::En, Some(Qualifier::AtLeast)) => ("at least ", ""),
        (Lang::En, Some(Qualifier::About)) => ("about ", ""),
        (Lang::En, Some(Qualifier::LessThan)) => ("less than ", ""),
        (Lang::En, Some(Qualifier::Nearly)) => ("nearly ", ""),
    }
}

/// Whether a change is good news for the reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Good,
    Bad,
    Neutral,
}

/// Which way a change goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trend {
    Up,
    Down,
    Flat,
}

/// A change ready to show: arrow, colour tone, short amount and a plain-language phrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangeText {
    pub kind: ChangeKind,
    pub trend: Trend,
    pub tone: Tone,
    /// The size of the change with its unit, no sign: "8.2%", "3天", "1.5个百分点".
    pub amount: String,
    /// "同比改善8.2%", "同比增加3天", "同比持平"; "improved 8.2% year on year".
    pub phrase: String,
}

/// Describes a signed change of a figure whose good direction is `direction`; `unit` is the
/// unit of an absolute change (the change's own, else the figure's).
pub fn change(
    value: &Decimal,
    kind: ChangeKind,
    direction: Direction,
    unit: Option<&Text>,
    basis: Option<&Text>,
    lang: Lang,
) -> ChangeText {
    let trend = if value.is_zero() {
        Trend::Flat
    } else if value.is_negative() {
        Trend::Down
    } else {
        Trend::Up
    };
    let tone = match (trend, direction) {
        (Trend::Flat, _) | (_, Direction::Neutral) => Tone::Neutral,
        (Trend::Down, Direction::LowerIsBetter) | (Trend::Up, Direction::HigherIsBetter) => Tone::Good,
        _ => Tone::Bad,
    };
    let unit = unit.map(|u| u.get(lang)).unwrap_or_default();
    let magnitude = match kind {
        ChangeKind::Absolute => number_before(&value.abs(), unit, lang),
        _ => number(&value.abs(), lang),
    };
    let amount = match (kind, lang) {
        (ChangeKind::Percent, _) => format!("{magnitude}%"),
        (ChangeKind::Points, Lang::Zh) => format!("{magnitude}个百分点"),
        (ChangeKind::Points, Lang::En) if magnitude == "1" => "1 percentage point".to_string(),
        (ChangeKind::Points, Lang::En) => format!("{magnitude} percentage points"),
        (ChangeKind::Absolute, _) => format!("{magnitude}{}{unit}", unit_separator(unit, lang)),
    };
    let basis_text = match basis {
        Some(b) => b.get(lang).to_string(),
        None => match lang {
            Lang::Zh => "同比".to_string(),
            Lang::En => "year on year".to_string(),
        },
    };
    let verb = match (lang, trend, tone) {
        (Lang::Zh, Trend::Flat, _) => "持平",
        (Lang::Zh, _, Tone::Good) if direction == Direction::LowerIsBetter => "改善",
        (Lang::Zh, _, Tone::Bad) if direction == Direction::LowerIsBetter => "恶化",
        (Lang::Zh, Trend::Up, _) => "增加",
        (Lang::Zh, Trend::Down, _) => "减少",
        (Lang::En, Trend::Flat, _) => "unchanged",
        (Lang::En, _, Tone::Good) if direction == Direction::LowerIsBetter => "improved",
        (Lang::En, _, Tone::Bad) if direction == Direction::LowerIsBetter => "worsened",
        (Lang::En, Trend::Up, _) => "up",
        (Lang::En, Trend::Down, _) => "down",
    };
    let phrase = match (lang, trend) {
        (Lang::Zh, Trend::Flat) => format!("{basis_text}{verb}"),
        (Lang::Zh, _) => format!("{basis_text}{verb}{amount}"),
        (Lang::En, Trend::Flat) => format!("{verb} {basis_text}"),
        (Lang::En, _) => format!("{verb} {amount} {basis_text}"),
    };
    ChangeText { kind, trend, tone, amount, phrase }
}

/// "五区第1名" / "1st of 5 districts"; for improvement ranks "改善幅度五区第1名" /
/// "1st of 5 districts for improvement".
/// `group_label` is already in `lang`.
pub fn rank_badge(group_label: &str, size: u32, position: u32, basis: RankBasis, lang: Lang) -> String {
    match lang {
        Lang::Zh => {
            let lead = if basis == RankBasis::Change { "改善幅度" } else { "" };
            format!("{lead}{group_label}第{position}名")
        }
        Lang::En => {
            let tail = if basis == RankBasis::Change { " for improvement" } else { "" };
            format!("{} of {size} {group_label}{tail}", ordinal(position))
        }
    }
}

/// English ordinal: 1st, 2nd, 3rd, 4th, 11th, 21st…
pub fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// `part` as a percentage of `whole`, with one decimal (366 of 370 → 98.9). Zero when
/// `whole` is zero.
pub fn percent(part: f64, whole: f64) -> Decimal {
    if whole <= 0.0 {
        return Decimal::from_f64(0.0, 1);
    }
    let rate = part / whole * 100.0;
    // Rounding never hides that work was done or left: work not all done never reads 100.0%
    // (1999 of 2000 is 99.95%), nor some done 0.0% (1 of 3000 is 0.03%): off by under 0.1 point.
    Decimal::from_f64(if part > 0.0 && part < whole { rate.clamp(0.1, 99.9) } else { rate }, 1)
}

/// Month name: "4月" / "Apr".
pub fn month(m: u32, lang: Lang) -> String {
    const EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    match lang {
        Lang::Zh => format!("{m}月"),
        Lang::En => EN.get((m as usize).wrapping_sub(1)).copied().unwrap_or("?").to_string(),
    }
}

/// A year: "2021年" / "2021".
pub fn year(year: i32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{year}年"),
        Lang::En => year.to_string(),
    }
}

/// English month names, January first.
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Month with its year: "2021年4月" / "April 2021".
pub fn month_long(m: u32, year: i32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{year}年{m}月"),
        Lang::En => format!("{} {year}", MONTHS_EN.get((m as usize).wrapping_sub(1)).copied().unwrap_or("?")),
    }
}

/// Date `YYYY-MM-DD` for display: "2022年3月3日" / "3 March 2022". Falls back to the input.
pub fn date(iso: &str, lang: Lang) -> String {
    let parts: Vec<u32> = iso.split('-').filter_map(|p| p.parse().ok()).collect();
    match (parts.as_slice(), lang) {
        ([y, m @ 1..=12, d], Lang::Zh) => format!("{y}年{m}月{d}日"),
        ([y, m @ 1..=12, d], Lang::En) => format!("{d} {} {y}", MONTHS_EN[(*m - 1) as usize]),
        _ => iso.to_string(),
    }
}

/// `d` × 10^`places`, exactly, by moving the decimal point: (1813.4469, 4) → 18134469.
pub fn shift(d: &Decimal, places: usize) -> Decimal {
    let (int, frac) = d.digits();
    let mut digits = String::with_capacity(int.len() + frac.len() + places);
    digits.push_str(int);
    digits.push_str(frac);
    let point = int.len() + places;
    while digits.len() < point {
        digits.push('0');
    }
    let (new_int, new_frac) = digits.split_at(point);
    let new_int = new_int.trim_start_matches('0');
    let mut written = String::new();
    if d.is_negative() {
        written.push('-');
    }
    written.push_str(if new_int.is_empty() { "0" } else { new_int });
    if !new_frac.is_empty() {
        written.push('.');
        written.push_str(new_frac);
    }
    Decimal::parse(&written).unwrap_or_else(|| d.clone())
}

/// Whether a unit is 万元 (ten thousand yuan), the unit reports use for money.
pub fn is_wan_yuan(unit: Option<&Text>) -> bool {
    unit.is_some_and(|u| u.zh.trim() == "万元")
}

/// An amount in 万元 converted to yuan, for readers who do not count in 万: "18134469元" /
/// "18,134,469 yuan", with the amount's qualifier ("超过200000元"). Exact (the decimal point
/// moves, no rounding); `None` when `unit` is not 万元. The figure itself is shown as written.
pub fn in_yuan(value: &Decimal, qualifier: Option<Qualifier>, unit: Option<&Text>, lang: Lang) -> Option<String> {
    if !is_wan_yuan(unit) {
        return None;
    }
    let yuan = shift(value, 4);
    let mut parts = figure(&yuan, qualifier, None, lang);
    parts.number = number_plain(&yuan, lang);
    parts.unit = (if lang == Lang::Zh { "元" } else { "yuan" }).into();
    Some(parts.text(lang))
}

/// A number with every digit and no 万/亿 grouping (thousands separators in English):
/// for exact figures such as 18134469元.
pub fn number_plain(d: &Decimal, lang: Lang) -> String {
    match lang {
        Lang::Zh => d.written().to_string(),
        Lang::En => number(d, Lang::En),
    }
}
