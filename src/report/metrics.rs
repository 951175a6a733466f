//! KPI cards: value with qualifier and unit, change with arrow and tone, rank badges.

use super::SourceNote;
use crate::format::{Tone, Trend};
use super::use_ui;
use crate::view::MetricCard;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MetricCardsProps {
    pub cards: Vec<MetricCard>,
}

/// Arrow glyph for a trend; the words beside it carry the meaning for screen readers.
pub fn arrow(trend: Trend) -> &'static str {
    match trend {
        Trend::Up => "▲",
        Trend::Down => "▼",
        Trend::Flat => "▬",
    }
}

/// CSS class for a tone: good news green, bad news red, neutral grey.
pub fn tone_class(tone: Tone) -> &'static str {
    match tone {
        Tone::Good => "rw-good",
        Tone::Bad => "rw-bad",
        Tone::Neutral => "rw-neutral",
    }
}

#[function_component]
pub fn MetricCards(props: &MetricCardsProps) -> Html {
    html! {
        <ul class="rw-cards">
            { for props.cards.iter().map(|card| html! { <Card card={card.clone()} /> }) }
        </ul>
    }
}

#[derive(Properties, PartialEq)]
struct CardProps {
    card: MetricCard,
}

#[function_component]
fn Card(props: &CardProps) -> Html {
    let c = &props.card;
    let t = use_ui();
    let lang = use_context::<crate::model::Lang>().unwrap_or_default();
    html! {
        <li class="rw-card" data-metric={c.id.clone()}>
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
                <p class={classes!("rw-change", tone_class(change.tone))}>
                    <span class="rw-arrow" aria-hidden="true">{ arrow(change.trend) }</span>
                    { &change.phrase }
                </p>
            }
            if !c.badges.is_empty() {
                <ul class="rw-badges">
                    { for c.badges.iter().map(|b| html! { <li class="rw-badge">{ b }</li> }) }
                </ul>
            }
            if let Some(note) = &c.note { <p class="rw-card-note">{ note }</p> }
            <SourceNote text={c.source.clone()} label={t.source} />
        </li>
    }
}
