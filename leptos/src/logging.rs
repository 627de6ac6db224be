//! Printing from code that runs in both places: in the browser to the developer console, on
//! the server to the process's standard output (`log!`) or standard error (`warn!`,
//! `error!`).
//!
//! ```
//! use leptos::logging::{error, log, warn};
//!
//! let todos = 3;
//! log!("{todos} todos loaded");
//! warn!("the list is long: {todos}");
//! error!("could not save todo {}", 4);
//! ```

/// Formats its arguments as `format!` does and prints them as a log line: `console.log` in
/// the browser, standard output on the server.
#[macro_export]
macro_rules! log {
    ($($arg:tt)*) => {
        $crate::logging::console_log(&::std::format!($($arg)*))
    };
}

/// Formats its arguments as `format!` does and prints them as a warning: `console.warn` in
/// the browser, standard error on the server.
#[macro_export]
macro_rules! warn {
    ($($arg:tt)*) => {
        $crate::logging::console_warn(&::std::format!($($arg)*))
    };
}

/// Formats its arguments as `format!` does and prints them as an error: `console.error` in
/// the browser, standard error on the server.
#[macro_export]
macro_rules! error {
    ($($arg:tt)*) => {
        $crate::logging::console_error(&::std::format!($($arg)*))
    };
}

/// Like [`warn!`], in debug builds only; in release builds it prints nothing (the arguments
/// are still type-checked).
#[macro_export]
macro_rules! debug_warn {
    ($($arg:tt)*) => {
        if ::std::cfg!(debug_assertions) {
            $crate::logging::console_warn(&::std::format!($($arg)*))
        }
    };
}

pub use crate::{debug_warn, error, log, warn};

/// Prints `message` as a log line: `console.log` in the browser, standard output on the
/// server.
pub fn console_log(message: &str) {
    #[cfg(target_arch = "wasm32")]
    web_sys::console::log_1(&message.into());
    #[cfg(not(target_arch = "wasm32"))]
    println!("{message}");
}

/// Prints `message` as a warning: `console.warn` in the browser, standard error on the
/// server.
pub fn console_warn(message: &str) {
    #[cfg(target_arch = "wasm32")]
    web_sys::console::warn_1(&message.into());
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("{message}");
}

/// Prints `message` as an error: `console.error` in the browser, standard error on the
/// server.
pub fn console_error(message: &str) {
    #[cfg(target_arch = "wasm32")]
    web_sys::console::error_1(&message.into());
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("{message}");
}

/// Makes a panic in the browser print its message, and where it happened, with
/// `console.error`. Without it a panicking app shows only the browser's "unreachable" error,
/// and the message (a misused signal, say) is lost.
///
/// The mount functions ([`mount_to_body`](crate::mount::mount_to_body),
/// [`mount_to`](crate::mount::mount_to) and, with `hydrate`, `hydrate_body`) call it in
/// debug builds. Call it at the start of `main` to keep the messages in a release build too:
/// the message formatting then stays in the bundle. A panic hook set before it still runs
/// after it. Calling it again does nothing; on the server it does nothing (panics are
/// written to standard error there).
///
/// ```no_run
/// leptos::logging::show_panics_in_console();
/// ```
pub fn show_panics_in_console() {
    #[cfg(target_arch = "wasm32")]
    {
        static INSTALLED: std::sync::Once = std::sync::Once::new();
        INSTALLED.call_once(|| {
            let previous = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                // "panicked at src/app.rs:12:5:\n<the message>"
                console_error(&info.to_string());
                previous(info);
            }));
        });
    }
}

/// Prints `message` as a warning in debug builds only.
pub fn console_debug_warn(message: &str) {
    if cfg!(debug_assertions) {
        console_warn(message);
    }
}
