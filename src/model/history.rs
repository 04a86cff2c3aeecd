//! How the plan's targets changed in git: for each seller and team file,
//! the commits that changed its targets, newest first. Found by the
//! commands (`load::git`) when the plan is in a repository; empty
//! otherwise. The `ownership` rule and the reports read it.

use super::period::Date;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// A commit that changed targets.
#[derive(Clone, Debug)]
pub struct Commit {
    pub id: String,
    /// The author's date.
    pub date: Date,
    pub author_name: String,
    pub author_email: String,
    /// The first line of the message: the reason.
    pub summary: String,
    /// The addresses of the message's `Agreed-by:` trailers (lowercase).
    pub agreed_by: Vec<String>,
}

impl Commit {
    /// The short id (7 hex digits).
    pub fn short(&self) -> &str {
        self.id.get(..7).unwrap_or(&self.id)
    }
}

/// One target as a commit changed it.
#[derive(Clone, Debug)]
pub struct TargetChange {
    /// `goals` or `kpis`.
    pub list: String,
    /// The goal's or KPI's id.
    pub id: String,
    /// Its index in the list after the commit (before, for a removal).
    pub index: usize,
    pub old: Option<Decimal>,
    pub new: Option<Decimal>,
}

/// The commits that changed one file's targets, newest first, each with
/// the targets it changed.
pub type FileHistory = Vec<(Commit, Vec<TargetChange>)>;

/// Plan-relative file path → its history.
pub type History = HashMap<String, FileHistory>;

/// The addresses of `Agreed-by:` trailers in a commit message: a bare
/// address, or `Name <address>`; lowercase.
pub fn agreed_by(message: &str) -> Vec<String> {
    message
        .lines()
        .filter_map(|line| {
            let (key, value) = line.split_once(':')?;
            if !key.trim().eq_ignore_ascii_case("agreed-by") {
                return None;
            }
            let value = value.trim();
            let address = match (value.find('<'), value.rfind('>')) {
                (Some(a), Some(b)) if a < b => &value[a + 1..b],
                _ => value,
            };
            let address = address.trim().to_lowercase();
            address.contains('@').then_some(address)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailers_bare_and_named() {
        let message = "Raise Kari\n\nAgreed-by: Kari Nordmann <Kari@Nordlys.no>\nagreed-by: ola@nordlys.no\nAgreed-by: nobody\nSigned-off-by: x <x@y>\n";
        assert_eq!(agreed_by(message), ["kari@nordlys.no", "ola@nordlys.no"]);
    }
}
