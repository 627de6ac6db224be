//! Server functions: async Rust functions the browser calls over HTTP, with codecs, errors and the redirect protocol.
//!
//! **Not implemented yet.** This crate reserves its place in the workspace; its contents
//! arrive with issue #4. Nothing here is usable today.
