//! JSON Pointers (RFC 6901), the one way every part of the program names a
//! value inside a file: `/goals/0/target`. Keys are escaped (`~` → `~0`,
//! `/` → `~1`) so that any key can be named.

/// A key as a pointer token.
pub fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// A pointer token as the key it names.
pub fn unescape(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

/// `base` with one more key.
pub fn join(base: &str, key: &str) -> String {
    format!("{base}/{}", escape(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_with_slashes_and_tildes_round_trip() {
        for key in ["a/b", "~1", "plain", "~/~"] {
            assert_eq!(unescape(&escape(key)), key);
        }
        assert_eq!(join("/goals", "a/b"), "/goals/a~1b");
        assert_eq!(escape("~1"), "~01");
    }
}
