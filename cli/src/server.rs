//! The server of an isomorphic app: built natively with `cargo build --bin`, then run with the
//! site's settings in cargo-leptos's environment variables.
//!
//! On Unix, `cargo app serve` replaces itself with the server (`exec`): Ctrl-C, `SIGTERM` and
//! `SIGKILL` reach the server directly, its output is the terminal's, and its exit code is the
//! command's; nothing is left running behind it. Elsewhere the server runs as a child that is
//! waited for, its exit code forwarded (Ctrl-C reaches both processes of the console).

use std::ffi::OsString;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::{Command, ExitCode};

use crate::cargo;
use crate::error::Error;
use crate::metadata::Settings;
use crate::project::{host_cargo, Project};
use crate::status;
use crate::wasm::{feature_args, feature_list, profile_args};

/// Builds the server binary and returns its path.
pub(crate) fn build(
    project: &Project,
    settings: &Settings,
    bin: &str,
    release: bool,
) -> Result<PathBuf, Error> {
    status(
        "Building",
        format!(
            "server `{bin}` ({}) ...",
            feature_list(&settings.bin_features)
        ),
    );
    let mut cmd = Command::new(host_cargo());
    cmd.current_dir(&project.package_dir)
        .args(["build", "--bin", bin, "--manifest-path"])
        .arg(&project.manifest_path);
    feature_args(
        &mut cmd,
        settings.bin_default_features,
        &settings.bin_features,
    );
    profile_args(&mut cmd, release, settings.bin_profile_release.as_deref());
    let artifacts = cargo::build(cmd, "the server build (cargo build --bin)")?;
    artifacts
        .into_iter()
        .rev()
        .filter(|a| a.is(&project.manifest_path, bin, &["bin"]))
        .find_map(|a| a.executable)
        .ok_or_else(|| Error::NoArtifact {
            what: format!("the executable of `{bin}`"),
        })
}

/// The environment the server reads its settings from (cargo-leptos's names).
pub(crate) fn env(
    settings: &Settings,
    addr: SocketAddr,
    release: bool,
) -> Vec<(&'static str, OsString)> {
    vec![
        ("LEPTOS_OUTPUT_NAME", settings.output_name.clone().into()),
        ("LEPTOS_SITE_ROOT", settings.site_root.clone().into()),
        ("LEPTOS_SITE_PKG_DIR", settings.site_pkg_dir.clone().into()),
        ("LEPTOS_SITE_ADDR", addr.to_string().into()),
        ("LEPTOS_ENV", if release { "PROD" } else { "DEV" }.into()),
    ]
}

/// Runs the server at `exe` in the workspace root with [`env`]; returns its exit code (on Unix,
/// only returns if it could not be started).
pub(crate) fn run(
    project: &Project,
    settings: &Settings,
    exe: &PathBuf,
    addr: SocketAddr,
    release: bool,
) -> Result<ExitCode, Error> {
    let mut cmd = Command::new(exe);
    cmd.current_dir(&project.workspace_root)
        .envs(env(settings, addr, release));
    status(
        "Running",
        format!("{} (site at http://{addr})", exe.display()),
    );
    exec(cmd)
}

#[cfg(unix)]
fn exec(mut cmd: Command) -> Result<ExitCode, Error> {
    use std::os::unix::process::CommandExt;
    let source = cmd.exec();
    Err(Error::Spawn {
        program: cmd.get_program().to_string_lossy().into_owned(),
        source,
    })
}

#[cfg(not(unix))]
fn exec(mut cmd: Command) -> Result<ExitCode, Error> {
    let status = cmd.status().map_err(|source| Error::Spawn {
        program: cmd.get_program().to_string_lossy().into_owned(),
        source,
    })?;
    Ok(match status.code() {
        Some(code) => ExitCode::from(code.clamp(0, 255) as u8),
        None => ExitCode::FAILURE,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metadata::Mode;

    #[test]
    fn environment_uses_cargo_leptos_names() {
        let settings = Settings {
            bin_target: Some("my-app".into()),
            ..Settings::for_tests(Mode::Isomorphic, std::path::Path::new("/ws/target/site"))
        };
        let env = env(&settings, "127.0.0.1:4000".parse().unwrap(), false);
        let get = |k: &str| env.iter().find(|(n, _)| *n == k).map(|(_, v)| v.clone());
        assert_eq!(get("LEPTOS_OUTPUT_NAME"), Some("my_app".into()));
        assert_eq!(get("LEPTOS_SITE_ROOT"), Some("/ws/target/site".into()));
        assert_eq!(get("LEPTOS_SITE_PKG_DIR"), Some("pkg".into()));
        assert_eq!(get("LEPTOS_SITE_ADDR"), Some("127.0.0.1:4000".into()));
        assert_eq!(get("LEPTOS_ENV"), Some("DEV".into()));
    }
}
