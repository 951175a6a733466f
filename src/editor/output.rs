//! What the editor hands out: the payload file's name and the embed snippets, made by
//! `crate::snippet` (`embed`, `embed_file`, and `prerendered`, which the command-line tool's
//! `prerender` also uses).

use crate::snippet::{self, BuildFiles, BuildIntegrity, SnippetOptions};
use serde::{Deserialize, Serialize};

/// The snippet panel's choices that belong to the site rather than to one report, kept across
/// visits with the interface's own (a webmaster copies snippet after snippet for one portal).
/// The payload's element id and file address belong to the report, and are not kept.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SnippetSettings {
    /// The payload goes inside the page (`true`) or in a file beside it.
    pub inline: bool,
    /// The report is rendered into the snippet (inline payloads only).
    pub prerender: bool,
    /// URL of the folder holding `report-widget.js`.
    pub base: String,
    /// `data-lang`: `zh` or `en`.
    pub lang: String,
    /// `data-theme`: empty (the reader's system), `light` or `dark`.
    pub theme: String,
}

impl Default for SnippetSettings {
    fn default() -> Self {
        SnippetSettings { inline: true, prerender: false, base: String::new(), lang: "zh".into(), theme: String::new() }
    }
}

impl SnippetSettings {
    /// The settings kept under `prefs`' `snippet` (anything missing or not understood: the
    /// default), the widget folder defaulting to `editor_folder`.
    pub fn from_prefs(prefs: &serde_json::Value, editor_folder: &str) -> Self {
        let mut settings: SnippetSettings =
            prefs.get("snippet").and_then(|s| serde_json::from_value(s.clone()).ok()).unwrap_or_default();
        if !matches!(settings.lang.as_str(), "zh" | "en") {
            settings.lang = "zh".into();
        }
        if !matches!(settings.theme.as_str(), "" | "light" | "dark") {
            settings.theme = String::new();
        }
        if prefs.pointer("/snippet/base").and_then(|b| b.as_str()).is_none() {
            settings.base = editor_folder.to_string();
        }
        settings
    }
}

/// What is wrong with a widget folder address that a page could not load the widget from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BaseProblem {
    /// A path on this computer (`C:\portal\widget`): no web page can load from it.
    LocalPath,
    /// A `file:` address: only this computer's browser could load from it.
    FileUrl,
    /// A site without `http://` or `https://` (`www.xx.gov.cn/static/rw/`): the page reads it as a
    /// folder under its own address and loads nothing.
    NoScheme,
    /// A mistyped start (`https//…`, `http:/…`, a full-width `https：／／` from a Chinese IME).
    BadScheme,
}

/// Endings of a first segment that name a site, not a folder (`rw.old/` is a folder).
const SITE_ENDINGS: &[&str] = &[
    "cn", "com", "net", "org", "gov", "edu", "info", "io", "top", "vip", "site", "online", "中国", "政务", "公益",
    "网址",
];

/// The problem with the widget folder address `base`, if the snippet would load nothing from
/// it. An address on the site (`/static/rw/`), relative (`rw/`, `./`, `../rw/`), on another
/// (`https://…`, `//cdn…`) is fine; so is none (the page's own folder).
pub fn base_problem(base: &str) -> Option<BaseProblem> {
    let base = base.trim();
    let lower = base.to_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") || base.starts_with(['/', '.']) || base.is_empty()
    {
        return None;
    }
    if lower.starts_with("file:") {
        return Some(BaseProblem::FileUrl);
    }
    if lower.starts_with("http") || base.contains(['：', '／']) {
        return Some(BaseProblem::BadScheme);
    }
    let drive = base.len() >= 2 && base.as_bytes()[0].is_ascii_alphabetic() && base.as_bytes()[1] == b':';
    if base.contains('\\') || drive {
        return Some(BaseProblem::LocalPath);
    }
    // "www.xx.gov.cn/…", "127.0.0.1:8401/", "localhost/rw/", "政府.中国/": the first segment
    // names a site.
    let first = base.split('/').next().unwrap_or_default().to_lowercase();
    let host = first.split(':').next().unwrap_or_default();
    let ending = host.rsplit('.').next().unwrap_or_default();
    let ipv4 =
        host.split('.').count() == 4 && host.split('.').all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    let site = first.contains(':')
        || host == "localhost"
        || ipv4
        || (host.contains('.')
            && (host.matches('.').count() >= 2
                || SITE_ENDINGS.contains(&ending)
                || ending.starts_with("xn--")
                || !ending.is_ascii()));
    site.then_some(BaseProblem::NoScheme)
}

/// The folder the editor page itself is served from (`/rw/` for `https://portal/rw/editor.html`):
/// the widget's files sit beside it in `dist/`, so a snippet pointing there works as long as
/// the folder is copied whole. Empty when the page is not served by a web site (`file:`), where
/// no address means anything to a portal.
pub fn editor_folder(protocol: &str, path: &str) -> String {
    if !matches!(protocol, "http:" | "https:") {
        return String::new();
    }
    match path.rfind('/') {
        Some(end) => path[..=end].to_string(),
        None => "/".to_string(),
    }
}

/// Where the payload goes in the snippet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PayloadPlace {
    /// Inside the page, in a `<script type="application/json">` element with this id.
    Inline { id: String },
    /// In a same-origin file at this URL.
    File { url: String },
}

/// The embed snippet for a payload (its JSON text). `base` is the URL of the folder that holds
/// `report-widget.js`; a missing final `/` is added.
pub fn embed_snippet(payload: &str, place: &PayloadPlace, base: &str, lang: &str, theme: Option<&str>) -> String {
    let base = snippet::folder_url(base.trim());
    let theme = theme.filter(|t| !t.is_empty()).map(str::to_string);
    let payload_id = match place {
        PayloadPlace::Inline { id } => id.trim().to_string(),
        PayloadPlace::File { .. } => String::new(),
    };
    let options = SnippetOptions { base, payload_id, lang: lang.to_string(), theme, integrity: None };
    match place {
        PayloadPlace::Inline { .. } => snippet::embed(payload, &options),
        PayloadPlace::File { url } => snippet::embed_file(url, &options),
    }
}

/// The embed snippet with the report already rendered inside the host (`html`: the widget's
/// own server-side rendering of it; `printed`: the same as on paper, for the plain copy),
/// linking the widget's stylesheet and preloading its wasm (`dist_files`: their file names in
/// `dist/`) under `base`, the build's scripts pinned with `integrity` when known: what
/// `report-widget prerender FILE --base BASE` writes.
// The output panel's fields, one argument each, as the command line's options are.
#[allow(clippy::too_many_arguments)]
pub fn prerendered_snippet(
    payload: &str,
    html: &str,
    printed: &str,
    dist_files: &BuildFiles,
    id: &str,
    base: &str,
    lang: &str,
    theme: Option<&str>,
    integrity: Option<BuildIntegrity>,
) -> String {
    let base = snippet::folder_url(base.trim());
    let under_base = |file: &str| format!("{base}{}", file.trim_start_matches("./"));
    let stylesheet = under_base(dist_files.stylesheet);
    let wasm = dist_files.wasm.map(under_base);
    let options = SnippetOptions {
        base,
        payload_id: id.trim().to_string(),
        lang: lang.to_string(),
        theme: theme.filter(|t| !t.is_empty()).map(str::to_string),
        integrity,
    };
    snippet::prerendered(
        payload,
        html,
        printed,
        &BuildFiles { stylesheet: &stylesheet, wasm: wasm.as_deref() },
        &options,
    )
}

/// A file name for the downloaded payload: what the person typed, made safe, ending in `.json`.
pub fn file_name(wanted: &str) -> String {
    let cleaned: String =
        wanted.trim().chars().map(|c| if c.is_control() || r#"\/:*?"<>|"#.contains(c) { '-' } else { c }).collect();
    let stem = cleaned.trim_end_matches(".json").trim_matches(['.', ' ']);
    if stem.is_empty() {
        "report.json".to_string()
    } else {
        format!("{stem}.json")
    }
}

/// A file name for a report that has none of its own yet: `report-2021.json` from the first
/// year its period names (“2021年度”; not its date, which is the next year's for an annual
/// report), else `report.json`. ASCII, so it also reads well in a `data-src`.
pub fn file_name_for_period(period: &str) -> String {
    let year = period.as_bytes().windows(4).enumerate().find(|(i, w)| {
        let digit = |at: Option<&u8>| at.is_some_and(u8::is_ascii_digit);
        w.iter().all(u8::is_ascii_digit)
            && (w.starts_with(b"19") || w.starts_with(b"20"))
            && !digit(i.checked_sub(1).and_then(|b| period.as_bytes().get(b)))
            && !digit(period.as_bytes().get(i + 4))
    });
    match year {
        Some((i, _)) => format!("report-{}.json", &period[i..i + 4]),
        None => "report.json".to_string(),
    }
}

/// Where the snippet's `data-src` looks for the downloaded file until the person says otherwise:
/// `reports/` and the file's name, with the characters a URL path cannot hold as they are
/// percent-encoded (a space, `#`, `%`, `?`); Chinese names stay readable.
pub fn payload_url(file: &str) -> String {
    let mut url = String::from("reports/");
    for c in file_name(file).chars() {
        match c {
            ' ' => url.push_str("%20"),
            '#' => url.push_str("%23"),
            '%' => url.push_str("%25"),
            '?' => url.push_str("%3F"),
            c => url.push(c),
        }
    }
    url
}

/// A payload element id from a section-safe base: letters, digits, `-` and `_` only.
pub fn element_id(wanted: &str) -> String {
    let id: String = wanted
        .trim()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '-' })
        .collect();
    let id = id.trim_matches('-');
    if id.is_empty() {
        "report-payload".to_string()
    } else {
        id.to_string()
    }
}
