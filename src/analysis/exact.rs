//! Exact quotients: a value kept as numerator and denominator, so that a
//! rate converted between `per` units or a weighted mean compares equal to
//! the target it equals. Division happens once, for display.
//!
//! `rust_decimal` holds 28 significant digits; where a product would not
//! fit, the quotient falls back to the rounded decimal (never a panic).

use rust_decimal::Decimal;
use std::cmp::Ordering;

/// `num / den`, with `den > 0`.
#[derive(Clone, Copy, Debug)]
pub struct Frac {
    num: Decimal,
    den: Decimal,
}

impl From<Decimal> for Frac {
    fn from(value: Decimal) -> Self {
        Self {
            num: value,
            den: Decimal::ONE,
        }
    }
}

impl Frac {
    pub const ZERO: Frac = Frac {
        num: Decimal::ZERO,
        den: Decimal::ONE,
    };

    /// `num / den`; `None` for a zero denominator.
    pub fn new(num: Decimal, den: Decimal) -> Option<Self> {
        if den.is_zero() {
            None
        } else if den.is_sign_negative() {
            Some(Self {
                num: -num,
                den: -den,
            })
        } else {
            Some(Self { num, den })
        }
    }

    /// The value as a decimal (rounded in the 28th digit when it does not
    /// terminate: for display and for values that are only shown).
    pub fn value(self) -> Decimal {
        if self.den == Decimal::ONE {
            return self.num;
        }
        self.num.checked_div(self.den).unwrap_or(Decimal::ZERO)
    }

    fn approx(self) -> Self {
        Self::from(self.value())
    }

    pub fn plus(self, other: Frac) -> Frac {
        if self.den == other.den
            && let Some(num) = self.num.checked_add(other.num)
        {
            return Frac { num, den: self.den };
        }
        let exact = (|| {
            let num = self
                .num
                .checked_mul(other.den)?
                .checked_add(other.num.checked_mul(self.den)?)?;
            let den = self.den.checked_mul(other.den)?;
            Some(Frac { num, den })
        })();
        exact.unwrap_or_else(|| {
            Frac::from(
                self.value()
                    .checked_add(other.value())
                    .unwrap_or(Decimal::MAX),
            )
        })
    }

    pub fn minus(self, other: Frac) -> Frac {
        self.plus(other.negated())
    }

    pub fn negated(self) -> Frac {
        Frac {
            num: -self.num,
            den: self.den,
        }
    }

    pub fn times(self, other: Frac) -> Frac {
        match (
            self.num.checked_mul(other.num),
            self.den.checked_mul(other.den),
        ) {
            (Some(num), Some(den)) => Frac { num, den },
            _ => {
                let (a, b) = (self.approx(), other.approx());
                Frac::from(a.num.checked_mul(b.num).unwrap_or(Decimal::MAX))
            }
        }
    }

    /// `self / other`; `None` when `other` is zero.
    pub fn checked_div(self, other: Frac) -> Option<Frac> {
        if other.num.is_zero() {
            return None;
        }
        match (
            self.num.checked_mul(other.den),
            self.den.checked_mul(other.num),
        ) {
            (Some(num), Some(den)) => Frac::new(num, den),
            _ => self.value().checked_div(other.value()).map(Frac::from),
        }
    }

    pub fn is_zero(self) -> bool {
        self.num.is_zero()
    }

    pub fn abs(self) -> Frac {
        Frac {
            num: self.num.abs(),
            den: self.den,
        }
    }
}

impl PartialEq for Frac {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Frac {}

impl PartialOrd for Frac {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Frac {
    fn cmp(&self, other: &Self) -> Ordering {
        // Both denominators are positive: a/b < c/d ⇔ a·d < c·b.
        match (
            self.num.checked_mul(other.den),
            other.num.checked_mul(self.den),
        ) {
            (Some(l), Some(r)) => l.cmp(&r),
            _ => self.value().cmp(&other.value()),
        }
    }
}

impl PartialEq<Decimal> for Frac {
    fn eq(&self, other: &Decimal) -> bool {
        *self == Frac::from(*other)
    }
}

impl PartialOrd<Decimal> for Frac {
    fn partial_cmp(&self, other: &Decimal) -> Option<Ordering> {
        Some(self.cmp(&Frac::from(*other)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(n: i64, d: i64) -> Frac {
        Frac::new(Decimal::from(n), Decimal::from(d)).expect("non-zero")
    }

    #[test]
    fn thirds_add_up_to_one() {
        let third = f(1, 3);
        assert_eq!(third.plus(third).plus(third), Decimal::ONE);
        // The same sum in decimals is 0.9999…: below one.
        let d = Decimal::ONE / Decimal::from(3);
        assert!(d + d + d < Decimal::ONE);
    }

    #[test]
    fn rates_in_other_units_compare_equal() {
        // 2 + 5 + 5 offers a week over 44 weeks is 44 a month.
        let year = Decimal::from(12 * 44);
        let monthly = f(12 * 44, 12);
        assert_eq!(monthly, Frac::new(year, Decimal::from(12)).expect("12"));
        assert_eq!(monthly, Decimal::from(44));
    }

    #[test]
    fn weighted_means_of_one_value_are_that_value() {
        let w = f(12, 44);
        let v = Frac::from(Decimal::new(35, 2));
        let mean = v.times(w).checked_div(w).expect("non-zero");
        assert_eq!(mean, Decimal::new(35, 2));
        assert!(mean >= Decimal::new(35, 2));
    }

    #[test]
    fn overflow_falls_back_to_decimals() {
        let big = Frac::from(Decimal::MAX);
        let _ = big.times(big).plus(big);
        assert!(f(1, 3) < f(1, 2));
        assert!(f(-1, 2) < Frac::ZERO);
        assert!(f(1, 2).checked_div(Frac::ZERO).is_none());
    }
}
