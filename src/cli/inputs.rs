//! What to parse: the inputs given, folders walked and JSON Lines split into articles, one
//! item at a time and in a fixed order, so that memory does not grow with their number.
//! Takes a `Plan` (resolved by `config`); gives `Item`s to a callback, and the bytes or the
//! article of an item when `run` asks; with --output-dir, each item's file name, and the
//! names alone (`out_names`) for `outdir` to check before the run. It knows nothing of
//! parsing or of how records are written.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Component, Path, PathBuf};

use globset::GlobMatcher;
use walkdir::WalkDir;

use crate::cli::args::InputFormat;
use crate::cli::failure::Failure;
use crate::cli::names;

/// An input as given: standard input (none given, or `-`) or a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    Path(PathBuf),
}

/// What to read and how: all that `walk`, `article` and `read` need.
#[derive(Debug, Clone)]
pub struct Plan {
    pub inputs: Vec<Input>,
    pub format: InputFormat,
    /// The files taken from folders.
    pub glob: GlobMatcher,
    /// The largest article, or JSON Lines line, read.
    pub max_bytes: u64,
    /// The JSON Lines fields that name an article and hold its text.
    pub id_field: String,
    pub text_field: String,
    /// Whether records go to files (--output-dir): only then are items given out names.
    pub file_names: bool,
    /// The extension of those files: `json`, or `html` for pages (--format).
    pub extension: &'static str,
}

pub enum Work {
    File(PathBuf),
    Stdin,
    /// An article's text from a JSON Lines input.
    Text(String),
    /// A line of JSON Lines not yet parsed (workers parse it); the item's source is
    /// `NAME:LINE` until then.
    Line(Vec<u8>),
    Failed(Failure),
}

pub struct Item {
    /// The record's `source`: the path as given or found (`names::source`), `-`, or a JSON
    /// Lines id as written.
    pub source: String,
    /// Where --output-dir writes the record, relative to that folder (`out_name`, or a JSON
    /// Lines id's `names::id_file_name`); empty without --output-dir and for a failure.
    pub out_name: PathBuf,
    pub work: Work,
}

/// Calls `each` with every item in order, until it returns false.
pub fn walk(plan: &Plan, each: impl FnMut(Item) -> bool) {
    Walk::new(plan, false).inputs(each);
}

/// Calls `each` with the name under --output-dir of every item that will have one, and the
/// item as a message names it (its source; a JSON Lines line's place and id), in order,
/// until it returns false. Reads only the ids of JSON Lines files, and not standard input
/// or any other stream of JSON Lines, which could not be read again: `outdir` checks those
/// names as they come.
pub fn out_names(plan: &Plan, mut each: impl FnMut(String, PathBuf) -> bool) {
    Walk::new(plan, true).inputs(|item| match item.work {
        Work::Line(line) => match id(plan, &line) {
            Some(id) => {
                let name = names::id_file_name(&id, plan.extension);
                each(format!("{} (id {id})", item.source), name)
            }
            None => true,
        },
        Work::Failed(_) => true,
        _ => each(item.source, item.out_name),
    });
}

/// How many articles the inputs hold, where that is known before they are read: files and
/// folders of articles (the folders walked once more), not JSON Lines. For the progress
/// bar's total.
pub fn count(plan: &Plan) -> Option<u64> {
    if plan.format == InputFormat::Jsonl {
        return None;
    }
    let mut n = 0;
    Walk::new(plan, true).inputs(|_| {
        n += 1;
        true
    });
    Some(n)
}

/// A walk over the inputs: the plan, the folders every input shares (what --output-dir
/// drops from the names), and whether only names are wanted.
struct Walk<'p> {
    plan: &'p Plan,
    base: Vec<Component<'p>>,
    names_only: bool,
}

impl<'p> Walk<'p> {
    fn new(plan: &'p Plan, names_only: bool) -> Walk<'p> {
        let base = if plan.file_names {
            common_base(&plan.inputs)
        } else {
            Vec::new()
        };
        Walk {
            plan,
            base,
            names_only,
        }
    }

    fn inputs(&self, mut each: impl FnMut(Item) -> bool) {
        let plan = self.plan;
        for input in &plan.inputs {
            let go_on = match (input, plan.format) {
                (Input::Stdin, InputFormat::Text) => each(Item {
                    source: "-".into(),
                    out_name: Path::new("stdin").with_extension(plan.extension),
                    work: Work::Stdin,
                }),
                (Input::Stdin, InputFormat::Jsonl) if self.names_only => true,
                (Input::Stdin, InputFormat::Jsonl) => {
                    lines("-", plan.max_bytes, true, io::stdin().lock(), &mut each)
                }
                (Input::Path(root), _) if root.is_dir() => self.folder(root, &mut each),
                (Input::Path(path), InputFormat::Text) => each(self.file(path)),
                (Input::Path(path), InputFormat::Jsonl) => self.jsonl_file(path, &mut each),
            };
            if !go_on {
                return;
            }
        }
    }

    /// An article file's item, named for --output-dir.
    fn file(&self, path: &Path) -> Item {
        Item {
            source: names::source(path),
            out_name: if self.plan.file_names {
                out_name(path, &self.base, self.plan.extension)
            } else {
                PathBuf::new()
            },
            work: Work::File(path.to_owned()),
        }
    }

    /// The files under `root` that match the glob, sorted by name at every level. Symbolic
    /// links are not followed, so a link back up the tree is never walked twice.
    fn folder(&self, root: &Path, each: &mut impl FnMut(Item) -> bool) -> bool {
        let plan = self.plan;
        let mut matched = false;
        for entry in WalkDir::new(root).sort_by_file_name() {
            let go_on = match entry {
                Ok(e) if e.file_type().is_file() && plan.glob.is_match(e.file_name()) => {
                    matched = true;
                    match plan.format {
                        InputFormat::Text => each(self.file(e.path())),
                        InputFormat::Jsonl => self.jsonl_file(e.path(), each),
                    }
                }
                Ok(_) => true,
                Err(e) => {
                    let path = names::source(e.path().unwrap_or(root));
                    let failure = e.io_error().map_or_else(
                        || Failure {
                            kind: "io",
                            message: e.to_string(),
                        },
                        Failure::io,
                    );
                    each(Item {
                        source: path,
                        out_name: PathBuf::new(),
                        work: Work::Failed(failure),
                    })
                }
            };
            if !go_on {
                return false;
            }
        }
        // A folder given that holds no article is most likely a mistake (a wrong --glob):
        // said, and counted as a failed input.
        if !matched && !self.names_only {
            let failure = Failure {
                kind: "no_match",
                message: format!(
                    "no file in this folder matches {}",
                    names::shown(plan.glob.glob().glob())
                ),
            };
            return each(Item {
                source: names::source(root),
                out_name: PathBuf::new(),
                work: Work::Failed(failure),
            });
        }
        true
    }

    fn jsonl_file(&self, path: &Path, each: &mut impl FnMut(Item) -> bool) -> bool {
        let name = names::source(path);
        match File::open(path) {
            Ok(file) => {
                // A file's over-long line ends; a device's may never.
                let ends = file.metadata().is_ok_and(|m| m.is_file());
                if self.names_only && !ends {
                    return true;
                }
                lines(&name, self.plan.max_bytes, ends, BufReader::new(file), each)
            }
            Err(e) => each(Item {
                source: name,
                out_name: PathBuf::new(),
                work: Work::Failed(Failure::io(&e)),
            }),
        }
    }
}

/// The folders that every input given is in, or is: none for `a/x.txt b/y.txt`, `in` for
/// `in/a.txt in/b.txt` and for the folder `in` alone.
fn common_base(inputs: &[Input]) -> Vec<Component<'_>> {
    let mut base: Option<Vec<Component>> = None;
    for input in inputs {
        let Input::Path(path) = input else { continue };
        let mut dir: Vec<Component> = parts(path).collect();
        if !path.is_dir() {
            dir.pop();
        }
        base = Some(match base {
            None => dir,
            Some(mut base) => {
                let shared = base.iter().zip(&dir).take_while(|(a, b)| a == b).count();
                base.truncate(shared);
                base
            }
        });
    }
    base.unwrap_or_default()
}

/// A path's components, `.` dropped: `./in` and `in` are one folder.
fn parts(path: &Path) -> impl Iterator<Item = Component<'_>> {
    path.components().filter(|c| *c != Component::CurDir)
}

/// Where --output-dir writes the record of the file `path`: its path after the folders all
/// inputs share (`base`), so that the tree under the folder mirrors the inputs', each `..`
/// as `_..` and a leading `/` dropped, so that it stays under the folder; `extension`
/// (`json`, `html`) for its extension.
fn out_name(path: &Path, base: &[Component], extension: &str) -> PathBuf {
    let mut name = PathBuf::new();
    for part in parts(path).skip(base.len()) {
        match part {
            Component::Normal(part) => name.push(part),
            Component::ParentDir => name.push("_.."),
            Component::RootDir | Component::Prefix(_) | Component::CurDir => {}
        }
    }
    name.set_extension(extension);
    name
}

/// One item per non-blank line of JSON Lines: `{"id": …, "text": …}`; a UTF-8 byte-order
/// mark before the first is dropped (editors on Windows write one). A line over `limit`
/// bytes is an error item; the lines after it go on where its end is sure to come
/// (`ends`: a file, standard input), else the input ends there (`/dev/zero`).
fn lines(
    name: &str,
    limit: u64,
    ends: bool,
    mut reader: impl BufRead,
    each: &mut impl FnMut(Item) -> bool,
) -> bool {
    let mut line = Vec::new();
    let mut number = 0;
    loop {
        line.clear();
        number += 1;
        match reader
            .by_ref()
            .take(limit.saturating_add(1))
            .read_until(b'\n', &mut line)
        {
            Ok(0) => return true,
            Ok(_) => {}
            Err(e) => {
                let item = Item {
                    source: format!("{name}:{number}"),
                    out_name: PathBuf::new(),
                    work: Work::Failed(Failure::io(&e)),
                };
                each(item);
                return true;
            }
        }
        if line.len() as u64 > limit {
            let item = Item {
                source: format!("{name}:{number}"),
                out_name: PathBuf::new(),
                work: Work::Failed(Failure::too_large(limit)),
            };
            if !each(item) {
                return false;
            }
            if !ends {
                // The rest of an endless line is never read: this input ends here.
                return true;
            }
            // The rest of the line is skipped, not held, and the next line goes on.
            if !line.ends_with(b"\n") && reader.skip_until(b'\n').is_err() {
                return true;
            }
            continue;
        }
        if number == 1 && line.starts_with(b"\xEF\xBB\xBF") {
            line.drain(..3);
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let item = Item {
            source: format!("{name}:{number}"),
            out_name: PathBuf::new(),
            work: Work::Line(std::mem::take(&mut line)),
        };
        if !each(item) {
            return false;
        }
    }
}

/// The article that a JSON Lines line holds: `{"id": …, "text": …}`, fields as planned.
/// `at` names the line (`NAME:LINE`) for errors before the id is known.
pub fn article(plan: &Plan, at: String, line: &[u8]) -> Item {
    let failed = |source: String, kind, message| Item {
        source,
        out_name: PathBuf::new(),
        work: Work::Failed(Failure { kind, message }),
    };
    let fields = ArticleFields {
        id: &plan.id_field,
        text: &plan.text_field,
    };
    let mut de = serde_json::Deserializer::from_slice(line);
    let (id, text) = match serde::de::DeserializeSeed::deserialize(fields, &mut de)
        .and_then(|v| de.end().map(|()| v))
    {
        Ok(v) => v,
        Err(e) => return failed(at, "invalid_json", format!("not a JSON object: {e}")),
    };
    let Some(id) = id else {
        return failed(
            at,
            "missing_field",
            format!("no string or number field {:?}", plan.id_field),
        );
    };
    match text {
        Some(text) => {
            // Only `--output-dir` writes files: the name is not made for every line.
            let out_name = if plan.file_names {
                names::id_file_name(&id, plan.extension)
            } else {
                PathBuf::new()
            };
            Item {
                source: id,
                out_name,
                work: Work::Text(text),
            }
        }
        None => failed(
            id,
            "missing_field",
            format!("no string field {:?}", plan.text_field),
        ),
    }
}

/// The id of a JSON Lines line, if it is an object with one; the text is skipped, not built.
fn id(plan: &Plan, line: &[u8]) -> Option<String> {
    // Only a line that `article` takes will be written: it is read as `article` reads it.
    let item = article(plan, String::new(), line);
    matches!(item.work, Work::Text(_)).then_some(item.source)
}

/// The id and text fields of an article line, by their configured names; other fields are
/// skipped without being built.
struct ArticleFields<'c> {
    id: &'c str,
    text: &'c str,
}

impl<'de> serde::de::DeserializeSeed<'de> for ArticleFields<'_> {
    type Value = (Option<String>, Option<String>);

    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> serde::de::Visitor<'de> for ArticleFields<'_> {
    type Value = (Option<String>, Option<String>);

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        use serde_json::Value;
        let (mut id, mut text) = (None, None);
        while let Some(key) = map.next_key::<String>()? {
            if key == self.id {
                // A number as written: as an f64, ids past 2^53 would meet.
                let raw = map.next_value::<&serde_json::value::RawValue>()?.get();
                id = match raw.as_bytes().first() {
                    Some(b'"') => serde_json::from_str(raw).ok(),
                    Some(b'-' | b'0'..=b'9') => Some(raw.to_owned()),
                    _ => None,
                };
            } else if key == self.text {
                text = match map.next_value::<Value>()? {
                    Value::String(s) => Some(s),
                    _ => None,
                };
            } else {
                map.next_value::<serde::de::IgnoredAny>()?;
            }
        }
        Ok((id, text))
    }
}

/// The bytes of a file, or of standard input for `None`.
pub fn read(path: Option<&Path>, limit: u64) -> Result<Vec<u8>, Failure> {
    let mut bytes = Vec::new();
    match path {
        None => {
            io::stdin()
                .lock()
                .take(limit.saturating_add(1))
                .read_to_end(&mut bytes)
                .map_err(|e| Failure::io(&e))?;
        }
        Some(path) => {
            let file = File::open(path).map_err(|e| Failure::io(&e))?;
            let meta = file.metadata().map_err(|e| Failure::io(&e))?;
            if meta.is_dir() {
                return Err(Failure {
                    kind: "is_directory",
                    message: "is a directory".into(),
                });
            }
            if meta.is_file() && meta.len() > limit {
                return Err(Failure::too_large(limit));
            }
            // A device or a pipe says nothing of its size: read one byte past the limit.
            file.take(limit.saturating_add(1))
                .read_to_end(&mut bytes)
                .map_err(|e| Failure::io(&e))?;
        }
    }
    if bytes.len() as u64 > limit {
        return Err(Failure::too_large(limit));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(inputs: &[&str], path: &str) -> String {
        let inputs: Vec<Input> = inputs.iter().map(|p| Input::Path(p.into())).collect();
        let base = common_base(&inputs);
        out_name(Path::new(path), &base, "json")
            .to_str()
            .unwrap()
            .to_owned()
    }

    #[test]
    fn out_names_mirror_the_paths_after_the_folders_all_inputs_share() {
        // `src` is a folder here (the tests run in the crate's).
        assert_eq!(names(&["x.txt"], "x.txt"), "x.json");
        assert_eq!(names(&["in/x.txt"], "in/x.txt"), "x.json");
        assert_eq!(names(&["in/x.txt", "./in/y.txt"], "in/x.txt"), "x.json");
        assert_eq!(
            names(&["in1/x.txt", "in2/x.txt"], "in1/x.txt"),
            "in1/x.json"
        );
        assert_eq!(
            names(&["in1/x.txt", "in2/x.txt"], "in2/x.txt"),
            "in2/x.json"
        );
        assert_eq!(names(&["src"], "src/cli/a.story"), "cli/a.json");
        assert_eq!(names(&["src", "tests"], "src/cli/a.txt"), "src/cli/a.json");
        assert_eq!(
            names(&["/a/b/x.txt", "/a/c/x.txt"], "/a/b/x.txt"),
            "b/x.json"
        );
        assert_eq!(names(&["../x.txt", "y.txt"], "../x.txt"), "_../x.json");
        assert_eq!(names(&["/a/x.txt", "y.txt"], "/a/x.txt"), "a/x.json");
    }
}
