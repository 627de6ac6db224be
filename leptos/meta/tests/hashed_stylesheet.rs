//! `HashedStylesheet`: the link to the site's stylesheet, named from the app's settings. Our
//! build tool does not hash file names, so the link is to the unhashed file.

use leptos::prelude::*;
use leptos_meta::*;

fn render(view: impl Fn() -> View + 'static) -> String {
    leptos::ssr::render_to_string(view)
}

#[test]
fn links_the_output_names_css_in_the_pkg_dir() {
    let options = LeptosOptions {
        output_name: "app".into(),
        ..Default::default()
    };
    let page = render(move || view! { <HashedStylesheet options=options.clone()/> }.into_view());
    assert!(
        page.contains(r#"<link rel="stylesheet" href="/pkg/app.css">"#),
        "{page}"
    );
}

#[test]
fn the_id_the_root_and_the_pkg_dir_are_in_the_link() {
    let options = LeptosOptions {
        output_name: "shop".into(),
        site_pkg_dir: "static/pkg".into(),
        ..Default::default()
    };
    let page = render(move || {
        view! {
            <HashedStylesheet options=options.clone() id="leptos" root="https://cdn.example.com/"/>
        }
        .into_view()
    });
    assert!(
        page.contains(
            r#"<link rel="stylesheet" id="leptos" href="https://cdn.example.com/static/pkg/shop.css">"#
        ),
        "{page}"
    );
}

#[test]
fn the_link_is_written_where_it_stands_not_moved_into_the_head() {
    let options = LeptosOptions {
        output_name: "app".into(),
        ..Default::default()
    };
    let page = render(move || {
        view! {
            <html>
                <head><MetaTags/></head>
                <body><HashedStylesheet options=options.clone()/><Stylesheet href="/other.css"/></body>
            </html>
        }
        .into_view()
    });
    let link = r#"<link rel="stylesheet" href="/pkg/app.css">"#;
    let body = page.find("<body>").expect("a body");
    assert_eq!(page.matches(link).count(), 1, "{page}");
    assert!(page.find(link).unwrap() > body, "{page}");
    // The other components' content still goes into the head.
    assert!(page.find("/other.css").unwrap() < body, "{page}");
}
