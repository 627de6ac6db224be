use leptos_router::params::Params;

#[derive(Params)]
enum Tab {
    Notes,
    Info,
}

fn main() {}
