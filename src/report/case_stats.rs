//! Case statistics: a table of counts with completion bars, and a bar chart per shared unit.

use super::{use_ui, SourceNote};
use crate::charts::{BarChart, ProgressBar};
use crate::view::CaseStatsView;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CaseStatsProps {
    pub stats: CaseStatsView,
    pub title: String,
}

#[function_component]
pub fn CaseStats(props: &CaseStatsProps) -> Html {
    let t = use_ui();
    let stats = &props.stats;
    html! {
        <>
            <ul class="rw-cases">
                { for stats.rows.iter().map(|row| html! {
                    <li class="rw-case" data-item={row.id.clone()}>
                        <span class="rw-case-label">{ &row.label }</span>
                        <span class="rw-case-value">{ &row.figure_text }</span>
                        if let Some(p) = &row.progress {
                            <div class="rw-case-progress">
                                <span class="rw-progress-text">
                                    { format!("{} {} / {}（{}）", t.resolved, p.done, p.total, p.percent) }
                                    <span class="rw-computed">{ t.computed_note }</span>
                                </span>
                                <ProgressBar ratio={p.ratio} label={format!("{} {} / {}, {}", t.resolved, p.done, p.total, p.percent)} />
                            </div>
                        }
                        if let Some(note) = &row.note { <span class="rw-case-note">{ note }</span> }
                        <SourceNote text={row.source.clone()} label={t.source} />
                    </li>
                }) }
            </ul>
            { for stats.charts.iter().map(|chart| {
                let unit = if chart.unit.is_empty() { String::new() } else { format!("（{}）", chart.unit) };
                let summary = format!("{}：{}{}", t.chart_summary, props.title, unit);
                let bars = chart.bars.iter().map(|b| (AttrValue::from(b.label.clone()), b.value, AttrValue::from(b.value_text.clone()))).collect::<Vec<_>>();
                html! {
                    <figure class="rw-chart">
                        <figcaption>{ format!("{}{}", props.title, unit) }</figcaption>
                        <BarChart summary={summary} bars={bars} />
                    </figure>
                }
            }) }
        </>
    }
}
