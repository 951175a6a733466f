//! The look a host asks for with `data-theme` (space-separated words): `light` or `dark`
//! (otherwise the reader's `prefers-color-scheme`), and `large` for the large-text,
//! high-contrast mode (适老化). The stylesheet reads the same attribute through
//! `:host([data-theme~=…])`, so the theme applies even before the widget has rendered.

/// Light or dark colours.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Scheme {
    /// Follow the reader's `prefers-color-scheme`.
    #[default]
    Auto,
    Light,
    Dark,
}

/// The theme of one widget instance.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Theme {
    pub scheme: Scheme,
    /// Large text and high contrast (适老化).
    pub large: bool,
    /// Rendered as on paper, every table row and every fold open: for copies that no script
    /// will ever bring to life (an archive page, the plain reading copy of a prerendered
    /// report). Not a `data-theme` word: never set in the browser.
    pub printed: bool,
}

impl Theme {
    /// Reads a `data-theme` / `--theme` value: words `light`, `dark`, `large` (also
    /// `elder`, `high-contrast`, `适老`) in any order; unknown words are ignored.
    pub fn parse(value: &str) -> Theme {
        let mut theme = Theme::default();
        for word in value.split(|c: char| c.is_whitespace() || c == ',') {
            match word.to_ascii_lowercase().as_str() {
                "light" => theme.scheme = Scheme::Light,
                "dark" => theme.scheme = Scheme::Dark,
                "large" | "elder" | "high-contrast" | "适老" | "适老化" => theme.large = true,
                _ => {}
            }
        }
        theme
    }

    /// The `data-theme` value that gives this theme ("dark large"); empty for the default.
    pub fn attribute(self) -> String {
        let mut words = Vec::new();
        match self.scheme {
            Scheme::Auto => {}
            Scheme::Light => words.push("light"),
            Scheme::Dark => words.push("dark"),
        }
        if self.large {
            words.push("large");
        }
        words.join(" ")
    }
}
