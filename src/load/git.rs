//! A plan as it was at a git revision: its files read from the revision's
//! tree into memory, never from or into the working tree. Only regular
//! files are read (a symlink in the tree is never followed), and a file
//! over the size limit is not read at all.

use super::{CONFIG_FILE, DEFAULT_MAX_FILE_BYTES, FOLDERS};
use crate::model::history::{self, Commit, History, TargetChange};
use crate::model::number::Quantity;
use crate::model::period::Date;
use crate::source::yaml;
use git2::{ObjectType, Oid, Repository, Sort, Tree};
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

/// A git failure that stops the run (exit 2).
#[derive(Debug)]
pub struct GitError(pub String);

impl fmt::Display for GitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for GitError {}

fn fail(text: impl Into<String>) -> GitError {
    GitError(text.into())
}

/// A file of the revision: its bytes, or its size when over the limit.
enum Blob {
    Data(Vec<u8>),
    TooLarge(u64),
}

/// The plan's files at one revision.
pub struct Revision {
    /// The revision as asked for (`HEAD~1`, `main`).
    pub name: String,
    /// The commit's id.
    pub id: Oid,
    /// The plan's folder from the repository root (`""` or `plans/vest/`).
    pub prefix: String,
    /// Plan-relative path → content.
    files: BTreeMap<String, Blob>,
    /// The plan's own templates (`templates/…`, relative to that folder).
    pub templates: BTreeMap<String, String>,
}

impl Revision {
    /// The names of the regular files directly in `folder`.
    pub fn names(&self, folder: &str) -> Vec<String> {
        let lead = format!("{folder}/");
        self.files
            .keys()
            .filter_map(|k| k.strip_prefix(&lead))
            .filter(|name| !name.contains('/'))
            .map(str::to_string)
            .collect()
    }

    /// A file's bytes (`Err(size)` when over the limit), if it is there.
    pub fn file(&self, rel: &str) -> Option<Result<&[u8], u64>> {
        self.files.get(rel).map(|b| match b {
            Blob::Data(d) => Ok(d.as_slice()),
            Blob::TooLarge(size) => Err(*size),
        })
    }

    /// The commit's short id (7 hex digits).
    pub fn short(&self) -> String {
        self.id.to_string().chars().take(7).collect()
    }

    /// How a plan file is named in output: `REV:path/from/the/root`.
    pub fn display(&self, rel: &str) -> String {
        format!("{}:{}{rel}", self.name, self.prefix)
    }
}

/// A repository and its working tree.
pub struct Repo {
    repo: Repository,
    workdir: PathBuf,
}

impl Repo {
    /// The repository that holds `start` (a folder).
    pub fn open(start: &Path) -> Result<Self, GitError> {
        let repo = Repository::discover(start).map_err(|_| {
            fail(format!(
                "{} is not inside a git repository",
                start.display()
            ))
        })?;
        let workdir = repo
            .workdir()
            .ok_or_else(|| fail("the repository has no working tree (a bare repository)"))?
            .canonicalize()
            .map_err(|e| fail(e.to_string()))?;
        Ok(Self { repo, workdir })
    }

    /// The working tree's folder.
    pub fn workdir(&self) -> &Path {
        &self.workdir
    }

    pub fn is_shallow(&self) -> bool {
        self.repo.is_shallow()
    }

    /// The commit a revision names.
    pub fn commit(&self, rev: &str) -> Result<Oid, GitError> {
        let found = self
            .repo
            .revparse_single(rev)
            .and_then(|o| o.peel_to_commit());
        match found {
            Ok(c) => Ok(c.id()),
            Err(_) if self.is_shallow() => Err(fail(format!(
                "revision `{rev}` is not in this shallow clone: fetch the history first (`fetch-depth: 0` in actions/checkout, or `git fetch --deepen=100`)"
            ))),
            Err(_) => Err(fail(format!("unknown git revision `{rev}`"))),
        }
    }

    /// The default base of a comparison: the merge-base of HEAD with the
    /// remote default branch (`origin/HEAD`, else `origin/main`, else
    /// `main`), else HEAD itself.
    pub fn default_base(&self) -> Result<(String, Oid), GitError> {
        let head = self.commit("HEAD")?;
        for name in ["origin/HEAD", "origin/main", "main"] {
            let Ok(other) = self
                .repo
                .revparse_single(name)
                .and_then(|o| o.peel_to_commit())
            else {
                continue;
            };
            return match self.repo.merge_base(head, other.id()) {
                Ok(base) => Ok((format!("merge-base(HEAD, {name})"), base)),
                Err(_) if self.is_shallow() => Err(fail(format!(
                    "the merge-base of HEAD and {name} is not in this shallow clone: fetch the history first (`fetch-depth: 0` in actions/checkout, or `git fetch --deepen=100`)"
                ))),
                Err(_) => Err(fail(format!("HEAD and {name} have no common history"))),
            };
        }
        Ok(("HEAD".to_string(), head))
    }

    /// The plan at `commit`: the folder holding `salgsmal.yaml` at that
    /// revision, searched from `start` (a folder in the working tree,
    /// which need not exist any more) upward to the repository root.
    pub fn plan_at(&self, name: &str, commit: Oid, start: &Path) -> Result<Revision, GitError> {
        match self.find_plan_at(name, commit, start)? {
            Some(rev) => Ok(rev),
            None => {
                let rel = self.relative(start)?;
                Err(fail(format!(
                    "no {CONFIG_FILE} at {name} in {} or any folder above it",
                    if rel.as_os_str().is_empty() {
                        "the repository root".to_string()
                    } else {
                        rel.display().to_string()
                    }
                )))
            }
        }
    }

    /// The plan at `commit` (as [`Repo::plan_at`]), or `None` when the
    /// revision has no `salgsmal.yaml` there: the plan is newer.
    pub fn find_plan_at(
        &self,
        name: &str,
        commit: Oid,
        start: &Path,
    ) -> Result<Option<Revision>, GitError> {
        let tree = self
            .repo
            .find_commit(commit)
            .and_then(|c| c.tree())
            .map_err(|e| fail(e.message().to_string()))?;
        let rel = self.relative(start)?;
        let mut parts: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        loop {
            let prefix: String = parts.iter().map(|p| format!("{p}/")).collect();
            if self
                .regular(&tree, &format!("{prefix}{CONFIG_FILE}"))
                .is_some()
            {
                return self.read_plan(name, commit, &tree, prefix).map(Some);
            }
            if parts.pop().is_none() {
                break;
            }
        }
        Ok(None)
    }

    /// `start` relative to the working tree (for a folder that is gone,
    /// its nearest existing ancestor decides).
    fn relative(&self, start: &Path) -> Result<PathBuf, GitError> {
        let absolute = if start.is_absolute() {
            start.to_path_buf()
        } else {
            std::env::current_dir()
                .map_err(|e| fail(e.to_string()))?
                .join(start)
        };
        let mut existing = absolute.as_path();
        let mut rest = Vec::new();
        while !existing.exists() {
            match (existing.file_name(), existing.parent()) {
                (Some(n), Some(p)) => {
                    rest.push(n.to_os_string());
                    existing = p;
                }
                _ => break,
            }
        }
        let real = existing.canonicalize().map_err(|e| fail(e.to_string()))?;
        let mut rel = real
            .strip_prefix(&self.workdir)
            .map_err(|_| {
                fail(format!(
                    "{} is outside the repository's working tree {}",
                    start.display(),
                    self.workdir.display()
                ))
            })?
            .to_path_buf();
        for n in rest.iter().rev() {
            rel.push(n);
        }
        Ok(rel)
    }

    /// The blob id of a regular file at `path` of `tree`.
    fn regular(&self, tree: &Tree<'_>, path: &str) -> Option<Oid> {
        let entry = tree.get_path(Path::new(path)).ok()?;
        let regular = matches!(entry.filemode(), 0o100_644 | 0o100_755);
        (regular && entry.kind() == Some(ObjectType::Blob)).then(|| entry.id())
    }

    fn read(&self, oid: Oid) -> Result<Blob, GitError> {
        let odb = self.repo.odb().map_err(|e| fail(e.message().to_string()))?;
        let (size, _) = odb
            .read_header(oid)
            .map_err(|e| fail(e.message().to_string()))?;
        if size as u64 > DEFAULT_MAX_FILE_BYTES {
            return Ok(Blob::TooLarge(size as u64));
        }
        let blob = self
            .repo
            .find_blob(oid)
            .map_err(|e| fail(e.message().to_string()))?;
        Ok(Blob::Data(blob.content().to_vec()))
    }

    fn read_plan(
        &self,
        name: &str,
        id: Oid,
        tree: &Tree<'_>,
        prefix: String,
    ) -> Result<Revision, GitError> {
        let mut files = BTreeMap::new();
        if let Some(oid) = self.regular(tree, &format!("{prefix}{CONFIG_FILE}")) {
            files.insert(CONFIG_FILE.to_string(), self.read(oid)?);
        }
        let folder_tree = |folder: &str| -> Option<Tree<'_>> {
            let entry = tree
                .get_path(Path::new(&format!("{prefix}{folder}")))
                .ok()?;
            if entry.kind() != Some(ObjectType::Tree) {
                return None;
            }
            self.repo.find_tree(entry.id()).ok()
        };
        for (folder, _) in FOLDERS {
            let Some(sub) = folder_tree(folder) else {
                continue;
            };
            for entry in &sub {
                let Some(file) = entry.name() else { continue };
                let regular = matches!(entry.filemode(), 0o100_644 | 0o100_755);
                if regular && entry.kind() == Some(ObjectType::Blob) {
                    files.insert(format!("{folder}/{file}"), self.read(entry.id())?);
                }
            }
        }
        let mut templates = BTreeMap::new();
        if let Some(sub) = folder_tree("templates") {
            let mut found = Vec::new();
            sub.walk(git2::TreeWalkMode::PreOrder, |dir, entry| {
                let regular = matches!(entry.filemode(), 0o100_644 | 0o100_755);
                if let (true, Some(file)) = (regular, entry.name()) {
                    found.push((format!("{dir}{file}"), entry.id()));
                }
                git2::TreeWalkResult::Ok
            })
            .map_err(|e| fail(e.message().to_string()))?;
            for (path, oid) in found {
                if let Blob::Data(bytes) = self.read(oid)?
                    && let Ok(text) = String::from_utf8(bytes)
                {
                    templates.insert(path, text);
                }
            }
        }
        Ok(Revision {
            name: name.to_string(),
            id,
            prefix,
            files,
            templates,
        })
    }
}

/// A file's targets: (list, id) → (index, value).
type Targets = BTreeMap<(String, String), (usize, Option<rust_decimal::Decimal>)>;

fn targets(text: &str) -> Targets {
    let mut out = Targets::new();
    let Some(root) = yaml::parse(text).root else {
        return out;
    };
    for list in ["goals", "kpis"] {
        let Some(items) = root.get(list).and_then(yaml::Node::as_seq) else {
            continue;
        };
        for (i, item) in items.iter().enumerate() {
            let Some(id) = item.get("id").and_then(yaml::Node::as_str) else {
                continue;
            };
            let value = item
                .get("target")
                .and_then(yaml::Node::key_text)
                .and_then(|t| Quantity::parse(&t).ok())
                .map(|q| q.value);
            out.insert((list.to_string(), id.to_string()), (i, value));
        }
    }
    out
}

/// The targets one commit changed, from `old` to `new`.
fn changed(old: &Targets, new: &Targets) -> Vec<TargetChange> {
    let mut out = Vec::new();
    for ((list, id), (index, value)) in new {
        let before = old.get(&(list.clone(), id.clone())).map(|(_, v)| *v);
        if before != Some(*value) {
            out.push(TargetChange {
                list: list.clone(),
                id: id.clone(),
                index: *index,
                old: before.flatten(),
                new: *value,
            });
        }
    }
    for ((list, id), (index, value)) in old {
        if !new.contains_key(&(list.clone(), id.clone())) {
            out.push(TargetChange {
                list: list.clone(),
                id: id.clone(),
                index: *index,
                old: *value,
                new: None,
            });
        }
    }
    // In the file's order: goals, then KPIs.
    out.sort_by_key(|c| (c.list != "goals", c.index));
    out
}

impl Repo {
    /// The plan folder `dir` relative to the repository root, as a prefix
    /// (`""` or `plans/vest/`).
    pub fn prefix_of(&self, dir: &Path) -> Result<String, GitError> {
        let rel = self.relative(dir)?;
        Ok(rel
            .components()
            .map(|c| format!("{}/", c.as_os_str().to_string_lossy()))
            .collect())
    }

    /// The commits from `from` back that changed the targets of `files`
    /// (paths in the plan at `prefix`): every one dated on or after
    /// `since`, and with `latest` at least the latest of each file, within
    /// `limit` commits. Merge commits count by their parents' own commits; a file
    /// is followed by its path (not through a rename).
    pub fn history(
        &self,
        from: Oid,
        prefix: &str,
        files: &[String],
        since: Date,
        latest: bool,
        limit: usize,
    ) -> Result<History, GitError> {
        let err = |e: git2::Error| fail(e.message().to_string());
        let mut out: History = files.iter().map(|f| (f.clone(), Vec::new())).collect();
        let mut walk = self.repo.revwalk().map_err(err)?;
        walk.push(from).map_err(err)?;
        walk.set_sorting(Sort::TOPOLOGICAL | Sort::TIME)
            .map_err(err)?;
        // A folder's regular files: name → blob, read once per commit.
        let listing = |tree: &Tree<'_>, folder: &str| -> HashMap<String, Oid> {
            let Ok(entry) = tree.get_path(Path::new(&format!("{prefix}{folder}"))) else {
                return HashMap::new();
            };
            let Ok(sub) = self.repo.find_tree(entry.id()) else {
                return HashMap::new();
            };
            sub.iter()
                .filter(|e| {
                    matches!(e.filemode(), 0o100_644 | 0o100_755)
                        && e.kind() == Some(ObjectType::Blob)
                })
                .filter_map(|e| Some((format!("{folder}/{}", e.name()?), e.id())))
                .collect()
        };
        let text = |oid: Option<Oid>| -> String {
            match oid.map(|o| self.read(o)) {
                Some(Ok(Blob::Data(bytes))) => String::from_utf8_lossy(&bytes).into_owned(),
                _ => String::new(),
            }
        };
        for oid in walk.take(limit) {
            let commit = self.repo.find_commit(oid.map_err(err)?).map_err(err)?;
            if commit.parent_count() > 1 {
                continue;
            }
            let author = commit.author();
            let date = Date::from_days(author.when().seconds().div_euclid(86_400));
            if date < since && (!latest || out.values().all(|h| !h.is_empty())) {
                break;
            }
            let tree = commit.tree().map_err(err)?;
            let parent = commit.parent(0).ok().and_then(|p| p.tree().ok());
            // A commit that leaves the sellers' and teams' folders as they
            // were changes no target.
            let folder = |t: &Tree<'_>, f: &str| {
                t.get_path(Path::new(&format!("{prefix}{f}")))
                    .ok()
                    .map(|e| e.id())
            };
            if let Some(p) = &parent
                && ["sellers", "teams"]
                    .iter()
                    .all(|f| folder(&tree, f) == folder(p, f))
            {
                continue;
            }
            let (mut now_files, mut before_files) = (HashMap::new(), HashMap::new());
            for f in ["sellers", "teams"] {
                if parent
                    .as_ref()
                    .is_some_and(|p| folder(&tree, f) == folder(p, f))
                {
                    continue; // this folder is as it was
                }
                now_files.extend(listing(&tree, f));
                if let Some(p) = &parent {
                    before_files.extend(listing(p, f));
                }
            }
            let message = commit.message().unwrap_or_default().to_string();
            for file in files {
                let Some(found) = out.get_mut(file) else {
                    continue;
                };
                if date < since && (!latest || !found.is_empty()) {
                    continue;
                }
                let now = now_files.get(file).copied();
                let before = before_files.get(file).copied();
                if now == before {
                    continue;
                }
                let changes = changed(&targets(&text(before)), &targets(&text(now)));
                if changes.is_empty() {
                    continue;
                }
                found.push((
                    Commit {
                        id: commit.id().to_string(),
                        date,
                        author_name: author.name().unwrap_or_default().to_string(),
                        author_email: author.email().unwrap_or_default().to_lowercase(),
                        summary: commit.summary().unwrap_or_default().to_string(),
                        agreed_by: history::agreed_by(&message),
                    },
                    changes,
                ));
            }
        }
        Ok(out)
    }
}
