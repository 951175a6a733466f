//! The ranking table: each row's value, change and ranks within the group, sortable by
//! every column (buttons in the column headings, `aria-sort` on the sorted one), with rank
//! meters and a CSV export of the rows in their current order.

use super::metrics::{arrow, tone_name};
use super::{dom, text_in, Env};
use crate::charts::rank_meter;
use crate::format;
use crate::i18n::{fill, ui, Ui};
use crate::model::Lang;
use crate::view::{sort_order, RankingView, SortColumn, SortDir, TableAction, TableState};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RankingTableProps {
    pub table: RankingView,
    /// The section's title.
    pub caption: String,
    /// Element id prefix, unique within the widget.
    pub id: String,
    pub env: Env,
}

/// The table's sort and page, as Yew state.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
struct TableModel(TableState);

impl Reducible for TableModel {
    type Action = TableAction;

    fn reduce(self: Rc<Self>, action: TableAction) -> Rc<Self> {
        Rc::new(TableModel(self.0.apply(action)))
    }
}

#[component]
pub fn RankingTable(props: &RankingTableProps) -> Html {
    let env = &props.env;
    let t = ui(env.lang);
    let state = use_reducer(TableModel::default);
    let table = &props.table;
    let sort = state.0.sort;
    // Sorting 10,000 rows is the expensive part of a page change: only redo it when the
    // order or the rows change.
    let lang = env.lang;
    let order = use_memo((sort, table.clone()), |(sort, table)| {
        // Asked of the browser only when the labels are sorted: 10,000 labels take about 20 ms,
        // again at each change of direction (a memo of its own would spare that, for 0.5 KB of
        // wasm in every reader's first download).
        let ranks = sort
            .filter(|(column, _)| *column == SortColumn::Label)
            .and_then(|_| dom::collation_ranks(&table.rows, lang));
        sort_order(&table.rows, *sort, ranks.as_deref())
    });
    let total = table.rows.len();
    // Printing puts every row on paper (the pager is not printed).
    let shown = if env.printing { 0..total } else { state.0.visible(total) };
    let caption_id = format!("{}_cap", props.id);

    // Each cell carries its column's name (`data-label`): on a phone a row is shown as a card,
    // each figure under its column's name.
    let rank_cell = |rank: Option<u32>, label: &'static str| match rank {
        Some(position) => {
            let (words, text) = table.rank_texts(position, env.lang);
            html! {
                <td class="rw-rank rw-num-cell" data-label={label}>
                    // The meter is named in words; the text beside it is not read twice.
                    { rank_meter(position, table.group_size, words) }
                    <span class="rw-rank-text" aria-hidden="true">{ text }</span>
                </td>
            }
        }
        None => missing_cell(t, label),
    };
    let header = |column: SortColumn, label: &str| {
        let sorted = sort.filter(|(c, _)| *c == column).map(|(_, d)| d);
        let onclick = {
            let state = state.dispatcher();
            Callback::from(move |_: MouseEvent| state.dispatch(TableAction::Sort(column)))
        };
        let icon = match sorted {
            Some(SortDir::Ascending) => "▲",
            Some(SortDir::Descending) => "▼",
            None => "↕",
        };
        html! {
            <th scope="col" aria-sort={sorted.map(|d| AttrValue::Static(d.aria()))}>
                <button type="button" class="rw-sort" onclick={onclick}>
                    { text_in(env.lang, label) }<span class="rw-sort-icon" aria-hidden="true">{ icon }</span>
                </button>
            </th>
        }
    };
    // Made by the export module: if it cannot be loaded, the table says so beside the button,
    // as a chart does beside its downloads (and the console says why).
    let export = {
        let (source, lang, id) = (env.source.clone(), env.lang, props.id.clone());
        let order = order.clone();
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| {
            dispatcher.dispatch(TableAction::ExportFailed(false));
            let failed = dispatcher.clone();
            let failed = Callback::from(move |()| failed.dispatch(TableAction::ExportFailed(true)));
            dom::export_csv(&source, lang, &id, &order, failed);
        })
    };
    let labels = [&*table.row_heading, &*table.value_heading, t.col_change, t.col_value_rank, t.col_change_rank];
    // The new order said to screen readers: the sort button keeps the focus, and `aria-sort`
    // on its heading is not announced when it changes.
    // Unsorted, a space: the server's HTML then has the text node hydration expects (an empty
    // text has none), and a live region's first content is not announced.
    let sorted = sort.map_or_else(
        || " ".to_string(),
        |(column, dir)| [t.sorted_by, labels[column as usize], t.sorted[dir as usize]].concat(),
    );
    html! {
        <div class="rw-ranking">
            <div class="rw-tools rw-control">
                <button type="button" class="rw-btn" aria-describedby={caption_id.clone()} onclick={export}>
                    <span class="rw-btn-icon" aria-hidden="true">{ "⤓" }</span>{ t.download_csv }
                </button>
                <span class="rw-export-status" role="status">if state.0.export_failed { { t.export_failed } }</span>
                <span class="rw-sr" role="status">{ sorted }</span>
            </div>
            // A Tab stop of its own, although the arrow keys scroll it from the sort buttons in
            // it: where the widget cannot run, those buttons become text, and a frame too narrow
            // for its table (Chromium 92, which shows no cards) has no other keyboard way in.
            <div class="rw-table-wrap" tabindex="0" role="region" aria-labelledby={caption_id.clone()}>
                <table class="rw-table rw-stack" aria-rowcount={(total + 1).to_string()}>
                    // The frame and the download button are named by the title alone: the
                    // hint, read with the table's name, would be heard three times.
                    <caption>
                        <span id={caption_id}>{ text_in(env.lang, &table.caption(&props.caption, env.lang)) }</span>
                        <span class="rw-caption-hint rw-control">{ t.sort_hint }</span>
                    </caption>
                    <thead>
                        <tr>
                            { for table.columns.iter().map(|&c| header(c, labels[c as usize])) }
                        </tr>
                    </thead>
                    <tbody>
                        { for order[shown.clone()].iter().zip(shown.clone()).map(|(&i, position)| {
                            let row = &table.rows[i];
                            html! {
                                // Not keyed by row: a re-sort or a page change then updates the
                                // rows in place instead of replacing all of them. Row 1 is the
                                // heading row.
                                <tr aria-rowindex={(position + 2).to_string()}>
                                    { for table.columns.iter().map(|column| match column {
                                        SortColumn::Label => html! { <th scope="row">{ text_in(env.lang, &row.label) }</th> },
                                        SortColumn::Value => match &row.value {
                                            Some(value) => html! { <td class="rw-num-cell" data-label={labels[1].to_string()}>{ text_in(env.lang, value) }</td> },
                                            None => missing_cell(t, labels[1]),
                                        },
                                        SortColumn::Change => match &row.change {
                                            Some(c) => html! {
                                                <td class="rw-change" data-tone={tone_name(c.tone)} data-label={t.col_change}>
                                                    <span class="rw-arrow" aria-hidden="true">{ arrow(c.trend) }</span>{ text_in(env.lang, &c.phrase) }
                                                </td>
                                            },
                                            None => missing_cell(t, t.col_change),
                                        },
                                        SortColumn::ValueRank => rank_cell(row.value_rank, t.col_value_rank),
                                        SortColumn::ChangeRank => rank_cell(row.change_rank, t.col_change_rank),
                                    }) }
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            { pager(&state, total, shown, t, env.lang) }
        </div>
    }
}

/// A cell the payload gives no figure for: a dash to see, words to hear. The table's cells are
/// Yew elements, not static markup: a re-sort then updates them in place, which costs half the
/// work of replacing them (BENCHMARKS.md).
fn missing_cell(t: &Ui, label: &str) -> Html {
    html! { <td class="rw-missing" data-label={label.to_string()}><span aria-hidden="true">{ "—" }</span><span class="rw-sr">{ t.not_given }</span></td> }
}

/// Page buttons and "rows 51–100 of 10,000" under a long table; nothing under a short one.
fn pager(
    state: &UseReducerHandle<TableModel>,
    total: usize,
    shown: std::ops::Range<usize>,
    t: &Ui,
    lang: Lang,
) -> Html {
    if !TableState::paged(total) {
        return Html::default();
    }
    let pages = TableState::pages(total);
    let page = state.0.current_page(total);
    // Visible words, not only arrows: clearer for every reader, and no glyph a font may lack.
    let go = |target: usize, label: &'static str, before: &'static str, after: &'static str| {
        let dispatcher = state.dispatcher();
        // Inactive, not `disabled`: a disabled button loses the focus, and the reader who just
        // pressed "last page" would be dropped to the top of the page (WCAG 2.4.3).
        let inactive = target == page;
        html! {
            <button type="button" class="rw-btn rw-page-btn" aria-disabled={inactive.then_some("true")}
                onclick={Callback::from(move |_: MouseEvent| if !inactive { dispatcher.dispatch(TableAction::Page(target)) })}>
                if !before.is_empty() { <span aria-hidden="true">{ before }</span> }
                { label }
                if !after.is_empty() { <span aria-hidden="true">{ after }</span> }
            </button>
        }
    };
    let total_text = format::count(total, lang);
    let status = fill(
        t.rows_shown,
        &[
            ("from", &format::count(shown.start + 1, lang)),
            ("to", &format::count(shown.end, lang)),
            ("total", &total_text),
        ],
    );
    let show_all = state.0.show_all;
    let toggle = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(TableAction::ShowAll(!show_all)))
    };
    let toggle_label =
        if show_all { t.show_by_page.to_string() } else { fill(t.show_all_rows, &[("total", &total_text)]) };
    html! {
        <nav class="rw-pager rw-control" aria-label={t.pager}>
            <span class="rw-page-status" role="status">{ status }</span>
            // With every row shown there is no page to go to: four buttons that do nothing
            // would be four Tab stops. (In one `if`, the toggle keeps its place and the focus.)
            if !show_all {
                { go(0, t.page_first, "«", "") }
                { go(page.saturating_sub(1), t.page_prev, "‹", "") }
                { go((page + 1).min(pages - 1), t.page_next, "", "›") }
                { go(pages - 1, t.page_last, "", "»") }
            }
            <button type="button" class="rw-btn" onclick={toggle}>{ toggle_label }</button>
        </nav>
    }
}
