use leptos_router::path;

fn main() {
    let _ = path!("/users/:id/posts/:id");
}
