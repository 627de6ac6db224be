use leptos_router::path;

fn main() {
    // Two mistakes in two paths: both are reported.
    let _ = path!("/users/:user-id");
    let _ = path!("/search?q=1");
}
