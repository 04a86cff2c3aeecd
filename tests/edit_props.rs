//! Properties of the span editor behind `allocate --write` and `--set`:
//! on YAML written every way a person writes it (block and flow, plain,
//! quoted and block scalars, comments, CRLF), replacing one value changes
//! that value and no other, and every byte before and after it stays.

use proptest::prelude::*;
use salgsmal::source::edit::{Lines, replace, scalar_range};
use salgsmal::source::yaml::{Node, Scalar, Value, parse};

/// A scalar as a person might write it.
fn scalar() -> impl Strategy<Value = String> {
    prop_oneof![
        (0u32..100_000).prop_map(|n| n.to_string()),
        (1u32..100).prop_map(|n| format!("{n}_000_000")),
        "[a-zæøå]{1,8}".prop_map(|s| s),
        "[a-z ]{0,8}".prop_map(|s| format!("\"{s}\"")),
        "[a-z]{0,4}".prop_map(|s| format!("'{s}''{s}'")),
        (0u32..100).prop_map(|n| format!("\"{n} %\"")),
        Just("2027-03-31".to_string()),
        Just("true".to_string()),
    ]
}

/// One entry of a block mapping: `key: value`, a flow map or list, a
/// block list, or a block scalar; with or without a comment.
fn entry(key: usize) -> impl Strategy<Value = String> {
    let comment = prop_oneof![Just(String::new()), Just("   # merk".to_string())];
    prop_oneof![
        (scalar(), comment.clone()).prop_map(move |(v, c)| format!("k{key}: {v}{c}\n")),
        (scalar(), scalar(), comment.clone())
            .prop_map(move |(a, b, c)| format!("k{key}: {{x: {a}, y: {b}}}{c}\n")),
        (scalar(), scalar()).prop_map(move |(a, b)| format!("k{key}: [{a}, {b} ]\n")),
        (scalar(), scalar(), comment.clone())
            .prop_map(move |(a, b, c)| format!("k{key}:\n  - {a}{c}\n  - {b}\n")),
        (scalar(), comment)
            .prop_map(move |(a, c)| format!("k{key}:\n  - id: i{key}\n    target:   {a}{c}\n")),
        "[a-z]{1,6}".prop_map(move |t| format!("k{key}: |\n  {t}\n  {t}\n")),
    ]
}

fn document() -> impl Strategy<Value = String> {
    (1usize..6, any::<bool>(), any::<bool>())
        .prop_flat_map(|(n, crlf, head)| {
            let entries: Vec<_> = (0..n).map(entry).collect();
            (entries, Just(crlf), Just(head))
        })
        .prop_map(|(entries, crlf, head)| {
            let mut text = String::new();
            if head {
                text.push_str("# Plan – øre og kroner\n");
            }
            text.push_str(&entries.concat());
            if crlf {
                text.replace('\n', "\r\n")
            } else {
                text
            }
        })
}

/// Every scalar leaf: its pointer and its value.
fn leaves(node: &Node, at: &str, out: &mut Vec<(String, Scalar)>) {
    match &node.value {
        Value::Scalar(s) => out.push((at.to_string(), s.clone())),
        Value::Seq(items) => {
            for (i, item) in items.iter().enumerate() {
                leaves(item, &format!("{at}/{i}"), out);
            }
        }
        Value::Map(entries) => {
            for (k, v) in entries {
                let key = k.key_text().unwrap_or_default();
                leaves(v, &format!("{at}/{key}"), out);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn one_value_changes_and_every_other_byte_stays(
        text in document(),
        pick in any::<prop::sample::Index>(),
        new in prop_oneof![Just("42".to_string()), Just("\"ny verdi\"".to_string()), Just("12_500_000".to_string())],
    ) {
        let parsed = parse(&text);
        prop_assert!(parsed.issues.is_empty(), "{:?}\n{text}", parsed.issues);
        let root = parsed.root.expect("a tree");
        let mut before = Vec::new();
        leaves(&root, "", &mut before);
        prop_assume!(!before.is_empty());
        let (pointer, _) = before[pick.index(before.len())].clone();
        let node = root.pointer(&pointer).expect("the leaf");
        let lines = Lines::new(&text);
        let range = scalar_range(&lines, node.span).expect("its bytes");
        let changed = replace(&text, &[(node.span, new.clone())]).expect("replaced");

        // Every byte before the value, and after it, is as it was (a block
        // scalar's replacement ends its line itself).
        prop_assert!(changed.starts_with(&text[..range.start]), "{changed}");
        let rest = &text[range.end..];
        prop_assert!(changed.ends_with(rest), "{text:?}\n→\n{changed:?}");

        // Nothing written around values is lost: comments, the space
        // before a closing bracket, the brackets.
        for mark in ["# merk", "# Plan", " ]", "]", "}"] {
            prop_assert_eq!(
                changed.matches(mark).count(),
                text.matches(mark).count(),
                "`{}` lost:\n{:?}\n→\n{:?}", mark, text, changed
            );
        }

        // A file with CRLF line ends keeps them (a block scalar's lines go
        // with it, and its replacement ends its line the file's way).
        if text.contains("\r\n") {
            prop_assert_eq!(changed.matches('\n').count(), changed.matches("\r\n").count(), "{:?}", changed);
        }

        // The value is the new one, and no other value changed.
        let reparsed = parse(&changed);
        prop_assert!(reparsed.issues.is_empty(), "{:?}\n{changed}", reparsed.issues);
        let mut after = Vec::new();
        leaves(&reparsed.root.expect("a tree"), "", &mut after);
        let expected = parse(&new).root.expect("a scalar");
        prop_assert_eq!(before.len(), after.len());
        for ((p, old), (q, now)) in before.iter().zip(&after) {
            prop_assert_eq!(p, q);
            if *p == pointer {
                prop_assert_eq!(Value::Scalar(now.clone()), expected.value.clone());
            } else {
                prop_assert_eq!(old, now, "{} changed in\n{}", p, changed);
            }
        }
    }
}
