//! Text a payload gives in Chinese, optionally with an English version.

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The two interface languages. Chinese is the default everywhere.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// Reads a `data-lang` / `--lang` value; anything that is not English means Chinese.
    pub fn from_code(code: &str) -> Lang {
        let code = code.trim().to_ascii_lowercase();
        if code == "en" || code.starts_with("en-") {
            Lang::En
        } else {
            Lang::Zh
        }
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

    /// The text in `lang`, falling back to Chinese.
    pub fn get(&self, lang: Lang) -> &str {
        match (lang, &self.en) {
            (Lang::En, Some(en)) if !en.trim().is_empty() => en,
            _ => &self.zh,
        }
    }

    pub fn is_blank(&self) -> bool {
        self.zh.trim().is_empty()
    }
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

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(r#"a string, or an object {"zh": "…", "en": "…"}"#)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text::new(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                let mut zh = None;
                let mut en = None;
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "zh" => zh = Some(map.next_value::<String>()?),
                        "en" => en = Some(map.next_value::<String>()?),
                        _ => {
                            map.next_value::<de::IgnoredAny>()?;
                        }
                    }
                }
                let zh = zh.ok_or_else(|| de::Error::missing_field("zh"))?;
                Ok(Text { zh, en })
            }
        }
        d.deserialize_any(TextVisitor)
    }
}
