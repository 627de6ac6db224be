//! One suite of server-function behaviour, written once and run against every server
//! integration (`leptos_axum`, `leptos_actix`), so that they cannot drift apart.
//!
//! - [`functions`]: the server functions the suite calls. Where a function needs its
//!   integration's own API (`ResponseOptions`, `extract()`, `redirect()`), it calls a
//!   [`Hooks`] the integration's test provides as context.
//! - [`scenarios`]: one `async fn` per behaviour (a codec, an error status, the redirect
//!   protocol, ...), written over a [`Transport`]: "send this `http` request, get the
//!   status, headers and body back".
//! - [`conformance_suite!`]: instantiates every scenario as a test of the calling crate.
//!
//! An integration's test file implements [`Transport`] for its framework's test client,
//! writes an `app(options: AppOptions)` that builds its app (the catch-all server function
//! route, the body limit of `options`, and [`provide_suite_context`] as the additional
//! context), and expands the suite:
//!
//! ```ignore
//! integration_conformance::conformance_suite!(#[tokio::test], app);
//! ```

pub mod functions;
pub mod scenarios;

use std::future::Future;

use bytes::Bytes;
use http::{HeaderMap, Request, Response, StatusCode};

pub use functions::{provide_suite_context, Hooks};

/// What an integration's test client does: sends one request through the integration's
/// real router or app, and answers what came back.
pub trait Transport {
    /// Sends `req` and reads the whole response.
    fn send(&self, req: Request<Bytes>) -> impl Future<Output = Reply>;
}

/// How to build the app under test.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AppOptions {
    /// The server functions' body limit, if not the default (2 MB).
    pub body_limit: Option<usize>,
}

/// A response, read whole.
#[derive(Clone, Debug)]
pub struct Reply {
    /// The status.
    pub status: StatusCode,
    /// The headers.
    pub headers: HeaderMap,
    /// The body.
    pub body: Bytes,
}

impl Reply {
    /// The body as text (lossy).
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The reply as the `http::Response` a client decodes
    /// (`server_fn::client::decode_response`).
    pub fn into_response(self) -> Response<Bytes> {
        let mut response = Response::new(self.body);
        *response.status_mut() = self.status;
        *response.headers_mut() = self.headers;
        response
    }

    /// The values of header `name`, in order.
    pub fn all(&self, name: impl http::header::AsHeaderName) -> Vec<String> {
        self.headers
            .get_all(name)
            .iter()
            .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
            .collect()
    }
}

/// Instantiates every scenario of [`scenarios`] as a test in the calling crate:
/// `conformance_suite!(#[test_attribute], app)`, where `app` is an
/// `async fn(AppOptions) -> impl Transport` and the attribute is the runtime's test
/// attribute (`#[tokio::test]`, `#[actix_web::test]`).
#[macro_export]
macro_rules! conformance_suite {
    (# $attribute:tt, $app:path) => {
        $crate::__conformance_tests! {
            $attribute $app;
            add_with_post_url,
            add_with_get_url,
            add_with_json,
            a_malformed_body_answers_400_naming_the_field,
            a_malformed_query_answers_400_naming_the_field,
            an_unknown_path_answers_404,
            the_wrong_method_answers_405,
            a_body_over_the_limit_answers_413,
            a_panicking_function_answers_500_and_the_server_keeps_serving,
            a_server_error_answers_500_and_the_client_decodes_it,
            an_unknown_path_decodes_as_404_in_the_client,
            response_options_set_status_and_every_cookie,
            redirect_from_fetch_names_the_target_in_a_header,
            redirect_from_a_form_post_is_a_302,
            leptos_redirect_works_through_the_integration,
            a_form_post_without_redirect_goes_back_to_the_page,
            a_failed_form_post_goes_back_with_the_error,
            extract_reads_the_request,
            a_failing_extractor_is_an_error_not_a_panic,
            additional_context_reaches_the_function,
            a_method_route_reads_path_query_and_body,
        }
    };
}

/// The expansion of [`conformance_suite!`]: one test per scenario.
#[doc(hidden)]
#[macro_export]
macro_rules! __conformance_tests {
    ($attribute:tt $app:path; $($scenario:ident,)*) => {
        $(
            # $attribute
            async fn $scenario() {
                $crate::scenarios::$scenario($app).await
            }
        )*
    };
}
