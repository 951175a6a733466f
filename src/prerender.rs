//! Server-side (native) rendering of a report with the widget's own components, wrapped as a
//! prerendered embed snippet or a standalone page.

use crate::model::{Lang, Report};
use crate::report::{render_themed, Outcome};
use crate::snippet::{self, BuildFiles, SnippetOptions};
use crate::validate::{self, PayloadError};
use crate::view::{ReportView, Theme};
use std::rc::Rc;

/// Renders a payload's report to HTML (the content of the widget's `.rw-root`), in the language
/// and theme the host will have, so that the widget can hydrate it as it is.
pub fn render(payload: &str, options: &SnippetOptions) -> Result<String, PayloadError> {
    Ok(render_report(&validate::load(payload)?, options, false))
}

/// Renders a valid report in the host's language and theme; `printed`: as on paper, every row
/// of a long table and every fold open, for copies no script will bring to life.
pub fn render_report(report: &Report, options: &SnippetOptions, printed: bool) -> String {
    let view = ReportView::new(report, Lang::from_code(&options.lang));
    let theme = Theme { printed, ..Theme::parse(options.theme.as_deref().unwrap_or_default()) };
    render_themed(Outcome::Report(Rc::new(view)), theme)
}

/// The embed snippet with the rendered report inside the host.
pub fn snippet(payload: &str, files: &BuildFiles, options: &SnippetOptions) -> Result<String, PayloadError> {
    Ok(snippet_of(&validate::load(payload)?, payload, files, options))
}

/// [`snippet`] of a report already validated from `payload`. The widget hydrates the report as
/// it renders it (a long table a page at a time); the plain reading copy beside it, for engines
/// and readers that never run the widget, has every row.
pub fn snippet_of(report: &Report, payload: &str, files: &BuildFiles, options: &SnippetOptions) -> String {
    let html = render_report(report, options, false);
    snippet::prerendered(payload, &html, &render_report(report, options, true), files, options)
}

/// A complete page holding the prerendered report (for archiving and printing). With
/// `inline_css`, the stylesheet's text goes into the shadow root and the page has no script:
/// it stands alone, the report rendered as on paper (every row, every fold open) and its
/// controls hidden. Otherwise it links `files` and loads the widget, which hydrates it.
pub fn page(
    payload: &str,
    files: &BuildFiles,
    inline_css: Option<&str>,
    options: &SnippetOptions,
) -> Result<String, PayloadError> {
    Ok(page_of(&validate::load(payload)?, payload, files, inline_css, options))
}

/// [`page`] of a report already validated from `payload`.
pub fn page_of(
    report: &Report,
    payload: &str,
    files: &BuildFiles,
    inline_css: Option<&str>,
    options: &SnippetOptions,
) -> String {
    let lang = Lang::from_code(&options.lang);
    let title = report.meta.title.get(lang);
    let body = match inline_css {
        Some(css) => {
            let html = render_report(report, options, true);
            // `data-state="error"` is what the loader gives a host where the widget cannot run:
            // the stylesheet then hides the buttons, which on this page would do nothing; the
            // other controls give way to their content.
            snippet::prerendered_host(
                &format!("data-report-widget data-lang=\"{}\" data-state=\"error\"", snippet::attr(&options.lang)),
                &format!("<style>{}</style>", css.replace("</", "<\\/")),
                "",
                &snippet::without_controls(&html),
                &html,
            )
        }
        None => snippet_of(report, payload, files, options),
    };
    format!(
        "<!doctype html>\n<html lang=\"{tag}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n</head>\n<body>\n{body}\n</body>\n</html>\n",
        tag = lang.tag(),
        title = snippet::attr(title),
    )
}
