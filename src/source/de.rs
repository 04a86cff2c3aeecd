//! A serde `Deserializer` over the spanned tree, so the typed model is read
//! straight from the nodes that know their position: an error carries the
//! position of the innermost node it arose in.
//!
//! Numbers are handed to `deserialize_str` as their exact text, which is how
//! money and ratios become exact decimals without passing through `f64`.

use super::yaml::{Node, Scalar, SrcSpan, Value};
use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub struct Error {
    pub problem: Problem,
    pub span: Option<SrcSpan>,
}

/// What went wrong, for the loader to put in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A message from serde or from the model's own parsing (in English).
    Custom(String),
    /// A number too large for any number type.
    OutOfRange(String),
    /// `.inf`, `.nan`: not a number a plan can hold.
    NotANumber(String),
    /// Not one of the words the field allows.
    NotAWord,
}

impl Error {
    fn of(problem: Problem) -> Self {
        Self {
            problem,
            span: None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.problem {
            Problem::Custom(m) => f.write_str(m),
            Problem::OutOfRange(text) => write!(f, "number {text} is out of range"),
            Problem::NotANumber(text) => write!(f, "`{text}` is not a number a plan can hold"),
            Problem::NotAWord => f.write_str("expected one of the listed words"),
        }
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Self {
            problem: Problem::Custom(msg.to_string()),
            span: None,
        }
    }
}

impl Error {
    fn at(mut self, span: SrcSpan) -> Self {
        self.span.get_or_insert(span);
        self
    }
}

/// Read a typed value from a node.
pub fn from_node<'de, T: de::Deserialize<'de>>(node: &'de Node) -> Result<T, Error> {
    T::deserialize(node)
}

impl<'de> de::Deserializer<'de> for &'de Node {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let span = self.span;
        let result = match &self.value {
            Value::Scalar(Scalar::Null) => visitor.visit_unit(),
            Value::Scalar(Scalar::Bool(b)) => visitor.visit_bool(*b),
            Value::Scalar(Scalar::Number(text)) => {
                if let Ok(i) = text.parse::<i64>() {
                    visitor.visit_i64(i)
                } else if let Ok(u) = text.parse::<u64>() {
                    visitor.visit_u64(u)
                } else {
                    match text.parse::<f64>() {
                        Ok(f) if f.is_finite() => visitor.visit_f64(f),
                        _ => Err(Error::of(Problem::OutOfRange(text.clone()))),
                    }
                }
            }
            Value::Scalar(Scalar::NonFinite(text)) => {
                Err(Error::of(Problem::NotANumber(text.clone())))
            }
            Value::Scalar(Scalar::Str(s)) => visitor.visit_borrowed_str(s),
            Value::Seq(items) => visitor.visit_seq(Seq { iter: items.iter() }),
            Value::Map(entries) => visitor.visit_map(Map {
                iter: entries.iter(),
                value: None,
            }),
        };
        result.map_err(|e| e.at(span))
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let span = self.span;
        match &self.value {
            Value::Scalar(Scalar::Number(text) | Scalar::Str(text)) => visitor
                .visit_borrowed_str(text)
                .map_err(|e: Error| e.at(span)),
            _ => self.deserialize_any(visitor),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match &self.value {
            Value::Scalar(Scalar::Null) => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
        .map_err(|e| e.at(self.span))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor
            .visit_newtype_struct(self)
            .map_err(|e| e.at(self.span))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let span = self.span;
        match &self.value {
            Value::Scalar(Scalar::Str(s)) => visitor.visit_enum(s.as_str().into_deserializer()),
            Value::Scalar(Scalar::Bool(false)) => visitor.visit_enum("off".into_deserializer()),
            _ => Err(Error::of(Problem::NotAWord)),
        }
        .map_err(|e: Error| e.at(span))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char bytes byte_buf unit
        unit_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

struct Seq<'de> {
    iter: std::slice::Iter<'de, Node>,
}

impl<'de> SeqAccess<'de> for Seq<'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        self.iter
            .next()
            .map(|node| seed.deserialize(node))
            .transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}

struct Map<'de> {
    iter: std::slice::Iter<'de, (Node, Node)>,
    value: Option<&'de Node>,
}

impl<'de> MapAccess<'de> for Map<'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        match self.iter.next() {
            None => Ok(None),
            Some((key, value)) => {
                self.value = Some(value);
                seed.deserialize(key).map(Some)
            }
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        match self.value.take() {
            Some(value) => seed.deserialize(value),
            None => Err(de::Error::custom("value without a key")),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}
