//! Running actix-web extractors inside a server function.

use std::future::Future;

use actix_web::{FromRequest, HttpRequest};
use reactive_graph::use_context;
use send_wrapper::SendWrapper;
use server_fn::{HttpError, ServerFnError};

use crate::request::{status_to_http, Request};

/// Runs the actix-web extractor `T` (or a tuple of them) on the current request, from
/// inside a server function or a component during server rendering: `web::Query<T>`,
/// `web::Data<T>` (the app's data), `ConnectionInfo`, `HttpRequest`, headers, ...
///
/// ```
/// use actix_web::dev::ConnectionInfo;
/// use actix_web::web::Query;
/// use leptos::prelude::*;
/// use serde::Deserialize;
///
/// #[derive(Deserialize, Debug)]
/// struct MyQuery {
///     foo: String,
/// }
///
/// #[server]
/// pub async fn actix_extract() -> Result<String, ServerFnError> {
///     let (Query(search), connection): (Query<MyQuery>, ConnectionInfo) =
///         leptos_actix::extract().await?;
///     Ok(format!("search = {search:?}\nconnection = {connection:?}"))
/// }
/// ```
///
/// Extractors that read the body (`web::Json`, `web::Form`, `Bytes`) see an empty one: the
/// server function's arguments already consumed it.
///
/// # Errors
///
/// [`ServerFnError::ServerError`] outside a request served by `leptos_actix` (no
/// [`Request`] in the context); [`ServerFnError::Http`] with the rejection's status and
/// message when the extractor refuses the request (a malformed query, missing app data).
pub async fn extract<T>() -> Result<T, ServerFnError>
where
    T: FromRequest,
{
    let req = use_context::<Request>().ok_or_else(no_request::<T>)?;
    run_extractor::<T>(req).await
}

/// `T::extract` on `req`, as a future that may be awaited inside a server function (whose
/// future must be `Send`): actix-web's request is not, so the extraction is wrapped in a
/// [`SendWrapper`], which is sound because actix-web polls a request's futures on the
/// worker thread that received it.
fn run_extractor<T: FromRequest>(
    req: Request,
) -> SendWrapper<impl Future<Output = Result<T, ServerFnError>>> {
    let req: HttpRequest = req.into_inner();
    SendWrapper::new(async move {
        T::extract(&req).await.map_err(|rejection| {
            let error: actix_web::Error = rejection.into();
            let status = status_to_http(error.as_response_error().status_code());
            let name = std::any::type_name::<T>();
            ServerFnError::Http(HttpError::new(
                status,
                format!("the request was rejected by the `{name}` extractor: {error}"),
            ))
        })
    })
}

fn no_request<T>() -> ServerFnError {
    ServerFnError::ServerError(format!(
        "cannot extract `{}`: there is no request in the context; extractors work while a \
         server function answers a request served by `leptos_actix` (or a page renders)",
        std::any::type_name::<T>()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::dev::ConnectionInfo;
    use actix_web::test::TestRequest;
    use actix_web::web;
    use reactive_graph::{provide_context, Owner, ScopedFuture};

    fn in_request<F: Future>(req: Option<HttpRequest>, future: F) -> F::Output {
        let owner = Owner::new_root();
        if let Some(req) = req {
            owner.with(|| provide_context(Request::new(&req)));
        }
        let output = futures::executor::block_on(ScopedFuture::with_owner(owner.clone(), future));
        owner.dispose();
        output
    }

    #[test]
    fn extract_runs_the_extractor_on_the_request_in_context() {
        let req = TestRequest::get()
            .insert_header(("x-token", "abc"))
            .to_http_request();
        let req = in_request(Some(req), extract::<HttpRequest>()).unwrap();
        assert_eq!(req.headers().get("x-token").unwrap(), "abc");
        let req = TestRequest::get().uri("/x?n=3").to_http_request();
        let (web::Query(n), connection) =
            in_request(Some(req), extract::<(web::Query<Num>, ConnectionInfo)>()).unwrap();
        assert_eq!(n.n, 3);
        assert_eq!(connection.scheme(), "http");
    }

    #[test]
    fn a_rejection_keeps_its_status_and_message() {
        let req = TestRequest::get().uri("/x?n=three").to_http_request();
        let error = in_request(Some(req), extract::<web::Query<Num>>()).unwrap_err();
        match error {
            ServerFnError::Http(error) => {
                assert_eq!(error.status(), http::StatusCode::BAD_REQUEST);
                assert!(error.message().contains("`actix_web::types::query::Query<"));
                assert!(error.message().contains("invalid digit"), "{error}");
            }
            other => panic!("{other:?}"),
        }
        let req = TestRequest::get().to_http_request();
        let error = in_request(Some(req), extract::<web::Data<u32>>()).unwrap_err();
        assert!(
            matches!(&error, ServerFnError::Http(e) if e.status() == http::StatusCode::INTERNAL_SERVER_ERROR),
            "{error:?}"
        );
    }

    #[test]
    fn without_a_request_the_error_says_so() {
        let error = in_request(None, extract::<HttpRequest>()).unwrap_err();
        assert!(
            matches!(&error, ServerFnError::ServerError(m) if m.contains("no request in the context")),
            "{error:?}"
        );
    }

    #[derive(serde::Deserialize, Debug)]
    struct Num {
        n: u32,
    }
}
