//! A ranking table's reader state and its order: sorting by any column, either way (rows
//! without a value last), paging long tables, showing every row, and a failed CSV export.

use super::RankingRowView;
use std::cmp::Ordering;

/// The ranking table's columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortColumn {
    Label,
    Value,
    Change,
    ValueRank,
    ChangeRank,
}

impl SortColumn {
    pub const ALL: [SortColumn; 5] =
        [SortColumn::Label, SortColumn::Value, SortColumn::Change, SortColumn::ValueRank, SortColumn::ChangeRank];
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortDir {
    Ascending,
    Descending,
}

impl SortDir {
    pub fn flip(self) -> SortDir {
        match self {
            SortDir::Ascending => SortDir::Descending,
            SortDir::Descending => SortDir::Ascending,
        }
    }

    /// The `aria-sort` value.
    pub fn aria(self) -> &'static str {
        match self {
            SortDir::Ascending => "ascending",
            SortDir::Descending => "descending",
        }
    }
}

/// Row indices in display order. Ascending means: labels in the reader's order (`label_ranks`,
/// each row's rank in the browser's collation: pinyin for Chinese; character order without
/// them), smaller values first, least improvement first, best rank (1) first. Rows that lack
/// the sorted figure come last either way; ties keep the payload's order, so sorting is
/// deterministic.
pub fn sort_order(
    rows: &[RankingRowView],
    column: Option<(SortColumn, SortDir)>,
    label_ranks: Option<&[u32]>,
) -> Vec<usize> {
    let mut order: Vec<usize> = (0..rows.len()).collect();
    let Some((column, dir)) = column else { return order };
    let key = |r: &RankingRowView| -> Option<f64> {
        match column {
            SortColumn::Label => None,
            SortColumn::Value => r.value_num,
            SortColumn::Change => r.change_score,
            SortColumn::ValueRank => r.value_rank.map(f64::from),
            SortColumn::ChangeRank => r.change_rank.map(f64::from),
        }
    };
    order.sort_by(|&a, &b| {
        let (ra, rb) = (&rows[a], &rows[b]);
        let ord = if column == SortColumn::Label {
            match label_ranks {
                Some(ranks) => ranks[a].cmp(&ranks[b]),
                None => ra.label.cmp(&rb.label),
            }
        } else {
            match (key(ra), key(rb)) {
                (Some(x), Some(y)) => x.total_cmp(&y),
                // Missing figures last, whichever the direction.
                (Some(_), None) => return Ordering::Less,
                (None, Some(_)) => return Ordering::Greater,
                (None, None) => Ordering::Equal,
            }
        };
        match dir {
            SortDir::Ascending => ord,
            SortDir::Descending => ord.reverse(),
        }
        .then(a.cmp(&b))
    });
    order
}

/// Tables with more rows than this are shown a page at a time: a 10,000-row table drawn at
/// once is over a million DOM nodes. The CSV export always has every row, and
/// `aria-rowcount` / `aria-rowindex` tell assistive technology where a page sits.
pub const PAGE_ROWS: usize = 50;

/// What a ranking table shows: its sort order and, when it is long, which page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct TableState {
    pub sort: Option<(SortColumn, SortDir)>,
    /// Zero-based page; clamped to the last page when shown.
    pub page: usize,
    /// The reader asked for every row at once.
    pub show_all: bool,
    /// The last CSV file asked for could not be made (said beside the button).
    pub export_failed: bool,
}

/// A reader's action on a ranking table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableAction {
    /// Sort by this column: a new column starts ascending, the same one again reverses.
    Sort(SortColumn),
    /// Go to this zero-based page.
    Page(usize),
    /// Show every row (true) or one page at a time (false).
    ShowAll(bool),
    /// A CSV file was asked for (`false`), or could not be made (`true`).
    ExportFailed(bool),
}

impl TableState {
    /// The state after `action`. A new sort order goes back to the first page, where the
    /// reader expects its top rows.
    pub fn apply(self, action: TableAction) -> TableState {
        match action {
            TableAction::Sort(column) => {
                let sort = match self.sort {
                    Some((c, dir)) if c == column => (c, dir.flip()),
                    _ => (column, SortDir::Ascending),
                };
                TableState { sort: Some(sort), page: 0, ..self }
            }
            TableAction::Page(page) => TableState { page, ..self },
            TableAction::ShowAll(show_all) => TableState { show_all, page: 0, ..self },
            TableAction::ExportFailed(export_failed) => TableState { export_failed, ..self },
        }
    }

    /// Whether a table of `rows` rows is split into pages at all.
    pub fn paged(rows: usize) -> bool {
        rows > PAGE_ROWS
    }

    /// How many pages a table of `rows` rows has (at least one).
    pub fn pages(rows: usize) -> usize {
        rows.div_ceil(PAGE_ROWS).max(1)
    }

    /// The current page, clamped to the table.
    pub fn current_page(&self, rows: usize) -> usize {
        self.page.min(TableState::pages(rows) - 1)
    }

    /// Which positions of the sorted order are on screen.
    pub fn visible(&self, rows: usize) -> std::ops::Range<usize> {
        if self.show_all || !TableState::paged(rows) {
            return 0..rows;
        }
        let start = self.current_page(rows) * PAGE_ROWS;
        start..(start + PAGE_ROWS).min(rows)
    }
}
