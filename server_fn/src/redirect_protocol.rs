//! The redirect protocol, server side (feature `ssr`): how an integration answers a
//! `redirect()` and a form posted without JavaScript. Every integration (`leptos_axum`,
//! `leptos_actix`) calls these functions, so they answer the same way.
//!
//! - A request made by the browser navigating (a page load, or a `<form>` posted without
//!   JavaScript) asks for HTML ([`wants_html`]). A `redirect(path)` during it is a
//!   `302 Found` with `Location: path`, which the browser follows.
//! - A `fetch` call asks for data: a `302` would be followed by `fetch` itself, into the
//!   target page's HTML. So the response stays a success and names the target in the
//!   [`REDIRECT_HEADER`] header, and the client navigates there. [`redirect_answer`] makes
//!   this choice.
//! - A form posted without JavaScript never shows the function's JSON: its answer becomes a
//!   redirect ([`answer_form_post`]): kept if the function redirected, otherwise `303 See
//!   Other` back to the page that posted (the `Referer`), with the error in the query
//!   ([`PATH_PARAM`], [`ERROR_PARAM`], [`STATUS_PARAM`]) when the call failed, where the
//!   page's `ServerAction` finds it.
//!
//! ```
//! use http::{header, HeaderMap, HeaderValue, StatusCode};
//! use server_fn::redirect_protocol::{redirect_answer, RedirectAnswer};
//!
//! let mut from_form = HeaderMap::new();
//! from_form.insert(header::ACCEPT, HeaderValue::from_static("text/html,*/*;q=0.8"));
//! let answer = redirect_answer("/home", Some(&from_form)).unwrap();
//! assert_eq!(answer.status(), Some(StatusCode::FOUND));
//! assert_eq!(answer.header_name(), header::LOCATION);
//!
//! let answer = redirect_answer("/home", None).unwrap(); // a fetch call
//! assert_eq!(answer, RedirectAnswer::Header(HeaderValue::from_static("/home")));
//! assert_eq!(answer.header_name(), "serverfnredirect");
//! ```

use std::fmt;

use bytes::Bytes;
use http::header::{self, HeaderName, HeaderValue};
use http::{HeaderMap, Response, StatusCode};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

pub use crate::client::REDIRECT_HEADER;
use crate::codec::ResponseBody;
use crate::handler::SERVER_FN_ERROR_HEADER;

pub use crate::form_error::{ERROR_PARAM, PATH_PARAM, STATUS_PARAM};

/// Whether a request was made by the browser navigating (a page load or a form posted
/// without JavaScript), which asks for HTML, rather than by `fetch`, which asks for data.
///
/// ```
/// use http::{header, HeaderMap, HeaderValue};
/// let mut headers = HeaderMap::new();
/// assert!(!server_fn::redirect_protocol::wants_html(&headers));
/// headers.insert(header::ACCEPT, HeaderValue::from_static("text/html,application/xhtml+xml"));
/// assert!(server_fn::redirect_protocol::wants_html(&headers));
/// ```
pub fn wants_html(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.contains("text/html"))
}

/// How a `redirect(path)` is answered, for the kind of request being served.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RedirectAnswer {
    /// `302 Found` with this `Location`: the browser is navigating and follows it.
    Found(HeaderValue),
    /// The [`REDIRECT_HEADER`] header with this target, status unchanged: the client called
    /// with `fetch` and navigates itself.
    Header(HeaderValue),
}

impl RedirectAnswer {
    /// The status the response must take, if any (`302` for [`RedirectAnswer::Found`]).
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Self::Found(_) => Some(StatusCode::FOUND),
            Self::Header(_) => None,
        }
    }

    /// The header that names the target: `Location`, or [`REDIRECT_HEADER`].
    pub fn header_name(&self) -> HeaderName {
        match self {
            Self::Found(_) => header::LOCATION,
            Self::Header(_) => HeaderName::from_static(REDIRECT_HEADER),
        }
    }

    /// The target, as a header value.
    pub fn value(&self) -> &HeaderValue {
        match self {
            Self::Found(value) | Self::Header(value) => value,
        }
    }
}

/// The target of a `redirect()` is not a valid header value (a newline or another control
/// character in it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvalidRedirect {
    /// The target given.
    pub path: String,
}

impl fmt::Display for InvalidRedirect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "cannot redirect to {:?}: it is not a valid header value; percent-encode control \
             characters and non-ASCII text in the URL",
            self.path
        )
    }
}

impl std::error::Error for InvalidRedirect {}

/// How to answer `redirect(path)` during a request with these headers (`None` when the
/// request's headers are not known, which is answered as for `fetch`).
///
/// # Errors
///
/// [`InvalidRedirect`] if `path` cannot be a header value.
pub fn redirect_answer(
    path: &str,
    request_headers: Option<&HeaderMap>,
) -> Result<RedirectAnswer, InvalidRedirect> {
    let value = HeaderValue::from_str(path).map_err(|_| InvalidRedirect {
        path: path.to_owned(),
    })?;
    if request_headers.is_some_and(wants_html) {
        Ok(RedirectAnswer::Found(value))
    } else {
        Ok(RedirectAnswer::Header(value))
    }
}

/// The characters `urlencoding` leaves as they are: letters, digits and `-_.~`.
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Turns the answer of server function `path` to a form posted without JavaScript into a
/// redirect the browser follows: kept as it is if it already is one (its body emptied),
/// otherwise `303 See Other` back to `referer`, with the error in the query if the call
/// failed. Without a `referer` there is nowhere to go back to, and the answer stays as it
/// is.
pub fn answer_form_post(
    response: &mut Response<ResponseBody>,
    path: &str,
    referer: Option<&HeaderValue>,
) {
    if response.status().is_redirection() && response.headers().contains_key(header::LOCATION) {
        response.headers_mut().remove(header::CONTENT_TYPE);
        *response.body_mut() = ResponseBody::Full(Bytes::new());
        return;
    }
    let Some(referer) = referer.and_then(|r| r.to_str().ok()) else {
        return;
    };
    let mut target = strip_error_params(referer);
    if response.headers().contains_key(SERVER_FN_ERROR_HEADER) || !response.status().is_success() {
        let error = response
            .body()
            .as_full()
            .map(|body| String::from_utf8_lossy(body).into_owned())
            .unwrap_or_default();
        target.push(if target.contains('?') { '&' } else { '?' });
        target.push_str(&format!(
            "{PATH_PARAM}={}&{ERROR_PARAM}={}&{STATUS_PARAM}={}",
            utf8_percent_encode(path, QUERY_VALUE),
            utf8_percent_encode(&error, QUERY_VALUE),
            response.status().as_u16()
        ));
    }
    let Ok(location) = HeaderValue::from_str(&target) else {
        return;
    };
    *response.status_mut() = StatusCode::SEE_OTHER;
    response.headers_mut().insert(header::LOCATION, location);
    response.headers_mut().remove(SERVER_FN_ERROR_HEADER);
    response.headers_mut().remove(header::CONTENT_TYPE);
    *response.body_mut() = ResponseBody::Full(Bytes::new());
}

/// A form posted without JavaScript (a request that [`wants_html`]) and the page it came
/// from: what [`answer_form_post`] needs, read from the request's headers before they move
/// into the call. Every integration answers such posts the same way through it.
///
/// ```
/// use http::{header, HeaderMap, HeaderValue};
/// use server_fn::redirect_protocol::FormPost;
/// let mut headers = HeaderMap::new();
/// headers.insert(header::REFERER, HeaderValue::from_static("http://h/todos"));
/// assert!(FormPost::from_headers(&headers).is_none(), "a fetch call is not a form post");
/// headers.insert(header::ACCEPT, HeaderValue::from_static("text/html"));
/// assert!(FormPost::from_headers(&headers).is_some());
/// ```
#[derive(Clone, Debug)]
pub struct FormPost {
    referer: Option<HeaderValue>,
}

impl FormPost {
    /// The form post `headers` describe, or `None` for a call made with `fetch`.
    pub fn from_headers(headers: &HeaderMap) -> Option<FormPost> {
        wants_html(headers).then(|| FormPost {
            referer: headers.get(header::REFERER).cloned(),
        })
    }

    /// [`answer_form_post`] for this post: the answer of server function `path` becomes a
    /// redirect the browser follows.
    pub fn answer(&self, response: &mut Response<ResponseBody>, path: &str) {
        answer_form_post(response, path, self.referer.as_ref());
    }
}

/// `referer` without the [`PATH_PARAM`], [`ERROR_PARAM`] and [`STATUS_PARAM`] of an earlier
/// failed post (and without empty pairs).
///
/// ```
/// use server_fn::redirect_protocol::strip_error_params;
/// assert_eq!(strip_error_params("http://h/todos?__err=x&page=2"), "http://h/todos?page=2");
/// ```
pub fn strip_error_params(referer: &str) -> String {
    let (base, query) = match referer.split_once('?') {
        Some((base, query)) => (base, query),
        None => return referer.to_owned(),
    };
    let kept: Vec<&str> = query
        .split('&')
        .filter(|pair| {
            let name = pair.split('=').next().unwrap_or_default();
            name != PATH_PARAM && name != ERROR_PARAM && name != STATUS_PARAM && !pair.is_empty()
        })
        .collect();
    if kept.is_empty() {
        base.to_owned()
    } else {
        format!("{base}?{}", kept.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn earlier_errors_are_dropped_from_the_referer() {
        assert_eq!(strip_error_params("http://h/todos"), "http://h/todos");
        assert_eq!(
            strip_error_params("http://h/todos?__path=%2Fapi%2Fx&__err=boom&page=2"),
            "http://h/todos?page=2"
        );
        assert_eq!(strip_error_params("http://h/?__err=x"), "http://h/");
    }

    #[test]
    fn failed_posts_go_back_with_the_error() {
        let mut response = Response::new(ResponseBody::Full(Bytes::from_static(
            br#"{"ServerError":"no"}"#,
        )));
        *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
        response
            .headers_mut()
            .insert(SERVER_FN_ERROR_HEADER, HeaderValue::from_static("/api/x"));
        answer_form_post(
            &mut response,
            "/api/x",
            Some(&HeaderValue::from_static("http://h/todos?page=2")),
        );
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            response.headers()[header::LOCATION],
            "http://h/todos?page=2&__path=%2Fapi%2Fx&__err=%7B%22ServerError%22%3A%22no%22%7D&__status=500"
        );
        assert!(!response.headers().contains_key(SERVER_FN_ERROR_HEADER));
        assert_eq!(response.body().as_full(), Some(&Bytes::new()));
    }

    #[test]
    fn a_redirect_is_kept_and_its_body_dropped() {
        let mut response = Response::new(ResponseBody::Full(Bytes::from_static(b"\"hi\"")));
        *response.status_mut() = StatusCode::FOUND;
        response
            .headers_mut()
            .insert(header::LOCATION, HeaderValue::from_static("/home"));
        answer_form_post(
            &mut response,
            "/api/x",
            Some(&HeaderValue::from_static("http://h/")),
        );
        assert_eq!(response.status(), StatusCode::FOUND);
        assert_eq!(response.headers()[header::LOCATION], "/home");
        assert_eq!(response.body().as_full(), Some(&Bytes::new()));
    }

    #[test]
    fn without_a_referer_the_answer_stays() {
        let mut response = Response::new(ResponseBody::Full(Bytes::from_static(b"4")));
        answer_form_post(&mut response, "/api/x", None);
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.body().as_full(), Some(&Bytes::from_static(b"4")));
    }

    #[test]
    fn a_bad_redirect_target_is_an_error_naming_it() {
        let error = redirect_answer("/a\nb", None).unwrap_err();
        assert!(error.to_string().contains("\"/a\\nb\""), "{error}");
    }
}
