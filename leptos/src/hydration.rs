//! The pieces of a server-rendered document that start the browser bundle: for an app that
//! writes its own document shell, as Leptos apps do.
//!
//! ```
//! use leptos::prelude::*;
//! use leptos::config::LeptosOptions;
//!
//! #[component]
//! fn App() -> impl IntoView {
//!     view! { <p>"Hello"</p> }
//! }
//!
//! fn shell(options: LeptosOptions) -> impl IntoView {
//!     view! {
//!         <!DOCTYPE html>
//!         <html lang="en">
//!             <head>
//!                 <meta charset="utf-8"/>
//!                 <AutoReload options=options.clone()/>
//!                 <HydrationScripts options/>
//!             </head>
//!             <body>
//!                 <App/>
//!             </body>
//!         </html>
//!     }
//! }
//!
//! let options = LeptosOptions { output_name: "todo".into(), ..Default::default() };
//! let page = leptos::ssr::render_to_string(move || shell(options));
//! assert!(page.contains("import init, { hydrate } from '/pkg/todo.js'"));
//! assert!(page.contains("<body><!--[--><p>Hello</p><!--]--></body>"));
//! ```

use crate::component;
use crate::config::LeptosOptions;
use crate::view::{IntoView, View};
use std::cell::RefCell;
use std::sync::Arc;

/// The `<head>` tags that preload the wasm bundle and, once it is loaded, call its
/// `hydrate` export (which should call [`hydrate_body`](crate::mount::hydrate_body)).
pub fn hydration_scripts(pkg_path: &str, output_name: &str) -> String {
    scripts(pkg_path, output_name, false)
}

/// The `<head>` tags that load the wasm bundle of an app in islands mode: once it is loaded,
/// they call its `hydrate` export if it has one (which should call
/// [`hydrate_islands`](crate::mount::hydrate_islands)), then hydrate each
/// `<leptos-island>` of the page with the function the bundle exports for it (see
/// [`crate::island`]). An island inside another island's own view is hydrated with it; one
/// inside its `children` on its own.
pub fn island_hydration_scripts(pkg_path: &str, output_name: &str) -> String {
    scripts(pkg_path, output_name, true)
}

/// What runs once the bundle is loaded in islands mode: the `hydrate` export, then each
/// island's export (`app` is the bundle's module).
const HYDRATE_ISLANDS: &str = "{app.hydrate?.();\
for (const island of document.querySelectorAll('leptos-island')) {\
const up = island.parentElement.closest('leptos-island,leptos-children');\
if (up && up.localName === 'leptos-island') continue;\
const hydrate = app[island.dataset.component];\
if (hydrate) hydrate(island);\
else console.error(`the bundle has no ${island.dataset.component}: was it built from the same code as the server?`);\
}}";

fn scripts(pkg_path: &str, output_name: &str, islands: bool) -> String {
    let pkg = pkg_path.trim_end_matches('/');
    let (import, then) = if islands {
        ("import init, * as app from '", HYDRATE_ISLANDS)
    } else {
        ("import init, { hydrate } from '", "hydrate()")
    };
    // Built with `push_str` rather than `format!`: it is written into every page.
    let mut out = String::with_capacity(400 + then.len() + 4 * (pkg.len() + output_name.len()));
    for piece in [
        "<link rel=\"modulepreload\" href=\"",
        pkg,
        "/",
        output_name,
        ".js\"/><link rel=\"preload\" href=\"",
        pkg,
        "/",
        output_name,
        "_bg.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin=\"\"/>\
         <script type=\"module\">",
        import,
        pkg,
        "/",
        output_name,
        ".js'; init({ module_or_path: '",
        pkg,
        "/",
        output_name,
        "_bg.wasm' }).then(() => ",
        then,
        ");</script>",
    ] {
        out.push_str(piece);
    }
    out
}

/// Writes the [`hydration_scripts`] for the bundle `options` name, in a document shell's
/// `<head>`.
#[component]
pub fn HydrationScripts(
    /// The app's settings: the bundle's name and where it is served.
    options: LeptosOptions,
    /// Whether the app is in islands mode: the scripts then hydrate each `#[island]` of the
    /// page instead of the whole page ([`island_hydration_scripts`]).
    #[prop(optional)]
    islands: bool,
) -> impl IntoView {
    View::raw_html_shared(shared_hydration_scripts(&options, islands))
}

/// The [`hydration_scripts`] (or, for `islands`, the [`island_hydration_scripts`]) for
/// `options`, made once per thread for the bundle last asked for: a server writes the same
/// scripts into every page it renders.
fn shared_hydration_scripts(options: &LeptosOptions, islands: bool) -> Arc<str> {
    /// The bundle's directory and name, whether in islands mode, and their scripts.
    type Cached = (Arc<str>, Arc<str>, bool, Arc<str>);
    thread_local! {
        static LAST: RefCell<Option<Cached>> = const { RefCell::new(None) };
    }
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        if let Some((pkg_dir, name, for_islands, scripts)) = &*last {
            if **pkg_dir == *options.site_pkg_dir
                && **name == *options.output_name
                && *for_islands == islands
            {
                return scripts.clone();
            }
        }
        let scripts: Arc<str> = scripts(&options.pkg_path(), &options.output_name, islands).into();
        *last = Some((
            options.site_pkg_dir.clone(),
            options.output_name.clone(),
            islands,
            scripts.clone(),
        ));
        scripts
    })
}

/// Accepted for compatibility with Leptos's development reload socket, which this
/// framework does not have (the build tool restarts the server instead): renders nothing.
#[component]
pub fn AutoReload(
    /// The app's settings.
    #[prop(optional)]
    options: Option<LeptosOptions>,
    /// Ignored.
    #[prop(optional)]
    disable_watch: bool,
) -> impl IntoView {
    let _ = (options, disable_watch);
    View::fragment(Vec::new())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_scripts_name_the_bundle_under_its_path() {
        let (pkg, name) = ("/pkg", "todo");
        let expected = format!(
            "<link rel=\"modulepreload\" href=\"{pkg}/{name}.js\"/>\
             <link rel=\"preload\" href=\"{pkg}/{name}_bg.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin=\"\"/>\
             <script type=\"module\">import init, {{ hydrate }} from '{pkg}/{name}.js'; \
             init({{ module_or_path: '{pkg}/{name}_bg.wasm' }}).then(() => hydrate());</script>"
        );
        assert_eq!(super::hydration_scripts("/pkg/", "todo"), expected);
        assert_eq!(super::hydration_scripts("/pkg", "todo"), expected);
    }

    #[test]
    fn the_component_writes_the_scripts_of_the_bundle_it_is_given_each_time() {
        use crate::config::LeptosOptions;
        let options = |dir: &str, name: &str| LeptosOptions {
            site_pkg_dir: dir.into(),
            output_name: name.into(),
            ..LeptosOptions::default()
        };
        // Twice the same (the second from the thread's cache), then another bundle, then
        // the first again: each page names its own bundle.
        for (dir, name) in [
            ("pkg", "todo"),
            ("pkg", "todo"),
            ("assets", "blog"),
            ("pkg", "todo"),
        ] {
            let shared = super::shared_hydration_scripts(&options(dir, name), false);
            assert_eq!(&*shared, super::hydration_scripts(&format!("/{dir}"), name));
            let islands = super::shared_hydration_scripts(&options(dir, name), true);
            assert_eq!(
                &*islands,
                super::island_hydration_scripts(&format!("/{dir}"), name)
            );
        }
    }
}
