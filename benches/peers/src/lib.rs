//! Peer benchmarks live in `benches/reactive.rs`.
