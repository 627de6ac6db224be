//! The errors `cargo app` reports: each message says what went wrong and what to do about it.

use std::fmt;
use std::io;
use std::path::PathBuf;
use std::process::ExitStatus;

/// Everything that can stop `cargo app build`, `cargo app serve` or `cargo app new`.
#[derive(Debug)]
pub(crate) enum Error {
    /// There is no `Cargo.toml` where the app was looked for.
    NoManifest {
        /// The file (with `--manifest-path`) or the directory that was searched.
        path: PathBuf,
        /// Whether the path came from `--manifest-path`.
        explicit: bool,
    },
    /// `cargo metadata` could not read the app's manifest.
    CargoMetadata {
        /// The app's `Cargo.toml`.
        manifest: PathBuf,
        /// What cargo printed.
        stderr: String,
    },
    /// The manifest is a virtual workspace manifest (no `[package]`), or its package was not
    /// among the ones cargo reported.
    NotAPackage {
        /// The `Cargo.toml` in question.
        manifest: PathBuf,
        /// The workspace's member packages, to suggest one.
        members: Vec<String>,
    },
    /// A key of `[package.metadata.leptos]` has a value of the wrong type or form.
    BadMetadata {
        /// The key, e.g. `site-addr`.
        key: String,
        /// What the value must be, e.g. `a string such as "127.0.0.1:3000"`.
        expected: &'static str,
        /// The value that was found, as TOML-ish text.
        found: String,
    },
    /// The app has no library target, which the browser bundle is built from.
    NoLib {
        /// The app's package name.
        package: String,
    },
    /// The app's library is not built as a `cdylib`, so no `.wasm` file comes out of it.
    MissingCdylib {
        /// The app's package name.
        package: String,
        /// The crate types the library has now.
        crate_types: Vec<String>,
    },
    /// The server binary to build could not be determined or does not exist.
    NoBin {
        /// The app's package name.
        package: String,
        /// The binary that `bin-target` asked for, if any.
        wanted: Option<String>,
        /// The package's binary targets.
        available: Vec<String>,
    },
    /// Neither wasm32 toolchain route is available.
    MissingToolchain {
        /// The pieces of the Debian route that are missing.
        missing: Vec<&'static str>,
    },
    /// `wasm-bindgen` is not on `PATH`.
    WasmBindgenMissing {
        /// The version to install (the one in the app's `Cargo.lock`), if known.
        wanted: Option<String>,
    },
    /// `wasm-bindgen --version` differs from the `wasm-bindgen` crate in the app's `Cargo.lock`.
    WasmBindgenMismatch {
        /// What `wasm-bindgen --version` printed.
        found: String,
        /// The version(s) in `Cargo.lock`.
        wanted: Vec<String>,
        /// The lock file that was read.
        lock_file: PathBuf,
    },
    /// A program could not be started.
    Spawn {
        /// The program.
        program: String,
        /// Why.
        source: io::Error,
    },
    /// A build step ran and failed; its own output has already been shown.
    StepFailed {
        /// What was being done, e.g. `the wasm build (cargo build --target wasm32-unknown-unknown)`.
        what: String,
        /// How it ended.
        status: ExitStatus,
    },
    /// cargo finished but did not report the artifact it was asked for.
    NoArtifact {
        /// What was looked for.
        what: String,
    },
    /// `cargo app new` was given a name that cannot name a crate.
    InvalidName {
        /// The name (the last component of the path given).
        name: String,
        /// What is wrong with it.
        problem: NameProblem,
    },
    /// `cargo app new` was asked to create a directory (or file) that already exists.
    DestinationExists {
        /// The path that exists.
        path: PathBuf,
    },
    /// `--path-deps` names a directory that is not a checkout of the framework's repository.
    NotFrameworkRepo {
        /// The directory given.
        path: PathBuf,
    },
    /// A template of `cargo app new` has a placeholder it was given no value for: a bug.
    Template {
        /// The file of the app.
        file: &'static str,
        /// The placeholder.
        placeholder: String,
    },
    /// A file operation failed.
    Io {
        /// What was being done, with the path.
        context: String,
        /// Why.
        source: io::Error,
    },
}

/// What is wrong with the name given to `cargo app new`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum NameProblem {
    /// No name at all.
    Empty,
    /// It starts with something other than a letter or `_` (a digit, `-`).
    InvalidFirstChar(char),
    /// It has a character other than ASCII letters, digits, `_` and `-`.
    InvalidChar(char),
    /// It is a Rust keyword (`self`, `fn`, ...), with `-` read as `_`.
    Keyword,
    /// Cargo reserves it, or the app depends on a crate of that name; says which.
    Reserved(&'static str),
}

impl fmt::Display for NameProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NameProblem::Empty => write!(f, "the name is empty"),
            NameProblem::InvalidFirstChar(c) => {
                write!(
                    f,
                    "it starts with `{c}`, and a crate name starts with a letter or `_`"
                )
            }
            NameProblem::InvalidChar(c) => write!(
                f,
                "it contains `{c}`, and a crate name has only ASCII letters, digits, `_` and `-`"
            ),
            NameProblem::Keyword => write!(f, "it is a Rust keyword"),
            NameProblem::Reserved(why) => write!(f, "{why}"),
        }
    }
}

impl Error {
    /// Wraps an I/O error with what was being done.
    pub(crate) fn io(context: impl Into<String>, source: io::Error) -> Self {
        Error::Io {
            context: context.into(),
            source,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NoManifest { path, explicit } => {
                if *explicit {
                    write!(f, "no Cargo.toml at {}: check --manifest-path", path.display())
                } else {
                    write!(
                        f,
                        "no Cargo.toml in {} or any parent directory: run `cargo app` in the \
                         app's directory, or pass --manifest-path path/to/app/Cargo.toml",
                        path.display()
                    )
                }
            }
            Error::CargoMetadata { manifest, stderr } => write!(
                f,
                "`cargo metadata` could not read {}:\n{}\nfix the manifest and try again",
                manifest.display(),
                stderr.trim_end()
            ),
            Error::NotAPackage { manifest, members } => {
                write!(
                    f,
                    "{} has no [package]: it is a workspace manifest, and `cargo app` builds one \
                     app crate; pass --manifest-path path/to/app/Cargo.toml",
                    manifest.display()
                )?;
                if !members.is_empty() {
                    write!(f, " (workspace members: {})", members.join(", "))?;
                }
                Ok(())
            }
            Error::BadMetadata {
                key,
                expected,
                found,
            } => write!(
                f,
                "bad value in [package.metadata.leptos]: `{key}` must be {expected}, found {found}"
            ),
            Error::NoLib { package } => write!(
                f,
                "package `{package}` has no library target: the browser bundle is built from the \
                 app's lib (src/lib.rs) with crate-type = [\"cdylib\", \"rlib\"]"
            ),
            Error::MissingCdylib {
                package,
                crate_types,
            } => write!(
                f,
                "the library of `{package}` has crate-type = {crate_types:?}, which makes no .wasm \
                 file: add `cdylib` in its Cargo.toml:\n\n    [lib]\n    crate-type = [\"cdylib\", \"rlib\"]\n"
            ),
            Error::NoBin {
                package,
                wanted,
                available,
            } => match wanted {
                Some(wanted) => write!(
                    f,
                    "package `{package}` has no binary target `{wanted}` (bin-target in \
                     [package.metadata.leptos]); its binaries: {}",
                    list_or_none(available)
                ),
                None => write!(
                    f,
                    "package `{package}` has several binaries ({}) and none is named after the \
                     package: set `bin-target = \"NAME\"` in [package.metadata.leptos]",
                    list_or_none(available)
                ),
            },
            Error::MissingToolchain { missing } => write!(
                f,
                "no wasm32 toolchain: rustup's `wasm32-unknown-unknown` target is not installed, \
                 and the Debian route lacks {}.\nInstall it with `scripts/setup.sh` (Debian: \
                 apt-get install rustc-web cargo-web rust-web-src lld-22), or, on a machine where \
                 rustup can download targets, `rustup target add wasm32-unknown-unknown`",
                missing.join(", ")
            ),
            Error::WasmBindgenMissing { wanted } => match wanted {
                Some(v) => write!(
                    f,
                    "`wasm-bindgen` is not on PATH: install it with \
                     `cargo install wasm-bindgen-cli --version {v}` (the version of the \
                     wasm-bindgen crate in Cargo.lock), or run scripts/setup.sh"
                ),
                None => write!(
                    f,
                    "`wasm-bindgen` is not on PATH: install it with `cargo install \
                     wasm-bindgen-cli --version X`, X being the version of the wasm-bindgen crate \
                     in the app's Cargo.lock"
                ),
            },
            Error::WasmBindgenMismatch {
                found,
                wanted,
                lock_file,
            } => write!(
                f,
                "`wasm-bindgen --version` is {found}, but {} locks the wasm-bindgen crate at {}; \
                 the two must match exactly. Install the matching CLI with \
                 `cargo install wasm-bindgen-cli --version {} --force` (or pin the crate with \
                 `wasm-bindgen = \"={found}\"` and run `cargo update -p wasm-bindgen`)",
                lock_file.display(),
                wanted.join(" and "),
                wanted.last().map(String::as_str).unwrap_or("X"),
            ),
            Error::Spawn { program, source } => {
                write!(f, "could not run `{program}`: {source}")?;
                if source.kind() == io::ErrorKind::NotFound {
                    write!(f, " (is it installed and on PATH?)")?;
                }
                Ok(())
            }
            Error::StepFailed { what, status } => {
                write!(f, "{what} failed ({status}); its output is above")
            }
            Error::NoArtifact { what } => write!(
                f,
                "cargo finished without reporting {what}; this is a bug in cargo-app, please \
                 report it with the output above"
            ),
            Error::InvalidName { name, problem } => write!(
                f,
                "`{name}` cannot be the app's crate name: {problem}. Pick a name such as \
                 `my_app` (ASCII letters, digits, `_` and `-`, starting with a letter): \
                 `cargo app new my_app`; nothing was written"
            ),
            Error::DestinationExists { path } => write!(
                f,
                "{} already exists: `cargo app new` creates a new directory and never writes \
                 into an existing one. Pick another name, or move the existing one away; nothing \
                 was written",
                path.display()
            ),
            Error::NotFrameworkRepo { path } => write!(
                f,
                "{} is not a checkout of the framework's repository (it needs leptos/, router/, \
                 integrations/axum/ and integrations/actix/): pass the repository's root \
                 directory to --path-deps, or leave --path-deps out to depend on the crates by \
                 version; nothing was written",
                path.display()
            ),
            Error::Template { file, placeholder } => write!(
                f,
                "the template of {file} has a placeholder `{{{{{placeholder}}}}}` that cargo-app \
                 has no value for; this is a bug in cargo-app, please report it (nothing was \
                 written)"
            ),
            Error::Io { context, source } => write!(f, "{context}: {source}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Spawn { source, .. } | Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

fn list_or_none(items: &[String]) -> String {
    if items.is_empty() {
        "none".to_owned()
    } else {
        items.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_say_what_to_do() {
        let e = Error::MissingCdylib {
            package: "app".into(),
            crate_types: vec!["lib".into()],
        };
        assert!(e
            .to_string()
            .contains("crate-type = [\"cdylib\", \"rlib\"]"));

        let e = Error::WasmBindgenMismatch {
            found: "0.2.100".into(),
            wanted: vec!["0.2.130".into()],
            lock_file: "Cargo.lock".into(),
        };
        assert!(e
            .to_string()
            .contains("cargo install wasm-bindgen-cli --version 0.2.130"));

        let e = Error::MissingToolchain {
            missing: vec!["wasm-ld-22 (lld-22)"],
        };
        let msg = e.to_string();
        assert!(msg.contains("scripts/setup.sh"), "{msg}");
        assert!(
            msg.contains("rustup target add wasm32-unknown-unknown"),
            "{msg}"
        );
        assert!(msg.contains("wasm-ld-22"), "{msg}");
    }
}
