//! --output-dir: each record as a file of its own, never lost or damaged. Before the run,
//! `prepare` refuses it where two inputs would be written to one file (naming both), before
//! anything is written. During it, `Files` writes each record to a temporary file beside its
//! place and renames it there, so that a kill or a full disk leaves no half record and a
//! link at the place is replaced, not written through; it refuses a name written already in
//! the run (JSON Lines on standard input cannot be checked before; a file system that folds
//! case may make two names one); and it keeps every error record, one a line, in
//! `errors.jsonl`. Takes names and bytes from the sink; knows nothing of parsing.

use std::collections::HashSet;
use std::fs::{self, File, OpenOptions};
use std::hash::{BuildHasher, RandomState};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::bail;

use crate::cli::config::Config;
use crate::cli::failure::Failure;
use crate::cli::inputs;
use crate::cli::names::{self, shown};

/// The file of the error records under --output-dir. No record's name ends so.
pub const ERRORS: &str = "errors.jsonl";

/// Before a run with --output-dir: refuses it where two inputs would be written to one
/// file, naming both, or where the folder cannot be made; then, with --error-records,
/// empties `errors.jsonl`, so that it holds this run's errors only. An error is a usage
/// error: nothing has been written.
pub fn prepare(config: &Config) -> anyhow::Result<()> {
    let Some(dir) = &config.sink.output_dir else {
        return Ok(());
    };
    let plan = &config.inputs;
    // Keys, not names, so that the check holds 16 bytes a file; the rare clash is then
    // named by a second walk.
    let keys = Keys::new();
    let mut seen = HashSet::new();
    let mut clash = None;
    inputs::out_names(plan, |who, name| {
        let fresh = seen.insert(keys.of(&name));
        if !fresh {
            clash = Some((who, name));
        }
        fresh
    });
    if let Some((second, name)) = clash {
        let mut first = None;
        inputs::out_names(plan, |who, other| {
            if other == name {
                first = Some(who);
            }
            first.is_none()
        });
        bail!(
            "--output-dir: {} and {} would both be written to {}; nothing was written",
            shown(&first.unwrap_or_default()),
            shown(&second),
            shown(&names::source(&dir.join(&name))),
        );
    }
    if fs::metadata(dir).is_ok_and(|m| !m.is_dir()) {
        bail!(
            "cannot use --output-dir {}: not a folder",
            shown(&names::source(dir))
        );
    }
    let mut files = Files::new(dir.clone());
    let made = files.ready().and_then(|()| {
        if config.sink.error_records {
            files.put(&dir.join(ERRORS), b"").map(drop)
        } else {
            Ok(())
        }
    });
    if let Err(e) = made {
        bail!(
            "cannot use --output-dir {}: {}",
            shown(&names::source(dir)),
            Failure::io(&e).message
        );
    }
    Ok(())
}

/// The files of one run under --output-dir.
pub struct Files {
    root: PathBuf,
    /// Whether `root` has been made.
    ready: bool,
    /// The keys of the names written: a second record under one name is refused.
    keys: Keys,
    written: HashSet<u128>,
    /// The files written, by device and inode: a name that the file system takes for one
    /// written before (`A.json`, `a.json` where case folds) is refused too.
    #[cfg(unix)]
    inodes: HashSet<(u64, u64)>,
    /// Folders under `root` known to be folders, not links.
    folders: HashSet<PathBuf>,
    /// `errors.jsonl`, once the run's first error record has made it.
    errors: Option<File>,
    /// Temporary files made, for their names.
    temps: u64,
}

impl Files {
    pub fn new(root: PathBuf) -> Files {
        Files {
            root,
            ready: false,
            keys: Keys::new(),
            written: HashSet::new(),
            #[cfg(unix)]
            inodes: HashSet::new(),
            folders: HashSet::new(),
            errors: None,
            temps: 0,
        }
    }

    /// Writes `record` as `name` (a path under the folder), whole or not at all.
    pub fn write(&mut self, name: &Path, record: &[u8]) -> Result<(), Failure> {
        let path = self.root.join(name);
        let taken = || Failure {
            kind: "duplicate_name",
            message: format!(
                "not written: {} holds the record of an earlier input of this run",
                names::source(&path)
            ),
        };
        if !self.written.insert(self.keys.of(name)) {
            return Err(taken());
        }
        let cannot = |e: &io::Error| Failure {
            kind: "io",
            message: format!(
                "cannot write {}: {}",
                names::source(&path),
                Failure::io(e).message
            ),
        };
        self.ready().map_err(|e| cannot(&e))?;
        if let Some(folder) = name.parent() {
            self.folder(folder).map_err(|e| cannot(&e))?;
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            if fs::symlink_metadata(&path).is_ok_and(|m| self.inodes.contains(&(m.dev(), m.ino())))
            {
                return Err(taken());
            }
        }
        let file = self.put(&path, record).map_err(|e| cannot(&e))?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            if let Ok(m) = file.metadata() {
                self.inodes.insert((m.dev(), m.ino()));
            }
        }
        drop(file);
        Ok(())
    }

    /// Appends an error record (a line) to `errors.jsonl`. The run's first replaces the
    /// file (`prepare` emptied it; without --error-records nothing else writes it).
    pub fn append_error(&mut self, line: &[u8]) -> Result<(), Failure> {
        let path = self.root.join(ERRORS);
        let written = match &mut self.errors {
            Some(file) => file.write_all(line),
            None => self
                .ready()
                .and_then(|()| self.put(&path, line))
                .map(|file| self.errors = Some(file)),
        };
        written.map_err(|e| Failure {
            kind: "io",
            message: format!(
                "cannot write {}: {}",
                names::source(&path),
                Failure::io(&e).message
            ),
        })
    }

    /// Makes the folder (a link there is followed: the user named it).
    fn ready(&mut self) -> io::Result<()> {
        if !self.ready {
            fs::create_dir_all(&self.root)?;
            self.ready = true;
        }
        Ok(())
    }

    /// Makes the folders of `relative` under the folder, one by one, refusing a link or a
    /// file where a folder goes: the mirrored tree is newsparse's, and a link in it would
    /// send records elsewhere.
    fn folder(&mut self, relative: &Path) -> io::Result<()> {
        let mut at = self.root.clone();
        for part in relative.components() {
            at.push(part);
            if self.folders.contains(&at) {
                continue;
            }
            let meta = match fs::symlink_metadata(&at) {
                Err(e) if e.kind() == io::ErrorKind::NotFound => match fs::create_dir(&at) {
                    Err(e) if e.kind() != io::ErrorKind::AlreadyExists => return Err(e),
                    _ => fs::symlink_metadata(&at)?,
                },
                meta => meta?,
            };
            if meta.is_symlink() {
                return Err(io::Error::other(format!(
                    "{} is a symbolic link, not followed",
                    names::source(&at)
                )));
            }
            if !meta.is_dir() {
                return Err(io::Error::other(format!(
                    "{} is not a folder",
                    names::source(&at)
                )));
            }
            self.folders.insert(at.clone());
        }
        Ok(())
    }

    /// `bytes` as the file `path`, whole or not at all: written to a new temporary file
    /// in the same folder, then renamed over `path`, which replaces whatever is there, a
    /// link included, and never writes through it. Returns the file, open at its end.
    fn put(&mut self, path: &Path, bytes: &[u8]) -> io::Result<File> {
        let folder = path.parent().unwrap_or(Path::new("."));
        let (temp, mut file) = self.temp(folder)?;
        let written = file.write_all(bytes).and_then(|()| fs::rename(&temp, path));
        if let Err(e) = written {
            let _ = fs::remove_file(&temp);
            return Err(e);
        }
        Ok(file)
    }

    /// A new file in `folder`, named so that no record is (a record's name ends `.json`),
    /// and short, so that it fits where the record's name fits.
    fn temp(&mut self, folder: &Path) -> io::Result<(PathBuf, File)> {
        let mut tries = 0;
        loop {
            self.temps += 1;
            let name = format!(".newsparse-{}-{}.tmp", std::process::id(), self.temps);
            let path = folder.join(name);
            match OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(file) => return Ok((path, file)),
                // A killed run's, with this process's number.
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && tries < 100 => tries += 1,
                Err(e) => return Err(e),
            }
        }
    }
}

/// A name's key: 128 bits of two keyed hashes, so that two names meet by chance about
/// once in 2^64 runs of 4 billion files, and nobody can make them meet.
struct Keys(RandomState, RandomState);

impl Keys {
    fn new() -> Keys {
        Keys(RandomState::new(), RandomState::new())
    }

    fn of(&self, name: &Path) -> u128 {
        u128::from(self.0.hash_one(name)) << 64 | u128::from(self.1.hash_one(name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("newsparse-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn a_name_is_written_once_whole_and_links_are_replaced() {
        let dir = temp_dir("outdir-files");
        let mut files = Files::new(dir.clone());
        files.write(Path::new("a/x.json"), b"one\n").unwrap();
        let again = files.write(Path::new("a/x.json"), b"two\n").unwrap_err();
        assert_eq!(again.kind, "duplicate_name");
        assert_eq!(fs::read(dir.join("a/x.json")).unwrap(), b"one\n");
        #[cfg(unix)]
        {
            let target = dir.join("target");
            fs::write(&target, b"kept\n").unwrap();
            std::os::unix::fs::symlink(&target, dir.join("a/y.json")).unwrap();
            files.write(Path::new("a/y.json"), b"record\n").unwrap();
            assert_eq!(fs::read(&target).unwrap(), b"kept\n");
            assert!(
                !fs::symlink_metadata(dir.join("a/y.json"))
                    .unwrap()
                    .is_symlink()
            );
            std::os::unix::fs::symlink(&dir, dir.join("link")).unwrap();
            let through = files.write(Path::new("link/z.json"), b"z\n").unwrap_err();
            assert!(
                through.message.contains("symbolic link"),
                "{}",
                through.message
            );
        }
        files.append_error(b"e1\n").unwrap();
        files.append_error(b"e2\n").unwrap();
        assert_eq!(fs::read(dir.join(ERRORS)).unwrap(), b"e1\ne2\n");
        // No temporary file is left.
        let left: Vec<_> = fs::read_dir(dir.join("a"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(left.len(), 2, "{left:?}");
        fs::remove_dir_all(&dir).unwrap();
    }
}
