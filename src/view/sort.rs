//! Sorting the ranking table: by any column, either way, rows without a value last.

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

/// Row indices in display order. Ascending means: labels in character order, smaller values
/// first, least improvement first, best rank (1) first. Rows that lack the sorted figure
/// come last either way; ties keep the payload's order, so sorting is deterministic.
pub fn sort_order(rows: &[RankingRowView], column: Option<(SortColumn, SortDir)>) -> Vec<usize> {
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
            ra.label.cmp(&rb.label)
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
