//! See `benches/matching.rs`.
