//! The vendored, patched Yew (vendor/README.md) is the one the build uses: a Yew upgrade that
//! forgot it would silently bring std's Unicode case tables back into the wasm (3.7 KB gzip).

const LOCK: &str = include_str!("../Cargo.lock");
const VENDORED_MANIFEST: &str = include_str!("../vendor/yew/Cargo.toml");
const PATCHED_FILE: &str = include_str!("../vendor/yew/src/dom_bundle/utils.rs");

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
fn the_patch_is_in_place() {
    assert!(PATCHED_FILE.contains(".map(|m| m.tag_name().to_ascii_lowercase())"));
    assert!(!PATCHED_FILE.contains("to_lowercase()"), "str::to_lowercase is back in yew's hydration code");
}
