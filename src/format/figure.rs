//! Figures as people write them, in a report's text, a spreadsheet cell or a form field:
//! "5020余人次", "超过20万", "98.5%", "1,234", "４.７３". The editor reads its imports and
//! fields with these; the validator uses them to say what to write instead of a number
//! written as text.

/// Normalizes a number as someone typed it: full-width digits and signs, thousands separators
/// (between groups of three digits only), a leading `+`, redundant leading zeros. Returns the
/// JSON literal, or `None` when the text is not a plain decimal.
pub fn normalize_number(input: &str) -> Option<String> {
    let mapped: String = input
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => ascii_digit(c),
            '．' | '。' => '.',
            '－' | '−' | '—' => '-',
            '＋' => '+',
            other => other,
        })
        .collect();
    // Separators only between groups of three digits before the point ("1,234", "5 020"):
    // "4,73" is a decimal comma or a typo, and reading it as 473 would change the figure.
    let separator = |c: char| matches!(c, ',' | '，' | ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '_');
    // "1234,567" is not grouped in threes either: the first group has one to three digits.
    let (whole, fraction) = mapped.split_once('.').unwrap_or((&mapped, ""));
    let mut groups = whole.split(separator);
    let first = groups.next().unwrap_or("").trim_start_matches(['+', '-']);
    let grouped = whole.contains(separator);
    if groups.any(|group| group.len() != 3)
        || (grouped && !(1..=3).contains(&first.len()))
        || fraction.contains(separator)
    {
        return None;
    }
    let mut s: String = mapped.chars().filter(|c| !separator(*c)).collect();
    if let Some(rest) = s.strip_prefix('+') {
        s = rest.to_string();
    }
    let (sign, digits) = match s.strip_prefix('-') {
        Some(rest) => ("-", rest.to_string()),
        None => ("", s.clone()),
    };
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (digits.clone(), None),
    };
    let int = if int.is_empty() && frac.is_some() { "0".to_string() } else { int };
    if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if let Some(f) = &frac {
        if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
    }
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    Some(match frac {
        Some(f) => format!("{sign}{int}.{f}"),
        None => format!("{sign}{int}"),
    })
}

/// A figure as written in a cell: its number, and the hedge and unit around it.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Figure {
    /// The plain decimal literal (`5020`, `1813.4469`), if the cell holds a number.
    pub number: Option<String>,
    /// A payload qualifier name (`over`, `more_than`…).
    pub qualifier: Option<&'static str>,
    /// What followed the number (`人次`, `%`, `万元`).
    pub unit: Option<String>,
}

/// A payload qualifier as the editor's form and the checks name it in Chinese (`over` → “N 余”);
/// `None` for a name that is not a qualifier.
pub fn qualifier_words_zh(name: &str) -> Option<&'static str> {
    Some(match name {
        "more_than" => "超过 N",
        "over" => "N 余",
        "at_least" => "不少于 N",
        "about" => "约 N",
        "less_than" => "不足 N",
        "nearly" => "近 N",
        _ => return None,
    })
}

/// A qualifier as the English interface names it: the reader's words, the report's, and the
/// payload's name (“more than N, 余 (over)”).
pub fn qualifier_words_en(name: &str) -> Option<&'static str> {
    Some(match name {
        "more_than" => "more than N, 超过 (more_than)",
        "over" => "more than N, 余 (over)",
        "at_least" => "at least N (at_least)",
        "about" => "about N (about)",
        "less_than" => "less than N (less_than)",
        "nearly" => "nearly N, 近 (nearly)",
        _ => return None,
    })
}

/// The report's words before a number that bound it, and the qualifier each means.
pub(crate) const PREFIXES: &[(&str, &str)] = &[
    ("不少于", "at_least"),
    ("至少", "at_least"),
    ("达到", "at_least"),
    ("超过", "more_than"),
    ("多于", "more_than"),
    ("大于", "more_than"),
    ("逾", "more_than"),
    ("超", "more_than"),
    ("大约", "about"),
    ("约", "about"),
    ("不足", "less_than"),
    ("不到", "less_than"),
    ("少于", "less_than"),
    ("将近", "nearly"),
    ("接近", "nearly"),
    ("近", "nearly"),
    // A sheet's signs: “≥95%”, “>300”, “<5”, “≈20”.
    ("≥", "at_least"),
    ("＞", "more_than"),
    (">", "more_than"),
    ("＜", "less_than"),
    ("<", "less_than"),
    ("≈", "about"),
];

/// The Chinese magnitudes a unit may be or start with (“万”, “亿元”), each with how many times it
/// multiplies in words; a magnitude that starts another comes after it (万亿 before 万). Alone
/// (“35万余”) one counts nothing yet; in a unit, its English must carry it too.
pub const MAGNITUDES: [(&str, &str, &str); 5] = [
    ("万亿", "一万亿", "a trillion"),
    ("百万", "一百万", "a million"),
    ("千万", "一千万", "ten million"),
    ("万", "一万", "ten thousand"),
    ("亿", "一亿", "a hundred million"),
];

/// What a sheet or a report writes where it has no figure (the editor's import and the
/// validator's advice read it so).
pub const NO_FIGURE: &[&str] =
    &["—", "——", "–", "－", "-", "--", "/", "／", "无", "暂无", "N/A", "n/a", "NA", "na", "不适用"];

/// Reads “5020余人次”, “超过20万”, “98.5%”, “1,234”, “４.７３”.
pub fn parse_figure(cell: &str) -> Figure {
    let mut s = cell.trim();
    let mut qualifier = None;
    for (prefix, q) in PREFIXES {
        if let Some(rest) = s.strip_prefix(prefix) {
            qualifier = Some(*q);
            s = rest.trim_start();
            break;
        }
    }
    // Spaces too: a space can group thousands (“1 234”, Excel's no-break space); one before
    // a unit (“12 件”) is trimmed with the number.
    let numeric = |c: char| {
        c.is_ascii_digit()
            || ('０'..='９').contains(&c)
            || matches!(c, '.' | '．' | ',' | '，' | '-' | '－' | '+' | '＋' | ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
    };
    let end = s.char_indices().find(|(_, c)| !numeric(*c)).map_or(s.len(), |(i, _)| i);
    let (num, rest) = s.split_at(end);
    // “500+”, “500+人次”, “10万+” (a count of reads, as WeChat writes it): more than the number.
    fn plus(s: &str) -> Option<&str> {
        s.trim_end().strip_suffix(['+', '＋']).filter(|n| !n.trim().is_empty())
    }
    let (num_plus, rest_plus) = (plus(num), plus(rest));
    if num_plus.is_some() || rest_plus.is_some() {
        qualifier = qualifier.or(Some("more_than"));
    }
    let (num, rest) = (num_plus.unwrap_or(num), rest_plus.unwrap_or(rest));
    let Some(number) = normalize_number(num) else {
        return Figure::default();
    };
    let mut rest = rest.trim();
    // After the number or its unit: “300以上”, “300件以上” (at least), “300左右” (about).
    for (word, q) in [("以上", "at_least"), ("左右", "about"), ("上下", "about")] {
        if let Some(r) = rest.strip_suffix(word) {
            qualifier = qualifier.or(Some(q));
            rest = r.trim_end();
        }
    }
    for suffix in ["余", "多"] {
        if let Some(r) = rest.strip_prefix(suffix) {
            qualifier = qualifier.or(Some("over"));
            rest = r.trim_start();
        }
    }
    // “5万余人”: the hedge after a magnitude still bounds the number; the unit is 万人 (the
    // widget writes 5万余人). 千 and 百 are no units of their own (千克 is a kilogram): “3千余件”
    // is more than 3000 件, as the widget would otherwise write “3余千件”.
    for (magnitude, zeros) in [("万", 0), ("千", 3), ("百", 2), ("亿", 0)] {
        let hedged = rest.strip_prefix(magnitude).and_then(|r| r.strip_prefix("余").or_else(|| r.strip_prefix("多")));
        if let Some(r) = hedged {
            qualifier = qualifier.or(Some("over"));
            let r = r.trim_start();
            let (number, unit) = if zeros > 0 {
                (times_ten(&number, zeros), r.to_string())
            } else {
                (number, format!("{magnitude}{r}"))
            };
            return Figure { number: Some(number), qualifier, unit: (!unit.is_empty()).then_some(unit) };
        }
    }
    Figure { number: Some(number), qualifier, unit: (!rest.is_empty()).then(|| normalize_unit(rest)) }
}

/// A unit as written in a cell, a unit column or a header: a full-width “％” (an IME's) is the
/// same unit as “%”, not a unit of its own that would put its row in a chart apart.
pub fn normalize_unit(unit: &str) -> String {
    unit.trim().replace('％', "%")
}

/// A change as a report writes it: “同比下降5.1个百分点”, “下降5.1%”, “减少3天”, “增长12.5%”.
/// Returns the signed number, the change's kind (`percent`, `points`, `absolute`) and, for an
/// absolute change, its unit; `None` where the words give no direction (“改善8.2%” depends on
/// which way is better) or there is no figure.
pub fn parse_change(text: &str) -> Option<(String, Option<&'static str>, Option<String>)> {
    let mut s = text.trim();
    for basis in ["同比", "环比", "较上年", "比上年", "较去年", "比去年"] {
        s = s.strip_prefix(basis).unwrap_or(s).trim_start();
    }
    const WORDS: &[(&str, &str)] = &[
        ("下降", "-"),
        ("减少", "-"),
        ("降低", "-"),
        ("下滑", "-"),
        ("回落", "-"),
        ("上升", ""),
        ("增加", ""),
        ("增长", ""),
        ("提高", ""),
        ("提升", ""),
        ("上涨", ""),
    ];
    let (sign, rest) = WORDS.iter().find_map(|(w, sign)| s.strip_prefix(w).map(|r| (*sign, r.trim_start())))?;
    let figure = parse_figure(rest);
    let number = figure.number.filter(|n| !n.starts_with('-') && figure.qualifier.is_none())?;
    let number = if sign == "-" { format!("-{number}") } else { number };
    Some(change_of(number, figure.unit.as_deref()))
}

/// A change of `number` written with `unit`: % is per cent, 个百分点 percentage points, another
/// unit an amount of it (`absolute`, with that unit); no unit says no kind ("下降3.2": the one
/// chosen may be right).
pub fn change_of(number: String, unit: Option<&str>) -> (String, Option<&'static str>, Option<String>) {
    match unit {
        Some("%") => (number, Some("percent"), None),
        Some("个百分点" | "百分点") => (number, Some("points"), None),
        None => (number, None, None),
        unit => (number, Some("absolute"), unit.map(str::to_string)),
    }
}

/// A plain decimal literal times 10^`zeros`: ("3", 3) → "3000", ("1.25", 2) → "125".
fn times_ten(literal: &str, zeros: usize) -> String {
    let (sign, digits) = literal.strip_prefix('-').map_or(("", literal), |d| ("-", d));
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let padded = format!("{frac:0<zeros$}");
    let (moved, rest) = padded.split_at(zeros);
    let int = format!("{int}{moved}");
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    if rest.is_empty() {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{rest}")
    }
}

/// The number a figure may mean if its comma is a decimal point: one comma (or a full-width
/// one, from a Chinese input method) followed by one or two digits (“97,5”, “12，5”, “-0,25”,
/// and in full-width digits “１２，５”, read as 12.5). A thousands separator is followed by
/// three (“1,234” is a number). A unit after the digits stays with them (“96,8%” may mean
/// 96.8%). For the editor's import and the validator's message, which give the same advice.
pub fn decimal_comma(cell: &str) -> Option<String> {
    let cell: String = cell.trim().chars().map(ascii_digit).collect();
    let (whole, rest) = cell.split_once([',', '，'])?;
    let digits = whole.strip_prefix('-').unwrap_or(whole);
    let fraction = rest.trim_end_matches(|c: char| !c.is_ascii_digit());
    let unit = &rest[fraction.len()..];
    let plain = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (plain(digits) && plain(fraction) && fraction.len() <= 2 && !unit.contains([',', '，']))
        .then(|| format!("{whole}.{fraction}{unit}"))
}

/// A full-width digit (“３”, from a Chinese input method) as its ASCII digit; any other
/// character as it is.
pub fn ascii_digit(c: char) -> char {
    if ('０'..='９').contains(&c) {
        char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c)
    } else {
        c
    }
}

/// A rank as written: “1”, “第1名”, “第 2 位”, “３”.
pub fn parse_rank(cell: &str) -> Option<u64> {
    let s = cell.trim().trim_start_matches('第').trim_end_matches(['名', '位']).trim();
    normalize_number(s)?.parse().ok()
}
