//! A message is an id and typed arguments, not a finished sentence: the
//! sentence is made at the edge, in the reader's language (Fluent), with the
//! locale's numbers. JSON output carries the id and the arguments too.

use rust_decimal::Decimal;

/// One argument of a message.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Arg {
    /// An amount of money, with at most `dp` decimals (`kr 10 000 000`).
    Money { value: Decimal, dp: u32 },
    /// A ratio shown as a percent with at most `dp` decimals (`25 %`).
    Percent { value: Decimal, dp: u32 },
    /// A plain number with at most `dp` decimals (`1 320`, `4,36`).
    Number { value: Decimal, dp: u32 },
    /// A whole count: also chooses the plural form (`1 kunde`, `2 kunder`).
    Count(i64),
    /// Text from the plan or the tool, shown as it is (ids, names, keys).
    Text(String),
    /// A name the plan gives in both languages (a metric's label).
    Label { nb: String, en: String },
    /// A date, `YYYY-MM-DD`, shown the locale's way.
    Date(String),
    /// Another message, translated in its place.
    Phrase(Box<Message>),
    /// Several messages joined by a separator (` + `, `, `).
    List(Vec<Message>, &'static str),
}

impl Arg {
    pub fn money(value: Decimal) -> Self {
        Arg::Money { value, dp: 2 }
    }

    pub fn percent(value: Decimal) -> Self {
        Arg::Percent { value, dp: 1 }
    }

    pub fn number(value: Decimal) -> Self {
        Arg::Number { value, dp: 2 }
    }

    pub fn count(n: usize) -> Self {
        Arg::Count(i64::try_from(n).unwrap_or(i64::MAX))
    }

    pub fn text(text: impl Into<String>) -> Self {
        Arg::Text(text.into())
    }
}

/// A message id with its arguments.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Message {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

/// The id of a message that is plain text, not yet a message of its own.
pub const PLAIN: &str = "plain";

impl Message {
    pub fn new(id: &'static str) -> Self {
        Self {
            id,
            args: Vec::new(),
        }
    }

    /// Text shown as it is, in every locale.
    pub fn plain(text: impl Into<String>) -> Self {
        Self::new(PLAIN).arg("text", Arg::Text(text.into()))
    }

    #[must_use]
    pub fn arg(mut self, name: &'static str, value: Arg) -> Self {
        self.args.push((name, value));
        self
    }

    #[must_use]
    pub fn text(self, name: &'static str, value: impl Into<String>) -> Self {
        self.arg(name, Arg::Text(value.into()))
    }

    #[must_use]
    pub fn count(self, name: &'static str, n: usize) -> Self {
        self.arg(name, Arg::count(n))
    }

    #[must_use]
    pub fn money(self, name: &'static str, value: Decimal) -> Self {
        self.arg(name, Arg::money(value))
    }

    /// A number shown with up to `dp` decimals.
    #[must_use]
    pub fn number_dp(self, name: &'static str, value: Decimal, dp: u32) -> Self {
        self.arg(name, Arg::Number { value, dp })
    }

    #[must_use]
    pub fn percent(self, name: &'static str, value: Decimal) -> Self {
        self.arg(name, Arg::percent(value))
    }

    #[must_use]
    pub fn number(self, name: &'static str, value: Decimal) -> Self {
        self.arg(name, Arg::number(value))
    }

    #[must_use]
    pub fn phrase(self, name: &'static str, message: Message) -> Self {
        self.arg(name, Arg::Phrase(Box::new(message)))
    }

    /// Whether this is plain text rather than a message with an id.
    pub fn is_plain(&self) -> bool {
        self.id == PLAIN
    }
}

/// `a`, `a or b`, `a or b or c`: words of code (keys, column names) in
/// backticks, joined in the reader's language.
pub fn either<'a>(words: impl IntoIterator<Item = &'a str>) -> Message {
    any_of(
        words
            .into_iter()
            .map(|w| Message::new("code").text("text", w)),
    )
}

/// `a`, `a or b`, `a or b or c`: phrases joined in the reader's language.
pub fn any_of(phrases: impl IntoIterator<Item = Message>) -> Message {
    phrases
        .into_iter()
        .reduce(|a, b| Message::new("or").phrase("a", a).phrase("b", b))
        .unwrap_or_else(|| Message::new("empty"))
}

impl From<String> for Message {
    fn from(text: String) -> Self {
        Message::plain(text)
    }
}

impl From<&str> for Message {
    fn from(text: &str) -> Self {
        Message::plain(text)
    }
}
