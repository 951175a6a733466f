//! Tables copied from a spreadsheet (tab-separated on the clipboard) or saved as `.csv`:
//! quoted cells (with delimiters, quotes and line breaks inside), `\r\n` or `\n` line ends.

/// The delimiter of a table's text: a tab if the first line has one (what Excel and WPS put
/// on the clipboard), else `;` if it has more of those than commas (European Excel), else `,`.
pub fn detect_delimiter(text: &str) -> char {
    let first = text.trim_start_matches('\u{feff}').lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    if first.contains('\t') {
        '\t'
    } else if first.matches(';').count() > first.matches(',').count() {
        ';'
    } else {
        ','
    }
}

/// A table read from text: its rows, and the line of the text each row starts on (1-based,
/// blank lines counted), for notes that point at the line the person sees.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub rows: Vec<Vec<String>>,
    pub lines: Vec<usize>,
}

/// Splits delimited text into rows of cells. Quotes follow RFC 4180 (`""` inside a quoted
/// cell is one quote), but only where a cell is quoted that way from start to end: a cell that
/// merely starts with a quote (`"十四五"规划`, or one left open) is kept as written, since a
/// spreadsheet would have quoted it whole (`"""十四五""规划"`). Blank rows are dropped; rows are
/// padded to the widest one.
pub fn parse(text: &str, delimiter: char) -> Table {
    let chars: Vec<char> = text.trim_start_matches('\u{feff}').chars().collect();
    let mut table = Table::default();
    let mut row = Vec::new();
    let mut cell = String::new();
    let (mut line, mut row_line) = (1, 1);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '"' && cell.trim().is_empty() {
            if let Some((content, used)) = quoted_cell(&chars[i + 1..], delimiter) {
                line += line_breaks(&content);
                cell = content;
                i += 1 + used;
                continue;
            }
        }
        match c {
            c if c == delimiter => row.push(std::mem::take(&mut cell)),
            '\r' | '\n' => {
                if c == '\r' && chars.get(i + 1) == Some(&'\n') {
                    i += 1;
                }
                row.push(std::mem::take(&mut cell));
                table.rows.push(std::mem::take(&mut row));
                table.lines.push(row_line);
                line += 1;
                row_line = line;
            }
            _ => cell.push(c),
        }
        i += 1;
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        table.rows.push(row);
        table.lines.push(row_line);
    }
    let blank: Vec<bool> = table.rows.iter().map(|r| r.iter().all(|c| c.trim().is_empty())).collect();
    let mut is_blank = blank.iter();
    table.lines.retain(|_| !is_blank.next().copied().unwrap_or(false));
    table.rows.retain(|r| r.iter().any(|c| !c.trim().is_empty()));
    let width = table.rows.iter().map(Vec::len).max().unwrap_or(0);
    for r in &mut table.rows {
        r.resize(width, String::new());
    }
    table
}

/// The content of a quoted cell whose opening quote was just before `rest`, and how many
/// characters it used (to its closing quote and any spaces after it), if the cell is quoted
/// whole: the closing quote is followed by the delimiter, a line end or the end of the text.
/// (Each look ends at the next lone quote, so a paste full of stray quotes stays linear.)
fn quoted_cell(rest: &[char], delimiter: char) -> Option<(String, usize)> {
    let mut content = String::new();
    let mut i = 0;
    while i < rest.len() {
        match rest[i] {
            '"' if rest.get(i + 1) == Some(&'"') => {
                content.push('"');
                i += 2;
            }
            '"' => {
                let mut end = i + 1;
                while rest.get(end).is_some_and(|&c| c == ' ') {
                    end += 1;
                }
                return match rest.get(end) {
                    None => Some((content, end)),
                    Some(&c) if c == delimiter || c == '\r' || c == '\n' => Some((content, end)),
                    Some(_) => None,
                };
            }
            c => {
                content.push(c);
                i += 1;
            }
        }
    }
    None
}

/// How many line breaks (`\r\n`, `\n` or a lone `\r`) `s` holds.
fn line_breaks(s: &str) -> usize {
    s.matches('\n').count() + s.matches('\r').count() - s.matches("\r\n").count()
}
