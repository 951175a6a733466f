//! The embed snippet a portal pastes, built as text: shared by the command-line tool (and its
//! prerendered form) and the editor, so there is one way to write it safely.

mod plain_copy;

pub use plain_copy::{plain_copy, without_controls};

/// Payload text made safe inside `<script type="application/json">`: every `<` becomes
/// `\u003c`. In valid JSON `<` occurs only inside strings, where `\u003c` means the same, so
/// the payload is unchanged for a JSON parser, and a `</script>` inside a label cannot end the
/// element. Line breaks are written as the browser's parser reads them (CR LF and a lone CR as
/// LF: a file saved on Windows), so that the text the widget reads is the text the snippet's
/// key was made from; outside strings they are white space, and JSON has none inside. Nothing
/// else is rewritten: numbers keep their written form.
pub fn script_safe_json(payload: &str) -> String {
    payload.trim().replace("\r\n", "\n").replace('\r', "\n").replace('<', "\\u003c")
}

/// Identifies what a prerendered report was rendered from: this widget version, the language
/// and the payload text exactly as it stands in the page's `<script type="application/json">`.
/// The widget hydrates a prerendered report only when its key matches, so a payload edited
/// after prerendering is rendered afresh instead of being hydrated against stale markup.
pub fn hydration_key(payload_in_page: &str, lang_tag: &str) -> String {
    let mut hash = Fnv::default();
    for part in [env!("CARGO_PKG_VERSION"), "\u{0}", lang_tag, "\u{0}", payload_in_page.trim()] {
        hash.write(part.as_bytes());
    }
    hash.hex()
}

/// The payload element's id when none is asked for: named after the payload, so two reports
/// prerendered for one page get two ids (the same payload, the same id).
pub fn default_payload_id(payload: &str) -> String {
    let mut hash = Fnv::default();
    hash.write(payload.trim().as_bytes());
    format!("report-widget-payload-{}", &hash.hex()[..8])
}

/// Identifies a prerendered report's markup, as the server wrote it inside `.rw-root` and as the
/// browser serializes it back (`innerHTML`): the two are the same string (`crate::markup`
/// escapes as the serializer does) except for U+00A0, which the serializer writes as `&nbsp;`,
/// so it is counted as that here, and for carriage returns, which the parser reads as line
/// feeds. The widget hydrates only markup whose digest still matches: a report changed after
/// prerendering (by hand, by a CMS, by a translating browser extension) is rendered afresh from
/// the payload instead. Hydrating it would make Yew fail half-way, and
/// that failure stops every widget on the page.
pub fn markup_digest(markup: &str) -> String {
    let mut hash = Fnv::default();
    let bytes = markup.as_bytes();
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        match byte {
            // A carriage return (text pasted from Windows, "甲\r\n乙"), as the parser reads it:
            // CR LF and a lone CR are one line feed.
            b'\r' if bytes.get(at + 1) == Some(&b'\n') => {}
            b'\r' => hash.write(b"\n"),
            // U+00A0, as the serializer writes it.
            0xc2 if bytes.get(at + 1) == Some(&0xa0) => {
                hash.write(b"&nbsp;");
                at += 1;
            }
            _ => hash.write(&[byte]),
        }
        at += 1;
    }
    hash.hex()
}

/// FNV-1a, 64 bits: stable across builds and targets, and tiny.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    fn hex(&self) -> String {
        format!("{:016x}", self.0)
    }
}

/// Escapes text for use inside a double-quoted HTML attribute (as the report's static markup
/// does, `crate::markup`).
pub fn attr(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    crate::markup::escape_into(&mut out, value, true);
    out
}

/// The content-hashed files of one build that a prerendered snippet names, as URLs.
#[derive(Clone, Copy, Debug)]
pub struct BuildFiles<'a> {
    /// The widget stylesheet (`report-widget-<hash>.css`), linked in the declarative shadow root.
    pub stylesheet: &'a str,
    /// The widget's wasm (`report-widget-web-<hash>_bg.wasm`), preloaded when given.
    pub wasm: Option<&'a str>,
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
    /// The SRI values of the build's files (`report-widget.sri.txt`), for their `integrity`
    /// attributes: pinning the loader pins every file it loads.
    pub integrity: Option<BuildIntegrity>,
}

/// SRI values (`sha384-…`) of the loader, of the message for browsers without modules, and of
/// the stylesheet a prerendered snippet links (the loader carries the others').
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuildIntegrity {
    pub loader: String,
    pub nomodule: String,
    /// The stylesheet's file name and value; missing from the `report-widget.sri.txt` of builds
    /// before 0.7.14.
    pub stylesheet: Option<(String, String)>,
}

impl BuildIntegrity {
    /// The values in a build's `report-widget.sri.txt` (`VALUE  FILE` lines, `#` comments; the
    /// editor page carries its value lines in `<meta name="rw-widget-sri">`);
    /// `None` if either script's is missing.
    pub fn from_sri_txt(text: &str) -> Option<BuildIntegrity> {
        let line = |wanted: &dyn Fn(&str) -> bool| {
            text.lines().filter(|l| !l.trim_start().starts_with('#')).find_map(|l| {
                match l.split_whitespace().collect::<Vec<_>>()[..] {
                    [value, name] if wanted(name) && value.starts_with("sha") => {
                        Some((name.to_string(), value.to_string()))
                    }
                    _ => None,
                }
            })
        };
        Some(BuildIntegrity {
            loader: line(&|name| name == "report-widget.js")?.1,
            nomodule: line(&|name| name == "report-widget-nomodule.js")?.1,
            stylesheet: line(&|name| name.starts_with("report-widget-") && name.ends_with(".css")),
        })
    }
}

impl SnippetOptions {
    /// The host's attributes; `source` is `data-payload="ID"` or `data-src="URL"`.
    fn host_attributes(&self, source: &str) -> String {
        let mut attrs = format!("data-report-widget {source} data-lang=\"{}\"", attr(&self.lang));
        if let Some(theme) = &self.theme {
            attrs.push_str(&format!(" data-theme=\"{}\"", attr(theme)));
        }
        attrs
    }

    fn inline_host_attributes(&self) -> String {
        self.host_attributes(&format!("data-payload=\"{}\"", attr(&self.payload_id)))
    }

    /// The loader and the message for browsers without ES modules.
    fn loader(&self) -> String {
        let base = attr(&self.base);
        let (loader, nomodule) = match &self.integrity {
            // A classic script checked from another origin needs CORS (a module is fetched so).
            Some(i) => (
                format!(" integrity=\"{}\"", attr(&i.loader)),
                format!(" integrity=\"{}\" crossorigin=\"anonymous\"", attr(&i.nomodule)),
            ),
            None => (String::new(), String::new()),
        };
        format!(
            "<script type=\"module\" src=\"{base}report-widget.js\"{loader}></script>\n<script nomodule defer src=\"{base}report-widget-nomodule.js\"{nomodule}></script>"
        )
    }

    /// The payload element, then the loader.
    fn scripts(&self, payload: &str) -> String {
        format!(
            "<script type=\"application/json\" id=\"{}\">{}</script>\n{}",
            attr(&self.payload_id),
            script_safe_json(payload),
            self.loader()
        )
    }
}

/// `base` as a folder's URL, with its final `/` added if missing: every file is named after it,
/// and "/static/rw/1.0" would give "/static/rw/1.0report-widget.js". Empty stays empty (the
/// page's own folder).
pub fn folder_url(base: &str) -> String {
    if base.is_empty() || base.ends_with('/') {
        base.to_string()
    } else {
        format!("{base}/")
    }
}

/// The plain embed snippet: an empty host, the payload inline, the loader.
pub fn embed(payload: &str, options: &SnippetOptions) -> String {
    format!("<div {}></div>\n{}\n", options.inline_host_attributes(), options.scripts(payload))
}

/// The embed snippet for a payload in a same-origin file at `url` (`payload_id` is unused).
pub fn embed_file(url: &str, options: &SnippetOptions) -> String {
    let source = format!("data-src=\"{}\"", attr(url.trim()));
    format!("<div {}></div>\n{}\n", options.host_attributes(&source), options.loader())
}

/// A host holding the `rendered` report: a declarative shadow root (`shadowrootmode` for current
/// engines, `shadowroot` for Chromium 90–110) with `style` (the stylesheet's link, or its text)
/// and the report in `<div class="rw-root"{root_attributes}>`, then the [`plain_copy`] of
/// `printed` (the same report rendered as on paper: every row of a long table) as light-DOM
/// HTML, which engines without declarative shadow DOM show instead (engines with it hide light
/// DOM children of a shadow host). The template is `hidden`: an engine that does not know
/// `<template>` at all (Internet Explorer) would otherwise show its content too, above the copy;
/// engines that attach the shadow root drop the template element, attribute and all.
pub fn prerendered_host(
    host_attributes: &str,
    style: &str,
    root_attributes: &str,
    rendered: &str,
    printed: &str,
) -> String {
    format!(
        "<div {host_attributes}><template shadowrootmode=\"open\" shadowroot=\"open\" hidden>{style}<div class=\"rw-root\"{root_attributes}>{rendered}</div></template><div class=\"rw-fallback\">{copy}</div></div>",
        copy = plain_copy(printed),
    )
}

/// The snippet with the report already rendered inside the host ([`prerendered_host`], with the
/// stylesheet's link and the keys the widget hydrates by), then the payload and the loader.
///
/// With `files.wasm`, the snippet starts with a preload of it: the browser downloads the wasm
/// while it parses and lays out the prerendered report, instead of after, when the loader (a
/// module script, so deferred) runs. The loader's own request then reuses that download.
pub fn prerendered(
    payload: &str,
    rendered: &str,
    printed: &str,
    files: &BuildFiles,
    options: &SnippetOptions,
) -> String {
    let lang = crate::model::Lang::from_code(&options.lang);
    let key = hydration_key(&script_safe_json(payload), lang.tag());
    let digest = markup_digest(rendered);
    let preload = files
        .wasm
        .map(|url| format!("<link rel=\"preload\" href=\"{}\" as=\"fetch\" crossorigin=\"anonymous\">\n", attr(url)));
    // Checked as the loader checks the stylesheet of a report it renders (SRI needs a CORS-mode
    // request; for the usual same-origin files this changes nothing): a stylesheet changed on
    // the server is refused, and the loader says so, rather than restyling the report.
    // Only the value of the very file linked: another build's (a stale report-widget.sri.txt)
    // would have the browser refuse a good stylesheet.
    let linked = files.stylesheet.rsplit('/').next().unwrap_or_default();
    let pinned = match options.integrity.as_ref().and_then(|i| i.stylesheet.as_ref()).filter(|(file, _)| file == linked)
    {
        Some((_, value)) => format!(" integrity=\"{}\" crossorigin=\"anonymous\"", attr(value)),
        None => String::new(),
    };
    let host = prerendered_host(
        &options.inline_host_attributes(),
        &format!("<link rel=\"stylesheet\" href=\"{}\"{pinned}>", attr(files.stylesheet)),
        &format!(" data-rw-key=\"{key}\" data-rw-digest=\"{digest}\""),
        rendered,
        printed,
    );
    format!("{preload}{host}\n{scripts}\n", preload = preload.unwrap_or_default(), scripts = options.scripts(payload))
}
