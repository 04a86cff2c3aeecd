//! The messages in nb and en: both Fluent files parse, and every message id
//! exists in every locale with the same variables.

use salgsmal::i18n::{Locale, catalogue, parse_errors};

#[test]
fn both_locales_parse() {
    for locale in [Locale::Nb, Locale::En] {
        assert_eq!(parse_errors(locale), Vec::<String>::new(), "{locale:?}");
    }
}

#[test]
fn every_message_exists_in_every_locale_with_the_same_variables() {
    let nb = catalogue(Locale::Nb);
    let en = catalogue(Locale::En);
    assert!(nb.len() > 1, "nb.ftl has no messages");
    let mut wrong = Vec::new();
    for (id, vars) in &nb {
        match en.iter().find(|(e, _)| e == id) {
            None => wrong.push(format!("`{id}` is in nb.ftl but not in en.ftl")),
            Some((_, en_vars)) if en_vars != vars => wrong.push(format!(
                "`{id}` uses {vars:?} in nb.ftl but {en_vars:?} in en.ftl"
            )),
            Some(_) => {}
        }
    }
    for (id, _) in &en {
        if !nb.iter().any(|(n, _)| n == id) {
            wrong.push(format!("`{id}` is in en.ftl but not in nb.ftl"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_message_the_code_names_is_in_both_locales() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let nb = catalogue(Locale::Nb);
    let en = catalogue(Locale::En);
    let mut named = 0;
    let mut missing = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("read");
        for (i, _) in text.match_indices("Message::new(\"") {
            let rest = &text[i + "Message::new(\"".len()..];
            let id = &rest[..rest.find('"').expect("closing quote")];
            named += 1;
            for (name, catalogue) in [("nb", &nb), ("en", &en)] {
                if !catalogue.iter().any(|(m, _)| m == id) {
                    missing.push(format!("{}: `{id}` is not in {name}.ftl", file.display()));
                }
            }
        }
    }
    assert!(named > 10, "found only {named} message ids in the code");
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
