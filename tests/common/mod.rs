//! Helpers shared by the native test files.

/// Text content of rendered HTML (tags dropped, entities decoded), as a reader without CSS
/// and script gets it; like the browser's `textContent`.
pub fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for ch in html.chars() {
        match ch {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

/// Markup a payload's author might paste, or an attacker plant: text, never elements.
pub const HOSTILE: &str = "<img src=x onerror=alert(1)>\"'&amp;";

/// The payload with [`HOSTILE`] appended to every Chinese text in it (titles, labels, units,
/// notes, sources, paragraphs…), so every place a text is written is tested at once.
#[allow(dead_code)] // not every test file uses it
pub fn with_hostile_texts(payload: &str) -> String {
    fn walk(value: &mut serde_json::Value) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, v) in map.iter_mut() {
                    match v {
                        serde_json::Value::String(s) if key == "zh" => s.push_str(HOSTILE),
                        _ => walk(v),
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(walk),
            _ => {}
        }
    }
    let mut doc: serde_json::Value = serde_json::from_str(payload).expect("a JSON payload");
    walk(&mut doc);
    doc.to_string()
}
