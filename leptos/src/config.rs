//! The app's settings: where the server listens and where the browser bundle is served
//! from. Read them with [`get_configuration`].
//!
//! The build tool (`cargo app`) reads `[package.metadata.leptos]` from the app's
//! `Cargo.toml` and hands the server its settings as `LEPTOS_*` environment variables, so a
//! server started by it needs `get_configuration(None)`; a server started another way can
//! read the metadata itself with `get_configuration(Some("Cargo.toml"))`. The environment
//! wins over the file, and the defaults fill what neither says.
//!
//! ```
//! use leptos::config::get_configuration;
//! let conf = get_configuration(None).unwrap();
//! let options = conf.leptos_options;
//! assert_eq!(&*options.site_pkg_dir, "pkg");
//! ```

use std::fmt;
use std::net::SocketAddr;
use std::sync::Arc;

/// The settings of an app, as in `[package.metadata.leptos]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeptosOptions {
    /// The base name of the browser bundle (`{output_name}.js`, `{output_name}_bg.wasm`);
    /// `LEPTOS_OUTPUT_NAME`, `output-name`. Defaults to the crate's name.
    pub output_name: Arc<str>,
    /// The directory static files are served from; `LEPTOS_SITE_ROOT`, `site-root`.
    /// Default `target/site`.
    pub site_root: Arc<str>,
    /// The bundle's directory under the site root, and its URL path; `LEPTOS_SITE_PKG_DIR`,
    /// `site-pkg-dir`. Default `pkg`.
    pub site_pkg_dir: Arc<str>,
    /// Development or production; `LEPTOS_ENV` (`DEV`/`PROD`), `env`. Default `DEV`.
    pub env: Env,
    /// Where the server listens; `LEPTOS_SITE_ADDR`, `site-addr`. Default `127.0.0.1:3000`.
    pub site_addr: SocketAddr,
    /// The port of the development reload socket; `LEPTOS_RELOAD_PORT`, `reload-port`.
    /// Default 3001.
    pub reload_port: u32,
}

impl Default for LeptosOptions {
    fn default() -> Self {
        LeptosOptions {
            output_name: Arc::from(""),
            site_root: Arc::from("target/site"),
            site_pkg_dir: Arc::from("pkg"),
            env: Env::DEV,
            site_addr: SocketAddr::from(([127, 0, 0, 1], 3000)),
            reload_port: 3001,
        }
    }
}

impl LeptosOptions {
    /// The URL path the bundle is served at (`/pkg`).
    pub fn pkg_path(&self) -> String {
        // Not `format!`: a page's shell asks for it on every request.
        let dir = self.site_pkg_dir.trim_matches('/');
        let mut path = String::with_capacity(dir.len() + 1);
        path.push('/');
        path.push_str(dir);
        path
    }
}

/// Development or production.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
#[allow(clippy::upper_case_acronyms)]
pub enum Env {
    /// `DEV`: a development build.
    #[default]
    DEV,
    /// `PROD`: a release build.
    PROD,
}

/// What [`get_configuration`] answers: the options under the name Leptos apps use.
#[derive(Clone, Debug)]
pub struct ConfFile {
    /// The app's settings.
    pub leptos_options: LeptosOptions,
}

/// Why the settings could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    /// The file named could not be read.
    Read {
        /// The file.
        path: String,
        /// What went wrong.
        message: String,
    },
    /// The file is not valid TOML.
    Parse {
        /// The file.
        path: String,
        /// What the TOML parser said.
        message: String,
    },
    /// A setting has a value of the wrong shape.
    Invalid {
        /// The setting (`site-addr`, `LEPTOS_SITE_ADDR`, ...).
        key: String,
        /// The value given.
        value: String,
        /// What a valid value looks like.
        expected: &'static str,
    },
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::Read { path, message } => write!(f, "cannot read {path}: {message}"),
            ConfigError::Parse { path, message } => {
                write!(f, "{path} is not valid TOML: {message}")
            }
            ConfigError::Invalid {
                key,
                value,
                expected,
            } => write!(f, "`{key}` is `{value}`, but it must be {expected}"),
        }
    }
}

impl std::error::Error for ConfigError {}

#[cfg(not(target_arch = "wasm32"))]
/// Reads the app's settings: `[package.metadata.leptos]` from `cargo_toml` if given (its
/// `[package] name` is the default output name), then the `LEPTOS_*` environment
/// variables over them.
///
/// ```
/// # let dir = std::env::temp_dir().join("leptos-config-doctest");
/// # std::fs::create_dir_all(&dir).unwrap();
/// # let path = dir.join("Cargo.toml");
/// std::fs::write(&path, r#"
/// [package]
/// name = "todo_app"
/// [package.metadata.leptos]
/// site-addr = "127.0.0.1:4000"
/// "#).unwrap();
/// let options = leptos::config::get_configuration(Some(path.to_str().unwrap()))
///     .unwrap()
///     .leptos_options;
/// assert_eq!(&*options.output_name, "todo_app");
/// ```
pub fn get_configuration(cargo_toml: Option<&str>) -> Result<ConfFile, ConfigError> {
    let mut options = LeptosOptions::default();
    if let Some(path) = cargo_toml {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError::Read {
            path: path.to_owned(),
            message: e.to_string(),
        })?;
        apply_cargo_toml(&mut options, path, &text)?;
    }
    apply_env(&mut options, |name| std::env::var(name).ok())?;
    Ok(ConfFile {
        leptos_options: options,
    })
}

#[cfg(not(target_arch = "wasm32"))]
/// Applies the `[package]` name and `[package.metadata.leptos]` keys of a `Cargo.toml`.
fn apply_cargo_toml(
    options: &mut LeptosOptions,
    path: &str,
    text: &str,
) -> Result<(), ConfigError> {
    let doc: toml::Table = text
        .parse()
        .map_err(|e: toml::de::Error| ConfigError::Parse {
            path: path.to_owned(),
            message: e.to_string(),
        })?;
    let package = doc.get("package").and_then(|p| p.as_table());
    if let Some(name) = package.and_then(|p| p.get("name")).and_then(|n| n.as_str()) {
        options.output_name = Arc::from(name.replace('-', "_"));
    }
    let metadata = package
        .and_then(|p| p.get("metadata"))
        .and_then(|m| m.get("leptos"))
        .and_then(|l| l.as_table());
    if let Some(metadata) = metadata {
        apply(
            options,
            |key| {
                let key = key.to_lowercase().replace('_', "-");
                metadata.get(&key).map(|value| match value {
                    toml::Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
            },
            |key| key.to_lowercase().replace('_', "-"),
        )?;
    }
    Ok(())
}

#[cfg(not(target_arch = "wasm32"))]
/// Applies the `LEPTOS_*` variables `var` answers.
fn apply_env(
    options: &mut LeptosOptions,
    var: impl Fn(&str) -> Option<String>,
) -> Result<(), ConfigError> {
    apply(
        options,
        |key| var(&format!("LEPTOS_{key}")),
        |key| format!("LEPTOS_{key}"),
    )
}

#[cfg(not(target_arch = "wasm32"))]
/// Sets each option `get` has a value for; `key` names the setting in errors.
fn apply(
    options: &mut LeptosOptions,
    get: impl Fn(&str) -> Option<String>,
    key: impl Fn(&str) -> String,
) -> Result<(), ConfigError> {
    if let Some(value) = get("OUTPUT_NAME") {
        options.output_name = Arc::from(value);
    }
    if let Some(value) = get("SITE_ROOT") {
        options.site_root = Arc::from(value);
    }
    if let Some(value) = get("SITE_PKG_DIR") {
        options.site_pkg_dir = Arc::from(value);
    }
    if let Some(value) = get("ENV") {
        options.env = match value.to_uppercase().as_str() {
            "DEV" | "DEVELOPMENT" => Env::DEV,
            "PROD" | "PRODUCTION" => Env::PROD,
            _ => {
                return Err(ConfigError::Invalid {
                    key: key("ENV"),
                    value,
                    expected: "`DEV` or `PROD`",
                })
            }
        };
    }
    if let Some(value) = get("SITE_ADDR") {
        options.site_addr = value.parse().map_err(|_| ConfigError::Invalid {
            key: key("SITE_ADDR"),
            value: value.clone(),
            expected: "an address and port such as `127.0.0.1:3000`",
        })?;
    }
    if let Some(value) = get("RELOAD_PORT") {
        options.reload_port = value.parse().map_err(|_| ConfigError::Invalid {
            key: key("RELOAD_PORT"),
            value: value.clone(),
            expected: "a port number",
        })?;
    }
    Ok(())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn metadata_then_environment() {
        let mut options = LeptosOptions::default();
        apply_cargo_toml(
            &mut options,
            "Cargo.toml",
            "[package]\nname = \"todo-app\"\n[package.metadata.leptos]\nsite-root = \"target/site/todo\"\nsite-addr = \"127.0.0.1:4000\"\nenv = \"PROD\"\n",
        )
        .unwrap();
        assert_eq!(&*options.output_name, "todo_app");
        assert_eq!(&*options.site_root, "target/site/todo");
        assert_eq!(options.env, Env::PROD);
        apply_env(&mut options, |name| {
            (name == "LEPTOS_SITE_ADDR").then(|| "0.0.0.0:8080".to_owned())
        })
        .unwrap();
        assert_eq!(options.site_addr, "0.0.0.0:8080".parse().unwrap());
        assert_eq!(&*options.site_root, "target/site/todo");
        assert_eq!(options.pkg_path(), "/pkg");
    }

    #[test]
    fn bad_values_name_the_setting() {
        let mut options = LeptosOptions::default();
        let error = apply_env(&mut options, |name| {
            (name == "LEPTOS_SITE_ADDR").then(|| "localhost".to_owned())
        })
        .unwrap_err();
        assert_eq!(
            error.to_string(),
            "`LEPTOS_SITE_ADDR` is `localhost`, but it must be an address and port such as `127.0.0.1:3000`"
        );
        let error = apply_cargo_toml(&mut options, "Cargo.toml", "[package\n").unwrap_err();
        assert!(matches!(error, ConfigError::Parse { .. }), "{error:?}");
    }
}
