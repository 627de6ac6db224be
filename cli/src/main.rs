//! `cargo app`: the framework's build tool, a cargo subcommand.
//!
//! - `cargo app build [--release] [--manifest-path PATH]` builds an app: its browser bundle
//!   (the library for `wasm32-unknown-unknown`, then `wasm-bindgen`) into
//!   `<site-root>/<site-pkg-dir>`, and, for an isomorphic app, its server binary; for a
//!   client-only app it writes `<site-root>/index.html`.
//! - `cargo app serve [--release] [--manifest-path PATH] [--site-addr ADDR]` builds, then runs
//!   the server (isomorphic) or serves `<site-root>` statically (client-only).
//! - `cargo app new PATH [--server axum|actix] [--path-deps REPO]` writes a ready app (see
//!   [`new_app`]): one crate with `ssr` and `hydrate` features, a router, a counter, server
//!   functions, a form that redirects, and the `[package.metadata.leptos]` the other two
//!   commands read.
//!
//! Settings come from `[package.metadata.leptos]` (cargo-leptos's keys, see [`metadata`]).
//! Cargo runs `cargo-app app build ...` for `cargo app build ...`; a leading `app` is skipped,
//! so `cargo run -p cargo-app -- app build` and `cargo-app build` work too.

mod cargo;
mod error;
mod metadata;
mod new_app;
mod project;
mod server;
mod site;
mod static_server;
mod templates;
mod toolchain;
mod wasm;

use std::ffi::OsString;
use std::fmt::Display;
use std::fs;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::error::Error;
use crate::metadata::{Mode, Settings};
use crate::new_app::{Deps, NewRequest};
use crate::project::Project;
use crate::templates::ServerKind;

/// Creates, builds and serves apps of the framework: `cargo app new`, `cargo app build`,
/// `cargo app serve`.
#[derive(Debug, Parser)]
#[command(name = "cargo-app", bin_name = "cargo app", version, after_help = AFTER_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

const AFTER_HELP: &str = "\
An app with a binary target (src/main.rs or a [[bin]]) is isomorphic: its lib is built for the
browser with `lib-features` (default [\"hydrate\"]) and its binary natively with `bin-features`
(default [\"ssr\"]), and `serve` runs the binary. An app without one is client-only: its lib is
built with [\"csr\"], an index.html is written, and `serve` serves the site statically.
`csr = true` or `csr = false` in [package.metadata.leptos] overrides the rule.

Settings: [package.metadata.leptos] with cargo-leptos's keys (output-name, site-root,
site-pkg-dir, site-addr, assets-dir, bin-target, bin-features, lib-features, ...).
The server gets LEPTOS_OUTPUT_NAME, LEPTOS_SITE_ROOT, LEPTOS_SITE_PKG_DIR, LEPTOS_SITE_ADDR and
LEPTOS_ENV. Wasm builds go to <target-dir>/front.";

#[derive(Debug, Subcommand)]
enum Command {
    /// Build the app: the browser bundle into <site-root>/<site-pkg-dir>, plus the server binary
    /// (isomorphic app) or <site-root>/index.html (client-only app).
    Build(BuildArgs),
    /// Build the app, then run its server (isomorphic) or serve <site-root> (client-only).
    Serve(ServeArgs),
    /// Create a new app in a new directory: one crate with an axum (default) or actix-web
    /// server, ready for `cargo app serve`.
    New(NewArgs),
}

#[derive(Debug, Args)]
struct NewArgs {
    /// The directory to create; its last component is the crate's name (e.g. `my_app`).
    #[arg(value_name = "PATH")]
    path: PathBuf,
    /// The server the app is served by.
    #[arg(long, value_enum, default_value_t = ServerKind::Axum)]
    server: ServerKind,
    /// Depend on the framework's crates by path, from this checkout of its repository
    /// [default: the repository PATH is inside, if any; otherwise by version].
    #[arg(long, value_name = "REPO")]
    path_deps: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct BuildArgs {
    /// Build with optimisations (cargo's release profile; wasm-opt -Oz if installed).
    #[arg(long)]
    release: bool,
    /// The app's Cargo.toml [default: the one in the current directory or a parent].
    #[arg(long, value_name = "PATH")]
    manifest_path: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct ServeArgs {
    #[command(flatten)]
    build: BuildArgs,
    /// The address to serve on, overriding `site-addr` of [package.metadata.leptos].
    #[arg(long, value_name = "ADDR")]
    site_addr: Option<SocketAddr>,
}

fn main() -> ExitCode {
    let cli = Cli::parse_from(skip_subcommand_name(std::env::args_os()));
    let result = match cli.command {
        Command::Build(args) => build(&args).map(|_| ExitCode::SUCCESS),
        Command::Serve(args) => serve(&args),
        Command::New(args) => new(args).map(|_| ExitCode::SUCCESS),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Drops the `app` that cargo passes first to the `cargo-app` executable.
fn skip_subcommand_name(args: impl IntoIterator<Item = OsString>) -> Vec<OsString> {
    let mut args: Vec<OsString> = args.into_iter().collect();
    if args.get(1).is_some_and(|a| a == "app") {
        args.remove(1);
    }
    args
}

/// What a build produced.
#[derive(Debug)]
struct Built {
    project: Project,
    settings: Settings,
    /// The server executable, for an isomorphic app.
    server: Option<PathBuf>,
}

fn build(args: &BuildArgs) -> Result<Built, Error> {
    let manifest = project::find_manifest(args.manifest_path.as_deref())?;
    let project = Project::load(&manifest)?;
    let settings = Settings::from_project(&project)?;
    let profile = if args.release { "release" } else { "debug" };
    status(
        "App",
        format!("{} ({}, {profile})", project.name, settings.mode),
    );

    fs::create_dir_all(&settings.site_root)
        .map_err(|e| Error::io(format!("creating {}", settings.site_root.display()), e))?;
    if let Some(assets) = &settings.assets_dir {
        status("Copying", format!("assets from {}", assets.display()));
        site::copy_dir(assets, &settings.site_root)?;
    }
    wasm::build(&project, &settings, args.release)?;

    let server = match (&settings.mode, &settings.bin_target) {
        (Mode::Isomorphic, Some(bin)) => {
            Some(server::build(&project, &settings, bin, args.release)?)
        }
        _ => {
            if site::write_index_html(&settings)? {
                status(
                    "Wrote",
                    wasm::shorten(
                        &settings.site_root.join("index.html"),
                        &project.workspace_root,
                    )
                    .display(),
                );
            }
            None
        }
    };
    status(
        "Finished",
        format!(
            "site in {}",
            wasm::shorten(&settings.site_root, &project.workspace_root).display()
        ),
    );
    Ok(Built {
        project,
        settings,
        server,
    })
}

fn serve(args: &ServeArgs) -> Result<ExitCode, Error> {
    let built = build(&args.build)?;
    let addr = args.site_addr.unwrap_or(built.settings.site_addr);
    match &built.server {
        Some(exe) => server::run(
            &built.project,
            &built.settings,
            exe,
            addr,
            args.build.release,
        ),
        None => {
            status(
                "Serving",
                format!(
                    "at http://{addr} ({}; Ctrl-C to stop)",
                    built.settings.site_root.display()
                ),
            );
            static_server::serve(&built.settings.site_root, addr)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn new(args: NewArgs) -> Result<(), Error> {
    let plan = new_app::plan(&NewRequest {
        path: args.path.clone(),
        server: args.server,
        path_deps: args.path_deps,
    })?;
    new_app::write(&plan)?;
    status(
        "Created",
        format!(
            "{} app `{}` in {}",
            plan.server,
            plan.name,
            plan.dir.display()
        ),
    );
    match &plan.deps {
        Deps::Path { repo } => status(
            "Using",
            format!(
                "the framework's crates by path, from {} (and its Cargo.lock)",
                repo.display()
            ),
        ),
        Deps::Version(version) => status(
            "Using",
            format!("the framework's crates at version {version}"),
        ),
    }
    if let Some(workspace) = &plan.enclosing_workspace {
        status(
            "Note",
            format!(
                "the app is its own workspace (an empty [workspace] table), not a member of \
                 the one of {}; its Cargo.toml says how to change that",
                workspace.display()
            ),
        );
    }
    eprintln!(
        "\nServe it:\n\n    cd {}\n    cargo app serve\n\nthen open http://127.0.0.1:3000 \
         ({}/README.md says more).",
        args.path.display(),
        args.path.display()
    );
    Ok(())
}

/// Prints a progress line on stderr, cargo-style: `    Building wasm bundle (hydrate) ...`.
pub(crate) fn status(verb: &str, message: impl Display) {
    eprintln!("{verb:>12} {message}");
}

/// Prints a warning on stderr.
pub(crate) fn warn(message: impl Display) {
    eprintln!("warning: {message}");
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn parse(args: &[&str]) -> Cli {
        Cli::try_parse_from(skip_subcommand_name(args.iter().map(OsString::from))).unwrap()
    }

    #[test]
    fn cli_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn accepts_cargos_leading_app() {
        for args in [
            &["cargo-app", "app", "build", "--release"][..],
            &["cargo-app", "build", "--release"][..],
        ] {
            match parse(args).command {
                Command::Build(b) => {
                    assert!(b.release);
                    assert_eq!(b.manifest_path, None);
                }
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn parses_serve() {
        let cli = parse(&[
            "cargo-app",
            "app",
            "serve",
            "--manifest-path",
            "x/Cargo.toml",
            "--site-addr",
            "127.0.0.1:4321",
        ]);
        match cli.command {
            Command::Serve(s) => {
                assert!(!s.build.release);
                assert_eq!(s.build.manifest_path, Some(PathBuf::from("x/Cargo.toml")));
                assert_eq!(s.site_addr, Some("127.0.0.1:4321".parse().unwrap()));
            }
            other => panic!("{other:?}"),
        }
        assert!(Cli::try_parse_from(["cargo-app", "serve", "--site-addr", "nope"]).is_err());
    }

    #[test]
    fn parses_new() {
        match parse(&["cargo-app", "app", "new", "my_app"]).command {
            Command::New(n) => {
                assert_eq!(n.path, PathBuf::from("my_app"));
                assert_eq!(n.server, ServerKind::Axum, "axum is the default");
                assert_eq!(n.path_deps, None);
            }
            other => panic!("{other:?}"),
        }
        let cli = parse(&[
            "cargo-app",
            "new",
            "web/shop",
            "--server",
            "actix",
            "--path-deps",
            "../framework",
        ]);
        match cli.command {
            Command::New(n) => {
                assert_eq!(n.path, PathBuf::from("web/shop"));
                assert_eq!(n.server, ServerKind::Actix);
                assert_eq!(n.path_deps, Some(PathBuf::from("../framework")));
            }
            other => panic!("{other:?}"),
        }
        assert!(Cli::try_parse_from(["cargo-app", "new", "x", "--server", "rocket"]).is_err());
        assert!(Cli::try_parse_from(["cargo-app", "new"]).is_err());
    }
}
