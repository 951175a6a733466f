//! The prerendered snippet: every figure of the payload is in it as text (derived from the
//! payload, not from a copied list), its markup works without script and under strict CSP,
//! and the payload is embedded safely.

mod common;

use common::text_of;
use report_widget::format;
use report_widget::model::{Lang, Report, SectionBody};
use report_widget::prerender;
use report_widget::report::{render_to_string, Outcome};
use report_widget::snippet::{self, BuildFiles, SnippetOptions};
use report_widget::validate;
use report_widget::view::ReportView;
use std::rc::Rc;

const LANSHAN: &str = include_str!("../www/reports/lanshan-2021.json");
const EXAMPLE: &str = include_str!("../docs/examples/water-affairs-example.json");

fn options(lang: &str) -> SnippetOptions {
    SnippetOptions {
        base: "/static/rw/1.0/".into(),
        payload_id: "r1".into(),
        lang: lang.into(),
        theme: None,
        integrity: None,
    }
}

/// A build's stylesheet, without a wasm to preload (`--stylesheet URL` alone).
const CSS_ONLY: BuildFiles = BuildFiles { stylesheet: "/static/rw/1.0/report-widget-x.css", wasm: None };

/// Every figure the payload states, formatted the way the widget must show it.
fn expected_figures(report: &Report, lang: Lang) -> Vec<String> {
    let mut out = vec![report.meta.title.get(lang).to_string(), format::date(&report.meta.date, lang)];
    for s in &report.sections {
        out.push(s.title.get(lang).to_string());
        match &s.body {
            SectionBody::Metrics(m) => {
                for i in &m.items {
                    out.push(i.label.get(lang).to_string());
                    out.push(format::figure(&i.value, i.qualifier, i.unit.as_ref(), lang).text(lang));
                    if let Some(c) = &i.change {
                        out.push(
                            format::change(&c.value, c.kind, i.direction, i.unit.as_ref(), c.basis.as_ref(), lang)
                                .phrase,
                        );
                    }
                    for r in &i.ranks {
                        let g = report.group(&r.group).expect("group");
                        out.push(format::rank_badge(g.label.get(lang), g.size, r.position, r.basis, lang));
                    }
                }
            }
            SectionBody::CaseStats(c) => {
                for i in &c.items {
                    out.push(format::figure(&i.value, i.qualifier, i.unit.as_ref(), lang).text(lang));
                    if let Some(r) = &i.resolved {
                        out.push(format!("{} / {}", format::number(r, lang), format::number(&i.value, lang)));
                        out.push(format!("{}%", format::percent(r.value(), i.value.value())));
                    }
                }
            }
            SectionBody::Calendar(c) => {
                for m in &c.marked {
                    out.push(format::month(m.month, lang));
                    if let Some(r) = &m.reward {
                        out.push(format::figure(&r.value, None, r.unit.as_ref(), lang).text(lang));
                    }
                }
            }
            SectionBody::Highlights(h) => out.extend(h.items.iter().map(|i| i.text.get(lang).to_string())),
            SectionBody::Narrative(n) => out.extend(n.paragraphs.iter().map(|p| p.get(lang).to_string())),
            SectionBody::Ranking(_) => {}
        }
    }
    out
}

#[test]
fn the_prerendered_snippet_holds_every_figure_as_text() {
    for (payload, lang, code) in [(LANSHAN, Lang::Zh, "zh"), (LANSHAN, Lang::En, "en"), (EXAMPLE, Lang::Zh, "zh")] {
        let report = validate::load(payload).unwrap();
        let html = prerender::snippet(payload, &CSS_ONLY, &options(code)).unwrap();
        let shadow = html.split("<template").nth(1).and_then(|t| t.split("</template>").next()).expect("a template");
        let text = text_of(shadow);
        let expected = expected_figures(&report, lang);
        assert!(expected.len() > 10);
        for figure in expected {
            assert!(text.contains(&figure), "{code}: the prerendered report lacks {figure:?}");
        }
    }
    // The formatters above build the expected figures too: a few as the report writes them,
    // so that one dropping a qualifier or a unit cannot pass.
    let html = prerender::snippet(LANSHAN, &CSS_ONLY, &options("zh")).unwrap();
    let text = text_of(html.split("<template").nth(1).unwrap());
    for written in ["5020余人次", "8110余家次", "1813.4469万元", "同比改善8.2%", "五区第1名", "优良天数", "231天"]
    {
        assert!(text.contains(written), "the prerendered report lacks {written:?}");
    }
    let html = prerender::snippet(LANSHAN, &CSS_ONLY, &options("en")).unwrap();
    let text = text_of(html.split("<template").nth(1).unwrap());
    for written in
        ["more than 5,020 person-times", "1,813.4469 × 10,000 yuan", "improved 8.2% year on year", "1st of 5 districts"]
    {
        assert!(text.contains(written), "the prerendered report lacks {written:?}");
    }
}

#[test]
fn the_light_dom_copy_holds_every_figure_and_no_control_or_drawing() {
    for (payload, lang, code) in [(LANSHAN, Lang::Zh, "zh"), (LANSHAN, Lang::En, "en"), (EXAMPLE, Lang::Zh, "zh")] {
        let report = validate::load(payload).unwrap();
        let html = prerender::snippet(payload, &CSS_ONLY, &options(code)).unwrap();
        let copy =
            html.split("<div class=\"rw-fallback\">").nth(1).and_then(|c| c.split("</div>\n<script").next()).unwrap();
        let text = text_of(copy);
        for figure in expected_figures(&report, lang) {
            assert!(text.contains(&figure), "{code}: the light-DOM copy lacks {figure:?}");
        }
        // Without the widget's script and stylesheet, these would look usable and do nothing, or
        // be unstyled shapes.
        for absent in ["<button", "<svg", "rw-control", "rw-chart-part", "rw-tip\"", "<!--"] {
            assert!(!copy.contains(absent), "{code}: the copy has {absent}");
        }
        // The headings a toggle button held, and each chart's figures as a table, stay.
        for s in &report.sections {
            let heading = format!("\">{}</h3>", snippet::attr(s.title.get(lang)));
            assert!(copy.contains(&heading), "{code}: the copy lacks the heading {heading}");
        }
        let shadow = html.split("<template").nth(1).unwrap();
        assert_eq!(
            copy.matches("<figure").count(),
            shadow.split("</template>").next().unwrap().matches("<figure").count()
        );
        assert_eq!(
            copy.matches("<figure").count(),
            copy.matches("rw-table-part").count(),
            "{code}: every chart keeps its table"
        );
        assert_eq!(copy.matches('<').count(), copy.matches('>').count());
        assert!(
            copy.len() < shadow.len() * 2 / 3,
            "{code}: the copy is lighter ({} of {} bytes)",
            copy.len(),
            shadow.len()
        );
    }
}

#[test]
fn the_markup_needs_no_script_and_no_inline_style() {
    let html = prerender::snippet(LANSHAN, &CSS_ONLY, &options("zh")).unwrap();
    assert!(html.starts_with("<div data-report-widget data-payload=\"r1\" data-lang=\"zh\"><template shadowrootmode=\"open\" shadowroot=\"open\" hidden>"));
    assert!(html.contains("<link rel=\"stylesheet\" href=\"/static/rw/1.0/report-widget-x.css\">"));
    assert!(
        html.contains("<div class=\"rw-fallback\">"),
        "engines without declarative shadow DOM read the light-DOM copy"
    );
    assert!(!html.contains(" style="), "strict CSP: no style attributes");
    assert!(!html.contains("<style"), "strict CSP: no style elements");
    assert_eq!(html.matches("<script").count(), 3, "only the JSON payload, the loader and the nomodule message");
    assert!(html.contains("<script type=\"module\" src=\"/static/rw/1.0/report-widget.js\"></script>"));
}

#[test]
fn the_wasm_is_preloaded_before_the_prerendered_report_when_the_build_names_it() {
    let files = BuildFiles { wasm: Some("/static/rw/1.0/report-widget-web-0123_bg.wasm"), ..CSS_ONLY };
    let html = prerender::snippet(LANSHAN, &files, &options("zh")).unwrap();
    // First in the snippet, so the download starts while the report below is parsed; `fetch`
    // with CORS, as the loader requests it, so the loader's request reuses it.
    assert!(html.starts_with(
        "<link rel=\"preload\" href=\"/static/rw/1.0/report-widget-web-0123_bg.wasm\" as=\"fetch\" crossorigin=\"anonymous\">\n<div data-report-widget "
    ));
    assert_eq!(html.matches("rel=\"preload\"").count(), 1);
    let without = prerender::snippet(LANSHAN, &CSS_ONLY, &options("zh")).unwrap();
    assert!(!without.contains("preload"), "no wasm named, nothing preloaded");
    assert_eq!(html.split_once('\n').unwrap().1, without, "otherwise the same snippet");
}

#[test]
fn the_scripts_carry_the_builds_sri_values_when_given() {
    let sri = "# comment\n#   <script ... integrity=\"VALUE\">\nsha384-AAA  report-widget.js\nsha384-BBB  report-widget-nomodule.js\n";
    let integrity = snippet::BuildIntegrity::from_sri_txt(sri).expect("both values");
    assert_eq!((integrity.loader.as_str(), integrity.nomodule.as_str()), ("sha384-AAA", "sha384-BBB"));
    assert_eq!(snippet::BuildIntegrity::from_sri_txt("sha384-AAA  report-widget.js\n"), None, "one missing: none");
    let pinned = SnippetOptions { integrity: Some(integrity), ..options("zh") };
    let html = prerender::snippet(LANSHAN, &CSS_ONLY, &pinned).unwrap();
    assert!(html.trim_end().ends_with(
        "<script type=\"module\" src=\"/static/rw/1.0/report-widget.js\" integrity=\"sha384-AAA\"></script>\n<script nomodule defer src=\"/static/rw/1.0/report-widget-nomodule.js\" integrity=\"sha384-BBB\" crossorigin=\"anonymous\"></script>"
    ));
    let plain = prerender::snippet(LANSHAN, &CSS_ONLY, &options("zh")).unwrap();
    assert_eq!(
        html.replace(" integrity=\"sha384-AAA\"", "")
            .replace(" integrity=\"sha384-BBB\" crossorigin=\"anonymous\"", ""),
        plain
    );
    // The stylesheet's value (builds since 0.7.14) pins the prerendered report's link too.
    let link_of = |sri: String| {
        let integrity = snippet::BuildIntegrity::from_sri_txt(&sri);
        let html = prerender::snippet(LANSHAN, &CSS_ONLY, &SnippetOptions { integrity, ..options("zh") }).unwrap();
        html.split("<link rel=\"stylesheet\"").nth(1).and_then(|l| l.split_once('>')).unwrap().0.to_string()
    };
    let link = link_of(format!("{sri}sha384-CCC  report-widget-x.css\n"));
    assert!(link.ends_with(" integrity=\"sha384-CCC\" crossorigin=\"anonymous\""), "{link}");
    // Another build's stylesheet value (a stale file) pins nothing: it would refuse a good file.
    assert!(!link_of(format!("{sri}sha384-OLD  report-widget-0123456789abcdef.css\n")).contains("integrity"));
}

#[test]
fn the_payload_inside_the_snippet_is_unchanged_for_a_json_parser() {
    let hostile = LANSHAN.replacen("综合指数", "</script><script>alert(1)</script>", 1);
    let html = snippet::embed(&hostile, &options("zh"));
    assert_eq!(html.matches("</script>").count(), 3, "a label cannot close the payload element");
    let inside = html.split("id=\"r1\">").nth(1).and_then(|s| s.split("</script>").next()).unwrap();
    let reparsed = validate::load(inside).expect("still the same valid payload");
    assert_eq!(reparsed, validate::load(&hostile).unwrap());
    assert!(inside.contains("\"value\": 6.0") || inside.contains("-6.0"), "numbers keep their written form");
}

#[test]
fn a_standalone_page_is_a_whole_document() {
    let page = prerender::page(
        LANSHAN,
        &BuildFiles { stylesheet: "report-widget.css", wasm: None },
        Some(".rw{color:black}"),
        &options("zh"),
    )
    .unwrap();
    assert!(page.starts_with("<!doctype html>"));
    assert!(page.contains("<title>临沂市生态环境局兰山分局关于2021年度法治政府建设情况的报告</title>"));
    assert!(page.contains("<style>.rw{color:black}</style>"));
    assert!(!page.contains("<script"), "an archived page needs no script");
    // Nothing on it does anything: a section's heading, a column's heading and a chart are their
    // content, not a button or a Tab stop (the stylesheet hides the other buttons).
    let report = page.split("</template>").next().unwrap();
    for control in [
        "class=\"rw-section-toggle\"",
        "class=\"rw-sort\"",
        "class=\"rw-plot rw-chart-part\"",
        "tabindex=\"0\" role=\"group\"",
    ] {
        assert!(!report.contains(control), "{control}");
    }
    assert!(report.contains("class=\"rw-chevron\"></span>水与土壤</h3>"));
    assert!(report.contains("<th scope=\"col\">指标<span"));
    assert!(report.contains("role=\"list\" aria-label=\"条形图：环境执法（件）"), "a chart's drawing stays");
}

#[test]
fn invalid_payloads_are_refused_with_their_problems() {
    let err = prerender::snippet("{\"schema\": \"report-widget/1\"}", &CSS_ONLY, &options("zh")).unwrap_err();
    assert!(err.problems().iter().any(|p| p.pointer == "/meta"));
}

/// What the widget renders, fingerprinted: the Lanshan report in both languages and the
/// water-affairs example. A prerendered report is hydrated only when its key matches
/// (`snippet::hydration_key`: the package version, the language and the payload) and its markup
/// is still what the server wrote (`snippet::markup_digest`); hydrating markup that another
/// version rendered differently fails, so a change of the markup must come with a new package
/// version, or old snippets would meet a new widget with the same key.
#[test]
fn a_change_of_the_rendered_markup_comes_with_a_new_package_version() {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (payload, lang) in [(LANSHAN, Lang::Zh), (LANSHAN, Lang::En), (EXAMPLE, Lang::En)] {
        let view = ReportView::new(&validate::load(payload).unwrap(), lang);
        for byte in render_to_string(Outcome::Report(Rc::new(view))).bytes() {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    let now = (env!("CARGO_PKG_VERSION"), format!("{hash:016x}"));
    assert_eq!(
        (now.0, now.1.as_str()),
        ("0.7.18", "b39a5ff45ca4c14d"),
        "the rendered markup changed (or the version did): bump `version` in Cargo.toml if the markup changed, then record the new pair here"
    );
}

/// The snippet carries the digest of exactly the markup it holds, which the widget compares
/// with the browser's serialization of the shadow root before hydrating (the end-to-end tests
/// check that the two agree, in Chromium and in Chromium 92).
#[test]
fn the_snippet_carries_the_digest_of_the_markup_it_holds() {
    let snippet = prerender::snippet(LANSHAN, &CSS_ONLY, &options("zh")).unwrap();
    let start = snippet.find("data-rw-digest=\"").unwrap() + "data-rw-digest=\"".len();
    let digest = &snippet[start..start + 16];
    let body_start = snippet[start..].find("\">").unwrap() + start + 2;
    let body_end = snippet.find("</div></template>").unwrap();
    assert_eq!(digest, snippet::markup_digest(&snippet[body_start..body_end]));
    // Text a CMS changed by one character no longer matches.
    let edited = snippet[body_start..body_end].replacen("5020", "5021", 1);
    assert_ne!(digest, snippet::markup_digest(&edited));
}

/// U+00A0 counts as the `&nbsp;` the serializer writes for it, in text and in attributes.
#[test]
fn the_markup_digest_reads_the_markup_as_the_browser_parses_and_serializes_it() {
    assert_eq!(
        snippet::markup_digest("<p title=\"a\u{a0}b\">1\u{a0}000 元</p>"),
        snippet::markup_digest("<p title=\"a&nbsp;b\">1&nbsp;000 元</p>")
    );
    assert_ne!(snippet::markup_digest("<p>1 000</p>"), snippet::markup_digest("<p>1&nbsp;000</p>"));
    // Carriage returns as the parser reads them: CR LF and a lone CR are a line feed.
    assert_eq!(
        snippet::markup_digest("<p title=\"a\r\nb\">甲\r\n乙\r丙</p>"),
        snippet::markup_digest("<p title=\"a\nb\">甲\n乙\n丙</p>")
    );
}

/// A payload file saved on Windows (CR LF): the page's script holds it as the browser's parser
/// reads it (LF), so the key the widget makes from that text is the snippet's.
#[test]
fn a_payload_with_windows_line_breaks_gets_the_key_of_the_text_the_browser_reads() {
    let windows = LANSHAN.replace('\n', "\r\n");
    let snippet = prerender::snippet(&windows, &CSS_ONLY, &options("zh")).unwrap();
    assert!(!snippet.contains('\r'));
    assert_eq!(snippet, prerender::snippet(LANSHAN, &CSS_ONLY, &options("zh")).unwrap());
}
