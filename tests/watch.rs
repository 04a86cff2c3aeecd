//! `salgsmal watch`: a real process watching a real plan folder sees an edit,
//! reports the new finding, survives broken YAML, folders renamed or removed
//! and the plan itself going away and coming back, keeps the rendered
//! reports in step with the plan, and stops on Ctrl-C.

mod common;
use common::{Plan, bin};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
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
    let mut watch = Watch::start(plan.path(), &["--render", "md"]);
    // watch's own lines speak the plan's language (nb) too.
    watch.wait("følger med på");
    watch.wait("sjekken er bestått");
    watch.wait("rapporter til");
    assert!(plan.path().join("build/team-salg-vest.md").is_file());

    // An edit that breaks a rule, written the way editors save: a temp file renamed into place.
    let kari = plan
        .read("sellers/kari.yaml")
        .replace("target: 10_000_000", "target: 9_000_000");
    save(&plan.path().join("sellers/kari.yaml"), &kari);
    watch.wait("sellers/kari.yaml er endret — ");
    watch.wait("error[allocation]: summen av de individuelle målene for omsetning kr 9 000 000");

    // Half-written YAML is a finding, not the end of the watch.
    std::fs::write(plan.path().join("sellers/ola.yaml"), "name: [Ola\n").expect("write");
    watch.wait("error[yaml-syntax]");
    std::fs::remove_file(plan.path().join("sellers/ola.yaml")).expect("remove");
    watch.wait(" løst");
    watch.stop();
}

#[test]
fn watch_speaks_the_plans_language() {
    let plan = Plan::new().file("salgsmal.yaml", &format!("{}locale: en\n", common::CONFIG));
    let mut watch = Watch::start(plan.path(), &["--render", "md"]);
    watch.wait("(Ctrl-C stops)");
    assert!(
        watch.seen[0].starts_with("watching "),
        "{}",
        watch.seen.join("\n")
    );
    watch.wait("check passed");
    watch.wait("reports into");
    watch.stop_saying("stopped watching");
}

/// A running `salgsmal watch` and the lines it printed.
struct Watch {
    child: Child,
    rx: mpsc::Receiver<String>,
    seen: Vec<String>,
}

impl Watch {
    /// `salgsmal watch ARGS` started in `dir`.
    fn start(dir: &Path, args: &[&str]) -> Self {
        let mut child = Command::new(bin())
            .arg("watch")
            .args(args)
            .current_dir(dir)
            .env("NO_COLOR", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
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
        Self {
            child,
            rx,
            seen: Vec::new(),
        }
    }

    /// Wait for a line with `needle`, after those already seen.
    fn wait(&mut self, needle: &str) {
        wait_for(&self.rx, needle, &mut self.seen);
    }

    /// Ctrl-C: it says so (in Norwegian, the test plans' language) and
    /// ends with 0.
    fn stop(self) {
        self.stop_saying("sluttet å følge med");
    }

    /// Ctrl-C: it says `farewell` and ends with 0.
    fn stop_saying(mut self, farewell: &str) {
        let pid = self.child.id().to_string();
        let status = Command::new("kill")
            .args(["-INT", &pid])
            .status()
            .expect("kill");
        assert!(status.success());
        self.wait(farewell);
        let exit = self.child.wait().expect("exit");
        assert_eq!(exit.code(), Some(0), "{}", self.seen.join("\n"));
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        // A failed test leaves no watch running.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Write `text` to `path` the way editors save: a temp file renamed into place.
fn save(path: &Path, text: &str) {
    let tmp = path.with_file_name(".salgsmal-test.tmp");
    std::fs::write(&tmp, text).expect("write");
    std::fs::rename(&tmp, path).expect("rename");
}

#[test]
fn watch_waits_for_its_plan_folder_and_salgsmal_yaml_to_come_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = dir.path().join("plan");
    let fixture = Plan::new();
    std::fs::create_dir(&plan).expect("mkdir");
    common::copy_dir(fixture.path(), &plan);
    let mut watch = Watch::start(dir.path(), &["plan"]);
    watch.wait("sjekken er bestått");

    // The folder deleted: said once, and watch goes on.
    std::fs::remove_dir_all(&plan).expect("remove plan");
    watch.wait("finnes ikke lenger; venter på at mappen kommer tilbake");

    // A folder back at its path (as a checkout or a move puts it there),
    // with a seller's target lowered: watched anew and checked.
    let new = dir.path().join("plan-new");
    std::fs::create_dir(&new).expect("mkdir");
    common::copy_dir(fixture.path(), &new);
    let kari = fixture
        .read("sellers/kari.yaml")
        .replace("target: 10_000_000", "target: 9_000_000");
    std::fs::write(new.join("sellers/kari.yaml"), &kari).expect("write");
    std::fs::rename(&new, &plan).expect("move back");
    watch.wait("planen er tilbake — sjekken feilet");
    watch.wait("error[allocation]");

    // The new folder is watched: an edit in it is seen.
    save(
        &plan.join("sellers/kari.yaml"),
        &fixture.read("sellers/kari.yaml"),
    );
    watch.wait("sellers/kari.yaml er endret — sjekken er bestått");

    // salgsmal.yaml deleted, then written again.
    std::fs::remove_file(plan.join("salgsmal.yaml")).expect("remove");
    watch.wait("har ingen salgsmal.yaml lenger");
    std::fs::write(plan.join("salgsmal.yaml"), common::CONFIG).expect("write");
    watch.wait("planen er tilbake — sjekken er bestått");
    watch.stop();
}

#[test]
fn watch_sees_folders_renamed_and_removed() {
    let plan = Plan::new();
    let mut watch = Watch::start(plan.path(), &[]);
    watch.wait("sjekken er bestått: 0 feil, 0 advarsler, 1 merknad i 3 filer");

    // `mv sellers sellers-old`: the team's goal has no seller any more.
    std::fs::rename(plan.path().join("sellers"), plan.path().join("sellers-old")).expect("rename");
    watch.wait("sellers er endret — sjekken er bestått: 0 feil, 1 advarsel, 0 merknader i 2 filer");
    watch.wait("warning[alignment]");

    // Moved back: as before.
    std::fs::rename(plan.path().join("sellers-old"), plan.path().join("sellers")).expect("rename");
    watch.wait("sellers er endret — sjekken er bestått: 0 feil, 0 advarsler, 1 merknad i 3 filer");

    // `rm -r sellers`: notify reports the folder alone.
    std::fs::remove_dir_all(plan.path().join("sellers")).expect("remove");
    watch.wait("0 feil, 1 advarsel, 0 merknader i 2 filer");
    watch.stop();
}

#[test]
fn watch_removes_the_reports_of_a_deleted_seller() {
    let split = |name: &str, target: &str| {
        common::SELLER
            .replace("Kari Nordmann", name)
            .replace("10_000_000", target)
    };
    let plan = Plan::new()
        .file("sellers/kari.yaml", &split("Kari Nordmann", "6_000_000"))
        .file("sellers/ola.yaml", &split("Ola Nordmann", "4_000_000"));
    let mut watch = Watch::start(plan.path(), &["--render", "md"]);
    watch.wait("sjekken er bestått");
    watch.wait("rapporter til");
    let build = plan.path().join("build");
    assert!(build.join("seller-ola.md").is_file(), "{:?}", list(&build));
    assert!(build.join("seller-kari.md").is_file());
    // A file of the user's in the output folder is not the watch's to remove.
    std::fs::write(build.join("notes.md"), "mine\n").expect("write");

    std::fs::remove_file(plan.path().join("sellers/ola.yaml")).expect("remove");
    watch.wait("sellers/ola.yaml er endret — ");
    watch.wait("rapporter til");
    assert!(!build.join("seller-ola.md").exists(), "{:?}", list(&build));
    assert!(build.join("seller-kari.md").is_file(), "{:?}", list(&build));
    assert!(build.join("team-salg-vest.md").is_file());
    assert_eq!(
        std::fs::read_to_string(build.join("notes.md")).expect("read"),
        "mine\n"
    );
    watch.stop();
}

fn list(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn watch_rechecks_what_changed_and_never_serves_a_stale_file() {
    let plan = Plan::new();
    let kari = plan.path().join("sellers/kari.yaml");
    let original = plan.read("sellers/kari.yaml");
    let mut watch = Watch::start(plan.path(), &[]);
    watch.wait("sjekken er bestått: 0 feil, 0 advarsler, 1 merknad i 3 filer");

    // Invalid, then valid again.
    save(
        &kari,
        &original.replace("target: 10_000_000", "target: ten_million"),
    );
    watch.wait("sellers/kari.yaml er endret — sjekken feilet: 1 feil");
    watch.wait("error[schema]");
    save(&kari, &original);
    watch.wait("sellers/kari.yaml er endret — sjekken er bestått");

    // The same size and the same time stamp as the file read before (a
    // file system whose clock is coarse, two saves in one tick): the new
    // bytes are still read.
    let stamp = std::fs::metadata(&kari)
        .and_then(|m| m.modified())
        .expect("mtime");
    let bigger = original.replace("target: 10_000_000", "target: 90_000_000");
    assert_eq!(bigger.len(), original.len());
    {
        let file = std::fs::OpenOptions::new()
            .write(true)
            .open(&kari)
            .expect("open");
        std::io::Write::write_all(&mut &file, bigger.as_bytes()).expect("write");
        file.set_modified(stamp).expect("set mtime");
    }
    watch.wait("sellers/kari.yaml er endret — sjekken er bestått: 0 feil, 1 advarsel");
    watch.wait("warning[allocation]: summen av de individuelle målene for omsetning kr 90 000 000");

    // And back, the same way.
    {
        let file = std::fs::OpenOptions::new()
            .write(true)
            .open(&kari)
            .expect("open");
        std::io::Write::write_all(&mut &file, original.as_bytes()).expect("write");
        file.set_modified(stamp).expect("set mtime");
    }
    watch.wait("sjekken er bestått: 0 feil, 0 advarsler, 1 merknad i 3 filer; 1 løst");
    watch.stop();
}
