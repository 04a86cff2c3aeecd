//! One writer for all output: a reader that closes the pipe ends every
//! command quietly with exit 0, and plan content cannot forge CI annotations
//! or terminal sequences in human output.

mod common;
use common::{Plan, bin};
use std::process::{Command, Stdio};

/// Run `salgsmal ARGS` in `dir` with standard output a pipe whose reading
/// end is already closed: every write fails with a broken pipe.
fn run_into_closed_pipe(dir: &std::path::Path, args: &[&str]) -> (Option<i32>, String) {
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    let output = Command::new(bin())
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .expect("run salgsmal");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn every_command_ends_quietly_on_a_closed_pipe() {
    let plan = Plan::example();
    let out = tempfile::tempdir().expect("temp dir");
    let out_dir = out.path().to_str().expect("utf-8 path");
    let init_dir = tempfile::tempdir().expect("temp dir");
    let init_path = init_dir.path().join("ny");
    let init = init_path.to_str().expect("utf-8 path");
    let cases: Vec<Vec<&str>> = vec![
        vec!["check"],
        vec!["check", "--format", "json"],
        vec!["check", "--format", "sarif"],
        vec!["check", "--format", "github"],
        vec!["check", "--format", "junit"],
        vec!["render", "--out", out_dir],
        vec!["render", "--dump-context"],
        vec!["schema"],
        vec!["schema", "team"],
        vec!["explain"],
        vec!["explain", "allocation"],
        vec!["init", init],
        vec!["--help"],
        vec!["completions", "bash"],
        vec!["man"],
    ];
    for args in cases {
        let (code, stderr) = run_into_closed_pipe(plan.path(), &args);
        assert!(
            !stderr.contains("panicked") && !stderr.contains("Broken pipe"),
            "salgsmal {args:?} on a closed pipe printed:\n{stderr}"
        );
        assert_eq!(code, Some(0), "salgsmal {args:?}: {stderr}");
    }
}

#[test]
fn watch_ends_quietly_on_a_closed_pipe() {
    let plan = Plan::example();
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    let mut child = Command::new(bin())
        .arg("watch")
        .current_dir(plan.path())
        .stdin(Stdio::null())
        .stdout(writer)
        .stderr(Stdio::null())
        .spawn()
        .expect("run salgsmal watch");
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break Some(status);
        }
        if start.elapsed() > std::time::Duration::from_secs(30) {
            let _ = child.kill();
            break None;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    let status = status.expect("watch kept running with nobody to read its output");
    assert_eq!(status.code(), Some(0));
}

#[test]
fn a_key_cannot_forge_an_annotation_or_drive_the_terminal() {
    let plan = Plan::new().file(
        "sellers/ola.yaml",
        "name: Ola\nteam: salg-vest\n\"x\\n::error file=teams/salg-vest.yaml,line=1::forged\\u001b]0;title\\u0007\": 1\n",
    );
    let run = plan.run(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        !run.stdout.lines().any(|l| l.starts_with("::")),
        "a line of the output starts a workflow command:\n{}",
        run.stdout
    );
    assert!(!run.stdout.contains('\u{1b}'), "{}", run.stdout);
    assert!(!run.stdout.contains('\u{7}'), "{}", run.stdout);
    assert!(
        run.stdout.contains(
            "ukjent nøkkel `x\\n::error file=teams/salg-vest.yaml,line=1::forged\\u{1b}]0;title\\u{7}`"
        ),
        "{}",
        run.stdout
    );
    // The GitHub format keeps it on one line too, without the escape bytes.
    let run = plan.run(&["check", "--format", "github"]);
    assert!(
        !run.stdout
            .lines()
            .any(|l| l.starts_with("::error file=teams/")),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains('\u{1b}'), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("x%0A::error file=teams/salg-vest.yaml,line=1::forged\\u{1b}]0;title\\u{7}"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_file_name_cannot_forge_an_annotation() {
    let plan = Plan::new().file("sellers/y\n::error file=z::forged.yaml", "");
    let run = plan.run(&["check"]);
    assert!(
        !run.stdout.lines().any(|l| l.starts_with("::")),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("sellers/y\\n::error file=z::forged.yaml"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_source_line_with_a_control_character_is_shown_escaped() {
    // YAML does not allow the escape byte in a file: a syntax error, whose
    // source line is shown with the byte as its visible picture (one
    // character for one, so the caret stays under the right column).
    let plan = Plan::new().file(
        "sellers/ola.yaml",
        "name: Ola\nteam: salg-vest\nnote\u{1b}[2J: 1\n",
    );
    let run = plan.run(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(!run.stdout.contains('\u{1b}'), "{}", run.stdout);
    assert!(
        run.stdout.contains("3 | note\u{241b}[2J: 1"),
        "{}",
        run.stdout
    );
}
