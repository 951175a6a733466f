//! What a reader has done to one chart: table view or graphic, items hidden through the
//! legend, the item under the pointer or the arrow keys (whose tooltip shows), Escape, and a
//! failed image export. Plain data and one pure transition, tested natively.

use crate::charts::{edge_visible, step_visible};

/// UI state of one chart.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartState {
    /// Table view instead of the graphic.
    pub table: bool,
    /// Items hidden through the legend.
    pub hidden: Vec<bool>,
    /// Item under the mouse pointer, and the page's Escape count (`Env::escapes`) when the
    /// pointer came into the plot: its tooltips close at the next Escape.
    pub hover: Option<usize>,
    pub hover_escapes: u32,
    /// Whether the chart has the keyboard focus, and the item the arrow keys are on.
    pub focused: bool,
    pub cursor: Option<usize>,
    /// Escape closes the tooltip until the pointer or the keys move on.
    pub dismissed: bool,
    /// The arrow keys moved last: the component then passes on no item under the pointer
    /// (scrolling to the keys' item brings other items under a pointer left on the plot, and
    /// a mouse event does not tell that from the pointer moving) until the pointer leaves the
    /// plot or the focus leaves the chart.
    pub keys_lead: bool,
    /// The last SVG or PNG image asked for could not be made (said beside the downloads).
    pub export_failed: bool,
}

impl ChartState {
    pub fn new(items: usize) -> ChartState {
        ChartState {
            table: false,
            hidden: vec![false; items],
            hover: None,
            hover_escapes: 0,
            focused: false,
            cursor: None,
            dismissed: false,
            keys_lead: false,
            export_failed: false,
        }
    }

    /// Whether item `i` is hidden through the legend (an item the chart does not have is).
    fn is_hidden(&self, i: usize) -> bool {
        self.hidden.get(i).copied().unwrap_or(true)
    }

    /// The arrow keys (or Home, End) put the cursor on `cursor`: its tooltip shows, and the
    /// keys lead over the pointer.
    fn key_moved(&mut self, cursor: Option<usize>) {
        self.cursor = cursor;
        self.hover = None;
        self.keys_lead = true;
        self.dismissed = false;
    }

    /// The item whose tooltip shows, if any, when Escape has been pressed `escapes` times on
    /// the page.
    pub fn shown(&self, escapes: u32) -> Option<usize> {
        if self.dismissed {
            return None;
        }
        self.hover
            .filter(|_| self.hover_escapes == escapes)
            .or(if self.focused { self.cursor } else { None })
            .filter(|&i| !self.is_hidden(i))
    }
}

/// A reader's action on a chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartAction {
    ToggleTable,
    ToggleItem(usize),
    ShowAll,
    /// The pointer is on an item (or left the plot), with the page's Escape count.
    Hover(Option<usize>, u32),
    Focus,
    Blur,
    Step(isize),
    Edge {
        last: bool,
    },
    Dismiss,
    /// An image was asked for (`false`), or could not be made (`true`).
    ExportFailed(bool),
}

impl ChartState {
    /// The state after `action`.
    pub fn apply(self, action: ChartAction) -> ChartState {
        let mut s = self;
        match action {
            ChartAction::ToggleTable => s.table = !s.table,
            ChartAction::ToggleItem(i) => {
                if let Some(h) = s.hidden.get_mut(i) {
                    *h = !*h;
                }
                if s.cursor.is_some_and(|c| s.is_hidden(c)) {
                    s.cursor = None;
                }
                s.hover = None;
            }
            ChartAction::ShowAll => s.hidden.iter_mut().for_each(|h| *h = false),
            ChartAction::Hover(i, escapes) => {
                s.keys_lead = false;
                // Tooltips closed with Escape stay closed until the pointer leaves the plot: the
                // item that the closed tooltip covered must not open its own.
                if s.hover.is_none() && i.is_some() {
                    s.dismissed = false;
                    s.hover_escapes = escapes;
                }
                s.hover = i;
            }
            ChartAction::Focus => {
                s.focused = true;
                s.dismissed = false;
                if s.cursor.is_none_or(|c| s.is_hidden(c)) {
                    s.cursor = step_visible(&s.hidden, None, 1);
                }
            }
            ChartAction::Blur => {
                s.focused = false;
                s.keys_lead = false;
            }
            ChartAction::Step(step) => s.key_moved(step_visible(&s.hidden, s.cursor, step)),
            ChartAction::Edge { last } => s.key_moved(edge_visible(&s.hidden, last)),
            ChartAction::Dismiss => s.dismissed = true,
            ChartAction::ExportFailed(failed) => s.export_failed = failed,
        }
        s
    }
}
