//! The app templates of `cargo app new`: real files under `cli/templates/`, compiled into the
//! tool with `include_str!`, with `{{name}}` placeholders that [`render`] fills in.
//!
//! - `templates/shared/`: what both servers' apps have (`src/app.rs`, `src/lib.rs`, the
//!   README, `.gitignore`);
//! - `templates/axum/`, `templates/actix/`: `Cargo.toml` and `src/main.rs` for each server.
//!
//! The placeholders: `crate_name` (the package name), `lib_name` (its library's name, `-`
//! replaced by `_`), `server_name` (`axum` or `actix-web`), `server_crate` (`leptos_axum` or
//! `leptos_actix`), `leptos`, `leptos_router`, `leptos_axum`, `leptos_actix` (where each
//! framework crate comes from: `path = "..."` or `version = "..."`) and `workspace_table`
//! (empty, or an empty `[workspace]` table with a comment).

use std::fmt;

/// The server a new app is generated for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ServerKind {
    /// axum, with `leptos_axum`.
    Axum,
    /// actix-web, with `leptos_actix`.
    Actix,
}

impl ServerKind {
    /// The framework's integration crate for this server.
    pub(crate) fn integration_crate(self) -> &'static str {
        match self {
            ServerKind::Axum => "leptos_axum",
            ServerKind::Actix => "leptos_actix",
        }
    }

    /// The server's name, for people.
    pub(crate) fn server_name(self) -> &'static str {
        match self {
            ServerKind::Axum => "axum",
            ServerKind::Actix => "actix-web",
        }
    }
}

impl fmt::Display for ServerKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.server_name())
    }
}

/// One file of a template: where it goes in the new app, and its text with placeholders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TemplateFile {
    /// Its path in the new app, `/`-separated.
    pub(crate) path: &'static str,
    /// Its text, with `{{name}}` placeholders.
    pub(crate) text: &'static str,
}

/// `TemplateFile { path, text: include_str!("../templates/<source>") }`.
macro_rules! template_file {
    ($path:literal, $source:literal) => {
        TemplateFile {
            path: $path,
            text: include_str!(concat!("../templates/", $source)),
        }
    };
}

/// The files of every app.
const SHARED: &[TemplateFile] = &[
    template_file!(".gitignore", "shared/gitignore"),
    template_file!("README.md", "shared/README.md"),
    template_file!("src/lib.rs", "shared/src/lib.rs"),
    template_file!("src/app.rs", "shared/src/app.rs"),
];

/// The files of an axum app.
const AXUM: &[TemplateFile] = &[
    template_file!("Cargo.toml", "axum/Cargo.toml"),
    template_file!("src/main.rs", "axum/src/main.rs"),
];

/// The files of an actix-web app.
const ACTIX: &[TemplateFile] = &[
    template_file!("Cargo.toml", "actix/Cargo.toml"),
    template_file!("src/main.rs", "actix/src/main.rs"),
];

/// Every file of the app for `server`.
pub(crate) fn files(server: ServerKind) -> impl Iterator<Item = &'static TemplateFile> {
    let own = match server {
        ServerKind::Axum => AXUM,
        ServerKind::Actix => ACTIX,
    };
    own.iter().chain(SHARED)
}

/// A placeholder of a template that [`render`] was given no value for, or a `{{` without
/// its `}}`: a bug in the templates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct UnknownPlaceholder(pub(crate) String);

/// Replaces every `{{name}}` in `text` by the value of `name` in `vars`. Values are inserted
/// as they are (never scanned for placeholders themselves).
pub(crate) fn render(text: &str, vars: &[(&str, String)]) -> Result<String, UnknownPlaceholder> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else {
            return Err(UnknownPlaceholder(rest[start..].chars().take(40).collect()));
        };
        let name = &after[..end];
        let value = vars
            .iter()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| value)
            .ok_or_else(|| UnknownPlaceholder(name.to_owned()))?;
        out.push_str(value);
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars() -> Vec<(&'static str, String)> {
        [
            "crate_name",
            "lib_name",
            "server_name",
            "server_crate",
            "leptos",
            "leptos_router",
            "leptos_axum",
            "leptos_actix",
            "workspace_table",
        ]
        .into_iter()
        .map(|name| (name, format!("<{name}>")))
        .collect()
    }

    #[test]
    fn renders_placeholders() {
        let vars = [("a", "1".to_owned()), ("b", "{{a}}".to_owned())];
        assert_eq!(render("x{{a}}y{{b}}z", &vars).unwrap(), "x1y{{a}}z");
        assert_eq!(render("no placeholders", &vars).unwrap(), "no placeholders");
        assert_eq!(
            render("{{c}}", &vars),
            Err(UnknownPlaceholder("c".to_owned()))
        );
        assert!(render("x {{a", &vars).is_err());
    }

    #[test]
    fn every_template_renders_completely() {
        for server in [ServerKind::Axum, ServerKind::Actix] {
            let files: Vec<_> = files(server).collect();
            for wanted in [
                "Cargo.toml",
                "README.md",
                ".gitignore",
                "src/main.rs",
                "src/lib.rs",
                "src/app.rs",
            ] {
                assert_eq!(
                    files.iter().filter(|f| f.path == wanted).count(),
                    1,
                    "{server}: {wanted}"
                );
            }
            for file in files {
                let text = render(file.text, &vars())
                    .unwrap_or_else(|e| panic!("{server} {}: {e:?}", file.path));
                assert!(!text.contains("{{"), "{server} {}", file.path);
            }
        }
    }

    #[test]
    fn each_server_uses_its_integration() {
        let main = |server| {
            files(server)
                .find(|f| f.path == "src/main.rs")
                .unwrap()
                .text
        };
        assert!(main(ServerKind::Axum).contains("leptos_axum::"));
        assert!(main(ServerKind::Actix).contains("leptos_actix::"));
        let manifest = |server| files(server).find(|f| f.path == "Cargo.toml").unwrap().text;
        assert!(manifest(ServerKind::Axum).contains("leptos_axum = { {{leptos_axum}}"));
        assert!(manifest(ServerKind::Actix).contains("leptos_actix = { {{leptos_actix}}"));
        assert_eq!(ServerKind::Actix.integration_crate(), "leptos_actix");
    }
}
