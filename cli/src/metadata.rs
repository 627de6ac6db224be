//! The app's settings from `[package.metadata.leptos]` in its `Cargo.toml`, with cargo-leptos's
//! key names and defaults, so that a Leptos 0.8 app's metadata works as is.
//!
//! | key | default |
//! | --- | --- |
//! | `output-name` | the package name with `-` replaced by `_` |
//! | `site-root` | `target/site`, relative to the workspace root |
//! | `site-pkg-dir` | `pkg`, relative to `site-root` |
//! | `site-addr` | `127.0.0.1:3000` |
//! | `assets-dir` | none; relative to the package's directory; copied into `site-root` |
//! | `bin-target` | the package's only binary, or the one named after the package |
//! | `bin-features` | `["ssr"]` |
//! | `lib-features` | `["hydrate"]` (isomorphic) or `["csr"]` (client-only) |
//! | `bin-default-features`, `lib-default-features` | `false` |
//! | `bin-profile-release`, `lib-profile-release` | none: `--release` builds use cargo's `release` profile |
//! | `csr` | decided from the targets; see [`Mode`] |
//!
//! A default feature list only passes the features the package declares (an app without a
//! `csr` feature still builds); a list set in the metadata is passed as is. Keys may also be
//! spelled with `_`. Unknown keys (cargo-leptos has many more) are ignored.

use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;

use serde_json::Value;

use crate::error::Error;
use crate::project::Project;

/// Whether an app renders in the browser only or on the server too.
///
/// The rule: `csr = true` or `csr = false` in `[package.metadata.leptos]` decides if present;
/// otherwise an app with a binary target (`src/main.rs` or a `[[bin]]`) is [`Mode::Isomorphic`]
/// and one without is [`Mode::ClientOnly`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Client-side rendering only: the browser bundle plus a generated `index.html`, served
    /// statically.
    ClientOnly,
    /// Server rendering with hydration: the browser bundle plus a server binary.
    Isomorphic,
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Mode::ClientOnly => "client-only",
            Mode::Isomorphic => "isomorphic",
        })
    }
}

/// The settings of one app, every default applied and every path absolute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Settings {
    /// Client-only or isomorphic.
    pub(crate) mode: Mode,
    /// The name of the generated `.js` and `_bg.wasm` files.
    pub(crate) output_name: String,
    /// Where the site is written (absolute).
    pub(crate) site_root: PathBuf,
    /// The bundle's directory inside `site_root`, e.g. `pkg`.
    pub(crate) site_pkg_dir: String,
    /// The address the app is served on.
    pub(crate) site_addr: SocketAddr,
    /// A directory whose contents are copied into `site_root` (absolute), if any.
    pub(crate) assets_dir: Option<PathBuf>,
    /// The server binary (isomorphic apps); `None` for client-only apps.
    pub(crate) bin_target: Option<String>,
    /// Features for the server build.
    pub(crate) bin_features: Vec<String>,
    /// Whether the server build keeps the package's default features.
    pub(crate) bin_default_features: bool,
    /// Features for the browser build.
    pub(crate) lib_features: Vec<String>,
    /// Whether the browser build keeps the package's default features.
    pub(crate) lib_default_features: bool,
    /// The cargo profile of the server build with `--release`, if not `release`.
    pub(crate) bin_profile_release: Option<String>,
    /// The cargo profile of the browser build with `--release`, if not `release`.
    pub(crate) lib_profile_release: Option<String>,
}

impl Settings {
    /// Reads the settings of `project` from its `[package.metadata.leptos]`.
    pub(crate) fn from_project(project: &Project) -> Result<Self, Error> {
        let table = Table::new(&project.leptos_metadata)?;

        let mode = match table.bool("csr")? {
            Some(true) => Mode::ClientOnly,
            Some(false) => Mode::Isomorphic,
            None if project.bins.is_empty() => Mode::ClientOnly,
            None => Mode::Isomorphic,
        };

        let output_name = table
            .string("output-name")?
            .unwrap_or_else(|| project.name.replace('-', "_"));
        let site_root = project.workspace_root.join(
            table
                .string("site-root")?
                .unwrap_or_else(|| "target/site".into()),
        );
        let site_pkg_dir = table
            .string("site-pkg-dir")?
            .unwrap_or_else(|| "pkg".into());
        let site_addr = match table.string("site-addr")? {
            None => SocketAddr::from(([127, 0, 0, 1], 3000)),
            Some(s) => s.parse().map_err(|_| Error::BadMetadata {
                key: "site-addr".into(),
                expected: "an IP address and port such as \"127.0.0.1:3000\"",
                found: format!("{s:?}"),
            })?,
        };
        let assets_dir = table
            .string("assets-dir")?
            .map(|d| project.package_dir.join(d));

        let bin_target = match mode {
            Mode::ClientOnly => None,
            Mode::Isomorphic => Some(pick_bin(project, table.string("bin-target")?)?),
        };

        let default_lib = match mode {
            Mode::ClientOnly => "csr",
            Mode::Isomorphic => "hydrate",
        };
        let bin_features = features(&table, "bin-features", &["ssr"], project)?;
        let lib_features = features(&table, "lib-features", &[default_lib], project)?;

        Ok(Settings {
            mode,
            output_name,
            site_root,
            site_pkg_dir,
            site_addr,
            assets_dir,
            bin_target,
            bin_features,
            bin_default_features: table.bool("bin-default-features")?.unwrap_or(false),
            lib_features,
            lib_default_features: table.bool("lib-default-features")?.unwrap_or(false),
            bin_profile_release: table.string("bin-profile-release")?,
            lib_profile_release: table.string("lib-profile-release")?,
        })
    }

    /// The bundle's directory, `site_root/site_pkg_dir`.
    pub(crate) fn pkg_dir(&self) -> PathBuf {
        self.site_root.join(&self.site_pkg_dir)
    }
}

/// The server binary: `bin-target` if set (it must exist), else the only binary, else the one
/// named after the package.
fn pick_bin(project: &Project, wanted: Option<String>) -> Result<String, Error> {
    let no_bin = |wanted| Error::NoBin {
        package: project.name.clone(),
        wanted,
        available: project.bins.clone(),
    };
    match wanted {
        Some(w) if project.bins.contains(&w) => Ok(w),
        Some(w) => Err(no_bin(Some(w))),
        None if project.bins.len() == 1 => Ok(project.bins[0].clone()),
        None if project.bins.contains(&project.name) => Ok(project.name.clone()),
        // `csr = false` on a package without binaries, or several binaries.
        None if project.bins.is_empty() => Err(no_bin(Some(project.name.clone()))),
        None => Err(no_bin(None)),
    }
}

/// A feature list: as set in the metadata, or the defaults the package declares.
fn features(
    table: &Table<'_>,
    key: &str,
    defaults: &[&str],
    project: &Project,
) -> Result<Vec<String>, Error> {
    Ok(match table.strings(key)? {
        Some(list) => list,
        None => defaults
            .iter()
            .filter(|f| project.features.contains(**f))
            .map(|f| (*f).to_owned())
            .collect(),
    })
}

/// `[package.metadata.leptos]` with typed getters that report a wrong type as
/// [`Error::BadMetadata`].
#[derive(Debug)]
struct Table<'a> {
    map: Option<&'a serde_json::Map<String, Value>>,
}

impl<'a> Table<'a> {
    fn new(value: &'a Value) -> Result<Self, Error> {
        match value {
            Value::Null => Ok(Table { map: None }),
            Value::Object(map) => Ok(Table { map: Some(map) }),
            other => Err(Error::BadMetadata {
                key: "package.metadata.leptos".into(),
                expected: "a table",
                found: describe(other),
            }),
        }
    }

    /// The value of `key`, spelled with `-` or `_`.
    fn get(&self, key: &str) -> Option<&'a Value> {
        let map = self.map?;
        map.get(key).or_else(|| map.get(&key.replace('-', "_")))
    }

    fn bad(key: &str, expected: &'static str, found: &Value) -> Error {
        Error::BadMetadata {
            key: key.into(),
            expected,
            found: describe(found),
        }
    }

    fn string(&self, key: &str) -> Result<Option<String>, Error> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => Err(Self::bad(key, "a string", other)),
        }
    }

    fn bool(&self, key: &str) -> Result<Option<bool>, Error> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(other) => Err(Self::bad(key, "true or false", other)),
        }
    }

    fn strings(&self, key: &str) -> Result<Option<Vec<String>>, Error> {
        const EXPECTED: &str = "an array of strings, e.g. [\"ssr\"]";
        match self.get(key) {
            None => Ok(None),
            Some(Value::Array(items)) => items
                .iter()
                .map(|item| match item {
                    Value::String(s) => Ok(s.clone()),
                    _ => Err(Self::bad(key, EXPECTED, &Value::Array(items.clone()))),
                })
                .collect::<Result<_, _>>()
                .map(Some),
            Some(other) => Err(Self::bad(key, EXPECTED, other)),
        }
    }
}

/// A value as the user wrote it in TOML, roughly.
fn describe(value: &Value) -> String {
    match value {
        Value::Object(_) => "a table".into(),
        other => other.to_string(),
    }
}

/// Plain settings for tests elsewhere in the crate: defaults, no features, nothing set.
#[cfg(test)]
impl Settings {
    pub(crate) fn for_tests(mode: Mode, site_root: &std::path::Path) -> Settings {
        Settings {
            mode,
            output_name: "my_app".into(),
            site_root: site_root.into(),
            site_pkg_dir: "pkg".into(),
            site_addr: "127.0.0.1:3000".parse().unwrap(),
            assets_dir: None,
            bin_target: None,
            bin_features: vec![],
            bin_default_features: false,
            lib_features: vec![],
            lib_default_features: false,
            bin_profile_release: None,
            lib_profile_release: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use std::path::Path;

    fn project(bins: &[&str], features: &[&str], leptos: Value) -> Project {
        Project {
            name: "my-app".into(),
            manifest_path: "/ws/app/Cargo.toml".into(),
            package_dir: "/ws/app".into(),
            workspace_root: "/ws".into(),
            target_dir: "/ws/target".into(),
            lib: None,
            bins: bins.iter().map(|b| (*b).to_owned()).collect(),
            features: features.iter().map(|f| (*f).to_owned()).collect(),
            leptos_metadata: leptos,
        }
    }

    #[test]
    fn defaults_for_an_isomorphic_app() {
        let p = project(&["my-app"], &["ssr", "hydrate"], Value::Null);
        let s = Settings::from_project(&p).unwrap();
        assert_eq!(
            s,
            Settings {
                mode: Mode::Isomorphic,
                output_name: "my_app".into(),
                site_root: "/ws/target/site".into(),
                site_pkg_dir: "pkg".into(),
                site_addr: "127.0.0.1:3000".parse().unwrap(),
                assets_dir: None,
                bin_target: Some("my-app".into()),
                bin_features: vec!["ssr".into()],
                bin_default_features: false,
                lib_features: vec!["hydrate".into()],
                lib_default_features: false,
                bin_profile_release: None,
                lib_profile_release: None,
            }
        );
        assert_eq!(s.pkg_dir(), Path::new("/ws/target/site/pkg"));
    }

    #[test]
    fn defaults_for_a_client_only_app() {
        let p = project(&[], &["csr"], Value::Null);
        let s = Settings::from_project(&p).unwrap();
        assert_eq!(s.mode, Mode::ClientOnly);
        assert_eq!(s.bin_target, None);
        assert_eq!(s.lib_features, vec!["csr"]);

        // Default features the package does not declare are left out.
        let p = project(&[], &[], Value::Null);
        let s = Settings::from_project(&p).unwrap();
        assert!(s.lib_features.is_empty());
        assert!(s.bin_features.is_empty());
    }

    #[test]
    fn overrides() {
        let p = project(
            &["server", "tool"],
            &[],
            json!({
                "output-name": "front",
                "site-root": "out/site",
                "site-pkg-dir": "assets/pkg",
                "site-addr": "0.0.0.0:8080",
                "assets-dir": "public",
                "bin-target": "server",
                "bin-features": ["ssr", "tracing"],
                "lib-features": [],
                "bin-default-features": true,
                "lib_default_features": true,
                "lib-profile-release": "wasm-release",
                "style-file": "style/main.scss",
                "reload-port": 3001
            }),
        );
        let s = Settings::from_project(&p).unwrap();
        assert_eq!(s.mode, Mode::Isomorphic);
        assert_eq!(s.output_name, "front");
        assert_eq!(s.site_root, Path::new("/ws/out/site"));
        assert_eq!(s.pkg_dir(), Path::new("/ws/out/site/assets/pkg"));
        assert_eq!(s.site_addr, "0.0.0.0:8080".parse().unwrap());
        assert_eq!(s.assets_dir.as_deref(), Some(Path::new("/ws/app/public")));
        assert_eq!(s.bin_target.as_deref(), Some("server"));
        assert_eq!(s.bin_features, vec!["ssr", "tracing"]);
        assert!(s.lib_features.is_empty());
        assert!(s.bin_default_features);
        assert!(s.lib_default_features);
        assert_eq!(s.lib_profile_release.as_deref(), Some("wasm-release"));
        assert_eq!(s.bin_profile_release, None);

        // An absolute site-root stays as it is.
        let p = project(&[], &[], json!({ "site-root": "/srv/site" }));
        assert_eq!(
            Settings::from_project(&p).unwrap().site_root,
            Path::new("/srv/site")
        );
    }

    #[test]
    fn csr_key_decides_the_mode() {
        let p = project(&["my-app"], &[], json!({ "csr": true }));
        let s = Settings::from_project(&p).unwrap();
        assert_eq!(s.mode, Mode::ClientOnly);
        assert_eq!(s.bin_target, None);

        let p = project(&[], &[], json!({ "csr": false }));
        let err = Settings::from_project(&p).unwrap_err();
        assert!(matches!(err, Error::NoBin { .. }), "{err}");
    }

    #[test]
    fn picks_the_server_binary() {
        let p = project(&["server"], &[], Value::Null);
        assert_eq!(
            Settings::from_project(&p).unwrap().bin_target.as_deref(),
            Some("server")
        );
        let p = project(&["tool", "my-app"], &[], Value::Null);
        assert_eq!(
            Settings::from_project(&p).unwrap().bin_target.as_deref(),
            Some("my-app")
        );
        let p = project(&["a", "b"], &[], Value::Null);
        let err = Settings::from_project(&p).unwrap_err();
        assert!(err.to_string().contains("bin-target"), "{err}");
        let p = project(&["a"], &[], json!({ "bin-target": "b" }));
        let err = Settings::from_project(&p).unwrap_err();
        assert!(err.to_string().contains("no binary target `b`"), "{err}");
    }

    #[test]
    fn bad_types_are_reported_with_the_key() {
        let cases = [
            (json!({ "site-addr": 3000 }), "site-addr", "a string"),
            (
                json!({ "site-addr": "localhost" }),
                "site-addr",
                "IP address",
            ),
            (
                json!({ "bin-features": "ssr" }),
                "bin-features",
                "array of strings",
            ),
            (
                json!({ "lib-features": [1] }),
                "lib-features",
                "array of strings",
            ),
            (json!({ "csr": "yes" }), "csr", "true or false"),
            (json!({ "output-name": {} }), "output-name", "a string"),
            (json!("nope"), "package.metadata.leptos", "a table"),
        ];
        for (meta, key, expected) in cases {
            let p = project(&[], &[], meta.clone());
            let err = Settings::from_project(&p).unwrap_err();
            let msg = err.to_string();
            assert!(matches!(err, Error::BadMetadata { .. }), "{meta}: {msg}");
            assert!(msg.contains(&format!("`{key}`")), "{meta}: {msg}");
            assert!(msg.contains(expected), "{meta}: {msg}");
        }
    }
}
