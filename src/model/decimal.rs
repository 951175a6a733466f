//! A figure exactly as the report wrote it: "6.0" keeps its trailing zero.

use serde::Serialize;
use std::fmt;

/// A finite decimal number that remembers its written form.
///
/// Reports state precision on purpose ("同比改善6.0%"); formatting works from the written
/// digits, and arithmetic (scales, percentages) from `value()`.
#[derive(Clone, Debug, PartialEq)]
pub struct Decimal {
    written: String,
    value: f64,
}

impl Decimal {
    /// Parses a plain decimal literal such as `-8.2`, `1813.4469` or `370`.
    /// Exponents, `NaN` and infinities are refused: reports never write them.
    pub fn parse(text: &str) -> Option<Decimal> {
        let t = text.trim();
        let digits = t.strip_prefix('-').unwrap_or(t);
        let mut parts = digits.splitn(2, '.');
        let int = parts.next().unwrap_or("");
        let frac = parts.next();
        let ok_int = !int.is_empty() && int.bytes().all(|b| b.is_ascii_digit());
        let ok_frac = frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()));
        if !ok_int || !ok_frac {
            return None;
        }
        // The value from the digits already checked above, without f64::from_str (core's
        // float parser and its tables cost ~14 KB gzip in the wasm). Exact (correctly rounded)
        // for up to 15 significant digits; beyond that within one unit in the last place.
        const POW10: [f64; 23] = [
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
            1e19, 1e20, 1e21, 1e22,
        ];
        let mut value = 0.0_f64;
        for b in int.bytes().chain(frac.unwrap_or("").bytes()) {
            value = value * 10.0 + f64::from(b - b'0');
        }
        let mut k = frac.map_or(0, str::len);
        while k > 0 {
            let step = k.min(22);
            value /= POW10[step];
            k -= step;
        }
        if t.starts_with('-') {
            value = -value;
        }
        value.is_finite().then(|| Decimal { written: t.to_string(), value })
    }

    /// Builds a decimal from a computed value, rounded to `decimals` places (at most 9).
    /// Integer arithmetic only: float formatting would cost the WebAssembly build kilobytes.
    pub fn from_f64(value: f64, decimals: usize) -> Decimal {
        let decimals = decimals.min(9) as u32;
        let scale = 10_i64.pow(decimals);
        let scaled = if value.is_finite() { (value * scale as f64).round() as i64 } else { 0 };
        let magnitude = scaled.unsigned_abs();
        let sign = if scaled < 0 { "-" } else { "" };
        let int = magnitude / scale as u64;
        let mut written = format!("{sign}{int}");
        if decimals > 0 {
            let frac = (magnitude % scale as u64).to_string();
            written.push('.');
            written.extend(std::iter::repeat_n('0', decimals as usize - frac.len()));
            written.push_str(&frac);
        }
        Decimal { value: scaled as f64 / scale as f64, written }
    }

    pub fn value(&self) -> f64 {
        self.value
    }

    /// The literal as written in the payload.
    pub fn written(&self) -> &str {
        &self.written
    }

    pub fn is_negative(&self) -> bool {
        self.value < 0.0
    }

    pub fn is_zero(&self) -> bool {
        self.value == 0.0
    }

    /// Number of digits after the decimal point as written.
    pub fn decimals(&self) -> usize {
        self.written.split_once('.').map_or(0, |(_, f)| f.len())
    }

    /// The same digits without the sign.
    pub fn abs(&self) -> Decimal {
        match self.written.strip_prefix('-') {
            Some(rest) => Decimal { written: rest.to_string(), value: -self.value },
            None => self.clone(),
        }
    }

    /// Splits into (integer digits, fraction digits) of the absolute value.
    pub fn digits(&self) -> (&str, &str) {
        let unsigned = self.written.strip_prefix('-').unwrap_or(&self.written);
        unsigned.split_once('.').unwrap_or((unsigned, ""))
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.written)
    }
}

impl Serialize for Decimal {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // serde_json's arbitrary precision: the literal goes out exactly as it came in.
        let number: serde_json::Number = self.written.parse().map_err(serde::ser::Error::custom)?;
        number.serialize(s)
    }
}

impl schemars::JsonSchema for Decimal {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Decimal".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "number",
            "description": "A number exactly as the report writes it (6.0 keeps its trailing zero); no exponent."
        })
    }
}
