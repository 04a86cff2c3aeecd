//! Plans at git revisions (`check --at`, `render --at`) and `diff`, on real
//! repositories made with the git CLI in temp folders.

mod common;
use common::{Run, copy_dir, example_dir, git_as, run_in};
use std::path::{Path, PathBuf};

/// The team's manager, who commits unless a test says otherwise.
const MANAGER: (&str, &str) = ("Ola Hansen", "ola.hansen@nordlys.no");

/// A git repository with the example plan in `plans/vest`.
struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    fn new() -> Self {
        let repo = Self {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        repo.git(&["init", "-q", "-b", "main"]);
        let plan = repo.path().join("plans/vest");
        std::fs::create_dir_all(&plan).expect("mkdir");
        copy_dir(&example_dir(), &plan);
        repo.commit("The example plan");
        repo
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn plan(&self) -> PathBuf {
        self.path().join("plans/vest")
    }

    /// Run git in the repository; its output, or a panic with its errors.
    fn git(&self, args: &[&str]) -> String {
        self.git_in(self.path(), args)
    }

    fn git_in(&self, dir: &Path, args: &[&str]) -> String {
        git_as(dir, args, MANAGER, None)
    }

    fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.plan().join(rel)).expect("read")
    }

    fn write(&self, rel: &str, text: &str) {
        let path = self.plan().join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }

    /// Replace `from` with `to` in a plan file.
    fn edit(&self, rel: &str, from: &str, to: &str) {
        let text = self.read(rel);
        assert!(text.contains(from), "`{from}` not in {rel}");
        self.write(rel, &text.replacen(from, to, 1));
    }

    fn commit(&self, message: &str) -> String {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "-m", message]);
        self.git(&["rev-parse", "HEAD"])
    }

    /// salgsmal in the plan folder.
    fn run(&self, args: &[&str]) -> Run {
        run_in(&self.plan(), args)
    }
}

fn json(run: &Run) -> serde_json::Value {
    serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("no JSON ({e}): {}{}", run.stdout, run.stderr))
}

#[test]
fn check_at_an_old_commit_reads_the_revision_not_the_broken_working_tree() {
    let repo = Repo::new();
    repo.edit(
        "sellers/kari.yaml",
        "target: 10_000_000",
        "target: 25_000_000",
    );
    repo.commit("Raise Kari's revenue target");
    // The working tree is broken: the check of it fails, of a revision not.
    repo.write("sellers/kari.yaml", "name: [Kari\n");
    repo.write("teams/salg-vest.yaml", "");
    let now = repo.run(&["check", "--format", "json", "--locale", "en"]);
    assert_eq!(now.code, 1, "{}", now.stdout);
    let old = repo.run(&[
        "check", "--at", "HEAD~1", "--format", "json", "--locale", "en",
    ]);
    assert_eq!(old.code, 0, "{}{}", old.stdout, old.stderr);
    let old = json(&old);
    assert_eq!(old["summary"]["errors"], 0);
    assert_eq!(old["summary"]["files"], 10);
    // The findings name the revision and the path from the repository root.
    let files: Vec<&str> = old["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["file"].as_str())
        .collect();
    assert!(!files.is_empty());
    assert!(
        files.iter().all(|f| f.starts_with("HEAD~1:plans/vest/")),
        "{files:?}"
    );
    // At HEAD, Kari's 25 000 000 is over-assignment beyond the team's 20 %:
    // the sellers sum to 77 000 000 against 60 000 000.
    let head = json(&repo.run(&[
        "check", "--at", "HEAD", "--format", "json", "--locale", "en",
    ]));
    let allocation: Vec<&serde_json::Value> = head["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["rule"] == "allocation")
        .collect();
    assert!(
        allocation
            .iter()
            .any(|d| d["file"] == "HEAD:plans/vest/teams/salg-vest.yaml"
                && d["message"]
                    .as_str()
                    .is_some_and(|m| m.contains("77,000,000"))),
        "{allocation:#?}"
    );
    // The working tree was not touched.
    assert_eq!(repo.read("sellers/kari.yaml"), "name: [Kari\n");
    // Human output shows the revision's lines.
    let human = repo.run(&["check", "--at", "HEAD", "--locale", "en"]);
    assert!(
        human
            .stdout
            .contains("--> HEAD:plans/vest/sellers/kari.yaml:10:"),
        "{}",
        human.stdout
    );
    assert!(
        human.stdout.contains("target: 25_000_000"),
        "{}",
        human.stdout
    );
}

#[test]
fn an_unknown_revision_or_no_repository_exits_2() {
    let repo = Repo::new();
    let run = repo.run(&["check", "--at", "no-such-branch"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("unknown git revision `no-such-branch`"),
        "{}",
        run.stderr
    );
    let outside = tempfile::tempdir().expect("temp dir");
    copy_dir(&example_dir(), outside.path());
    let run = run_in(outside.path(), &["check", "--at", "HEAD"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("is not inside a git repository"),
        "{}",
        run.stderr
    );
    // A revision before the plan existed.
    repo.git(&["checkout", "-q", "--orphan", "empty"]);
    repo.git(&["rm", "-rq", "--cached", "."]);
    repo.git(&["commit", "-q", "--allow-empty", "-m", "Nothing"]);
    let run = repo.run(&["check", "--at", "empty"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("no salgsmal.yaml at empty in plans/vest or any folder above it"),
        "{}",
        run.stderr
    );
}

#[test]
fn render_at_a_revision_uses_its_numbers_and_templates() {
    let repo = Repo::new();
    repo.write(
        "templates/team.md",
        "# {{ team.name }}: {{ team.goals[0].target | money }}\n",
    );
    repo.commit("Our own team report");
    // Since then: the template is gone and the team target raised.
    std::fs::remove_dir_all(repo.plan().join("templates")).expect("rm");
    repo.edit(
        "teams/salg-vest.yaml",
        "target: 60_000_000",
        "target: 64_000_000",
    );
    let run = repo.run(&[
        "render", "--at", "HEAD", "--report", "team", "--format", "md",
    ]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(
        std::fs::read_to_string(repo.plan().join("build/team-salg-vest.md")).expect("report"),
        "# Salg Vest: kr 60 000 000\n"
    );
    let run = repo.run(&["render", "--report", "team", "--format", "md"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let now = std::fs::read_to_string(repo.plan().join("build/team-salg-vest.md")).expect("report");
    assert!(
        now.contains("kr 64 000 000"),
        "the built-in template, today's target"
    );
}

#[test]
fn a_template_error_at_a_revision_names_the_plans_template() {
    // The revision's own template fails; the working tree has none: the
    // error names `templates/team.md`, not a built-in one.
    let repo = Repo::new();
    repo.write(
        "templates/team.md",
        "# {{ team.name }}\n{{ no_such_value }}\n",
    );
    repo.commit("A broken team report");
    std::fs::remove_dir_all(repo.plan().join("templates")).expect("rm");
    let run = repo.run(&[
        "render", "--at", "HEAD", "--report", "team", "--format", "md",
    ]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr.contains("error[template]: templates/team.md:2"),
        "{}",
        run.stderr
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_in_the_revision_is_never_followed() {
    let repo = Repo::new();
    let secret = repo.path().join("secret.txt");
    std::fs::write(&secret, "PASSWORD=hunter2\n").expect("secret");
    std::os::unix::fs::symlink(&secret, repo.plan().join("sellers/x.yaml")).expect("link");
    std::os::unix::fs::symlink("/etc/passwd", repo.plan().join("sellers/y.yaml")).expect("link");
    repo.commit("Links");
    let run = repo.run(&["check", "--at", "HEAD", "--format", "json"]);
    assert!(
        !run.stdout.contains("hunter2") && !run.stdout.contains("root:"),
        "{}",
        run.stdout
    );
    assert_eq!(json(&run)["summary"]["files"], 10);
}

/// The pull request of the tests: Kari's revenue target raised, a customer
/// moved from Ola to Kari, a seller added and Ingrid's file renamed (her
/// email stays).
fn pull_request(repo: &Repo) {
    repo.edit(
        "sellers/kari.yaml",
        "target: 10_000_000",
        "target: 12_000_000",
    );
    let ola = repo.read("customers/ola.yaml");
    let voss = ola
        .lines()
        .find(|l| l.contains("voss-fjellhotell"))
        .expect("voss")
        .to_string();
    repo.write("customers/ola.yaml", &ola.replace(&format!("{voss}\n"), ""));
    let kari = repo.read("customers/kari.yaml");
    repo.write("customers/kari.yaml", &format!("{kari}{voss}\n"));
    repo.write(
        "sellers/per.yaml",
        "name: Per Hansen\nemail: per@nordlys.no\nteam: salg-vest\ngoals:\n  - {id: omsetning, metric: revenue, target: 4_000_000}\n",
    );
    // Ingrid's files renamed with her id, and the references to it.
    let ingrid = repo.read("sellers/ingrid.yaml");
    std::fs::remove_file(repo.plan().join("sellers/ingrid.yaml")).expect("rm");
    repo.write("sellers/ingrid-haugland.yaml", &ingrid);
    let list = repo.read("customers/ingrid.yaml");
    std::fs::remove_file(repo.plan().join("customers/ingrid.yaml")).expect("rm");
    repo.write(
        "customers/ingrid-haugland.yaml",
        &list.replace("owner: ingrid", "owner: ingrid-haugland"),
    );
    for q in ["actuals/2027-Q1.yaml", "actuals/2027-Q2.yaml"] {
        repo.edit(q, "\n  ingrid:", "\n  ingrid-haugland:");
    }
}

#[test]
fn diff_shows_targets_roll_ups_sellers_customers_and_findings() {
    let repo = Repo::new();
    pull_request(&repo);
    let run = repo.run(&["diff", "--format", "json", "--locale", "en"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let d = json(&run);
    assert_eq!(d["version"], 1);
    assert_eq!(d["head"], "worktree");
    assert_eq!(d["base"], repo.git(&["rev-parse", "HEAD"]));
    // Kari's target, old → new, at its place in the file.
    assert_eq!(
        d["targets"],
        serde_json::json!([{
            "file": "sellers/kari.yaml", "pointer": "/goals/0/target", "id": "omsetning",
            "metric": "revenue", "product": null, "owner": "kari", "owner_kind": "seller",
            "list": "goals", "old": 10_000_000.0, "new": 12_000_000.0
        }])
    );
    // The team's revenue: 62 000 000 → 62 + 2 + 4 = 68 000 000 against 60.
    let revenue = d["rollups"]
        .as_array()
        .expect("rollups")
        .iter()
        .find(|r| r["metric"] == "revenue")
        .expect("revenue");
    assert_eq!(revenue["rollup_old"], 62_000_000.0);
    assert_eq!(revenue["rollup_new"], 68_000_000.0);
    assert_eq!(revenue["target_new"], 60_000_000.0);
    assert!(
        d["verdict"].as_str().expect("verdict").starts_with(
            "Salg Vest: sellers now sum to NOK 68,000,000 against NOK 60,000,000 (+13.3%)"
        ),
        "{}",
        d["verdict"]
    );
    // Ingrid's file renamed (her email matches): a rename, not a removal
    // and an addition; Per added.
    let entities: Vec<(String, String)> = d["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .map(|e| {
            (
                e["name"].as_str().unwrap_or("").to_string(),
                e["change"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert_eq!(
        entities,
        [
            ("Per Hansen".to_string(), "added".to_string()),
            ("Ingrid Haugland".to_string(), "renamed".to_string())
        ]
    );
    // Voss Fjellhotell moved from Ola to Kari, with its revenue.
    assert_eq!(
        d["customers"],
        serde_json::json!([{
            "id": "voss-fjellhotell", "name": "Voss Fjellhotell", "change": "moved",
            "owner_old": "ola", "owner_new": "kari", "category_old": "question",
            "category_new": "question", "revenue_old": 300_000.0, "revenue_new": 300_000.0
        }])
    );
    // Per has no customers, no KPIs: findings the change introduced.
    let introduced: Vec<&str> = d["introduced"]
        .as_array()
        .expect("introduced")
        .iter()
        .filter_map(|x| x["file"].as_str())
        .collect();
    assert!(introduced.contains(&"sellers/per.yaml"), "{introduced:?}");
    // Ingrid's findings follow her file: none is resolved by the rename.
    assert!(
        d["resolved"]
            .as_array()
            .expect("resolved")
            .iter()
            .all(|x| x["file"] != "sellers/ingrid.yaml"),
        "{:#}",
        d["resolved"]
    );
    // The same as a pull-request comment.
    let md = repo.run(&["diff", "--format", "md", "--locale", "en"]);
    assert_eq!(md.code, 0);
    let base = repo.git(&["rev-parse", "--short=7", "HEAD"]);
    assert_snapshot_diff(&md.stdout.replace(&base, "BASE"));
}

fn assert_snapshot_diff(text: &str) {
    common::assert_snapshot("diff.en.md", text);
}

#[test]
fn diff_between_commits_and_the_default_base() {
    let repo = Repo::new();
    // A branch with a commit, and more in the working tree.
    repo.git(&["checkout", "-q", "-b", "raise"]);
    repo.edit(
        "sellers/kari.yaml",
        "target: 10_000_000",
        "target: 11_000_000",
    );
    repo.commit("Raise Kari");
    repo.edit(
        "sellers/ola.yaml",
        "target: 20_500_000",
        "target: 21_000_000",
    );
    // Default: the merge-base with main, to the working tree: both.
    let d = json(&repo.run(&["diff", "--format", "json"]));
    assert_eq!(d["base"], repo.git(&["rev-parse", "main"]));
    assert_eq!(
        d["targets"].as_array().map(Vec::len),
        Some(2),
        "{:#}",
        d["targets"]
    );
    // Two revisions: only the commit.
    let d = json(&repo.run(&["diff", "main", "HEAD", "--format", "json"]));
    assert_eq!(d["head"], repo.git(&["rev-parse", "HEAD"]));
    assert_eq!(d["targets"][0]["owner"], "kari");
    assert_eq!(d["targets"].as_array().map(Vec::len), Some(1));
    // A detached HEAD (what CI checks out) with origin/main as the remote
    // default branch, in a clone.
    repo.commit("Raise Ola");
    repo.git(&["checkout", "-q", "main"]);
    let clone = tempfile::tempdir().expect("temp dir");
    let url = format!("file://{}", repo.path().display());
    repo.git_in(clone.path(), &["clone", "-q", "--no-checkout", &url, "c"]);
    let c = clone.path().join("c");
    repo.git_in(&c, &["checkout", "-q", "--detach", "origin/raise"]);
    let run = run_in(&c.join("plans/vest"), &["diff", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let d = json(&run);
    assert_eq!(d["base"], repo.git(&["rev-parse", "main"]));
    assert_eq!(d["targets"].as_array().map(Vec::len), Some(2));
    // A second working tree of the branch.
    let wt = clone.path().join("wt");
    repo.git(&["worktree", "add", "-q", wt.to_str().expect("path"), "raise"]);
    let run = run_in(
        &wt.join("plans/vest"),
        &["diff", "main", "--format", "json"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(json(&run)["targets"].as_array().map(Vec::len), Some(2));
}

#[test]
fn a_shallow_clone_without_the_base_says_how_to_fetch_it() {
    let repo = Repo::new();
    repo.edit(
        "sellers/kari.yaml",
        "target: 10_000_000",
        "target: 11_000_000",
    );
    repo.commit("Raise Kari");
    let clone = tempfile::tempdir().expect("temp dir");
    let url = format!("file://{}", repo.path().display());
    repo.git_in(clone.path(), &["clone", "-q", "--depth", "1", &url, "c"]);
    let plan = clone.path().join("c/plans/vest");
    let run = run_in(&plan, &["diff", "HEAD~1"]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("shallow clone"), "{}", run.stderr);
    assert!(run.stderr.contains("fetch-depth: 0"), "{}", run.stderr);
    assert!(run.stderr.contains("git fetch --deepen"), "{}", run.stderr);
}

#[test]
fn deny_errors_fails_on_an_introduced_error_only() {
    let repo = Repo::new();
    // A customer whose owner is no seller: an error the change introduces.
    repo.write(
        "customers/nobody.yaml",
        "owner: nobody\ncustomers:\n  - {id: x, name: X AS, revenue: 100_000, margin: 0.2}\n",
    );
    let run = repo.run(&["diff", "--deny", "errors", "--locale", "en"]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("1 new error"), "{}", run.stdout);
    let run = repo.run(&["diff"]);
    assert_eq!(run.code, 0, "findings alone do not fail a diff");
    repo.commit("The error, committed");
    let run = repo.run(&["diff", "--deny", "errors", "--locale", "en"]);
    assert_eq!(run.code, 0, "the error is the base's too: {}", run.stdout);
    assert!(
        run.stdout
            .starts_with("no target changed; no new errors or warnings"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_large_change_fits_a_comment() {
    let repo = Repo::new();
    let mut list = String::from("owner: kari\ncustomers:\n");
    for i in 0..3000 {
        list.push_str(&format!(
            "  - {{id: ny-kunde-{i}, name: Ny kunde nummer {i} med et langt navn AS, revenue: {}, margin: 0.2}}\n",
            10_000 + i
        ));
    }
    repo.write("customers/kari-nye.yaml", &list);
    let run = repo.run(&["diff", "--format", "md", "--locale", "en"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let md = &run.stdout;
    assert!(md.len() <= 65_536, "{}", md.len());
    assert!(md.contains("truncated:"), "{}", &md[md.len() - 300..]);
    assert_eq!(
        md.matches("<details>").count(),
        md.matches("</details>").count()
    );
    assert!(md.starts_with("**"), "the verdict first");
    assert!(md.ends_with("<!-- salgsmal diff -->\n"), "the marker last");
}

impl Repo {
    /// Commit as someone else than the manager.
    fn commit_as(&self, name: &str, email: &str, message: &str) {
        self.git(&["add", "-A"]);
        git_as(
            self.path(),
            &["commit", "-q", "-m", message],
            (name, email),
            None,
        );
    }

    /// Commit with the author's and committer's date set.
    fn commit_on(&self, date: &str, message: &str) {
        self.git(&["add", "-A"]);
        git_as(
            self.path(),
            &["commit", "-q", "-m", message],
            MANAGER,
            Some(date),
        );
    }
}

fn ownership(repo: &Repo) -> Vec<serde_json::Value> {
    let run = repo.run(&["check", "--format", "json", "--locale", "en"]);
    json(&run)["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["rule"] == "ownership")
        .cloned()
        .collect()
}

#[test]
fn ownership_wants_the_seller_or_their_agreement_on_the_last_change() {
    let repo = Repo::new();
    // Off by default: the manager's commits are fine until it is turned on.
    assert!(ownership(&repo).is_empty());
    let config = repo.read("salgsmal.yaml");
    repo.write(
        "salgsmal.yaml",
        &format!("{config}rules:\n  ownership: {{level: warning}}\n"),
    );
    repo.commit("Turn on ownership");
    // Every seller's targets were last changed by the manager (the first
    // commit): one finding each, naming the commit and the target.
    let found = ownership(&repo);
    assert_eq!(found.len(), 3, "{found:#?}");
    let first = repo.git(&[
        "rev-list",
        "--max-parents=0",
        "--abbrev-commit",
        "--abbrev=7",
        "HEAD",
    ]);
    let kari = found
        .iter()
        .find(|d| d["file"] == "sellers/kari.yaml")
        .expect("kari");
    assert_eq!(kari["pointer"], "/goals/0/target");
    assert_eq!(kari["level"], "warning");
    assert!(
        kari["message"]
            .as_str()
            .expect("message")
            .contains(&format!("(omsetning: {first} \"The example plan\", ")),
        "{kari}"
    );
    // Kari raises her own target; Ola's is raised with his agreement.
    repo.edit(
        "sellers/kari.yaml",
        "target: 10_000_000",
        "target: 11_000_000",
    );
    repo.commit_as(
        "Kari Nordmann",
        "Kari@Nordlys.no",
        "Kari hever sitt eget mål",
    );
    repo.edit(
        "sellers/ola.yaml",
        "target: 20_500_000",
        "target: 21_000_000",
    );
    repo.commit("Hever målet til Ola\n\nAgreed-by: Ola Berg <ola.berg@nordlys.no>");
    let files: Vec<String> = ownership(&repo)
        .iter()
        .map(|d| d["file"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(files, ["sellers/ingrid.yaml"]);
    // A change that is not to a target (a new action) does not count.
    repo.edit(
        "sellers/kari.yaml",
        "actions: [",
        "actions: [Ny ringeliste, ",
    );
    repo.commit("The manager adds an action for Kari");
    assert_eq!(ownership(&repo).len(), 1);
    // Across a merge: the branch's commit by the manager counts, not the
    // merge commit Kari makes.
    repo.git(&["checkout", "-q", "-b", "raise"]);
    repo.edit(
        "sellers/kari.yaml",
        "target: 11_000_000",
        "target: 13_000_000",
    );
    repo.commit("The manager raises Kari again");
    repo.git(&["checkout", "-q", "main"]);
    repo.edit(
        "sellers/ingrid.yaml",
        "target: 31_500_000",
        "target: 31_000_000",
    );
    repo.commit_as(
        "Ingrid Haugland",
        "ingrid@nordlys.no",
        "Ingrid senker sitt mål",
    );
    git_as(
        repo.path(),
        &["merge", "-q", "--no-ff", "-m", "Merge raise", "raise"],
        ("Kari Nordmann", "kari@nordlys.no"),
        None,
    );
    let files: Vec<String> = ownership(&repo)
        .iter()
        .map(|d| d["file"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(
        files,
        ["sellers/kari.yaml"],
        "Ingrid's own change counts; Kari's merge does not"
    );
}

#[test]
fn ownership_outside_a_repository_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&example_dir(), dir.path());
    let config = std::fs::read_to_string(dir.path().join("salgsmal.yaml")).expect("config");
    std::fs::write(
        dir.path().join("salgsmal.yaml"),
        format!("{config}rules:\n  ownership: {{level: warning}}\n"),
    )
    .expect("write");
    let run = run_in(dir.path(), &["check", "--format", "json", "--locale", "en"]);
    let found: Vec<serde_json::Value> = json(&run)["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["rule"] == "ownership")
        .cloned()
        .collect();
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0]["file"], "salgsmal.yaml");
    assert!(
        found[0]["message"]
            .as_str()
            .expect("message")
            .contains("not in a git repository")
    );
}

/// The reports show how each target changed during the plan year, from
/// the commits that changed it, with their date and subject as the reason;
/// the review report marks the targets that changed.
#[test]
fn reports_show_how_the_targets_changed_this_year() {
    let repo = Repo::new();
    // Before the year: not a change "this year".
    repo.edit(
        "sellers/kari.yaml",
        "target: 10_000_000",
        "target: 9_500_000",
    );
    repo.commit_on("2026-12-10T10:00:00Z", "Kari starter lavere");
    repo.edit(
        "sellers/kari.yaml",
        "target: 9_500_000",
        "target: 10_500_000",
    );
    repo.commit_on("2027-02-15T10:00:00Z", "Kari tar over Voss Fjellhotell");
    repo.edit(
        "teams/salg-vest.yaml",
        "target: 60_000_000",
        "target: 62_000_000",
    );
    repo.commit_on("2027-04-02T10:00:00Z", "Nytt lagmål etter første kvartal");
    let run = repo.run(&["render", "--dump-context"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let c = json(&run);
    let kari = c["sellers"]
        .as_array()
        .expect("sellers")
        .iter()
        .find(|s| s["id"] == "kari")
        .expect("kari");
    let history = &kari["goals"][0]["history"];
    assert_eq!(history.as_array().map(Vec::len), Some(1), "{history:#}");
    assert_eq!(history[0]["date"], "2027-02-15");
    assert_eq!(history[0]["old"], 9_500_000.0);
    assert_eq!(history[0]["new"], 10_500_000.0);
    assert_eq!(history[0]["summary"], "Kari tar over Voss Fjellhotell");
    assert_eq!(history[0]["author"], "Ola Hansen");
    assert_eq!(c["teams"][0]["goals"][0]["history"][0]["new"], 62_000_000.0);
    assert_eq!(kari["goals"][1]["history"], serde_json::json!([]));

    let run = repo.run(&[
        "render", "--report", "review", "--format", "md", "--locale", "en",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let md =
        std::fs::read_to_string(repo.plan().join("build/review-salg-vest.md")).expect("review");
    assert!(md.contains("| NOK 10,500,000 ✎ |"), "{md}");
    assert!(md.contains("| NOK 62,000,000 ✎ |"), "{md}");
    assert!(
        md.contains("| 15 Feb 2027 | Kari Nordmann | Revenue | NOK 9,500,000 | NOK 10,500,000 | Kari tar over Voss Fjellhotell ("),
        "{md}"
    );
    assert!(
        md.contains("| 2 Apr 2027 | Salg Vest | Revenue | NOK 60,000,000 | NOK 62,000,000 |"),
        "{md}"
    );
    assert!(!md.contains("Kari starter lavere"), "before the year");
    let run = repo.run(&[
        "render", "--report", "seller", "--seller", "ola", "--format", "html", "--locale", "en",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = std::fs::read_to_string(repo.plan().join("build/seller-ola.html")).expect("seller");
    assert!(
        html.contains("No target has changed since the year began."),
        "Ola's were not"
    );
}

/// With the plan in a subfolder of the repository, the CI formats name
/// files from the repository root (where GitHub, code scanning and JUnit
/// viewers look for them); human output stays relative to the plan.
#[test]
fn ci_formats_name_files_from_the_repository_root() {
    let repo = Repo::new();
    repo.edit("sellers/kari.yaml", "team: salg-vest", "team: salg-vets");
    let gh = repo.run(&["check", "--format", "github", "--locale", "en"]);
    assert_eq!(gh.code, 1);
    assert!(
        gh.stdout
            .contains("::error file=plans/vest/sellers/kari.yaml,line=4,col=7,title=salgsmal unknown-reference::"),
        "{}",
        gh.stdout
    );
    let sarif = json(&repo.run(&["check", "--format", "sarif"]));
    let run = &sarif["runs"][0];
    let root = std::fs::canonicalize(repo.path()).expect("root");
    assert_eq!(
        run["originalUriBaseIds"]["%SRCROOT%"]["uri"],
        format!("file://{}/", root.display())
    );
    let uris: Vec<&str> = run["results"]
        .as_array()
        .expect("results")
        .iter()
        .filter_map(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str())
        .collect();
    assert!(uris.contains(&"plans/vest/sellers/kari.yaml"), "{uris:?}");
    assert!(
        uris.iter().all(|u| u.starts_with("plans/vest/")),
        "{uris:?}"
    );
    let junit = repo.run(&["check", "--format", "junit"]).stdout;
    assert!(
        junit.contains("name=\"plans/vest/sellers/kari.yaml\""),
        "{junit}"
    );
    let human = repo.run(&["check", "--locale", "en"]).stdout;
    assert!(human.contains("--> sellers/kari.yaml:4:7"), "{human}");
}

/// GitHub shows at most ten annotations of each level per step: the most
/// important go first, the rest are counted, and the whole list goes to
/// the job summary when `GITHUB_STEP_SUMMARY` names a file.
#[test]
fn github_annotates_the_most_important_and_summarises_the_rest() {
    let repo = Repo::new();
    // Twelve sellers whose growth is too high: twelve warnings.
    for i in 0..12 {
        repo.write(
            &format!("sellers/s{i}.yaml"),
            &format!("name: Selger {i}\nemail: s{i}@nordlys.no\nteam: salg-vest\nbaseline: {{revenue: 1_000_000}}\ngoals:\n  - {{id: omsetning, metric: revenue, target: 2_000_000}}\n"),
        );
    }
    let summary = repo.path().join("summary.md");
    let run = common::run_in_env(
        &repo.plan(),
        &["check", "--format", "github", "--locale", "en"],
        &[("GITHUB_STEP_SUMMARY", summary.to_str().expect("path"))],
    );
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(lines[0].starts_with("salgsmal: check "), "{}", run.stdout);
    let count = |kind: &str| lines.iter().filter(|l| l.starts_with(kind)).count();
    assert_eq!(count("::error "), 0);
    assert_eq!(count("::warning "), 10, "{}", run.stdout);
    assert!(count("::notice ") <= 10);
    // Errors come before warnings, warnings before notices.
    let first_notice = lines.iter().position(|l| l.starts_with("::notice"));
    let last_warning = lines.iter().rposition(|l| l.starts_with("::warning"));
    assert!(first_notice.is_none_or(|n| last_warning.is_some_and(|w| w < n)));
    let (json_run, total) = {
        let r = repo.run(&["check", "--format", "json"]);
        let t = json(&r)["diagnostics"].as_array().map_or(0, Vec::len);
        (r, t)
    };
    assert!(json_run.code <= 1);
    let annotated = count("::");
    assert!(
        run.stdout.contains(&format!(
            "{} more findings are not shown as annotations",
            total - annotated
        )),
        "{}",
        run.stdout
    );
    let page = std::fs::read_to_string(&summary).expect("job summary");
    assert!(page.starts_with("### salgsmal check\n"), "{page}");
    assert_eq!(
        page.lines()
            .filter(|l| l.starts_with("| ") && !l.starts_with("| Level"))
            .count(),
        total,
        "{page}"
    );
    assert!(page.contains("plans/vest/sellers/s11.yaml:6"), "{page}");
}

#[test]
fn diff_of_the_pull_request_that_adds_the_plan_shows_everything_added() {
    // `main` has no plan yet; the branch adds it. The diff compares with an
    // empty plan of the same settings instead of failing.
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    git_as(root, &["init", "-q", "-b", "main"], MANAGER, None);
    std::fs::write(root.join("README.md"), "Salg\n").expect("readme");
    git_as(root, &["add", "-A"], MANAGER, None);
    git_as(root, &["commit", "-q", "-m", "Start"], MANAGER, None);
    git_as(root, &["checkout", "-q", "-b", "plan"], MANAGER, None);
    let plan = root.join("plan");
    std::fs::create_dir_all(&plan).expect("mkdir");
    copy_dir(&example_dir(), &plan);
    let run = run_in(&plan, &["diff", "--format", "json", "--locale", "en"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    let text = json.to_string();
    for who in ["Kari Nordmann", "Ola Berg", "Ingrid Haugland", "Salg Vest"] {
        assert!(text.contains(who), "{who} not in the diff: {text}");
    }
    let human = run_in(&plan, &["diff", "--locale", "en"]);
    assert_eq!(human.code, 0, "{}", human.stderr);
    assert!(
        human
            .stdout
            .contains("Seller · Kari Nordmann · sellers/kari.yaml · added"),
        "{}",
        human.stdout
    );
    // `--deny errors` judges the plan's own errors: the example has none.
    let denied = run_in(&plan, &["diff", "--deny", "errors"]);
    assert_eq!(denied.code, 0, "{}", denied.stdout);
}
