//! Logging in and out: a `user` cookie set and read by server functions.
//!
//! Deliberately simple (the name is the whole session); what the example shows is the
//! routing around it: the admin page is a protected route, logging in redirects to it
//! (client-side when JavaScript runs, with a `302` when it does not).

use leptos::prelude::*;

/// The name of the cookie that holds the logged-in user's name.
#[cfg(feature = "ssr")]
const COOKIE: &str = "user";

/// The logged-in user's name, if any.
#[server]
pub async fn current_user() -> Result<Option<String>, ServerFnError> {
    let parts = use_context::<http::request::Parts>();
    let cookies = parts
        .as_ref()
        .and_then(|parts| parts.headers.get(http::header::COOKIE))
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default();
    Ok(cookies.split(';').find_map(|cookie| {
        let (name, value) = cookie.trim().split_once('=')?;
        (name == COOKIE && !value.is_empty()).then(|| value.to_string())
    }))
}

/// Logs in as `name` (letters and digits), then goes to the admin page.
#[server]
pub async fn log_in(name: String) -> Result<(), ServerFnError> {
    let name = name.trim();
    if name.is_empty() || name.len() > 40 || !name.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(ServerFnError::new("a name has 1 to 40 letters or digits"));
    }
    set_cookie(&format!("{COOKIE}={name}; Path=/; HttpOnly; SameSite=Lax"))?;
    leptos_axum::redirect("/admin");
    Ok(())
}

/// Logs out, then goes home.
#[server]
pub async fn log_out() -> Result<(), ServerFnError> {
    set_cookie(&format!(
        "{COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"
    ))?;
    leptos_axum::redirect("/");
    Ok(())
}

#[cfg(feature = "ssr")]
fn set_cookie(cookie: &str) -> Result<(), ServerFnError> {
    let response = use_context::<leptos_axum::ResponseOptions>()
        .ok_or_else(|| ServerFnError::new("no response to set the cookie on"))?;
    let value = http::HeaderValue::from_str(cookie)
        .map_err(|_| ServerFnError::new("the cookie is not a valid header value"))?;
    response.append_header(http::header::SET_COOKIE, value);
    Ok(())
}
