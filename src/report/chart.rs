//! A chart figure: the graphic (bars as a list of their labels and values, months as an image,
//! each named by the chart's summary), its data table (the "table view", same data), a legend
//! that hides and shows items, tooltips on hover and on keyboard focus, and exports (CSV, SVG,
//! PNG) made in the browser.
//!
//! The graphic itself holds nothing focusable: the keyboard reaches the chart through the
//! group around it: focus it, then the arrow keys go from item to item, each showing its
//! tooltip, also announced to screen readers.

use super::{dom, text_in, Env};
use crate::charts::{bar_mark, bar_percents};
use crate::i18n::ui;
use crate::markup::Markup;
use crate::model::Lang;
use crate::view::{ChartAction, ChartKind, ChartState, ChartView};
use std::rc::Rc;
use yew::prelude::*;

impl Reducible for ChartState {
    type Action = ChartAction;

    fn reduce(self: Rc<Self>, action: ChartAction) -> Rc<Self> {
        Rc::new((*self).clone().apply(action))
    }
}

#[derive(Properties)]
pub struct ChartFigureProps {
    pub chart: Rc<ChartView>,
    pub env: Env,
}

impl PartialEq for ChartFigureProps {
    /// A chart's view is built once per payload and shared: the same chart is the same `Rc`.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.chart, &other.chart) && self.env == other.env
    }
}

#[component]
pub fn ChartFigure(props: &ChartFigureProps) -> Html {
    let env = &props.env;
    let t = ui(env.lang);
    let chart = &props.chart;
    let state = use_reducer({
        let n = chart.items.len();
        move || ChartState::new(n)
    });
    // Printing shows every item. (One flag per item, even if new props brought other items.)
    let hidden: Vec<bool> =
        (0..chart.items.len()).map(|i| !env.printing && state.hidden.get(i).copied().unwrap_or(false)).collect();
    let shown = state.shown(env.escapes);
    let cap_id = format!("{}_cap", chart.id);
    let plot = use_node_ref();

    let dispatch = state.dispatcher();
    let act = |make: fn() -> ChartAction| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(make()))
    };
    let on_key = {
        let (dispatch, plot) = (dispatch.clone(), plot.clone());
        Callback::from(move |e: KeyboardEvent| {
            let action = match e.key().as_str() {
                "ArrowRight" | "ArrowDown" => ChartAction::Step(1),
                "ArrowLeft" | "ArrowUp" => ChartAction::Step(-1),
                "Home" => ChartAction::Edge { last: false },
                "End" => ChartAction::Edge { last: true },
                "Escape" => ChartAction::Dismiss,
                _ => return,
            };
            e.prevent_default();
            dispatch.dispatch(action);
            // The item the keys reach is scrolled into view once drawn (a zoomed chart is taller
            // than the screen, and the arrow keys cannot scroll it).
            dom::reveal_active(&plot);
        })
    };
    let on_focus = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: FocusEvent| dispatch.dispatch(ChartAction::Focus))
    };
    let on_blur = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: FocusEvent| dispatch.dispatch(ChartAction::Blur))
    };
    // Between items (a gap, the hint) the last item's tooltip stays, so the pointer can reach
    // the tooltip itself; leaving the plot closes it (WCAG 1.4.13: hoverable, persistent).
    let on_over = {
        let (dispatch, escapes, keys_lead) = (dispatch.clone(), env.escapes, state.keys_lead);
        Callback::from(move |e: MouseEvent| {
            // After the arrow keys, an item that scrolling brings under the pointer does not take
            // their tooltip (`keys_lead`): the pointer leads again once it has left the plot.
            if keys_lead {
                return;
            }
            if let Some(i) = dom::target_attribute(&e, "data-i").and_then(|i| i.parse().ok()) {
                dispatch.dispatch(ChartAction::Hover(Some(i), escapes));
            }
        })
    };
    let on_leave = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(ChartAction::Hover(None, 0)))
    };

    // The button goes away once every item shows: the focus moves to the first item's button.
    let show_all = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: MouseEvent| {
            dom::focus_first_in(&e, ".rw-legend");
            dispatch.dispatch(ChartAction::ShowAll);
        })
    };
    // The three files come from the export module (fetched on the first download).
    let csv = {
        let (source, lang, id) = (env.source.clone(), env.lang, chart.id.clone());
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dom::export_csv(&source, lang, &id, &[], export_started(&dispatch)))
    };
    // Both ask the export module for an image of what the chart shows now (PNG rasterises the SVG).
    let export_as = |png: bool| {
        let chart = chart.clone();
        let hidden = hidden.clone();
        let (credit, lang) = (env.credit.clone(), env.lang);
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            dom::export_image(&chart, &hidden, &credit, lang, png, export_started(&dispatch))
        })
    };
    let (svg, png) = (export_as(false), export_as(true));
    // One listener for the three buttons, which are static markup (`downloads`).
    let on_download = Callback::from(move |e: MouseEvent| match dom::target_attribute(&e, "data-export").as_deref() {
        Some("csv") => csv.emit(e),
        Some("svg") => svg.emit(e),
        Some("png") => png.emit(e),
        _ => {}
    });

    let all_hidden = !chart.items.is_empty() && hidden.iter().all(|&h| h);
    let live = match (state.focused, shown.and_then(|i| chart.items.get(i))) {
        (true, Some(item)) => item.detail.clone(),
        _ => String::new(),
    };
    let graphic = match chart.kind {
        ChartKind::Bars | ChartKind::Completion => bars(chart, &hidden, shown, env.lang),
        ChartKind::Months => months(chart, shown, env.lang),
    };

    html! {
        <figure class="rw-chart" data-view={if state.table { "table" } else { "chart" }} id={chart.id.clone()} aria-labelledby={cap_id.clone()}>
            <figcaption class="rw-chart-title" id={cap_id.clone()}>{ text_in(env.lang, &chart.title) }</figcaption>
            <div class="rw-tools rw-control">
                <button type="button" class="rw-btn rw-table-toggle" aria-pressed={if state.table { "true" } else { "false" }} aria-describedby={cap_id.clone()} onclick={act(|| ChartAction::ToggleTable)}>
                    <span class="rw-btn-icon" aria-hidden="true">{ "▦" }</span>{ t.table_view }
                </button>
                <span class="rw-downloads" onclick={on_download}>{ downloads(&cap_id, t, env.lang) }</span>
                // Empty texts are left out rather than written as "": the server's HTML has no
                // node for them, so hydration would have to make one.
                <span class="rw-export-status" role="status">if state.export_failed { { t.export_failed } }</span>
            </div>
            if chart.legend {
                // Described by its chart's title: a report's legends share their name.
                <div class="rw-legend rw-control rw-chart-part" role="group" aria-label={t.legend} aria-describedby={cap_id.clone()}>
                    { for chart.items.iter().enumerate().map(|(i, item)| {
                        let on = !hidden[i];
                        let dispatch = dispatch.clone();
                        html! {
                            <button type="button" class="rw-chip" aria-pressed={if on { "true" } else { "false" }}
                                onclick={Callback::from(move |_: MouseEvent| dispatch.dispatch(ChartAction::ToggleItem(i)))}>
                                <span class="rw-chip-box" aria-hidden="true">{ if on { "✓" } else { "" } }</span>{ text_in(env.lang, &item.label) }
                            </button>
                        }
                    }) }
                    if hidden.iter().any(|&h| h) {
                        <button type="button" class="rw-chip rw-chip-all" onclick={show_all}>{ t.show_all }</button>
                    }
                </div>
            }
            <div class="rw-plot rw-chart-part" tabindex="0" role="group" ref={plot}
                aria-label={plot_name(chart, t, env.live && !all_hidden)}
                onkeydown={on_key} onfocus={on_focus} onblur={on_blur} onmouseover={on_over} onmouseleave={on_leave}>
                // No keys to tell of where the legend hides every item.
                if !all_hidden { <p class="rw-plot-hint" aria-hidden="true">{ t.plot_hint }</p> }
                { graphic }
                if all_hidden { <p class="rw-empty">{ t.all_hidden }</p> }
                <p class="rw-sr" aria-live="polite">if !live.is_empty() { { text_in(env.lang, &live) } }</p>
            </div>
            { notes(chart, t, env.lang) }
        </figure>
    }
}

/// The plot's name: the chart's title, then how the keyboard goes through it where the widget
/// runs it (`Env::live`). A prerendered report names only the chart: a screen reader reads it
/// before the wasm has come, or where it never comes (script off), when the keys do nothing.
/// Hydration sets the name the browser's render gives.
fn plot_name(chart: &ChartView, t: &crate::i18n::Ui, live: bool) -> String {
    if live {
        format!("{}{}{}", chart.title, t.colon, t.plot_hint)
    } else {
        chart.title.clone()
    }
}

/// Starts a download: clears the last failure said beside the buttons, and gives what the
/// export calls if no file can be made.
fn export_started(dispatch: &UseReducerDispatcher<ChartState>) -> Callback<()> {
    dispatch.dispatch(ChartAction::ExportFailed(false));
    let dispatch = dispatch.clone();
    Callback::from(move |()| dispatch.dispatch(ChartAction::ExportFailed(true)))
}

/// What follows the graphic: the months' key, the data table (the table view) and the
/// chart's footnote; static markup.
fn notes(chart: &ChartView, t: &crate::i18n::Ui, lang: Lang) -> Html {
    let mut out = Markup::new(lang);
    if chart.kind == ChartKind::Months {
        out.raw("<p class=\"rw-key rw-chart-part\" aria-hidden=\"true\"><span class=\"rw-star\">★</span> ");
        out.text(&chart.months_key(lang)).raw("</p>");
    }
    data_table(&mut out, chart, t);
    if let Some(note) = &chart.note {
        out.raw(if chart.kind == ChartKind::Completion {
            "<p class=\"rw-chart-note\">* "
        } else {
            "<p class=\"rw-chart-note\">"
        });
        out.text(note).raw("</p>");
    }
    out.into_html()
}

/// The download buttons (CSV, SVG, PNG): static markup; the chart's `on_download` tells them
/// apart by `data-export`.
fn downloads(cap_id: &str, t: &crate::i18n::Ui, lang: Lang) -> Html {
    let mut out = Markup::new(lang);
    out.raw("<span class=\"rw-downloads-label\" aria-hidden=\"true\"><span class=\"rw-btn-icon\">⤓</span>")
        .raw(t.download)
        .raw("</span>");
    for (kind, class, label, text) in [
        ("csv", "rw-export-csv", t.download_csv, "CSV"),
        ("svg", "rw-export-svg", t.download_svg, "SVG"),
        ("png", "rw-export-png", t.download_png, "PNG"),
    ] {
        out.raw("<button type=\"button\" class=\"rw-btn ").raw(class).raw("\" data-export=\"").raw(kind);
        out.raw("\" aria-label=\"")
            .attr(label)
            .raw("\" aria-describedby=\"")
            .attr(cap_id)
            .raw("\">")
            .raw(text)
            .raw("</button>");
    }
    out.into_html()
}

/// Horizontal bars (values of one unit, or completion percentages on a 0–100 scale).
fn bars(chart: &ChartView, hidden: &[bool], shown: Option<usize>, lang: Lang) -> Html {
    let completion = chart.kind == ChartKind::Completion;
    let visible: Vec<usize> = (0..chart.items.len()).filter(|&i| !hidden[i]).collect();
    let values: Vec<f64> = visible.iter().map(|&i| chart.items[i].value).collect();
    let percents =
        if completion { values.iter().map(|v| v.clamp(0.0, 100.0)).collect() } else { bar_percents(&values, 100.0) };
    // A list named by the summary, not an image: each bar's label and value are text a screen
    // reader reads as they are seen (the bars themselves are hidden from it), and it counts
    // the items the legend leaves shown.
    html! {
        <div class="rw-img rw-bars" role="list" aria-label={chart.summary_shown(hidden, lang)}>
            { for visible.iter().zip(percents).map(|(&i, percent)| {
                let item = &chart.items[i];
                let mut inner = Markup::new(lang);
                inner.element("<span class=\"rw-row-head\"><span class=\"rw-row-label\">", &item.label, "</span>");
                inner.element("<span class=\"rw-row-value\">", &item.value_text, if completion { "*</span></span>" } else { "</span></span>" });
                inner.raw("<span class=\"rw-row-bar\">");
                bar_mark(&mut inner, percent, completion && item.marked, !completion && item.marked);
                inner.element("<span class=\"rw-tip\">", &item.detail, "</span></span>");
                html! {
                    <div class="rw-row" role="listitem" data-active={(shown == Some(i)).then_some("")} data-i={i.to_string()}>
                        { inner.into_html() }
                    </div>
                }
            }) }
        </div>
    }
}

fn month(m: &crate::view::ChartItem, i: usize, shown: Option<usize>, lang: Lang) -> Html {
    let mut inner = Markup::new(lang);
    inner.element("<span class=\"rw-month-name\">", &m.label, "</span>");
    inner.raw(if m.marked {
        "<span class=\"rw-month-star\">★</span>"
    } else {
        "<span class=\"rw-month-star\"></span>"
    });
    if !m.value_text.is_empty() {
        // A long reward wraps after a thousands separator ("1,000," / "000"), not inside a group.
        inner.raw("<span class=\"rw-month-reward\">");
        for (n, group) in m.value_text.split(',').enumerate() {
            if n > 0 {
                inner.raw(",<wbr>");
            }
            inner.text(group);
        }
        inner.raw("</span>");
    }
    inner.element("<span class=\"rw-tip\">", &m.detail, "</span>");
    html! {
        <div class="rw-month" data-marked={m.marked.then_some("")} data-active={(shown == Some(i)).then_some("")} data-i={i.to_string()}>
            { inner.into_html() }
        </div>
    }
}

/// Twelve months; the marked ones filled, starred and with their reward.
fn months(chart: &ChartView, shown: Option<usize>, lang: Lang) -> Html {
    html! {
        <>
            // Halves of quarters: the strip reads as 12, 6 + 6 or 3 + 3 + 3 + 3 months a row,
            // whatever the widget's width, never with a lone month on a line.
            <div class="rw-img rw-months" role="img" aria-label={chart.summary.clone()}>
                { for (0..chart.items.len()).step_by(6).map(|half| html! {
                    <div class="rw-half">
                        { for (half..(half + 6).min(chart.items.len())).step_by(3).map(|quarter| html! {
                            <div class="rw-quarter">
                                { for (quarter..(quarter + 3).min(chart.items.len())).map(|i| month(&chart.items[i], i, shown, lang)) }
                            </div>
                        }) }
                    </div>
                }) }
            </div>
        </>
    }
}

/// The chart's data as a table (the table view), with a caption.
fn data_table(out: &mut Markup, chart: &ChartView, t: &crate::i18n::Ui) {
    out.raw("<div class=\"rw-table-wrap rw-table-part\" tabindex=\"0\" role=\"region\" aria-label=\"");
    out.attr(&chart.title).raw(t.colon).raw(t.table_of).raw("\"><table class=\"rw-table rw-data rw-stack\">");
    out.element("<caption>", &chart.title, "</caption><thead><tr>");
    let numeric = |c: usize| chart.table.numeric.get(c).copied().unwrap_or(false);
    // A numeric column's heading stands over its numbers, at the end.
    for (c, h) in chart.table.headers.iter().enumerate() {
        out.element(
            if numeric(c) { "<th scope=\"col\" class=\"rw-num-cell\">" } else { "<th scope=\"col\">" },
            h,
            "</th>",
        );
    }
    out.raw("</tr></thead><tbody>");
    for row in &chart.table.rows {
        out.raw("<tr>");
        for (c, cell) in row.iter().enumerate() {
            if c == 0 {
                out.element("<th scope=\"row\">", cell, "</th>");
                continue;
            }
            // The column's name on each cell: on a phone a row is shown as a card (as a ranking's).
            out.raw(if numeric(c) { "<td class=\"rw-num-cell\" data-label=\"" } else { "<td data-label=\"" });
            out.attr(chart.table.headers.get(c).map_or("", String::as_str)).raw("\">");
            // An empty cell (a month without a reward) shows a dash, which screen readers would
            // read as a word ("破折号"): they read it as blank.
            if cell.is_empty() {
                out.raw("<span aria-hidden=\"true\">—</span>");
            }
            out.text(cell).raw("</td>");
        }
        out.raw("</tr>");
    }
    out.raw("</tbody></table></div>");
}
