//! One-line plain-language summaries: what a figure is, which way it moved, whether that is
//! good news, and where it ranks — in words a reader needs no legend for.

use super::{ordinal, ChangeText, FigureParts, Tone, Trend};
use crate::model::{ChangeKind, Lang, RankBasis, Text};

/// A rank as the summary needs it.
#[derive(Clone, Copy, Debug)]
pub struct SummaryRank<'a> {
    pub group: &'a Text,
    pub size: u32,
    pub position: u32,
    pub basis: RankBasis,
}

/// "PM2.5浓度为44μg/m³，比上年下降10.2%，情况好转；在五区中排第4，改善幅度排第4。"
/// "PM2.5 concentration: 44 μg/m³, 10.2% lower than the year before (an improvement);
/// 4th of 5 districts, 4th for improvement."
pub fn metric_summary(
    label: &str,
    figure: &FigureParts,
    change: Option<&ChangeText>,
    basis: Option<&Text>,
    ranks: &[SummaryRank],
    lang: Lang,
) -> String {
    let mut out = String::with_capacity(96);
    out.push_str(label);
    match lang {
        Lang::Zh => {
            if figure.before.is_empty() {
                out.push('为');
            }
        }
        Lang::En => out.push_str(": "),
    }
    out.push_str(&figure.text(lang));
    if let Some(c) = change {
        out.push_str(&change_clause(c, basis, lang));
    }
    let value_rank = ranks.iter().find(|r| r.basis == RankBasis::Value);
    let change_rank = ranks.iter().find(|r| r.basis == RankBasis::Change);
    if let Some(r) = value_rank {
        match lang {
            Lang::Zh => {
                out.push_str("；在");
                out.push_str(r.group.get(lang));
                out.push_str("中排第");
                out.push_str(&r.position.to_string());
            }
            Lang::En => {
                out.push_str("; ");
                out.push_str(&ordinal(r.position));
                out.push_str(" of ");
                out.push_str(&r.size.to_string());
                out.push(' ');
                out.push_str(r.group.get(lang));
            }
        }
    }
    if let Some(r) = change_rank {
        let same_group = value_rank.is_some_and(|v| v.group == r.group);
        match (lang, same_group) {
            (Lang::Zh, true) => out.push_str("，改善幅度排第"),
            (Lang::Zh, false) => {
                out.push_str("；改善幅度在");
                out.push_str(r.group.get(lang));
                out.push_str("中排第");
            }
            (Lang::En, true) => out.push_str(", "),
            (Lang::En, false) => out.push_str("; "),
        }
        match lang {
            Lang::Zh => out.push_str(&r.position.to_string()),
            Lang::En => {
                out.push_str(&ordinal(r.position));
                if !same_group {
                    out.push_str(" of ");
                    out.push_str(&r.size.to_string());
                    out.push(' ');
                    out.push_str(r.group.get(lang));
                }
                out.push_str(" for improvement");
            }
        }
    }
    out.push_str(crate::i18n::ui(lang).full_stop);
    out
}

fn change_clause(c: &ChangeText, basis: Option<&Text>, lang: Lang) -> String {
    let basis = basis.map(|b| b.get(lang));
    let mut out = String::new();
    match lang {
        Lang::Zh => {
            out.push('，');
            if c.trend == Trend::Flat {
                match basis {
                    Some(b) => out.push_str(b),
                    None => out.push_str("与上年"),
                }
                out.push_str("持平");
                return out;
            }
            out.push_str(basis.unwrap_or("比上年"));
            out.push_str(match (c.kind, c.trend) {
                (ChangeKind::Absolute, Trend::Up) => "增加",
                (ChangeKind::Absolute, _) => "减少",
                (_, Trend::Up) => "上升",
                _ => "下降",
            });
            out.push_str(&c.amount);
            match c.tone {
                Tone::Good => out.push_str("，情况好转"),
                Tone::Bad => out.push_str("，情况变差"),
                Tone::Neutral => {}
            }
        }
        Lang::En => {
            out.push_str(", ");
            if c.trend == Trend::Flat {
                out.push_str("unchanged");
                match basis {
                    Some(b) => {
                        out.push_str(" (");
                        out.push_str(b);
                        out.push(')');
                    }
                    None => out.push_str(" from the year before"),
                }
                return out;
            }
            // An amount in the figure's unit goes up or down: "more" and "fewer" fit days but
            // not μg/m³, "higher" and "lower" the reverse.
            let absolute = c.kind == ChangeKind::Absolute;
            let up = c.trend == Trend::Up;
            if absolute {
                out.push_str(if up { "up " } else { "down " });
            }
            out.push_str(&c.amount);
            if !absolute {
                out.push_str(if up { " higher" } else { " lower" });
            }
            match basis {
                Some(b) => {
                    out.push_str(" (");
                    out.push_str(b);
                    out.push(')');
                }
                None => out.push_str(if absolute { " from the year before" } else { " than the year before" }),
            }
            match c.tone {
                Tone::Good => out.push_str(" (an improvement)"),
                Tone::Bad => out.push_str(" (a deterioration)"),
                Tone::Neutral => {}
            }
        }
    }
    out
}

/// "与上年相比，8项指标中7项好转、1项持平。" / "Compared with the year before, of 8
/// figures: 7 better, 1 unchanged." `None` when fewer than two figures have a change.
pub fn section_summary(changes: &[&ChangeText], lang: Lang) -> Option<String> {
    if changes.len() < 2 {
        return None;
    }
    let count = |f: &dyn Fn(&ChangeText) -> bool| changes.iter().filter(|c| f(c)).count();
    let good = count(&|c| c.tone == Tone::Good);
    let bad = count(&|c| c.tone == Tone::Bad);
    let flat = count(&|c| c.trend == Trend::Flat);
    let other = changes.len() - good - bad - flat;
    let parts: [(usize, &str, &str); 4] =
        [(good, "好转", "better"), (bad, "变差", "worse"), (flat, "持平", "unchanged"), (other, "有增减", "changed")];
    let listed: Vec<String> = parts
        .iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, zh, en)| match lang {
            Lang::Zh => format!("{n}项{zh}"),
            Lang::En => format!("{n} {en}"),
        })
        .collect();
    Some(match lang {
        Lang::Zh => format!("与上年相比，{}项指标中{}。", changes.len(), listed.join("、")),
        Lang::En => format!("Compared with the year before, of {} figures: {}.", changes.len(), listed.join(", ")),
    })
}
