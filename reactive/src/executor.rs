//! The executor hook: where async work of the graph (actions, later resources) runs.
//!
//! In the browser futures run on the page's event loop (`wasm-bindgen-futures`); on the
//! server they run on the current tokio runtime. Either way, a spawned future keeps the
//! owner that was current when it was spawned, so the signals it writes and the effects
//! that follow run in the right place.

use crate::owner::Owner;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

/// Spawns a future that may run on any thread (on the server, a tokio worker).
///
/// # Panics
/// On the server, outside a tokio runtime: there is nothing to run the future on.
#[track_caller]
pub fn spawn(future: impl Future<Output = ()> + crate::sync::MaybeSend + 'static) {
    let future = ScopedFuture::new(future);
    #[cfg(target_arch = "wasm32")]
    wasm_bindgen_futures::spawn_local(future);
    #[cfg(not(target_arch = "wasm32"))]
    match tokio::runtime::Handle::try_current() {
        Ok(handle) => {
            handle.spawn(future);
        }
        Err(_) => panic!(
            "reactive_graph::spawn was called outside a tokio runtime, so there is nothing to \
             run the future on; on the server, call it from a task of the server's runtime \
             (for example inside a request handler or `#[tokio::main]`)"
        ),
    }
}

/// Spawns a future that must stay on this thread (in the browser, every future; on the
/// server, inside a `tokio::task::LocalSet`).
///
/// # Panics
/// On the server, outside a `LocalSet`.
#[track_caller]
pub fn spawn_local(future: impl Future<Output = ()> + 'static) {
    let future = ScopedFuture::new(future);
    #[cfg(target_arch = "wasm32")]
    wasm_bindgen_futures::spawn_local(future);
    #[cfg(not(target_arch = "wasm32"))]
    {
        tokio::task::spawn_local(future);
    }
}

/// A future that makes an owner current (and tracks nothing) while it is polled, so the
/// contexts it reads and the nodes it creates belong to that owner.
///
/// Integrations use it to run a server function inside the owner that holds the request's
/// context:
///
/// ```
/// use reactive_graph::{provide_context, use_context, Owner, ScopedFuture};
/// let owner = Owner::new_root();
/// owner.with(|| provide_context(7u32));
/// let read = ScopedFuture::with_owner(owner.clone(), async { use_context::<u32>() });
/// assert_eq!(futures::executor::block_on(read), Some(7));
/// owner.dispose();
/// ```
pub struct ScopedFuture<F> {
    owner: Option<Owner>,
    future: Pin<Box<F>>,
}

impl<F> std::fmt::Debug for ScopedFuture<F> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ScopedFuture")
            .field("owner", &self.owner)
            .finish_non_exhaustive()
    }
}

impl<F: Future> ScopedFuture<F> {
    /// Wraps `future` with the owner that is current now (if any).
    pub fn new(future: F) -> Self {
        ScopedFuture {
            owner: Owner::current(),
            future: Box::pin(future),
        }
    }

    /// Wraps `future` with `owner`.
    pub fn with_owner(owner: Owner, future: F) -> Self {
        ScopedFuture {
            owner: Some(owner),
            future: Box::pin(future),
        }
    }
}

impl<F: Future> Future for ScopedFuture<F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let this = &mut *self;
        let future = this.future.as_mut();
        match &this.owner {
            Some(owner) => owner.with(|| crate::untrack(|| future.poll(cx))),
            None => crate::untrack(|| future.poll(cx)),
        }
    }
}
