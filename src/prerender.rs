//! Server-side (native) rendering of a report with the widget's own components, wrapped as a
//! prerendered embed snippet or a standalone page.

use crate::model::Lang;
use crate::report::{render_themed, Outcome};
use crate::snippet::{self, BuildFiles, SnippetOptions};
use crate::validate::{self, PayloadError};
use crate::view::{ReportView, Theme};
use std::rc::Rc;

/// Renders a payload's report to HTML (the content of the widget's `.rw-root`), in the language
/// and theme the host will have, so that the widget can hydrate it as it is.
pub fn render(payload: &str, options: &SnippetOptions) -> Result<String, PayloadError> {
    let report = validate::load(payload)?;
    let view = ReportView::new(&report, Lang::from_code(&options.lang));
    Ok(render_themed(Outcome::Report(Rc::new(view)), theme(options)))
}

fn theme(options: &SnippetOptions) -> Theme {
    Theme::parse(options.theme.as_deref().unwrap_or_default())
}

/// The embed snippet with the rendered report inside the host element.
pub fn snippet(payload: &str, files: &BuildFiles, options: &SnippetOptions) -> Result<String, PayloadError> {
    let html = render(payload, options)?;
    Ok(snippet::prerendered(payload, &html, files, options))
}

/// A complete page holding the prerendered report: readable with no script at all (for
/// archiving and printing). With `inline_css`, the stylesheet's text goes into the shadow
/// root so the page stands alone; otherwise it links `files` and loads the widget.
pub fn page(
    payload: &str,
    files: &BuildFiles,
    inline_css: Option<&str>,
    options: &SnippetOptions,
) -> Result<String, PayloadError> {
    let report = validate::load(payload)?;
    let lang = Lang::from_code(&options.lang);
    let view = ReportView::new(&report, lang);
    let title = view.title.clone();
    let html = render_themed(Outcome::Report(Rc::new(view)), theme(options));
    let body = match inline_css {
        Some(css) => snippet::prerendered_host(
            &format!("data-report-widget data-lang=\"{}\"", snippet::attr(&options.lang)),
            &format!("<style>{}</style>", css.replace("</", "<\\/")),
            "",
            &html,
        ),
        None => snippet::prerendered(payload, &html, files, options),
    };
    Ok(format!(
        "<!doctype html>\n<html lang=\"{tag}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n</head>\n<body>\n{body}\n</body>\n</html>\n",
        tag = lang.tag(),
        title = snippet::attr(&title),
    ))
}
