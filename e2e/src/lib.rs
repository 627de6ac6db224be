//! End-to-end tests: headless Chromium driving the example apps over loopback.
//!
//! **Not implemented yet.** The first browser tests arrive with the rendering issue (#3),
//! together with the first example app to drive. Nothing here runs today.
