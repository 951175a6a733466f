//! Where Chinese stands inside text shown in the English view (WCAG 3.1.2, language of parts).
//!
//! A payload text without English is shown in Chinese in the English view, alone or inside a
//! sentence the widget composes ("3 天 more than the year before"). Marked `lang="zh-CN"`, a
//! screen reader reads it with a Chinese voice instead of spelling it out or skipping it.

use crate::model::Lang;

/// Han ideographs, CJK punctuation and full-width forms: what only Chinese text holds here.
fn is_chinese(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303f}' | '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{ff00}'..='\u{ffef}' | '\u{20000}'..='\u{3134f}')
}

/// Calls `run` with the byte range of each Chinese run of `text`, in order: each from a Chinese
/// character to the last Chinese character before a Latin letter (or the end), with the digits,
/// spaces and marks between them, and the number written against its first character
/// ("2021年度" and "100万" are one run each; in "3 天 more", only "天" is).
pub fn chinese_runs(text: &str, mut run: impl FnMut(usize, usize)) {
    // The open run's start and end, and where the digits just before this character start (a
    // number written against a Chinese character belongs to it: "100万" is read 一百万).
    let (mut open, mut number): (Option<(usize, usize)>, Option<usize>) = (None, None);
    for (i, c) in text.char_indices() {
        if is_chinese(c) {
            open = Some((open.map_or(number.unwrap_or(i), |(start, _)| start), i + c.len_utf8()));
        } else if c.is_ascii_alphabetic() || ('\u{c0}'..='\u{24f}').contains(&c) {
            // A Latin letter ends the run (by code range: `char::is_alphabetic` would bring
            // std's Unicode tables into the wasm).
            if let Some((start, end)) = open.take() {
                run(start, end);
            }
        }
        number = if c.is_ascii_digit() || c == '.' || c == ',' { number.or(Some(i)) } else { None };
    }
    if let Some((start, end)) = open {
        run(start, end);
    }
}

/// Whether `text` holds Chinese to mark in a report in `view`: only the English view does.
pub fn marks_chinese(view: Lang, text: &str) -> bool {
    view == Lang::En && text.chars().any(is_chinese)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs(text: &str) -> Vec<&str> {
        let mut found = Vec::new();
        chinese_runs(text, |start, end| found.push(&text[start..end]));
        found
    }

    #[test]
    fn finds_the_chinese_inside_english() {
        assert_eq!(runs("Composite index"), Vec::<&str>::new());
        assert_eq!(runs("兰山区2021年度报告"), ["兰山区2021年度报告"]);
        assert_eq!(runs("3 天 more than the year before"), ["天"]);
        assert_eq!(runs("231 天, 3 天 more"), ["天, 3 天"]);
        assert_eq!(runs("“余”marks a lower bound"), ["余"]);
        assert_eq!(runs("NO2 32 μg/m³"), Vec::<&str>::new());
        assert_eq!(runs("（全年）PM2.5"), ["（全年）"]);
        assert_eq!(runs("as in the report: 100万)"), ["100万"]);
        assert_eq!(runs("1,000,000 (1.5万)"), ["1.5万"]);
    }

    #[test]
    fn chinese_is_marked_only_in_the_english_view() {
        assert!(marks_chinese(Lang::En, "五区"));
        assert!(!marks_chinese(Lang::En, "Five districts"));
        assert!(!marks_chinese(Lang::Zh, "五区"));
    }
}
