//! Multi-actions: async work started by the user, where every dispatch is kept as a
//! submission of its own (adding several todos in a row, each with its own pending state).

use crate::action::{local_dispatcher, spawning_dispatcher, Completion, Dispatcher};
use crate::arc::{ArcReadSignal, ArcRwSignal};
use crate::signal::{ReadSignal, RwSignal};
use crate::stored::StoredValue;
use crate::sync::{MaybeSend, MaybeSync};
use crate::traits::{GetUntracked, Set, Update, WithUntracked};
use std::future::Future;

/// Async work started by events, where each dispatch is a [`ArcSubmission`] of its own with
/// its input, pending state and output. Unlike an [`Action`](crate::Action), a newer
/// dispatch does not replace an older one: all of them run and are listed in
/// [`submissions()`](Self::submissions), in the order they were dispatched.
///
/// ```
/// use reactive_graph::prelude::*;
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let add = MultiAction::new(|title: &String| {
///     let title = title.clone();
///     async move { title.len() }
/// });
/// add.dispatch("milk".to_string());
/// add.dispatch("bread".to_string());
/// let submissions = add.submissions().get();
/// assert_eq!(submissions.len(), 2);
/// assert!(submissions[0].pending().get());
/// assert_eq!(submissions[1].input().get().as_deref(), Some("bread"));
/// # for _ in 0..4 { tokio::task::yield_now().await; }
/// assert_eq!(submissions[0].value().get(), Some(4));
/// assert_eq!(submissions[1].value().get(), Some(5));
/// assert_eq!(add.version().get(), 2);
/// # });
/// ```
pub struct MultiAction<I, O> {
    submissions: RwSignal<Vec<ArcSubmission<I, O>>>,
    version: RwSignal<usize>,
    dispatcher: StoredValue<Dispatcher<I, O>>,
}

impl<I, O> Clone for MultiAction<I, O> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<I, O> Copy for MultiAction<I, O> {}

impl<I, O> std::fmt::Debug for MultiAction<I, O> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MultiAction")
            .field("input", &std::any::type_name::<I>())
            .field("output", &std::any::type_name::<O>())
            .finish_non_exhaustive()
    }
}

impl<I, O> MultiAction<I, O>
where
    I: MaybeSend + MaybeSync + 'static,
    O: MaybeSend + MaybeSync + 'static,
{
    /// Creates a multi-action from a function of the input that returns the work to do. The
    /// future may run on any thread of the server's runtime.
    #[track_caller]
    pub fn new<F, Fut>(action: F) -> Self
    where
        F: Fn(&I) -> Fut + MaybeSend + MaybeSync + 'static,
        Fut: Future<Output = O> + MaybeSend + 'static,
    {
        Self::with_dispatcher(spawning_dispatcher(action))
    }

    /// Creates a multi-action whose future need not be `Send`: it runs on the thread that
    /// dispatches it (see [`Action::new_local`](crate::Action::new_local)).
    #[track_caller]
    pub fn new_local<F, Fut>(action: F) -> Self
    where
        F: Fn(&I) -> Fut + 'static,
        Fut: Future<Output = O> + 'static,
    {
        Self::with_dispatcher(local_dispatcher(action))
    }

    #[track_caller]
    fn with_dispatcher(dispatcher: Dispatcher<I, O>) -> Self {
        MultiAction {
            submissions: RwSignal::new(Vec::new()),
            version: RwSignal::new(0),
            dispatcher: StoredValue::new(dispatcher),
        }
    }

    /// Starts the work for `input` as a new submission, added at the end of
    /// [`submissions()`](Self::submissions). Until it completes the submission holds the
    /// input and is pending; then it holds the output (unless it was canceled), and
    /// [`version()`](Self::version) counts one more.
    #[track_caller]
    pub fn dispatch(&self, input: I) {
        let submission = ArcSubmission::new(Some(input), None, true);
        // The completion holds `Copy` handles, which are `Send` (in the browser the shared
        // handles are not) and do not keep the submission alive: if it is forgotten
        // meanwhile (`clear()`) or its owner is gone, there is no one to tell.
        let done: Completion<O> = {
            let (input, value) = (submission.input.unkept(), submission.value.unkept());
            let (pending, canceled) = (submission.pending.unkept(), submission.canceled.unkept());
            let version = self.version;
            Box::new(move |output| {
                crate::batch(|| {
                    if canceled.try_get_untracked() == Some(false) {
                        value.try_update(|v| *v = Some(output));
                    }
                    input.try_update(|i| *i = None);
                    pending.try_update(|p| *p = false);
                    version.try_update(|v| *v += 1);
                })
            })
        };
        let dispatcher = self.dispatcher.get_value();
        self.submissions
            .update(|submissions| submissions.push(submission.clone()));
        submission.input.with_untracked(|input| {
            dispatcher(input.as_ref().expect("the input was just set"), done)
        });
    }

    /// Adds a submission that is already complete, with `value` as its output and no
    /// input, and counts one more [`version()`](Self::version): for an outcome known
    /// without running the work (such as a form that could not be read).
    #[track_caller]
    pub fn dispatch_sync(&self, value: O) {
        let submission = ArcSubmission::new(None, Some(value), false);
        crate::batch(|| {
            self.submissions
                .update(|submissions| submissions.push(submission));
            self.version.update(|v| *v += 1);
        });
    }

    /// Every submission so far, oldest first.
    pub fn submissions(&self) -> ReadSignal<Vec<ArcSubmission<I, O>>> {
        self.submissions.read_only()
    }

    /// How many submissions have completed (canceled ones included).
    pub fn version(&self) -> RwSignal<usize> {
        self.version
    }

    /// Forgets every submission (those in flight still complete, and count in
    /// [`version()`](Self::version)).
    pub fn clear(&self) {
        self.submissions.set(Vec::new());
    }
}

/// One dispatch of a [`MultiAction`]: its input while in flight, whether it is pending, its
/// output once complete, and whether it was canceled. Its signals live as long as the
/// submission is listed or a clone of it is held.
pub struct ArcSubmission<I, O> {
    input: ArcRwSignal<Option<I>>,
    value: ArcRwSignal<Option<O>>,
    pending: ArcRwSignal<bool>,
    canceled: ArcRwSignal<bool>,
}

impl<I, O> Clone for ArcSubmission<I, O> {
    fn clone(&self) -> Self {
        ArcSubmission {
            input: self.input.clone(),
            value: self.value.clone(),
            pending: self.pending.clone(),
            canceled: self.canceled.clone(),
        }
    }
}

impl<I, O> PartialEq for ArcSubmission<I, O> {
    fn eq(&self, other: &Self) -> bool {
        self.pending == other.pending
    }
}

impl<I, O> Eq for ArcSubmission<I, O> {}

impl<I, O> std::fmt::Debug for ArcSubmission<I, O> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ArcSubmission")
            .field("pending", &self.pending)
            .finish_non_exhaustive()
    }
}

impl<I, O> ArcSubmission<I, O>
where
    I: MaybeSend + MaybeSync + 'static,
    O: MaybeSend + MaybeSync + 'static,
{
    #[track_caller]
    fn new(input: Option<I>, value: Option<O>, pending: bool) -> Self {
        ArcSubmission {
            input: ArcRwSignal::new(input),
            value: ArcRwSignal::new(value),
            pending: ArcRwSignal::new(pending),
            canceled: ArcRwSignal::new(false),
        }
    }

    /// The input, while the submission is in flight (`None` once it is complete).
    pub fn input(&self) -> ArcReadSignal<Option<I>> {
        self.input.read_only()
    }

    /// The output, once the submission is complete and if it was not canceled.
    pub fn value(&self) -> ArcReadSignal<Option<O>> {
        self.value.read_only()
    }

    /// Whether the submission is in flight.
    pub fn pending(&self) -> ArcReadSignal<bool> {
        self.pending.read_only()
    }

    /// Whether [`cancel`](Self::cancel) was called.
    pub fn canceled(&self) -> ArcReadSignal<bool> {
        self.canceled.read_only()
    }

    /// Drops the submission's output when it arrives. The work itself is not stopped: a
    /// request already sent still reaches the server.
    pub fn cancel(&self) {
        self.canceled.set(true);
    }
}
