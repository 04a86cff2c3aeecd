//! What both targets share: the example plan, held in memory.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

/// Where reports and imports would be written: never, here (the plan is
/// read from memory and nothing is written).
pub const ROOT: &str = "/salgsmal-fuzz/no-such-folder";

/// The files of `examples/salg-vest` by plan-relative path.
pub fn example() -> &'static BTreeMap<String, Vec<u8>> {
    static FILES: OnceLock<BTreeMap<String, Vec<u8>>> = OnceLock::new();
    FILES.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/salg-vest");
        let mut files = BTreeMap::new();
        read(&root, "", &mut files);
        assert!(files.contains_key("salgsmal.yaml"), "the example plan");
        files
    })
}

fn read(dir: &Path, rel: &str, out: &mut BTreeMap<String, Vec<u8>>) {
    for entry in std::fs::read_dir(dir).expect("the example plan") {
        let entry = entry.expect("entry");
        let name = entry.file_name().to_string_lossy().into_owned();
        let rel = if rel.is_empty() {
            name
        } else {
            format!("{rel}/{name}")
        };
        if entry.path().is_dir() {
            read(&entry.path(), &rel, out);
        } else {
            out.insert(rel, std::fs::read(entry.path()).expect("read"));
        }
    }
}
