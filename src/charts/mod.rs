//! SVG chart primitives drawn by our own components (bar marks, written as static markup;
//! rank meters) and the standalone SVG documents that charts export. Geometry is computed by
//! pure functions; on screen, colours come from the stylesheet (classes), so themes and strict
//! CSP need no inline style; exported files carry their colours as attributes.

pub mod export;

use crate::markup::Markup;
use yew::prelude::*;

/// Bar lengths in percent of the available width, proportional to the values (the largest
/// value gets `span`). Negative and non-finite values get no bar.
pub fn bar_percents(values: &[f64], span: f64) -> Vec<f64> {
    let max = values.iter().copied().filter(|v| v.is_finite()).fold(0.0_f64, f64::max);
    values.iter().map(|&v| if max > 0.0 && v.is_finite() && v > 0.0 { v / max * span } else { 0.0 }).collect()
}

/// Formats a percentage for an SVG attribute with at most two decimals ("73.25%").
pub fn pct(value: f64) -> String {
    let value = if value.is_finite() { value.clamp(0.0, 100.0) } else { 0.0 };
    // Integer formatting: f64's Display would pull core's float printer into the wasm.
    let hundredths = (value * 100.0).round() as u32;
    let (int, frac) = (hundredths / 100, hundredths % 100);
    match frac {
        0 => format!("{int}%"),
        f if f % 10 == 0 => format!("{int}.{}%", f / 10),
        f => format!("{int}.{f:02}%"),
    }
}

/// The smallest visible bar, in percent: a tiny positive value still shows a sliver, so a
/// reader never mistakes it for zero.
pub const MIN_BAR_PERCENT: f64 = 0.6;

/// The length of a bar in percent, with the minimum sliver for small positive values.
pub fn visible_percent(p: f64) -> f64 {
    if p > 0.0 {
        p.max(MIN_BAR_PERCENT)
    } else {
        0.0
    }
}

/// Length of the dashed continuation of a lower-bound bar, in percent.
pub const MORE_PERCENT: f64 = 4.0;

/// One bar: a track and its filled part. Its height follows the text size (em), its length
/// the container (percent), so it reads at any width and in large-text mode. `percent` is the
/// length (0–100); `open` draws an unfinished completion in the "open" colour; `more` marks a
/// lower bound ("290余") with a dashed continuation.
///
/// The chart primitives are plain functions, not components: they hold no state, and every
/// component costs the wasm a few kilobytes of Yew lifecycle code (BENCHMARKS.md). The bar is
/// written into its row's static markup (`crate::markup`).
pub fn bar_mark(out: &mut Markup, percent: f64, open: bool, more: bool) {
    let visible = pct(visible_percent(percent));
    out.raw("<svg class=\"rw-mark\" width=\"100%\" height=\"1.1em\" aria-hidden=\"true\" focusable=\"false\">");
    out.raw("<rect class=\"rw-mark-track\" x=\"0\" y=\"0\" width=\"100%\" height=\"100%\" rx=\"2\"></rect>");
    out.raw(if open {
        "<rect class=\"rw-mark-fill\" data-open=\"\" x=\"0\" y=\"0\" width=\""
    } else {
        "<rect class=\"rw-mark-fill\" x=\"0\" y=\"0\" width=\""
    });
    out.attr(&visible).raw("\" height=\"100%\" rx=\"2\"></rect>");
    if more {
        out.raw("<rect class=\"rw-mark-more\" x=\"").attr(&visible).raw("\" y=\"8%\" width=\"");
        out.attr(&pct(MORE_PERCENT.min(100.0 - percent.clamp(0.0, 100.0)))).raw("\" height=\"84%\"></rect>");
    }
    out.raw("</svg>");
}

/// Groups up to this size get a cell per member; larger ones a track with a marker.
pub const RANK_CELLS_MAX: u32 = 10;

/// Cells of a rank meter: `size` cells (at most [`RANK_CELLS_MAX`]), the one at `position`
/// (1-based) marked.
pub fn rank_cells(position: u32, size: u32) -> Vec<bool> {
    (1..=size.min(RANK_CELLS_MAX)).map(|i| i == position).collect()
}

/// A row of cells, one per member of the group, with the ranked position filled (and the
/// others outlined, so the rank reads without colour); the number is written beside it.
/// `label` names the rank for screen readers.
pub fn rank_meter(position: u32, size: u32, label: String) -> Html {
    if size > RANK_CELLS_MAX {
        // A large group: a track with one marker (two elements) instead of a cell per member,
        // which made every row of a 10,000-row table a hundred SVG elements.
        let x = (position.clamp(1, size) - 1) as u64 * 66 / (size - 1) as u64;
        return html! {
            <svg class="rw-rank-meter" role="img" aria-label={label} width="70" height="12">
                <rect class="rw-rank-track" x="0" y="4" width="100%" height="4" rx="2" />
                <rect class="rw-rank-on" x={x.to_string()} y="0" width="4" height="12" rx="1" />
            </svg>
        };
    }
    let cells = rank_cells(position, size);
    let step = 14;
    html! {
        <svg class="rw-rank-meter" role="img" aria-label={label} width={(cells.len() * step).to_string()} height="12">
            { for cells.iter().enumerate().map(|(i, &on)| html! {
                <rect class="rw-rank-cell" data-on={on.then_some("")} x={(i * step).to_string()} y="0.5" width="11" height="11" rx="2" />
            }) }
        </svg>
    }
}

/// The next item to show when a reader presses an arrow key in a chart: `step` (+1/−1)
/// from `current` among the items that are not hidden, wrapping around; `None` when every
/// item is hidden. From no current item, forward starts at the first, backward at the last.
pub fn step_visible(hidden: &[bool], current: Option<usize>, step: isize) -> Option<usize> {
    let n = hidden.len();
    if n == 0 || hidden.iter().all(|&h| h) {
        return None;
    }
    let mut i = match current {
        Some(c) if c < n => c as isize,
        _ => {
            if step >= 0 {
                -1
            } else {
                n as isize
            }
        }
    };
    for _ in 0..n {
        i = (i + step).rem_euclid(n as isize);
        if !hidden[i as usize] {
            return Some(i as usize);
        }
    }
    None
}

/// The first (or last) visible item, for Home and End.
pub fn edge_visible(hidden: &[bool], last: bool) -> Option<usize> {
    if last {
        (0..hidden.len()).rev().find(|&i| !hidden[i])
    } else {
        (0..hidden.len()).find(|&i| !hidden[i])
    }
}
