//! Names the git commit the binary is built from, for `salgsmal --version`:
//! `SALGSMAL_VERSION` is `0.1.0 (abc123def)`, with `-dirty` after the commit
//! when the working tree has changes, and `SALGSMAL_GIT_COMMIT` the commit
//! alone. Without git, or outside this crate's own repository (a crates.io
//! tarball, even one unpacked inside another repository), the version alone.
//! Nothing here can fail the build.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from);
    let commit = manifest.as_deref().and_then(commit);
    match commit {
        Some((commit, date)) => {
            println!("cargo:rustc-env=SALGSMAL_GIT_COMMIT={commit}");
            println!("cargo:rustc-env=SALGSMAL_VERSION={version} ({commit})");
            if let Some(date) = date {
                println!("cargo:rustc-env=SALGSMAL_COMMIT_DATE={date}");
            }
        }
        None => println!("cargo:rustc-env=SALGSMAL_VERSION={version}"),
    }
}

/// The short commit of HEAD in the repository whose top is `dir`, with
/// `-dirty` for a changed tree, and its date (YYYY-MM-DD, for the man
/// page); and the files whose change means they must be asked again.
fn commit(dir: &Path) -> Option<(String, Option<String>)> {
    let top = git(dir, &["rev-parse", "--show-toplevel"])?;
    // Only this crate's own repository: not one it happens to be unpacked in.
    let same = match (Path::new(&top).canonicalize(), dir.canonicalize()) {
        (Ok(top), Ok(dir)) => top == dir,
        _ => false,
    };
    if !same {
        return None;
    }
    watch(dir);
    let short = git(dir, &["rev-parse", "--short=9", "HEAD"])?;
    // `--no-optional-locks`: asking must not rewrite the index (which would
    // be a change, and another run of this script).
    let status = git(dir, &["--no-optional-locks", "status", "--porcelain"]);
    let date = git(dir, &["log", "-1", "--format=%cs", "HEAD"]).filter(|d| !d.is_empty());
    let commit = match status {
        Some(s) if !s.is_empty() => format!("{short}-dirty"),
        _ => short,
    };
    Some((commit, date))
}

/// Ask cargo to run this script again when HEAD moves (a checkout, or a
/// commit on the branch HEAD names) and when the sources change (which may
/// make the tree dirty). In a worktree `.git` is a file: the git dirs come
/// from git itself. Only files that exist are named: cargo reruns the script
/// on every build for one that does not.
fn watch(dir: &Path) {
    let path = |args: &[&str]| git(dir, args).map(|p| dir.join(p));
    let mut files = Vec::new();
    if let Some(git_dir) = path(&["rev-parse", "--git-dir"]) {
        files.push(git_dir.join("HEAD"));
    }
    if let Some(common) = path(&["rev-parse", "--git-common-dir"]) {
        if let Some(head_ref) = git(dir, &["symbolic-ref", "-q", "HEAD"]) {
            files.push(common.join(head_ref));
        }
        files.push(common.join("packed-refs"));
    }
    for name in ["src", "schemas", "templates", "Cargo.toml", "Cargo.lock"] {
        files.push(dir.join(name));
    }
    for file in files.iter().filter(|f| f.exists()) {
        println!("cargo:rerun-if-changed={}", file.display());
    }
}

/// The trimmed output of `git ARGS` in `dir`, if git ran and succeeded.
fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let output = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .ok()?;
    if !output.status.success() {
        return None;
    }
    let text = String::from_utf8(output.stdout).ok()?;
    Some(text.trim().to_string())
}
