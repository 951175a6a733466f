//! The one component that shows why a report cannot be displayed.

use crate::i18n::ui;
use crate::model::Lang;
use crate::validate::Problem;
use yew::prelude::*;

/// At most this many problems are listed; the rest are counted.
pub const MAX_LISTED: usize = 20;

/// A readable list of problems, each with where it is. Payload text is shown as text only.
pub fn error_panel(problems: &[Problem], lang: Lang) -> Html {
    let t = ui(lang);
    let rest = problems.len().saturating_sub(MAX_LISTED);
    html! {
        <div class="rw rw-error" role="alert" lang={lang.tag()}>
            <h2 class="rw-title">{ t.error_title }</h2>
            <ol class="rw-problems">
                { for problems.iter().take(MAX_LISTED).map(|p| html! {
                    <li><code>{ p.location() }</code>{ " " }{ p.message(lang) }</li>
                }) }
            </ol>
            if rest > 0 { <p>{ t.error_more.replace("{n}", &rest.to_string()) }</p> }
        </div>
    }
}
