//! The executor hook: where async work of the graph (actions, later resources) runs.
//!
//! In the browser futures run on the page's event loop (`wasm-bindgen-futures`); on the
//! server they run on the current tokio runtime. Either way, a spawned future keeps the
//! owner that was current when it was spawned, so the signals it writes and the effects
//! that follow run in the right place.

use crate::owner::Owner;
use crate::sync::{Lock, Shared};
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

/// Waits until the executor has run the tasks spawned before this call once more: a task
/// spawned now completes, then this returns. Tests use it to let spawned work (an action, a
/// resource's load) make progress before they check its result.
///
/// In the browser it waits for the page's microtask queue; on the server, for a turn of the
/// tokio runtime.
///
/// # Panics
/// On the server, outside a tokio runtime (as [`spawn`]).
///
/// ```
/// use reactive_graph::prelude::*;
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let (done, set_done) = signal(false);
/// reactive_graph::spawn(async move { set_done.set(true) });
/// assert!(!done.get_untracked(), "spawned, not run yet");
/// reactive_graph::tick().await;
/// assert!(done.get_untracked());
/// # });
/// ```
pub async fn tick() {
    let ticked = Shared::new(Lock::new(Tick::default()));
    let mark = ticked.clone();
    let run = async move {
        let mut tick = mark.lock();
        tick.done = true;
        if let Some(waker) = tick.waker.take() {
            waker.wake();
        }
    };
    #[cfg(target_arch = "wasm32")]
    spawn_local(run);
    #[cfg(not(target_arch = "wasm32"))]
    spawn(run);
    std::future::poll_fn(|cx| {
        let mut tick = ticked.lock();
        if tick.done {
            Poll::Ready(())
        } else {
            tick.waker = Some(cx.waker().clone());
            Poll::Pending
        }
    })
    .await
}

/// Whether the task of [`tick`] ran, and who waits for it.
#[derive(Default)]
struct Tick {
    done: bool,
    waker: Option<std::task::Waker>,
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
