//! Formatting of numbers, qualifiers, changes and ranks, in both languages.

use report_widget::format::{self, Tone, Trend};
use report_widget::model::{ChangeKind, Decimal, Direction, Lang, Qualifier, RankBasis, Text};

fn d(s: &str) -> Decimal {
    Decimal::parse(s).unwrap_or_else(|| panic!("{s} is a decimal"))
}

#[test]
fn numbers_keep_every_written_digit() {
    assert_eq!(format::number(&d("6.0"), Lang::Zh), "6.0");
    assert_eq!(format::number(&d("1813.4469"), Lang::Zh), "1813.4469");
    assert_eq!(format::number(&d("1813.4469"), Lang::En), "1,813.4469");
    assert_eq!(format::number(&d("8110"), Lang::Zh), "8110");
    assert_eq!(format::number(&d("8110"), Lang::En), "8,110");
}

#[test]
fn chinese_groups_large_numbers_by_wan_and_yi_exactly() {
    assert_eq!(format::number(&d("200000"), Lang::Zh), "20万");
    assert_eq!(format::number(&d("1000000"), Lang::Zh), "100万");
    assert_eq!(format::number(&d("125000"), Lang::Zh), "12.5万");
    assert_eq!(format::number(&d("350000000"), Lang::Zh), "3.5亿");
    assert_eq!(format::number(&d("1234500000"), Lang::Zh), "12.345亿");
    assert_eq!(format::number(&d("-250000"), Lang::Zh), "-25万");
    // Not round: as written, never "12.3456万" or "1.00005万", which no report writes.
    assert_eq!(format::number(&d("123456"), Lang::Zh), "123456");
    assert_eq!(format::number(&d("10000.5"), Lang::Zh), "10000.5");
    assert_eq!(format::number(&d("123456789"), Lang::Zh), "123456789");
    assert_eq!(format::number(&d("1234567890.12"), Lang::Zh), "1234567890.12");
    // A decimal says the figure is exact to it: "1.0万" would say to a thousand.
    assert_eq!(format::number(&d("10000.0"), Lang::Zh), "10000.0");
    assert_eq!(format::number(&d("20000000.00"), Lang::Zh), "20000000.00");
    assert_eq!(format::number(&d("12345600"), Lang::Zh), "1234.56万", "万 where 亿 would not be round");
    assert_eq!(format::number(&d("200000"), Lang::En), "200,000");
    assert_eq!(format::number(&d("1234567"), Lang::En), "1,234,567");
}

#[test]
fn one_percentage_point_is_singular() {
    let one = format::change(&d("1"), ChangeKind::Points, Direction::HigherIsBetter, None, None, Lang::En);
    assert_eq!(one.amount, "1 percentage point");
    let more = format::change(&d("1.5"), ChangeKind::Points, Direction::HigherIsBetter, None, None, Lang::En);
    assert_eq!(more.amount, "1.5 percentage points");
}

#[test]
fn a_unit_that_says_wan_or_yi_takes_the_digits_as_written() {
    let wan_yuan = Text::bilingual("万元", "× 10,000 yuan");
    let f = format::figure(&d("12580.5"), None, Some(&wan_yuan), Lang::Zh);
    assert_eq!(f.text(Lang::Zh), "12580.5万元", "never 1.25805万万元");
    let f = format::figure(&d("200000"), Some(Qualifier::Over), Some(&Text::new("万吨")), Lang::Zh);
    // 余 after the magnitude, as Chinese writes it ("5万余人", never "5余万人").
    assert_eq!(f.text(Lang::Zh), "200000万余吨", "not 20万余万吨, nor 200000余万吨");
    assert_eq!((f.number.as_str(), f.after.as_str(), f.unit.as_str()), ("200000万", "余", "吨"));
    let people = Text::bilingual("万人", "× 10,000 people");
    assert_eq!(format::figure(&d("5"), Some(Qualifier::Over), Some(&people), Lang::Zh).display(Lang::Zh), "5万余人");
    assert_eq!(
        format::figure(&d("3.5"), Some(Qualifier::Over), Some(&Text::new("亿元")), Lang::Zh).text(Lang::Zh),
        "3.5亿余元"
    );
    assert_eq!(
        format::figure(&d("5"), Some(Qualifier::Over), Some(&people), Lang::En).text(Lang::En),
        "more than 5 × 10,000 people"
    );
    // Other qualifiers, and units that only start like a magnitude (百分点, 千克), are unchanged.
    assert_eq!(format::figure(&d("5"), Some(Qualifier::MoreThan), Some(&people), Lang::Zh).text(Lang::Zh), "超过5万人");
    assert_eq!(
        format::figure(&d("500"), Some(Qualifier::Over), Some(&Text::new("千克")), Lang::Zh).text(Lang::Zh),
        "500余千克"
    );
    assert_eq!(format::figure(&d("10000.5"), None, Some(&Text::new("亿元")), Lang::Zh).text(Lang::Zh), "10000.5亿元");
    assert_eq!(format::figure(&d("12580.5"), None, Some(&wan_yuan), Lang::En).text(Lang::En), "12,580.5 × 10,000 yuan");
    // A change in the figure's unit too.
    let c =
        format::change(&d("20000"), ChangeKind::Absolute, Direction::HigherIsBetter, Some(&wan_yuan), None, Lang::Zh);
    assert_eq!(c.amount, "20000万元");
}

#[test]
fn qualifiers_read_as_the_report_wrote_them() {
    let times = Text::bilingual("人次", "person-times");
    let over = format::figure(&d("5020"), Some(Qualifier::Over), Some(&times), Lang::Zh);
    assert_eq!(over.text(Lang::Zh), "5020余人次");
    let over_en = format::figure(&d("5020"), Some(Qualifier::Over), Some(&times), Lang::En);
    assert_eq!(over_en.text(Lang::En), "more than 5,020 person-times");
    let more = format::figure(&d("200000"), Some(Qualifier::MoreThan), None, Lang::Zh);
    assert_eq!(more.text(Lang::Zh), "超过20万");
    let pct = Text::new("%");
    assert_eq!(format::figure(&d("100"), None, Some(&pct), Lang::En).text(Lang::En), "100%");
    let people = Text::bilingual("人", "people");
    assert_eq!(format::figure(&d("300"), Some(Qualifier::Nearly), Some(&people), Lang::Zh).text(Lang::Zh), "近300人");
    assert_eq!(
        format::figure(&d("300"), Some(Qualifier::Nearly), Some(&people), Lang::En).text(Lang::En),
        "nearly 300 people"
    );
    // Every qualifier, in both languages, as written text.
    for (qualifier, zh, en) in [
        (Qualifier::MoreThan, "超过300人", "more than 300 people"),
        (Qualifier::Over, "300余人", "more than 300 people"),
        (Qualifier::AtLeast, "不少于300人", "at least 300 people"),
        (Qualifier::About, "约300人", "about 300 people"),
        (Qualifier::LessThan, "不足300人", "less than 300 people"),
        (Qualifier::Nearly, "近300人", "nearly 300 people"),
    ] {
        assert_eq!(format::figure(&d("300"), Some(qualifier), Some(&people), Lang::Zh).text(Lang::Zh), zh);
        assert_eq!(format::figure(&d("300"), Some(qualifier), Some(&people), Lang::En).text(Lang::En), en);
    }
    // Read back from a cell or a form field as the same qualifier.
    let cell = report_widget::format::figure::parse_figure("近5亿元");
    assert_eq!(
        (cell.number.as_deref(), cell.qualifier, cell.unit.as_deref()),
        (Some("5"), Some("nearly"), Some("亿元"))
    );
    assert_eq!(report_widget::format::figure::parse_figure("将近300").qualifier, Some("nearly"));
}

#[test]
fn a_decrease_of_a_pollutant_is_an_improvement() {
    let c = format::change(&d("-10.2"), ChangeKind::Percent, Direction::LowerIsBetter, None, None, Lang::Zh);
    assert_eq!((c.trend, c.tone), (Trend::Down, Tone::Good));
    assert_eq!(c.phrase, "同比改善10.2%");
    let en = format::change(&d("-10.2"), ChangeKind::Percent, Direction::LowerIsBetter, None, None, Lang::En);
    assert_eq!(en.phrase, "improved 10.2% year on year");
}

#[test]
fn a_rise_of_a_pollutant_looks_like_a_worsening() {
    let c = format::change(&d("5.0"), ChangeKind::Percent, Direction::LowerIsBetter, None, None, Lang::Zh);
    assert_eq!((c.trend, c.tone), (Trend::Up, Tone::Bad));
    assert_eq!(c.phrase, "同比恶化5.0%");
}

#[test]
fn flat_is_its_own_case() {
    let c = format::change(&d("0"), ChangeKind::Percent, Direction::LowerIsBetter, None, None, Lang::Zh);
    assert_eq!((c.trend, c.tone), (Trend::Flat, Tone::Neutral));
    assert_eq!(c.phrase, "同比持平");
    let en = format::change(&d("0"), ChangeKind::Percent, Direction::LowerIsBetter, None, None, Lang::En);
    assert_eq!(en.phrase, "unchanged year on year");
}

#[test]
fn changes_carry_their_own_unit() {
    let days = Text::bilingual("天", "days");
    let c = format::change(&d("3"), ChangeKind::Absolute, Direction::HigherIsBetter, Some(&days), None, Lang::Zh);
    assert_eq!((c.phrase.as_str(), c.tone), ("同比增加3天", Tone::Good));
    let en = format::change(&d("3"), ChangeKind::Absolute, Direction::HigherIsBetter, Some(&days), None, Lang::En);
    assert_eq!(en.phrase, "up 3 days year on year");
    let pts = format::change(&d("-1.5"), ChangeKind::Points, Direction::HigherIsBetter, None, None, Lang::Zh);
    assert_eq!((pts.phrase.as_str(), pts.tone), ("同比减少1.5个百分点", Tone::Bad));
}

#[test]
fn rank_badges() {
    assert_eq!(format::rank_badge("五区", 5, 1, RankBasis::Value, Lang::Zh), "五区第1名");
    assert_eq!(format::rank_badge("五区", 5, 4, RankBasis::Change, Lang::Zh), "改善幅度五区第4名");
    assert_eq!(format::rank_badge("districts", 5, 1, RankBasis::Value, Lang::En), "1st of 5 districts");
    assert_eq!(
        format::rank_badge("districts", 5, 2, RankBasis::Change, Lang::En),
        "2nd of 5 districts for improvement"
    );
    let ords: Vec<String> =
        [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].iter().map(|&n| format::ordinal(n)).collect();
    assert_eq!(ords, ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st", "111th"]);
}

#[test]
fn computed_percentages_have_one_decimal() {
    assert_eq!(format::percent(366.0, 370.0).written(), "98.9");
    assert_eq!(format::percent(27.0, 27.0).written(), "100.0");
    // Rounding never claims all done: 1999 of 2000 is 99.95%, shown 99.9%.
    assert_eq!(format::percent(1999.0, 2000.0).written(), "99.9");
    assert_eq!(format::percent(9999.0, 10000.0).written(), "99.9");
    assert_eq!(format::percent(19_999.0, 20_000.0).written(), "99.9", "99.995% would round up");
    assert_eq!(format::percent(1.0, 0.0).written(), "0.0");
    assert_eq!(format::percent(1.0, 3000.0).written(), "0.1", "0.03% would round down to nothing done");
    assert_eq!(format::percent(1.0, 1_000_000.0).written(), "0.1");
    assert_eq!(format::percent(0.0, 2000.0).written(), "0.0");
}

#[test]
fn decimals_refuse_what_reports_never_write() {
    for bad in ["1e5", "NaN", "inf", "", "-", "1.", ".5", "1.2.3", "0x10"] {
        assert!(Decimal::parse(bad).is_none(), "{bad:?} must be refused");
    }
    assert_eq!(d("-8.2").abs().written(), "8.2");
    assert_eq!(d("6.0").decimals(), 1);
}

#[test]
fn dates() {
    assert_eq!(format::date("2022-03-03", Lang::Zh), "2022年3月3日");
    assert_eq!(format::date("2022-03-03", Lang::En), "3 March 2022");
    assert_eq!(format::date("sometime", Lang::En), "sometime");
}

#[test]
fn computed_decimals_round_half_away_from_zero_without_float_formatting() {
    assert_eq!(Decimal::from_f64(98.918_918, 1).written(), "98.9");
    assert_eq!(Decimal::from_f64(0.05, 1).written(), "0.1");
    assert_eq!(Decimal::from_f64(-2.345, 2).written(), "-2.35");
    assert_eq!(Decimal::from_f64(7.0, 3).written(), "7.000");
    assert_eq!(Decimal::from_f64(0.004, 2).written(), "0.00");
    assert_eq!(Decimal::from_f64(f64::NAN, 1).written(), "0.0");
    assert_eq!(Decimal::from_f64(1234.5, 0).written(), "1235");
    assert_eq!(Decimal::from_f64(98.9, 1).value(), 98.9);
}

#[test]
fn decimal_values_match_the_standard_parser_for_report_figures() {
    for text in ["0", "6.0", "-8.2", "0.1", "1813.4469", "98.9", "1.3", "200000", "4.73", "-10.5", "123456789.123456"] {
        assert_eq!(d(text).value(), text.parse::<f64>().unwrap(), "{text}");
    }
}

#[test]
fn language_codes_are_zh_or_en_and_nothing_else() {
    for (code, lang) in
        [("", Some(Lang::Zh)), ("zh", Some(Lang::Zh)), (" ZH-cn ", Some(Lang::Zh)), ("zh-Hant", Some(Lang::Zh))]
    {
        assert_eq!(Lang::parse(code), lang, "{code:?}");
    }
    for (code, lang) in [
        ("en", Some(Lang::En)),
        ("EN-us", Some(Lang::En)),
        ("fr", None),
        ("english", None),
        ("zhx", None),
        ("cn", None),
    ] {
        assert_eq!(Lang::parse(code), lang, "{code:?}");
    }
    assert_eq!(Lang::from_code("fr"), Lang::Zh, "the widget still shows a report, in Chinese");
}
