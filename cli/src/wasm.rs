//! The browser bundle: the app's library built for `wasm32-unknown-unknown` into
//! `<target>/front` (so that native and wasm builds never invalidate each other and every wasm
//! crate of the workspace shares one std build), then `wasm-bindgen --target web` into
//! `<site-root>/<site-pkg-dir>` (with `--release`, without the function-name section), then,
//! with `--release`, `wasm-opt -Oz` if a recent enough one is installed.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::cargo;
use crate::error::Error;
use crate::metadata::Settings;
use crate::project::{host_cargo, Project};
use crate::site;
use crate::toolchain::{self, Probe, WASM_TARGET};
use crate::{status, warn};

/// The files of a built bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Bundle {
    /// `<pkg>/<output-name>.js`, the module the page imports.
    pub(crate) js: PathBuf,
    /// `<pkg>/<output-name>_bg.wasm`.
    pub(crate) wasm: PathBuf,
}

/// The directory of the wasm builds of `project`'s workspace.
pub(crate) fn front_target_dir(project: &Project) -> PathBuf {
    project.target_dir.join("front")
}

/// Builds the browser bundle of `project` and prints its sizes.
pub(crate) fn build(
    project: &Project,
    settings: &Settings,
    release: bool,
) -> Result<Bundle, Error> {
    // Everything that can be checked in a moment is checked before the long build.
    let lib = project.lib.as_ref().ok_or_else(|| Error::NoLib {
        package: project.name.clone(),
    })?;
    if !lib.is_cdylib() {
        return Err(Error::MissingCdylib {
            package: project.name.clone(),
            crate_types: lib.crate_types.clone(),
        });
    }
    let wasm_bindgen = toolchain::wasm_bindgen_version();
    let locked = project.locked_wasm_bindgen();
    toolchain::check_wasm_bindgen(wasm_bindgen.as_deref(), &locked, &project.lock_file())?;
    let route = toolchain::choose(&Probe::detect(&project.package_dir), host_cargo())?;

    status(
        "Building",
        format!(
            "wasm bundle ({}) with {} ...",
            feature_list(&settings.lib_features),
            route.describe()
        ),
    );
    let mut cmd = route.cargo();
    cmd.current_dir(&project.package_dir)
        .args(["build", "--lib", "--target", WASM_TARGET])
        .args(route.build_std_args())
        .arg("--manifest-path")
        .arg(&project.manifest_path)
        .arg("--target-dir")
        .arg(front_target_dir(project));
    feature_args(
        &mut cmd,
        settings.lib_default_features,
        &settings.lib_features,
    );
    profile_args(&mut cmd, release, settings.lib_profile_release.as_deref());
    let artifacts = cargo::build(
        cmd,
        "the wasm build (cargo build --target wasm32-unknown-unknown)",
    )?;
    let wasm = artifacts
        .iter()
        .rev()
        .filter(|a| a.is(&project.manifest_path, &lib.name, &["cdylib"]))
        .flat_map(|a| &a.filenames)
        .find(|f| f.extension().is_some_and(|e| e == "wasm"))
        .ok_or_else(|| Error::NoArtifact {
            what: format!("the .wasm file of `{}`", lib.name),
        })?;

    if locked.is_empty() {
        // The build has just written the lock file: check against it now.
        toolchain::check_wasm_bindgen(
            wasm_bindgen.as_deref(),
            &project.locked_wasm_bindgen(),
            &project.lock_file(),
        )?;
    }

    let pkg = settings.pkg_dir();
    status("Running", format!("wasm-bindgen ... -> {}", pkg.display()));
    fs::create_dir_all(&pkg).map_err(|e| Error::io(format!("creating {}", pkg.display()), e))?;
    let mut cmd = Command::new("wasm-bindgen");
    cmd.args(["--target", "web", "--no-typescript", "--out-dir"])
        .arg(&pkg)
        .arg("--out-name")
        .arg(&settings.output_name)
        .arg(wasm)
        .stdin(Stdio::null());
    if release {
        // Function names only serve debugging; a release bundle ships without them (as
        // `wasm-opt` would drop them, where a working one is installed).
        cmd.arg("--remove-name-section");
    }
    run(cmd, "wasm-bindgen")?;
    let bundle = Bundle {
        js: pkg.join(format!("{}.js", settings.output_name)),
        wasm: pkg.join(format!("{}_bg.wasm", settings.output_name)),
    };

    if release {
        optimize(&bundle.wasm);
    }

    for size in site::sizes(&[bundle.js.clone(), bundle.wasm.clone()])? {
        status(
            "Bundle",
            format!(
                "{} {} (gzip {})",
                shorten(&size.path, &project.workspace_root).display(),
                site::human(size.raw),
                site::human(size.gzip)
            ),
        );
    }
    Ok(bundle)
}

/// `--no-default-features` and `--features a,b` as asked.
pub(crate) fn feature_args(cmd: &mut Command, default_features: bool, features: &[String]) {
    if !default_features {
        cmd.arg("--no-default-features");
    }
    if !features.is_empty() {
        cmd.arg("--features").arg(features.join(","));
    }
}

/// `--release`, or `--profile NAME` when the metadata names a release profile.
pub(crate) fn profile_args(cmd: &mut Command, release: bool, release_profile: Option<&str>) {
    match (release, release_profile) {
        (false, _) => {}
        (true, None) => {
            cmd.arg("--release");
        }
        (true, Some(profile)) => {
            cmd.args(["--profile", profile]);
        }
    }
}

/// `hydrate` or `csr, extra`, or `no features`, for progress lines.
pub(crate) fn feature_list(features: &[String]) -> String {
    if features.is_empty() {
        "no features".to_owned()
    } else {
        features.join(", ")
    }
}

/// The oldest binaryen whose `wasm-opt -Oz` keeps wasm-bindgen's output working. Debian's 108
/// miscompiles it silently: the optimised module exports the function table as
/// `__wbindgen_externrefs`, and the page fails with `WebAssembly.Table.set(): Argument 1 is
/// invalid for table`. 116 (the version cargo-leptos bundles) and 132 were checked in Chromium.
const MIN_WASM_OPT: u32 = 116;

/// Runs `wasm-opt -Oz` on `wasm` in place if a recent enough `wasm-opt` is on `PATH`. Never fails
/// the build: without a usable wasm-opt, or if it fails, the un-optimised file stays.
fn optimize(wasm: &Path) {
    if toolchain::find_on_path("wasm-opt").is_none() {
        status(
            "Skipping",
            "wasm-opt (not installed; the bundle is not size-optimised)",
        );
        return;
    }
    if let Err(why) = usable_wasm_opt(wasm_opt_version()) {
        warn(format!("{why}; the bundle is not size-optimised"));
        return;
    }
    status("Optimizing", "wasm-opt -Oz ...");
    let optimized = wasm.with_extension("opt.wasm");
    let result = Command::new("wasm-opt")
        .args(WASM_OPT_ARGS)
        .arg(wasm)
        .arg("-o")
        .arg(&optimized)
        .stdin(Stdio::null())
        .output();
    let failure = match result {
        Ok(out) if out.status.success() => match fs::rename(&optimized, wasm) {
            Ok(()) => return,
            Err(e) => format!("could not replace {}: {e}", wasm.display()),
        },
        Ok(out) => {
            let stderr = String::from_utf8_lossy(&out.stderr);
            let first: Vec<&str> = stderr.lines().take(3).collect();
            format!("{} ({})", out.status, first.join(" / "))
        }
        Err(e) => e.to_string(),
    };
    let _ = fs::remove_file(&optimized);
    warn(format!(
        "wasm-opt failed, keeping the un-optimised bundle: {failure}"
    ));
}

/// The binaryen version of `wasm-opt` on `PATH` (`wasm-opt version 116 (version_116)` gives 116).
fn wasm_opt_version() -> Option<u32> {
    let out = Command::new("wasm-opt")
        .arg("--version")
        .stdin(Stdio::null())
        .output()
        .ok()?;
    parse_wasm_opt_version(&String::from_utf8_lossy(&out.stdout))
}

fn parse_wasm_opt_version(output: &str) -> Option<u32> {
    let rest = output.trim().strip_prefix("wasm-opt version ")?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Whether a `wasm-opt` of binaryen `version` may be used, or why not.
fn usable_wasm_opt(version: Option<u32>) -> Result<(), String> {
    match version {
        Some(v) if v >= MIN_WASM_OPT => Ok(()),
        Some(v) => Err(format!(
            "not running wasm-opt: binaryen {v} is older than {MIN_WASM_OPT} and breaks \
             wasm-bindgen's output (its externref table); install binaryen {MIN_WASM_OPT} or newer \
             (e.g. the npm package `binaryen`) to optimise release bundles"
        )),
        None => Err("not running wasm-opt: `wasm-opt --version` gave no version".to_owned()),
    }
}

/// `-Oz` plus the wasm features rustc enables by default for `wasm32-unknown-unknown`.
const WASM_OPT_ARGS: &[&str] = &[
    "-Oz",
    "--enable-mutable-globals",
    "--enable-sign-ext",
    "--enable-nontrapping-float-to-int",
    "--enable-bulk-memory",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// Runs a tool whose output goes straight to the terminal.
fn run(mut cmd: Command, what: &str) -> Result<(), Error> {
    let status = cmd.status().map_err(|source| Error::Spawn {
        program: cmd.get_program().to_string_lossy().into_owned(),
        source,
    })?;
    if status.success() {
        Ok(())
    } else {
        Err(Error::StepFailed {
            what: what.to_owned(),
            status,
        })
    }
}

/// `path` relative to `base` if it is inside it.
pub(crate) fn shorten<'a>(path: &'a Path, base: &Path) -> &'a Path {
    path.strip_prefix(base).unwrap_or(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(cmd: &Command) -> Vec<String> {
        cmd.get_args()
            .map(|a| a.to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn feature_and_profile_flags() {
        let mut cmd = Command::new("cargo");
        feature_args(&mut cmd, false, &["hydrate".into(), "x".into()]);
        profile_args(&mut cmd, true, None);
        assert_eq!(
            args(&cmd),
            [
                "--no-default-features",
                "--features",
                "hydrate,x",
                "--release"
            ]
        );

        let mut cmd = Command::new("cargo");
        feature_args(&mut cmd, true, &[]);
        profile_args(&mut cmd, true, Some("wasm-release"));
        assert_eq!(args(&cmd), ["--profile", "wasm-release"]);

        let mut cmd = Command::new("cargo");
        profile_args(&mut cmd, false, Some("wasm-release"));
        assert!(args(&cmd).is_empty());

        assert_eq!(feature_list(&[]), "no features");
        assert_eq!(feature_list(&["csr".into()]), "csr");
    }

    #[test]
    fn only_recent_wasm_opt_is_used() {
        assert_eq!(
            parse_wasm_opt_version("wasm-opt version 116 (version_116)\n"),
            Some(116)
        );
        assert_eq!(parse_wasm_opt_version("wasm-opt version 108\n"), Some(108));
        assert_eq!(parse_wasm_opt_version("something else"), None);
        assert!(usable_wasm_opt(Some(132)).is_ok());
        assert!(usable_wasm_opt(Some(116)).is_ok());
        let why = usable_wasm_opt(Some(108)).unwrap_err();
        assert!(why.contains("binaryen 108 is older than 116"), "{why}");
        assert!(usable_wasm_opt(None).is_err());
    }

    #[test]
    fn missing_wasm_opt_is_not_an_error() {
        // Whether or not wasm-opt is installed, a file it cannot read leaves the build alone.
        optimize(Path::new("/nonexistent/cargo-app/app_bg.wasm"));
    }

    #[test]
    fn shortens_paths() {
        assert_eq!(
            shorten(Path::new("/ws/target/site/pkg/a.js"), Path::new("/ws")),
            Path::new("target/site/pkg/a.js")
        );
        assert_eq!(
            shorten(Path::new("/elsewhere/a.js"), Path::new("/ws")),
            Path::new("/elsewhere/a.js")
        );
    }
}
