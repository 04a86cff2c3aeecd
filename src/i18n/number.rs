//! Numbers the way the locale writes them: nb `kr 10 000 000`, `25 %`,
//! `12,5`; en `NOK 10,000,000`, `25%`, `12.5`.

use super::Locale;
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

    /// A ratio as a percent with at most `decimals` decimals of the percent.
    pub fn percent_dp(&self, ratio: Decimal, decimals: u32) -> String {
        let p = self.number_dp(ratio * Decimal::ONE_HUNDRED, decimals);
        match self.locale {
            Locale::Nb => format!("{p} %"),
            Locale::En => format!("{p}%"),
        }
    }

    /// A date `YYYY-MM-DD` the locale's way: `31.03.2027` (nb), `31 Mar
    /// 2027` (en); other text as it is.
    pub fn date(&self, iso: &str) -> String {
        const EN: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        let mut parts = iso.splitn(3, '-');
        let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
            return iso.to_string();
        };
        let (Ok(year), Ok(month), Ok(day)) =
            (y.parse::<i32>(), m.parse::<usize>(), d.parse::<u32>())
        else {
            return iso.to_string();
        };
        if !(1..=12).contains(&month) || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return iso.to_string();
        }
        match self.locale {
            Locale::Nb => format!("{day:02}.{month:02}.{year}"),
            Locale::En => format!("{day} {} {year}", EN[month - 1]),
        }
    }

    /// A count or plain number: up to two decimals.
    pub fn number(&self, value: Decimal) -> String {
        self.number_dp(value, 2)
    }

    /// Money: whole currency units unless there are øre.
    pub fn money(&self, value: Decimal) -> String {
        self.money_dp(value, 2)
    }

    /// Money with at most `decimals` decimals (for a gap smaller than an øre).
    pub fn money_dp(&self, value: Decimal, decimals: u32) -> String {
        let mut amount = self.number_dp(value, decimals);
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
        self.percent_dp(ratio, 1)
    }
}

/// The fewest decimals, from `min` up to `max`, at which `a` and `b` round
/// to different numbers: how precisely two values must be shown for a
/// message that says one is below the other not to print them equal.
pub fn decimals_apart(a: Decimal, b: Decimal, min: u32, max: u32) -> u32 {
    (min..=max)
        .find(|&dp| round(a, dp) != round(b, dp))
        .unwrap_or(max)
}

/// The fewest decimals, from `min` up to `max`, at which `value` does not
/// round to zero (a gap that is there is never shown as 0).
pub fn decimals_nonzero(value: Decimal, min: u32, max: u32) -> u32 {
    (min..=max)
        .find(|&dp| !round(value, dp).is_zero())
        .unwrap_or(max)
}

/// Round half away from zero, as the formatted numbers do.
pub fn round(value: Decimal, dp: u32) -> Decimal {
    value.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
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
