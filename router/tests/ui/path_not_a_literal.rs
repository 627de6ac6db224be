use leptos_router::path;

fn main() {
    let pattern = "/contacts";
    let _ = path!(pattern);
}
