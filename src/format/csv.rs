//! CSV for spreadsheet programs: RFC 4180 quoting, CRLF line ends, and a UTF-8 byte order
//! mark so that Excel and WPS open Chinese text correctly.

/// The byte order mark that starts every exported CSV file.
pub const BOM: char = '\u{feff}';

/// One field, quoted when it holds a comma, quote, line break or leading/trailing space.
/// A field that a spreadsheet would run as a formula (=, @, a tab or line break, or + and -
/// unless a plain number follows: "-3.2" and "-3.2%" stay numbers, "+86 12345" and "-5%下降"
/// are text) is prefixed with an apostrophe: payload text must never become a formula.
pub fn csv_field(field: &str) -> String {
    let plain_number = |rest: &str| {
        let digits = rest.strip_suffix('%').unwrap_or(rest);
        !digits.is_empty()
            && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            && digits.matches('.').count() <= 1
    };
    let formula = match field.as_bytes().first() {
        Some(b'=' | b'@') => true,
        Some(b'+' | b'-') => !plain_number(&field[1..]),
        Some(b'\t' | b'\r' | b'\n') => true,
        _ => false,
    };
    let field = if formula { format!("'{field}") } else { field.to_string() };
    let quote = field.contains([',', '"', '\n', '\r']) || field.starts_with(' ') || field.ends_with(' ');
    if quote {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field
    }
}

/// A whole CSV document: the BOM, then one line per row, each ended by CRLF.
pub fn csv<R: AsRef<[String]>>(rows: &[R]) -> String {
    let mut out = String::new();
    out.push(BOM);
    for row in rows {
        for (i, field) in row.as_ref().iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(&csv_field(field));
        }
        out.push_str("\r\n");
    }
    out
}
