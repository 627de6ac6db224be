//! `Selector`: "is this key the selected one?" for many keys, where a change of selection
//! wakes only the readers whose answer changed.

use crate::arc::ArcTrigger;
use crate::effect::RenderEffect;
use crate::graph::batch;
use crate::sync::{Lock, MaybeSend, MaybeSync, Shared};
use crate::traits::{Notify, Track};
use std::collections::HashMap;
use std::hash::Hash;

/// Answers "is `key` selected?" for many keys at once, so that a change of the source wakes
/// only the readers of the keys whose answer changed: the old selection and the new one.
///
/// A thousand rows that each read `selected.get() == Some(id)` all re-run when the
/// selection moves; with `selector.selected(&Some(id))` two of them do.
///
/// ```
/// use reactive_graph::prelude::*;
/// # use std::sync::{Arc, Mutex};
/// let (selected, set_selected) = signal(None::<u32>);
/// let is_selected = Selector::new(move || selected.get());
///
/// // One effect per row, as a table's rows would have; each counts its own runs.
/// let runs = Arc::new(Mutex::new([0; 3]));
/// for id in 0..3 {
///     let (is_selected, runs) = (is_selected.clone(), runs.clone());
///     Effect::new(move |_| {
///         is_selected.selected(&Some(id));
///         runs.lock().unwrap()[id as usize] += 1;
///     });
/// }
/// set_selected.set(Some(1));
/// assert!(is_selected.selected(&Some(1)) && !is_selected.selected(&Some(0)));
/// // Row 1 ran again; rows 0 and 2 did not.
/// assert_eq!(*runs.lock().unwrap(), [1, 2, 1]);
/// ```
pub struct Selector<T: 'static> {
    state: Shared<SelectorState<T>>,
    /// Keeps the source followed for as long as a clone of the selector lives.
    _effect: Shared<RenderEffect<()>>,
}

/// A comparison of a key with the source's value.
type IsFn<T> = Box<dyn Fn(&T, &T) -> bool + Send + Sync>;

struct SelectorState<T> {
    /// The source's latest value (`None` only before the first run).
    current: Lock<Option<T>>,
    /// One trigger per key that was ever asked about, tracked by its readers.
    keys: Lock<HashMap<T, ArcTrigger>>,
    is: IsFn<T>,
}

impl<T> Clone for Selector<T> {
    fn clone(&self) -> Self {
        Selector {
            state: self.state.clone(),
            _effect: self._effect.clone(),
        }
    }
}

impl<T> std::fmt::Debug for Selector<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Selector").finish_non_exhaustive()
    }
}

impl<T: Clone + Eq + Hash + MaybeSend + MaybeSync + 'static> Selector<T> {
    /// Follows `source`; a key is selected when it equals the source's value.
    #[track_caller]
    pub fn new(source: impl Fn() -> T + 'static) -> Self {
        Self::new_with_fn(source, |key, value| key == value)
    }

    /// Follows `source`; `key` is selected when `is(key, value)` holds for the source's
    /// value.
    #[track_caller]
    pub fn new_with_fn(
        source: impl Fn() -> T + 'static,
        is: impl Fn(&T, &T) -> bool + Send + Sync + 'static,
    ) -> Self {
        let state = Shared::new(SelectorState {
            current: Lock::new(None),
            keys: Lock::new(HashMap::new()),
            is: Box::new(is),
        });
        let followed = state.clone();
        let effect = RenderEffect::new(move |_| followed.update(source()));
        Selector {
            state,
            _effect: Shared::new(effect),
        }
    }

    /// Whether `key` is selected now. Inside an effect or a view, subscribes to changes of
    /// this key's answer only.
    pub fn selected(&self, key: &T) -> bool {
        let trigger = {
            let mut keys = self.state.keys.lock();
            match keys.get(key) {
                Some(trigger) => trigger.clone(),
                None => keys.entry(key.clone()).or_default().clone(),
            }
        };
        trigger.track();
        let current = self.state.current.lock();
        current
            .as_ref()
            .is_some_and(|value| (self.state.is)(key, value))
    }

    /// Forgets `key`: its readers are no longer woken for it. For keys that will not be
    /// asked about again (a removed row), so that the selector does not keep them.
    pub fn remove(&self, key: &T) {
        self.state.keys.lock().remove(key);
    }

    /// Forgets every key (see [`Selector::remove`]).
    pub fn clear(&self) {
        self.state.keys.lock().clear();
    }
}

impl<T: Clone + Eq + Hash> SelectorState<T> {
    /// Stores the source's new value and wakes the readers of the keys whose answer
    /// changed.
    fn update(&self, next: T) {
        let previous = self.current.lock().replace(next.clone());
        if previous.as_ref() == Some(&next) {
            return;
        }
        let changed: Vec<ArcTrigger> = self
            .keys
            .lock()
            .iter()
            .filter(|(key, _)| {
                let was = previous.as_ref().is_some_and(|p| (self.is)(key, p));
                was != (self.is)(key, &next)
            })
            .map(|(_, trigger)| trigger.clone())
            .collect();
        // No lock is held here: the woken readers call `selected` again.
        batch(|| changed.iter().for_each(Notify::notify));
    }
}
