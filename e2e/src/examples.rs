//! Building and serving the workspace's example apps with the build tool (`cargo app`), as
//! a user runs them.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

use crate::server::{free_addr, Server};

/// The workspace's root directory.
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("e2e/ is inside the workspace")
        .to_path_buf()
}

/// Builds are serialized: two tests building the same example at once would share its
/// target directory and its output.
static BUILD: Mutex<()> = Mutex::new(());

/// `cargo run -p cargo-app -- app <subcommand> --manifest-path <manifest>`, from the
/// workspace root.
pub fn cargo_app(subcommand: &str, manifest: &Path) -> Command {
    let mut command = Command::new(env!("CARGO"));
    command
        .current_dir(workspace_root())
        .args([
            "run",
            "-q",
            "-p",
            "cargo-app",
            "--",
            "app",
            subcommand,
            "--manifest-path",
        ])
        .arg(manifest);
    command
}

/// `cargo app serve` for `examples/<example>`, on a free port, with `configure` applied to
/// the command (environment variables for the app, say). The example is built first, under
/// a lock, so that `serve` (which builds too) finds nothing left to do and tests never build
/// the same example at once.
///
/// # Panics
/// If the build fails or the server does not start: the test cannot go on.
pub fn serve_example(example: &str, configure: impl FnOnce(&mut Command)) -> Server {
    let manifest = workspace_root()
        .join("examples")
        .join(example)
        .join("Cargo.toml");
    let _guard = BUILD.lock().unwrap_or_else(|p| p.into_inner());
    let status = cargo_app("build", &manifest)
        .status()
        .expect("running the build tool");
    assert!(status.success(), "`cargo app build` failed for {example}");
    let addr = free_addr().expect("a free port");
    let mut command = cargo_app("serve", &manifest);
    command.arg("--site-addr").arg(addr.to_string());
    configure(&mut command);
    Server::start(command, addr).expect("the example server starts")
}
