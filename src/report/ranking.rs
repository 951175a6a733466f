//! The ranking table: each row's value, change and ranks within the group, sortable by
//! every column (buttons in the column headings, `aria-sort` on the sorted one), with rank
//! meters and a CSV export of the rows in their current order.

use super::metrics::{arrow, change_class};
use super::{dom, use_env};
use crate::charts::RankMeter;
use crate::format;
use crate::i18n::ui;
use crate::view::{sort_order, RankingTable as Table, SortColumn, SortDir};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RankingTableProps {
    pub table: Table,
    pub caption: String,
    /// Element id prefix, unique within the widget.
    pub id: String,
}

/// The sorted column, if any (`None`: the payload's order).
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct SortState(pub Option<(SortColumn, SortDir)>);

impl Reducible for SortState {
    type Action = SortColumn;

    /// Sorting by a new column starts ascending; the same column again reverses.
    fn reduce(self: Rc<Self>, column: SortColumn) -> Rc<Self> {
        let next = match self.0 {
            Some((c, dir)) if c == column => (c, dir.flip()),
            _ => (column, SortDir::Ascending),
        };
        Rc::new(SortState(Some(next)))
    }
}

#[component]
pub fn RankingTable(props: &RankingTableProps) -> Html {
    let env = use_env();
    let t = ui(env.lang);
    let sort = use_reducer(SortState::default);
    let table = &props.table;
    let order = sort_order(&table.rows, sort.0);
    let caption_id = format!("{}-cap", props.id);

    let rank_cell = |rank: Option<u32>| match rank {
        Some(position) => {
            let text = format!("{position} / {}", table.group_size);
            html! {
                <td class="rw-rank rw-num-cell">
                    <RankMeter position={position} size={table.group_size} label={format!("{}{}{text}", table.group_label, t.colon)} />
                    <span class="rw-rank-text">{ text }</span>
                </td>
            }
        }
        None => html! { <td class="rw-missing"><span aria-hidden="true">{ "—" }</span><span class="rw-sr">{ t.not_given }</span></td> },
    };
    let header = |column: SortColumn, label: &'static str| {
        let sorted = sort.0.filter(|(c, _)| *c == column).map(|(_, d)| d);
        let onclick = {
            let sort = sort.dispatcher();
            Callback::from(move |_: MouseEvent| sort.dispatch(column))
        };
        let icon = match sorted {
            Some(SortDir::Ascending) => "▲",
            Some(SortDir::Descending) => "▼",
            None => "↕",
        };
        html! {
            <th scope="col" aria-sort={sorted.map(|d| AttrValue::Static(d.aria()))}>
                <button type="button" class="rw-sort" onclick={onclick}>
                    { label }<span class={if sorted.is_some() { "rw-sort-icon rw-sorted" } else { "rw-sort-icon" }} aria-hidden="true">{ icon }</span>
                </button>
            </th>
        }
    };
    let export = {
        let table = table.clone();
        let order = order.clone();
        let lang = env.lang;
        Callback::from(move |_: MouseEvent| {
            let text = format::csv(&table.csv_rows(&order, lang));
            dom::download_text(&format!("{}.csv", table.file), "text/csv;charset=utf-8", &text);
        })
    };
    let labels = [t.col_item, t.col_value, t.col_change, t.col_value_rank, t.col_change_rank];
    html! {
        <div class="rw-ranking">
            <div class="rw-tools rw-control">
                <button type="button" class="rw-btn" aria-describedby={caption_id.clone()} onclick={export}>
                    <span class="rw-btn-icon" aria-hidden="true">{ "⤓" }</span>{ t.download_csv }
                </button>
            </div>
            <div class="rw-table-wrap" tabindex="0" role="region" aria-labelledby={caption_id.clone()}>
                <table class="rw-table">
                    <caption id={caption_id}>
                        { &props.caption }{ t.paren_open }{ &table.group_label }{ t.paren_close }
                        <span class="rw-caption-hint rw-control">{ t.sort_hint }</span>
                    </caption>
                    <thead>
                        <tr>
                            { for SortColumn::ALL.iter().zip(labels).map(|(&c, l)| header(c, l)) }
                        </tr>
                    </thead>
                    <tbody>
                        { for order.iter().map(|&i| {
                            let row = &table.rows[i];
                            html! {
                                <tr key={i}>
                                    <th scope="row">{ &row.label }</th>
                                    <td class="rw-num-cell">{ row.value.clone().unwrap_or_else(|| "—".into()) }</td>
                                    { match &row.change {
                                        Some(c) => html! {
                                            <td class={change_class(c.tone)}>
                                                <span class="rw-arrow" aria-hidden="true">{ arrow(c.trend) }</span>{ &c.phrase }
                                            </td>
                                        },
                                        None => html! { <td class="rw-missing"><span aria-hidden="true">{ "—" }</span><span class="rw-sr">{ t.not_given }</span></td> },
                                    } }
                                    { rank_cell(row.value_rank) }
                                    { rank_cell(row.change_rank) }
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
        </div>
    }
}
