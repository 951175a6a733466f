//! SVG chart primitives drawn by our own components: horizontal bars, progress bars and rank
//! meters. Geometry is computed by pure functions; colours come from the stylesheet (classes),
//! so themes and strict CSP need no inline style.

use yew::prelude::*;

/// Longest bar, as a share of the chart width: the rest holds the value text.
pub const BAR_SPAN_PERCENT: f64 = 72.0;

/// Bar lengths in percent of the chart width, proportional to the values (the largest
/// value gets `span`). Negative and non-finite values get no bar.
pub fn bar_percents(values: &[f64], span: f64) -> Vec<f64> {
    let max = values.iter().copied().filter(|v| v.is_finite()).fold(0.0_f64, f64::max);
    values
        .iter()
        .map(|&v| if max > 0.0 && v.is_finite() && v > 0.0 { v / max * span } else { 0.0 })
        .collect()
}

/// Formats a percentage for an SVG attribute with at most two decimals ("73.25%").
pub fn pct(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    format!("{rounded}%")
}

const ROW_HEIGHT: u32 = 46;
const BAR_HEIGHT: u32 = 16;

#[derive(Properties, PartialEq)]
pub struct BarChartProps {
    /// One-line description for screen readers, e.g. "条形图：执法统计（件）".
    pub summary: AttrValue,
    /// (label, value, value as text) per bar.
    pub bars: Vec<(AttrValue, f64, AttrValue)>,
}

/// A horizontal bar chart: label above each bar, the value at the right. Text keeps its
/// size at any container width because widths are percentages, not a scaled viewBox.
#[function_component]
pub fn BarChart(props: &BarChartProps) -> Html {
    let values: Vec<f64> = props.bars.iter().map(|b| b.1).collect();
    let lengths = bar_percents(&values, BAR_SPAN_PERCENT);
    let height = ROW_HEIGHT * props.bars.len() as u32;
    html! {
        <svg class="rw-bars" role="img" aria-label={props.summary.clone()} width="100%" height={height.to_string()}>
            <title>{ props.summary.clone() }</title>
            { for props.bars.iter().zip(lengths).enumerate().map(|(i, ((label, _, text), len))| {
                let top = i as u32 * ROW_HEIGHT;
                html! {
                    <g class="rw-bar">
                        <text class="rw-bar-label" x="0" y={(top + 16).to_string()}>{ label.clone() }</text>
                        <rect class="rw-bar-track" x="0" y={(top + 22).to_string()} width={pct(BAR_SPAN_PERCENT)} height={BAR_HEIGHT.to_string()} rx="2" />
                        <rect class="rw-bar-fill" x="0" y={(top + 22).to_string()} width={pct(len)} height={BAR_HEIGHT.to_string()} rx="2" />
                        <text class="rw-bar-value" x="100%" y={(top + 35).to_string()} text-anchor="end">{ text.clone() }</text>
                    </g>
                }
            }) }
        </svg>
    }
}

#[derive(Properties, PartialEq)]
pub struct ProgressBarProps {
    /// 0.0–1.0
    pub ratio: f64,
    pub label: AttrValue,
}

/// A completion bar (e.g. 366 of 370 resolved).
#[function_component]
pub fn ProgressBar(props: &ProgressBarProps) -> Html {
    let ratio = if props.ratio.is_finite() { props.ratio.clamp(0.0, 1.0) } else { 0.0 };
    html! {
        <svg class="rw-progress" role="img" aria-label={props.label.clone()} width="100%" height="12">
            <rect class="rw-progress-track" x="0" y="0" width="100%" height="12" rx="6" />
            <rect class="rw-progress-fill" x="0" y="0" width={pct(ratio * 100.0)} height="12" rx="6" />
        </svg>
    }
}

/// Cells of a rank meter: `size` cells, the one at `position` (1-based) marked.
pub fn rank_cells(position: u32, size: u32) -> Vec<bool> {
    (1..=size.min(50)).map(|i| i == position).collect()
}

#[derive(Properties, PartialEq)]
pub struct RankMeterProps {
    pub position: u32,
    pub size: u32,
    pub label: AttrValue,
}

/// A row of cells, one per member of the group, with the ranked position filled:
/// the rank reads at a glance, and the number is always written beside it.
#[function_component]
pub fn RankMeter(props: &RankMeterProps) -> Html {
    let cells = rank_cells(props.position, props.size);
    let step = 14;
    html! {
        <svg class="rw-rank-meter" role="img" aria-label={props.label.clone()} width={(cells.len() * step).to_string()} height="12">
            { for cells.iter().enumerate().map(|(i, &on)| html! {
                <rect class={if on { "rw-rank-on" } else { "rw-rank-off" }} x={(i * step).to_string()} y="0" width="11" height="12" rx="2" />
            }) }
        </svg>
    }
}
