//! The ranking table: each row's value, change, and its ranks within the group.

use super::metrics::{arrow, tone_class};
use super::use_ui;
use crate::charts::RankMeter;
use crate::view::RankingTable as Table;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RankingTableProps {
    pub table: Table,
    pub caption: String,
}

#[function_component]
pub fn RankingTable(props: &RankingTableProps) -> Html {
    let t = use_ui();
    let table = &props.table;
    let rank_cell = |rank: Option<u32>| match rank {
        Some(position) => {
            let text = format!("{position} / {}", table.group_size);
            html! {
                <td class="rw-rank">
                    <RankMeter position={position} size={table.group_size} label={format!("{} {text}", table.group_label)} />
                    <span class="rw-rank-text">{ text }</span>
                </td>
            }
        }
        None => html! { <td class="rw-missing"><span aria-hidden="true">{ "—" }</span><span class="rw-sr">{ t.not_given }</span></td> },
    };
    html! {
        <div class="rw-table-wrap">
            <table class="rw-table">
                <caption>{ format!("{}（{}）", props.caption, table.group_label) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ t.col_item }</th>
                        <th scope="col">{ t.col_value }</th>
                        <th scope="col">{ t.col_change }</th>
                        <th scope="col">{ t.col_value_rank }</th>
                        <th scope="col">{ t.col_change_rank }</th>
                    </tr>
                </thead>
                <tbody>
                    { for table.rows.iter().map(|row| html! {
                        <tr>
                            <th scope="row">{ &row.label }</th>
                            <td>{ row.value.clone().unwrap_or_else(|| "—".into()) }</td>
                            { match &row.change {
                                Some(c) => html! {
                                    <td class={classes!("rw-change", tone_class(c.tone))}>
                                        <span class="rw-arrow" aria-hidden="true">{ arrow(c.trend) }</span>{ &c.phrase }
                                    </td>
                                },
                                None => html! { <td class="rw-missing">{ "—" }</td> },
                            } }
                            { rank_cell(row.value_rank) }
                            { rank_cell(row.change_rank) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
