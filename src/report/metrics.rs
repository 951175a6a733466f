//! KPI cards: value with qualifier and unit, change with an arrow and a tone that follow the
//! figure's direction, rank badges, and the card in one plain sentence.

use super::{source_note, Env};
use crate::i18n::ui;
use crate::format::{Tone, Trend};
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
    html! {
        <>
            if let Some(summary) = &m.summary { <p class="rw-section-summary">{ summary }</p> }
            <ul class="rw-cards">
                { for m.cards.iter().map(|c| card(c, env)) }
            </ul>
        </>
    }
}

/// One KPI card.
fn card(c: &MetricCard, env: &Env) -> Html {
    let t = ui(env.lang);
    let lang = env.lang;
    html! {
        <li key={c.id.clone()} class="rw-card" data-metric={c.id.clone()}>
            <p class="rw-card-label">{ &c.label }</p>
            <p class="rw-card-value">
                if !c.figure.before.is_empty() { <span class="rw-qual">{ &c.figure.before }</span> }
                <span class="rw-num">{ &c.figure.number }</span>
                if !c.figure.after.is_empty() { <span class="rw-qual">{ &c.figure.after }</span> }
                if !c.figure.unit.is_empty() {
                    <span class="rw-unit">{ crate::format::unit_separator(&c.figure.unit, lang) }{ &c.figure.unit }</span>
                }
            </p>
            if let Some(change) = &c.change {
                <p class="rw-change" data-tone={tone_name(change.tone)}>
                    <span class="rw-arrow" aria-hidden="true">{ arrow(change.trend) }</span>
                    { &change.phrase }
                </p>
            }
            if !c.badges.is_empty() {
                <ul class="rw-badges">
                    { for c.badges.iter().map(|b| html! { <li class="rw-badge">{ b }</li> }) }
                </ul>
            }
            // The plain sentence adds to what the card shows only where there is a change or a rank.
            if c.change.is_some() || !c.badges.is_empty() {
                <p class="rw-card-summary"><span class="rw-sr">{ t.summary_label }{ t.colon }</span>{ &c.summary }</p>
            }
            if let Some(note) = &c.note { <p class="rw-card-note">{ note }</p> }
            { source_note(c.source.as_deref(), env) }
        </li>
    }
}
