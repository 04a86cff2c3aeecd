//! Every Mermaid block in the Markdown reports parses with Mermaid's own
//! parser (the npm `mermaid` package, under node with jsdom for its DOM;
//! `.ci/run` installs them into `target/npm`), since git hosts render the
//! blocks with it.

mod common;
use common::Plan;
use std::path::Path;

/// Parses each block of the JSON array in the file named by its argument;
/// prints one line per block: `ok`, or `error <message>`.
const PARSE: &str = r#"
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false });
for (const text of JSON.parse(readFileSync(process.argv[2], 'utf8'))) {
  try {
    await mermaid.parse(text);
    console.log('ok');
  } catch (e) {
    console.log('error ' + String(e && e.message ? e.message : e).replace(/\n/g, ' '));
  }
}
"#;

fn blocks(markdown: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = markdown;
    while let Some(start) = rest.find("```mermaid\n") {
        let body = &rest[start + "```mermaid\n".len()..];
        let end = body.find("\n```").expect("a closed block");
        out.push(body[..end].to_string());
        rest = &body[end..];
    }
    out
}

fn parse(texts: &[String]) -> Vec<String> {
    let npm = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/npm");
    assert!(
        npm.join("node_modules/mermaid").is_dir() && npm.join("node_modules/jsdom").is_dir(),
        "npm install --prefix target/npm mermaid jsdom (as .ci/run does)"
    );
    let script = npm.join("salgsmal-mermaid-parse.mjs");
    std::fs::write(&script, PARSE).expect("script");
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("blocks.json");
    std::fs::write(&input, serde_json::to_string(texts).expect("json")).expect("write");
    let out = std::process::Command::new("node")
        .arg(&script)
        .arg(&input)
        .output()
        .expect("node");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn every_mermaid_block_of_the_reports_parses() {
    let mut texts = Vec::new();
    // The example with its actuals, and before them; both languages.
    for plan in [Plan::example(), Plan::example().without("actuals")] {
        for locale in ["nb", "en"] {
            let run = plan.run(&[
                "render", "--format", "md", "--locale", locale, "--out", "out",
            ]);
            assert_eq!(run.code, 0, "{}", run.stderr);
            for entry in std::fs::read_dir(plan.path().join("out")).expect("out") {
                let path = entry.expect("entry").path();
                texts.extend(blocks(&std::fs::read_to_string(&path).expect("report")));
            }
        }
    }
    // Names that need escaping inside a Mermaid label.
    let tricky = Plan::example().file(
        "customers/kari.yaml",
        "owner: kari\ncustomers:\n  - {id: a, name: \"Kunde \\\"A\\\" [100%] #1: (AS)\", revenue: 1_000_000, margin: 0.2}\n  - {id: b, name: \"%%{init}%% ; B\", revenue: 2_000_000, margin: 0.3}\n",
    );
    let run = tricky.run(&[
        "render", "--format", "md", "--report", "team", "--out", "out",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let team = std::fs::read_to_string(tricky.path().join("out/team-salg-vest.md")).expect("team");
    texts.extend(blocks(&team));
    assert!(texts.len() >= 5, "{}", texts.len());
    let results = parse(&texts);
    assert_eq!(results.len(), texts.len());
    for (text, result) in texts.iter().zip(&results) {
        assert_eq!(result, "ok", "{text}");
    }
    // The parser does say no: a broken block is an error.
    let broken = parse(&["quadrantChart\n  \"A: [0.3\n".to_string()]);
    assert!(broken[0].starts_with("error"), "{broken:?}");
}
