//! Case statistics: a list of counts (amounts in 万元 with the exact figure on demand,
//! completion with its computed rate), then their charts.

use super::chart::ChartFigure;
use super::{source_note, Env};
use crate::i18n::ui;
use crate::view::{slug, CaseRow, CaseStatsView};
use yew::prelude::*;

/// The counts, then their charts; `anchor` (the section's) prefixes element ids.
pub fn case_stats(stats: &CaseStatsView, anchor: &str, env: &Env) -> Html {
    html! {
        <>
            <ul class="rw-cases">
                { for stats.rows.iter().map(|row| html! {
                    <CaseEntry key={row.id.clone()} row={row.clone()} id={format!("{}-{}", anchor, slug(&row.id))} env={env.clone()} />
                }) }
            </ul>
            { for stats.charts.iter().map(|chart| html! { <ChartFigure key={chart.id.clone()} chart={chart.clone()} env={env.clone()} /> }) }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct CaseEntryProps {
    row: CaseRow,
    id: String,
    env: Env,
}

#[component]
fn CaseEntry(props: &CaseEntryProps) -> Html {
    let env = &props.env;
    let t = ui(env.lang);
    let row = &props.row;
    let open = use_state(|| false);
    let exact_id = format!("{}-exact", props.id);
    html! {
        <li class="rw-case" data-item={row.id.clone()}>
            <span class="rw-case-label">{ &row.label }</span>
            <span class="rw-case-value">{ &row.figure_text }</span>
            if let Some(exact) = &row.exact {
                <span class="rw-exact-wrap">
                    <button type="button" class="rw-link-btn rw-control" aria-expanded={if *open { "true" } else { "false" }} aria-controls={exact_id.clone()}
                        onclick={{ let open = open.clone(); Callback::from(move |_: MouseEvent| open.set(!*open)) }}>
                        { t.exact }
                    </button>
                    <span id={exact_id} class={if !*open && !env.printing { "rw-exact rw-folded" } else { "rw-exact" }}>{ exact }</span>
                </span>
            }
            if let Some(p) = &row.progress {
                <span class="rw-progress-text">
                    { t.resolved }{ " " }{ &p.done }{ " / " }{ &p.total }{ t.paren_open }{ &p.percent }{ t.comma }
                    <span class="rw-computed">{ t.computed_note }</span>{ t.paren_close }
                </span>
            }
            if let Some(note) = &row.note { <span class="rw-case-note">{ note }</span> }
            { source_note(row.source.as_deref(), env) }
        </li>
    }
}
