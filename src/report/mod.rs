//! The report components: a pure function of the view model (and, later, UI state), so the
//! same tree renders in the browser and natively (Yew SSR).

mod case_stats;
mod error;
mod metrics;
mod misc;
mod ranking;

pub use error::ErrorPanel;

use crate::i18n::{ui, Ui};
use crate::model::Lang;
use crate::validate::Problem;
use crate::view::{ReportView, SectionView, SectionViewBody};
use std::rc::Rc;
use yew::prelude::*;

/// What one widget instance shows: the report, or why it cannot.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Report(Rc<ReportView>),
    Problems { problems: Rc<Vec<Problem>>, lang: Lang },
}

#[derive(Properties, PartialEq)]
pub struct WidgetProps {
    pub outcome: Outcome,
    /// Called once after the first render has reached the DOM (never during SSR), so the
    /// embedding can announce `ready` or `error` only when the content is really there.
    #[prop_or_default]
    pub on_rendered: Option<Callback<()>>,
}

/// The root of every instance.
#[function_component]
pub fn Widget(props: &WidgetProps) -> Html {
    {
        let on_rendered = props.on_rendered.clone();
        use_effect_with((), move |_| {
            if let Some(cb) = on_rendered {
                cb.emit(());
            }
        });
    }
    match &props.outcome {
        Outcome::Report(view) => html! { <ReportBody view={view.clone()} /> },
        Outcome::Problems { problems, lang } => html! { <ErrorPanel problems={problems.clone()} lang={*lang} /> },
    }
}

#[derive(Properties, PartialEq)]
pub struct ReportProps {
    pub view: Rc<ReportView>,
}

/// The whole report: header, then one block per section.
#[function_component]
pub fn ReportBody(props: &ReportProps) -> Html {
    let view = &props.view;
    let t = ui(view.lang);
    html! {
        <ContextProvider<Lang> context={view.lang}>
        <article class="rw" lang={view.lang.tag()}>
            <header class="rw-head">
                <h2 class="rw-title">{ &view.title }</h2>
                <p class="rw-meta">
                    <span>{ t.published_by }{ "：" }{ &view.publisher }</span>
                    <span>{ t.published_on }{ "：" }{ &view.date }</span>
                    if let Some(period) = &view.period { <span>{ period }</span> }
                </p>
                if view.synthetic { <p class="rw-synthetic" role="note">{ t.synthetic_notice }</p> }
                if let Some(note) = &view.note { <p class="rw-note">{ note }</p> }
            </header>
            { for view.sections.iter().map(|s| html! { <Section section={s.clone()} /> }) }
        </article>
        </ContextProvider<Lang>>
    }
}

#[derive(Properties, PartialEq)]
struct SectionProps {
    section: SectionView,
}

#[function_component]
fn Section(props: &SectionProps) -> Html {
    let s = &props.section;
    let heading_id = format!("{}-h", s.anchor);
    let body = match &s.body {
        SectionViewBody::Metrics(cards) => html! { <metrics::MetricCards cards={cards.clone()} /> },
        SectionViewBody::Ranking(table) => html! { <ranking::RankingTable table={table.clone()} caption={s.title.clone()} /> },
        SectionViewBody::CaseStats(stats) => html! { <case_stats::CaseStats stats={stats.clone()} title={s.title.clone()} /> },
        SectionViewBody::Calendar(cal) => html! { <misc::MonthStrip calendar={cal.clone()} /> },
        SectionViewBody::Highlights(items) => html! { <misc::Highlights items={items.clone()} /> },
        SectionViewBody::Narrative(paragraphs) => html! { <misc::Narrative paragraphs={paragraphs.clone()} /> },
    };
    html! {
        <section class="rw-section" id={s.anchor.clone()} aria-labelledby={heading_id.clone()}>
            <h3 class="rw-section-title" id={heading_id}>{ &s.title }</h3>
            if let Some(intro) = &s.intro { <p class="rw-intro">{ intro }</p> }
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub(crate) struct SourceProps {
    pub text: Option<String>,
    pub label: &'static str,
}

/// The report sentence a figure comes from, folded by default (works without script).
#[function_component]
pub(crate) fn SourceNote(props: &SourceProps) -> Html {
    match &props.text {
        Some(text) => html! {
            <details class="rw-source">
                <summary>{ props.label }</summary>
                <blockquote>{ text }</blockquote>
            </details>
        },
        None => html! {},
    }
}

/// The interface strings for the language of the report being rendered.
#[hook]
pub(crate) fn use_ui() -> &'static Ui {
    ui(use_context::<Lang>().unwrap_or_default())
}

/// Renders an outcome to HTML natively (Yew SSR), with the same components as the browser.
#[cfg(not(target_arch = "wasm32"))]
pub fn render_to_string(outcome: Outcome) -> String {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a current-thread runtime needs no resources that can be missing");
    let local = tokio::task::LocalSet::new();
    local.block_on(&runtime, async move {
        yew::LocalServerRenderer::<Widget>::with_props(WidgetProps { outcome, on_rendered: None })
            .render()
            .await
    })
}
