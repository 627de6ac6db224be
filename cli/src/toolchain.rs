//! Which toolchain builds for `wasm32-unknown-unknown` on this machine, and the wasm-bindgen
//! CLI check. The same route logic as `scripts/wasm-env.sh`:
//!
//! 1. rustup: `rustup target list --installed` lists `wasm32-unknown-unknown`: plain cargo.
//! 2. Debian: `/usr/bin/rustc` and `/usr/bin/cargo` (`rustc-web`, `cargo-web`), the standard
//!    library's source at `/usr/lib/rustlib/src/rust/library` (`rust-web-src`) and `wasm-ld-22`
//!    (`lld-22`): `/usr/bin/cargo` with `RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1
//!    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-22` and
//!    `-Z build-std=std,panic_abort` (std compiled from source, once per target directory).
//! 3. Otherwise [`Error::MissingToolchain`], naming what is missing.
//!
//! Detection is split into [`Probe::detect`] (looks at the machine) and [`choose`] (pure), so the
//! decision is tested with made-up probes.

use std::env;
use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::error::Error;

/// The wasm target triple.
pub(crate) const WASM_TARGET: &str = "wasm32-unknown-unknown";

const SYSTEM_RUSTC: &str = "/usr/bin/rustc";
const SYSTEM_CARGO: &str = "/usr/bin/cargo";
const SYSTEM_RUST_SRC: &str = "/usr/lib/rustlib/src/rust/library";
const WASM_LD: &str = "wasm-ld-22";

/// What this machine has, as far as the route decision goes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Probe {
    /// `rustup target list --installed` lists `wasm32-unknown-unknown`.
    pub(crate) rustup_wasm_target: bool,
    /// `/usr/bin/rustc` exists (Debian's `rustc-web`).
    pub(crate) system_rustc: bool,
    /// `/usr/bin/cargo` exists (Debian's `cargo-web`).
    pub(crate) system_cargo: bool,
    /// The standard library's source exists (Debian's `rust-web-src`).
    pub(crate) system_rust_src: bool,
    /// `wasm-ld-22` is on `PATH` (Debian's `lld-22`).
    pub(crate) wasm_ld: bool,
}

impl Probe {
    /// Looks at this machine. `dir` is where rustup is asked (a `rust-toolchain.toml` there
    /// selects the toolchain).
    pub(crate) fn detect(dir: &Path) -> Self {
        let rustup_wasm_target = Command::new("rustup")
            .args(["target", "list", "--installed"])
            .current_dir(dir)
            .stdin(Stdio::null())
            .stderr(Stdio::null())
            .output()
            .map(|out| {
                out.status.success()
                    && String::from_utf8_lossy(&out.stdout)
                        .lines()
                        .any(|l| l.trim() == WASM_TARGET)
            })
            .unwrap_or(false);
        Probe {
            rustup_wasm_target,
            system_rustc: Path::new(SYSTEM_RUSTC).is_file(),
            system_cargo: Path::new(SYSTEM_CARGO).is_file(),
            system_rust_src: Path::new(SYSTEM_RUST_SRC).is_dir(),
            wasm_ld: find_on_path(WASM_LD).is_some(),
        }
    }
}

/// How to run a wasm32 build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Route {
    /// rustup's `wasm32-unknown-unknown` target: this cargo, nothing special.
    Rustup {
        /// The cargo to run.
        cargo: OsString,
    },
    /// Debian's `rustc-web` with std rebuilt from source.
    Debian,
}

/// Picks the route for `probe`; `cargo` is the cargo to use on the rustup route.
pub(crate) fn choose(probe: &Probe, cargo: OsString) -> Result<Route, Error> {
    if probe.rustup_wasm_target {
        return Ok(Route::Rustup { cargo });
    }
    let missing: Vec<&'static str> = [
        (probe.system_rustc, "/usr/bin/rustc (rustc-web)"),
        (probe.system_cargo, "/usr/bin/cargo (cargo-web)"),
        (
            probe.system_rust_src,
            "/usr/lib/rustlib/src/rust/library (rust-web-src)",
        ),
        (probe.wasm_ld, "wasm-ld-22 (lld-22)"),
    ]
    .into_iter()
    .filter(|(present, _)| !present)
    .map(|(_, what)| what)
    .collect();
    if missing.is_empty() {
        Ok(Route::Debian)
    } else {
        Err(Error::MissingToolchain { missing })
    }
}

impl Route {
    /// A `cargo` command for this route, with its environment set; the caller adds `build ...`
    /// and then [`Route::build_std_args`].
    pub(crate) fn cargo(&self) -> Command {
        match self {
            Route::Rustup { cargo } => Command::new(cargo),
            Route::Debian => {
                let mut cmd = Command::new(SYSTEM_CARGO);
                cmd.env("RUSTC", SYSTEM_RUSTC)
                    .env("RUSTC_BOOTSTRAP", "1")
                    .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER", WASM_LD);
                cmd
            }
        }
    }

    /// The extra flags the build needs: none, or `-Z build-std=std,panic_abort`.
    pub(crate) fn build_std_args(&self) -> &'static [&'static str] {
        match self {
            Route::Rustup { .. } => &[],
            Route::Debian => &["-Z", "build-std=std,panic_abort"],
        }
    }

    /// A short description for progress lines.
    pub(crate) fn describe(&self) -> &'static str {
        match self {
            Route::Rustup { .. } => "rustup target",
            Route::Debian => "Debian rustc-web, std from source",
        }
    }
}

/// The first executable called `name` on `PATH`.
pub(crate) fn find_on_path(name: impl AsRef<OsStr>) -> Option<PathBuf> {
    let name = name.as_ref();
    env::split_paths(&env::var_os("PATH")?)
        .map(|dir| dir.join(name))
        .find(|p| is_executable(p))
}

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata()
        .map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        .unwrap_or(false)
}

#[cfg(not(unix))]
fn is_executable(path: &Path) -> bool {
    path.is_file() || path.with_extension("exe").is_file()
}

/// The version `wasm-bindgen --version` prints (`wasm-bindgen 0.2.130` gives `0.2.130`), or
/// `None` when it is not installed.
pub(crate) fn wasm_bindgen_version() -> Option<String> {
    let out = Command::new("wasm-bindgen")
        .arg("--version")
        .stdin(Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    parse_wasm_bindgen_version(&String::from_utf8_lossy(&out.stdout))
}

fn parse_wasm_bindgen_version(output: &str) -> Option<String> {
    output.split_whitespace().nth(1).map(str::to_owned)
}

/// Checks the installed wasm-bindgen CLI (`found`) against the versions of the `wasm-bindgen`
/// crate in the lock file (`locked`; empty when unknown, which skips the comparison).
pub(crate) fn check_wasm_bindgen(
    found: Option<&str>,
    locked: &[String],
    lock_file: &Path,
) -> Result<(), Error> {
    let Some(found) = found else {
        return Err(Error::WasmBindgenMissing {
            wanted: locked.last().cloned(),
        });
    };
    if locked.is_empty() || locked.iter().any(|v| v == found) {
        Ok(())
    } else {
        Err(Error::WasmBindgenMismatch {
            found: found.to_owned(),
            wanted: locked.to_vec(),
            lock_file: lock_file.to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEBIAN: Probe = Probe {
        rustup_wasm_target: false,
        system_rustc: true,
        system_cargo: true,
        system_rust_src: true,
        wasm_ld: true,
    };

    #[test]
    fn rustup_target_wins() {
        let probe = Probe {
            rustup_wasm_target: true,
            ..Probe::default()
        };
        let route = choose(&probe, "cargo".into()).unwrap();
        assert_eq!(
            route,
            Route::Rustup {
                cargo: "cargo".into()
            }
        );
        assert!(route.build_std_args().is_empty());
        let with_debian_too = Probe {
            rustup_wasm_target: true,
            ..DEBIAN
        };
        assert!(matches!(
            choose(&with_debian_too, "cargo".into()),
            Ok(Route::Rustup { .. })
        ));
    }

    #[test]
    fn debian_route_when_complete() {
        let route = choose(&DEBIAN, "cargo".into()).unwrap();
        assert_eq!(route, Route::Debian);
        assert_eq!(route.build_std_args(), ["-Z", "build-std=std,panic_abort"]);
        let cmd = route.cargo();
        assert_eq!(cmd.get_program(), "/usr/bin/cargo");
        let envs: Vec<_> = cmd.get_envs().collect();
        assert!(envs.contains(&(OsStr::new("RUSTC"), Some(OsStr::new("/usr/bin/rustc")))));
        assert!(envs.contains(&(OsStr::new("RUSTC_BOOTSTRAP"), Some(OsStr::new("1")))));
        assert!(envs.contains(&(
            OsStr::new("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER"),
            Some(OsStr::new("wasm-ld-22"))
        )));
    }

    #[test]
    fn names_what_is_missing() {
        let probe = Probe {
            wasm_ld: false,
            system_rust_src: false,
            ..DEBIAN
        };
        match choose(&probe, "cargo".into()) {
            Err(Error::MissingToolchain { missing }) => assert_eq!(
                missing,
                [
                    "/usr/lib/rustlib/src/rust/library (rust-web-src)",
                    "wasm-ld-22 (lld-22)"
                ]
            ),
            other => panic!("{other:?}"),
        }
        match choose(&Probe::default(), "cargo".into()) {
            Err(Error::MissingToolchain { missing }) => assert_eq!(missing.len(), 4),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn wasm_bindgen_versions() {
        assert_eq!(
            parse_wasm_bindgen_version("wasm-bindgen 0.2.130\n").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(parse_wasm_bindgen_version(""), None);

        let lock = Path::new("Cargo.lock");
        let locked = ["0.2.130".to_owned()];
        assert!(check_wasm_bindgen(Some("0.2.130"), &locked, lock).is_ok());
        assert!(check_wasm_bindgen(Some("0.2.100"), &[], lock).is_ok());
        let err = check_wasm_bindgen(Some("0.2.100"), &locked, lock).unwrap_err();
        assert!(
            err.to_string()
                .contains("cargo install wasm-bindgen-cli --version 0.2.130"),
            "{err}"
        );
        let err = check_wasm_bindgen(None, &locked, lock).unwrap_err();
        assert!(matches!(err, Error::WasmBindgenMissing { .. }));
        assert!(err.to_string().contains("--version 0.2.130"), "{err}");
    }

    #[test]
    fn finds_programs_on_path() {
        assert!(find_on_path("sh").is_some());
        assert!(find_on_path("surely-not-a-program-cargo-app").is_none());
    }
}
