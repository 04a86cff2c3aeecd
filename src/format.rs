//! Numbers the way the locale writes them: nb `kr 10 000 000`, `25 %`,
//! `12,5`; en `NOK 10,000,000`, `25%`, `12.5`.

use crate::model::Locale;
use crate::model::metrics::Kind;
use rust_decimal::{Decimal, RoundingStrategy};

#[derive(Clone, Debug)]
pub struct Fmt {
    pub locale: Locale,
    pub currency: String,
}

impl Default for Fmt {
    fn default() -> Self {
        Self {
            locale: Locale::Nb,
            currency: "NOK".to_string(),
        }
    }
}

impl Fmt {
    pub fn new(locale: Locale, currency: &str) -> Self {
        Self {
            locale,
            currency: currency.to_string(),
        }
    }

    fn separators(&self) -> (&'static str, &'static str) {
        match self.locale {
            Locale::Nb => (" ", ","),
            Locale::En => (",", "."),
        }
    }

    /// A number with grouped thousands and at most `decimals` decimals
    /// (trailing zeros dropped).
    pub fn number_dp(&self, value: Decimal, decimals: u32) -> String {
        let (group, point) = self.separators();
        let rounded = value
            .round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero)
            .normalize();
        let text = rounded.abs().to_string();
        let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
        let mut out = String::new();
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                out.push_str(group);
            }
            out.push(c);
        }
        if !frac.is_empty() {
            out.push_str(point);
            out.push_str(frac);
        }
        if rounded.is_sign_negative() && !rounded.is_zero() {
            out.insert(0, '-');
        }
        out
    }

    /// A count or plain number: up to two decimals.
    pub fn number(&self, value: Decimal) -> String {
        self.number_dp(value, 2)
    }

    /// Money: whole currency units unless there are øre.
    pub fn money(&self, value: Decimal) -> String {
        let mut amount = self.number_dp(value, 2);
        let (_, point) = self.separators();
        if let Some((_, frac)) = amount.rsplit_once(point)
            && frac.len() == 1
        {
            amount.push('0');
        }
        match (self.locale, self.currency.as_str()) {
            (Locale::Nb, "NOK") => format!("kr {amount}"),
            (_, currency) => format!("{currency} {amount}"),
        }
    }

    /// A ratio as a percent: `0.25` → `25 %` (nb) or `25%` (en), one decimal
    /// where needed.
    pub fn percent(&self, ratio: Decimal) -> String {
        let p = self.number_dp(ratio * Decimal::ONE_HUNDRED, 1);
        match self.locale {
            Locale::Nb => format!("{p} %"),
            Locale::En => format!("{p}%"),
        }
    }

    /// A value by its metric's kind.
    pub fn value(&self, kind: Kind, value: Decimal) -> String {
        match kind {
            Kind::Money => self.money(value),
            Kind::Ratio => self.percent(value),
            Kind::Count | Kind::Score => self.number(value),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norwegian_and_english_numbers() {
        let nb = Fmt::default();
        let en = Fmt::new(Locale::En, "NOK");
        assert_eq!(nb.money(Decimal::from(10_000_000)), "kr 10 000 000");
        assert_eq!(en.money(Decimal::from(10_000_000)), "NOK 10,000,000");
        assert_eq!(nb.percent(Decimal::new(25, 2)), "25 %");
        assert_eq!(en.percent(Decimal::new(25, 2)), "25%");
        assert_eq!(nb.percent(Decimal::new(2048, 4)), "20,5 %");
        assert_eq!(nb.money(Decimal::new(-150_050, 2)), "kr -1 500,50");
        assert_eq!(en.number(Decimal::new(109_091, 4)), "10.91");
        assert_eq!(nb.money(Decimal::from(999)), "kr 999");
        assert_eq!(
            Fmt::new(Locale::Nb, "EUR").money(Decimal::from(1_000)),
            "EUR 1 000"
        );
    }
}
