//! The command-line tool on the corpus of broken payloads in `tests/payloads/broken/`: each
//! `NAME.json` has a `NAME.expect` with the exit status and the problems it must report
//! (`PATH | part of the message`).

use std::path::{Path, PathBuf};
use std::process::Command;

fn cli(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_report-widget")).args(args).output().expect("the CLI runs");
    let text = String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap_or(-1), text)
}

fn corpus() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/payloads/broken");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("corpus folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_broken_payload_reports_its_expected_problems() {
    let files = corpus();
    assert!(files.len() >= 10, "the corpus covers the kinds of breakage");
    for file in files {
        let expect = std::fs::read_to_string(file.with_extension("expect")).expect("an .expect beside each payload");
        let mut lines = expect.lines();
        let status: i32 =
            lines.next().and_then(|l| l.strip_prefix("exit ")).and_then(|s| s.parse().ok()).expect("exit N");
        let path = file.to_str().unwrap();
        let (code, output) = cli(&["validate", path]);
        assert_eq!(code, status, "{path}: exit status\n{output}");
        let expected: Vec<&str> = lines.filter(|l| !l.trim().is_empty()).collect();
        for line in &expected {
            let (pointer, message) = line.split_once(" | ").expect("PATH | message");
            let wanted = format!("{path}: {pointer}: ");
            let found = output.lines().any(|l| l.starts_with(&wanted) && l.contains(message));
            assert!(found, "{path}: expected a line `{pointer}: …{message}…`, got:\n{output}");
        }
        // No problem beyond those expected (a spurious one would pass the search above).
        let reported =
            output.lines().filter(|l| l.starts_with(&format!("{path}: ")) && *l != format!("{path}: ok")).count();
        assert_eq!(reported, expected.len(), "{path}: exactly the expected problems, got:\n{output}");
    }
}

#[test]
fn valid_payloads_exit_zero_and_several_files_are_checked_together() {
    let root = env!("CARGO_MANIFEST_DIR");
    let lanshan = format!("{root}/www/reports/lanshan-2021.json");
    let example = format!("{root}/docs/examples/water-affairs-example.json");
    let (code, output) = cli(&["validate", &lanshan, &example]);
    assert_eq!(code, 0, "{output}");
    assert_eq!(output.lines().filter(|l| l.ends_with(": ok")).count(), 2);
    let broken = format!("{root}/tests/payloads/broken/duplicate-ids.json");
    // The invalid file first: the files after it are checked all the same.
    let (code, output) = cli(&["validate", &broken, &lanshan]);
    assert_eq!(code, 1, "one invalid file fails the run");
    assert!(output.lines().any(|l| l == format!("{lanshan}: ok")), "{output}");
}

#[test]
fn usage_errors_exit_two_and_an_unreadable_file_one() {
    assert_eq!(cli(&[]).0, 2);
    assert_eq!(cli(&["frobnicate"]).0, 2);
    let (code, output) = cli(&["validate", "/nonexistent/payload.json"]);
    assert_eq!(code, 1);
    assert!(output.contains("cannot read: there is no such file"), "{output}");
    // In plain words, in Chinese too (it said "No such file or directory (os error 2)").
    let folder = env!("CARGO_TARGET_TMPDIR");
    let (code, output) = cli(&["validate", "--lang", "zh", "/nonexistent/payload.json", folder]);
    assert_eq!(code, 1);
    assert!(output.contains("/nonexistent/payload.json: 无法读取：没有这个文件"), "{output}");
    assert!(output.contains(&format!("{folder}: 无法读取：这是文件夹，不是文件")), "{output}");
    // A site's "not found" page saved in the payload's place is named as a web page, as the
    // widget names it, not as a JSON syntax error at line 1.
    let page = temp_file("not-found.json", b"\n<!doctype html><title>404</title>");
    let (code, output) = cli(&["validate", &page]);
    assert_eq!((code, output.trim()), (1, format!("{page}: the file is a web page (HTML), not JSON").as_str()));
    let (code, output) = cli(&["--version"]);
    assert_eq!((code, output.trim()), (0, concat!("report-widget ", env!("CARGO_PKG_VERSION"))));
}

/// The Lanshan payload with the first item of section `section` given a misspelt qualifier,
/// `"qualifer"` (its own, or "over").
fn lanshan_with_qualifer(section: usize) -> String {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/reports/lanshan-2021.json")).unwrap();
    let mut payload: serde_json::Value = serde_json::from_str(&text).unwrap();
    let item = &mut payload["sections"][section]["items"][0];
    let qualifier = item.as_object_mut().unwrap().remove("qualifier");
    item["qualifer"] = qualifier.unwrap_or(serde_json::json!("over"));
    payload.to_string()
}

#[test]
fn validate_strict_fails_a_file_with_warnings() {
    // A misspelt field is ignored with a warning, and its figure shown without it (5020余人次 as
    // 5020人次): a publishing job that checks only the exit status needs --strict to see it.
    let root = env!("CARGO_MANIFEST_DIR");
    let path = temp_file("strict-qualifer.json", lanshan_with_qualifer(5).as_bytes());
    let (code, output) = cli(&["validate", &path]);
    assert_eq!(code, 0, "a warning alone: {output}");
    assert!(output.contains("unknown field \"qualifer\"") && output.contains(&format!("{path}: ok")));
    let (code, output) = cli(&["validate", "--strict", &path]);
    assert_eq!(code, 1, "{output}");
    assert!(output.contains("unknown field \"qualifer\"") && !output.contains(": ok"), "{output}");
    let lanshan = format!("{root}/www/reports/lanshan-2021.json");
    assert_eq!(cli(&["validate", "--strict", &lanshan]).0, 0, "no warnings, no failure");
}

/// Writes `bytes` to a file of its own in the target directory and returns its path.
fn temp_file(name: &str, bytes: &[u8]) -> String {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write a temporary payload");
    path.to_str().unwrap().to_string()
}

#[test]
fn a_byte_order_mark_is_dropped_as_browsers_drop_it() {
    let lanshan = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/www/reports/lanshan-2021.json")).unwrap();
    let path = temp_file("bom.json", &[b"\xEF\xBB\xBF".as_slice(), &lanshan].concat());
    let (code, output) = cli(&["validate", &path]);
    assert_eq!(code, 0, "{output}");
    assert!(output.ends_with(": ok\n"), "{output}");
}

#[test]
fn text_that_is_not_utf8_is_refused_with_its_line_and_what_to_do() {
    // "兰山" in GBK on the third line.
    let path = temp_file("gbk.json", b"{\n  \"schema\": \"report-widget/1\",\n  \"x\": \"\xC0\xBC\xC9\xBD\"\n}\n");
    let (code, output) = cli(&["validate", &path]);
    assert_eq!(code, 1);
    assert!(output.contains("line 3: the file is not UTF-8 text (saved as GBK/ANSI?): save it as UTF-8"), "{output}");
    let (_, output) = cli(&["validate", "--lang", "zh", &path]);
    assert!(output.contains("第 3 行: 文件不是 UTF-8 文本（是否存成了 GBK/ANSI？）：请另存为 UTF-8"), "{output}");
    let path = temp_file("utf16.json", b"\xFF\xFE{\x00}\x00");
    let (code, output) = cli(&["validate", &path]);
    assert_eq!(code, 1);
    assert!(output.contains("the file is UTF-16 text"), "{output}");
}

#[test]
fn problems_are_given_in_chinese_with_lang_zh() {
    let root = env!("CARGO_MANIFEST_DIR");
    let truncated = format!("{root}/tests/payloads/broken/truncated-json.json");
    let typo = format!("{root}/tests/payloads/broken/unknown-fields.json");
    let (code, output) = cli(&["validate", "--lang", "zh", &truncated, &typo]);
    assert_eq!(code, 1);
    assert!(
        output.contains(&format!("{truncated}: 第 12 行第 1 列: JSON 语法错误：文本在对象结束之前就结束了")),
        "{output}"
    );
    assert!(
        output
            .contains(&format!("{typo}: /sections/0/items/1/untis: 提醒：第1节“供水保障” › 第2项“水质检测”：未知字段“untis”（已忽略），是否应为“unit”？")),
        "{output}"
    );
    assert!(output.contains(&format!("{typo}: ok")));
}

#[test]
fn an_english_report_names_the_texts_it_shows_in_chinese() {
    let lanshan = Path::new(env!("CARGO_MANIFEST_DIR")).join("www/reports/lanshan-2021.json");
    let mut payload: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&lanshan).unwrap()).unwrap();
    payload["meta"]["title"] = payload["meta"]["title"]["zh"].clone();
    let file = std::env::temp_dir().join(format!("rw-cli-untranslated-{}.json", std::process::id()));
    std::fs::write(&file, serde_json::to_string(&payload).unwrap()).unwrap();
    let file = file.to_str().unwrap();

    let (code, output) = cli(&["render", file, "--lang", "en"]);
    assert_eq!(code, 0, "{output}");
    assert!(output.contains(&format!("{file}: note: 1 text(s) have no English")), "{output}");
    assert!(output.contains(": /meta/title"), "{output}");
    // The Chinese report, and the report translated throughout, have nothing to say.
    assert!(!cli(&["render", file]).1.contains("note:"));
    assert!(!cli(&["render", lanshan.to_str().unwrap(), "--lang", "en"]).1.contains("note:"));
    let _ = std::fs::remove_file(file);
}

#[test]
fn two_reports_prerendered_for_one_page_get_two_payload_ids() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let id_of = |payload: &str| {
        let path = root.join(payload);
        let (code, out) = cli(&["prerender", path.to_str().unwrap(), "--stylesheet", "/rw/report-widget.css"]);
        assert_eq!(code, 0, "{out}");
        let id =
            out.split("data-payload=\"").nth(1).and_then(|s| s.split('"').next()).expect("a payload id").to_string();
        assert!(out.contains(&format!("<script type=\"application/json\" id=\"{id}\">")), "the host names its payload");
        id
    };
    let lanshan = id_of("www/reports/lanshan-2021.json");
    assert!(lanshan.starts_with("report-widget-payload-"), "{lanshan}");
    assert_ne!(lanshan, id_of("docs/examples/water-affairs-example.json"));
    assert_eq!(lanshan, id_of("www/reports/lanshan-2021.json"), "the same payload, the same id");
}

#[test]
fn a_snippet_prerendered_without_base_says_where_it_looks_for_the_widgets_files() {
    let lanshan = Path::new(env!("CARGO_MANIFEST_DIR")).join("www/reports/lanshan-2021.json");
    let run = |extra: &[&str]| {
        let mut args = vec!["prerender", lanshan.to_str().unwrap(), "--stylesheet", "report-widget.css"];
        args.extend_from_slice(extra);
        let out = Command::new(env!("CARGO_BIN_EXE_report-widget")).args(&args).output().expect("the CLI runs");
        assert_eq!(out.status.code(), Some(0));
        (String::from_utf8_lossy(&out.stdout).to_string(), String::from_utf8_lossy(&out.stderr).to_string())
    };
    let (snippet, note) = run(&[]);
    assert!(snippet.contains("src=\"./report-widget.js\""), "{snippet}");
    assert!(note.contains("without --base") && note.contains("--base /static/rw/1.0/"), "{note}");
    assert!(!run(&["--base", "/rw/"]).1.contains("--base"), "given, nothing to say");
    assert!(!run(&["--page"]).1.contains("--base"), "a page beside the files");
}

/// A page archived or rebuilt from the same payload must not change: hash maps seed themselves
/// per process, so two renders inside one test could agree where two runs of the tool differ.
#[test]
fn the_same_payload_prerenders_to_the_same_bytes_in_every_run() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for payload in ["www/reports/lanshan-2021.json", "docs/examples/water-affairs-example.json"] {
        let path = root.join(payload);
        let path = path.to_str().unwrap();
        for args in [
            vec!["prerender", path, "--stylesheet", "/rw/report-widget.css"],
            vec!["prerender", path, "--lang", "en", "--theme", "dark large", "--stylesheet", "x.css"],
            vec!["prerender", path, "--page", "--stylesheet", "x.css"],
            vec!["render", path],
        ] {
            let runs: Vec<(i32, String)> = (0..3).map(|_| cli(&args)).collect();
            assert_eq!(runs[0].0, 0, "{args:?}: {}", runs[0].1);
            assert!(runs[0].1.contains("class=\"rw\""), "{args:?}: a report, not an empty page");
            assert!(runs.iter().all(|run| *run == runs[0]), "{args:?}: every run prints the same bytes");
        }
    }
}

#[test]
fn a_language_the_widget_does_not_have_is_refused_not_shown_in_chinese() {
    let lanshan = Path::new(env!("CARGO_MANIFEST_DIR")).join("www/reports/lanshan-2021.json");
    let lanshan = lanshan.to_str().unwrap();
    for args in [
        vec!["render", lanshan, "--lang", "fr"],
        vec!["prerender", lanshan, "--lang", "fr", "--stylesheet", "x.css"],
        vec!["validate", "--lang", "fr", lanshan],
    ] {
        let (code, output) = cli(&args);
        assert_ne!(code, 0, "{args:?}: {output}");
        assert!(output.contains("--lang must be zh or en, not \"fr\""), "{args:?}: {output}");
    }
    // Tags of either language are still understood.
    assert_eq!(cli(&["validate", "--lang", "zh-CN", lanshan]).0, 0);
    assert!(cli(&["render", lanshan, "--lang", "en-GB"]).1.contains("lang=\"en\""));
}

#[test]
fn a_theme_word_the_widget_does_not_know_is_refused_not_shown_as_the_default() {
    let lanshan = Path::new(env!("CARGO_MANIFEST_DIR")).join("www/reports/lanshan-2021.json");
    let lanshan = lanshan.to_str().unwrap();
    let (code, output) = cli(&["prerender", lanshan, "--theme", "drak large", "--stylesheet", "x.css"]);
    assert_eq!(code, 2, "a mistake in the command line: {output}");
    assert!(output.contains("not \"drak\""), "{output}");
    for theme in ["dark large", "Dark,LARGE", "auto", "light", "适老化"] {
        let (code, output) = cli(&["prerender", lanshan, "--theme", theme, "--stylesheet", "x.css"]);
        assert_eq!(code, 0, "{theme}: {output}");
    }
}

#[test]
fn output_cut_short_by_its_reader_ends_quietly_not_in_a_panic() {
    use std::io::Read;
    use std::process::Stdio;
    // A synthetic report whose HTML is far larger than any pipe's buffer.
    let items: Vec<String> =
        (0..2000).map(|i| format!(r#"{{"id": "m{i}", "label": "合成指标 {i}", "value": {i}}}"#)).collect();
    let payload = format!(
        r#"{{"schema": "report-widget/1", "meta": {{"title": "合成报告", "publisher": "测试", "date": "2024-01-31", "synthetic": true}},
        "sections": [{{"id": "s", "title": "合成", "kind": "metrics", "items": [{}]}}]}}"#,
        items.join(",")
    );
    let path = temp_file("large-synthetic.json", payload.as_bytes());
    let mut child = Command::new(env!("CARGO_BIN_EXE_report-widget"))
        .args(["render", &path])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the CLI runs");
    // Read a little, then close the pipe (as `| head -c 10` does).
    let mut first = [0u8; 10];
    child.stdout.as_mut().unwrap().read_exact(&mut first).unwrap();
    drop(child.stdout.take());
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    let status = child.wait().unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(status.code(), Some(141), "the status a pipe's writer gets");
}

#[test]
fn a_snippet_prerendered_from_a_dist_folder_pins_the_loader_with_its_sri_value() {
    let dist = Path::new(env!("CARGO_TARGET_TMPDIR")).join("sri-dist");
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(dist.join("report-widget-0123456789abcdef.css"), "").unwrap();
    std::fs::write(dist.join("report-widget-web-0123456789abcdef_bg.wasm"), "").unwrap();
    let lanshan = Path::new(env!("CARGO_MANIFEST_DIR")).join("www/reports/lanshan-2021.json");
    let args = ["prerender", lanshan.to_str().unwrap(), "--dist", dist.to_str().unwrap(), "--base", "/rw/"];
    std::fs::remove_file(dist.join("report-widget.sri.txt")).ok();
    let (code, without) = cli(&args);
    assert_eq!(code, 0, "{without}");
    assert!(
        without.contains("<script type=\"module\" src=\"/rw/report-widget.js\"></script>"),
        "no SRI file, no integrity"
    );
    std::fs::write(
        dist.join("report-widget.sri.txt"),
        "# SRI\nsha384-LOADER  report-widget.js\nsha384-NOMODULE  report-widget-nomodule.js\n",
    )
    .unwrap();
    let (code, with) = cli(&args);
    assert_eq!(code, 0, "{with}");
    assert!(
        with.contains("<script type=\"module\" src=\"/rw/report-widget.js\" integrity=\"sha384-LOADER\"></script>"),
        "{with}"
    );
    assert!(with.contains("src=\"/rw/report-widget-nomodule.js\" integrity=\"sha384-NOMODULE\""));
}

#[test]
fn render_and_prerender_refuse_a_broken_payload_with_its_problems_and_print_nothing() {
    let path = format!("{}/tests/payloads/broken/rank-out-of-range.json", env!("CARGO_MANIFEST_DIR"));
    for args in [vec!["render", &path], vec!["prerender", &path, "--stylesheet", "/rw/report-widget.css"]] {
        let command = args[0];
        let out = Command::new(env!("CARGO_BIN_EXE_report-widget")).args(&args).output().expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{command}: {stderr}");
        assert!(out.stdout.is_empty(), "{command}: no half a report on stdout");
        assert!(
            stderr.contains(&format!(
                "{path}: /sections/0/items/0/ranks/0/position: Section 1 “Water supply” › Item 1 “Rural tap-water coverage” › Rank 1 “counties in the city”: rank 7 must be between 1 and 6"
            )),
            "{command}: {stderr}"
        );
    }
}

#[test]
fn a_standalone_page_with_inline_css_needs_no_other_file() {
    // A built folder of its own (the tests do not depend on ./run build): the stylesheet,
    // inlined from it, and a wasm the page never loads.
    let root = env!("CARGO_MANIFEST_DIR");
    let lanshan = format!("{root}/www/reports/lanshan-2021.json");
    let dist = Path::new(env!("CARGO_TARGET_TMPDIR")).join("inline-css-dist");
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::copy(format!("{root}/www/report-widget.css"), dist.join("report-widget-0123abcd.css")).unwrap();
    std::fs::write(dist.join("report-widget-web-0123abcd_bg.wasm"), b"\0asm").unwrap();
    let (code, page) = cli(&["prerender", &lanshan, "--page", "--inline-css", "--dist", dist.to_str().unwrap()]);
    assert_eq!(code, 0, "{page}");
    assert!(
        page.starts_with("<!DOCTYPE html>") || page.starts_with("<!doctype html>"),
        "{}",
        &page[..40.min(page.len())]
    );
    assert_eq!(page.matches("<style").count(), 1, "the widget stylesheet, inline");
    assert!(page.contains(".rw-card"), "the stylesheet's own rules");
    for external in ["<script", "<link", "@import", "url(http"] {
        assert!(!page.contains(external), "a page for archiving has no {external}");
    }
    assert!(page.contains("1813.4469"), "the report itself");
}

/// Runs the tool; (status, stdout, stderr).
fn cli_split(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_report-widget")).args(args).output().expect("the CLI runs");
    let text = |b: &[u8]| String::from_utf8_lossy(b).to_string();
    (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
}

#[test]
fn a_command_line_mistake_is_named_and_exits_two_never_ignored() {
    let lanshan = format!("{}/www/reports/lanshan-2021.json", env!("CARGO_MANIFEST_DIR"));
    let lanshan = lanshan.as_str();
    for (args, said) in [
        // A misspelt option gave a Chinese report, exit 0.
        (vec!["render", lanshan, "--lnag", "en"], "unknown option \"--lnag\""),
        (vec!["prerender", lanshan, "--thme", "dark", "--stylesheet", "x.css"], "unknown option \"--thme\""),
        (vec!["prerender", lanshan, "--stylesheet", "x.css", "--lang"], "--lang needs a value"),
        (vec!["render", lanshan, lanshan], "one payload file at a time"),
        (vec!["render"], "no payload file"),
        (vec!["validate", "--quiet", lanshan], "unknown option \"--quiet\""),
        (vec!["validate", "--lang", "zh"], "no payload file"),
        (vec!["prerender", lanshan, "--inline-css", "--stylesheet", "x.css"], "--inline-css goes with --page"),
        (vec!["prerender", lanshan, "--wasm", "x.wasm"], "--wasm goes with --stylesheet"),
        (vec!["frobnicate"], "unknown command \"frobnicate\""),
        (vec!["prerender", lanshan, "--stylesheet", "x.css", "--dist", "dist"], "--stylesheet or --dist"),
        (
            vec!["prerender", lanshan, "--page", "--inline-css", "--stylesheet", "x.css"],
            "--inline-css reads the stylesheet from --dist",
        ),
    ] {
        let (code, out, err) = cli_split(&args);
        assert_eq!(code, 2, "{args:?}: {out}{err}");
        assert!(out.is_empty(), "{args:?}: nothing on stdout");
        assert!(err.contains(said) && err.contains("usage:"), "{args:?}: {err}");
    }
    // Options go before or after the file; after "--", a file may start with "-".
    let (code, out, _) = cli_split(&["render", "--lang", "en", lanshan]);
    assert_eq!(code, 0);
    assert!(out.contains("lang=\"en\""));
    let dashed = temp_file("-draft.json", &std::fs::read(lanshan).unwrap());
    let dir = Path::new(&dashed).parent().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_report-widget"))
        .current_dir(dir)
        .args(["render", "--lang", "en", "--", "-draft.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    // validate reads its options the same way (it had a parser of its own, without "--").
    let out = Command::new(env!("CARGO_BIN_EXE_report-widget"))
        .current_dir(dir)
        .args(["validate", "--", "-draft.json", "--lang"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "two files: one valid, one that cannot be read");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("-draft.json: ok") && said.contains("--lang: "), "{said}");
    // Help is asked for: on stdout, exit 0, every option explained.
    for args in [vec!["--help"], vec!["prerender", "--help"], vec!["help"]] {
        let (code, out, _) = cli_split(&args);
        assert_eq!(code, 0, "{args:?}");
        for option in ["--page", "--inline-css", "--theme", "--id", "--base", "--dist", "exit status"] {
            assert!(out.contains(option), "{args:?}: {option}");
        }
    }
}

#[test]
fn rendering_says_the_warnings_that_explain_a_missing_qualifier_or_unit() {
    let path = temp_file("misspelt-qualifier.json", lanshan_with_qualifer(4).as_bytes());
    for args in [vec!["render", path.as_str()], vec!["prerender", path.as_str(), "--stylesheet", "x.css"]] {
        let (code, out, err) = cli_split(&args);
        assert_eq!(code, 0, "a warning does not stop it: {err}");
        assert!(out.contains("class=\"rw\""));
        assert!(
            err.contains(&format!("{path}: /sections/4/items/0/qualifer: warning: Section 5 “"))
                && err.contains(": unknown field \"qualifer\""),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn a_base_without_its_final_slash_still_names_files_inside_it() {
    let lanshan = format!("{}/www/reports/lanshan-2021.json", env!("CARGO_MANIFEST_DIR"));
    let dist = Path::new(env!("CARGO_TARGET_TMPDIR")).join("base-dist");
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(dist.join("report-widget-0123456789abcdef.css"), "").unwrap();
    std::fs::write(dist.join("report-widget-web-0123456789abcdef_bg.wasm"), "").unwrap();
    let (code, out, _) =
        cli_split(&["prerender", &lanshan, "--dist", dist.to_str().unwrap(), "--base", "/static/rw/1.0"]);
    assert_eq!(code, 0);
    assert!(out.contains("href=\"/static/rw/1.0/report-widget-0123456789abcdef.css\""), "{out}");
    assert!(out.contains("src=\"/static/rw/1.0/report-widget.js\""));
    assert!(!out.contains("1.0report-widget"));
}

#[test]
fn a_dist_folder_with_two_builds_gives_the_files_its_loader_names_or_an_error() {
    let lanshan = format!("{}/www/reports/lanshan-2021.json", env!("CARGO_MANIFEST_DIR"));
    let dist = Path::new(env!("CARGO_TARGET_TMPDIR")).join("two-builds-dist");
    std::fs::create_dir_all(&dist).unwrap();
    for hash in ["0000000000000000", "ffffffffffffffff"] {
        std::fs::write(dist.join(format!("report-widget-{hash}.css")), "").unwrap();
        std::fs::write(dist.join(format!("report-widget-web-{hash}_bg.wasm")), "").unwrap();
    }
    let args = ["prerender", lanshan.as_str(), "--dist", dist.to_str().unwrap()];
    std::fs::remove_file(dist.join("report-widget.js")).ok();
    let (code, out, err) = cli_split(&args);
    assert_eq!((code, out.as_str()), (1, ""), "{err}");
    assert!(err.contains("files of several builds"), "{err}");
    std::fs::write(
        dist.join("report-widget.js"),
        "const css=\"report-widget-ffffffffffffffff.css\",wasm=\"report-widget-web-ffffffffffffffff_bg.wasm\";",
    )
    .unwrap();
    let (code, out, err) = cli_split(&args);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("report-widget-ffffffffffffffff.css")
            && out.contains("report-widget-web-ffffffffffffffff_bg.wasm")
    );
    assert!(!out.contains("0000000000000000"));
    assert!(err.contains("report-widget.sri.txt") && err.contains("not pinned"), "said, not silent: {err}");
}

#[test]
fn problems_at_the_root_and_wrong_counts_say_where_and_what() {
    let (code, out) = cli(&["validate", &temp_file("array.json", b"[]")]);
    assert_eq!(code, 1);
    assert!(out.contains("array.json: /: expected an object"), "{out}");
    let root = env!("CARGO_MANIFEST_DIR");
    let mut payload: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{root}/www/reports/lanshan-2021.json")).unwrap())
            .unwrap();
    payload["sections"][0]["items"][0]["ranks"][0]["position"] = serde_json::json!(-1);
    payload["sections"][0]["items"][0]["ranks"][1]["position"] = serde_json::json!(2.5);
    let (code, out) = cli(&["validate", &temp_file("wrong-counts.json", payload.to_string().as_bytes())]);
    assert_eq!(code, 1);
    assert!(out.contains("expected a whole number ≥ 1, found -1"), "{out}");
    assert!(out.contains("expected a whole number ≥ 1, found 2.5"), "{out}");
    payload["sections"][0]["items"][0]["ranks"][0]["position"] = serde_json::json!(4294967296u64);
    let (_, out) = cli(&["validate", &temp_file("huge-count.json", payload.to_string().as_bytes())]);
    assert!(out.contains("the number 4294967296 is too large (at most 4294967295)"), "{out}");
    // A file that cannot be read is reported beside the others, on stdout.
    let (code, out, _) =
        cli_split(&["validate", "/no/such/file.json", &format!("{root}/www/reports/lanshan-2021.json")]);
    assert_eq!(code, 1);
    assert!(out.contains("/no/such/file.json: cannot read") && out.contains("lanshan-2021.json: ok"), "{out}");
}

/// A synthetic payload with one ranking of `rows` rows.
fn long_ranking(rows: usize) -> String {
    let entries: Vec<serde_json::Value> =
        (1..=rows).map(|i| serde_json::json!({ "label": format!("站点 {i}"), "value": i })).collect();
    serde_json::json!({
        "schema": "report-widget/1",
        "meta": { "title": "合成数据：长排名表", "publisher": "测试", "date": "2024-01-01", "synthetic": true },
        "groups": [{ "id": "sites", "label": "站点", "size": rows }],
        "sections": [{ "id": "t", "title": "长表", "kind": "ranking", "group": "sites", "rows": entries }]
    })
    .to_string()
}

#[test]
fn a_long_table_is_whole_where_no_script_will_page_it() {
    let path = temp_file("long-ranking.json", long_ranking(60).as_bytes());
    let (code, snippet, err) = cli_split(&["prerender", &path, "--stylesheet", "x.css"]);
    assert_eq!(code, 0, "{err}");
    let (shadow, copy) = snippet.split_once("</template>").unwrap();
    // The widget hydrates its first page; the plain copy (engines without declarative shadow
    // DOM, readers and search engines) has every row, and no pager that would do nothing.
    assert!(shadow.contains(">站点 50<") && !shadow.contains(">站点 51<"));
    assert!(copy.contains(">站点 1<") && copy.contains(">站点 60<"), "every row in the plain copy");
    assert!(!copy.contains("rw-pager"));
    // A standalone page has no script: every row, and its controls hidden.
    let root = env!("CARGO_MANIFEST_DIR");
    let dist = Path::new(env!("CARGO_TARGET_TMPDIR")).join("long-table-dist");
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::copy(format!("{root}/www/report-widget.css"), dist.join("report-widget-0123abcd.css")).unwrap();
    let (code, page, err) =
        cli_split(&["prerender", &path, "--page", "--inline-css", "--dist", dist.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let (shadow, _) = page.split_once("</template>").unwrap();
    assert!(shadow.contains(">站点 60<"), "every row on the page itself");
    assert!(page.contains("data-state=\"error\""), "the state that hides the controls");
    assert!(!page.contains("<script") && !page.contains("<link"), "no script to page it, no other file");
}
