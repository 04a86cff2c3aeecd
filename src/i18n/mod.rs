//! The reader's language: messages in nb and en (Fluent), and numbers and
//! dates the way the locale writes them.

mod fluent;
mod message;
mod number;

pub use fluent::{Localizer, catalogue, parse_errors};
pub use message::{Arg, Message, any_of, either};

pub use number::{Fmt, decimals_apart, decimals_nonzero, round};

/// The language of messages and reports, and the number format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Locale {
    #[default]
    Nb,
    En,
}
