//! The hooks in `.pre-commit-hooks.yaml`, run by the real `pre-commit`
//! (PyPI; `.ci/run` installs it) on a plan repository in a temp folder.

mod common;
use common::{copy_dir, example_dir, git_as};
use std::path::Path;
use std::process::{Command, Output};

const AUTHOR: (&str, &str) = ("Ola Hansen", "ola.hansen@nordlys.no");

fn pre_commit(dir: &Path, home: &Path, args: &[&str]) -> Output {
    // The built binary first on the PATH, for the `system` hook.
    let bin = common::bin();
    let bin_dir = bin.parent().expect("bin dir");
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    Command::new("pre-commit")
        .args(args)
        .current_dir(dir)
        .env("PATH", path)
        .env("PRE_COMMIT_HOME", home)
        .env("HOME", home)
        .env("GIT_AUTHOR_NAME", AUTHOR.0)
        .env("GIT_AUTHOR_EMAIL", AUTHOR.1)
        .env("GIT_COMMITTER_NAME", AUTHOR.0)
        .env("GIT_COMMITTER_EMAIL", AUTHOR.1)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("pre-commit is installed (pip install pre-commit)")
}

#[test]
fn the_manifest_is_valid_and_the_hook_checks_the_plan() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join(".pre-commit-hooks.yaml");
    let home = tempfile::tempdir().expect("temp dir");
    let out = pre_commit(
        home.path(),
        home.path(),
        &["validate-manifest", manifest.to_str().expect("path")],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );

    // The hook repository: the manifest, committed.
    let hooks = tempfile::tempdir().expect("temp dir");
    std::fs::copy(&manifest, hooks.path().join(".pre-commit-hooks.yaml")).expect("copy");
    git_as(hooks.path(), &["init", "-q", "-b", "main"], AUTHOR, None);
    git_as(hooks.path(), &["add", "-A"], AUTHOR, None);
    git_as(hooks.path(), &["commit", "-q", "-m", "Hooks"], AUTHOR, None);

    // A plan repository with the plan in a subfolder.
    let repo = tempfile::tempdir().expect("temp dir");
    let plan = repo.path().join("plans/vest");
    std::fs::create_dir_all(&plan).expect("mkdir");
    copy_dir(&example_dir(), &plan);
    git_as(repo.path(), &["init", "-q", "-b", "main"], AUTHOR, None);
    std::fs::write(
        repo.path().join(".pre-commit-config.yaml"),
        format!(
            "repos:\n  - repo: {}\n    rev: {}\n    hooks:\n      - id: salgsmal-check-system\n        args: [plans/vest]\n",
            hooks.path().display(),
            git_as(hooks.path(), &["rev-parse", "HEAD"], AUTHOR, None)
        ),
    )
    .expect("config");
    git_as(repo.path(), &["add", "-A"], AUTHOR, None);
    git_as(
        repo.path(),
        &["commit", "-q", "-m", "The plan"],
        AUTHOR,
        None,
    );

    let run = |what: &str| {
        let out = pre_commit(repo.path(), home.path(), &["run", "--all-files"]);
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        (out.status.code(), text, what.to_string())
    };
    let (code, text, _) = run("the example");
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains("salgsmal check"), "{text}");
    assert!(text.contains("Passed"), "{text}");

    // A broken target: the hook fails and shows the finding.
    let kari = plan.join("sellers/kari.yaml");
    let text_before = std::fs::read_to_string(&kari).expect("kari");
    std::fs::write(
        &kari,
        text_before.replace("team: salg-vest", "team: salg-vets"),
    )
    .expect("write");
    let (code, text, _) = run("a broken file");
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains("Failed"), "{text}");
    assert!(text.contains("sellers/kari.yaml"), "{text}");
    assert!(text.contains("salg-vets"), "{text}");
}
