//! The command-line tool: checks payloads and renders them natively with the widget's own
//! components.
//!
//! ```text
//! report-widget validate [--lang zh] FILE...  `FILE: PATH: message` per problem; exit 1 if any file is invalid
//! report-widget schema                    the payload's JSON Schema
//! report-widget render FILE [--lang en]   the report as HTML (server-side rendering)
//! report-widget prerender FILE [options]  the embed snippet with the report already inside
//!     --lang zh|en  --theme NAME  --id ELEMENT_ID  --base URL_OF_DIST/  --dist DIR
//!     --stylesheet URL [--wasm URL]  --page  --inline-css
//! ```

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::run(std::env::args().skip(1).collect())
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use report_widget::model::Lang;
    use report_widget::report::{render_to_string, Outcome};
    use report_widget::validate::{self, Severity};
    use report_widget::view::ReportView;
    use std::process::ExitCode;
    use std::rc::Rc;

    const USAGE: &str = "usage:\n  report-widget validate [--lang en|zh] FILE...\n  report-widget schema\n  report-widget render FILE [--lang zh|en]\n  report-widget prerender FILE [--lang zh|en] [--theme NAME] [--id ID] [--base URL/] [--dist DIR | --stylesheet URL [--wasm URL]] [--page [--inline-css]]";

    pub fn run(args: Vec<String>) -> ExitCode {
        match args.first().map(String::as_str) {
            Some("validate") if args.len() > 1 => validate_files(&args[1..]),
            Some("render") if args.len() > 1 => render(&args[1..]),
            Some("prerender") if args.len() > 1 => match prerender(&args[1..]) {
                Ok(out) => {
                    emit(&out);
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("{e}");
                    ExitCode::from(1)
                }
            },
            Some("schema") if args.len() == 1 => {
                let schema = report_widget::model::json_schema();
                emit(&format!("{}\n", serde_json::to_string_pretty(&schema).unwrap_or_default()));
                ExitCode::SUCCESS
            }
            _ => {
                eprintln!("{USAGE}");
                ExitCode::from(2)
            }
        }
    }

    /// Writes to stdout. A reader that stopped early (`| head`) ends the program quietly with
    /// the status a pipe's writer gets from the signal (141), not a panic; so a pipeline with
    /// `pipefail` still sees that not everything was written.
    fn emit(text: &str) {
        use std::io::Write;
        let mut out = std::io::stdout().lock();
        if let Err(e) = out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
            if e.kind() != std::io::ErrorKind::BrokenPipe {
                eprintln!("report-widget: cannot write the output: {e}");
            }
            std::process::exit(if e.kind() == std::io::ErrorKind::BrokenPipe { 141 } else { 1 });
        }
    }

    /// A `--theme` value: words `data-theme` knows (`dark`, `light`, `large`…, or `auto`);
    /// another word would silently mean the reader's own theme.
    fn theme_option(value: Option<&str>) -> Result<Option<String>, String> {
        use report_widget::view::Theme;
        let Some(value) = value else { return Ok(None) };
        let unknown: Vec<&str> = value
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty() && !w.eq_ignore_ascii_case("auto") && Theme::parse(w) == Theme::default())
            .collect();
        if unknown.is_empty() {
            Ok(Some(value.to_string()))
        } else {
            Err(format!(
                "--theme takes light, dark, auto and large (several with spaces: \"dark large\"), not {:?}",
                unknown.join(" ")
            ))
        }
    }

    /// A `--lang` value: `zh` or `en` (or a tag of either, such as `zh-CN`); anything else is an
    /// error rather than a silent fallback to Chinese.
    fn lang_option(value: Option<&str>, default: Lang) -> Result<Lang, String> {
        match value {
            None => Ok(default),
            Some(code) => Lang::parse(code)
                .filter(|_| !code.trim().is_empty())
                .ok_or_else(|| format!("--lang must be zh or en, not {code:?}")),
        }
    }

    /// Options: `--flag value` pairs and bare `--flag`s after the payload path.
    struct Options<'a> {
        args: &'a [String],
    }

    impl<'a> Options<'a> {
        fn value(&self, name: &str) -> Option<&'a str> {
            self.args.iter().position(|a| a == name).and_then(|i| self.args.get(i + 1)).map(String::as_str)
        }
        fn flag(&self, name: &str) -> bool {
            self.args.iter().any(|a| a == name)
        }
    }

    /// The name of a content-hashed file of a built `dist/`: `prefix<hash>suffix`.
    fn find_in_dist(dist: &str, prefix: &str, suffix: &str) -> Result<String, String> {
        let entries = std::fs::read_dir(dist).map_err(|e| {
            format!("{dist}: cannot read the built widget ({e}); run ./run build, or pass --stylesheet URL")
        })?;
        entries
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .find(|n| {
                n.starts_with(prefix)
                    && n.ends_with(suffix)
                    && n[prefix.len()..n.len() - suffix.len()].bytes().all(|b| b.is_ascii_hexdigit())
            })
            .ok_or_else(|| format!("{dist}: no {prefix}*{suffix}; run ./run build, or pass --stylesheet URL"))
    }

    /// The widget stylesheet's file name in a built `dist/`.
    fn find_stylesheet(dist: &str) -> Result<String, String> {
        find_in_dist(dist, "report-widget-", ".css")
    }

    fn prerender(args: &[String]) -> Result<String, String> {
        use report_widget::prerender;
        use report_widget::snippet::{BuildFiles, SnippetOptions};
        let path = &args[0];
        let opts = Options { args: &args[1..] };
        let lang = lang_option(opts.value("--lang"), Lang::Zh)?;
        let payload = read(path)?;
        let mut options = SnippetOptions {
            base: opts.value("--base").unwrap_or("./").to_string(),
            // Named after the payload by default: two reports prerendered for one page get two ids.
            payload_id: match opts.value("--id") {
                Some(id) => id.to_string(),
                None => report_widget::snippet::default_payload_id(&payload),
            },
            lang: opts.value("--lang").unwrap_or("zh").to_string(),
            theme: theme_option(opts.value("--theme"))?,
            integrity: None,
        };
        let dist = opts.value("--dist").unwrap_or("dist");
        // Both from the same build: named by hand, or found in its dist/ folder, which also
        // has the SRI values of its scripts (so the snippet pins the whole widget).
        let (stylesheet, wasm) = match opts.value("--stylesheet") {
            Some(url) => (url.to_string(), opts.value("--wasm").map(String::from)),
            None => {
                let sri_path = std::path::Path::new(dist).join("report-widget.sri.txt");
                if let Ok(sri) = std::fs::read_to_string(&sri_path) {
                    options.integrity = report_widget::snippet::ScriptIntegrity::from_sri_txt(&sri);
                    if options.integrity.is_none() {
                        eprintln!(
                            "{}: no SRI values for the two scripts; the snippet is not pinned",
                            sri_path.display()
                        );
                    }
                }
                (
                    format!("{}{}", options.base, find_stylesheet(dist)?),
                    Some(format!("{}{}", options.base, find_in_dist(dist, "report-widget-web-", "_bg.wasm")?)),
                )
            }
        };
        let files = BuildFiles { stylesheet: &stylesheet, wasm: wasm.as_deref() };
        let problems = |e: report_widget::validate::PayloadError| {
            e.problems().iter().map(|p| format!("{path}: {}: {}", p.location(), p.en)).collect::<Vec<_>>().join("\n")
        };
        let done = |out: String| {
            note_untranslated(path, &payload, lang);
            out
        };
        if opts.flag("--page") {
            let css = if opts.flag("--inline-css") {
                let name = find_stylesheet(dist)?;
                Some(std::fs::read_to_string(format!("{dist}/{name}")).map_err(|e| format!("{dist}/{name}: {e}"))?)
            } else {
                None
            };
            prerender::page(&payload, &files, css.as_deref(), &options).map_err(problems).map(done)
        } else {
            prerender::snippet(&payload, &files, &options).map_err(problems).map(done)
        }
    }

    /// For an English report: a note (on stderr, beside the HTML on stdout) naming the texts
    /// without English, which the report shows in Chinese.
    fn note_untranslated(path: &str, payload: &str, lang: Lang) {
        const LISTED: usize = 5;
        if lang != Lang::En {
            return;
        }
        let Ok(doc) = report_widget::editor::json::parse(payload) else { return };
        let places = report_widget::editor::doc::untranslated(&doc);
        if !places.is_empty() {
            let more = if places.len() > LISTED { ", …" } else { "" };
            eprintln!(
                "{path}: note: {} text(s) have no English; the English report shows them in Chinese (marked lang=\"zh-CN\"): {}{more}",
                places.len(),
                places[..places.len().min(LISTED)].join(", ")
            );
        }
    }

    /// A payload file's text. A UTF-8 byte-order mark is dropped, as browsers drop it when
    /// they fetch a payload (Notepad and many Chinese tools write one); text in another
    /// encoding is refused with the line where it stops being UTF-8 and what to do.
    fn read(path: &str) -> Result<String, String> {
        read_in(path, Lang::En)
    }

    /// [`read`], its errors in `lang`.
    fn read_in(path: &str, lang: Lang) -> Result<String, String> {
        let zh = lang == Lang::Zh;
        let bytes = std::fs::read(path).map_err(|e| {
            if zh {
                format!("{path}: 无法读取：{e}")
            } else {
                format!("{path}: cannot read: {e}")
            }
        })?;
        let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        if text.starts_with(b"\xFF\xFE") || text.starts_with(b"\xFE\xFF") {
            return Err(if zh {
                format!("{path}: 文件是 UTF-16 文本（记事本或 Excel 的“Unicode”）：请另存为 UTF-8")
            } else {
                format!("{path}: the file is UTF-16 text (\"Unicode\" in Notepad or Excel): save it as UTF-8")
            });
        }
        String::from_utf8(text.to_vec()).map_err(|e| {
            let valid = &text[..e.utf8_error().valid_up_to()];
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            if zh {
                format!("{path}: 第 {line} 行: 文件不是 UTF-8 文本（是否存成了 GBK/ANSI？）：请另存为 UTF-8")
            } else {
                format!("{path}: line {line}: the file is not UTF-8 text (saved as GBK/ANSI?): save it as UTF-8")
            }
        })
    }

    /// Checks each file and prints its problems, one per line (`FILE: PLACE: message`), in
    /// English or, with `--lang zh`, in Chinese.
    fn validate_files(args: &[String]) -> ExitCode {
        let mut lang = Lang::En;
        let mut paths = Vec::new();
        let mut rest = args.iter();
        while let Some(arg) = rest.next() {
            match arg.as_str() {
                "--lang" => match lang_option(Some(rest.next().map(String::as_str).unwrap_or_default()), lang) {
                    Ok(l) => lang = l,
                    Err(e) => {
                        eprintln!("{e}");
                        return ExitCode::from(2);
                    }
                },
                _ => paths.push(arg),
            }
        }
        let mut failed = false;
        for path in paths {
            let text = match read_in(path, lang) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("{e}");
                    failed = true;
                    continue;
                }
            };
            let (problems, valid) = match validate::load_checked(&text) {
                Ok(checked) => (checked.warnings, true),
                Err(err) => (err.problems(), false),
            };
            for p in &problems {
                let mark = match (p.severity, lang) {
                    (Severity::Warning, Lang::Zh) => "提醒：",
                    (Severity::Warning, Lang::En) => "warning: ",
                    _ => "",
                };
                emit(&format!("{path}: {}: {mark}{}\n", p.location_in(lang), p.message(lang)));
            }
            if valid {
                emit(&format!("{path}: ok\n"));
            }
            failed |= !valid;
        }
        if failed {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }

    fn render(args: &[String]) -> ExitCode {
        let path = &args[0];
        let opts = Options { args: &args[1..] };
        let lang = match lang_option(opts.value("--lang"), Lang::Zh) {
            Ok(lang) => lang,
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::from(2);
            }
        };
        let text = match read(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::from(1);
            }
        };
        match validate::load(&text) {
            Ok(report) => {
                emit(&format!("{}\n", render_to_string(Outcome::Report(Rc::new(ReportView::new(&report, lang))))));
                note_untranslated(path, &text, lang);
                ExitCode::SUCCESS
            }
            Err(err) => {
                for p in err.problems() {
                    eprintln!("{path}: {}: {}", p.location(), p.en);
                }
                ExitCode::from(1)
            }
        }
    }
}
