//! Where Chinese stands inside text shown in the English view (WCAG 3.1.2, language of parts).
//!
//! A payload text without English is shown in Chinese in the English view, alone or inside a
//! sentence the widget composes ("3 天 more than the year before"). Marked `lang="zh-CN"`, a
//! screen reader reads it with a Chinese voice instead of spelling it out or skipping it.

use crate::model::Lang;

/// Whether the UTF-8 sequence starting at `bytes[i]` is a Han ideograph, CJK punctuation or a
/// full-width form (U+3000–U+9FFF, U+F900–U+FFFF, U+20000–U+31FFF): what only Chinese text
/// holds here. Read from the bytes: decoding characters costs the wasm more code.
fn is_chinese_at(bytes: &[u8], i: usize) -> bool {
    let next = bytes.get(i + 1).copied().unwrap_or(0);
    match bytes[i] {
        0xe3..=0xe9 => true,
        0xef => next >= 0xa4,
        0xf0 => (0xa0..=0xb1).contains(&next),
        _ => false,
    }
}

/// Calls `run` with the byte range of each Chinese run of `text`, in order: each from a Chinese
/// character to the last Chinese character before a Latin letter (or the end), with the digits,
/// spaces and marks between them, and the number written against its first character
/// ("2021年度" and "100万" are one run each; in "3 天 more", only "天" is).
pub fn chinese_runs(text: &str, mut run: impl FnMut(usize, usize)) {
    let bytes = text.as_bytes();
    // The open run's start and end, and where the digits just before this character start (a
    // number written against a Chinese character belongs to it: "100万" is read 一百万).
    let (mut open, mut number): (Option<(usize, usize)>, Option<usize>) = (None, None);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let len = match b {
            0..=0x7f => 1,
            0xc0..=0xdf => 2,
            0xe0..=0xef => 3,
            _ => 4,
        };
        if is_chinese_at(bytes, i) {
            open = Some((open.map_or(number.unwrap_or(i), |(start, _)| start), i + len));
        } else if b.is_ascii_alphabetic() || (0xc3..=0xc9).contains(&b) {
            // A Latin letter (ASCII, or U+00C0–U+024F) ends the run.
            if let Some((start, end)) = open.take() {
                run(start, end);
            }
        }
        number = if b.is_ascii_digit() || b == b'.' || b == b',' { number.or(Some(i)) } else { None };
        i += len;
    }
    if let Some((start, end)) = open {
        run(start, end);
    }
}

/// Whether `text` holds Chinese to mark in a report in `view`: only the English view does.
pub fn marks_chinese(view: Lang, text: &str) -> bool {
    view == Lang::En && (0..text.len()).any(|i| is_chinese_at(text.as_bytes(), i))
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
