//! [`HashedStylesheet`]: the link to the site's own stylesheet, named from the app's
//! settings.

use leptos::prelude::*;

/// A `<link rel="stylesheet">` to the site's stylesheet, `{output_name}.css` in the bundle's
/// directory: `/{site_pkg_dir}/{output_name}.css`, after `root` if one is given. Meant for the
/// `<head>` of the server's shell (where the [`LeptosOptions`] are at hand), and, unlike the
/// other components here, written where it stands rather than moved into the head.
///
/// In Leptos, the build tool can put a hash of the file's content in its name (cargo-leptos's
/// `hash-files`), and this component reads the hash back to link the right file. Our build
/// tool (`cargo app`) does not hash file names, so the link is always to the unhashed file
/// (and [`LeptosOptions`] has no hash settings to read). `cargo app` does not compile a
/// `style-file` either: the app puts the file there itself, for instance as
/// `{assets-dir}/{site-pkg-dir}/{output-name}.css`, which the build copies into the site.
///
/// ```
/// use leptos::prelude::*;
/// use leptos_meta::*;
///
/// let options = LeptosOptions { output_name: "shop".into(), ..Default::default() };
/// let page = leptos::ssr::render_to_string(move || view! {
///     <!DOCTYPE html>
///     <html>
///         <head>
///             <HashedStylesheet options=options.clone() id="leptos"/>
///             <MetaTags/>
///         </head>
///         <body><Title text="Shop"/></body>
///     </html>
/// });
/// let link = r#"<link rel="stylesheet" id="leptos" href="/pkg/shop.css">"#;
/// let at = |html: &str| page.find(html).expect(html);
/// // Where it stands: in the head, before the head content of the page's components.
/// assert!(at("<head>") < at(link) && at(link) < at("<title>Shop</title>"), "{page}");
/// ```
#[component]
pub fn HashedStylesheet(
    /// The app's settings: the stylesheet is `{output_name}.css` in `site_pkg_dir`.
    options: LeptosOptions,
    /// The link's `id`.
    #[prop(optional, into)]
    id: Option<String>,
    /// What goes before the path in the link, to load the file from another origin or base
    /// path (`https://cdn.example.com`, `/shop`); a trailing `/` is dropped.
    #[prop(optional, into)]
    root: Option<String>,
) -> impl IntoView {
    let href = stylesheet_href(&options, root.as_deref().unwrap_or_default());
    view! { <link id=id rel="stylesheet" href=href/> }
}

/// Where the site's stylesheet is: `{root}/{site_pkg_dir}/{output_name}.css`.
fn stylesheet_href(options: &LeptosOptions, root: &str) -> String {
    format!(
        "{}{}/{}.css",
        root.trim_end_matches('/'),
        options.pkg_path(),
        options.output_name
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_href_is_the_output_name_in_the_pkg_dir_after_the_root() {
        let options = LeptosOptions {
            output_name: "shop".into(),
            site_pkg_dir: "/assets/pkg/".into(),
            ..Default::default()
        };
        assert_eq!(stylesheet_href(&options, ""), "/assets/pkg/shop.css");
        assert_eq!(
            stylesheet_href(&options, "https://cdn.example.com/"),
            "https://cdn.example.com/assets/pkg/shop.css"
        );
        assert_eq!(
            stylesheet_href(&options, "/base"),
            "/base/assets/pkg/shop.css"
        );
    }
}
