//! The one place that shows why a report cannot be displayed: the error panel's markup.

use crate::i18n::{fill, ui};
use crate::markup::Markup;
use crate::model::Lang;
use crate::validate::Problem;
use yew::prelude::*;

/// At most this many problems are listed; the rest are counted.
pub const MAX_LISTED: usize = 20;

/// A readable list of problems, each with where it is. Payload text is shown as text only
/// (static markup: every text escaped).
pub fn error_panel(problems: &[Problem], lang: Lang) -> Html {
    let t = ui(lang);
    let rest = problems.len().saturating_sub(MAX_LISTED);
    let mut out = Markup::new(lang);
    out.raw("<div class=\"rw rw-error\" role=\"alert\" lang=\"").raw(lang.tag()).raw("\">");
    out.element("<h2 class=\"rw-title\">", t.error_title, "</h2><ol class=\"rw-problems\">");
    for p in problems.iter().take(MAX_LISTED) {
        let (location, message) = (p.location_in(lang), p.message(lang));
        out.raw("<li>");
        // A page's mistake names its place in the message already (data-src="…": …); the
        // whole payload's place ("/": too large, not an object) would tell a reader nothing.
        if location != "/" && !message.starts_with(location.as_str()) {
            out.element("<code>", &location, "</code> ");
        }
        out.text(message).raw("</li>");
    }
    out.raw("</ol>");
    if rest > 0 {
        out.element("<p>", &fill(t.error_more, &[("n", &rest.to_string())]), "</p>");
    }
    out.raw("</div>");
    out.into_html()
}
