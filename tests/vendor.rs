//! The vendored, patched Yew (vendor/README.md) is the one the build uses: a Yew upgrade that
//! forgot it would silently bring std's Unicode case tables, a B-tree, a derived `Clone` of a
//! hundred variants, six kinds of hash map, a table of every event's name, portals and
//! `<Suspense />` back into the wasm (16 KB gzip), and would lose the scheduler hook the widget
//! announces `ready` from.

const LOCK: &str = include_str!("../Cargo.lock");
const VENDORED_MANIFEST: &str = include_str!("../vendor/yew/Cargo.toml");
const PATCHED_FILE: &str = include_str!("../vendor/yew/src/dom_bundle/btag/mod.rs");
const SCHEDULER: &str = include_str!("../vendor/yew/src/scheduler.rs");
const LISTENERS: &str = include_str!("../vendor/yew/src/virtual_dom/listeners.rs");
const ATTRIBUTES: &str = include_str!("../vendor/yew/src/dom_bundle/btag/attributes.rs");
const REGISTRY: &str = include_str!("../vendor/yew/src/dom_bundle/btag/listeners.rs");
const SUBTREES: &str = include_str!("../vendor/yew/src/dom_bundle/subtree_root.rs");
const EVENTS: &str = include_str!("../vendor/yew/src/html/listener/events.rs");
const KEYED_LIST: &str = include_str!("../vendor/yew/src/dom_bundle/blist.rs");
const VNODE: &str = include_str!("../vendor/yew/src/virtual_dom/vnode.rs");
const BUNDLE_NODE: &str = include_str!("../vendor/yew/src/dom_bundle/bnode.rs");
const POSITION: &str = include_str!("../vendor/yew/src/dom_bundle/position.rs");
const HOOKS: &str = include_str!("../vendor/yew/src/functional/mod.rs");

/// The `[[package]]` entry of `name` in Cargo.lock, as its lines.
fn locked(name: &str) -> Vec<&'static str> {
    let entry = LOCK
        .split("[[package]]")
        .find(|entry| entry.lines().any(|line| line == format!("name = \"{name}\"")))
        .unwrap_or_else(|| panic!("{name} is not in Cargo.lock"));
    entry.lines().filter(|line| !line.is_empty()).collect()
}

fn version_of(entry: &[&str]) -> String {
    let line = entry.iter().find(|line| line.starts_with("version = ")).expect("a version line");
    line.trim_start_matches("version = ").trim_matches('"').to_string()
}

#[test]
fn yew_resolves_to_the_vendored_copy() {
    let yew = locked("yew");
    // A path dependency has no `source` line; one from crates.io has.
    assert!(!yew.iter().any(|line| line.starts_with("source = ")), "Cargo.lock takes yew from a registry: {yew:?}");
}

#[test]
fn the_vendored_yew_is_the_version_its_macros_are_locked_at() {
    let vendored = VENDORED_MANIFEST
        .lines()
        .find(|line| line.starts_with("version = "))
        .map(|line| line.trim_start_matches("version = ").trim_matches('"'))
        .expect("the vendored manifest has a version");
    assert_eq!(vendored, version_of(&locked("yew")));
    assert_eq!(vendored, version_of(&locked("yew-macro")), "yew-macro moved without the vendored yew");
}

#[test]
fn the_patches_are_in_place() {
    // The hydration assertion names the node type by number; `node_type_str` (and with it
    // `str::to_lowercase`) is called nowhere.
    assert!(PATCHED_FILE.contains("\"expected element, found node type {}.\",\n"));
    assert!(!PATCHED_FILE.contains("node_type_str(&node)"), "yew's hydration calls node_type_str again");
    // The render queue is a sorted Vec: no B-tree anywhere in yew's scheduler.
    assert!(SCHEDULER.contains("inner: Vec<(usize, QueueEntry)>,"));
    assert!(!SCHEDULER.contains("BTreeMap<"), "yew's scheduler uses a BTreeMap again");
    // ListenerKind's Clone is written by hand, not derived.
    assert!(LISTENERS.contains("#[derive(PartialEq, Eq, Hash, Debug)]\n"));
    assert!(LISTENERS.contains("impl Clone for ListenerKind {"), "ListenerKind derives Clone again");
    // The element cache and the attribute diff by name are lists, not hash maps.
    assert!(PATCHED_FILE.contains("static CACHED_ELEMENTS: RefCell<Vec<(String, Element)>>"));
    assert!(!PATCHED_FILE.contains("HashMap<"), "yew's element cache is a HashMap again");
    assert!(ATTRIBUTES.contains("type Pairs<'a> = Vec<(&'a str, &'a AttributeOrProperty)>;"));
    assert!(!ATTRIBUTES.contains("HashMap<"), "yew's attribute diff uses a HashMap again");
    // The listener registry, the app's subtrees and its listened events are lists too.
    assert!(REGISTRY.contains("by_id: Vec<(u32, ListenersByEvent)>,"));
    assert!(!REGISTRY.contains("HashMap<"), "yew's listener registry uses a HashMap again");
    assert!(SUBTREES.contains("subtrees: Vec<WeakSubtree>,") && SUBTREES.contains("listening: Vec<EventDescriptor>,"));
    assert!(!SUBTREES.contains("HashSet<"), "yew's subtree data uses a HashSet again");
    // Each listener names its own event: ListenerKind's table of every name is not linked.
    assert!(EVENTS.contains("std::borrow::Cow::Borrowed(&stringify!($action)[2..])"));
    assert!(
        SUBTREES.contains("let event_type = desc.type_name.clone();"),
        "yew names events through ListenerKind again"
    );
    // Nothing is hashed: the keyed list's spare nodes are a list, and two attribute maps are
    // compared as lists (tests/web.rs renders both).
    assert!(KEYED_LIST.contains("let mut spare_bundles: Vec<KeyedEntry> ="));
    assert!(!KEYED_LIST.contains("HashSet<KeyedEntry>"), "yew's keyed list diff uses a HashSet again");
    assert!(!ATTRIBUTES.contains("fn apply_diff_index_maps("), "yew compares attribute IndexMaps by hashing again");
    // No portals and no `<Suspense />`: every diff, attach and hydration of a node matched on
    // two kinds of node the widget never makes.
    assert!(!VNODE.contains("VPortal(") && !VNODE.contains("VSuspense("), "yew's VNode has portals or suspense again");
    assert!(
        !BUNDLE_NODE.contains("Portal(") && !BUNDLE_NODE.contains("Suspense("),
        "yew's BNode has portals or suspense again"
    );
    let source = concat!(env!("CARGO_MANIFEST_DIR"), "/vendor/yew/src/");
    for gone in [
        "virtual_dom/vportal.rs",
        "virtual_dom/vsuspense.rs",
        "dom_bundle/bportal.rs",
        "dom_bundle/bsuspense.rs",
        "suspense/component.rs",
    ] {
        assert!(!std::path::Path::new(&format!("{source}{gone}")).exists(), "{gone} is back in the vendored yew");
    }
    // Failures that cannot happen trap: no messages of their own, no throwing unwraps.
    assert!(!POSITION.contains("failed to append child"), "yew's node insertion logs its wordings again");
    for (file, text) in [("subtree_root.rs", SUBTREES), ("functional/mod.rs", HOOKS)] {
        assert!(!text.contains(".unwrap_throw()"), "{file} throws through wasm-bindgen again");
    }
    // The scheduler runs the widget's `ready` once no DOM work is queued: where a pass yields
    // and at its end (src/embed/mod.rs, `announce_after_render`).
    assert!(SCHEDULER.contains("pub fn after_dom_work(f: Box<dyn FnOnce()>)"));
    assert_eq!(
        SCHEDULER.matches("run_settled();").count(),
        2,
        "the settled callbacks run where a pass yields and at its end"
    );
    // A pass yields only once no props update or message is queued either.
    assert!(
        SCHEDULER.contains("&& self.props_update.inner.is_empty()\n            && self.update.inner.is_empty()\n    }")
    );
}
