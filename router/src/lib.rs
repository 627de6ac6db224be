//! The router: nested routes, params and query, links and navigation, on the server and in the browser.
//!
//! **Not implemented yet.** This crate reserves its place in the workspace; its contents
//! arrive with issue #5. Nothing here is usable today.
