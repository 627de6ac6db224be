use leptos_router::path;

fn main() {
    let _ = path!("/contacts//:id");
}
