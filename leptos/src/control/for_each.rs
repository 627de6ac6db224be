//! `<For each=... key=... let:item>`: a keyed list that moves as few nodes as it can.
//!
//! Each row gets its own owner (in the browser), so removing a row disposes exactly the
//! reactive state it created. When the list changes, rows are matched by key; the rows
//! whose relative order is unchanged (a longest increasing subsequence of their old
//! positions) stay where they are, and only the others move. Swapping two rows of a
//! thousand moves two; removing one removes one.
//!
//! On the server no owner is made per row: the list is written straight into the page.

use crate::component;
#[cfg(hydration)]
use crate::view::hydrate_bracketed;
use crate::view::{build_bracketed, Anchor, Cursor, CursorLoan, IntoView, Mounted, Render, View};
use reactive_graph::{untrack, Owner, RenderEffect};
use std::any::Any;
use std::collections::HashMap;
use std::hash::Hash;
use std::rc::Rc;

/// Renders one view per item of `each`, keyed by `key`.
///
/// ```
/// use leptos::prelude::*;
/// let rows = vec![(1, "one"), (2, "two")];
/// let html = leptos::ssr::render_to_string(move || view! {
///     <ul>
///         <For each=move || rows.clone() key=|row| row.0 let:row>
///             <li>{row.1}</li>
///         </For>
///     </ul>
/// });
/// assert_eq!(
///     html,
///     "<ul><li>one</li><li>two</li></ul>"
/// );
/// ```
#[component]
pub fn For<IF, I, T, EF, N, KF, K>(
    /// The items, read reactively.
    each: IF,
    /// Identifies an item across changes.
    key: KF,
    /// Renders one item.
    children: EF,
) -> impl IntoView
where
    IF: Fn() -> I + 'static,
    I: IntoIterator<Item = T>,
    T: 'static,
    EF: Fn(T) -> N + 'static,
    N: IntoView + 'static,
    KF: Fn(&T) -> K + 'static,
    K: Eq + Hash + Clone + 'static,
{
    let children = Rc::new(children);
    let each = Rc::new(each);
    // The server writes the rows as it goes: no keys, no row builders, no list of them, and
    // each row's allocations freed before the next row's are made.
    #[cfg(render_html)]
    let html: WriteRows = {
        let (each, children) = (each.clone(), children.clone());
        Box::new(move |out: &mut String| {
            for item in each() {
                children(item).into_view().write_html(out);
            }
        })
    };
    let list = KeyedList::new(move || {
        each()
            .into_iter()
            .map(|item| {
                let children = children.clone();
                let row_key = key(&item);
                let build: RowBuilder = Box::new(move || children(item).into_view());
                (row_key, build)
            })
            .collect()
    });
    #[cfg(render_html)]
    let list = KeyedList {
        html: Some(html),
        ..list
    };
    View::new(list)
}

/// Builds one row's view.
type RowBuilder = Box<dyn FnOnce() -> View>;

/// Writes every row's HTML (the server's path through a list).
#[cfg(render_html)]
type WriteRows = Box<dyn FnOnce(&mut String)>;

/// The list behind [`For`]: items as `(key, builder)` pairs, produced reactively.
pub struct KeyedList<K> {
    items: Box<dyn FnMut() -> Vec<(K, RowBuilder)>>,
    /// Writes the rows' HTML straight from the items (what [`For`] gives); without it the
    /// server writes the rows `items` builds.
    #[cfg(render_html)]
    html: Option<WriteRows>,
}

impl<K> std::fmt::Debug for KeyedList<K> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeyedList").finish_non_exhaustive()
    }
}

impl<K: Eq + Hash + Clone + 'static> KeyedList<K> {
    /// A list whose rows come from `items`, re-read when what it reads changes.
    pub fn new(items: impl FnMut() -> Vec<(K, RowBuilder)> + 'static) -> Self {
        KeyedList {
            items: Box::new(items),
            #[cfg(render_html)]
            html: None,
        }
    }
}

/// A mounted row.
struct Row<K> {
    key: K,
    owner: Owner,
    mounted: Mounted,
}

impl<K> Row<K> {
    fn remove(self) {
        self.mounted.unmount();
        self.owner.dispose();
    }
}

impl<K: Eq + Hash + Clone + 'static> Render for KeyedList<K> {
    #[cfg(render_html)]
    fn html_len(&self) -> usize {
        64
    }

    #[cfg(render_html)]
    fn to_html(mut self: Box<Self>, out: &mut String) {
        out.push_str("<!--[-->");
        self.write_rows(out);
        out.push_str("<!--]-->");
    }

    fn build(self: Box<Self>, parent: &web_sys::Node, before: Option<&web_sys::Node>) -> Mounted {
        build_bracketed(parent, before, |close, cursor| {
            self.effect(Anchor::Before(close), cursor)
        })
    }

    #[cfg(hydration)]
    fn hydrate(self: Box<Self>, cursor: &mut Cursor) -> Mounted {
        hydrate_bracketed(cursor, "<For/> list", |close, cursor| {
            self.effect(Anchor::Before(close), cursor)
        })
    }

    /// Alone in its element (`<tbody><For .../></tbody>`) the list needs no markers, and
    /// clearing it empties the element in one step.
    #[cfg(render_html)]
    fn to_html_alone(mut self: Box<Self>, out: &mut String) {
        self.write_rows(out);
    }

    fn build_alone(self: Box<Self>, parent: &web_sys::Node) -> Box<dyn Any> {
        Box::new(self.effect(Anchor::End(parent.clone()), None))
    }

    #[cfg(hydration)]
    fn hydrate_alone(self: Box<Self>, cursor: &mut Cursor) -> Box<dyn Any> {
        let parent = cursor.parent().clone();
        Box::new(self.effect(Anchor::End(parent), Some(cursor)))
    }
}

impl<K: Eq + Hash + Clone + 'static> KeyedList<K> {
    #[cfg(render_html)]
    fn write_rows(&mut self, out: &mut String) {
        match self.html.take() {
            Some(write_rows) => write_rows(out),
            None => {
                for (_, build) in (self.items)() {
                    build().write_html(out);
                }
            }
        }
    }

    /// Creates the effect that keeps the rows in step with the items. Its first run
    /// hydrates the rows from `cursor` if given, or builds them at `anchor`.
    fn effect(self, anchor: Anchor, mut cursor: Option<&mut Cursor>) -> RenderEffect<Vec<Row<K>>> {
        let mut items = self.items;
        let loan = CursorLoan::of(cursor.as_deref_mut());
        let lent = loan.clone();
        // Rows belong to the list's owner, not to the effect (which disposes what it owns
        // each time it re-runs).
        let list_owner = Owner::current().unwrap_or_default();
        let effect = RenderEffect::new(move |previous: Option<Vec<Row<K>>>| {
            let items = items();
            let make_row = |key: K, build: RowBuilder| {
                let owner = list_owner.child();
                let view = owner.with(|| untrack(build));
                (key, owner, view)
            };
            let Some(old) = previous else {
                return lent.use_once(|cursor| {
                    let target = match cursor {
                        Some(cursor) => Err(cursor),
                        None => Ok(anchor.place()),
                    };
                    mount_rows(items, target, &make_row)
                });
            };
            reconcile(old, items, &anchor, make_row)
        });
        loan.repay(cursor);
        effect
    }
}

/// Mounts the first rows: built in `parent` before `before` (`Ok((parent, before))`), or
/// hydrated from the cursor (`Err(cursor)`).
fn mount_rows<K>(
    items: Vec<(K, RowBuilder)>,
    mut target: Result<(web_sys::Node, Option<web_sys::Node>), &mut Cursor>,
    make_row: &impl Fn(K, RowBuilder) -> (K, Owner, View),
) -> Vec<Row<K>> {
    items
        .into_iter()
        .map(|(key, build)| {
            let (key, owner, view) = make_row(key, build);
            let mounted = owner.with(|| {
                untrack(|| match &mut target {
                    Ok((parent, before)) => view.build(parent, before.as_ref()),
                    Err(cursor) => crate::view::hydrate_view(view, cursor),
                })
            });
            Row {
                key,
                owner,
                mounted,
            }
        })
        .collect()
}

/// Turns the mounted `old` rows into the rows of `items`, reusing rows by key and moving
/// only those outside the longest run of rows that kept their relative order.
fn reconcile<K: Eq + Hash + Clone>(
    old: Vec<Row<K>>,
    items: Vec<(K, RowBuilder)>,
    at: &Anchor,
    make_row: impl Fn(K, RowBuilder) -> (K, Owner, View),
) -> Vec<Row<K>> {
    let (parent, end) = at.place();
    // Alone in its element, the list can clear the element instead of removing rows.
    let alone = matches!(at, Anchor::End(_)).then_some(&parent);
    if items.is_empty() {
        remove_all(old, alone);
        return Vec::new();
    }
    let mut old_by_key: HashMap<K, usize> = old
        .iter()
        .enumerate()
        .map(|(i, row)| (row.key.clone(), i))
        .collect();
    let mut old: Vec<Option<Row<K>>> = old.into_iter().map(Some).collect();

    // Match new items to old rows; `sources[j]` is the old index of new row j, if reused.
    let mut sources: Vec<Option<usize>> = Vec::with_capacity(items.len());
    let mut pending: Vec<Option<(K, RowBuilder)>> = Vec::with_capacity(items.len());
    for (key, build) in items {
        match old_by_key.remove(&key) {
            Some(i) => {
                sources.push(Some(i));
                pending.push(None);
            }
            None => {
                sources.push(None);
                pending.push(Some((key, build)));
            }
        }
    }
    // Rows whose key is gone: remove them, all at once if no row stays.
    if old_by_key.len() == old.len() {
        remove_all(old.drain(..).flatten().collect(), alone);
    } else {
        for i in old_by_key.into_values() {
            if let Some(row) = old[i].take() {
                row.remove();
            }
        }
    }

    let stay = longest_increasing_subsequence(&sources);
    let mut rows: Vec<Option<Row<K>>> = (0..sources.len()).map(|_| None).collect();
    // The rows that are kept, from the back: each that moves goes before the next kept one.
    let mut anchor = end.clone();
    for j in (0..sources.len()).rev() {
        if let Some(i) = sources[j] {
            let row = old[i].take().expect("each old row is reused once");
            if !stay[j] {
                row.mounted.range.move_before(&parent, anchor.as_ref());
            }
            anchor = Some(row.mounted.range.first.clone());
            rows[j] = Some(row);
        }
    }
    // Then the new rows, each run of them front to back before the kept row after it (or the
    // list's end). Inserting in document order matters: a row inserted before its
    // siblings makes the browser restyle every sibling after it (`:nth-of-type` rules).
    let mut j = 0;
    while j < sources.len() {
        if sources[j].is_some() {
            j += 1;
            continue;
        }
        let run_end = (j..sources.len())
            .find(|&k| sources[k].is_some())
            .unwrap_or(sources.len());
        let before = match rows.get(run_end) {
            Some(Some(row)) => Some(row.mounted.range.first.clone()),
            _ => end.clone(),
        };
        for k in j..run_end {
            let (key, build) = pending[k].take().expect("a new row has a builder");
            let (key, owner, view) = make_row(key, build);
            let mounted = owner.with(|| untrack(|| view.build(&parent, before.as_ref())));
            rows[k] = Some(Row {
                key,
                owner,
                mounted,
            });
        }
        j = run_end;
    }
    rows.into_iter()
        .map(|r| r.expect("every position is filled"))
        .collect()
}

/// Removes every row: their nodes, which lie side by side, by emptying `alone` (the element
/// the list is the only content of) or else with one DOM `Range` (a single call instead of
/// one per row), then their reactive state.
fn remove_all<K>(rows: Vec<Row<K>>, alone: Option<&web_sys::Node>) {
    let (Some(first), Some(last)) = (rows.first(), rows.last()) else {
        return;
    };
    let removed = if let Some(parent) = alone {
        parent.set_text_content(None);
        true
    } else {
        let range = crate::view::document().create_range();
        range.is_ok_and(|range| {
            range.set_start_before(&first.mounted.range.first).is_ok()
                && range.set_end_after(&last.mounted.range.last).is_ok()
                && range.delete_contents().is_ok()
        })
    };
    for row in rows {
        if removed {
            // The nodes are gone: drop the row's bindings and free its reactive state.
            drop(row.mounted);
            row.owner.dispose();
        } else {
            row.remove();
        }
    }
}

/// Marks the positions `j` (in new order) of reused rows forming a longest increasing run of old
/// indices: those rows are already in the right relative order and need not move.
fn longest_increasing_subsequence(sources: &[Option<usize>]) -> Vec<bool> {
    // Patience sorting over (position, old index), O(n log n).
    let mut tails: Vec<usize> = Vec::new(); // positions j, by length
    let mut previous: Vec<Option<usize>> = vec![None; sources.len()];
    for (j, source) in sources.iter().enumerate() {
        let Some(value) = source else { continue };
        let at = tails.partition_point(|&t| sources[t].expect("tails hold reused rows") < *value);
        if at > 0 {
            previous[j] = Some(tails[at - 1]);
        }
        if at == tails.len() {
            tails.push(j);
        } else {
            tails[at] = j;
        }
    }
    let mut stay = vec![false; sources.len()];
    let mut at = tails.last().copied();
    while let Some(j) = at {
        stay[j] = true;
        at = previous[j];
    }
    stay
}

#[cfg(test)]
mod tests {
    use super::longest_increasing_subsequence;

    fn moves(sources: &[Option<usize>]) -> usize {
        let reused = sources.iter().filter(|s| s.is_some()).count();
        reused
            - longest_increasing_subsequence(sources)
                .iter()
                .filter(|&&s| s)
                .count()
    }

    #[test]
    fn unchanged_order_moves_nothing() {
        let same: Vec<_> = (0..1000).map(Some).collect();
        assert_eq!(moves(&same), 0);
    }

    #[test]
    fn swapping_two_rows_of_a_thousand_moves_two() {
        let mut swapped: Vec<_> = (0..1000).map(Some).collect();
        swapped.swap(1, 998);
        assert_eq!(moves(&swapped), 2);
    }

    #[test]
    fn removing_or_inserting_moves_nothing() {
        let removed: Vec<_> = (0..1000).filter(|&i| i != 500).map(Some).collect();
        assert_eq!(moves(&removed), 0);
        let mut inserted: Vec<_> = (0..1000).map(Some).collect();
        inserted.insert(10, None);
        assert_eq!(moves(&inserted), 0);
    }

    #[test]
    fn reversing_keeps_one() {
        let reversed: Vec<_> = (0..10).rev().map(Some).collect();
        assert_eq!(moves(&reversed), 9);
    }
}
