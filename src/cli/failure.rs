//! Why an input gave no record: a stable kind for programs (the error record's `kind`) and
//! a message for people. Inputs, decoding and the sink all fail in these terms, so it is a
//! module of its own that depends on nothing.

use std::io;

#[derive(Debug, Clone)]
pub struct Failure {
    /// A stable word for programs: not_found, permission_denied, is_directory, io, empty,
    /// not_text, too_large, invalid_json, missing_field, duplicate_name (--output-dir has
    /// written a record under its name in this run).
    pub kind: &'static str,
    pub message: String,
}

impl Failure {
    pub fn io(e: &io::Error) -> Failure {
        let (kind, message) = match e.kind() {
            io::ErrorKind::NotFound => ("not_found", "no such file or directory".to_owned()),
            io::ErrorKind::PermissionDenied => {
                ("permission_denied", "permission denied".to_owned())
            }
            io::ErrorKind::IsADirectory => ("is_directory", "is a directory".to_owned()),
            _ => {
                // Drop the " (os error N)" that io::Error's Display appends.
                let text = e.to_string();
                (
                    "io",
                    text.split(" (os error").next().unwrap_or(&text).to_owned(),
                )
            }
        };
        Failure { kind, message }
    }

    pub fn decode(e: &newsparse::DecodeError) -> Failure {
        let kind = match e {
            newsparse::DecodeError::Empty => "empty",
            // NotText, and any reason a later version adds.
            _ => "not_text",
        };
        Failure {
            kind,
            message: e.to_string(),
        }
    }

    pub fn too_large(limit: u64) -> Failure {
        Failure {
            kind: "too_large",
            message: format!("larger than --max-bytes ({limit} bytes)"),
        }
    }
}
