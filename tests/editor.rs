//! Editor support with the real client: the npm `yaml-language-server`
//! (`.ci/run` installs it into `target/npm`), driven over stdio as an editor
//! drives it, reads the schemas through the files' modelines only. The
//! example's seller file gets no diagnostic, a broken copy one on the right
//! line; completion offers the metric names, hover the schema's words.

use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

fn server() -> PathBuf {
    let local = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/npm/node_modules/.bin/yaml-language-server");
    if local.is_file() {
        return local;
    }
    PathBuf::from("yaml-language-server")
}

struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    next_id: u64,
}

impl Client {
    fn start() -> Self {
        let mut child = Command::new(server())
            .arg("--stdio")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("yaml-language-server is installed (npm install yaml-language-server)");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (send, messages) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = 0usize;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length:") {
                        length = n.trim().parse().unwrap_or(0);
                    }
                }
                let mut body = vec![0; length];
                if reader.read_exact(&mut body).is_err() {
                    return;
                }
                let Ok(value) = serde_json::from_slice::<Value>(&body) else {
                    return;
                };
                if send.send(value).is_err() {
                    return;
                }
            }
        });
        Self {
            child,
            stdin,
            messages,
            next_id: 1,
        }
    }

    fn send(&mut self, message: &Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
        self.stdin.flush().expect("flush");
    }

    fn notify(&mut self, method: &str, params: &Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Answer the server's own requests as an editor would.
    fn answer(&mut self, m: &Value) {
        let Some(id) = m.get("id").cloned() else {
            return;
        };
        let result = match m["method"].as_str() {
            Some("workspace/configuration") => {
                let n = m["params"]["items"].as_array().map_or(1, Vec::len);
                Value::Array(vec![settings()["yaml"].clone(); n])
            }
            _ => Value::Null,
        };
        self.send(&json!({"jsonrpc": "2.0", "id": id, "result": result}));
    }

    /// The next message for which `want` holds, answering requests and
    /// passing over other notifications on the way.
    fn wait(&mut self, what: &str, want: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let m = self
                .messages
                .recv_timeout(left)
                .unwrap_or_else(|_| panic!("no {what} from yaml-language-server"));
            if want(&m) {
                return m;
            }
            if m.get("method").is_some() {
                self.answer(&m);
            }
        }
    }

    fn request(&mut self, method: &str, params: &Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.wait(method, |m| m["id"] == id && m.get("method").is_none())["result"].clone()
    }

    fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            &json!({"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}),
        );
    }

    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        let m = self.wait("diagnostics", |m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        });
        m["params"]["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The editor's settings: validation, hover and completion on; the schema
/// store off (no network: the modelines name the schemas).
fn settings() -> Value {
    json!({"yaml": {
        "validate": true,
        "hover": true,
        "completion": true,
        "schemaStore": {"enable": false},
    }})
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

#[test]
fn the_language_server_validates_completes_and_explains_with_the_modeline_only() {
    let sellers = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/salg-vest/sellers");
    let kari = sellers.join("kari.yaml");
    let text = std::fs::read_to_string(&kari).expect("kari");
    assert!(
        text.starts_with("# yaml-language-server: $schema=../../../schemas/seller.schema.json")
    );
    let mut client = Client::start();
    let root = uri(Path::new(env!("CARGO_MANIFEST_DIR")));
    client.request(
        "initialize",
        &json!({
            "processId": null,
            "rootUri": root,
            "capabilities": {
                "workspace": {"configuration": true},
                "textDocument": {
                    "completion": {"completionItem": {"snippetSupport": false}},
                    "hover": {"contentFormat": ["markdown", "plaintext"]},
                    "publishDiagnostics": {},
                },
            },
        }),
    );
    client.notify("initialized", &json!({}));
    client.notify(
        "workspace/didChangeConfiguration",
        &json!({"settings": settings()}),
    );

    // The example as it is: no diagnostic.
    let example = uri(&kari);
    client.open(&example, &text);
    let found = client.diagnostics(&example);
    assert!(found.is_empty(), "{found:#?}");

    // A copy beside it with a misspelt key on the line of Kari's revenue
    // target: a diagnostic on that line.
    let line = text
        .lines()
        .position(|l| l.contains("target: 10_000_000"))
        .expect("the revenue target");
    let broken_text = text.replacen("target: 10_000_000", "targt: 10_000_000", 1);
    let broken = uri(&sellers.join("kari-broken.yaml"));
    client.open(&broken, &broken_text);
    let found = client.diagnostics(&broken);
    assert!(!found.is_empty(), "the misspelt key is found");
    assert!(
        found
            .iter()
            .any(|d| d["range"]["start"]["line"] == line as u64),
        "a diagnostic on line {}: {found:#?}",
        line + 1
    );

    // Completion of a goal's metric offers the metric names.
    let new = "# yaml-language-server: $schema=../../../schemas/seller.schema.json\nname: Per Hansen\nteam: salg-vest\ngoals:\n  - id: omsetning\n    metric: \n";
    let fresh = uri(&sellers.join("per.yaml"));
    client.open(&fresh, new);
    client.diagnostics(&fresh);
    let result = client.request(
        "textDocument/completion",
        &json!({"textDocument": {"uri": fresh}, "position": {"line": 5, "character": 12}}),
    );
    let items = result
        .get("items")
        .or(Some(&result))
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let labels: Vec<&str> = items.iter().filter_map(|i| i["label"].as_str()).collect();
    for metric in ["revenue", "contribution_margin", "qualified_meetings"] {
        assert!(labels.contains(&metric), "`{metric}` in {labels:?}");
    }

    // Hover on a key shows the schema's description of it.
    let result = client.request(
        "textDocument/hover",
        &json!({"textDocument": {"uri": fresh}, "position": {"line": 2, "character": 1}}),
    );
    let shown = result["contents"].to_string();
    assert!(shown.contains("The team the seller belongs to"), "{shown}");
}
