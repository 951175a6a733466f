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
    // A no-break space reads as a space.
    out.replace('\u{a0}', " ")
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Checks that every start tag of `html` is a name followed by well-formed attributes (`name` or
/// `name="value"`, separated by spaces): a payload text that ended an attribute value early
/// would leave a stray quote or name behind. Returns the first malformed tag.
#[allow(dead_code)] // not every test file uses it
pub fn malformed_tag(html: &str) -> Option<String> {
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(at) = html[i..].find('<') {
        let start = i + at;
        i = start + 1;
        if html[i..].starts_with("!--") {
            i = html[i..].find("-->").map_or(html.len(), |e| i + e + 3);
            continue;
        }
        if html[i..].starts_with('/') {
            continue;
        }
        let name_char = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b':';
        while i < bytes.len() && name_char(bytes[i]) {
            i += 1;
        }
        loop {
            let space = i < bytes.len() && bytes[i] == b' ';
            while i < bytes.len() && bytes[i] == b' ' {
                i += 1;
            }
            match bytes.get(i) {
                Some(b'>') => break,
                Some(b'/') if bytes.get(i + 1) == Some(&b'>') => break,
                Some(&b) if space && name_char(b) => {
                    while i < bytes.len() && name_char(bytes[i]) {
                        i += 1;
                    }
                    if bytes.get(i) == Some(&b'=') {
                        if bytes.get(i + 1) != Some(&b'"') {
                            return Some(tag_at(html, start));
                        }
                        i = html[i + 2..].find('"').map_or(html.len(), |e| i + 2 + e + 1);
                    }
                }
                _ => return Some(tag_at(html, start)),
            }
        }
    }
    None
}

fn tag_at(html: &str, start: usize) -> String {
    let end = html[start..].find('>').map_or(html.len(), |e| start + e + 1);
    html[start..end].to_string()
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
