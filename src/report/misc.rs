//! The smaller section kinds: the month strip, highlights and narrative paragraphs (plain
//! functions: stateless markup).

use super::chart::ChartFigure;
use super::{source_note, Env};
use crate::view::{CalendarView, HighlightView};
use yew::prelude::*;

/// Twelve months as a chart: marked months filled and starred, their reward in the tooltip.
pub fn month_strip(cal: &CalendarView, env: &Env) -> Html {
    html! {
        <div class="rw-calendar">
            <ChartFigure chart={cal.chart.clone()} env={env.clone()} />
            { source_note(cal.source.as_deref(), env) }
        </div>
    }
}

pub fn highlights(items: &[HighlightView]) -> Html {
    html! {
        <dl class="rw-highlights">
            { for items.iter().map(|h| html! {
                <div class="rw-highlight"><dt>{ &h.title }</dt><dd>{ &h.text }</dd></div>
            }) }
        </dl>
    }
}

pub fn narrative(paragraphs: &[String]) -> Html {
    html! {
        <div class="rw-narrative">
            { for paragraphs.iter().map(|p| html! { <p>{ p }</p> }) }
        </div>
    }
}
