//! The typed plan: what the files say, each value traceable to its file.

pub mod history;
pub mod last_year;
pub mod metrics;
pub mod number;
pub mod period;
pub mod plan_files;

pub use plan_files::*;

use crate::diag::Location;
use crate::source::yaml::{Node, SrcSpan};
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

/// The kinds of plan file, by folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FileKind {
    Config,
    Team,
    Seller,
    Customers,
    Actuals,
}

impl FileKind {
    /// The schema that describes this kind of file.
    pub fn schema(self) -> &'static str {
        match self {
            FileKind::Config => "config",
            FileKind::Team => "team",
            FileKind::Seller => "seller",
            FileKind::Customers => "customers",
            FileKind::Actuals => "actuals",
        }
    }
}

/// One file of the plan as read: its path relative to the plan root (with
/// `/`), its text and its spanned tree (absent when it could not be parsed).
#[derive(Clone, Debug)]
pub struct SourceFile {
    pub path: String,
    pub kind: FileKind,
    pub text: String,
    /// The spanned tree while the file is being loaded (shared: a file kept
    /// by `load::Cache` is not copied for each load). The loader then lets
    /// it go ([`SourceFile::release_tree`]): a plan's trees are most of its
    /// memory, and only the files a finding points into need theirs again
    /// ([`SourceFile::node`]).
    pub tree: Option<Arc<Node>>,
    /// The parts of the file a schema error makes unreliable (JSON Pointers:
    /// the list item that holds a rejected value or an unknown key, or the
    /// value itself outside lists; `""` for the whole file). Rules say
    /// nothing about them: the schema error is the root cause.
    pub rejected: Vec<String>,
    /// How the loader builds the tree again from `text`, once released.
    rebuild: Option<Rebuild>,
    rebuilt: OnceLock<Option<Arc<Node>>>,
}

/// Builds a file's tree from its text, the way the loader first built it.
pub type Rebuild = fn(&SourceFile) -> Option<Node>;

impl SourceFile {
    /// A file that has not been read yet.
    pub fn new(path: &str, kind: FileKind) -> Self {
        Self {
            path: path.to_string(),
            kind,
            text: String::new(),
            tree: None,
            rejected: Vec::new(),
            rebuild: None,
            rebuilt: OnceLock::new(),
        }
    }

    /// The file's spanned tree: the one the loader built, or, after it let
    /// it go, the same tree built again from the text (once, when first
    /// asked).
    pub fn node(&self) -> Option<&Node> {
        if let Some(tree) = &self.tree {
            return Some(tree);
        }
        let rebuild = self.rebuild?;
        self.rebuilt
            .get_or_init(|| rebuild(self).map(Arc::new))
            .as_deref()
    }

    /// Let the tree go; [`SourceFile::node`] builds it again with `rebuild`.
    pub fn release_tree(&mut self, rebuild: Rebuild) {
        if self.tree.take().is_some() {
            self.rebuild = Some(rebuild);
        }
    }

    /// The file's name without folder and extension (a team's or seller's id).
    pub fn stem(&self) -> &str {
        let name = self.path.rsplit('/').next().unwrap_or(&self.path);
        name.rsplit_once('.').map_or(name, |(stem, _)| stem)
    }

    pub fn span_location(&self, span: SrcSpan) -> Location {
        Location {
            file: self.path.clone(),
            line: span.start.line,
            column: span.start.column,
            end_line: span.end.line,
            end_column: span.end.column,
        }
    }

    /// The start of the file (for whole-file diagnostics).
    pub fn whole(&self) -> Location {
        Location {
            file: self.path.clone(),
            line: 1,
            column: 1,
            end_line: 1,
            end_column: 1,
        }
    }

    /// The location of the value at `pointer`, or of its nearest ancestor
    /// that exists (a missing key is reported at the mapping that lacks it).
    pub fn locate(&self, pointer: &str) -> Location {
        let Some(tree) = self.node() else {
            return self.whole();
        };
        let mut p = pointer;
        loop {
            if let Some(node) = tree.pointer(p) {
                return self.span_location(node.span);
            }
            match p.rsplit_once('/') {
                Some((parent, _)) => p = parent,
                None => return self.whole(),
            }
        }
    }

    /// Whether `pointer` lies in a part of the file the schema rejected.
    pub fn is_rejected(&self, pointer: &str) -> bool {
        self.rejected.iter().any(|scope| {
            pointer == scope
                || (pointer.starts_with(scope.as_str()) && pointer[scope.len()..].starts_with('/'))
        })
    }

    /// The rejected list items under `list` (`/goals`) whose `metric` is
    /// `metric` or cannot be read: a roll-up of `metric` is not sure
    /// without them.
    pub fn rejected_items(&self, list: &str, metric: &str) -> Vec<&str> {
        self.rejected
            .iter()
            .filter(|scope| {
                scope.is_empty()
                    || scope
                        .strip_prefix(list)
                        .is_some_and(|rest| rest.starts_with('/'))
            })
            .filter(|scope| {
                let written = self
                    .node()
                    .and_then(|t| t.pointer(&format!("{scope}/metric")))
                    .and_then(Node::as_str);
                written.is_none_or(|m| m == metric)
            })
            .map(String::as_str)
            .collect()
    }

    /// The location of the key of the entry at `pointer` (an unknown key).
    pub fn locate_key(&self, pointer: &str) -> Location {
        match self.node().and_then(|t| t.pointer_key(pointer)) {
            Some(key) => self.span_location(key.span),
            None => self.locate(pointer),
        }
    }
}

/// A typed file of the plan with the index of its `SourceFile`.
#[derive(Debug)]
pub struct Entry<T> {
    pub file: usize,
    /// The id the file gives this entry (a team's or seller's id, the stem).
    pub id: String,
    pub data: T,
}

/// The whole plan: every file read, and the typed contents of those that
/// passed the structure checks.
#[derive(Debug)]
pub struct Plan {
    pub root: PathBuf,
    pub files: Vec<SourceFile>,
    pub config: Option<Entry<Config>>,
    pub teams: Vec<Entry<Team>>,
    pub sellers: Vec<Entry<Seller>>,
    pub customers: Vec<Entry<CustomerList>>,
    pub actuals: Vec<Entry<Actuals>>,
    pub metrics: metrics::Catalogue,
    pub settings: Settings,
    /// How the targets changed in git (empty outside a repository, or when
    /// no command asked for it).
    pub history: history::History,
}

/// A customer with its effective owner and where it is written.
#[derive(Debug, Clone, Copy)]
pub struct CustomerRef<'a> {
    pub owner: &'a str,
    pub file: usize,
    /// The customer's index in its file's `customers` list.
    pub index: usize,
    pub customer: &'a Customer,
}

impl CustomerRef<'_> {
    /// The JSON Pointer of a field of this customer.
    pub fn pointer(&self, field: &str) -> String {
        if field.is_empty() {
            format!("/customers/{}", self.index)
        } else {
            format!("/customers/{}/{field}", self.index)
        }
    }
}

/// The working calendar and number format of the plan, with defaults for
/// what `salgsmal.yaml` leaves out.
#[derive(Debug, Clone)]
pub struct Settings {
    pub working_weeks: rust_decimal::Decimal,
    pub hours_per_week: rust_decimal::Decimal,
    /// Hours one activity takes, per activity metric.
    pub activity_hours: std::collections::BTreeMap<String, rust_decimal::Decimal>,
    pub fmt: crate::i18n::Fmt,
}

/// The default hours per activity (SPEC 2.1).
pub const DEFAULT_ACTIVITY_HOURS: &[(&str, i64, u32)] = &[
    ("qualified_meetings", 20, 1),
    ("customer_visits", 20, 1),
    ("customer_calls", 25, 2),
    ("offers", 30, 1),
    ("campaigns", 40, 1),
    ("exhibitions", 160, 1),
];

impl Settings {
    pub fn from_config(config: Option<&Config>) -> Self {
        use rust_decimal::Decimal;
        let mut activity_hours: std::collections::BTreeMap<String, Decimal> =
            DEFAULT_ACTIVITY_HOURS
                .iter()
                .map(|(m, n, scale)| ((*m).to_string(), Decimal::new(*n, *scale)))
                .collect();
        let Some(c) = config else {
            return Self {
                working_weeks: Decimal::from(44),
                hours_per_week: Decimal::new(375, 1),
                activity_hours,
                fmt: crate::i18n::Fmt::default(),
            };
        };
        for (m, h) in &c.activity_hours {
            activity_hours.insert(m.clone(), h.0.max(Decimal::ZERO).min(Decimal::from(168)));
        }
        // Out-of-range values are schema errors; computations use the nearest
        // sensible value so that nothing downstream divides by zero or overflows.
        let clamp = |v: Decimal, max: i64| v.max(Decimal::new(1, 2)).min(Decimal::from(max));
        Self {
            working_weeks: clamp(c.working_weeks.map_or(Decimal::from(44), |a| a.0), 53),
            hours_per_week: clamp(c.hours_per_week.map_or(Decimal::new(375, 1), |a| a.0), 168),
            activity_hours,
            fmt: crate::i18n::Fmt::new(c.locale, &c.currency),
        }
    }
}

impl Plan {
    pub fn file(&self, index: usize) -> &SourceFile {
        &self.files[index]
    }

    pub fn locate(&self, file: usize, pointer: &str) -> Location {
        self.files[file].locate(pointer)
    }

    /// The ids of every file of a kind, read into the model or not (a
    /// reference to a file with its own errors is not also unknown), sorted:
    /// look one up with `binary_search`.
    pub fn ids_of(&self, kind: FileKind) -> Vec<&str> {
        let mut ids: Vec<&str> = self
            .files
            .iter()
            .filter(|f| f.kind == kind)
            .map(SourceFile::stem)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// Every customer of the plan with its owner: the customer's own `owner`,
    /// else its list's, else the seller its list file is named after.
    pub fn customers(&self) -> Vec<CustomerRef<'_>> {
        self.customers
            .iter()
            .flat_map(|list| {
                list.data
                    .customers
                    .iter()
                    .enumerate()
                    .map(move |(index, customer)| CustomerRef {
                        owner: customer
                            .owner
                            .as_deref()
                            .or(list.data.owner.as_deref())
                            .unwrap_or(&list.id),
                        file: list.file,
                        index,
                        customer,
                    })
            })
            .collect()
    }

    /// The plan period, when `salgsmal.yaml` could be read.
    pub fn period(&self) -> Option<period::Period> {
        self.config.as_ref().and_then(|c| c.data.period)
    }
}
