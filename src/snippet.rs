//! The embed snippet a portal pastes, built as text: shared by the command-line tool (and its
//! prerendered form) and the editor, so there is one way to write it safely.

/// Payload text made safe inside `<script type="application/json">`: every `<` becomes
/// `\u003c`. In valid JSON `<` occurs only inside strings, where `\u003c` means the same, so
/// the payload is unchanged for a JSON parser, and a `</script>` inside a label cannot end the
/// element. Nothing else is rewritten: numbers keep their written form.
pub fn script_safe_json(payload: &str) -> String {
    payload.trim().replace('<', "\\u003c")
}

/// Identifies what a prerendered report was rendered from: this widget version, the language
/// and the payload text exactly as it stands in the page's `<script type="application/json">`.
/// The widget hydrates a prerendered report only when its key matches, so a payload edited
/// after prerendering is rendered afresh instead of being hydrated against stale markup.
pub fn hydration_key(payload_in_page: &str, lang_tag: &str) -> String {
    // FNV-1a, 64 bits: stable across builds and targets, and tiny.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in [env!("CARGO_PKG_VERSION"), "\u{0}", lang_tag, "\u{0}", payload_in_page.trim()] {
        for byte in part.bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// Escapes text for use inside a double-quoted HTML attribute.
pub fn attr(value: &str) -> String {
    value.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// Where the widget's files are served from and how the host is set up.
#[derive(Clone, Debug)]
pub struct SnippetOptions {
    /// URL of the folder holding `report-widget.js`, ending in `/` (e.g. `/static/rw/1.0/`).
    pub base: String,
    /// Id of the `<script type="application/json">` element that holds the payload.
    pub payload_id: String,
    /// `zh` or `en`.
    pub lang: String,
    /// Optional `data-theme` value.
    pub theme: Option<String>,
}

impl SnippetOptions {
    fn host_attributes(&self) -> String {
        let mut attrs = format!(
            "data-report-widget data-payload=\"{}\" data-lang=\"{}\"",
            attr(&self.payload_id),
            attr(&self.lang)
        );
        if let Some(theme) = &self.theme {
            attrs.push_str(&format!(" data-theme=\"{}\"", attr(theme)));
        }
        attrs
    }

    /// The payload element, the loader, and the message for browsers without ES modules.
    fn scripts(&self, payload: &str) -> String {
        let base = attr(&self.base);
        format!(
            "<script type=\"application/json\" id=\"{}\">{}</script>\n<script type=\"module\" src=\"{base}report-widget.js\"></script>\n<script nomodule defer src=\"{base}report-widget-nomodule.js\"></script>",
            attr(&self.payload_id),
            script_safe_json(payload),
        )
    }
}

/// The plain embed snippet: an empty host, the payload inline, the loader.
pub fn embed(payload: &str, options: &SnippetOptions) -> String {
    format!("<div {}></div>\n{}\n", options.host_attributes(), options.scripts(payload))
}

/// The snippet with the report already rendered inside the host: a declarative shadow root
/// (`shadowrootmode` for current engines, `shadowroot` for Chromium 90–110) holding the
/// stylesheet link and the rendered report, and the same report as plain light-DOM HTML after
/// it, which engines without declarative shadow DOM show instead (engines with it hide light
/// DOM children of a shadow host).
pub fn prerendered(payload: &str, rendered: &str, stylesheet: &str, options: &SnippetOptions) -> String {
    let lang = crate::model::Lang::from_code(&options.lang);
    let key = hydration_key(&script_safe_json(payload), lang.tag());
    format!(
        "<div {host}><template shadowrootmode=\"open\" shadowroot=\"open\"><link rel=\"stylesheet\" href=\"{css}\"><div class=\"rw-root\" data-rw-key=\"{key}\">{rendered}</div></template><div class=\"rw-fallback\">{rendered}</div></div>\n{scripts}\n",
        host = options.host_attributes(),
        css = attr(stylesheet),
        scripts = options.scripts(payload),
    )
}
