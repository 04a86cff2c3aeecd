//! What a template may cost. A plan's templates come with its pull request,
//! so a report is bounded in work (minijinja's fuel), in output (at most
//! [`OUTPUT`] bytes a report) and in memory (at most [`MEMORY`] bytes of
//! growth while the reports render). minijinja has fuel but no memory or
//! output limit, and no crate bounds a running template's memory; what is
//! here fills that gap:
//!
//! - each value a template writes is counted where it is formatted, so the
//!   error names the template's line;
//! - the text between tags is counted by the writer the report renders into;
//! - filters that allocate from a number (`indent`, `format` widths) refuse
//!   numbers no report needs before they allocate;
//! - growth that is not output (a string doubled in a loop or a macro) is
//!   seen by a watchdog reading the process's resident memory, which stops
//!   the run with the template's name (the line is not known there: the
//!   template is still running and cannot be interrupted).

use minijinja::value::{Kwargs, Rest, Value};
use minijinja::{Error, ErrorKind, State};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// The most one report may write.
pub const OUTPUT: usize = 64 << 20;

/// The most memory may grow while the reports render, beyond what they
/// wrote.
pub const MEMORY: u64 = 1 << 30;

/// The widest indentation or printf width a template may ask for.
pub const WIDTH: usize = 10_000;

const WRITTEN: &str = "salgsmal_written";

fn too_large() -> Error {
    Error::new(
        ErrorKind::InvalidOperation,
        format!(
            "the report would be larger than {} MB (the most a report may write)",
            OUTPUT >> 20
        ),
    )
}

/// Count `len` bytes of output against the report's budget.
pub fn count(state: &State, len: usize) -> Result<(), Error> {
    let used = state
        .get_temp(WRITTEN)
        .and_then(|v| v.as_usize())
        .unwrap_or(0)
        .saturating_add(len);
    if used > OUTPUT {
        return Err(too_large());
    }
    state.set_temp(WRITTEN, Value::from(used));
    Ok(())
}

/// A report's text, refusing to grow past [`OUTPUT`].
#[derive(Default)]
pub struct Writer {
    pub bytes: Vec<u8>,
}

impl std::io::Write for Writer {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len().saturating_add(buf.len()) > OUTPUT {
            return Err(std::io::Error::other(too_large().to_string()));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn check_width(width: usize, what: &str) -> Result<(), Error> {
    if width > WIDTH {
        return Err(Error::new(
            ErrorKind::InvalidOperation,
            format!("{what} {width} is wider than {WIDTH}, the widest a report may use"),
        ));
    }
    Ok(())
}

/// `indent`, refusing a width no report needs before it allocates it.
pub fn indent(
    state: &State,
    value: Value,
    args: Rest<Value>,
    kwargs: Kwargs,
) -> Result<Value, Error> {
    let width = match args.first() {
        Some(w) => w.as_usize(),
        None => kwargs.get::<Option<usize>>("width")?,
    };
    if let Some(width) = width {
        check_width(width, "indentation")?;
    }
    let mut all = vec![value];
    all.extend(args.0);
    all.push(Value::from(kwargs));
    state.apply_filter("salgsmal_indent", &all)
}

/// `format`, refusing printf widths and precisions no report needs (and
/// widths taken from the arguments, `*`).
pub fn format(state: &State, format: Value, args: Rest<Value>) -> Result<Value, Error> {
    if let Some(mut rest) = format.as_str() {
        while let Some(i) = rest.find('%') {
            rest = &rest[i + 1..];
            if rest.starts_with('(') {
                rest = rest.find(')').map_or("", |j| &rest[j + 1..]);
            }
            let spec_len = rest
                .find(|c: char| !(c.is_ascii_digit() || "-+ #.*".contains(c)))
                .unwrap_or(rest.len());
            let spec = &rest[..spec_len];
            if spec.contains('*') {
                return Err(Error::new(
                    ErrorKind::InvalidOperation,
                    "a printf width from the arguments (`*`) is not supported",
                ));
            }
            for n in spec
                .split(|c: char| !c.is_ascii_digit())
                .filter(|n| !n.is_empty())
            {
                check_width(n.parse().unwrap_or(usize::MAX), "a printf width")?;
            }
            rest = &rest[spec_len..];
        }
    }
    let mut all = vec![format];
    all.extend(args.0);
    state.apply_filter("salgsmal_format", &all)
}

/// The template being rendered, for the watchdog's message.
pub static RENDERING: Mutex<String> = Mutex::new(String::new());

/// The process's resident memory, in bytes (Linux; elsewhere the
/// watchdog does nothing).
fn resident() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// Run `f` (the rendering) with a watchdog: if memory grows by more than
/// [`MEMORY`] plus what `written` says the reports hold, the run stops with
/// a template error naming the template (exit 1; nothing has been written,
/// as reports are written only after all have rendered).
pub fn guarded<T: Send>(written: &std::sync::atomic::AtomicU64, f: impl FnOnce() -> T + Send) -> T {
    let Some(base) = resident() else {
        return f();
    };
    let done = AtomicBool::new(false);
    std::thread::scope(|s| {
        s.spawn(|| {
            while !done.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(2));
                let Some(now) = resident() else { return };
                let allowed = base + MEMORY + written.load(Ordering::Relaxed);
                if now > allowed {
                    let template = RENDERING
                        .lock()
                        .map(|t| t.clone())
                        .unwrap_or_default();
                    use std::io::Write;
                    let mut err = std::io::stderr().lock();
                    let _ = writeln!(
                        err,
                        "error[template]: {template}: the template needs more than {} MB of memory (the most reports may use while they render); nothing was written",
                        MEMORY >> 20
                    );
                    let _ = err.flush();
                    std::process::exit(1);
                }
            }
        });
        let out = f();
        done.store(true, Ordering::Relaxed);
        out
    })
}
