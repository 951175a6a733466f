//! KPI cards: value with qualifier and unit, change with an arrow and a tone that follow the
//! figure's direction, rank badges, and the card in one plain sentence.

use super::{write_source_note, Env};
use crate::format::{Tone, Trend};
use crate::i18n::ui;
use crate::markup::Markup;
use crate::view::{MetricCard, MetricsView};
use yew::prelude::*;

/// Arrow glyph for a trend; the words beside it carry the meaning for screen readers.
pub fn arrow(trend: Trend) -> &'static str {
    match trend {
        Trend::Up => "▲",
        Trend::Down => "▼",
        Trend::Flat => "▬",
    }
}

/// A change's tone for the stylesheet (`data-tone`): good news green, bad news red, neutral
/// grey. The words (改善 / 恶化 / 持平, and the summary's 情况好转 / 情况变差) say the same
/// without colour.
pub fn tone_name(tone: Tone) -> &'static str {
    match tone {
        Tone::Good => "good",
        Tone::Bad => "bad",
        Tone::Neutral => "neutral",
    }
}

// State reaches the stylesheet as attributes (`data-*`, ARIA states, `hidden`), classes stay
// literal: `html!` turns any computed `class` into Yew's `Classes` set, which hashes every
// class on every render and costs the wasm 2 KB.

// Plain functions rather than components: stateless markup needs no component of its own,
// and every component costs the wasm a few kilobytes of Yew lifecycle code (BENCHMARKS.md).

/// The cards of a metrics section, after its one-sentence summary.
pub fn metric_cards(m: &MetricsView, env: &Env) -> Html {
    let mut out = Markup::new(env.lang);
    if let Some(summary) = &m.summary {
        out.element("<p class=\"rw-section-summary\">", summary, "</p>");
    }
    out.raw("<ul class=\"rw-cards\">");
    for c in &m.cards {
        card(&mut out, c, env);
    }
    out.raw("</ul>");
    out.into_html()
}

/// One KPI card.
fn card(out: &mut Markup, c: &MetricCard, env: &Env) {
    let t = ui(env.lang);
    let f = &c.figure;
    out.raw("<li class=\"rw-card\" data-metric=\"").attr(&c.id).raw("\">");
    out.element("<p class=\"rw-card-label\">", &c.label, "</p>");
    out.raw("<p class=\"rw-card-value\">");
    if !f.before.is_empty() {
        out.element("<span class=\"rw-qual\">", &f.before, "</span>");
    }
    // A long figure gets a smaller size so that it fits a card's line, rather than breaking
    // inside its digits ("1,234,567,8 / 90.123" reads as two numbers).
    let size = match f.number.chars().count() {
        0..=10 => "\">",
        11..=14 => "\" data-size=\"m\">",
        _ => "\" data-size=\"s\">",
    };
    // The figure as one box: "more than" wraps before it breaks apart, and only a figure too
    // wide for the line puts its unit below it.
    out.raw("<span class=\"rw-fig\"><span class=\"rw-num").raw(size).text(&f.number).raw("</span>");
    if !f.after.is_empty() {
        out.element("<span class=\"rw-qual\">", &f.after, "</span>");
    }
    if !f.unit.is_empty() {
        out.raw("<span class=\"rw-unit\">")
            .raw(crate::format::unit_separator(&f.unit, env.lang))
            .text(&f.unit)
            .raw("</span>");
    }
    out.raw("</span></p>");
    if let Some(change) = &c.change {
        out.raw("<p class=\"rw-change\" data-tone=\"").raw(tone_name(change.tone)).raw("\">");
        out.element("<span class=\"rw-arrow\" aria-hidden=\"true\">", arrow(change.trend), "</span>");
        out.text(&change.phrase).raw("</p>");
    }
    if !c.badges.is_empty() {
        out.raw("<ul class=\"rw-badges\">");
        for b in &c.badges {
            out.element("<li class=\"rw-badge\">", b, "</li>");
        }
        out.raw("</ul>");
    }
    // The plain sentence adds to what the card shows only where there is a change or a rank.
    if c.change.is_some() || !c.badges.is_empty() {
        out.raw("<p class=\"rw-card-summary\"><span class=\"rw-sr\">").raw(t.summary_label).raw(t.colon).raw("</span>");
        out.text(&c.summary).raw("</p>");
    }
    if let Some(note) = &c.note {
        out.element("<p class=\"rw-card-note\">", note, "</p>");
    }
    write_source_note(out, c.source.as_deref(), &c.label, env);
    out.raw("</li>");
}
