//! Finding a plan repository and reading its files: YAML with positions,
//! validated against the schemas, then read into the typed model.

pub mod git;
pub mod schema;
pub mod whatif;
pub mod workbook;

use crate::diag::{Diagnostic, Level, RuleId};
use crate::i18n::Message;
use crate::model::metrics::{Better, Catalogue, Kind, Metric, Rollup};
use crate::model::{
    Actuals, Config, CustomRollup, CustomerList, Entry, FileKind, Plan, Seller, SourceFile, Team,
};
use crate::source::{csv, de, yaml};
use rayon::prelude::*;
use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};

pub const CONFIG_FILE: &str = "salgsmal.yaml";
/// Files larger than this are not read (`limits.max_file_bytes` changes it).
pub const DEFAULT_MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// A failure that stops the run (exit 2); findings in files are diagnostics.
#[derive(Debug)]
pub enum LoadError {
    NoPlan(PathBuf),
    Io(PathBuf, std::io::Error),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::NoPlan(dir) => write!(
                f,
                "no {CONFIG_FILE} in {} or any folder above it (run `salgsmal init` to start a plan)",
                dir.display()
            ),
            LoadError::Io(path, err) => write!(f, "cannot read {}: {err}", path.display()),
        }
    }
}

impl std::error::Error for LoadError {}

/// The text of `salgsmal.yaml` alone, for a command that needs one setting
/// of it (the locale): only a regular file (never a link out of the plan),
/// and at most the size limit.
pub fn config_text(root: &Path) -> Option<String> {
    use std::io::Read;
    let path = root.join(CONFIG_FILE);
    if !std::fs::symlink_metadata(&path).ok()?.is_file() {
        return None;
    }
    let mut text = String::new();
    std::fs::File::open(&path)
        .ok()?
        .take(DEFAULT_MAX_FILE_BYTES)
        .read_to_string(&mut text)
        .ok()?;
    Some(text)
}

/// Search `start` and its ancestors for `salgsmal.yaml`, as cargo does for
/// `Cargo.toml`.
pub fn find_root(start: &Path) -> Result<PathBuf, LoadError> {
    let start = start
        .canonicalize()
        .map_err(|e| LoadError::Io(start.to_path_buf(), e))?;
    start
        .ancestors()
        .find(|dir| dir.join(CONFIG_FILE).is_file())
        .map(Path::to_path_buf)
        .ok_or(LoadError::NoPlan(start))
}

/// A plan and everything found while reading it.
#[derive(Debug)]
pub struct Loaded {
    pub plan: Plan,
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Clone)]
enum Typed {
    Config(Box<Config>),
    Team(Box<Team>),
    Seller(Box<Seller>),
    Customers(CustomerList),
    Actuals(Actuals),
}

const FOLDERS: &[(&str, FileKind)] = &[
    ("teams", FileKind::Team),
    ("sellers", FileKind::Seller),
    ("customers", FileKind::Customers),
    ("actuals", FileKind::Actuals),
];

/// Where a plan's files are read from: its folder on disk, the files of a
/// git revision's tree (`git::Revision`), held in memory, or files given
/// as bytes by plan-relative path (`sellers/kari.yaml`; the fuzz targets).
pub enum Files<'a> {
    Dir(&'a Path),
    Tree(&'a git::Revision),
    Memory(&'a std::collections::BTreeMap<String, Vec<u8>>),
    /// The files of another source, some of them changed in memory (a
    /// what-if: `--set`, `--scenario`, `allocate`).
    Overlay(
        &'a Files<'a>,
        &'a std::collections::BTreeMap<String, Vec<u8>>,
    ),
}

/// A file's bytes, or that it has more than the limit.
enum Bytes {
    Data(Vec<u8>),
    TooLarge,
}

/// Whether a name in the plan's folder may be read: a regular file inside
/// the plan root, or why not.
enum Access {
    Read,
    Refused(&'static str),
}

/// What `path` is: a regular file (directly, or through a link that stays
/// inside `root`, the plan root made canonical), or a link out of the plan,
/// a link to nowhere, or something other than a file. Never reads it.
fn access(root: &Path, path: &Path) -> Access {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return Access::Refused("file-link-broken");
    };
    if meta.file_type().is_symlink() {
        return match path.canonicalize() {
            Err(_) => Access::Refused("file-link-broken"),
            Ok(target) if !target.starts_with(root) => Access::Refused("file-outside-root"),
            Ok(target) if target.is_file() => Access::Read,
            Ok(_) => Access::Refused("file-not-regular"),
        };
    }
    if meta.is_file() {
        Access::Read
    } else {
        Access::Refused("file-not-regular")
    }
}

/// The user's limit on the bytes read of a file, set once by whoever runs
/// the tool (`--max-file-bytes`, or `SALGSMAL_MAX_FILE_BYTES`).
static CEILING: std::sync::OnceLock<u64> = std::sync::OnceLock::new();

/// Set the user's limit (the command line does, before anything is read).
pub fn set_max_file_bytes(bytes: u64) {
    let _ = CEILING.set(bytes);
}

/// The most bytes of a file that are read: the user's limit (else
/// 16 MiB); a plan may only lower it.
pub fn max_file_bytes(plan_limit: Option<u64>) -> u64 {
    let ceiling = CEILING.get().copied().unwrap_or(DEFAULT_MAX_FILE_BYTES);
    plan_limit.map_or(ceiling, |l| l.min(ceiling))
}

impl Files<'_> {
    /// The names in one folder of the plan, each with whether it may be
    /// read; a folder that is a link out of the plan is itself refused
    /// (the name `""`).
    fn names(&self, folder: &str) -> Result<Vec<(String, Access)>, LoadError> {
        match self {
            Files::Dir(root) => {
                let dir = root.join(folder);
                let Ok(meta) = std::fs::symlink_metadata(&dir) else {
                    return Ok(Vec::new());
                };
                let canonical = root
                    .canonicalize()
                    .map_err(|e| LoadError::Io(root.to_path_buf(), e))?;
                if meta.file_type().is_symlink() {
                    match dir.canonicalize() {
                        Ok(target) if target.starts_with(&canonical) => {}
                        Ok(_) => {
                            return Ok(vec![(
                                String::new(),
                                Access::Refused("folder-outside-root"),
                            )]);
                        }
                        Err(_) => {
                            return Ok(vec![(String::new(), Access::Refused("file-link-broken"))]);
                        }
                    }
                }
                if !dir.is_dir() {
                    return Ok(Vec::new());
                }
                let entries = std::fs::read_dir(&dir).map_err(|e| LoadError::Io(dir.clone(), e))?;
                let mut out = Vec::new();
                for entry in entries {
                    let entry = entry.map_err(|e| LoadError::Io(dir.clone(), e))?;
                    let name = entry.file_name().to_string_lossy().into_owned();
                    let access = access(&canonical, &entry.path());
                    out.push((name, access));
                }
                Ok(out)
            }
            Files::Tree(rev) => Ok(rev
                .names(folder)
                .into_iter()
                .map(|n| (n, Access::Read))
                .collect()),
            Files::Overlay(base, _) => base.names(folder),
            Files::Memory(files) => {
                let lead = format!("{folder}/");
                Ok(files
                    .keys()
                    .filter_map(|k| k.strip_prefix(&lead))
                    .filter(|name| !name.is_empty() && !name.contains('/'))
                    .map(|n| (n.to_string(), Access::Read))
                    .collect())
            }
        }
    }

    /// Why `salgsmal.yaml` may not be read, if it may not: it too is read
    /// only as a regular file inside the plan.
    fn config_refused(&self) -> Result<Option<&'static str>, LoadError> {
        match self {
            Files::Dir(dir) => match dir.canonicalize() {
                Ok(canonical) => Ok(match access(&canonical, &dir.join(CONFIG_FILE)) {
                    Access::Read => None,
                    Access::Refused(id) => Some(id),
                }),
                Err(e) => Err(LoadError::Io(dir.to_path_buf(), e)),
            },
            Files::Overlay(base, _) => base.config_refused(),
            Files::Tree(_) | Files::Memory(_) => Ok(None),
        }
    }

    fn bytes(&self, rel: &str, max: u64) -> Result<Bytes, LoadError> {
        match self {
            Files::Dir(root) => {
                // The limit is on the bytes read, not the size the file
                // reports (0 for `/proc` files).
                use std::io::Read as _;
                let path = root.join(rel);
                let file =
                    std::fs::File::open(&path).map_err(|e| LoadError::Io(path.clone(), e))?;
                let mut bytes = Vec::new();
                file.take(max.saturating_add(1))
                    .read_to_end(&mut bytes)
                    .map_err(|e| LoadError::Io(path.clone(), e))?;
                if bytes.len() as u64 > max {
                    return Ok(Bytes::TooLarge);
                }
                // The text is kept for the whole run: without the spare
                // room reading left (up to as much again).
                bytes.shrink_to_fit();
                Ok(Bytes::Data(bytes))
            }
            Files::Tree(rev) => match rev.file(rel) {
                Some(Ok(bytes)) if bytes.len() as u64 > max => Ok(Bytes::TooLarge),
                Some(Ok(bytes)) => Ok(Bytes::Data(bytes.to_vec())),
                Some(Err(_)) => Ok(Bytes::TooLarge),
                None => Err(LoadError::Io(
                    PathBuf::from(rev.display(rel)),
                    std::io::Error::from(std::io::ErrorKind::NotFound),
                )),
            },
            Files::Overlay(base, changed) => match changed.get(rel) {
                Some(bytes) if bytes.len() as u64 > max => Ok(Bytes::TooLarge),
                Some(bytes) => Ok(Bytes::Data(bytes.clone())),
                None => base.bytes(rel, max),
            },
            Files::Memory(files) => match files.get(rel) {
                Some(bytes) if bytes.len() as u64 > max => Ok(Bytes::TooLarge),
                Some(bytes) => Ok(Bytes::Data(bytes.clone())),
                None => Err(LoadError::Io(
                    PathBuf::from(rel),
                    std::io::Error::from(std::io::ErrorKind::NotFound),
                )),
            },
        }
    }
}

/// The plan files to read (path, kind), and the findings of those refused.
type Listed = (Vec<(String, FileKind)>, Vec<Diagnostic>);

/// The plan files to read, and a finding for each name of a plan file that
/// may not be read (a link out of the plan, a link to nowhere, a folder or
/// a pipe named like a plan file).
fn list_files(files: &Files<'_>) -> Result<Listed, LoadError> {
    let mut out = Vec::new();
    let mut refused = Vec::new();
    for (folder, kind) in FOLDERS {
        for (name, access) in files.names(folder)? {
            let yaml = name.ends_with(".yaml") || name.ends_with(".yml");
            let csv =
                name.ends_with(".csv") && matches!(kind, FileKind::Customers | FileKind::Actuals);
            let rel = if name.is_empty() {
                (*folder).to_string()
            } else {
                format!("{folder}/{name}")
            };
            if !name.is_empty() && (name.starts_with('.') || !(yaml || csv)) {
                continue;
            }
            match access {
                Access::Read => out.push((rel, *kind)),
                Access::Refused(id) => refused.push(refusal(&rel, id)),
            }
        }
    }
    out.sort();
    refused.sort_by(|a, b| a.location.file.cmp(&b.location.file));
    Ok((out, refused))
}

/// A finding at a path that is not read, naming it.
fn refusal(rel: &str, id: &'static str) -> Diagnostic {
    Diagnostic::new(
        RuleId::YAML_SYNTAX,
        Level::Error,
        Message::new(id).text("path", rel),
        crate::diag::Location {
            file: rel.to_string(),
            line: 1,
            column: 1,
            end_line: 1,
            end_column: 1,
        },
    )
    .with_help(Message::new("file-refused-help"))
}

/// Read the plan rooted at `root` (the folder holding `salgsmal.yaml`).
pub fn load(root: &Path) -> Result<Loaded, LoadError> {
    load_from(root, &Files::Dir(root))
}

/// Read a plan from `files`; `root` is its folder in the working tree
/// (where reports and imports are written).
pub fn load_from(root: &Path, files: &Files<'_>) -> Result<Loaded, LoadError> {
    load_with(root, files, None)
}

/// The files of a plan folder as parsed and validated last time, by path,
/// for a command that reads the same plan again and again (`watch`). Every
/// file is still read on each load, and one whose bytes are not exactly
/// those of last time (whatever its size or time stamp) is parsed again;
/// the others are taken as they were. What a load makes of the files
/// (the model, its findings) is the same with a cache or without.
#[derive(Default)]
pub struct Cache {
    files: std::collections::HashMap<String, FileRead>,
}

impl Cache {
    /// The file `rel` as read last time, when `bytes` are its bytes then.
    /// A file kept has its text exactly as read: bytes that were not UTF-8
    /// (whose text was mended) never match it, and neither does a file
    /// that was too large (it is never kept).
    fn get(&self, rel: &str, kind: FileKind, bytes: &[u8]) -> Option<FileRead> {
        let (file, diags, typed) = self.files.get(rel)?;
        (file.kind == kind && file.text.as_bytes() == bytes)
            .then(|| (file.clone(), diags.clone(), typed.clone()))
    }

    /// How many files it holds.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

/// Read the plan rooted at `root`, as [`load`] does, taking the files whose
/// bytes have not changed since the last load with this `cache` from it.
pub fn load_cached(root: &Path, cache: &mut Cache) -> Result<Loaded, LoadError> {
    load_from_cached(root, &Files::Dir(root), cache)
}

/// [`load_from`] with a cache, as [`load_cached`] (a what-if reads the
/// plan, then the plan with a few files changed: only those are parsed
/// again).
pub fn load_from_cached(
    root: &Path,
    files: &Files<'_>,
    cache: &mut Cache,
) -> Result<Loaded, LoadError> {
    let mut fresh = Vec::new();
    let loaded = load_with(root, files, Some((cache, &mut fresh)))?;
    // Files gone from the plan leave the cache; those read anew enter it.
    let read: HashSet<&str> = loaded.plan.files.iter().map(|f| f.path.as_str()).collect();
    cache.files.retain(|path, _| read.contains(path.as_str()));
    for entry in fresh {
        cache.files.insert(entry.0.path.clone(), entry);
    }
    Ok(loaded)
}

/// [`load_from`], with a cache to read from and a list to put what was
/// parsed anew in (for the cache).
fn load_with(
    root: &Path,
    files: &Files<'_>,
    mut cache: Option<(&Cache, &mut Vec<FileRead>)>,
) -> Result<Loaded, LoadError> {
    let cached = cache.as_ref().map(|(c, _)| *c);
    let mut keep = |read: FileRead, fresh: bool| {
        if let Some((_, out)) = cache.as_mut()
            && fresh
        {
            out.push(read.clone());
        }
        read
    };
    let ceiling = max_file_bytes(None);
    let refused = files.config_refused()?;
    let (config_file, mut diagnostics, config) = match refused {
        None => {
            let (read, fresh) = read_file(files, CONFIG_FILE, FileKind::Config, ceiling, cached)?;
            keep(read, fresh)
        }
        Some(id) => (
            SourceFile::new(CONFIG_FILE, FileKind::Config),
            vec![refusal(CONFIG_FILE, id)],
            None,
        ),
    };
    let config = match config {
        Some(Typed::Config(c)) => Some(*c),
        _ => None,
    };
    // The plan may lower the user's limit, never raise it.
    let max = max_file_bytes(
        config
            .as_ref()
            .and_then(|c| c.limits.as_ref())
            .and_then(|l| l.max_file_bytes),
    );
    let (paths, refused) = list_files(files)?;
    diagnostics.extend(refused);
    let results: Vec<_> = paths
        .par_iter()
        .map(|(rel, kind)| read_file(files, rel, *kind, max, cached))
        .collect::<Result<Vec<_>, _>>()?
        .into_iter()
        .map(|(read, fresh)| keep(read, fresh))
        .collect();

    let mut plan = Plan {
        root: root.to_path_buf(),
        files: vec![config_file],
        config: None,
        teams: Vec::new(),
        sellers: Vec::new(),
        customers: Vec::new(),
        actuals: Vec::new(),
        metrics: Catalogue::built_in(),
        settings: crate::model::Settings::from_config(config.as_ref()),
        history: crate::model::history::History::new(),
    };
    if let Some(c) = config {
        add_custom_metrics(&mut plan.metrics, &c, &plan.files[0], &mut diagnostics);
        plan.config = Some(Entry {
            file: 0,
            id: "salgsmal".to_string(),
            data: c,
        });
    }
    for (file, diags, typed) in results {
        diagnostics.extend(diags);
        let index = plan.files.len();
        let id = file.stem().to_string();
        plan.files.push(file);
        match typed {
            Some(Typed::Team(data)) => plan.teams.push(Entry {
                file: index,
                id,
                data: *data,
            }),
            Some(Typed::Seller(data)) => plan.sellers.push(Entry {
                file: index,
                id,
                data: *data,
            }),
            Some(Typed::Customers(data)) => plan.customers.push(Entry {
                file: index,
                id,
                data,
            }),
            Some(Typed::Actuals(data)) => plan.actuals.push(Entry {
                file: index,
                id,
                data,
            }),
            Some(Typed::Config(_)) | None => {}
        }
    }
    crate::model::last_year::apply(&mut plan);
    Ok(Loaded { plan, diagnostics })
}

fn add_custom_metrics(
    catalogue: &mut Catalogue,
    config: &Config,
    file: &SourceFile,
    out: &mut Vec<Diagnostic>,
) {
    for (i, m) in config.metrics.iter().enumerate() {
        if catalogue.get(&m.id).is_some() {
            out.push(
                Diagnostic::new(
                    RuleId::DUPLICATE_ID,
                    Level::Error,
                    Message::new("duplicate-id-metric").text("metric", &m.id),
                    file.locate(&format!("/metrics/{i}/id")),
                )
                .with_pointer(format!("/metrics/{i}/id"))
                .with_help(Message::new("duplicate-id-metric-help")),
            );
            continue;
        }
        let rollup = match m.rollup {
            CustomRollup::Sum if m.activity => Rollup::SumOfRates,
            CustomRollup::Sum => Rollup::Sum,
            CustomRollup::Mean => Rollup::Mean,
            CustomRollup::WeightedMean => {
                Rollup::WeightedMean(m.weight.clone().unwrap_or_default())
            }
            CustomRollup::Min => Rollup::Min,
            CustomRollup::Max => Rollup::Max,
            CustomRollup::None => Rollup::None,
        };
        let label = m.label.as_ref();
        let nb = label.and_then(|l| l.nb.clone());
        let en = label.and_then(|l| l.en.clone());
        catalogue.add(Metric {
            id: m.id.clone(),
            label_nb: nb
                .clone()
                .or_else(|| en.clone())
                .unwrap_or_else(|| m.id.clone()),
            label_en: en.or(nb).unwrap_or_else(|| m.id.clone()),
            kind: m.kind,
            better: m.better.unwrap_or(Better::Higher),
            rollup,
            activity: m.activity && m.kind == Kind::Count,
            custom: true,
        });
    }
}

/// A file as read: its source, the findings of reading it, and its typed
/// contents when it has any.
type FileRead = (SourceFile, Vec<Diagnostic>, Option<Typed>);

/// Read one file of the plan: from `cache` when its bytes are those read
/// last time, else parsed and validated (and then `fresh`, to be cached).
fn read_file(
    files: &Files<'_>,
    rel: &str,
    kind: FileKind,
    max_bytes: u64,
    cache: Option<&Cache>,
) -> Result<(FileRead, bool), LoadError> {
    let bytes = match files.bytes(rel, max_bytes)? {
        Bytes::Data(bytes) => bytes,
        Bytes::TooLarge => {
            let file = SourceFile::new(rel, kind);
            let too_large = Diagnostic::new(
                RuleId::YAML_SYNTAX,
                Level::Error,
                Message::new("file-too-large").arg("max", count(max_bytes)),
                file.whole(),
            )
            .with_help(Message::new("file-too-large-help"));
            return Ok(((file, vec![too_large], None), false));
        }
    };
    if let Some(read) = cache.and_then(|c| c.get(rel, kind, &bytes)) {
        return Ok((read, false));
    }
    Ok((parse_file(rel, kind, bytes), true))
}

/// Parse and validate the bytes of one file: its source, its findings, and
/// its typed contents. Depends on nothing but its arguments (what lets
/// [`Cache`] keep the result). The tree is let go once the file is typed:
/// a finding that needs a location builds it again from the text.
fn parse_file(rel: &str, kind: FileKind, bytes: Vec<u8>) -> FileRead {
    let (mut file, diags, typed) = parse_and_type(rel, kind, bytes);
    // The customer lists and actuals are most of a plan's trees and rarely
    // have a finding: their trees are let go. A file with findings of its
    // own keeps its tree (they will be shown), and so do the small files
    // (salgsmal.yaml, teams, sellers) most findings point into.
    let bulky = matches!(kind, FileKind::Customers | FileKind::Actuals);
    if bulky && diags.is_empty() {
        if rel.ends_with(".csv") {
            file.release_tree(|f| csv_tree(f, f.kind).ok().map(|(tree, _)| tree));
        } else {
            file.release_tree(|f| yaml::parse(&f.text).root);
        }
    }
    (file, diags, typed)
}

fn parse_and_type(rel: &str, kind: FileKind, bytes: Vec<u8>) -> FileRead {
    let mut file = SourceFile::new(rel, kind);
    let mut diags = Vec::new();
    match String::from_utf8(bytes) {
        Ok(text) => file.text = text,
        Err(err) => {
            let valid = err.utf8_error().valid_up_to();
            let bytes = err.into_bytes();
            let before = String::from_utf8_lossy(&bytes[..valid]).into_owned();
            let yaml::Pos { line, column } = yaml::end_of(&before);
            file.text = String::from_utf8_lossy(&bytes).into_owned();
            let loc = crate::diag::Location {
                file: rel.to_string(),
                line,
                column,
                end_line: line,
                end_column: column + 1,
            };
            diags.push(
                Diagnostic::new(
                    RuleId::YAML_SYNTAX,
                    Level::Error,
                    Message::new("file-not-utf8")
                        .text("byte", hex(bytes[valid]))
                        .count("offset", valid),
                    loc,
                )
                .with_help(Message::new("file-not-utf8-help")),
            );
            return (file, diags, None);
        }
    }
    let parsed = if rel.ends_with(".csv") {
        match csv_tree(&file, kind) {
            Ok((tree, found)) => {
                diags.extend(found);
                yaml::Parsed {
                    root: Some(tree),
                    issues: Vec::new(),
                }
            }
            Err(d) => {
                diags.push(*d);
                return (file, diags, None);
            }
        }
    } else {
        yaml::parse(&file.text)
    };
    file.tree = parsed.root.map(std::sync::Arc::new);
    for issue in parsed.issues {
        let loc = file.span_location(issue.span);
        let message = yaml_message(&issue.problem);
        diags.push(match issue.kind {
            yaml::IssueKind::Syntax => {
                Diagnostic::new(RuleId::YAML_SYNTAX, Level::Error, message, loc)
            }
            yaml::IssueKind::DuplicateKey => {
                let mut d = Diagnostic::new(RuleId::DUPLICATE_KEY, Level::Error, message, loc);
                if let Some(first) = issue.first {
                    d = d.with_related(
                        &file.span_location(first),
                        Message::new("duplicate-key-first"),
                    );
                }
                d.with_help(Message::new("duplicate-key-help"))
            }
        });
    }
    let Some(tree) = &file.tree else {
        return (file, diags, None);
    };
    if matches!(tree.value, yaml::Value::Scalar(yaml::Scalar::Null)) {
        diags.push(
            Diagnostic::new(
                RuleId::SCHEMA,
                Level::Error,
                Message::new("schema-empty-file").text("kind", kind.schema()),
                file.whole(),
            )
            .with_help(Message::new("schema-empty-file-help")),
        );
        return (file, diags, None);
    }
    let mut bad = HashSet::new();
    let mut structure = Vec::new();
    let json = schema::to_json(tree, "", &file, &mut structure, &mut bad);
    let mut rejected = HashSet::new();
    structure.extend(schema::validate(
        kind.schema(),
        &json,
        &file,
        &bad,
        &mut rejected,
    ));
    // A file with schema errors still takes part in the other checks: the
    // values the schema rejected are left out of the typed model (they are
    // neither used in a sum nor able to drop the file), and typing errors
    // that follow would only repeat the schema's findings.
    let clean = structure.is_empty();
    let mut scopes: Vec<String> = structure
        .iter()
        .map(|d| d.pointer.as_deref().map_or_else(String::new, scope_of))
        .collect();
    scopes.sort();
    scopes.dedup();
    diags.extend(structure);
    rejected.extend(bad);
    let pruned;
    let tree: &yaml::Node = if rejected.is_empty() {
        tree
    } else {
        pruned = prune(tree, &rejected);
        &pruned
    };
    let typed = match typed(tree, kind, &file) {
        Ok(t) => Some(t),
        Err(d) => {
            if clean {
                diags.push(*d);
            }
            None
        }
    };
    file.rejected = scopes;
    (file, diags, typed)
}

/// The part of a file a schema error at `pointer` makes unreliable: the
/// deepest list item that holds it (a goal, a KPI, a customer, an action),
/// or the value itself outside lists.
fn scope_of(pointer: &str) -> String {
    let segments: Vec<&str> = pointer.split('/').collect();
    let item = segments
        .iter()
        .rposition(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()));
    match item {
        Some(i) if i > 0 => segments[..=i].join("/"),
        _ => pointer.to_string(),
    }
}

/// A copy of the tree without the mapping entries at `pointers` (list items
/// stay, so that the positions of the others do not shift).
fn prune(tree: &yaml::Node, pointers: &HashSet<String>) -> yaml::Node {
    let mut copy = tree.clone();
    // The keys to drop, by their mapping: one pass over each mapping.
    let mut by_parent: std::collections::HashMap<&str, HashSet<String>> =
        std::collections::HashMap::new();
    for pointer in pointers {
        if let Some((parent, last)) = pointer.rsplit_once('/') {
            by_parent
                .entry(parent)
                .or_default()
                .insert(crate::source::pointer::unescape(last));
        }
    }
    for (parent, keys) in by_parent {
        if let Some(yaml::Value::Map(entries)) = copy.pointer_mut(parent).map(|n| &mut n.value) {
            entries.retain(|(k, _)| k.key_text().is_none_or(|t| !keys.contains(&t)));
        }
    }
    copy
}

fn typed(tree: &yaml::Node, kind: FileKind, file: &SourceFile) -> Result<Typed, Box<Diagnostic>> {
    let located = |e: de::Error| {
        let loc = e
            .span
            .map_or_else(|| file.whole(), |s| file.span_location(s));
        Box::new(Diagnostic::new(
            RuleId::SCHEMA,
            Level::Error,
            de_message(&e.problem),
            loc,
        ))
    };
    let check_id = |id: Option<&String>| -> Result<(), Box<Diagnostic>> {
        let stem = file.stem();
        let kebab = stem
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            && stem
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if id.is_none() && !kebab {
            return Err(Box::new(
                Diagnostic::new(
                    RuleId::SCHEMA,
                    Level::Error,
                    Message::new("schema-file-name-not-id").text("name", stem),
                    file.whole(),
                )
                .with_help(Message::new("schema-file-name-not-id-help")),
            ));
        }
        match id {
            Some(id) if id != file.stem() => Err(Box::new(
                Diagnostic::new(
                    RuleId::SCHEMA,
                    Level::Error,
                    Message::new("schema-id-differs")
                        .text("id", id)
                        .text("name", file.stem()),
                    file.locate("/id"),
                )
                .with_pointer("/id")
                .with_help(Message::new("schema-id-differs-help").text("id", id)),
            )),
            _ => Ok(()),
        }
    };
    Ok(match kind {
        FileKind::Config => Typed::Config(Box::new(de::from_node(tree).map_err(located)?)),
        FileKind::Team => {
            let t: Team = de::from_node(tree).map_err(located)?;
            check_id(t.id.as_ref())?;
            Typed::Team(Box::new(t))
        }
        FileKind::Seller => {
            let s: Seller = de::from_node(tree).map_err(located)?;
            check_id(s.id.as_ref())?;
            Typed::Seller(Box::new(s))
        }
        FileKind::Customers => Typed::Customers(de::from_node(tree).map_err(located)?),
        FileKind::Actuals => Typed::Actuals(de::from_node(tree).map_err(located)?),
    })
}

/// How the cells of a customer list's CSV column are read.
fn customer_column(name: &str) -> Option<csv::CellKind> {
    use csv::CellKind;
    Some(match name {
        "id" | "name" | "owner" | "category" | "note" => CellKind::Text,
        "revenue" | "margin" | "sales_cost" => CellKind::Number,
        "potential" => CellKind::NumberOrText,
        "prospect" => CellKind::Bool,
        _ => return None,
    })
}

fn actuals_column(name: &str) -> Option<csv::CellKind> {
    match name {
        "seller" | "metric" | "customer" => Some(csv::CellKind::Text),
        "value" | "revenue" | "contribution" => Some(csv::CellKind::Number),
        _ => None,
    }
}

/// The columns of the two forms of an actuals CSV: values per seller
/// (`seller,metric,value`) or per customer (`customer,revenue,contribution`).
const SELLER_ACTUALS: &[&str] = &["seller", "metric", "value"];
const CUSTOMER_ACTUALS: &[&str] = &["customer", "revenue", "contribution"];

fn text_node(text: &str, span: yaml::SrcSpan) -> yaml::Node {
    yaml::Node {
        value: yaml::Value::Scalar(yaml::Scalar::Str(text.to_string())),
        span,
    }
}

/// A CSV file as the tree its YAML form would give: a customer list
/// `{customers: [...]}`, or actuals `{period: <file name>, sellers: {...}}`
/// from `seller,metric,value` rows.
fn csv_tree(
    file: &SourceFile,
    kind: FileKind,
) -> Result<(yaml::Node, Vec<Diagnostic>), Box<Diagnostic>> {
    let whole = yaml::SrcSpan::point(yaml::Pos { line: 1, column: 1 });
    let column_kind = if kind == FileKind::Actuals {
        actuals_column
    } else {
        customer_column
    };
    let located = |issue: csv::CsvIssue| {
        let span = yaml::SrcSpan::point(issue.pos);
        Diagnostic::new(
            RuleId::CSV_SYNTAX,
            Level::Error,
            csv_message(&issue.problem),
            file.span_location(span),
        )
    };
    let table = csv::table(&file.text, column_kind).map_err(|issue| Box::new(located(issue)))?;
    let (mut rows, unknown) = (table.rows, table.unknown);
    let per_customer =
        kind == FileKind::Actuals && table.header.iter().any(|h| h.text.trim() == "customer");
    let allowed: &[&str] = if per_customer {
        CUSTOMER_ACTUALS
    } else if kind == FileKind::Actuals {
        SELLER_ACTUALS
    } else {
        &[
            "id",
            "name",
            "owner",
            "revenue",
            "margin",
            "sales_cost",
            "potential",
            "category",
            "prospect",
            "note",
        ]
    };
    let mut found: Vec<Diagnostic> = table.issues.into_iter().map(located).collect();
    // The first hundred unknown columns one by one, the rest counted.
    const SHOWN: usize = 100;
    let allowed_columns = allowed.join(", ");
    found.extend(unknown.iter().take(SHOWN).map(|cell| {
        let name = cell.text.trim();
        let message = match crate::diag::did_you_mean(name, allowed.iter().copied()) {
            Some(s) => Message::new("csv-unknown-column-suggest")
                .text("column", name)
                .text("suggestion", s),
            None => Message::new("csv-unknown-column").text("column", name),
        };
        let span = yaml::SrcSpan {
            start: cell.pos,
            end: cell.end,
        };
        Diagnostic::new(
            RuleId::SCHEMA,
            Level::Error,
            message,
            file.span_location(span),
        )
        .with_help(Message::new("csv-columns-help").text("columns", &allowed_columns))
    }));
    if let Some(rest) = unknown.get(SHOWN..)
        && let Some(first) = rest.first()
    {
        let named: Vec<&str> = rest.iter().take(5).map(|c| c.text.trim()).collect();
        found.push(
            Diagnostic::new(
                RuleId::SCHEMA,
                Level::Error,
                Message::new("csv-unknown-columns-more")
                    .count("count", rest.len())
                    .text("columns", named.join(", ")),
                file.span_location(yaml::SrcSpan {
                    start: first.pos,
                    end: first.end,
                }),
            )
            .with_help(Message::new("csv-columns-help").text("columns", &allowed_columns)),
        );
    }
    // A required column missing from the header is one finding, not one a row.
    let required: &[&str] = if per_customer {
        &["customer"]
    } else if kind == FileKind::Actuals {
        SELLER_ACTUALS
    } else {
        &["id", "name"]
    };
    let named: Vec<&str> = table.header.iter().map(|h| h.text.trim()).collect();
    let missing: Vec<&str> = required
        .iter()
        .copied()
        .filter(|r| !named.contains(r))
        .collect();
    if !missing.is_empty() && !table.header.is_empty() {
        found.push(
            Diagnostic::new(
                RuleId::SCHEMA,
                Level::Error,
                Message::new("csv-missing-column")
                    .phrase("columns", crate::i18n::either(missing.iter().copied())),
                file.span_location(yaml::SrcSpan::point(yaml::Pos { line: 1, column: 1 })),
            )
            .with_help(Message::new("csv-columns-help").text("columns", allowed.join(", "))),
        );
        rows.value = yaml::Value::Seq(Vec::new());
    }
    if kind != FileKind::Actuals {
        let tree = yaml::Node {
            value: yaml::Value::Map(vec![(text_node("customers", whole), rows)]),
            span: whole,
        };
        return Ok((tree, found));
    }
    if per_customer {
        return Ok((customer_actuals_tree(file, &rows, whole, &mut found), found));
    }
    // Actuals: group the rows by seller, then metric.
    let mut sellers: Vec<(yaml::Node, yaml::Node)> = Vec::new();
    for row in rows.as_seq().unwrap_or_default() {
        let (Some(seller), Some(metric), Some(value)) =
            (row.get("seller"), row.get("metric"), row.get("value"))
        else {
            found.push(Diagnostic::new(
                RuleId::CSV_SYNTAX,
                Level::Error,
                Message::new("csv-actuals-row"),
                file.span_location(row.span),
            ));
            continue;
        };
        let (Some(seller_id), Some(metric_id)) = (seller.as_str(), metric.as_str()) else {
            continue;
        };
        let index = match sellers
            .iter()
            .position(|(k, _)| k.as_str() == Some(seller_id))
        {
            Some(i) => i,
            None => {
                sellers.push((
                    seller.clone(),
                    yaml::Node {
                        value: yaml::Value::Map(Vec::new()),
                        span: seller.span,
                    },
                ));
                sellers.len() - 1
            }
        };
        if let yaml::Value::Map(values) = &mut sellers[index].1.value {
            if let Some((first, _)) = values.iter().find(|(k, _)| k.as_str() == Some(metric_id)) {
                found.push(
                    Diagnostic::new(
                        RuleId::DUPLICATE_KEY,
                        Level::Error,
                        Message::new("csv-duplicate-row")
                            .text("seller", seller_id)
                            .text("metric", metric_id)
                            .text("line", first.span.start.line.to_string()),
                        file.span_location(metric.span),
                    )
                    .with_related(
                        &file.span_location(first.span),
                        Message::new("duplicate-key-first"),
                    ),
                );
            } else {
                values.push((metric.clone(), value.clone()));
            }
        }
    }
    let tree = yaml::Node {
        value: yaml::Value::Map(vec![
            (text_node("period", whole), text_node(file.stem(), whole)),
            (
                text_node("sellers", whole),
                yaml::Node {
                    value: yaml::Value::Map(sellers),
                    span: whole,
                },
            ),
        ]),
        span: whole,
    };
    Ok((tree, found))
}

/// Per-customer actuals from `customer,revenue,contribution` rows: `{period:
/// <file name>, customers: {<id>: {revenue, contribution}}}`; a customer on
/// two rows is a `duplicate-key` error at the second.
fn customer_actuals_tree(
    file: &SourceFile,
    rows: &yaml::Node,
    whole: yaml::SrcSpan,
    found: &mut Vec<Diagnostic>,
) -> yaml::Node {
    let mut customers: Vec<(yaml::Node, yaml::Node)> = Vec::new();
    for row in rows.as_seq().unwrap_or_default() {
        let Some(customer) = row.get("customer") else {
            continue;
        };
        let Some(id) = customer.as_str() else {
            continue;
        };
        if let Some((first, _)) = customers.iter().find(|(k, _)| k.as_str() == Some(id)) {
            found.push(
                Diagnostic::new(
                    RuleId::DUPLICATE_KEY,
                    Level::Error,
                    Message::new("csv-duplicate-customer-row")
                        .text("customer", id)
                        .text("line", first.span.start.line.to_string()),
                    file.span_location(customer.span),
                )
                .with_related(
                    &file.span_location(first.span),
                    Message::new("duplicate-key-first"),
                ),
            );
            continue;
        }
        let values: Vec<(yaml::Node, yaml::Node)> = ["revenue", "contribution"]
            .iter()
            .filter_map(|k| {
                row.entry(k)
                    .map(|(key, value)| (key.clone(), value.clone()))
            })
            .collect();
        customers.push((
            customer.clone(),
            yaml::Node {
                value: yaml::Value::Map(values),
                span: row.span,
            },
        ));
    }
    yaml::Node {
        value: yaml::Value::Map(vec![
            (text_node("period", whole), text_node(file.stem(), whole)),
            (
                text_node("customers", whole),
                yaml::Node {
                    value: yaml::Value::Map(customers),
                    span: whole,
                },
            ),
        ]),
        span: whole,
    }
}

/// A count of bytes as a message argument.
fn count(n: u64) -> crate::i18n::Arg {
    crate::i18n::Arg::Count(i64::try_from(n).unwrap_or(i64::MAX))
}

/// A byte in two hex digits (`0xff`).
fn hex(byte: u8) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    [
        DIGITS[usize::from(byte >> 4)],
        DIGITS[usize::from(byte & 0xf)],
    ]
    .iter()
    .map(|d| char::from(*d))
    .collect()
}

/// A YAML reading problem in words.
fn yaml_message(problem: &yaml::Problem) -> Message {
    use yaml::Problem;
    match problem {
        // The parser's own words cannot be translated: they get a frame.
        Problem::Parser(detail) => Message::new("yaml-syntax-error").text("detail", detail),
        Problem::SecondDocument => Message::new("yaml-second-document"),
        Problem::TooDeep { max } => Message::new("yaml-too-deep").count("max", *max),
        Problem::UnknownAnchor => Message::new("yaml-unknown-anchor"),
        Problem::AliasBomb { max } => Message::new("yaml-alias-bomb").count("max", *max),
        Problem::DuplicateKey { key, first_line } => Message::new("duplicate-key")
            .text("key", key)
            .text("line", first_line.to_string()),
    }
}

/// A CSV reading problem in words.
fn csv_message(problem: &csv::Problem) -> Message {
    use csv::Problem;
    match problem {
        Problem::UnclosedQuote => Message::new("csv-unclosed-quote"),
        Problem::TextAfterQuote => Message::new("csv-text-after-quote"),
        Problem::QuoteInCell => Message::new("csv-quote-in-cell"),
        Problem::ColumnTwice { name } => Message::new("csv-column-twice").text("column", name),
        Problem::RowLength { cells, columns } => Message::new("csv-row-length")
            .count("cells", *cells)
            .count("columns", *columns),
    }
}

/// A problem reading the typed model in words.
fn de_message(problem: &de::Problem) -> Message {
    use de::Problem;
    match problem {
        // serde's and the model's own words (English): they get a frame.
        Problem::Custom(detail) => Message::new("schema-unreadable").text("detail", detail),
        Problem::OutOfRange(text) => Message::new("schema-out-of-range").text("text", text),
        Problem::NotANumber(text) => Message::new("schema-bad-number").text("text", text),
        Problem::NotAWord => Message::new("schema-not-a-word"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(root: &Path, rel: &str, text: &str) {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }

    /// What a load found, to compare a cached load with a plain one.
    fn summary(loaded: &Loaded) -> (Vec<(String, String)>, Vec<Diagnostic>, usize) {
        let files = loaded
            .plan
            .files
            .iter()
            .map(|f| (f.path.clone(), f.text.clone()))
            .collect();
        (files, loaded.diagnostics.clone(), loaded.plan.sellers.len())
    }

    #[test]
    fn a_cached_load_is_a_load_and_sees_every_changed_byte() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        write(root, CONFIG_FILE, "version: 1\nperiod: 2027\n");
        write(root, "teams/salg.yaml", "name: Salg\n");
        write(root, "sellers/kari.yaml", "name: Kari\nteam: salg\n");
        write(root, "sellers/ola.yaml", "name: Ola\nteam: salg\nbad: 1\n");
        let mut cache = Cache::default();
        let first = load_cached(root, &mut cache).expect("load");
        assert_eq!(summary(&first), summary(&load(root).expect("load")));
        assert_eq!(cache.len(), 4);
        let again = load_cached(root, &mut cache).expect("load");
        assert_eq!(summary(&again), summary(&first));

        // The same size, and the time stamp put back: the bytes decide.
        let path = root.join("sellers/kari.yaml");
        let stamp = std::fs::metadata(&path)
            .and_then(|m| m.modified())
            .expect("mtime");
        std::fs::write(&path, "name: Kari\nteam: salx\n").expect("write");
        std::fs::File::options()
            .write(true)
            .open(&path)
            .and_then(|f| f.set_modified(stamp))
            .expect("set mtime");
        let changed = load_cached(root, &mut cache).expect("load");
        assert_eq!(summary(&changed), summary(&load(root).expect("load")));
        assert!(changed.plan.files.iter().any(|f| f.text.contains("salx")));

        // A file gone leaves the cache.
        std::fs::remove_file(root.join("sellers/ola.yaml")).expect("remove");
        let fewer = load_cached(root, &mut cache).expect("load");
        assert_eq!(summary(&fewer), summary(&load(root).expect("load")));
        assert_eq!(cache.len(), 3);
    }
}
