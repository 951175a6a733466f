//! The command-line tool: checks payloads and renders them natively with the widget's own
//! components.
//!
//! ```text
//! report-widget validate [--lang zh] [--strict] FILE...  `FILE: PATH: message` per problem; exit 1 if any file is invalid
//!     (with --strict, also if any has warnings: a misspelt field such as "qualifer")
//! report-widget schema                    the payload's JSON Schema
//! report-widget render FILE [--lang en] [--theme NAME]   the report as HTML (server-side rendering)
//! report-widget prerender FILE [options]  the embed snippet with the report already inside
//!     --lang zh|en  --theme NAME  --id ELEMENT_ID  --base URL_OF_DIST/  --dist DIR
//!     --stylesheet URL [--wasm URL]  --page  --inline-css
//! report-widget --help                    every command and option
//! report-widget --version                 the tool's version (the widget's)
//! ```
//!
//! Exit status: 0 done, 1 a payload or file has problems, 2 the command line is wrong.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::run(std::env::args().skip(1).collect())
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use report_widget::model::Lang;
    use report_widget::report::Outcome;
    use report_widget::validate::{self, Checked, Severity};
    use report_widget::view::ReportView;
    use std::process::ExitCode;
    use std::rc::Rc;

    const USAGE: &str = "usage:\n  report-widget validate [--lang en|zh] [--strict] FILE...\n  report-widget schema\n  report-widget render FILE [--lang zh|en] [--theme NAME]\n  report-widget prerender FILE [--lang zh|en] [--theme NAME] [--id ID] [--base URL/] [--dist DIR | --stylesheet URL [--wasm URL]] [--page [--inline-css]]";

    const OPTIONS: &str = "
commands:
  validate    checks payloads; one line per problem (FILE: PLACE: message), then FILE: ok;
              exit 1 if any file is invalid
  schema      prints the payload's JSON Schema
  render      prints the report as HTML (the widget's markup, rendered natively)
  prerender   prints the embed snippet with the report already inside (readable before and
              without the widget's code), or with --page a whole HTML page
options:
  --lang zh|en       the report's language (default zh; validate: the messages' language, default en)
  --strict           validate: a file with warnings fails too (exit 1): a misspelt field
                     (\"qualifer\") is ignored with a warning, and its figure shown without it
  --theme NAME       light, dark, auto, large, or several (\"dark large\"), as the host's data-theme
  --id ID            prerender: the payload element's id (default: derived from the payload)
  --base URL/        prerender: the URL of the widget's folder on the site (default ./)
  --dist DIR         prerender: the built widget folder whose files the snippet names and pins
                     (default dist)
  --stylesheet URL   prerender: the widget stylesheet's URL instead of --dist (with --wasm URL)
  --wasm URL         prerender, with --stylesheet: the widget's wasm file's URL, which the
                     snippet then preloads
  --page             prerender: a complete HTML page instead of a snippet
  --inline-css       with --page: the stylesheet inside the page, so that it needs no other file
                     and no script (every row of long tables shown, no controls)
  --                 the end of the options: a file named \"-draft.json\" may follow
                     (FILE is always a path: there is no reading from stdin)
  --version          prints the tool's version (the widget's)
exit status: 0 done, 1 a payload or file has problems, 2 the command line is wrong
";

    /// How many payload files a command takes.
    #[derive(Clone, Copy, PartialEq)]
    enum Files {
        One,
        Many,
    }

    /// A command's options: those with a value, flags, and how many files it takes.
    type Accepts = (&'static [&'static str], &'static [&'static str], Files);
    /// What `validate` takes.
    const VALIDATE_OPTIONS: Accepts = (&["--lang"], &["--strict"], Files::Many);
    /// What `render` takes.
    const RENDER_OPTIONS: Accepts = (&["--lang", "--theme"], &[], Files::One);
    /// What `prerender` takes.
    const PRERENDER_OPTIONS: Accepts = (
        &["--lang", "--theme", "--id", "--base", "--dist", "--stylesheet", "--wasm"],
        &["--page", "--inline-css"],
        Files::One,
    );

    pub fn run(args: Vec<String>) -> ExitCode {
        if args.iter().any(|a| a == "--help" || a == "-h") || args.first().is_some_and(|a| a == "help") {
            emit(&format!("{USAGE}\n{OPTIONS}"));
            return ExitCode::SUCCESS;
        }
        if args.first().is_some_and(|a| a == "--version" || a == "-V") {
            emit(&format!("report-widget {}\n", env!("CARGO_PKG_VERSION")));
            return ExitCode::SUCCESS;
        }
        let outcome = match args.first().map(String::as_str) {
            Some("validate") => {
                Options::parse(&args[1..], VALIDATE_OPTIONS).map_err(Failure::Usage).and_then(validate_files)
            }
            Some("render") => Options::parse(&args[1..], RENDER_OPTIONS).map_err(Failure::Usage).and_then(render),
            Some("prerender") => {
                Options::parse(&args[1..], PRERENDER_OPTIONS).map_err(Failure::Usage).and_then(prerender)
            }
            Some("schema") if args.len() == 1 => {
                let schema = report_widget::model::json_schema();
                emit(&format!("{}\n", serde_json::to_string_pretty(&schema).unwrap_or_default()));
                Ok(())
            }
            Some("schema") => Err(Failure::Usage("schema takes no arguments".into())),
            Some(other) => Err(Failure::Usage(format!("unknown command {other:?}"))),
            None => Err(Failure::Usage("no command".into())),
        };
        match outcome {
            Ok(()) => ExitCode::SUCCESS,
            // A mistake in the command line: what is wrong, then how to write it.
            Err(Failure::Usage(e)) => {
                eprintln!("report-widget: {e}\n{USAGE}\n(report-widget --help lists the options)");
                ExitCode::from(2)
            }
            Err(Failure::Input(e)) => {
                if !e.is_empty() {
                    eprintln!("{e}");
                }
                ExitCode::from(1)
            }
        }
    }

    /// Why a command did not do its work.
    enum Failure {
        /// The command line is wrong (exit status 2).
        Usage(String),
        /// A payload or a file is (exit status 1); the message, if not already printed.
        Input(String),
    }

    impl From<String> for Failure {
        fn from(message: String) -> Self {
            Failure::Input(message)
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

    /// A command's payload path and options (`--name value` and bare `--flag`s, in any order).
    /// An option it does not take, a value left out, a second path: each is an error, never
    /// silently ignored (a misspelt `--lnag en` would otherwise give a Chinese report).
    struct Options<'a> {
        /// The payload files, in order (`render` and `prerender` take one, `validate` several).
        paths: Vec<&'a str>,
        values: Vec<(&'a str, &'a str)>,
        flags: Vec<&'a str>,
    }

    impl<'a> Options<'a> {
        /// Reads `args` against a command's options: `(with_value, flags)`, and how many files
        /// it takes (`Files::One` or `Files::Many`).
        fn parse(args: &'a [String], (with_value, flags, files): (&[&str], &[&str], Files)) -> Result<Self, String> {
            let mut options = Options { paths: Vec::new(), values: Vec::new(), flags: Vec::new() };
            let mut rest = args.iter().map(String::as_str);
            // After "--", the usual end of options, every argument is a file ("-draft.json").
            let mut only_files = false;
            while let Some(arg) = rest.next() {
                let option = !only_files && arg.starts_with('-') && arg.len() > 1;
                if option && arg == "--" {
                    only_files = true;
                } else if option && with_value.contains(&arg) {
                    let value = rest.next().filter(|v| !v.starts_with("--")).ok_or(format!("{arg} needs a value"))?;
                    options.values.push((arg, value));
                } else if option && flags.contains(&arg) {
                    options.flags.push(arg);
                } else if option {
                    return Err(format!("unknown option {arg:?}"));
                } else if files == Files::One && !options.paths.is_empty() {
                    return Err(format!("one payload file at a time, not {:?} and {arg:?}", options.paths[0]));
                } else {
                    options.paths.push(arg);
                }
            }
            if options.paths.is_empty() {
                return Err("no payload file".into());
            }
            Ok(options)
        }
        /// The payload file of a command that takes one.
        fn path(&self) -> &'a str {
            self.paths[0]
        }
        fn value(&self, name: &str) -> Option<&'a str> {
            self.values.iter().rev().find(|(n, _)| *n == name).map(|(_, v)| *v)
        }
        fn flag(&self, name: &str) -> bool {
            self.flags.contains(&name)
        }
    }

    /// The name of a content-hashed file of a built `dist/`: `prefix<hash>suffix`. The loader
    /// names the files of its own build, so those are taken; a folder holding several builds'
    /// files and no loader that names one is an error, not a guess.
    fn find_in_dist(dist: &str, prefix: &str, suffix: &str) -> Result<String, String> {
        let hashed = |n: &str| {
            n.len() > prefix.len() + suffix.len()
                && n.starts_with(prefix)
                && n.ends_with(suffix)
                && n[prefix.len()..n.len() - suffix.len()].bytes().all(|b| b.is_ascii_hexdigit())
        };
        let entries = std::fs::read_dir(dist).map_err(|e| {
            format!("{dist}: cannot read the built widget ({e}); run ./run build, or pass --stylesheet URL")
        })?;
        let mut found: Vec<String> =
            entries.filter_map(|e| e.ok()?.file_name().into_string().ok()).filter(|n| hashed(n)).collect();
        found.sort();
        if found.len() > 1 {
            let loader = std::fs::read_to_string(format!("{dist}/report-widget.js")).unwrap_or_default();
            if let Some(named) = found.iter().find(|n| loader.contains(n.as_str())) {
                return Ok(named.clone());
            }
            return Err(format!(
                "{dist}: files of several builds ({}) and no report-widget.js that names one; build again into an empty folder, or pass --stylesheet URL",
                found.join(", ")
            ));
        }
        found.pop().ok_or_else(|| format!("{dist}: no {prefix}*{suffix}; run ./run build, or pass --stylesheet URL"))
    }

    /// The widget stylesheet's file name in a built `dist/`.
    fn find_stylesheet(dist: &str) -> Result<String, String> {
        find_in_dist(dist, "report-widget-", ".css")
    }

    /// Prints a payload's problems (`FILE: PLACE: message`, warnings marked) on stderr, beside
    /// the HTML on stdout: a misspelt field is only a warning, but it is why a figure shows
    /// without its qualifier or unit, and someone who only prerenders must learn of it.
    fn report_problems(path: &str, text: &str, problems: &[validate::Problem]) {
        let mut problems = problems.to_vec();
        validate::place::name_places(text, &mut problems);
        for p in &problems {
            eprintln!("{}", problem_line(path, p, Lang::En));
        }
    }

    /// `FILE: PLACE: message`, a warning marked; the payload's root is `/` (an empty place read
    /// as a missing one).
    fn problem_line(path: &str, p: &validate::Problem, lang: Lang) -> String {
        let mark = match (p.severity, lang) {
            (Severity::Warning, Lang::Zh) => "提醒：",
            (Severity::Warning, Lang::En) => "warning: ",
            _ => "",
        };
        let place = match p.location_in(lang) {
            place if place.is_empty() => "/".into(),
            place => place,
        };
        format!("{path}: {place}: {mark}{}", p.message(lang))
    }

    fn prerender(opts: Options) -> Result<(), Failure> {
        use report_widget::prerender;
        use report_widget::snippet::{BuildFiles, SnippetOptions};
        let path = opts.path();
        let lang = lang_option(opts.value("--lang"), Lang::Zh).map_err(Failure::Usage)?;
        let theme = theme_option(opts.value("--theme")).map_err(Failure::Usage)?;
        let page = opts.flag("--page");
        check_file_options(&opts).map_err(|e| Failure::Usage(e.into()))?;
        let payload = read(path)?;
        let base = match opts.value("--base").unwrap_or("./") {
            "" => "./".to_string(),
            base => report_widget::snippet::folder_url(base),
        };
        // A snippet pasted into a page in another folder than the widget's files finds neither
        // stylesheet nor script there, and its report then shows unstyled, with dead buttons.
        if opts.value("--base").is_none() && !page {
            eprintln!(
                "note: without --base the snippet looks for the widget's files in the folder of the page it is pasted into (./); give --base with their folder on the site (--base /static/rw/1.0/) if they are elsewhere"
            );
        }
        let mut options = SnippetOptions {
            base,
            // Named after the payload by default: two reports prerendered for one page get two ids.
            payload_id: match opts.value("--id") {
                Some(id) => id.to_string(),
                None => report_widget::snippet::default_payload_id(&payload),
            },
            lang: opts.value("--lang").unwrap_or("zh").to_string(),
            theme,
            integrity: None,
        };
        let dist = opts.value("--dist").unwrap_or("dist");
        let checked = validate::load_checked(&payload).map(Checked::with_advice).map_err(|e| {
            report_problems(path, &payload, &e.problems());
            Failure::Input(String::new())
        })?;
        report_problems(path, &payload, &checked.warnings);
        // A page with its stylesheet inline has no script: no build files to name.
        let standalone = page && opts.flag("--inline-css");
        let (stylesheet, wasm) = match opts.value("--stylesheet") {
            Some(url) => (url.to_string(), opts.value("--wasm").map(String::from)),
            None if standalone => (String::new(), None),
            None => build_files_in(dist, &mut options)?,
        };
        let files = BuildFiles { stylesheet: &stylesheet, wasm: wasm.as_deref() };
        let out = if page {
            let css = if standalone {
                let name = find_stylesheet(dist)
                    .map_err(|e| format!("{e} (--inline-css reads the stylesheet from --dist DIR)"))?;
                Some(std::fs::read_to_string(format!("{dist}/{name}")).map_err(|e| format!("{dist}/{name}: {e}"))?)
            } else {
                None
            };
            prerender::page_of(&checked.report, &payload, &files, css.as_deref(), &options)
        } else {
            prerender::snippet_of(&checked.report, &payload, &files, &options)
        };
        emit(&out);
        note_untranslated(path, &payload, lang);
        Ok(())
    }

    /// `prerender`'s options that do not go together, said as the mistake they are.
    fn check_file_options(opts: &Options) -> Result<(), &'static str> {
        let (stylesheet, inline) = (opts.value("--stylesheet").is_some(), opts.flag("--inline-css"));
        if inline && !opts.flag("--page") {
            return Err("--inline-css goes with --page (a snippet links the stylesheet)");
        }
        if opts.value("--wasm").is_some() && !stylesheet {
            return Err("--wasm goes with --stylesheet (--dist names both)");
        }
        if stylesheet && opts.value("--dist").is_some() {
            return Err("--stylesheet or --dist: the files are named by hand or found in the folder");
        }
        if stylesheet && inline {
            return Err("--inline-css reads the stylesheet from --dist DIR, not from a URL");
        }
        Ok(())
    }

    /// The stylesheet's and the wasm's addresses (under `options.base`) from one build's `dist`
    /// folder, which also has the SRI values of its scripts and stylesheet: they go into `options`, so that the
    /// snippet pins the whole widget (said on stderr where they are missing).
    fn build_files_in(
        dist: &str,
        options: &mut report_widget::snippet::SnippetOptions,
    ) -> Result<(String, Option<String>), Failure> {
        let sri_path = std::path::Path::new(dist).join("report-widget.sri.txt");
        match std::fs::read_to_string(&sri_path) {
            Ok(sri) => {
                options.integrity = report_widget::snippet::BuildIntegrity::from_sri_txt(&sri);
                if options.integrity.is_none() {
                    eprintln!("{}: no SRI values for the two scripts; the snippet is not pinned", sri_path.display());
                }
            }
            Err(e) => eprintln!("{}: {e}; the snippet is not pinned to this build", sri_path.display()),
        }
        Ok((
            format!("{}{}", options.base, find_stylesheet(dist)?),
            Some(format!("{}{}", options.base, find_in_dist(dist, "report-widget-web-", "_bg.wasm")?)),
        ))
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

    /// Why a payload file could not be read as text.
    #[derive(Debug, thiserror::Error)]
    enum ReadError {
        /// The file is missing or unreadable.
        #[error("{path}: cannot read: {}", cause_words(cause, Lang::En))]
        Unreadable { path: String, cause: std::io::Error },
        /// The file is a web page (a site's "not found" page saved in its place).
        #[error("{0}: the file is a web page (HTML), not JSON")]
        Html(String),
        /// The file starts with a UTF-16 byte-order mark ("Unicode" in Notepad or Excel).
        #[error("{0}: the file is UTF-16 text (\"Unicode\" in Notepad or Excel): save it as UTF-8")]
        Utf16(String),
        /// The bytes stop being UTF-8 on this line (GBK, as older Chinese tools save).
        #[error("{path}: line {line}: the file is not UTF-8 text (saved as GBK/ANSI?): save it as UTF-8")]
        NotUtf8 { path: String, line: usize },
    }

    impl ReadError {
        /// The message in `lang` (the English one is `Display`).
        fn message(&self, lang: Lang) -> String {
            if lang == Lang::En {
                return self.to_string();
            }
            match self {
                ReadError::Unreadable { path, cause } => format!("{path}: 无法读取：{}", cause_words(cause, lang)),
                ReadError::Html(path) => format!("{path}: 文件是网页（HTML），不是 JSON 数据"),
                ReadError::Utf16(path) => {
                    format!("{path}: 文件是 UTF-16 文本（记事本或 Excel 的“Unicode”）：请另存为 UTF-8")
                }
                ReadError::NotUtf8 { path, line } => {
                    format!("{path}: 第 {line} 行: 文件不是 UTF-8 文本（是否存成了 GBK/ANSI？）：请另存为 UTF-8")
                }
            }
        }
    }

    /// Why a file could not be read, in plain words where the system's are not (“os error 21”).
    fn cause_words(cause: &std::io::Error, lang: Lang) -> String {
        use std::io::ErrorKind;
        let (en, zh) = match cause.kind() {
            ErrorKind::NotFound => ("there is no such file", "没有这个文件"),
            ErrorKind::IsADirectory => ("it is a folder, not a file", "这是文件夹，不是文件"),
            ErrorKind::PermissionDenied => ("no permission to read it", "没有读取权限"),
            _ => return cause.to_string(),
        };
        (if lang == Lang::Zh { zh } else { en }).to_string()
    }

    impl From<ReadError> for Failure {
        fn from(err: ReadError) -> Self {
            Failure::Input(err.to_string())
        }
    }

    /// A payload file's text. A UTF-8 byte-order mark is dropped, as browsers drop it when
    /// they fetch a payload (Notepad and many Chinese tools write one); text in another
    /// encoding is refused with the line where it stops being UTF-8 and what to do.
    fn read(path: &str) -> Result<String, ReadError> {
        let bytes = std::fs::read(path).map_err(|cause| ReadError::Unreadable { path: path.into(), cause })?;
        let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        if text.starts_with(b"\xFF\xFE") || text.starts_with(b"\xFE\xFF") {
            return Err(ReadError::Utf16(path.into()));
        }
        let text = String::from_utf8(text.to_vec()).map_err(|e| {
            let valid = &text[..e.utf8_error().valid_up_to()];
            ReadError::NotUtf8 { path: path.into(), line: valid.iter().filter(|&&b| b == b'\n').count() + 1 }
        })?;
        // “<!doctype html>”, “<html>”: a page, where a payload was expected (no JSON starts so).
        if text.trim_start().starts_with('<') {
            return Err(ReadError::Html(path.into()));
        }
        Ok(text)
    }

    /// Checks each file and prints its problems, one per line (`FILE: PLACE: message`), in
    /// English or, with `--lang zh`, in Chinese. Everything goes to stdout, a file that cannot be
    /// read too, so that `validate *.json > log` keeps every file's outcome.
    fn validate_files(opts: Options) -> Result<(), Failure> {
        let lang = lang_option(opts.value("--lang"), Lang::En).map_err(Failure::Usage)?;
        let strict = opts.flag("--strict");
        let mut failed = false;
        for path in opts.paths {
            let text = match read(path) {
                Ok(t) => t,
                Err(e) => {
                    emit(&format!("{}\n", e.message(lang)));
                    failed = true;
                    continue;
                }
            };
            let (mut problems, mut valid) = match validate::load_checked(&text).map(Checked::with_advice) {
                Ok(checked) => (checked.warnings, true),
                Err(err) => (err.problems(), false),
            };
            valid &= !strict || problems.is_empty();
            // As the widget's list says them: "Section 2 “…” › Entry 3 “…”: …".
            validate::place::name_places(&text, &mut problems);
            for p in &problems {
                emit(&format!("{}\n", problem_line(path, p, lang)));
            }
            if valid {
                emit(&format!("{path}: ok\n"));
            }
            failed |= !valid;
        }
        if failed {
            Err(Failure::Input(String::new()))
        } else {
            Ok(())
        }
    }

    fn render(opts: Options) -> Result<(), Failure> {
        use report_widget::report::render_themed;
        let path = opts.path();
        let lang = lang_option(opts.value("--lang"), Lang::Zh).map_err(Failure::Usage)?;
        let theme = theme_option(opts.value("--theme")).map_err(Failure::Usage)?;
        let text = read(path)?;
        let checked = validate::load_checked(&text).map(Checked::with_advice).map_err(|e| {
            report_problems(path, &text, &e.problems());
            Failure::Input(String::new())
        })?;
        report_problems(path, &text, &checked.warnings);
        let view = ReportView::new(&checked.report, lang);
        let theme = report_widget::view::Theme::parse(theme.as_deref().unwrap_or_default());
        emit(&format!("{}\n", render_themed(Outcome::Report(Rc::new(view)), theme)));
        note_untranslated(path, &text, lang);
        Ok(())
    }
}
