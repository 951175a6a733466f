//! The command-line tool: checks payloads and renders them natively with the widget's own
//! components.
//!
//! ```text
//! report-widget validate FILE...          `FILE: PATH: message` per problem; exit 1 if any file is invalid
//! report-widget schema                    the payload's JSON Schema
//! report-widget render FILE [--lang en]   the report as HTML (server-side rendering)
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

    const USAGE: &str =
        "usage:\n  report-widget validate FILE...\n  report-widget schema\n  report-widget render FILE [--lang zh|en]";

    pub fn run(args: Vec<String>) -> ExitCode {
        match args.first().map(String::as_str) {
            Some("validate") if args.len() > 1 => validate_files(&args[1..]),
            Some("render") if args.len() > 1 => render(&args[1..]),
            Some("schema") if args.len() == 1 => {
                let schema = report_widget::model::json_schema();
                println!("{}", serde_json::to_string_pretty(&schema).unwrap_or_default());
                ExitCode::SUCCESS
            }
            _ => {
                eprintln!("{USAGE}");
                ExitCode::from(2)
            }
        }
    }

    fn read(path: &str) -> Result<String, String> {
        std::fs::read_to_string(path).map_err(|e| format!("{path}: cannot read: {e}"))
    }

    fn validate_files(paths: &[String]) -> ExitCode {
        let mut failed = false;
        for path in paths {
            let text = match read(path) {
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
                let mark = if p.severity == Severity::Warning { "warning: " } else { "" };
                println!("{path}: {}: {mark}{}", p.location(), p.en);
            }
            if valid {
                println!("{path}: ok");
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
        let lang = match args.iter().position(|a| a == "--lang") {
            Some(i) => Lang::from_code(args.get(i + 1).map(String::as_str).unwrap_or("zh")),
            None => Lang::Zh,
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
                println!("{}", render_to_string(Outcome::Report(Rc::new(ReportView::new(&report, lang)))));
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
