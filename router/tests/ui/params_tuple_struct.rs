use leptos_router::params::Params;

#[derive(Params)]
struct ContactParams(usize);

fn main() {
    // No further error from the derive's failure.
    let _ = ContactParams::from_map(&Default::default());
}
