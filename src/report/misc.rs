//! The smaller section kinds: the month strip, highlights and narrative paragraphs.

use super::{use_ui, SourceNote};
use crate::view::{CalendarView, HighlightView};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MonthStripProps {
    pub calendar: CalendarView,
}

/// Twelve months in a row; marked months are filled and starred, with their reward.
#[function_component]
pub fn MonthStrip(props: &MonthStripProps) -> Html {
    let t = use_ui();
    let cal = &props.calendar;
    html! {
        <div class="rw-calendar">
            <p class="rw-calendar-label"><span class="rw-star" aria-hidden="true">{ "★" }</span>{ format!(" {} ({})", cal.label, cal.year) }</p>
            <ol class="rw-months">
                { for cal.months.iter().map(|m| {
                    let status = if m.marked { t.marked_month } else { t.unmarked_month };
                    html! {
                        <li class={classes!("rw-month", m.marked.then_some("rw-marked"))}>
                            <span class="rw-month-name">{ &m.name }</span>
                            <span class="rw-star" aria-hidden="true">{ if m.marked { "★" } else { "" } }</span>
                            <span class="rw-sr">{ format!("：{status}") }</span>
                            if let Some(reward) = &m.reward { <span class="rw-reward">{ format!("{} {reward}", t.reward) }</span> }
                        </li>
                    }
                }) }
            </ol>
            <SourceNote text={cal.source.clone()} label={t.source} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct HighlightsProps {
    pub items: Vec<HighlightView>,
}

#[function_component]
pub fn Highlights(props: &HighlightsProps) -> Html {
    html! {
        <dl class="rw-highlights">
            { for props.items.iter().map(|h| html! {
                <div class="rw-highlight"><dt>{ &h.title }</dt><dd>{ &h.text }</dd></div>
            }) }
        </dl>
    }
}

#[derive(Properties, PartialEq)]
pub struct NarrativeProps {
    pub paragraphs: Vec<String>,
}

#[function_component]
pub fn Narrative(props: &NarrativeProps) -> Html {
    html! {
        <div class="rw-narrative">
            { for props.paragraphs.iter().map(|p| html! { <p>{ p }</p> }) }
        </div>
    }
}
