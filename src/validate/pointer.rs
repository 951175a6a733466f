//! Where a value is in a payload: a path kept as links to its parent, turned into a JSON
//! pointer only when a problem is reported there.

use std::borrow::Cow;

/// A place in the payload. Decoding and the rules walk every field of every row; building each
/// one's JSON pointer up front (a `String` per field) cost a 10,000-row payload more time than
/// parsing its JSON, and almost all of them were dropped unused.
#[derive(Clone, Copy)]
pub struct At<'a> {
    parent: Option<&'a At<'a>>,
    key: Option<&'a str>,
    index: Option<usize>,
}

impl<'a> At<'a> {
    /// The whole payload (its pointer is the empty string, as in RFC 6901).
    pub const ROOT: At<'static> = At { parent: None, key: None, index: None };

    /// The member `key` of the object here.
    pub fn key(&'a self, key: &'a str) -> At<'a> {
        At { parent: Some(self), key: Some(key), index: None }
    }

    /// Entry `index` of the list here.
    pub fn index(&'a self, index: usize) -> At<'a> {
        At { parent: Some(self), key: None, index: Some(index) }
    }

    /// Entry `index` of the list in member `key` (`/items/5`).
    pub fn item(&'a self, key: &'a str, index: usize) -> At<'a> {
        At { parent: Some(self), key: Some(key), index: Some(index) }
    }

    /// The JSON pointer, e.g. `/sections/2/items/5/value`.
    pub fn pointer(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        if let Some(parent) = self.parent {
            parent.write(out);
        }
        if let Some(key) = self.key {
            out.push('/');
            out.push_str(&escape_token(key));
        }
        if let Some(index) = self.index {
            out.push('/');
            out.push_str(&index.to_string());
        }
    }
}

/// One reference token of a JSON pointer, escaped (`~` → `~0`, `/` → `~1`); the usual key,
/// with neither, is borrowed as it is.
pub fn escape_token(key: &str) -> Cow<'_, str> {
    if key.contains(['~', '/']) {
        Cow::Owned(key.replace('~', "~0").replace('/', "~1"))
    } else {
        Cow::Borrowed(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers_follow_rfc_6901() {
        assert_eq!(At::ROOT.pointer(), "");
        let section = At::ROOT.item("sections", 2);
        let item = section.item("items", 5);
        assert_eq!(item.key("value").pointer(), "/sections/2/items/5/value");
        assert_eq!(section.key("rows").index(0).pointer(), "/sections/2/rows/0");
        assert_eq!(At::ROOT.key("a/b~c").pointer(), "/a~1b~0c");
    }
}
