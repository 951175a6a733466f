//! The smaller section kinds: the month strip, highlights and narrative paragraphs.

use super::chart::ChartFigure;
use super::SourceNote;
use crate::view::{CalendarView, HighlightView};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MonthStripProps {
    pub calendar: CalendarView,
}

/// Twelve months as a chart: marked months filled and starred, their reward in the tooltip.
#[component]
pub fn MonthStrip(props: &MonthStripProps) -> Html {
    let cal = &props.calendar;
    html! {
        <div class="rw-calendar">
            <ChartFigure chart={cal.chart.clone()} />
            <SourceNote text={cal.source.clone()} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct HighlightsProps {
    pub items: Vec<HighlightView>,
}

#[component]
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

#[component]
pub fn Narrative(props: &NarrativeProps) -> Html {
    html! {
        <div class="rw-narrative">
            { for props.paragraphs.iter().map(|p| html! { <p>{ p }</p> }) }
        </div>
    }
}
