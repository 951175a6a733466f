//! Case statistics: a list of counts (amounts in 万元 with their value in yuan on demand,
//! completion with its computed rate), then their charts.

use super::chart::ChartFigure;
use super::{write_source_note, Env};
use crate::i18n::ui;
use crate::markup::Markup;
use crate::view::{CaseRow, CaseStatsView};
use yew::prelude::*;

/// The counts, then their charts; `anchor` (the section's) prefixes element ids. Which amounts'
/// values in yuan are unfolded is the report's state (`open`, by element id); `on_yuan` flips one.
pub fn case_stats(stats: &CaseStatsView, anchor: &str, env: &Env, open: &[String], on_yuan: &Callback<String>) -> Html {
    html! {
        <>
            <ul class="rw-cases">
                // By position, not by id: ids that differ only outside ASCII (`罚款`, `没收`) make the
                // same slug, and two folds would share one element id.
                { for stats.rows.iter().enumerate().map(|(i, row)| {
                    let id = format!("{anchor}_{i}");
                    let unfolded = env.printing || open.contains(&id);
                    case_entry(row, id, unfolded, env, on_yuan)
                }) }
            </ul>
            // Keyed by the number of items too: a chart that gains or loses one (in the editor's
            // preview) starts with a state of its size (the legend's flags, the keys' item).
            { for stats.charts.iter().map(|chart| html! {
                <ChartFigure key={format!("{}-{}", chart.id, chart.items.len())} chart={chart.clone()} env={env.clone()} />
            }) }
        </>
    }
}

fn case_entry(row: &CaseRow, id: String, unfolded: bool, env: &Env, on_yuan: &Callback<String>) -> Html {
    let t = ui(env.lang);
    let yuan_id = format!("{id}_yuan");
    let mut head = Markup::new(env.lang);
    head.element("<span class=\"rw-case-label\">", &row.label, "</span>");
    head.element("<span class=\"rw-case-value\">", &row.figure_text, "</span>");
    let mut tail = Markup::new(env.lang);
    if let Some(p) = &row.progress {
        tail.raw("<span class=\"rw-progress-text\">").raw(t.resolved).raw(" ").text(&p.done).raw(" / ").text(&p.total);
        if !p.percent.is_empty() {
            tail.raw(t.paren_open).text(&p.percent).raw(t.comma);
            tail.element("<span class=\"rw-computed\">", t.computed_note, "</span>").raw(t.paren_close);
        }
        tail.raw("</span>");
    }
    if let Some(note) = &row.note {
        tail.element("<span class=\"rw-case-note\">", note, "</span>");
    }
    write_source_note(&mut tail, row.source.as_deref(), &row.label, env);
    html! {
        <li key={row.id.clone()} class="rw-case" data-item={row.id.clone()}>
            { head.into_html() }
            if let Some(yuan) = &row.in_yuan {
                <span class="rw-yuan-wrap">
                    <button type="button" class="rw-link-btn rw-control" aria-expanded={if unfolded { "true" } else { "false" }} aria-controls={yuan_id.clone()}
                        onclick={on_yuan.reform(move |_: MouseEvent| id.clone())}>
                        { t.in_yuan }
                    </button>
                    // Folded, it is out of sight and out of a screen reader's way, as the
                    // button's "collapsed" says (a value worked out from the report's figure,
                    // which is shown above it).
                    <span id={yuan_id} class="rw-yuan" data-folded={(!unfolded).then_some("")}
                        aria-hidden={(!unfolded).then_some("true")}>
                        // One text node before the note: adjacent texts would be one node in
                        // the server's HTML, and hydration would not find two.
                        { format!("{yuan}{}", t.paren_open) }<span class="rw-computed">{ t.computed_note }</span>{ t.paren_close }
                    </span>
                </span>
            }
            { tail.into_html() }
        </li>
    }
}
