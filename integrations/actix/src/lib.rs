//! The actix-web integration: server functions, SSR routes, extractors, response options and redirects.
//!
//! **Not implemented yet.** This crate reserves its place in the workspace; its contents
//! arrive with issue #8. Nothing here is usable today.
