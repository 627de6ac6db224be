use leptos_router::params::Params;

struct Point {
    x: i32,
}

#[derive(Params)]
struct MapParams {
    zoom: u8,
    center: Option<Point>,
}

fn main() {}
