//! The axum integration: server functions, SSR routes, extractors, response options and redirects.
//!
//! **Not implemented yet.** This crate reserves its place in the workspace; its contents
//! arrive with issue #4. Nothing here is usable today.
