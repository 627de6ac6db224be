//! Running `cargo build` and learning what it built: the build runs with
//! `--message-format=json-render-diagnostics`, so cargo's own progress and the compiler's
//! diagnostics still reach the terminal (stderr) while its stdout reports each artifact's
//! files, whichever target directory or profile was used.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde::Deserialize;

use crate::error::Error;

/// One `compiler-artifact` message of cargo.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct Artifact {
    /// The `Cargo.toml` of the package the artifact belongs to.
    pub(crate) manifest_path: PathBuf,
    /// The target that was built.
    pub(crate) target: ArtifactTarget,
    /// The files produced, e.g. the `.wasm` and `.rlib` of a `cdylib` + `rlib` library.
    pub(crate) filenames: Vec<PathBuf>,
    /// The executable, for binaries.
    pub(crate) executable: Option<PathBuf>,
}

/// The target an [`Artifact`] was built from.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct ArtifactTarget {
    /// The target's name.
    pub(crate) name: String,
    /// Its kinds, e.g. `["cdylib", "rlib"]` or `["bin"]`.
    pub(crate) kind: Vec<String>,
}

impl Artifact {
    /// Whether this artifact is `target` (of any of `kinds`) of the package at `manifest`.
    pub(crate) fn is(&self, manifest: &Path, target: &str, kinds: &[&str]) -> bool {
        same_file(&self.manifest_path, manifest)
            && self.target.name == target
            && self.target.kind.iter().any(|k| kinds.contains(&k.as_str()))
    }
}

/// Runs `cmd` (a `cargo build ...` without `--message-format`), letting its stderr through,
/// and returns the artifacts cargo reported. `what` names the step in the error if it fails.
pub(crate) fn build(mut cmd: Command, what: &str) -> Result<Vec<Artifact>, Error> {
    cmd.arg("--message-format=json-render-diagnostics")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    let program = cmd.get_program().to_string_lossy().into_owned();
    let mut child = cmd.spawn().map_err(|source| Error::Spawn {
        program: program.clone(),
        source,
    })?;
    let stdout = child.stdout.take().expect("stdout is piped");
    let mut artifacts = Vec::new();
    for line in BufReader::new(stdout).lines() {
        let line = line.map_err(|e| Error::io(format!("reading the output of {program}"), e))?;
        artifacts.extend(parse_artifact(&line));
    }
    let status = child
        .wait()
        .map_err(|e| Error::io(format!("waiting for {program}"), e))?;
    if status.success() {
        Ok(artifacts)
    } else {
        Err(Error::StepFailed {
            what: what.to_owned(),
            status,
        })
    }
}

/// The artifact in one line of cargo's JSON output, if it is a `compiler-artifact` message.
fn parse_artifact(line: &str) -> Option<Artifact> {
    #[derive(Deserialize)]
    struct Message {
        reason: String,
    }
    let message: Message = serde_json::from_str(line).ok()?;
    if message.reason != "compiler-artifact" {
        return None;
    }
    serde_json::from_str(line).ok()
}

fn same_file(a: &Path, b: &Path) -> bool {
    a == b || matches!((a.canonicalize(), b.canonicalize()), (Ok(a), Ok(b)) if a == b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_artifact_messages() {
        let line = r#"{"reason":"compiler-artifact","package_id":"path+file:///a/app#0.1.0","manifest_path":"/a/app/Cargo.toml","target":{"kind":["cdylib","rlib"],"crate_types":["cdylib","rlib"],"name":"my_app","src_path":"/a/app/src/lib.rs","edition":"2021","doc":true,"doctest":false,"test":true},"profile":{},"features":["csr"],"filenames":["/t/wasm32-unknown-unknown/debug/my_app.wasm","/t/wasm32-unknown-unknown/debug/libmy_app.rlib"],"executable":null,"fresh":false}"#;
        let a = parse_artifact(line).unwrap();
        assert!(a.is(Path::new("/a/app/Cargo.toml"), "my_app", &["cdylib"]));
        assert!(!a.is(Path::new("/a/app/Cargo.toml"), "my_app", &["bin"]));
        assert!(!a.is(Path::new("/b/Cargo.toml"), "my_app", &["cdylib"]));
        assert_eq!(a.filenames.len(), 2);
        assert_eq!(a.executable, None);

        assert!(parse_artifact(r#"{"reason":"build-finished","success":true}"#).is_none());
        assert!(parse_artifact("not json").is_none());
    }
}
