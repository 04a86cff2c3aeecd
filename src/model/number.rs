//! Exact numbers: money, counts and ratios as `rust_decimal::Decimal`.
//!
//! A value in a plan file is a YAML number (`10_000_000`, `0.25`, `1.0e7`) or,
//! for ratios, a percent string (`"25 %"`, `"25%"`, `"12,5 %"`). Numbers reach
//! these types as their exact source text, never through `f64`.

use rust_decimal::Decimal;
use serde::de::{self, Deserializer, Visitor};
use std::fmt;
use std::str::FromStr;

/// Parse a number's text exactly. `None` when it is not a number or is beyond
/// what a `Decimal` holds (about ±7.9 × 10²⁸).
pub fn parse_decimal(text: &str) -> Option<Decimal> {
    let t = text.trim();
    if t.contains(['e', 'E']) {
        Decimal::from_scientific(t).ok()
    } else {
        Decimal::from_str_exact(t)
            .ok()
            .or_else(|| Decimal::from_str(t).ok())
    }
}

/// A value whose kind (money, count, ratio) depends on its metric: a plain
/// number, or a percent string that was divided by 100.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quantity {
    pub value: Decimal,
    /// Written as a percent string (`"25 %"`).
    pub percent: bool,
}

/// The largest magnitude a plan value may have: 10¹⁵ (a thousand billion
/// kroner is far beyond any sales plan, and keeps every product the rules
/// compute within what a `Decimal` holds).
pub const MAX_MAGNITUDE: i64 = 1_000_000_000_000_000;
/// Values are kept to this many decimals.
pub const MAX_DECIMALS: u32 = 10;

/// A plan value within the limits, or why not.
pub fn bounded(value: Decimal, text: &str) -> Result<Decimal, String> {
    if value.abs() > Decimal::from(MAX_MAGNITUDE) {
        return Err(format!(
            "number {} is too large: plan values lie within ±10^15",
            text.trim()
        ));
    }
    Ok(value.round_dp(MAX_DECIMALS))
}

impl Quantity {
    /// Whether this can stand as a ratio: a percent string, or a number no
    /// larger than 1 (`25` is the `ratio` rule's error, not 2 500 %).
    pub fn fits_ratio(self) -> bool {
        self.percent || self.value <= Decimal::ONE
    }

    pub fn parse(text: &str) -> Result<Self, String> {
        let t = text.trim();
        if let Some(num) = t.strip_suffix('%') {
            let num = num.trim().replace(',', ".");
            let value = parse_decimal(&num)
                .ok_or_else(|| format!("`{text}` is not a percent like \"25 %\""))?;
            let value = value / Decimal::ONE_HUNDRED;
            if value.abs() > Decimal::TEN {
                return Err(format!(
                    "{} is too large: a percent lies within ±1000 %",
                    text.trim()
                ));
            }
            return Ok(Self {
                value: bounded(value, text)?,
                percent: true,
            });
        }
        match parse_decimal(t) {
            Some(value) => Ok(Self {
                value: bounded(value, text)?,
                percent: false,
            }),
            None if looks_numeric(t) => Err(format!(
                "number {t} is too large: plan values lie within ±10^15"
            )),
            None => Err(format!(
                "`{text}` is not a number (or a percent string like \"25 %\")"
            )),
        }
    }
}

fn looks_numeric(t: &str) -> bool {
    !t.is_empty()
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | '+' | '.' | 'e' | 'E'))
}

struct QuantityVisitor;

impl Visitor<'_> for QuantityVisitor {
    type Value = Quantity;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number or a percent string like \"25 %\"")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Quantity, E> {
        Quantity::parse(v).map_err(E::custom)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Quantity, E> {
        Ok(Quantity {
            value: Decimal::from(v),
            percent: false,
        })
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Quantity, E> {
        Ok(Quantity {
            value: Decimal::from(v),
            percent: false,
        })
    }
}

impl<'de> serde::Deserialize<'de> for Quantity {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(QuantityVisitor)
    }
}

/// An amount: money or a count. A percent string is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Amount(pub Decimal);

impl<'de> serde::Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let q = Quantity::deserialize(d)?;
        if q.percent {
            return Err(de::Error::custom(
                "expected an amount, not a percent string",
            ));
        }
        Ok(Self(q.value))
    }
}

/// A ratio between 0 and 1, written `0.25` or `"25 %"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Ratio(pub Decimal);

/// The message for a ratio written as a number above 1; `what` names the
/// value (a field or a metric).
pub fn ratio_above_one(what: &str, value: Decimal) -> crate::i18n::Message {
    crate::i18n::Message::new("ratio-above-one")
        .text("what", what)
        .number_dp("value", value, 10)
        .text("written", value.to_string())
}

/// `value` exact, its whole digits grouped by `_` in threes when there are
/// at least `from` of them (`12_345_678.5`), as YAML 1.2 editors and the
/// plan's own files write large numbers.
pub fn underscored(value: Decimal, from: usize) -> String {
    let text = value.normalize().to_string();
    let (sign, rest) = text
        .strip_prefix('-')
        .map_or(("", text.as_str()), |r| ("-", r));
    let (int, frac) = rest
        .split_once('.')
        .map_or((rest, None), |(i, f)| (i, Some(f)));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if int.len() >= from && i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push('_');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// A money or count cell: the CSV conventions of `source::csv`, plus a
/// `kr`/`NOK` prefix (or suffix), a trailing `,-` and a Unicode minus.
/// `None` when it is not a number.
pub fn parse_value(text: &str, decimal_comma: bool) -> Option<Decimal> {
    let t = text.trim().replace('\u{2212}', "-");
    let (negative, rest) = match t.strip_prefix('-') {
        Some(r) => (true, r.trim_start()),
        None => (false, t.as_str()),
    };
    let rest = strip_currency(rest);
    let (negative, rest) = match rest.strip_prefix('-') {
        Some(r) if !negative => (true, r.trim_start()),
        _ => (negative, rest),
    };
    let rest = rest
        .strip_suffix(",-")
        .or_else(|| rest.strip_suffix(".-"))
        .unwrap_or(rest)
        .trim();
    if rest.starts_with(['-', '+']) {
        return None;
    }
    let signed = if negative {
        format!("-{rest}")
    } else {
        rest.to_string()
    };
    let number = crate::source::csv::normalise_number(&signed, decimal_comma)?;
    let quantity = Quantity::parse(&number).ok()?;
    bounded(quantity.value, text).ok()
}

fn strip_currency(text: &str) -> &str {
    for word in ["kr.", "kr", "nok"] {
        if text
            .get(..word.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(word))
        {
            return text[word.len()..].trim();
        }
        let at = text.len().saturating_sub(word.len());
        if text.get(at..).is_some_and(|p| p.eq_ignore_ascii_case(word)) {
            return text[..at].trim();
        }
    }
    text.trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_strings_and_numbers_are_exact() {
        let q = Quantity::parse("25 %").expect("percent");
        assert_eq!(q.value, Decimal::new(25, 2));
        assert!(q.percent);
        assert_eq!(
            Quantity::parse("12,5%").expect("comma").value,
            Decimal::new(125, 3)
        );
        assert_eq!(
            Quantity::parse("1.0e7").expect("exp").value,
            Decimal::from(10_000_000)
        );
        assert_eq!(
            Quantity::parse("0.1").expect("dec").value,
            Decimal::new(1, 1)
        );
        assert!(Quantity::parse("1e400").is_err());
        assert!(Quantity::parse("99999999999999999999999999999999").is_err());
        assert!(Quantity::parse("abc").is_err());
        assert!(Quantity::parse("1e16").is_err());
        assert!(Quantity::parse("1000000000000000").is_ok());
        assert_eq!(
            Quantity::parse("0.000000000000000001").expect("tiny").value,
            Decimal::ZERO
        );
    }
}
