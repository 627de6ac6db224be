//! Actions: async work started by the user (a click, a form post), with its state in
//! signals.

use crate::executor;
use crate::memo::Memo;
use crate::signal::RwSignal;
use crate::stored::StoredValue;
use crate::sync::{MaybeSend, MaybeSync, Shared, ThreadBound};
use crate::traits::{Get, Set, Update, WithUntracked};
use std::future::Future;

/// The dispatcher an action stores: starts the work for one input, reporting the output to
/// the completion callback.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) type Dispatcher<I, O> = Shared<dyn Fn(&I, Completion<O>) + Send + Sync>;
#[cfg(target_arch = "wasm32")]
pub(crate) type Dispatcher<I, O> = Shared<dyn Fn(&I, Completion<O>)>;

/// Called with the output of one dispatch.
pub(crate) type Completion<O> = Box<dyn FnOnce(O) + Send>;

/// A dispatcher that spawns `action`'s future on the runtime (any thread on the server).
pub(crate) fn spawning_dispatcher<I, O, F, Fut>(action: F) -> Dispatcher<I, O>
where
    I: 'static,
    O: 'static,
    F: Fn(&I) -> Fut + MaybeSend + MaybeSync + 'static,
    Fut: Future<Output = O> + MaybeSend + 'static,
{
    Shared::new(move |input: &I, done: Completion<O>| {
        let work = action(input);
        executor::spawn(async move { done(work.await) });
    })
}

/// A dispatcher that spawns `action`'s future on the dispatching thread.
pub(crate) fn local_dispatcher<I, O, F, Fut>(action: F) -> Dispatcher<I, O>
where
    I: 'static,
    O: 'static,
    F: Fn(&I) -> Fut + 'static,
    Fut: Future<Output = O> + 'static,
{
    let action = ThreadBound::new(action);
    Shared::new(move |input: &I, done: Completion<O>| {
        let work = (action.get())(input);
        executor::spawn_local(async move { done(work.await) });
    })
}

/// Async work started by an event, such as calling a server function when a form is
/// submitted. Its state lives in signals: the input in flight, the latest output, whether
/// it is pending, and how many dispatches have completed.
///
/// When dispatches overlap, the newest wins: an older dispatch that finishes later does not
/// overwrite the newer one's result.
///
/// ```
/// use reactive_graph::prelude::*;
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let add_one = Action::new(|n: &i32| {
///     let n = *n;
///     async move { n + 1 }
/// });
/// add_one.dispatch(41);
/// assert!(add_one.pending().get());
/// # tokio::task::yield_now().await;
/// # tokio::task::yield_now().await;
/// assert_eq!(add_one.value().get(), Some(42));
/// assert_eq!(add_one.version().get(), 1);
/// # });
/// ```
pub struct Action<I, O> {
    input: RwSignal<Option<I>>,
    value: RwSignal<Option<O>>,
    version: RwSignal<usize>,
    in_flight: RwSignal<usize>,
    pending: Memo<bool>,
    latest: StoredValue<u64>,
    dispatcher: StoredValue<Dispatcher<I, O>>,
}

impl<I, O> Clone for Action<I, O> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<I, O> Copy for Action<I, O> {}

impl<I, O> std::fmt::Debug for Action<I, O> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Action")
            .field("input", &std::any::type_name::<I>())
            .field("output", &std::any::type_name::<O>())
            .finish_non_exhaustive()
    }
}

impl<I, O> Action<I, O>
where
    I: MaybeSend + MaybeSync + 'static,
    O: MaybeSend + MaybeSync + 'static,
{
    /// Creates an action from a function of the input that returns the work to do. The
    /// future may run on any thread of the server's runtime.
    #[track_caller]
    pub fn new<F, Fut>(action: F) -> Self
    where
        F: Fn(&I) -> Fut + MaybeSend + MaybeSync + 'static,
        Fut: Future<Output = O> + MaybeSend + 'static,
    {
        Self::with_dispatcher(spawning_dispatcher(action))
    }

    /// Creates an action whose future need not be `Send`: it runs on the thread that
    /// dispatches it (in the browser, always the case; on the server, inside a
    /// `tokio::task::LocalSet`).
    #[track_caller]
    pub fn new_local<F, Fut>(action: F) -> Self
    where
        F: Fn(&I) -> Fut + 'static,
        Fut: Future<Output = O> + 'static,
    {
        Self::with_dispatcher(local_dispatcher(action))
    }

    /// The same as [`Action::new_local`] (Leptos's name for an action whose future is not
    /// `Send`).
    #[track_caller]
    pub fn new_unsync<F, Fut>(action: F) -> Self
    where
        F: Fn(&I) -> Fut + 'static,
        Fut: Future<Output = O> + 'static,
    {
        Self::new_local(action)
    }

    #[track_caller]
    fn with_dispatcher(dispatcher: Dispatcher<I, O>) -> Self {
        let in_flight = RwSignal::new(0usize);
        Action {
            input: RwSignal::new(None),
            value: RwSignal::new(None),
            version: RwSignal::new(0),
            in_flight,
            pending: Memo::new(move |_| in_flight.get() > 0),
            latest: StoredValue::new(0),
            dispatcher: StoredValue::new(dispatcher),
        }
    }

    /// Starts the work for `input`. Until it completes, `input()` holds it and `pending()`
    /// is `true`; then `value()` holds the output and `version()` counts one more, unless
    /// a newer dispatch was made meanwhile.
    #[track_caller]
    pub fn dispatch(&self, input: I) {
        let id = self.latest.update_value(|latest| {
            *latest += 1;
            *latest
        });
        let this = *self;
        let done: Completion<O> = Box::new(move |output| this.complete(id, output));
        let dispatcher = self.dispatcher.get_value();
        self.in_flight.update(|n| *n += 1);
        // The input is in place before the work starts, so a fast completion clears it.
        self.input.set(Some(input));
        self.input.with_untracked(|input| {
            dispatcher(input.as_ref().expect("the input was just set"), done)
        });
    }

    fn complete(&self, id: u64, output: O) {
        // The owner may be gone (the page or request ended): then there is no one to tell.
        self.in_flight.try_update(|n| *n = n.saturating_sub(1));
        if self.latest.try_get_value() == Some(id) {
            crate::batch(|| {
                self.value.try_update(|v| *v = Some(output));
                self.input.try_update(|i| *i = None);
                self.version.try_update(|v| *v += 1);
            });
        }
    }

    /// The input of the dispatch in flight (`None` when idle).
    pub fn input(&self) -> RwSignal<Option<I>> {
        self.input
    }

    /// The output of the latest completed dispatch (`None` before the first).
    pub fn value(&self) -> RwSignal<Option<O>> {
        self.value
    }

    /// Whether a dispatch is in flight.
    pub fn pending(&self) -> Memo<bool> {
        self.pending
    }

    /// How many dispatches have completed and been applied.
    pub fn version(&self) -> RwSignal<usize> {
        self.version
    }
}
