//! Where answers go: standard output, or a file written whole or not at all.
//!
//! A file named by `-o` is written to a new temporary file beside it, synced, and renamed over
//! the target only when everything was written: a failed write (a full disk, a killed process)
//! leaves the old file as it was, and writers racing for one file each replace it whole. A
//! target that exists and is not a regular file (a FIFO, a device, a directory) is refused, and
//! so is a target that is itself a symbolic link (the tool does not write through links; name
//! the link's target instead). Symbolic links among the parent directories are followed, as
//! the operating system resolves any path.

use std::fs::{self, File, OpenOptions};
use std::io::{ErrorKind as IoKind, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use super::{fail, Failure};

/// Writes `text` to standard output. A reader that went away (`| head`) ends the output
/// quietly, as a closed pipe is no failure of the command; any other write error (a full
/// disk: `> /dev/full`) is. A standard output closed before the start (`>&-`) is reopened on
/// `/dev/null` by the Rust runtime, so what is written there is discarded without an error.
pub(crate) fn emit(text: &str) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == IoKind::BrokenPipe => Ok(()),
        Err(e) => Err(fail(format!("writing to standard output: {e}"), None)),
    }
}

/// Writes `content` to `path` whole or not at all (see the [module docs](self)).
pub(crate) fn write_file(path: &Path, content: &[u8]) -> Result<(), Failure> {
    stream(Some(path), |w| w.write_all(content))
}

/// Streams what `write` writes to `path` (whole or not at all, as [`write_file`]) or, for
/// `None`, to standard output (a reader that went away ends it quietly, as in [`emit`]):
/// for outputs too large to hold in memory first.
pub(crate) fn stream(
    path: Option<&Path>,
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<(), Failure> {
    let Some(path) = path else {
        let mut out = std::io::stdout().lock();
        return match write(&mut out).and_then(|()| out.flush()) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == IoKind::BrokenPipe => Ok(()),
            Err(e) => Err(fail(format!("writing to standard output: {e}"), None)),
        };
    };
    let shown = path.display();
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            return Err(fail(
                format!("{shown} is a symbolic link; the tool does not write through links"),
                Some("name the file the link points to"),
            ))
        }
        Ok(m) if !m.is_file() => {
            return Err(fail(
                format!(
                    "{shown} exists and is not a regular file (a directory, a FIFO or a device)"
                ),
                Some("write to a regular file, or to standard output without -o"),
            ))
        }
        _ => {}
    }
    let name = path
        .file_name()
        .ok_or_else(|| fail(format!("{shown} names no file"), None))?;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let (temp, mut file) = temp_file(&dir, &name.to_string_lossy()).map_err(|e| {
        fail(
            format!("{shown}: cannot create a file in {}: {e}", dir.display()),
            None,
        )
    })?;
    let written = write(&mut file)
        .and_then(|()| file.sync_all())
        .and_then(|()| fs::rename(&temp, path));
    if let Err(e) = written {
        let _ = fs::remove_file(&temp);
        return Err(fail(
            format!("{shown}: {e}; the file was left as it was"),
            None,
        ));
    }
    Ok(())
}

/// [`stream`]s what a library writer writes, giving back what it returns, or `None` when the
/// reader closed the pipe first (`| head`). The writer's own failure (not a failed write) is
/// reported as itself.
pub(crate) fn stream_with<T>(
    path: Option<&Path>,
    write: impl FnOnce(&mut dyn std::io::Write) -> alliance_graph::Result<T>,
) -> Result<Option<T>, Failure> {
    let mut done = None;
    let mut failure = None;
    stream(path, |w| match write(w) {
        Ok(t) => {
            done = Some(t);
            Ok(())
        }
        Err(e) => match e.into_kind() {
            alliance_graph::ErrorKind::Io { source, .. } => Err(source),
            other => {
                let e = alliance_graph::Error::from(other);
                let message = e.to_string();
                failure = Some(e);
                Err(std::io::Error::other(message))
            }
        },
    })
    .map_err(|f| failure.map_or(f, Failure::from))?;
    Ok(done)
}

/// A new file `.NAME.PID.N.tmp` in `dir`, created exclusively (never an existing one).
fn temp_file(dir: &Path, name: &str) -> std::io::Result<(PathBuf, File)> {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let temp = dir.join(format!(".{name}.{}.{n}.tmp", std::process::id()));
        match OpenOptions::new().write(true).create_new(true).open(&temp) {
            Ok(f) => return Ok((temp, f)),
            Err(e) if e.kind() == IoKind::AlreadyExists && n < 1000 => continue,
            Err(e) => return Err(e),
        }
    }
}
