use leptos_router::path;

fn main() {
    let _ = path!("/files/*rest/edit");
}
