//! Text a payload gives in Chinese, optionally with an English version.

use serde::{Deserialize, Serialize};

/// The two interface languages. Chinese is the default everywhere.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// Reads a `data-lang` / `--lang` value: `en`/`en-*` is English, `zh`/`zh-*` or nothing is
    /// Chinese; any other language is `None` (the widget has no text in it).
    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().split('-').next() {
            Some("en") => Some(Lang::En),
            Some("zh" | "") => Some(Lang::Zh),
            _ => None,
        }
    }

    /// [`Lang::parse`], with Chinese for a language the widget does not have.
    pub fn from_code(code: &str) -> Lang {
        Lang::parse(code).unwrap_or(Lang::Zh)
    }

    /// The BCP 47 tag for the `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }
}

/// A label in the payload: either a plain string (Chinese) or `{"zh": "…", "en": "…"}`.
///
/// The English text is optional; where it is missing the Chinese text is shown, so no
/// label is ever blank in either language.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Text {
    pub zh: String,
    pub en: Option<String>,
}

impl Text {
    pub fn new(zh: impl Into<String>) -> Self {
        Text { zh: zh.into(), en: None }
    }

    pub fn bilingual(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Text { zh: zh.into(), en: Some(en.into()) }
    }

    /// The text in `lang`, falling back to Chinese (for an English that shows nothing, too).
    pub fn get(&self, lang: Lang) -> &str {
        match (lang, &self.en) {
            (Lang::En, Some(en)) if !blank(en) => en,
            _ => &self.zh,
        }
    }

    /// Nothing a reader would see in Chinese.
    pub fn is_blank(&self) -> bool {
        blank(&self.zh)
    }
}

/// Nothing a reader would see: spaces, or characters that show nothing (a zero-width space or
/// joiner, a word joiner, a soft hyphen, a byte order mark).
fn blank(text: &str) -> bool {
    text.chars().all(|c| c.is_whitespace() || matches!(c, '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}'))
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match &self.en {
            None => s.serialize_str(&self.zh),
            Some(en) => {
                let mut m = s.serialize_map(Some(2))?;
                m.serialize_entry("zh", &self.zh)?;
                m.serialize_entry("en", en)?;
                m.end()
            }
        }
    }
}

impl schemars::JsonSchema for Text {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Text in Chinese, or in Chinese and English: \"五区\" or {\"zh\": \"五区\", \"en\": \"districts\"}.",
            "oneOf": [
                { "type": "string", "minLength": 1, "maxLength": 5000 },
                {
                    "type": "object",
                    "properties": {
                        "zh": { "type": "string", "minLength": 1, "maxLength": 5000 },
                        "en": { "type": "string", "maxLength": 5000 }
                    },
                    "required": ["zh"],
                    "additionalProperties": false
                }
            ]
        })
    }
}
