//! `cargo app new PATH [--server axum|actix] [--path-deps REPO]`: writes a ready app crate
//! from the templates of [`crate::templates`].
//!
//! Everything is checked before anything is written: the name (the directory's last
//! component) must be a valid crate name, the directory must not exist, and `--path-deps`
//! must be a checkout of the framework's repository. Then the files are rendered in memory
//! and written into a directory created for them; if writing fails, that directory is
//! removed again.
//!
//! Where the framework's crates come from:
//!
//! - **by path**, from a checkout of the framework's repository: the one given with
//!   `--path-deps REPO`, or else the one the new directory is inside (as for an app created
//!   in the repository itself). Paths are relative when the app is inside the repository,
//!   absolute otherwise. The repository's `Cargo.lock` is copied into the app, so that it
//!   starts with the dependency versions the framework is tested with (among them the
//!   `wasm-bindgen` that the installed `wasm-bindgen` CLI matches).
//! - **by version** otherwise: the version of this build tool, which is the framework's.
//!
//! If a directory above the new app holds a workspace (a `Cargo.toml` with `[workspace]`),
//! cargo would take the app for a member of it and refuse to build it; the app then gets an
//! empty `[workspace]` table of its own, with a comment saying how to make it a member.

use std::env;
use std::fs;
use std::path::{Component, Path, PathBuf};

use crate::error::{Error, NameProblem};
use crate::templates::{self, ServerKind};

/// The framework's crates a generated app depends on, with their directories in the
/// framework's repository.
pub(crate) const FRAMEWORK_CRATES: &[(&str, &str)] = &[
    ("leptos", "leptos"),
    ("leptos_router", "router"),
    ("leptos_axum", "integrations/axum"),
    ("leptos_actix", "integrations/actix"),
];

/// The framework's version: this build tool's, which the workspace gives every crate.
pub(crate) const FRAMEWORK_VERSION: &str = env!("CARGO_PKG_VERSION");

/// What `cargo app new` was asked for.
#[derive(Debug, Clone)]
pub(crate) struct NewRequest {
    /// The directory to create; its last component is the package name.
    pub(crate) path: PathBuf,
    /// The server to generate.
    pub(crate) server: ServerKind,
    /// `--path-deps`: the framework's repository to depend on by path.
    pub(crate) path_deps: Option<PathBuf>,
}

/// Where the framework's crates come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Deps {
    /// By path, from this checkout of the framework's repository.
    Path {
        /// The repository's root directory (absolute).
        repo: PathBuf,
    },
    /// By version, from the registry.
    Version(String),
}

/// A checked request: everything that will be written.
#[derive(Debug)]
pub(crate) struct Plan {
    /// The package name.
    pub(crate) name: String,
    /// The directory to create (absolute).
    pub(crate) dir: PathBuf,
    /// The server.
    pub(crate) server: ServerKind,
    /// Where the framework's crates come from.
    pub(crate) deps: Deps,
    /// The `Cargo.toml` of the workspace above the app, if any (the app gets its own).
    pub(crate) enclosing_workspace: Option<PathBuf>,
    /// The files, rendered: path in the app (`/`-separated) and content.
    pub(crate) files: Vec<(String, String)>,
}

/// Checks `request` and renders the app's files; writes nothing.
pub(crate) fn plan(request: &NewRequest) -> Result<Plan, Error> {
    let cwd = env::current_dir().map_err(|e| Error::io("reading the current directory", e))?;
    plan_in(&cwd, request)
}

fn plan_in(cwd: &Path, request: &NewRequest) -> Result<Plan, Error> {
    let name = package_name(&request.path);
    check_name(&name)?;
    let dir = resolve(&cwd.join(&request.path));
    if fs::symlink_metadata(&dir).is_ok() {
        return Err(Error::DestinationExists { path: dir });
    }
    let deps = match &request.path_deps {
        Some(repo) => {
            let repo = cwd.join(repo);
            let repo = repo.canonicalize().unwrap_or(repo);
            if !is_framework_repo(&repo) {
                return Err(Error::NotFrameworkRepo { path: repo });
            }
            Deps::Path { repo }
        }
        None => match dir.ancestors().skip(1).find(|d| is_framework_repo(d)) {
            Some(repo) => Deps::Path {
                repo: repo.to_owned(),
            },
            None => Deps::Version(FRAMEWORK_VERSION.to_owned()),
        },
    };
    let enclosing_workspace = enclosing_workspace(&dir);
    let vars = variables(
        &name,
        request.server,
        &deps,
        &dir,
        enclosing_workspace.as_deref(),
    );
    let mut files = Vec::new();
    for file in templates::files(request.server) {
        let text = templates::render(file.text, &vars).map_err(|e| Error::Template {
            file: file.path,
            placeholder: e.0,
        })?;
        // One final newline, whatever an empty placeholder at the end left.
        files.push((file.path.to_owned(), format!("{}\n", text.trim_end())));
    }
    Ok(Plan {
        name,
        dir,
        server: request.server,
        deps,
        enclosing_workspace,
        files,
    })
}

/// Writes the planned app. The directory is created here (it must still not exist); if a
/// file cannot be written, the directory is removed again.
pub(crate) fn write(plan: &Plan) -> Result<(), Error> {
    if let Some(parent) = plan.dir.parent() {
        fs::create_dir_all(parent)
            .map_err(|e| Error::io(format!("creating {}", parent.display()), e))?;
    }
    match fs::create_dir(&plan.dir) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(Error::DestinationExists {
                path: plan.dir.clone(),
            })
        }
        Err(e) => return Err(Error::io(format!("creating {}", plan.dir.display()), e)),
    }
    let result = write_files(plan);
    if result.is_err() {
        let _ = fs::remove_dir_all(&plan.dir);
    }
    result
}

fn write_files(plan: &Plan) -> Result<(), Error> {
    for (path, text) in &plan.files {
        let path = plan.dir.join(path);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)
                .map_err(|e| Error::io(format!("creating {}", parent.display()), e))?;
        }
        fs::write(&path, text).map_err(|e| Error::io(format!("writing {}", path.display()), e))?;
    }
    if let Deps::Path { repo } = &plan.deps {
        let lock = repo.join("Cargo.lock");
        if lock.is_file() {
            let to = plan.dir.join("Cargo.lock");
            fs::copy(&lock, &to).map_err(|e| {
                Error::io(format!("copying {} to {}", lock.display(), to.display()), e)
            })?;
        }
    }
    Ok(())
}

/// The package name a directory gives: its last component.
fn package_name(path: &Path) -> String {
    match path.file_name() {
        Some(name) => name.to_string_lossy().into_owned(),
        None => path.to_string_lossy().into_owned(),
    }
}

/// Rust's keywords (strict, reserved and weak), which cannot name a crate.
const KEYWORDS: &[&str] = &[
    "_", "abstract", "as", "async", "await", "become", "box", "break", "const", "continue",
    "crate", "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if",
    "impl", "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub",
    "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "union", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Names cargo refuses, or that would clash with a crate the app uses, and why.
const RESERVED: &[(&str, &str)] = &[
    ("test", "it is the name of Rust's built-in test library"),
    ("std", "it is the name of Rust's standard library"),
    ("core", "it is the name of Rust's core library"),
    ("alloc", "it is the name of Rust's alloc library"),
    ("proc_macro", "it is the name of Rust's proc_macro library"),
    (
        "build",
        "cargo uses it for a directory of the target directory",
    ),
    (
        "deps",
        "cargo uses it for a directory of the target directory",
    ),
    (
        "examples",
        "cargo uses it for a directory of the target directory",
    ),
    (
        "incremental",
        "cargo uses it for a directory of the target directory",
    ),
    ("leptos", "the app depends on a crate of that name"),
    ("leptos_router", "the app depends on a crate of that name"),
    ("leptos_axum", "the app depends on a crate of that name"),
    ("leptos_actix", "the app depends on a crate of that name"),
    ("leptos_macro", "the app depends on a crate of that name"),
    ("reactive_graph", "the app depends on a crate of that name"),
    ("server_fn", "the app depends on a crate of that name"),
    ("wasm_bindgen", "the app depends on a crate of that name"),
    ("axum", "the app depends on a crate of that name"),
    ("tokio", "the app depends on a crate of that name"),
    ("actix_web", "the app depends on a crate of that name"),
    ("actix_files", "the app depends on a crate of that name"),
];

/// Whether `name` can name the new app's package (and its library and binary): ASCII
/// letters, digits, `_` and `-`, starting with a letter or `_`, not a keyword, and not a
/// name cargo reserves or one of the app's dependencies has.
pub(crate) fn check_name(name: &str) -> Result<(), Error> {
    let problem = name_problem(name);
    match problem {
        None => Ok(()),
        Some(problem) => Err(Error::InvalidName {
            name: name.to_owned(),
            problem,
        }),
    }
}

fn name_problem(name: &str) -> Option<NameProblem> {
    let Some(first) = name.chars().next() else {
        return Some(NameProblem::Empty);
    };
    if let Some(bad) = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '_' || *c == '-'))
    {
        return Some(NameProblem::InvalidChar(bad));
    }
    if !(first.is_ascii_alphabetic() || first == '_') {
        return Some(NameProblem::InvalidFirstChar(first));
    }
    // The library is named with `_` for `-`: that is the name Rust code sees.
    let lib_name = name.replace('-', "_");
    if KEYWORDS.contains(&lib_name.as_str()) {
        return Some(NameProblem::Keyword);
    }
    RESERVED
        .iter()
        .find(|(reserved, _)| *reserved == lib_name)
        .map(|(_, why)| NameProblem::Reserved(why))
}

/// `path` made absolute with its existing part canonical (symbolic links resolved), and
/// `.` and `..` removed from the rest, so that it can be compared with other paths.
fn resolve(path: &Path) -> PathBuf {
    let mut existing = path.to_path_buf();
    let mut rest = Vec::new();
    while fs::symlink_metadata(&existing).is_err() {
        match (existing.file_name(), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name.to_owned());
                existing = parent.to_path_buf();
            }
            _ => break,
        }
    }
    let mut resolved = existing.canonicalize().unwrap_or(existing);
    for component in rest.iter().rev() {
        resolved.push(component);
    }
    let mut out = PathBuf::new();
    for component in resolved.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Whether `dir` is a checkout of the framework's repository: each crate of
/// [`FRAMEWORK_CRATES`] in its directory.
pub(crate) fn is_framework_repo(dir: &Path) -> bool {
    FRAMEWORK_CRATES.iter().all(|(name, rel)| {
        fs::read_to_string(dir.join(rel).join("Cargo.toml"))
            .is_ok_and(|manifest| manifest.contains(&format!("name = \"{name}\"")))
    })
}

/// The `Cargo.toml` of the nearest directory above `dir` that defines a workspace.
fn enclosing_workspace(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .skip(1)
        .map(|d| d.join("Cargo.toml"))
        .find(|manifest| fs::read_to_string(manifest).is_ok_and(|text| defines_workspace(&text)))
}

/// Whether a `Cargo.toml`'s text has a `[workspace]` table (or a `[workspace.*]` one).
fn defines_workspace(manifest: &str) -> bool {
    manifest.lines().map(str::trim_start).any(|line| {
        line.strip_prefix("[workspace")
            .is_some_and(|rest| rest.starts_with(']') || rest.starts_with('.'))
    })
}

/// The placeholders' values for the templates.
fn variables(
    name: &str,
    server: ServerKind,
    deps: &Deps,
    dir: &Path,
    enclosing_workspace: Option<&Path>,
) -> Vec<(&'static str, String)> {
    let mut vars = vec![
        ("crate_name", name.to_owned()),
        ("lib_name", name.replace('-', "_")),
        ("server_name", server.server_name().to_owned()),
        ("server_crate", server.integration_crate().to_owned()),
    ];
    for (krate, rel) in FRAMEWORK_CRATES {
        let source = match deps {
            Deps::Path { repo } => {
                let path = dependency_path(dir, repo, rel);
                format!("path = {}", toml_string(&path))
            }
            Deps::Version(version) => format!("version = {}", toml_string(version)),
        };
        vars.push((krate, source));
    }
    let table = match enclosing_workspace {
        None => String::new(),
        Some(manifest) => format!(
            "\n# This package is its own workspace: without this table cargo would take it for a\n\
             # member of the workspace of {}.\n\
             # To make it a member instead, delete this table and add its directory to that\n\
             # workspace's `members`.\n\
             [workspace]\n",
            manifest.display()
        ),
    };
    vars.push(("workspace_table", table));
    vars
}

/// Where the app in `app_dir` finds the crate at `rel` in `repo`: a relative path if the app
/// is inside the repository (which then moves with it), else an absolute one; `/`-separated.
fn dependency_path(app_dir: &Path, repo: &Path, rel: &str) -> String {
    match app_dir.strip_prefix(repo) {
        Ok(inside) => {
            let mut path = "../".repeat(inside.components().count());
            path.push_str(rel);
            path
        }
        Err(_) => repo.join(rel).to_string_lossy().replace('\\', "/"),
    }
}

/// `text` as a TOML basic string.
fn toml_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A scratch directory of this test's own, removed when dropped.
    struct Scratch(PathBuf);

    impl Scratch {
        fn new(test: &str) -> Scratch {
            let dir = env::temp_dir().join(format!("cargo-app-new-{}-{test}", std::process::id()));
            let _ = fs::remove_dir_all(&dir);
            fs::create_dir_all(&dir).unwrap();
            Scratch(dir.canonicalize().unwrap())
        }
    }

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    fn request(path: &str, server: ServerKind) -> NewRequest {
        NewRequest {
            path: path.into(),
            server,
            path_deps: None,
        }
    }

    /// The repository this build tool is in.
    fn repo() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .unwrap()
            .canonicalize()
            .unwrap()
    }

    fn problem(name: &str) -> NameProblem {
        match check_name(name) {
            Err(Error::InvalidName { problem, .. }) => problem,
            other => panic!("{name:?}: {other:?}"),
        }
    }

    #[test]
    fn accepts_crate_names() {
        for name in [
            "my_app",
            "my-app",
            "app1",
            "_private",
            "A",
            "leptos_app",
            "tester",
        ] {
            assert!(check_name(name).is_ok(), "{name}");
        }
    }

    #[test]
    fn refuses_names_that_are_not_crate_names() {
        assert_eq!(problem(""), NameProblem::Empty);
        assert_eq!(problem("1app"), NameProblem::InvalidFirstChar('1'));
        assert_eq!(problem("-app"), NameProblem::InvalidFirstChar('-'));
        assert_eq!(problem("my-app!"), NameProblem::InvalidChar('!'));
        assert_eq!(problem("my app"), NameProblem::InvalidChar(' '));
        assert_eq!(problem("café"), NameProblem::InvalidChar('é'));
        assert_eq!(problem("self"), NameProblem::Keyword);
        assert_eq!(problem("fn"), NameProblem::Keyword);
        assert_eq!(problem("_"), NameProblem::Keyword);
        assert!(matches!(problem("test"), NameProblem::Reserved(_)));
        assert!(matches!(problem("std"), NameProblem::Reserved(_)));
        assert!(matches!(problem("leptos"), NameProblem::Reserved(_)));
        assert!(matches!(problem("actix-web"), NameProblem::Reserved(_)));
        assert!(matches!(problem("build"), NameProblem::Reserved(_)));

        let message = check_name("1app").unwrap_err().to_string();
        assert!(message.contains("`1app`"), "{message}");
        assert!(message.contains("such as `my_app`"), "{message}");
        assert!(message.contains("nothing was written"), "{message}");
        let message = check_name("test").unwrap_err().to_string();
        assert!(message.contains("built-in test library"), "{message}");
    }

    #[test]
    fn a_bad_name_or_an_existing_directory_writes_nothing() {
        let scratch = Scratch::new("refuse");
        for name in ["1app", "my-app!", "test", "self", ""] {
            let err = plan_in(&scratch.0, &request(name, ServerKind::Axum)).unwrap_err();
            assert!(matches!(err, Error::InvalidName { .. }), "{name:?}: {err}");
        }
        // A path whose last component is bad.
        let err = plan_in(&scratch.0, &request("apps/1app", ServerKind::Axum)).unwrap_err();
        assert!(matches!(err, Error::InvalidName { ref name, .. } if name == "1app"));
        assert_eq!(
            fs::read_dir(&scratch.0).unwrap().count(),
            0,
            "nothing written"
        );

        // An existing directory (or file) is left alone.
        let existing = scratch.0.join("taken");
        fs::create_dir(&existing).unwrap();
        fs::write(existing.join("keep.txt"), "mine").unwrap();
        let err = plan_in(&scratch.0, &request("taken", ServerKind::Actix)).unwrap_err();
        assert!(matches!(err, Error::DestinationExists { ref path } if *path == existing));
        assert!(err.to_string().contains("already exists"), "{err}");
        fs::write(scratch.0.join("file"), "mine").unwrap();
        let err = plan_in(&scratch.0, &request("file", ServerKind::Axum)).unwrap_err();
        assert!(matches!(err, Error::DestinationExists { .. }), "{err}");
        assert_eq!(fs::read_to_string(scratch.0.join("file")).unwrap(), "mine");
        assert_eq!(
            fs::read_dir(&existing).unwrap().count(),
            1,
            "nothing added to it"
        );

        // A directory that appears between the check and the write is not written into.
        let plan = plan_in(&scratch.0, &request("late", ServerKind::Axum)).unwrap();
        fs::create_dir(scratch.0.join("late")).unwrap();
        let err = write(&plan).unwrap_err();
        assert!(matches!(err, Error::DestinationExists { .. }), "{err}");
        assert_eq!(fs::read_dir(scratch.0.join("late")).unwrap().count(), 0);
    }

    #[test]
    fn path_deps_must_be_the_framework_repo() {
        let scratch = Scratch::new("not-repo");
        let mut req = request("app", ServerKind::Axum);
        req.path_deps = Some(scratch.0.clone());
        let err = plan_in(&scratch.0, &req).unwrap_err();
        assert!(matches!(err, Error::NotFrameworkRepo { .. }), "{err}");
        assert!(err.to_string().contains("--path-deps"), "{err}");
        assert!(is_framework_repo(&repo()));
    }

    #[test]
    fn outside_the_repo_the_crates_come_by_version() {
        let scratch = Scratch::new("version");
        let plan = plan_in(&scratch.0, &request("my-app", ServerKind::Axum)).unwrap();
        assert_eq!(plan.deps, Deps::Version(FRAMEWORK_VERSION.to_owned()));
        assert_eq!(plan.dir, scratch.0.join("my-app"));
        let manifest = file(&plan, "Cargo.toml");
        assert!(manifest.contains("name = \"my-app\""), "{manifest}");
        assert!(manifest.contains("output-name = \"my_app\""), "{manifest}");
        assert!(
            manifest.contains(&format!("leptos = {{ version = \"{FRAMEWORK_VERSION}\" }}")),
            "{manifest}"
        );
        assert!(
            manifest.contains(&format!(
                "leptos_axum = {{ version = \"{FRAMEWORK_VERSION}\", optional = true }}"
            )),
            "{manifest}"
        );
        assert!(!manifest.contains("leptos_actix"), "{manifest}");
        assert!(file(&plan, "src/main.rs").contains("use my_app::app::{shell, App};"));
        assert!(file(&plan, "src/app.rs").contains("leptos_axum::redirect("));

        write(&plan).unwrap();
        for (path, text) in &plan.files {
            assert_eq!(&fs::read_to_string(plan.dir.join(path)).unwrap(), text);
        }
        assert!(!plan.dir.join("Cargo.lock").exists());
        // A second time, the directory exists.
        let err = plan_in(&scratch.0, &request("my-app", ServerKind::Axum)).unwrap_err();
        assert!(matches!(err, Error::DestinationExists { .. }), "{err}");
    }

    #[test]
    fn path_deps_point_into_the_repo() {
        let scratch = Scratch::new("path");
        let mut req = request("sub/web", ServerKind::Actix);
        req.path_deps = Some(repo());
        let plan = plan_in(&scratch.0, &req).unwrap();
        assert_eq!(plan.deps, Deps::Path { repo: repo() });
        let manifest = file(&plan, "Cargo.toml");
        for (krate, rel) in [
            ("leptos", "leptos"),
            ("leptos_router", "router"),
            ("leptos_actix", "integrations/actix"),
        ] {
            let path = repo().join(rel);
            assert!(
                manifest.contains(&format!("{krate} = {{ path = \"{}\"", path.display())),
                "{krate} in {manifest}"
            );
        }
        assert!(file(&plan, "src/app.rs").contains("leptos_actix::redirect("));
        write(&plan).unwrap();
        assert_eq!(
            fs::read(plan.dir.join("Cargo.lock")).unwrap(),
            fs::read(repo().join("Cargo.lock")).unwrap(),
            "the repository's lock file is the app's start"
        );
    }

    #[test]
    fn inside_the_repo_paths_are_relative_and_the_app_is_its_own_workspace() {
        // Planned only: nothing is written into the repository.
        let plan = plan_in(&repo(), &request("examples/new_app", ServerKind::Axum)).unwrap();
        assert_eq!(plan.deps, Deps::Path { repo: repo() });
        assert_eq!(plan.enclosing_workspace, Some(repo().join("Cargo.toml")));
        let manifest = file(&plan, "Cargo.toml");
        assert!(
            manifest.contains("leptos = { path = \"../../leptos\" }"),
            "{manifest}"
        );
        assert!(
            manifest
                .contains("leptos_axum = { path = \"../../integrations/axum\", optional = true }"),
            "{manifest}"
        );
        assert!(manifest.ends_with("\n[workspace]\n"), "{manifest}");
        assert!(manifest.contains("delete this table"), "{manifest}");
    }

    #[test]
    fn finds_an_enclosing_workspace() {
        assert!(defines_workspace(
            "[package]\nname = \"x\"\n\n[workspace]\n"
        ));
        assert!(defines_workspace("[workspace.dependencies]\nx = \"1\"\n"));
        assert!(!defines_workspace("[package]\nworkspace = \"..\"\n"));
        assert!(!defines_workspace("[workspaces]\n"));

        let scratch = Scratch::new("workspace");
        assert_eq!(enclosing_workspace(&scratch.0.join("a/b")), None);
        fs::write(scratch.0.join("Cargo.toml"), "[workspace]\nmembers = []\n").unwrap();
        assert_eq!(
            enclosing_workspace(&scratch.0.join("a/b")),
            Some(scratch.0.join("Cargo.toml"))
        );
        let plan = plan_in(&scratch.0, &request("a/b", ServerKind::Axum)).unwrap();
        assert!(file(&plan, "Cargo.toml").ends_with("[workspace]\n"));
        fs::remove_file(scratch.0.join("Cargo.toml")).unwrap();
        let plan = plan_in(&scratch.0, &request("a/b", ServerKind::Axum)).unwrap();
        assert!(!file(&plan, "Cargo.toml").contains("[workspace]"));
    }

    #[test]
    fn paths_and_strings() {
        assert_eq!(
            dependency_path(Path::new("/r/examples/app"), Path::new("/r"), "leptos"),
            "../../leptos"
        );
        assert_eq!(
            dependency_path(Path::new("/r/app"), Path::new("/r"), "integrations/axum"),
            "../integrations/axum"
        );
        assert_eq!(
            dependency_path(Path::new("/tmp/app"), Path::new("/r"), "leptos"),
            "/r/leptos"
        );
        assert_eq!(toml_string(r#"a"b\c"#), r#""a\"b\\c""#);
        assert_eq!(
            resolve(Path::new("/nonexistent-x/a/./b/../c")),
            Path::new("/nonexistent-x/a/c")
        );
        assert_eq!(package_name(Path::new("apps/my_app")), "my_app");
        assert_eq!(package_name(Path::new("")), "");
    }

    fn file<'a>(plan: &'a Plan, path: &str) -> &'a str {
        plan.files
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, text)| text.as_str())
            .unwrap_or_else(|| panic!("no {path}"))
    }
}
