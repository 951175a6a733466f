//! The JSON reader the validator decodes from: numbers kept exactly as written ("6.0" stays
//! "6.0"), line and column for syntax errors, a nesting limit. Hand-written because serde_json
//! with its `Value` tree cost the widget's wasm about 9 KB gzip (BENCHMARKS.md); serde_json
//! stays for everything native and for the editor, whose values convert with `From`.

/// A parsed JSON value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// A number, exactly as written in the text.
    Number(String),
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

/// An object's members in the order written. The reader refuses a key written twice in one
/// object; a map converted from serde_json's has none either.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Map(Vec<(String, Value)>);

impl Map {
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Every key once, in sorted order (so problems about them come in a stable order).
    pub fn keys(&self) -> Vec<&str> {
        let mut keys: Vec<&str> = self.0.iter().map(|(k, _)| k.as_str()).collect();
        keys.sort_unstable();
        keys.dedup();
        keys
    }
}

impl Value {
    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(map) => map.get(key),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// A whole number written without fraction or exponent that fits a `u64`.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) => n.parse().ok(),
            _ => None,
        }
    }

    /// A whole number written without fraction or exponent that fits an `i64`.
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Number(n) => n.parse().ok(),
            _ => None,
        }
    }
}

impl From<&serde_json::Value> for Value {
    /// serde_json with `arbitrary_precision` keeps number text too, so nothing changes.
    fn from(v: &serde_json::Value) -> Value {
        match v {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(*b),
            serde_json::Value::Number(n) => Value::Number(n.to_string()),
            serde_json::Value::String(s) => Value::String(s.clone()),
            serde_json::Value::Array(items) => Value::Array(items.iter().map(Value::from).collect()),
            serde_json::Value::Object(map) => {
                Value::Object(Map(map.iter().map(|(k, v)| (k.clone(), Value::from(v))).collect()))
            }
        }
    }
}

/// The most keys one object may have.
pub const MAX_KEYS: usize = 256;
const TOO_MANY_KEYS: &str = "too many keys in one object";

/// The message for a key written twice in one object: its start, the key quoted, its end.
const DUPLICATE_KEY: &str = "duplicate key ";
#[cfg(feature = "messages")]
const DUPLICATE_KEY_END: &str = " in one object: only one of the two would be read, remove the other";

/// Deeper nesting is refused: recursion on a deeply nested text would exhaust the stack.
pub const MAX_DEPTH: usize = 128;

/// Where and why the text is not JSON. Line and column count from 1; the column counts
/// characters, as editors do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
    pub message: String,
    /// The likely mistake behind it, where the character at the error is one people type
    /// when they write JSON by hand.
    pub hint: Hint,
}

/// The likely mistake behind a syntax error, in Chinese and English (see [`hint`]). Empty
/// without the `messages` feature: the widget's own wasm leaves messages to the on-demand
/// module, which reads the text again with them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Hint(#[cfg(feature = "messages")] pub Option<(String, String)>);

impl Hint {
    /// The hint in Chinese and in English, if there is one.
    pub fn get(&self) -> Option<(&str, &str)> {
        #[cfg(feature = "messages")]
        return self.0.as_ref().map(|(zh, en)| (zh.as_str(), en.as_str()));
        #[cfg(not(feature = "messages"))]
        None
    }
}

impl SyntaxError {
    /// What went wrong, in Chinese and in English: the likely mistake where there is one (in
    /// English after the reader's message), else the reader's message.
    #[cfg(feature = "messages")]
    pub fn described(&self) -> (String, String) {
        describe(&self.message, &self.hint)
    }
}

/// [`SyntaxError::described`] for a message and its hint.
#[cfg(feature = "messages")]
pub fn describe(message: &str, hint: &Hint) -> (String, String) {
    match hint.get() {
        Some((zh, en)) => (zh.to_string(), format!("{message}: {en}")),
        None => (message_zh(message), message.to_string()),
    }
}

/// The reader's message (`SyntaxError::message`, in English like serde_json's) in Chinese.
#[cfg(feature = "messages")]
pub fn message_zh(message: &str) -> String {
    if let Some(key) = message.strip_prefix(DUPLICATE_KEY).and_then(|m| m.strip_suffix(DUPLICATE_KEY_END)) {
        return format!("同一个对象里字段名 {key} 写了两次：只会读取其中一个，请删去多余的一个");
    }
    let zh = match message.strip_prefix("EOF while parsing: ").unwrap_or(message) {
        "expected value" => "此处应为一个值（数字、带双引号的文字、true、false、null、对象 {} 或数组 []）",
        "key must be a string" => "此处应为带双引号的字段名",
        "expected `:`" => "字段名后面应为冒号 :",
        "expected `,` or `}`" => "此处应为逗号 , 或右花括号 }",
        "expected `,` or `]`" => "此处应为逗号 , 或右方括号 ]",
        "EOF while parsing a value" => "文本在此结束，还缺少一个值",
        "EOF while parsing an object" => "文本在对象结束之前就结束了（缺少右花括号 }）",
        "EOF while parsing a list" => "文本在数组结束之前就结束了（缺少右方括号 ]）",
        "EOF while parsing a string" => "文字缺少结尾的双引号",
        "trailing characters" => "数据结束后还有多余的字符",
        "invalid number" => "数字的写法有误",
        "recursion limit exceeded" => "嵌套层数过多",
        TOO_MANY_KEYS => "同一个对象里的字段过多（超过 256 个）：本格式的对象最多只有十几个字段",
        "invalid escape" => "无效的转义（反斜杠 \\ 后的字符）",
        "invalid unicode code point"
        | "lone leading surrogate in hex escape"
        | "lone trailing surrogate in hex escape" => "无效的 Unicode 转义（\\u 后的编码）",
        m if m.starts_with("control character") => "文字中有控制字符（如直接换行），换行请写成 \\n",
        other => return other.to_string(),
    };
    if message.starts_with("EOF while parsing: ") {
        format!("文本在此结束：{zh}")
    } else {
        zh.to_string()
    }
}

/// The line (1-based) of a comma after the last item, when the text from an error on (`after`)
/// starts with the bracket that follows it: the error's own place is that bracket.
pub fn trailing_comma_line(before: &str, after: &str) -> Option<usize> {
    let before = before.trim_end();
    (after.starts_with(['}', ']']) && before.ends_with(',')).then(|| before.matches('\n').count() + 1)
}

/// What a character that breaks JSON most likely means, in Chinese and English: the mistakes
/// of people who write or paste JSON by hand in a Chinese word processor, input method or CMS.
/// `before` is the text before the character, `after` the text from it on.
#[cfg(feature = "messages")]
pub fn hint(before: &str, after: &str) -> Option<(String, String)> {
    let found = after.chars().next()?;
    let hint = |zh: &str, en: &str| Some((zh.to_string(), en.to_string()));
    let ascii = match found {
        '，' => Some(','),
        '：' => Some(':'),
        '｛' => Some('{'),
        '｝' => Some('}'),
        '［' | '【' => Some('['),
        '］' | '】' => Some(']'),
        '\u{3000}' => Some(' '),
        _ => None,
    };
    if let Some(ascii) = ascii {
        let (zh_name, en_name) = if ascii == ' ' {
            ("全角空格".to_string(), "space".to_string())
        } else {
            (format!("“{ascii}”"), format!("\"{ascii}\""))
        };
        return Some((
            format!("“{found}”是全角字符（中文输入法），JSON 需要半角的{zh_name}"),
            format!("\"{found}\" is a full-width character (Chinese input method); JSON needs the ASCII {en_name}"),
        ));
    }
    // Placed at the bracket, as the widget places it (the same place in every build); the comma,
    // often at the end of the line above, is named by its line.
    if let Some(line) = trailing_comma_line(before, after) {
        return if before.matches('\n').count() + 1 == line {
            hint(
                "最后一项后面多了一个逗号：请删去 } 或 ] 前面的逗号",
                "a comma after the last item: remove the comma before the } or ]",
            )
        } else {
            Some((
                format!("最后一项后面多了一个逗号（在第 {line} 行末尾）：请删去 }} 或 ] 前面的逗号"),
                format!("a comma after the last item (at the end of line {line}): remove the comma before the }} or ]"),
            ))
        };
    }
    let last = before.chars().next_back();
    match found {
        // `"date": "2023-02-28”,`: the text never ends, and the line break is where it fails
        // (placed on the next line after a `\n`, on its own line at a Windows `\r`).
        '\n' | '\r' if before.rsplit('\n').next().is_some_and(|line| line.contains(['”', '“'])) => {
            let (zh, en) = if found == '\n' { ("上一行", "the line above") } else { ("这一行", "this line") };
            Some((
                format!("{zh}的文字没有用英文双引号 \" 结尾：行中的“”是中文引号（从 Word、WPS 复制的文字常有），文字因此一直延续到行尾"),
                format!("the text on {en} does not end with a straight double quote \": the one there is a typographic quote, so the text runs on past the end of the line"),
            ))
        }
        // `3,056`: the comma ends the number, and the digits after it cannot start a key.
        '0'..='9' if before.trim_end().strip_suffix(',').is_some_and(|b| b.ends_with(|c: char| c.is_ascii_digit())) => {
            hint(
                "JSON 的数字不带千位分隔符：3,056 请写成 3056",
                "JSON numbers have no thousands separators: write 3,056 as 3056",
            )
        }
        '+' => hint("JSON 的数字前不带加号：+12.5 请写成 12.5", "JSON numbers take no plus sign: write +12.5 as 12.5"),
        '０'..='９' => hint(
            "这是全角数字（中文输入法）：JSON 需要半角数字 0–9",
            "these are full-width digits (Chinese input method); JSON needs the ASCII digits 0–9",
        ),
        '“' | '”' | '‘' | '’' => hint(
            "这是中文引号，JSON 的键和文字要用英文双引号 \"（从 Word、WPS 复制的文字常有中文引号）",
            "this is a typographic quote; JSON keys and strings take the straight double quote \" (text copied from Word or WPS often has typographic quotes)",
        ),
        '\'' => hint("JSON 的键和文字要用双引号 \"，不能用单引号 '", "JSON keys and strings take double quotes \", not single quotes '"),
        '&' if ["&quot;", "&#34;", "&amp;", "&lt;", "&gt;"].iter().any(|e| after.starts_with(e)) => hint(
            "这是 HTML 实体（如 &quot;）：页面或内容管理系统把数据转义了；JSON 里的引号等字符要保持原样",
            "this is an HTML entity (such as &quot;): the page or the CMS escaped the payload; JSON needs its quotes and other characters as they are",
        ),
        '/' if after.starts_with("//") || after.starts_with("/*") => hint("JSON 不允许注释", "JSON has no comments"),
        // What a CMS's rich-text editor does to pasted code, all invisible in its editing view.
        '\u{a0}' => hint(
            "这里有一个不换行空格（&nbsp;，网页编辑器常把缩进的空格换成它）：看不见，但 JSON 不接受；请在编辑器的源代码（HTML）模式下粘贴，或换成普通空格",
            "this is a non-breaking space (&nbsp;, which web editors put in place of indenting spaces): invisible, but JSON does not accept it; paste the payload in the editor's source (HTML) mode, or use plain spaces",
        ),
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' => Some((
            format!("这里有一个看不见的零宽字符（U+{:04X}）：请删去它（在编辑器的源代码模式下粘贴数据）", found as u32),
            format!("an invisible zero-width character (U+{:04X}) is here: delete it (paste the payload in the editor's source mode)", found as u32),
        )),
        '<' if after[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/') => hint(
            "这是 HTML 标签（如 <p>、<br>）：内容管理系统在数据里加了标签；请在编辑器的源代码（HTML）模式下粘贴，或改用 data-src 引用 .json 文件",
            "this is an HTML tag (such as <p> or <br>): the CMS added markup to the payload; paste it in the editor's source (HTML) mode, or use data-src with a .json file",
        ),
        // `"value": 98.5%`, `4.5天`, `5020余`: a figure written as the report writes it.
        c if last.is_some_and(|l| l.is_ascii_digit()) && c.is_alphanumeric() && !c.is_ascii() || c == '%' => hint(
            "数字后面不能直接跟单位或文字：数字单独写（98.5），单位写在 unit 里，“余”“超过”等写在 qualifier 里",
            "a number cannot be followed by a unit or a word: write the number alone (98.5), its unit in \"unit\", a hedge such as 余 in \"qualifier\"",
        ),
        // `"他说"好""`: a straight quote inside a text ends it early.
        c if last == Some('"') && c.is_alphanumeric() && !c.is_ascii() => hint(
            "文字里的英文双引号 \" 会提前结束这段文字：请写成 \\\"，或改用中文引号“”",
            "a straight double quote \" inside a text ends it early: write it as \\\", or use typographic quotes “”",
        ),
        _ => None,
    }
}

/// Why a text ends too soon: a file cut short, or, most often in a page, a payload written
/// into an inline `<script>` with a `</script>` in one of its texts, where the browser ends
/// the script element (and shows the rest of the payload as page text).
#[cfg(feature = "messages")]
fn cut_short(message: &str) -> (String, String) {
    (
        format!(
            "{}。文件可能不完整；若数据直接写在网页的 <script> 里，数据中的“</script>”会让脚本提前结束：请写成“<\\/script>”（report-widget prerender 生成的代码片段已处理）",
            message_zh(message)
        ),
        "the file may be cut short; if the payload is written into the page inside a <script>, a \"</script>\" in it ends the script early: write \"<\\/script>\" instead (snippets made by report-widget prerender already do)".to_string(),
    )
}

/// Parses one JSON value (surrounded by optional whitespace) from `text`.
pub fn parse(text: &str) -> Result<Value, SyntaxError> {
    let mut p = Parser { text, at: 0, depth: 0 };
    let value = p.value()?;
    p.skip_space();
    if p.at < text.len() {
        p.bump();
        return Err(p.error("trailing characters"));
    }
    Ok(value)
}

struct Parser<'t> {
    text: &'t str,
    /// Byte offset of the next character.
    at: usize,
    depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    /// Consumes one character (a whole UTF-8 sequence).
    fn bump(&mut self) {
        if let Some(c) = self.text[self.at..].chars().next() {
            self.at += c.len_utf8();
        }
    }

    /// An error at the last character consumed (or the start of its line at the very start),
    /// with a hint about that character.
    fn error(&self, message: &str) -> SyntaxError {
        let error = self.eof(message);
        #[cfg(feature = "messages")]
        let error = {
            let at = self.text[..self.at].chars().next_back().map_or(0, |last| self.at - last.len_utf8());
            SyntaxError { hint: Hint(hint(&self.text[..at], &self.text[at..])), ..error }
        };
        error
    }

    /// An error where the text ends too soon: at its last character. (Also the place of
    /// [`Parser::error`], which gives its own hint.)
    fn eof(&self, message: &str) -> SyntaxError {
        let before = &self.text[..self.at];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count().max(1);
        #[cfg(feature = "messages")]
        let hint = Hint(message.starts_with("EOF").then(|| {
            if self.text.trim().is_empty() {
                (
                    "数据是空的：文件或 <script> 里没有内容".to_string(),
                    "the payload is empty: the file or the <script> holds nothing".to_string(),
                )
            } else {
                cut_short(message)
            }
        }));
        // The widget's own wasm keeps the words of neither: the on-demand module reads the
        // text again with them (and without it, the error's place is what the reader gets).
        #[cfg(not(feature = "messages"))]
        let (hint, message) = (Hint::default(), {
            let _ = message;
            ""
        });
        SyntaxError { line, column, message: message.to_string(), hint }
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// Consumes `c` after optional whitespace, or fails with `message`.
    fn expect(&mut self, c: u8, message: &str) -> Result<(), SyntaxError> {
        self.skip_space();
        match self.peek() {
            Some(b) if b == c => {
                self.at += 1;
                Ok(())
            }
            Some(_) => {
                self.bump();
                Err(self.error(message))
            }
            #[cfg(feature = "messages")]
            None => Err(self.eof(&format!("EOF while parsing: {message}"))),
            #[cfg(not(feature = "messages"))]
            None => Err(self.eof(message)),
        }
    }

    fn value(&mut self) -> Result<Value, SyntaxError> {
        self.skip_space();
        let Some(c) = self.peek() else { return Err(self.eof("EOF while parsing a value")) };
        match c {
            b'{' => self.nested(Parser::object),
            b'[' => self.nested(Parser::array),
            b'"' => self.string().map(Value::String),
            b't' => self.literal("true", Value::Bool(true)),
            b'f' => self.literal("false", Value::Bool(false)),
            b'n' => self.literal("null", Value::Null),
            b'-' | b'0'..=b'9' => self.number(),
            _ => {
                self.bump();
                Err(self.error("expected value"))
            }
        }
    }

    fn nested(&mut self, inner: fn(&mut Self) -> Result<Value, SyntaxError>) -> Result<Value, SyntaxError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.bump();
            return Err(self.error("recursion limit exceeded"));
        }
        let value = inner(self);
        self.depth -= 1;
        value
    }

    fn object(&mut self) -> Result<Value, SyntaxError> {
        self.at += 1; // {
        let mut members = Vec::new();
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Value::Object(Map(members)));
        }
        loop {
            self.skip_space();
            match self.peek() {
                Some(b'"') => {}
                Some(_) => {
                    self.bump();
                    return Err(self.error("key must be a string"));
                }
                None => return Err(self.eof("EOF while parsing an object")),
            }
            let start = self.at;
            // No object of the format has more than a dozen fields: a limit keeps the check
            // below linear in the payload's size (against every key before, an object of 50,000
            // keys took 8 s).
            if members.len() == MAX_KEYS {
                self.bump();
                return Err(self.error(TOO_MANY_KEYS));
            }
            let key = self.string()?;
            // Browsers and serde_json keep the last of two equal keys: the first (a figure, a
            // hedge, or every section) would be lost without a word. Said at its opening quote.
            if members.iter().any(|(k, _)| *k == key) {
                self.at = start + 1;
                #[cfg(feature = "messages")]
                return Err(self.error(&format!("{DUPLICATE_KEY}{key:?}{DUPLICATE_KEY_END}")));
                #[cfg(not(feature = "messages"))]
                return Err(self.error(DUPLICATE_KEY));
            }
            self.expect(b':', "expected `:`")?;
            let value = self.value()?;
            members.push((key, value));
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Value::Object(Map(members)));
                }
                Some(_) => {
                    self.bump();
                    return Err(self.error("expected `,` or `}`"));
                }
                None => return Err(self.eof("EOF while parsing an object")),
            }
        }
    }

    fn array(&mut self) -> Result<Value, SyntaxError> {
        self.at += 1; // [
        let mut items = Vec::new();
        self.skip_space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value()?);
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Value::Array(items));
                }
                Some(_) => {
                    self.bump();
                    return Err(self.error("expected `,` or `]`"));
                }
                None => return Err(self.eof("EOF while parsing a list")),
            }
        }
    }

    fn literal(&mut self, word: &str, value: Value) -> Result<Value, SyntaxError> {
        if self.text[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(value)
        } else {
            self.bump();
            Err(self.error("expected value"))
        }
    }

    /// A number per the JSON grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
    fn number(&mut self) -> Result<Value, SyntaxError> {
        let start = self.at;
        let digits = |p: &mut Self| {
            let from = p.at;
            while matches!(p.peek(), Some(b'0'..=b'9')) {
                p.at += 1;
            }
            p.at > from
        };
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => {
                digits(self);
            }
            _ => {
                self.bump();
                return Err(self.error("invalid number"));
            }
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if !digits(self) {
                self.bump();
                return Err(self.error("invalid number"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if !digits(self) {
                self.bump();
                return Err(self.error("invalid number"));
            }
        }
        Ok(Value::Number(self.text[start..self.at].to_string()))
    }

    fn string(&mut self) -> Result<String, SyntaxError> {
        self.at += 1; // "
        let mut out = String::new();
        loop {
            // Copy the run of plain characters in one go.
            let rest = &self.text.as_bytes()[self.at..];
            let run = rest.iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20).unwrap_or(rest.len());
            out.push_str(&self.text[self.at..self.at + run]);
            self.at += run;
            match self.peek() {
                None => return Err(self.eof("EOF while parsing a string")),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    self.escape(&mut out)?;
                }
                Some(_) => {
                    self.bump();
                    return Err(self.error("control character (\\u0000-\\u001F) found while parsing a string"));
                }
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), SyntaxError> {
        let Some(c) = self.peek() else { return Err(self.eof("EOF while parsing a string")) };
        self.bump();
        match c {
            b'"' => out.push('"'),
            b'\\' => out.push('\\'),
            b'/' => out.push('/'),
            b'b' => out.push('\u{8}'),
            b'f' => out.push('\u{c}'),
            b'n' => out.push('\n'),
            b'r' => out.push('\r'),
            b't' => out.push('\t'),
            b'u' => {
                let first = self.hex4()?;
                let code = if (0xD800..0xDC00).contains(&first) {
                    // A high surrogate must be followed by an escaped low one.
                    if !self.text[self.at..].starts_with("\\u") {
                        return Err(self.error("lone leading surrogate in hex escape"));
                    }
                    self.at += 2;
                    let second = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&second) {
                        return Err(self.error("lone leading surrogate in hex escape"));
                    }
                    0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                } else if (0xDC00..0xE000).contains(&first) {
                    return Err(self.error("lone trailing surrogate in hex escape"));
                } else {
                    first
                };
                out.push(char::from_u32(code).ok_or_else(|| self.error("invalid unicode code point"))?);
            }
            _ => return Err(self.error("invalid escape")),
        }
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let mut code = 0;
        for _ in 0..4 {
            let Some(c) = self.peek() else { return Err(self.eof("EOF while parsing a string")) };
            self.bump();
            let digit = (c as char).to_digit(16).ok_or_else(|| self.error("invalid escape"))?;
            code = code * 16 + digit;
        }
        Ok(code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_their_text() {
        let v = parse(r#"{"a": 6.0, "b": -0.50, "c": 1e3, "d": 12}"#).unwrap();
        assert_eq!(v.get("a"), Some(&Value::Number("6.0".into())));
        assert_eq!(v.get("b"), Some(&Value::Number("-0.50".into())));
        assert_eq!(v.get("c"), Some(&Value::Number("1e3".into())));
        assert_eq!(v.get("d").and_then(Value::as_u64), Some(12));
        assert_eq!(v.get("a").and_then(Value::as_u64), None, "6.0 is not written as a whole number");
    }

    #[test]
    fn strings_unescape_and_a_key_written_twice_is_refused_at_its_second_place() {
        let v = parse(r#"{"k": 1, "b": [], "a": {"k": 2}}"#).unwrap();
        let Value::Object(m) = &v else { panic!() };
        assert_eq!(m.keys(), ["a", "b", "k"], "the same key in another object is another key");
        // Browsers and serde_json would keep the last: 47.3 where the report says 4.73.
        let e = parse("{\n  \"value\": 4.73,\n  \"value\": 47.3\n}").unwrap_err();
        assert_eq!((e.line, e.column), (3, 3), "at the second key's opening quote");
        #[cfg(feature = "messages")]
        {
            let (zh, en) = e.described();
            assert!(en.starts_with("duplicate key \"value\" in one object"), "{en}");
            assert!(zh.contains("字段名 \"value\" 写了两次"), "{zh}");
        }
        // The first key written again, of many, and a key with a line break quoted as JSON would.
        let e = parse("{\"a\": 1, \"b\": 2, \"c\": 3, \"b\": 4, \"a\": 5}").unwrap_err();
        assert_eq!(e.column, 26);
        #[cfg(feature = "messages")]
        assert!(parse("{\"a\\nb\": 1, \"a\\nb\": 2}")
            .unwrap_err()
            .described()
            .1
            .starts_with("duplicate key \"a\\nb\""));
        // An object has at most MAX_KEYS keys, which keeps the check linear in the text's size
        // (an object of 50,000 keys took 8 s): the first key over is refused.
        let keys = |n: usize| (0..n).map(|i| format!("\"k{i}\": 0")).collect::<Vec<_>>().join(", ");
        assert!(parse(&format!("{{{}}}", keys(MAX_KEYS))).is_ok());
        let e = parse(&format!("{{{}}}", keys(MAX_KEYS + 1))).unwrap_err();
        assert_eq!(e.message, TOO_MANY_KEYS);
        let first = parse(r#""a\"b\\\/\n\u00e9\ud83d\ude00兰""#).unwrap();
        assert_eq!(first, Value::String("a\"b\\/\né😀兰".into()));
    }

    #[test]
    fn agrees_with_serde_json_on_what_is_json() {
        let cases = [
            "",
            " ",
            "{",
            "}",
            "[1,]",
            "[1 2]",
            "{\"a\" 1}",
            "{\"a\":}",
            "{a:1}",
            "01",
            "1.",
            ".5",
            "-",
            "1e",
            "1e+",
            "tru",
            "nul",
            "\"\\x\"",
            "\"\\u12\"",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"a\nb\"",
            "[] []",
            "{} x",
            "\"unterminated",
            "[1, [2, [3]]]",
            "{\"a\": {\"b\": [true, false, null]}}",
            "-0",
            "0.5e-3",
            "\"\\ud83d\\ude00\"",
            " 7 ",
        ];
        for text in cases {
            let ours = parse(text);
            let theirs = serde_json::from_str::<serde_json::Value>(text);
            assert_eq!(ours.is_ok(), theirs.is_ok(), "{text:?}: ours {ours:?}, serde_json {theirs:?}");
            if let (Ok(ours), Ok(theirs)) = (ours, theirs) {
                assert_eq!(ours, Value::from(&theirs), "{text:?}");
            }
        }
    }

    #[test]
    fn errors_point_at_the_line_and_column() {
        let e = parse("{\n  \"a\": 1,\n  \"b\" 2\n}").unwrap_err();
        assert_eq!((e.line, e.column, e.message.as_str()), (3, 7, "expected `:`"));
        let e = parse("{\n  \"schema\": \"x\",\n  \"meta\": {\n}").unwrap_err();
        assert_eq!((e.line, e.column), (4, 1));
        let e = parse("[\"兰山区\" 1]").unwrap_err();
        assert_eq!((e.line, e.column), (1, 8), "columns count characters");
        // A comma after the last item: at the bracket, in every build; the message names the
        // comma's line where it is another.
        let e = parse("{\n  \"a\": 1,\n}").unwrap_err();
        assert_eq!((e.line, e.column), (3, 1));
        let e = parse("[\"兰山\", 2,  ]").unwrap_err();
        assert_eq!((e.line, e.column), (1, 12));
    }

    #[test]
    fn mistakes_of_hand_written_json_get_a_hint_in_both_languages() {
        let hint_of = |text: &str| parse(text).unwrap_err().hint.0.expect(text);
        let cases = [
            ("{\"a\": “x”}", "中文引号", "typographic quote"),
            ("{“a”: 1}", "中文引号", "typographic quote"),
            ("{'a': 1}", "单引号", "single quotes"),
            ("{\"a\": 1， \"b\": 2}", "“，”是全角字符", "\"，\" is a full-width character"),
            ("{\"a\"： 1}", "半角的“:”", "the ASCII \":\""),
            ("{\u{3000}\"a\": 1}", "全角空格", "ASCII space"),
            ("{\"a\": [1, 2, ], \"b\": 1}", "多了一个逗号", "a comma after the last item"),
            (
                "{\"a\": 1,\n}",
                "多了一个逗号（在第 1 行末尾）：请删去 } 或 ]",
                "a comma after the last item (at the end of line 1): remove the comma before the } or ]",
            ),
            ("{&quot;a&quot;: 1}", "HTML 实体", "HTML entity"),
            ("{\n  // note\n  \"a\": 1}", "注释", "no comments"),
            // What a CMS's rich-text editor does to a pasted inline payload.
            ("{\n\u{a0}\u{a0}\"a\": 1}", "不换行空格", "non-breaking space"),
            ("{\u{200b}\"a\": 1}", "零宽字符（U+200B）", "zero-width character (U+200B)"),
            ("<p>{\"a\": 1}</p>", "HTML 标签", "HTML tag"),
            ("{\"a\": 1,<br />\n\"b\": 2}", "HTML 标签", "HTML tag"),
            ("", "数据是空的", "the payload is empty"),
            (" \n ", "数据是空的", "the payload is empty"),
            // A figure as the report writes it, and other ways numbers are written by hand.
            ("{\"date\": \"2023-02-28”,\n  \"a\": 1}", "上一行的文字没有用英文双引号", "line above does not end"),
            ("{\"value\": 98.5%}", "单位写在 unit 里", "its unit in \"unit\""),
            ("{\"value\": 4.5天}", "单位写在 unit 里", "a hedge such as 余"),
            ("{\"value\": 5020余}", "qualifier", "qualifier"),
            ("{\"value\": 3,056}", "千位分隔符", "no thousands separators"),
            ("{\"value\": +3056}", "不带加号", "no plus sign"),
            ("{\"value\": ３０５６}", "全角数字", "full-width digits"),
            ("{\"rows\": 【1】}", "全角字符", "full-width character"),
            ("{\"a\": \"他说\"好\"\"}", "提前结束", "ends it early"),
            ("{\r\n\"date\": \"2023-02-28”,\r\n\"a\": 1}", "这一行的文字", "on this line"),
            // The invisible characters keep their own hints after a number or a text.
            ("{\"value\": 98.5\u{200b}}", "零宽字符", "zero-width"),
            ("{\"a\"\u{a0}: 1}", "不换行空格", "non-breaking space"),
        ];
        for (text, zh, en) in cases {
            let (hint_zh, hint_en) = hint_of(text);
            assert!(hint_zh.contains(zh) && hint_en.contains(en), "{text:?}: {hint_zh} / {hint_en}");
        }
        // Valid places for the same characters, and other errors, get none.
        assert!(parse("{\"a\": \"他说“好”，‘行’'\"}").is_ok());
        for text in ["{\"a\" 1}", "[1 2]", "{\"a\": tru}"] {
            assert_eq!(parse(text).unwrap_err().hint, Hint::default(), "{text:?}");
        }
        // A text that ends too soon: cut short, or a payload in a page cut at a `</script>`
        // in one of its texts.
        let page = "<script type=\"application/json\">{\"a\": \"see <b>x</b></script>\"}</script>";
        let cut = &page[page.find('>').unwrap() + 1..page.find("</script>").unwrap()];
        for text in ["{\"a\": [1, 2", cut] {
            let (zh, en) = hint_of(text);
            assert!(zh.contains("“</script>”") && zh.contains("<\\/script>"), "{text:?}: {zh}");
            assert!(en.contains("cut short") && en.contains("\"<\\/script>\""), "{text:?}: {en}");
        }
        assert!(hint_of(cut).0.starts_with("文字缺少结尾的双引号。"), "the reader's own message comes first");
    }

    #[test]
    fn every_message_of_the_reader_has_a_chinese_text() {
        let texts = [
            "",
            "{",
            "[1,",
            "{\"a\"",
            "{\"a\" 1}",
            "[1 2]",
            "{\"a\": 1 \"b\"}",
            "\"abc",
            "{} x",
            "01",
            "-",
            "\"\\x\"",
            "\"\\ud800\"",
            "\"a\nb\"",
            "x",
        ];
        for text in texts {
            let e = parse(text).unwrap_err();
            let zh = message_zh(&e.message);
            assert!(zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{text:?}: {} → {zh}", e.message);
        }
        assert_eq!(message_zh("a message it does not know"), "a message it does not know", "given back as it is");
        let deep = parse(&"[".repeat(200)).unwrap_err();
        assert_eq!(message_zh(&deep.message), "嵌套层数过多");
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = "[".repeat(100_000);
        assert_eq!(parse(&deep).unwrap_err().message, "recursion limit exceeded");
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
    }
}
