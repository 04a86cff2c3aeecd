//! `salgsmal watch`: a real process watching a real plan folder sees an edit,
//! reports the new finding, survives broken YAML, and stops on Ctrl-C.

mod common;
use common::{Plan, bin};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Read lines until one contains `needle`; the deadline only guards against
/// a hang, it measures nothing.
fn wait_for(rx: &mpsc::Receiver<String>, needle: &str, seen: &mut Vec<String>) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if let Ok(line) = rx.recv_timeout(Duration::from_millis(200)) {
            let hit = line.contains(needle);
            seen.push(line);
            if hit {
                return;
            }
        }
    }
    panic!(
        "`{needle}` never appeared; output so far:\n{}",
        seen.join("\n")
    );
}

#[test]
fn watch_sees_edits_and_stops_on_ctrl_c() {
    let plan = Plan::new();
    let mut child = Command::new(bin())
        .args(["watch", "--render", "md"])
        .current_dir(plan.path())
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start watch");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut seen = Vec::new();
    // watch's own lines speak the plan's language (nb) too.
    wait_for(&rx, "følger med på", &mut seen);
    wait_for(&rx, "sjekken er bestått", &mut seen);
    wait_for(&rx, "rapporter til", &mut seen);
    assert!(plan.path().join("build/team-salg-vest.md").is_file());

    // An edit that breaks a rule, written the way editors save: a temp file renamed into place.
    let kari = plan
        .read("sellers/kari.yaml")
        .replace("target: 10_000_000", "target: 9_000_000");
    std::fs::write(plan.path().join("sellers/.kari.yaml.tmp"), kari).expect("write");
    std::fs::rename(
        plan.path().join("sellers/.kari.yaml.tmp"),
        plan.path().join("sellers/kari.yaml"),
    )
    .expect("rename");
    wait_for(&rx, "sellers/kari.yaml er endret — ", &mut seen);
    wait_for(
        &rx,
        "error[allocation]: summen av de individuelle målene for omsetning kr 9 000 000",
        &mut seen,
    );

    // Half-written YAML is a finding, not the end of the watch.
    std::fs::write(plan.path().join("sellers/ola.yaml"), "name: [Ola\n").expect("write");
    wait_for(&rx, "error[yaml-syntax]", &mut seen);
    std::fs::remove_file(plan.path().join("sellers/ola.yaml")).expect("remove");
    wait_for(&rx, " løst", &mut seen);

    let pid = child.id().to_string();
    let status = Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .expect("kill");
    assert!(status.success());
    wait_for(&rx, "sluttet å følge med", &mut seen);
    let exit = child.wait().expect("exit");
    assert_eq!(exit.code(), Some(0), "{}", seen.join("\n"));
}

#[test]
fn watch_speaks_the_plans_language() {
    let plan = Plan::new().file("salgsmal.yaml", &format!("{}locale: en\n", common::CONFIG));
    let mut child = Command::new(bin())
        .args(["watch", "--render", "md"])
        .current_dir(plan.path())
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start watch");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut seen = Vec::new();
    wait_for(&rx, "(Ctrl-C stops)", &mut seen);
    assert!(seen[0].starts_with("watching "), "{}", seen.join("\n"));
    wait_for(&rx, "check passed", &mut seen);
    wait_for(&rx, "reports into", &mut seen);
    let pid = child.id().to_string();
    let status = Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .expect("kill");
    assert!(status.success());
    wait_for(&rx, "stopped watching", &mut seen);
    let exit = child.wait().expect("exit");
    assert_eq!(exit.code(), Some(0), "{}", seen.join("\n"));
}
