//! The SSR peer benchmark lives in `benches/ssr.rs`; the two sides in `ours/` and `anchor/`.
