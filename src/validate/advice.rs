//! Advice to a report's authors beyond the rules: a valid payload whose figures the widget will
//! show in a way the report may not mean. Made by the authoring tools only (the command-line
//! tool and the editor), never by the widget, which shows readers no warnings; so they are not
//! part of the problem list the widget and its on-demand messages share, nor of its wasm.

use super::Problem;
use crate::model::{Report, SectionBody};

/// The advice for a valid report, as warnings.
pub fn advice(report: &Report) -> Vec<Problem> {
    let mut out = Vec::new();
    for (si, section) in report.sections.iter().enumerate() {
        let SectionBody::CaseStats(body) = &section.body else { continue };
        // "受理3000余件，办结2988件": the share resolved of a hedged total is only approximate.
        for (ii, item) in body.items.iter().enumerate().filter(|(_, i)| i.qualifier.is_some() && i.resolved.is_some()) {
            let value = item.value.written();
            out.push(Problem::warning(
                format!("/sections/{si}/items/{ii}/resolved"),
                format!("数值带限定词（如“余”“超过”），已办结的比例只能按 {value} 计算，是近似值；报告若给出确切总数，请写确切数"),
                format!("the value is hedged (\"more than\", \"about\"…), so the share resolved can only be computed from {value} and is approximate; if the report gives the exact total, write that"),
            ));
        }
    }
    out
}
