//! The live preview: the widget's own `Widget` component, rendered into an open shadow root
//! with the widget's own stylesheet, exactly as a portal page shows it.

use crate::report::{Outcome, Widget, WidgetProps};
use web_sys::{Element, ShadowRootInit, ShadowRootMode};
use yew::prelude::*;
use yew::AppHandle;

#[derive(Properties, PartialEq)]
pub struct PreviewProps {
    pub outcome: Outcome,
    /// `light` or `dark`: set as the host's `data-theme`.
    pub theme: AttrValue,
    /// URL of the widget's stylesheet.
    pub stylesheet: AttrValue,
    pub label: AttrValue,
}

pub struct Preview {
    host: NodeRef,
    app: Option<AppHandle<Widget>>,
}

impl Component for Preview {
    type Message = ();
    type Properties = PreviewProps;

    fn create(_: &Context<Self>) -> Self {
        Preview { host: NodeRef::default(), app: None }
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let p = ctx.props();
        html! {
            <div class="ed-preview-frame" data-theme={p.theme.clone()}>
                // data-state="ready" as on a portal page: the widget's stylesheet keeps controls
                // inert in a host that is not (yet) ready, and this one is live from the start.
                <div id="preview" class="ed-preview-host" ref={self.host.clone()} data-theme={p.theme.clone()} data-state="ready"
                    role="region" aria-label={p.label.clone()}></div>
            </div>
        }
    }

    fn rendered(&mut self, ctx: &Context<Self>, _first: bool) {
        let props = WidgetProps {
            outcome: ctx.props().outcome.clone(),
            theme: crate::view::Theme::parse(&ctx.props().theme),
            live: true,
        };
        if let Some(app) = &mut self.app {
            app.update(props);
            return;
        }
        let Some(host) = self.host.cast::<Element>() else { return };
        let Ok(shadow) = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)) else { return };
        let doc = gloo::utils::document();
        let (Ok(link), Ok(root)) = (doc.create_element("link"), doc.create_element("div")) else { return };
        let _ = link.set_attribute("rel", "stylesheet");
        let _ = link.set_attribute("href", &ctx.props().stylesheet);
        let _ = root.set_attribute("class", "rw-root");
        let _ = shadow.append_child(&link);
        let _ = shadow.append_child(&root);
        self.app = Some(yew::Renderer::<Widget>::with_root_and_props(root, props).render());
    }
}
