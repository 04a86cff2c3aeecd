//! Messages in nb and en: one Fluent file per locale, embedded in the
//! binary. Numbers, money, percents and dates in the arguments are formatted
//! by the locale (`Fmt`); counts also pick the plural form.

use super::message::{Arg, Message};
use super::{Fmt, Locale};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;

/// The Fluent files, by locale.
pub const FILES: &[(Locale, &str, &str)] = &[
    (Locale::Nb, "nb", include_str!("nb.ftl")),
    (Locale::En, "en", include_str!("en.ftl")),
];

type Bundle = FluentBundle<FluentResource>;

fn bundles() -> &'static [(Locale, Bundle)] {
    static BUNDLES: OnceLock<Vec<(Locale, Bundle)>> = OnceLock::new();
    BUNDLES.get_or_init(|| {
        FILES
            .iter()
            .map(|(locale, tag, text)| {
                let id: unic_langid::LanguageIdentifier = tag.parse().unwrap_or_default();
                let mut bundle = FluentBundle::new_concurrent(vec![id]);
                bundle.set_use_isolating(false);
                bundle.set_formatter(Some(match locale {
                    Locale::Nb => count_nb,
                    Locale::En => count_en,
                }));
                // The files are part of the binary and tested: a syntax
                // error keeps the entries that parse.
                let resource = FluentResource::try_new((*text).to_string())
                    .unwrap_or_else(|(partial, _)| partial);
                let _ = bundle.add_resource(resource);
                (*locale, bundle)
            })
            .collect()
    })
}

/// Counts the locale's way: `10 000` (nb), `10,000` (en).
fn count_nb(
    value: &FluentValue<'_>,
    _: &intl_memoizer::concurrent::IntlLangMemoizer,
) -> Option<String> {
    count(value, Locale::Nb)
}

fn count_en(
    value: &FluentValue<'_>,
    _: &intl_memoizer::concurrent::IntlLangMemoizer,
) -> Option<String> {
    count(value, Locale::En)
}

fn count(value: &FluentValue<'_>, locale: Locale) -> Option<String> {
    match value {
        FluentValue::Number(n) => {
            let d = rust_decimal::Decimal::from_f64_retain(n.value)?;
            Some(Fmt::new(locale, "NOK").number_dp(d, 0))
        }
        _ => None,
    }
}

/// Turns messages into sentences in one locale, with its number format.
#[derive(Clone, Debug)]
pub struct Localizer {
    pub fmt: Fmt,
}

impl Localizer {
    pub fn new(locale: Locale, currency: &str) -> Self {
        Self {
            fmt: Fmt::new(locale, currency),
        }
    }

    pub fn locale(&self) -> Locale {
        self.fmt.locale
    }

    /// The sentence of a message in this locale (in English where the
    /// locale lacks it, and the id where both do).
    pub fn format(&self, message: &Message) -> String {
        if message.is_plain() {
            return match message.args.first() {
                Some((_, Arg::Text(t))) => t.clone(),
                _ => String::new(),
            };
        }
        let mut args = FluentArgs::new();
        for (name, arg) in &message.args {
            args.set(*name, self.value(arg));
        }
        self.pattern(message.id, &args)
            .unwrap_or_else(|| message.id.to_string())
    }

    /// The text of a message without arguments whose id is made at run time
    /// (`rule-allocation-summary`), with its line breaks as spaces: the
    /// Fluent files wrap long texts. `None` where neither this locale nor
    /// English has it.
    pub fn text(&self, id: &str) -> Option<String> {
        self.pattern(id, &FluentArgs::new())
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
    }

    /// Message `id` formatted in this locale, else in English.
    fn pattern(&self, id: &str, args: &FluentArgs<'_>) -> Option<String> {
        for locale in [self.locale(), Locale::En] {
            let Some((_, bundle)) = bundles().iter().find(|(l, _)| *l == locale) else {
                continue;
            };
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return Some(
                    bundle
                        .format_pattern(pattern, Some(args), &mut errors)
                        .into_owned(),
                );
            }
        }
        None
    }

    fn value(&self, arg: &Arg) -> FluentValue<'static> {
        match arg {
            Arg::Count(n) => FluentValue::from(*n),
            other => FluentValue::from(self.shown(other)),
        }
    }

    /// An argument as this locale writes it.
    pub fn shown(&self, arg: &Arg) -> String {
        let fmt = &self.fmt;
        match arg {
            // Shown with `dp` decimals, and øre where `dp` allows them; the
            // JSON keeps the value as computed.
            Arg::Money { value, dp } => fmt.money_dp(super::round(*value, *dp), (*dp).max(2)),
            Arg::Percent { value, dp } => fmt.percent_dp(*value, *dp),
            Arg::Number { value, dp } => fmt.number_dp(*value, *dp),
            Arg::Count(n) => fmt.number_dp(rust_decimal::Decimal::from(*n), 0),
            Arg::Text(t) => t.clone(),
            Arg::Label { nb, en } => match fmt.locale {
                Locale::Nb => nb.clone(),
                Locale::En => en.clone(),
            },
            Arg::Date(d) => fmt.date(d),
            Arg::Phrase(m) => self.format(m),
            Arg::List(items, sep) => items
                .iter()
                .map(|m| self.format(m))
                .collect::<Vec<_>>()
                .join(sep),
        }
    }

    /// The arguments as plain JSON numbers and strings (for `args` in JSON
    /// output); phrases and lists as their text in this locale.
    pub fn json_args(&self, message: &Message) -> serde_json::Map<String, serde_json::Value> {
        use rust_decimal::prelude::ToPrimitive;
        message
            .args
            .iter()
            .map(|(name, arg)| {
                let value = match arg {
                    Arg::Money { value, .. }
                    | Arg::Percent { value, .. }
                    | Arg::Number { value, .. } => value
                        .to_f64()
                        .and_then(serde_json::Number::from_f64)
                        .map_or(serde_json::Value::Null, serde_json::Value::Number),
                    Arg::Count(n) => serde_json::Value::from(*n),
                    Arg::Text(t) | Arg::Date(t) => serde_json::Value::from(t.clone()),
                    Arg::Phrase(_) | Arg::List(..) | Arg::Label { .. } => {
                        serde_json::Value::from(self.shown(arg))
                    }
                };
                ((*name).to_string(), value)
            })
            .collect()
    }
}

/// Every message id of a locale with the variables its text uses (for the
/// completeness test).
pub fn catalogue(locale: Locale) -> Vec<(String, Vec<String>)> {
    let Some((_, _, text)) = FILES.iter().find(|(l, _, _)| *l == locale) else {
        return Vec::new();
    };
    let resource = match FluentResource::try_new((*text).to_string()) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    let mut out = Vec::new();
    for entry in resource.entries() {
        if let fluent_syntax::ast::Entry::Message(m) = entry {
            let mut vars = Vec::new();
            if let Some(p) = &m.value {
                variables(p, &mut vars);
            }
            vars.sort();
            vars.dedup();
            out.push((m.id.name.to_string(), vars));
        }
    }
    out
}

fn variables(pattern: &fluent_syntax::ast::Pattern<&str>, out: &mut Vec<String>) {
    use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
    fn inline(e: &InlineExpression<&str>, out: &mut Vec<String>) {
        if let InlineExpression::VariableReference { id } = e {
            out.push(id.name.to_string());
        }
    }
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            match expression {
                Expression::Inline(e) => inline(e, out),
                Expression::Select { selector, variants } => {
                    inline(selector, out);
                    for v in variants {
                        variables(&v.value, out);
                    }
                }
            }
        }
    }
}

/// Whether the Fluent file of a locale parses without errors.
pub fn parse_errors(locale: Locale) -> Vec<String> {
    let Some((_, _, text)) = FILES.iter().find(|(l, _, _)| *l == locale) else {
        return vec!["no file".to_string()];
    };
    match FluentResource::try_new((*text).to_string()) {
        Ok(_) => Vec::new(),
        Err((_, errors)) => errors.iter().map(|e| format!("{e:?}")).collect(),
    }
}
