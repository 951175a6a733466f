//! The smaller section kinds: the month strip, highlights and narrative paragraphs (plain
//! functions: stateless markup).

use super::chart::ChartFigure;
use super::{source_note, Env};
use crate::markup::Markup;
use crate::model::Lang;
use crate::view::{CalendarView, HighlightView};
use yew::prelude::*;

/// Twelve months as a chart: marked months filled and starred, their reward in the tooltip.
pub fn month_strip(cal: &CalendarView, env: &Env) -> Html {
    html! {
        <div class="rw-calendar">
            <ChartFigure chart={cal.chart.clone()} env={env.clone()} />
            { source_note(cal.source.as_deref(), &cal.chart.title, env) }
        </div>
    }
}

pub fn highlights(items: &[HighlightView], lang: Lang) -> Html {
    let mut out = Markup::new(lang);
    out.raw("<dl class=\"rw-highlights\">");
    for h in items {
        out.element("<div class=\"rw-highlight\"><dt>", &h.title, "</dt>");
        out.element("<dd>", &h.text, "</dd></div>");
    }
    out.raw("</dl>");
    out.into_html()
}

pub fn narrative(paragraphs: &[String], lang: Lang) -> Html {
    let mut out = Markup::new(lang);
    out.raw("<div class=\"rw-narrative\">");
    for p in paragraphs {
        out.element("<p>", p, "</p>");
    }
    out.raw("</div>");
    out.into_html()
}
