//! The site directory besides the bundle: the assets copied in, the generated `index.html` of a
//! client-only app, and the report of the bundle's sizes.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::write::GzEncoder;
use flate2::Compression;

use crate::error::Error;
use crate::metadata::Settings;

/// Copies the contents of `from` into `to`, recursively, overwriting files of the same name.
pub(crate) fn copy_dir(from: &Path, to: &Path) -> Result<(), Error> {
    fs::create_dir_all(to).map_err(|e| Error::io(format!("creating {}", to.display()), e))?;
    let entries =
        fs::read_dir(from).map_err(|e| Error::io(format!("reading {}", from.display()), e))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(format!("reading {}", from.display()), e))?;
        let src = entry.path();
        let dst = to.join(entry.file_name());
        let kind = entry
            .file_type()
            .map_err(|e| Error::io(format!("reading {}", src.display()), e))?;
        if kind.is_dir() {
            copy_dir(&src, &dst)?;
        } else {
            fs::copy(&src, &dst).map_err(|e| {
                Error::io(format!("copying {} to {}", src.display(), dst.display()), e)
            })?;
        }
    }
    Ok(())
}

/// The `index.html` of a client-only app: it loads `/<site-pkg-dir>/<output-name>.js` and calls
/// its default export, which instantiates the `.wasm` and runs the app's
/// `#[wasm_bindgen(start)]` function.
pub(crate) fn index_html(settings: &Settings) -> String {
    let pkg = settings.site_pkg_dir.trim_matches('/');
    let name = &settings.output_name;
    format!(
        r#"<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{name}</title>
    <link rel="modulepreload" href="/{pkg}/{name}.js">
    <link rel="preload" href="/{pkg}/{name}_bg.wasm" as="fetch" type="application/wasm" crossorigin>
  </head>
  <body>
    <script type="module">
      import init from "/{pkg}/{name}.js";
      init();
    </script>
  </body>
</html>
"#
    )
}

/// Writes [`index_html`] to `site_root/index.html`, unless the assets directory provides its own
/// `index.html` (then that one, already copied, is kept). Returns whether it wrote the file.
pub(crate) fn write_index_html(settings: &Settings) -> Result<bool, Error> {
    let own = settings
        .assets_dir
        .as_ref()
        .is_some_and(|dir| dir.join("index.html").is_file());
    if own {
        return Ok(false);
    }
    let path = settings.site_root.join("index.html");
    fs::write(&path, index_html(settings))
        .map_err(|e| Error::io(format!("writing {}", path.display()), e))?;
    Ok(true)
}

/// The size of one file of the bundle, raw and gzipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FileSize {
    /// The file.
    pub(crate) path: PathBuf,
    /// Its size in bytes.
    pub(crate) raw: u64,
    /// Its size gzipped (level 9), in bytes.
    pub(crate) gzip: u64,
}

/// The sizes of `paths`.
pub(crate) fn sizes(paths: &[PathBuf]) -> Result<Vec<FileSize>, Error> {
    paths
        .iter()
        .map(|path| {
            let bytes =
                fs::read(path).map_err(|e| Error::io(format!("reading {}", path.display()), e))?;
            Ok(FileSize {
                path: path.clone(),
                raw: bytes.len() as u64,
                gzip: gzip_len(&bytes),
            })
        })
        .collect()
}

fn gzip_len(bytes: &[u8]) -> u64 {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    // Writing to a Vec cannot fail.
    encoder.write_all(bytes).expect("gzip into memory");
    encoder.finish().expect("gzip into memory").len() as u64
}

/// `12345` as `12.1 KiB`.
pub(crate) fn human(bytes: u64) -> String {
    if bytes < 1024 {
        format!("{bytes} B")
    } else if bytes < 1024 * 1024 {
        format!("{:.1} KiB", bytes as f64 / 1024.0)
    } else {
        format!("{:.2} MiB", bytes as f64 / (1024.0 * 1024.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metadata::Mode;

    fn settings(root: &Path) -> Settings {
        Settings::for_tests(Mode::ClientOnly, root)
    }

    fn temp_dir(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("cargo-app-site-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn index_html_loads_the_bundle() {
        let html = index_html(&settings(Path::new("/site")));
        assert!(html.contains(r#"import init from "/pkg/my_app.js";"#));
        assert!(html.contains("init();"));
        assert!(html.contains(r#"href="/pkg/my_app_bg.wasm""#));
    }

    #[test]
    fn copies_assets_and_keeps_their_index_html() {
        let dir = temp_dir("assets");
        let assets = dir.join("public");
        fs::create_dir_all(assets.join("img")).unwrap();
        fs::write(assets.join("style.css"), "body {}").unwrap();
        fs::write(assets.join("img/logo.svg"), "<svg/>").unwrap();
        let site = dir.join("site");
        copy_dir(&assets, &site).unwrap();
        assert_eq!(
            fs::read_to_string(site.join("img/logo.svg")).unwrap(),
            "<svg/>"
        );

        let mut s = settings(&site);
        s.assets_dir = Some(assets.clone());
        assert!(write_index_html(&s).unwrap());
        assert!(fs::read_to_string(site.join("index.html"))
            .unwrap()
            .contains("my_app.js"));

        fs::write(assets.join("index.html"), "mine").unwrap();
        copy_dir(&assets, &site).unwrap();
        assert!(!write_index_html(&s).unwrap());
        assert_eq!(fs::read_to_string(site.join("index.html")).unwrap(), "mine");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn measures_sizes() {
        let dir = temp_dir("sizes");
        let file = dir.join("a.js");
        fs::write(&file, "a".repeat(10_000)).unwrap();
        let s = sizes(std::slice::from_ref(&file)).unwrap();
        assert_eq!(s[0].raw, 10_000);
        assert!(s[0].gzip < 200, "{}", s[0].gzip);
        assert_eq!(human(512), "512 B");
        assert_eq!(human(2048), "2.0 KiB");
        assert_eq!(human(3 * 1024 * 1024), "3.00 MiB");
        fs::remove_dir_all(&dir).unwrap();
    }
}
