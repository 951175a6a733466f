//! The report components: a pure function of the view model, the theme and UI state, so
//! the same tree renders in the browser and natively (Yew SSR). Browser calls happen only
//! in callbacks and effects (see `dom`).

mod case_stats;
mod chart;
mod dom;
mod error;
mod metrics;
mod misc;
mod ranking;

pub use chart::ChartFigure;
/// For the export module (`embed::exporter`), which saves CSV files and chart images.
#[cfg(target_arch = "wasm32")]
pub(crate) use dom::{download_png, download_text};
pub use error::error_panel;

use crate::i18n::{ui, Ui};
use crate::markup::Markup;
use crate::model::Lang;
use crate::validate::Problem;
use crate::view::{ReportView, Scheme, SectionView, SectionViewBody, Theme};
use std::rc::Rc;
use yew::prelude::*;

/// What one widget instance shows: the report, or why it cannot.
#[derive(Clone, Debug)]
pub enum Outcome {
    Report(Rc<ReportView>),
    Problems { problems: Rc<Vec<Problem>>, lang: Lang },
}

impl PartialEq for Outcome {
    /// A view (or list of problems) is built once per payload and then shared, so the same
    /// content is the same `Rc`: comparing pointers spares the wasm a deep comparison of the
    /// whole view model on every render.
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Outcome::Report(a), Outcome::Report(b)) => Rc::ptr_eq(a, b),
            (Outcome::Problems { problems: a, lang: la }, Outcome::Problems { problems: b, lang: lb }) => {
                Rc::ptr_eq(a, b) && la == lb
            }
            _ => false,
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct WidgetProps {
    pub outcome: Outcome,
    /// The theme the host asks for (`data-theme`); the stylesheet also reads the attribute.
    #[prop_or_default]
    pub theme: Theme,
    /// Rendered by the browser, where the widget runs its controls (the embed glue, the
    /// editor's preview); not a string render (`report-widget prerender`, the editor's snippet),
    /// read before the wasm has come or where it never does. Hydration applies the difference,
    /// which is in attributes only. Required, so that no render forgets to say which it is.
    pub live: bool,
}

/// What every component below the root may need: the language, whether the page is being
/// printed (then everything is expanded), and the credit line for exported charts. Passed as a
/// prop rather than a Yew context: a context provider and its hook cost the wasm more than the
/// few props they save.
#[derive(Clone, Debug, PartialEq)]
pub struct Env {
    pub lang: Lang,
    pub printing: bool,
    /// How many times Escape was pressed on the page: a tooltip shown by the pointer closes at
    /// the next one, wherever the focus is (WCAG 1.4.13).
    pub escapes: u32,
    pub credit: AttrValue,
    /// `ReportView::source`, for the tables' CSV files.
    pub source: Rc<str>,
    /// `WidgetProps::live`.
    pub live: bool,
}

/// UI state of the whole report.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct BodyState {
    /// The reader's choice of large text; `None` follows the theme.
    pub large: Option<bool>,
    /// Anchors of the sections the reader folded.
    pub collapsed: Vec<String>,
    /// Element ids of the amounts in 万元 whose value in yuan the reader unfolded.
    pub yuan: Vec<String>,
    pub printing: bool,
    pub escapes: u32,
    /// A section to scroll to after the next render, and a counter so that the same link
    /// followed twice scrolls twice.
    pub go: Option<(String, u32)>,
}

pub enum BodyAction {
    SetLarge(bool),
    ToggleSection(String),
    /// Unfold or fold an amount's value in yuan (by element id).
    ToggleYuan(String),
    /// Unfold a section and bring it into view.
    Go(String),
    Printing(bool),
    Escape,
}

impl Reducible for BodyState {
    type Action = BodyAction;

    fn reduce(self: Rc<Self>, action: BodyAction) -> Rc<Self> {
        // The remembered choice is read again at every change of the site's storage (another
        // tab's): unchanged, the same state, so nothing renders again.
        if matches!(action, BodyAction::SetLarge(on) if self.large == Some(on)) {
            return self;
        }
        let mut next = (*self).clone();
        match action {
            BodyAction::SetLarge(on) => next.large = Some(on),
            BodyAction::ToggleSection(anchor) => toggle(&mut next.collapsed, anchor),
            BodyAction::ToggleYuan(id) => toggle(&mut next.yuan, id),
            BodyAction::Go(anchor) => {
                next.collapsed.retain(|a| *a != anchor);
                let n = next.go.as_ref().map_or(0, |(_, n)| n + 1);
                next.go = Some((anchor, n));
            }
            BodyAction::Printing(on) => next.printing = on,
            BodyAction::Escape => next.escapes = next.escapes.wrapping_add(1),
        }
        Rc::new(next)
    }
}

/// Adds `item` to the list, or removes it if it is there.
fn toggle(list: &mut Vec<String>, item: String) {
    match list.iter().position(|a| *a == item) {
        Some(i) => {
            list.remove(i);
        }
        None => list.push(item),
    }
}

/// The root of every instance: the whole report (header with display options and contents,
/// then one block per section), or the panel that says why it cannot be shown. One component
/// for both: every component type costs the wasm its own copy of Yew's mounting and hydration
/// code.
#[component]
pub fn Widget(props: &WidgetProps) -> Html {
    let printed = props.theme.printed;
    let state = use_reducer(move || BodyState { printing: printed, ..BodyState::default() });
    let root = use_node_ref();

    // The report shown now, for the window listeners below (registered once per report shown,
    // not again on every new payload: in the editor's preview that would follow the hash, and
    // move the focus, at each edit). Hooks run before the error case returns: Yew needs the
    // same hooks on every render, and the outcome can change.
    let latest = use_mut_ref(|| None::<Rc<ReportView>>);
    {
        let latest = latest.clone();
        use_effect_with(props.outcome.clone(), move |outcome| {
            *latest.borrow_mut() = match outcome {
                Outcome::Report(view) => Some(view.clone()),
                Outcome::Problems { .. } => None,
            };
        });
    }
    // A URL hash naming one of our sections (#rw-air) opens it, when the report appears and
    // whenever the hash changes (a language switch shows the same report in place: it does not
    // appear again, so the reader and the keyboard focus stay where they are); the reader's
    // remembered large text applies when it appears and whenever it changes; print shows
    // everything expanded; Escape closes tooltips.
    {
        let dispatch = state.dispatcher();
        use_effect_with(matches!(props.outcome, Outcome::Report(_)), move |&shown| {
            let follow = {
                let dispatch = dispatch.clone();
                Callback::from(move |()| {
                    let wanted = latest.borrow().clone().zip(dom::location_hash());
                    if let Some(s) = wanted.and_then(|(view, h)| view.section_for_hash(&h).map(|s| s.anchor.clone())) {
                        dispatch.dispatch(BodyAction::Go(s));
                    }
                })
            };
            // Large text as the reader chose it (on an earlier page, in another report of this
            // page or in another tab). First applied after the first render, which for a
            // prerendered report must match the server's markup (the switch then comes in the
            // same task, before the browser paints).
            let remembered = {
                let dispatch = dispatch.clone();
                Callback::from(move |()| {
                    if let Some(on) = dom::remembered_large() {
                        dispatch.dispatch(BodyAction::SetLarge(on));
                    }
                })
            };
            if shown {
                follow.emit(());
                remembered.emit(());
            }
            let (before, escape) = (dispatch.clone(), dispatch.clone());
            let guards = (
                dom::on_window("hashchange", None, follow),
                dom::on_window(dom::LARGE_TEXT_EVENT, None, remembered.clone()),
                dom::on_window("storage", None, remembered),
                dom::on_window(
                    "keydown",
                    Some("Escape"),
                    Callback::from(move |()| escape.dispatch(BodyAction::Escape)),
                ),
                dom::on_window(
                    "beforeprint",
                    None,
                    Callback::from(move |()| before.dispatch(BodyAction::Printing(true))),
                ),
                dom::on_window(
                    "afterprint",
                    None,
                    Callback::from(move |()| dispatch.dispatch(BodyAction::Printing(false))),
                ),
            );
            // Dropping the guards removes the listeners.
            move || {
                let _removed = guards;
            }
        });
    }
    {
        let root = root.clone();
        use_effect_with(state.go.clone(), move |go| {
            if let Some((anchor, _)) = go {
                dom::go_to_section(&root, anchor);
            }
        });
    }

    let view = match &props.outcome {
        Outcome::Report(view) => view,
        Outcome::Problems { problems, lang } => return error_panel(problems, *lang),
    };
    let t = ui(view.lang);
    let large = state.large.unwrap_or(props.theme.large);
    // Without an attribute the stylesheet follows the host (`data-theme`, the reader's colour
    // scheme); the reader's own choice of large text wins over the host's.
    let scheme = match props.theme.scheme {
        Scheme::Auto => None,
        Scheme::Light => Some("light"),
        Scheme::Dark => Some("dark"),
    };
    let large_text = match state.large {
        Some(true) => Some("on"),
        Some(false) => Some("off"),
        None if props.theme.large => Some("on"),
        None => None,
    };
    let toggle_large = {
        let dispatch = state.dispatcher();
        Callback::from(move |_: MouseEvent| {
            dom::remember_large(!large);
            dispatch.dispatch(BodyAction::SetLarge(!large))
        })
    };
    let on_section = {
        let dispatch = state.dispatcher();
        Callback::from(move |anchor: String| dispatch.dispatch(BodyAction::ToggleSection(anchor)))
    };
    let on_yuan = {
        let dispatch = state.dispatcher();
        Callback::from(move |id: String| dispatch.dispatch(BodyAction::ToggleYuan(id)))
    };
    let sections =
        SectionState { collapsed: &state.collapsed, on_toggle: &on_section, yuan: &state.yuan, on_yuan: &on_yuan };
    let env = Env {
        lang: view.lang,
        printing: state.printing,
        escapes: state.escapes,
        credit: AttrValue::from(view.credit()),
        source: view.source.clone(),
        live: props.live,
    };
    html! {
        <article class="rw" data-scheme={scheme} data-large={large_text} lang={view.lang.tag()} ref={root}>
            <header class="rw-head">
                { title_block(view, t) }
                <div class="rw-options rw-control" role="group" aria-label={t.display_options}>
                    <button type="button" class="rw-btn rw-large-toggle" aria-pressed={if large { "true" } else { "false" }} onclick={toggle_large}>
                        <span class="rw-btn-icon" aria-hidden="true">{ "A+" }</span>{ t.large_text }
                    </button>
                </div>
                { contents(view, t, &{
                    let dispatch = state.dispatcher();
                    Callback::from(move |anchor: String| dispatch.dispatch(BodyAction::Go(anchor)))
                }) }
            </header>
            { for view.sections.iter().map(|s| section(s, &sections, &env)) }
        </article>
    }
}

/// The report's title, who published it and when, and its notes: static markup.
fn title_block(view: &ReportView, t: &Ui) -> Html {
    let mut out = Markup::new(view.lang);
    out.element("<h2 class=\"rw-title\">", &view.title, "</h2><p class=\"rw-meta\">");
    out.raw("<span>").raw(t.published_by).raw(t.colon).text(&view.publisher).raw("</span>");
    out.raw("<span>").raw(t.published_on).raw(t.colon).text(&view.date).raw("</span>");
    if let Some(period) = &view.period {
        out.element("<span>", period, "</span>");
    }
    if let Some(url) = &view.source_url {
        out.raw("<span><a href=\"").attr(url).raw("\">").raw(t.original).raw("</a></span>");
    }
    out.raw("</p>");
    if view.synthetic {
        out.raw("<p class=\"rw-synthetic\" role=\"note\">").raw(t.synthetic_notice).raw("</p>");
    }
    if let Some(note) = &view.note {
        out.element("<p class=\"rw-note\">", note, "</p>");
    }
    out.into_html()
}

/// Links to the sections. Following one unfolds the section, scrolls to it, moves the focus
/// there and shows `#rw-…` in the address bar without firing `hashchange` or adding a
/// history entry, so the host page's own hash routing is never disturbed. The links are
/// static markup; one listener on the list serves them all.
fn contents(view: &ReportView, t: &Ui, on_go: &Callback<String>) -> Html {
    if view.sections.len() < 2 {
        return html! {};
    }
    let on_go = on_go.clone();
    let onclick = Callback::from(move |e: MouseEvent| {
        // A modified click (new tab, copy) keeps the browser's behaviour.
        if e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0 {
            return;
        }
        let Some(anchor) = dom::target_attribute(&e, "href").and_then(|h| h.strip_prefix('#').map(str::to_string))
        else {
            return;
        };
        e.prevent_default();
        dom::replace_hash(&anchor);
        on_go.emit(anchor);
    });
    let mut links = Markup::new(view.lang);
    links.raw("<p class=\"rw-toc-title\" aria-hidden=\"true\">").raw(t.contents).raw("</p><ol>");
    for s in &view.sections {
        links.raw("<li><a href=\"#").attr(&s.anchor).raw("\">").text(&s.title).raw("</a></li>");
    }
    links.raw("</ol>");
    html! {
        <nav class="rw-toc" aria-label={t.contents} onclick={onclick}>{ links.into_html() }</nav>
    }
}

/// What the sections need of the report's state, beyond `Env`.
struct SectionState<'a> {
    /// Anchors of the folded sections, and how to fold or unfold one.
    collapsed: &'a [String],
    on_toggle: &'a Callback<String>,
    /// Element ids of the unfolded values in yuan, and how to flip one.
    yuan: &'a [String],
    on_yuan: &'a Callback<String>,
}

/// A section: its heading folds and unfolds it (content stays in the page, hidden, so it
/// prints and is found by in-page search). A plain function, not a component: the report
/// re-renders it with the rest, and the charts and tables inside compare their own props.
fn section(s: &SectionView, state: &SectionState, env: &Env) -> Html {
    // Printing shows every section unfolded.
    let collapsed = !env.printing && state.collapsed.contains(&s.anchor);
    let heading_id = format!("{}_h", s.anchor);
    let body_id = format!("{}_body", s.anchor);
    let body = match &s.body {
        SectionViewBody::Metrics(m) => metrics::metric_cards(m, env),
        SectionViewBody::Ranking(table) => {
            html! { <ranking::RankingTable table={table.clone()} caption={s.title.clone()} id={format!("{}_table", s.anchor)} env={env.clone()} /> }
        }
        SectionViewBody::CaseStats(stats) => case_stats::case_stats(stats, &s.anchor, env, state.yuan, state.on_yuan),
        SectionViewBody::Calendar(cal) => misc::month_strip(cal, env),
        SectionViewBody::Highlights(items) => misc::highlights(items, env.lang),
        SectionViewBody::Narrative(paragraphs) => misc::narrative(paragraphs, env.lang),
    };
    let anchor = s.anchor.clone();
    html! {
        <section key={s.anchor.clone()} class="rw-section" id={s.anchor.clone()} aria-labelledby={heading_id.clone()}>
            <h3 class="rw-section-title" id={heading_id}>
                <button type="button" class="rw-section-toggle" aria-expanded={if collapsed { "false" } else { "true" }} aria-controls={body_id.clone()}
                    onclick={state.on_toggle.reform(move |_: MouseEvent| anchor.clone())}>
                    <span class="rw-chevron" aria-hidden="true"></span>
                    { text_in(env.lang, &s.title) }
                </button>
            </h3>
            <div class="rw-section-body" hidden={collapsed} id={body_id}>
                if let Some(intro) = &s.intro { <p class="rw-intro">{ text_in(env.lang, intro) }</p> }
                { body }
            </div>
        </section>
    }
}

/// A payload text, or a sentence holding one, as a child node: plain text; in the English view,
/// when it holds Chinese (a text without English), markup with the Chinese marked `lang="zh-CN"`.
pub(crate) fn text_in(lang: Lang, text: &str) -> Html {
    if !crate::format::marks_chinese(lang, text) {
        return html! { { text.to_string() } };
    }
    let mut marked = Markup::new(lang);
    marked.text(text);
    marked.into_html()
}

/// The report sentence a figure comes from, folded by default (works without script) and
/// unfolded for print; `of` names what it is the source of, for screen readers ("原文：处罚金额":
/// a page of disclosures all named "原文" could not be told apart).
pub(crate) fn source_note(text: Option<&str>, of: &str, env: &Env) -> Html {
    match text {
        Some(_) => {
            let mut out = Markup::new(env.lang);
            write_source_note(&mut out, text, of, env);
            out.into_html()
        }
        None => Html::default(),
    }
}

/// `source_note`, written into a block of static markup.
pub(crate) fn write_source_note(out: &mut Markup, text: Option<&str>, of: &str, env: &Env) {
    if let Some(text) = text {
        let t = ui(env.lang);
        out.raw(if env.printing { "<details class=\"rw-source\" open>" } else { "<details class=\"rw-source\">" });
        out.raw("<summary>").raw(t.source).raw("<span class=\"rw-sr\">").raw(t.colon).text(of).raw("</span></summary>");
        out.element("<blockquote>", text, "</blockquote></details>");
    }
}

/// Renders an outcome to HTML natively (Yew SSR), with the same components as the browser.
#[cfg(not(target_arch = "wasm32"))]
pub fn render_to_string(outcome: Outcome) -> String {
    render_themed(outcome, Theme::default())
}

/// Renders an outcome with a theme (`data-theme`) to HTML natively.
#[cfg(not(target_arch = "wasm32"))]
pub fn render_themed(outcome: Outcome, theme: Theme) -> String {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a current-thread runtime needs no resources that can be missing");
    let local = tokio::task::LocalSet::new();
    local.block_on(&runtime, async move {
        yew::LocalServerRenderer::<Widget>::with_props(WidgetProps { outcome, theme, live: false }).render().await
    })
}
