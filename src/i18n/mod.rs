//! The reader's language: numbers and dates the way the locale writes them.

mod number;

pub use number::{Fmt, Shape, decimals_apart, decimals_nonzero, round};

/// The language of messages and reports, and the number format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Locale {
    #[default]
    Nb,
    En,
}
