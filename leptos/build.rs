//! Decides which rendering code this build of `leptos` contains.
//!
//! - `render_html` (writing views as HTML): on the server, always; in the browser only with
//!   the `ssr` feature, so a client bundle carries no server-rendering code.
//! - `hydration` (taking over server HTML): on the server, always (it is tested there); in
//!   the browser only with the `hydrate` feature, so a client-only bundle carries none.

fn main() {
    println!("cargo::rustc-check-cfg=cfg(render_html)");
    println!("cargo::rustc-check-cfg=cfg(hydration)");
    let browser = std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32");
    if !browser || std::env::var_os("CARGO_FEATURE_SSR").is_some() {
        println!("cargo::rustc-cfg=render_html");
    }
    if !browser || std::env::var_os("CARGO_FEATURE_HYDRATE").is_some() {
        println!("cargo::rustc-cfg=hydration");
    }
}
