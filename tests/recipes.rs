//! The CI recipes in `docs/ci/` work: every step of them that runs
//! salgsmal (or git) is run here, as the CI would, on a real repository with
//! the example plan in `plans/vest` and a pull request that raises a
//! target. What only the CI host can do (its actions, its API) is not run.

mod common;
use common::{copy_dir, example_dir, git_as};
use salgsmal::source::yaml::{self, Node};
use std::path::Path;
use std::process::Command;

const AUTHOR: (&str, &str) = ("Ola Hansen", "ola.hansen@nordlys.no");

fn recipe(name: &str) -> Node {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs/ci")
        .join(name);
    let text = std::fs::read_to_string(&path).expect("recipe");
    let parsed = yaml::parse(&text);
    assert!(parsed.issues.is_empty(), "{name}: {:?}", parsed.issues);
    parsed.root.expect("a document")
}

fn text<'a>(node: &'a Node, key: &str) -> &'a str {
    node.get(key).and_then(Node::as_str).unwrap_or_default()
}

/// A clone of a repository whose `main` holds the example plan, on a
/// branch that raises Kari's revenue target (a pull request).
fn workspace() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let origin = dir.path().join("origin");
    let plan = origin.join("plans/vest");
    std::fs::create_dir_all(&plan).expect("mkdir");
    copy_dir(&example_dir(), &plan);
    git_as(&origin, &["init", "-q", "-b", "main"], AUTHOR, None);
    git_as(&origin, &["add", "-A"], AUTHOR, None);
    git_as(&origin, &["commit", "-q", "-m", "The plan"], AUTHOR, None);
    let ws = dir.path().join("ws");
    let url = format!("file://{}", origin.display());
    git_as(dir.path(), &["clone", "-q", &url, "ws"], AUTHOR, None);
    git_as(&ws, &["checkout", "-q", "-b", "raise-kari"], AUTHOR, None);
    let kari = ws.join("plans/vest/sellers/kari.yaml");
    let old = std::fs::read_to_string(&kari).expect("kari");
    std::fs::write(
        &kari,
        old.replace("target: 10_000_000", "target: 12_000_000"),
    )
    .expect("write");
    git_as(&ws, &["commit", "-q", "-am", "Raise Kari"], AUTHOR, None);
    (dir, ws)
}

/// Run a step's shell script in the workspace, with the built salgsmal on
/// the PATH; its exit code and output.
fn step(ws: &Path, script: &str, env: &[(&str, &str)]) -> (i32, String) {
    let bin = common::bin();
    let path = format!(
        "{}:{}",
        bin.parent().expect("bin dir").display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut cmd = Command::new("bash");
    cmd.args(["-eo", "pipefail", "-c", script])
        .current_dir(ws)
        .env("PATH", path)
        .env("NO_COLOR", "1")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", ws);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("bash");
    (
        out.status.code().unwrap_or(-1),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

#[test]
fn the_github_actions_workflow() {
    let workflow = recipe("github-actions.yml");
    let plan = text(workflow.get("env").expect("env"), "PLAN").to_string();
    assert_eq!(plan, "plans/vest");
    let steps = workflow
        .get("jobs")
        .and_then(|j| j.get("plan"))
        .and_then(|j| j.get("steps"))
        .and_then(Node::as_seq)
        .expect("steps");
    let (_dir, ws) = workspace();
    let summary = ws.join("summary.md");
    let mut ran = Vec::new();
    for s in steps {
        let run = text(s, "run");
        if !run.contains("salgsmal ") || run.contains("cargo install") {
            continue;
        }
        let script = run.replace("${{ github.base_ref }}", "main");
        let (code, out) = step(
            &ws,
            &script,
            &[
                ("PLAN", plan.as_str()),
                ("GITHUB_STEP_SUMMARY", summary.to_str().expect("path")),
            ],
        );
        assert_eq!(code, 0, "{}: {script}\n{out}", text(s, "name"));
        ran.push((text(s, "name").to_string(), out));
    }
    let names: Vec<&str> = ran.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "Check",
            "Findings for code scanning",
            "What the change does",
            "Reports"
        ]
    );
    // Annotations name files from the repository root.
    assert!(
        ran[0]
            .1
            .contains("::warning file=plans/vest/sellers/kari.yaml"),
        "{}",
        ran[0].1
    );
    assert!(
        std::fs::read_to_string(&summary)
            .expect("job summary")
            .starts_with("### salgsmal check")
    );
    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(ws.join("salgsmal.sarif")).expect("sarif"))
            .expect("SARIF is JSON");
    assert_eq!(sarif["version"], "2.1.0");
    let diff = std::fs::read_to_string(ws.join("diff.md")).expect("diff.md");
    assert!(
        diff.starts_with("**Salg Vest: selgerne summerer nå til kr 64 000 000 mot kr 60 000 000"),
        "{diff}"
    );
    assert!(diff.trim_end().ends_with("<!-- salgsmal diff -->"));
    assert!(ws.join("reports/team-salg-vest.html").is_file());
    assert!(ws.join("reports/review-salg-vest.html").is_file());
}

#[test]
fn the_gitlab_ci_jobs() {
    let ci = recipe("gitlab-ci.yml");
    let plan = text(ci.get("variables").expect("variables"), "PLAN").to_string();
    let (_dir, ws) = workspace();
    let env = [
        ("PLAN", plan.as_str()),
        ("CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main"),
    ];
    let mut ran = 0;
    for job in ["salgsmal-check", "salgsmal-diff"] {
        let script = ci
            .get(job)
            .and_then(|j| j.get("script"))
            .and_then(Node::as_seq)
            .expect("script");
        for line in script {
            let line = line.as_str().unwrap_or_default();
            // GitLab's API (curl, jq) runs on GitLab only.
            if !(line.starts_with("salgsmal ") || line.starts_with("git fetch")) {
                continue;
            }
            let (code, out) = step(&ws, line, &env);
            assert_eq!(code, 0, "{job}: {line}\n{out}");
            ran += 1;
        }
    }
    assert_eq!(ran, 3);
    let junit = std::fs::read_to_string(ws.join("junit.xml")).expect("junit.xml");
    assert!(junit.starts_with("<?xml"), "{junit}");
    assert!(
        junit.contains("name=\"plans/vest/sellers/kari.yaml\""),
        "{junit}"
    );
    let diff = std::fs::read_to_string(ws.join("diff.md")).expect("diff.md");
    assert!(
        diff.contains("| Kari Nordmann | Omsetning | kr 10 000 000 | kr 12 000 000 |"),
        "{diff}"
    );
}
