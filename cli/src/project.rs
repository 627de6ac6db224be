//! The app crate as cargo sees it: its package, targets, features, workspace root, target
//! directory and raw `[package.metadata.leptos]` table, from `cargo metadata --no-deps`; and the
//! versions its workspace's `Cargo.lock` pins.

use std::collections::BTreeSet;
use std::env;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde::Deserialize;

use crate::error::Error;

/// The app crate that `cargo app` builds.
#[derive(Debug, Clone)]
pub(crate) struct Project {
    /// The package name, e.g. `counter`.
    pub(crate) name: String,
    /// The app's `Cargo.toml`.
    pub(crate) manifest_path: PathBuf,
    /// The directory of the app's `Cargo.toml`.
    pub(crate) package_dir: PathBuf,
    /// The root of the app's workspace (the package's directory when it is its own workspace).
    pub(crate) workspace_root: PathBuf,
    /// The workspace's target directory (honours `CARGO_TARGET_DIR` and cargo's config).
    pub(crate) target_dir: PathBuf,
    /// The library target, if any.
    pub(crate) lib: Option<LibTarget>,
    /// The names of the binary targets.
    pub(crate) bins: Vec<String>,
    /// The features the package declares.
    pub(crate) features: BTreeSet<String>,
    /// `[package.metadata.leptos]`, or `Null` when absent.
    pub(crate) leptos_metadata: serde_json::Value,
}

/// The app's library target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LibTarget {
    /// The library's crate name (the `.wasm` file is named after it).
    pub(crate) name: String,
    /// Its crate types, e.g. `["cdylib", "rlib"]`.
    pub(crate) crate_types: Vec<String>,
}

impl LibTarget {
    /// Whether the library builds a `cdylib`, the crate type that makes a `.wasm` file.
    pub(crate) fn is_cdylib(&self) -> bool {
        self.crate_types.iter().any(|t| t == "cdylib")
    }
}

/// The cargo that runs native builds and `cargo metadata`: the one that invoked us (`CARGO`,
/// set by cargo for subcommands and `cargo run`) or `cargo` on `PATH`.
pub(crate) fn host_cargo() -> OsString {
    env::var_os("CARGO").unwrap_or_else(|| "cargo".into())
}

/// Finds the app's `Cargo.toml`: `explicit` (from `--manifest-path`) if given, otherwise the
/// first `Cargo.toml` in the current directory or one of its parents (as cargo does).
pub(crate) fn find_manifest(explicit: Option<&Path>) -> Result<PathBuf, Error> {
    let cwd = env::current_dir().map_err(|e| Error::io("reading the current directory", e))?;
    find_manifest_from(&cwd, explicit)
}

fn find_manifest_from(cwd: &Path, explicit: Option<&Path>) -> Result<PathBuf, Error> {
    if let Some(path) = explicit {
        let path = cwd.join(path);
        return if path.is_file() {
            Ok(path)
        } else {
            Err(Error::NoManifest {
                path,
                explicit: true,
            })
        };
    }
    cwd.ancestors()
        .map(|dir| dir.join("Cargo.toml"))
        .find(|p| p.is_file())
        .ok_or_else(|| Error::NoManifest {
            path: cwd.to_owned(),
            explicit: false,
        })
}

impl Project {
    /// Reads the app at `manifest` with `cargo metadata --no-deps` (fast: nothing is resolved
    /// or downloaded).
    pub(crate) fn load(manifest: &Path) -> Result<Self, Error> {
        let cargo = host_cargo();
        let output = Command::new(&cargo)
            .args([
                "metadata",
                "--no-deps",
                "--format-version",
                "1",
                "--manifest-path",
            ])
            .arg(manifest)
            .output()
            .map_err(|source| Error::Spawn {
                program: cargo.to_string_lossy().into_owned(),
                source,
            })?;
        if !output.status.success() {
            return Err(Error::CargoMetadata {
                manifest: manifest.to_owned(),
                stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            });
        }
        Self::from_metadata_json(manifest, &output.stdout)
    }

    /// Picks the package whose manifest is `manifest` out of `cargo metadata`'s output.
    fn from_metadata_json(manifest: &Path, json: &[u8]) -> Result<Self, Error> {
        let meta: CargoMetadata =
            serde_json::from_slice(json).map_err(|e| Error::CargoMetadata {
                manifest: manifest.to_owned(),
                stderr: format!("unexpected `cargo metadata` output: {e}"),
            })?;
        let wanted = canonical(manifest);
        let members: Vec<String> = meta.packages.iter().map(|p| p.name.clone()).collect();
        let Some(package) = meta
            .packages
            .into_iter()
            .find(|p| canonical(&p.manifest_path) == wanted)
        else {
            return Err(Error::NotAPackage {
                manifest: manifest.to_owned(),
                members,
            });
        };
        let lib = package
            .targets
            .iter()
            .find(|t| {
                t.kind.iter().any(|k| {
                    matches!(
                        k.as_str(),
                        "lib" | "cdylib" | "rlib" | "staticlib" | "dylib"
                    )
                })
            })
            .map(|t| LibTarget {
                name: t.name.replace('-', "_"),
                crate_types: t.crate_types.clone(),
            });
        let bins = package
            .targets
            .iter()
            .filter(|t| t.kind.iter().any(|k| k == "bin"))
            .map(|t| t.name.clone())
            .collect();
        let leptos_metadata = package
            .metadata
            .as_ref()
            .and_then(|m| m.get("leptos"))
            .cloned()
            .unwrap_or(serde_json::Value::Null);
        let package_dir = package
            .manifest_path
            .parent()
            .map(Path::to_owned)
            .unwrap_or_default();
        Ok(Project {
            name: package.name,
            manifest_path: package.manifest_path,
            package_dir,
            workspace_root: meta.workspace_root,
            target_dir: meta.target_directory,
            lib,
            bins,
            features: package.features.into_keys().collect(),
            leptos_metadata,
        })
    }

    /// The workspace's `Cargo.lock`.
    pub(crate) fn lock_file(&self) -> PathBuf {
        self.workspace_root.join("Cargo.lock")
    }

    /// The versions of the `wasm-bindgen` crate in the workspace's `Cargo.lock` (empty when there
    /// is no lock file yet or it has no `wasm-bindgen`).
    pub(crate) fn locked_wasm_bindgen(&self) -> Vec<String> {
        std::fs::read_to_string(self.lock_file())
            .map(|lock| locked_versions(&lock, "wasm-bindgen"))
            .unwrap_or_default()
    }
}

/// The versions of package `name` in the text of a `Cargo.lock`.
pub(crate) fn locked_versions(lock: &str, name: &str) -> Vec<String> {
    let wanted = format!("name = \"{name}\"");
    let mut versions = Vec::new();
    let mut in_package = false;
    for line in lock.lines().map(str::trim) {
        if line == "[[package]]" {
            in_package = false;
        } else if line == wanted {
            in_package = true;
        } else if in_package {
            if let Some(v) = line.strip_prefix("version = ") {
                versions.push(v.trim_matches('"').to_owned());
                in_package = false;
            }
        }
    }
    versions
}

fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_owned())
}

/// The part of `cargo metadata --format-version 1` that `cargo app` reads.
#[derive(Debug, Deserialize)]
struct CargoMetadata {
    packages: Vec<CargoPackage>,
    workspace_root: PathBuf,
    target_directory: PathBuf,
}

#[derive(Debug, Deserialize)]
struct CargoPackage {
    name: String,
    manifest_path: PathBuf,
    targets: Vec<CargoTarget>,
    #[serde(default)]
    features: std::collections::BTreeMap<String, Vec<String>>,
    metadata: Option<serde_json::Value>,
}

#[derive(Debug, Deserialize)]
struct CargoTarget {
    name: String,
    kind: Vec<String>,
    #[serde(default)]
    crate_types: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK: &str = r#"
version = 4

[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"
dependencies = [
 "wasm-bindgen-macro",
]

[[package]]
name = "wasm-bindgen-macro"
version = "0.2.131"
"#;

    #[test]
    fn reads_locked_versions() {
        assert_eq!(locked_versions(LOCK, "wasm-bindgen"), vec!["0.2.130"]);
        assert_eq!(locked_versions(LOCK, "wasm-bindgen-macro"), vec!["0.2.131"]);
        assert!(locked_versions(LOCK, "serde").is_empty());
    }

    fn metadata_json(dir: &Path) -> String {
        let manifest = dir.join("Cargo.toml");
        serde_json::json!({
            "packages": [
                {
                    "name": "other",
                    "manifest_path": dir.join("other/Cargo.toml"),
                    "targets": [],
                    "features": {},
                    "metadata": null
                },
                {
                    "name": "my-app",
                    "manifest_path": manifest,
                    "targets": [
                        {"name": "my-app", "kind": ["cdylib", "rlib"], "crate_types": ["cdylib", "rlib"]},
                        {"name": "my-app", "kind": ["bin"], "crate_types": ["bin"]},
                        {"name": "smoke", "kind": ["test"], "crate_types": ["bin"]}
                    ],
                    "features": {"ssr": [], "hydrate": []},
                    "metadata": {"leptos": {"site-addr": "127.0.0.1:8080"}}
                }
            ],
            "workspace_root": dir,
            "target_directory": dir.join("target")
        })
        .to_string()
    }

    #[test]
    fn picks_the_package_of_the_manifest() {
        let dir = Path::new("/nonexistent/ws");
        let json = metadata_json(dir);
        let p = Project::from_metadata_json(&dir.join("Cargo.toml"), json.as_bytes()).unwrap();
        assert_eq!(p.name, "my-app");
        assert_eq!(p.package_dir, dir);
        assert_eq!(p.target_dir, dir.join("target"));
        assert_eq!(
            p.lib,
            Some(LibTarget {
                name: "my_app".into(),
                crate_types: vec!["cdylib".into(), "rlib".into()],
            })
        );
        assert!(p.lib.as_ref().unwrap().is_cdylib());
        assert_eq!(p.bins, vec!["my-app"]);
        assert!(p.features.contains("ssr"));
        assert_eq!(p.leptos_metadata["site-addr"], "127.0.0.1:8080");
        assert_eq!(p.lock_file(), dir.join("Cargo.lock"));

        let err =
            Project::from_metadata_json(&dir.join("none/Cargo.toml"), json.as_bytes()).unwrap_err();
        assert!(matches!(err, Error::NotAPackage { .. }), "{err}");
        assert!(err.to_string().contains("my-app"));
    }

    #[test]
    fn finds_the_manifest_upwards() {
        let here = Path::new(env!("CARGO_MANIFEST_DIR"));
        let found = find_manifest_from(&here.join("src"), None).unwrap();
        assert_eq!(found, here.join("Cargo.toml"));
        let err = find_manifest_from(here, Some(Path::new("nope/Cargo.toml"))).unwrap_err();
        assert!(matches!(err, Error::NoManifest { explicit: true, .. }));
        assert!(err.to_string().contains("--manifest-path"));
    }
}
