//! Text files from spreadsheets: UTF-8 (with or without a byte-order mark), UTF-16 ("Unicode
//! text" from Excel), or GBK, what Excel and WPS on Chinese Windows save a `.csv` in.

/// What the person chose in the encoding menu.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Choice {
    #[default]
    Auto,
    Utf8,
    Gbk,
}

impl Choice {
    pub const ALL: [(&'static str, Choice); 3] =
        [("auto", Choice::Auto), ("utf-8", Choice::Utf8), ("gbk", Choice::Gbk)];

    pub fn from_name(name: &str) -> Choice {
        Self::ALL.iter().find(|(n, _)| *n == name).map_or(Choice::Auto, |(_, c)| *c)
    }

    pub fn name(self) -> &'static str {
        Self::ALL.iter().find(|(_, c)| *c == self).map_or("auto", |(n, _)| n)
    }
}

/// The encoding a file was read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    Gbk,
}

impl Encoding {
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Gbk => "GBK",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: Encoding,
    /// Bytes that are not valid in the encoding were replaced with U+FFFD.
    pub had_errors: bool,
}

/// Whether a file is a spreadsheet workbook (.xlsx, .ods: a zip; .xls: an OLE file) rather than
/// text: read as text it is garbage, and no encoding helps.
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
}

/// Decodes a file. `Auto` trusts a byte-order mark, then takes UTF-8 if the bytes are valid
/// UTF-8, else GBK. A byte-order mark is never part of the text.
pub fn decode(bytes: &[u8], choice: Choice) -> Decoded {
    let bom = encoding_rs::Encoding::for_bom(bytes);
    let encoding = match (choice, bom) {
        (Choice::Utf8, _) => Encoding::Utf8,
        (Choice::Gbk, _) => Encoding::Gbk,
        (Choice::Auto, Some((e, _))) if e == encoding_rs::UTF_16LE => Encoding::Utf16Le,
        (Choice::Auto, Some((e, _))) if e == encoding_rs::UTF_16BE => Encoding::Utf16Be,
        (Choice::Auto, Some(_)) => Encoding::Utf8,
        (Choice::Auto, None) if std::str::from_utf8(bytes).is_ok() => Encoding::Utf8,
        (Choice::Auto, None) => Encoding::Gbk,
    };
    let (text, had_errors) = match encoding {
        Encoding::Utf8 => {
            let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            let text = String::from_utf8_lossy(body);
            let errors = matches!(text, std::borrow::Cow::Owned(_));
            (text.into_owned(), errors)
        }
        Encoding::Gbk => {
            let (text, errors) = encoding_rs::GBK.decode_without_bom_handling(bytes);
            (text.into_owned(), errors)
        }
        Encoding::Utf16Le | Encoding::Utf16Be => {
            let enc = if encoding == Encoding::Utf16Le { encoding_rs::UTF_16LE } else { encoding_rs::UTF_16BE };
            let (text, errors) = enc.decode_with_bom_removal(bytes);
            (text.into_owned(), errors)
        }
    };
    Decoded { text, encoding, had_errors }
}
