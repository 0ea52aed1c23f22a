//! Which element draws which event, from one frame to the next.
//!
//! While a dense timeline zooms, the packing picks other events at every
//! step: at 10,000 events about a third of the marks on screen change in
//! each frame. Building an element for each event that comes in and
//! dropping one for each that goes was most of a frame's work, so a lane
//! keeps its elements and gives a leaving event's element to an arriving
//! one. [`plan`] says which element draws which event; [`moves`] says how
//! to put the elements in the events' order (the order a keyboard reader
//! moves through them) without moving the focused one, since moving an
//! element in the page takes the focus from it.
//!
//! Elements are numbered slots: `0..n` for those that exist, `n..` for
//! those to be built.

/// Which slot draws each wanted item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// For each wanted item, in order, the slot that draws it. A slot at
    /// or past the number of slots is a new element.
    pub slots: Vec<usize>,
    /// Slots that drew an item and draw none now: they leave the page and
    /// wait, empty, to be given another.
    pub freed: Vec<usize>,
}

/// The slots that draw `wanted` (items in order, each once), given what
/// each existing slot draws in `shown` (`None`: an empty slot, out of the
/// page).
///
/// A slot that draws a wanted item keeps it. The others are given to the
/// items that have none, in slot order, before any new slot is built;
/// except `pinned` (the focused element), which keeps its item or is
/// freed, and is never given another, since the reader's focus would then
/// move to another event without a keystroke.
pub fn plan(shown: &[Option<usize>], wanted: &[usize], pinned: Option<usize>) -> Plan {
    let drawn: Vec<usize> = (0..shown.len()).filter(|&s| shown[s].is_some()).collect();
    let item = |k: usize| shown[drawn[k]].unwrap_or(usize::MAX);
    let by_item = crate::order::order(drawn.len(), &|a, b| item(a).cmp(&item(b)));
    let mut used = vec![false; shown.len()];
    let mut slots = vec![usize::MAX; wanted.len()];
    for (k, &want) in wanted.iter().enumerate() {
        if let Ok(at) = by_item.binary_search_by(|&d| item(d).cmp(&want)) {
            let s = drawn[by_item[at]];
            slots[k] = s;
            used[s] = true;
        }
    }
    let mut free = (0..shown.len()).filter(|&s| !used[s] && Some(s) != pinned);
    let mut next = shown.len();
    for s in slots.iter_mut().filter(|s| **s == usize::MAX) {
        *s = free.next().unwrap_or_else(|| {
            next += 1;
            next - 1
        });
    }
    for &s in &slots {
        if s < used.len() {
            used[s] = true;
        }
    }
    let freed = drawn.into_iter().filter(|&s| !used[s]).collect();
    Plan { slots, freed }
}

/// The insertions that turn the page's order `current` (the slots in the
/// page, in order, all of them wanted) into `wanted`, each as `(slot,
/// before)`: put `slot` before `before`, or last when `before` is `None`.
/// A slot of `wanted` that is not in `current` is inserted where it
/// belongs; slots already in order are not touched, and `pinned` is never
/// moved (the others move around it).
pub fn moves(
    current: &[usize],
    wanted: &[usize],
    pinned: Option<usize>,
) -> Vec<(usize, Option<usize>)> {
    let n = current.iter().chain(wanted).max().map_or(0, |m| m + 1);
    let mut at = vec![usize::MAX; n];
    for (k, &s) in current.iter().enumerate() {
        at[s] = k;
    }
    let mut placed = vec![false; n];
    let mut out = Vec::new();
    // Everything in the page before `cursor` is either placed, in order,
    // or yet to be moved past it.
    let mut cursor = 0;
    for &s in wanted {
        while cursor < current.len() && placed[current[cursor]] {
            cursor += 1;
        }
        placed[s] = true;
        if current.get(cursor) == Some(&s) {
            cursor += 1;
        } else if Some(s) == pinned && at[s] != usize::MAX && at[s] > cursor {
            // What lies between the cursor and the pinned slot is wanted
            // later: those slots move after it, one by one, and it stays.
            cursor = at[s] + 1;
        } else {
            out.push((s, current.get(cursor).copied()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `current` with `moves` applied, as the page applies them.
    fn apply(current: &[usize], moves: &[(usize, Option<usize>)]) -> Vec<usize> {
        let mut page = current.to_vec();
        for &(s, before) in moves {
            page.retain(|&x| x != s);
            let at = before.map_or(page.len(), |b| {
                page.iter()
                    .position(|&x| x == b)
                    .expect("before is in the page")
            });
            page.insert(at, s);
        }
        page
    }

    #[test]
    fn a_slot_keeps_its_item() {
        let p = plan(&[Some(7), Some(3), Some(9)], &[3, 7, 9], None);
        assert_eq!(p.slots, [1, 0, 2]);
        assert!(p.freed.is_empty());
    }

    #[test]
    fn a_leaving_items_slot_draws_an_arriving_one() {
        // 3 leaves, 5 arrives: 5 takes slot 1; 8 arrives too, with no slot
        // left, and gets a new one.
        let p = plan(&[Some(7), Some(3), Some(9)], &[5, 7, 8, 9], None);
        assert_eq!(p.slots, [1, 0, 3, 2]);
        assert!(p.freed.is_empty());
        // Empty slots are given before a new one is built.
        let p = plan(&[None, Some(3), None], &[4, 5, 6], None);
        assert_eq!(p.slots, [0, 1, 2]);
        assert!(p.freed.is_empty());
    }

    #[test]
    fn slots_with_nothing_to_draw_are_freed() {
        let p = plan(&[Some(1), Some(2), None, Some(3)], &[2], None);
        assert_eq!(p.slots, [1]);
        assert_eq!(p.freed, [0, 3]);
    }

    #[test]
    fn the_focused_slot_is_never_given_another_item() {
        // Slot 0 is focused and its item left: it is freed, and the
        // arriving item gets slot 1.
        let p = plan(&[Some(1), Some(2)], &[5], Some(0));
        assert_eq!(p.slots, [1]);
        assert_eq!(p.freed, [0]);
        // It keeps its own item when that stays.
        let p = plan(&[Some(1), Some(2)], &[1, 6], Some(0));
        assert_eq!(p.slots, [0, 1]);
    }

    #[test]
    fn elements_already_in_order_are_not_moved() {
        assert!(moves(&[0, 1, 2], &[0, 1, 2], None).is_empty());
        // One new element goes where it belongs, and only it moves.
        assert_eq!(moves(&[0, 1, 2], &[0, 3, 1, 2], None), [(3, Some(1))]);
        assert_eq!(moves(&[0, 1], &[0, 1, 2], None), [(2, None)]);
    }

    #[test]
    fn the_pinned_element_stays_and_others_move_around_it() {
        // Without a pin, the first element out of place is moved.
        let free = moves(&[0, 1, 2], &[1, 2, 0], None);
        assert_eq!(apply(&[0, 1, 2], &free), [1, 2, 0]);
        assert!(free.iter().any(|&(s, _)| s == 1));
        // Pinning 1: 0 moves after it instead.
        let pinned = moves(&[0, 1, 2], &[1, 2, 0], Some(1));
        assert_eq!(apply(&[0, 1, 2], &pinned), [1, 2, 0]);
        assert!(pinned.iter().all(|&(s, _)| s != 1));
    }

    proptest! {
        #[test]
        fn moves_give_the_wanted_order_and_leave_the_pin(
            keys in proptest::collection::vec(any::<u32>(), 0..40),
            in_page in proptest::collection::vec(any::<bool>(), 40),
            pin in any::<proptest::sample::Index>(),
        ) {
            // Slots 0..n, in a shuffled wanted order; some are in the page,
            // in slot order.
            let n = keys.len();
            let wanted = crate::order::order(n, &|a, b| keys[a].cmp(&keys[b]));
            let current: Vec<usize> = (0..n).filter(|&s| in_page[s]).collect();
            let pinned = (!current.is_empty()).then(|| current[pin.index(current.len())]);
            let m = moves(&current, &wanted, pinned);
            prop_assert_eq!(apply(&current, &m), wanted);
            prop_assert!(m.iter().all(|&(s, _)| Some(s) != pinned));
            // Each slot moves at most once, and new ones exactly once.
            for (s, &was_in) in in_page.iter().enumerate().take(n) {
                let times = m.iter().filter(|&&(x, _)| x == s).count();
                prop_assert!(times <= 1);
                if !was_in {
                    prop_assert_eq!(times, 1);
                }
            }
        }

        #[test]
        fn plan_draws_each_wanted_item_once(
            shown in proptest::collection::vec(proptest::option::of(0usize..30), 0..20),
            wanted in proptest::collection::btree_set(0usize..30, 0..25),
            pin in any::<proptest::sample::Index>(),
        ) {
            // Each item is drawn by at most one slot.
            let mut seen = std::collections::BTreeSet::new();
            let shown: Vec<Option<usize>> =
                shown.into_iter().map(|i| i.filter(|&i| seen.insert(i))).collect();
            let wanted: Vec<usize> = wanted.into_iter().collect();
            let pinned = (!shown.is_empty()).then(|| pin.index(shown.len()));
            let p = plan(&shown, &wanted, pinned);
            prop_assert_eq!(p.slots.len(), wanted.len());
            let distinct: std::collections::BTreeSet<_> = p.slots.iter().collect();
            prop_assert_eq!(distinct.len(), wanted.len());
            for (k, &s) in p.slots.iter().enumerate() {
                if let Some(Some(i)) = shown.get(s) {
                    // A slot that drew something draws the same item, or
                    // an item nobody drew, and never the pinned one.
                    prop_assert!(*i == wanted[k] || (!shown.contains(&Some(wanted[k])) && Some(s) != pinned));
                }
                // A wanted item already drawn keeps its slot.
                if let Some(old) = shown.iter().position(|&x| x == Some(wanted[k])) {
                    prop_assert_eq!(s, old);
                }
            }
            // New slots are used only when no old slot was free.
            let reused = p.slots.iter().filter(|&&s| s < shown.len()).count();
            let usable = (0..shown.len()).filter(|&s| Some(s) != pinned || shown[s].is_some_and(|i| wanted.contains(&i))).count();
            if p.slots.iter().any(|&s| s >= shown.len()) {
                prop_assert_eq!(reused, usable);
            }
            // Freed: drew something, draws nothing now.
            for &f in &p.freed {
                prop_assert!(shown[f].is_some());
                prop_assert!(!p.slots.contains(&f));
            }
            for (s, i) in shown.iter().enumerate() {
                if i.is_some() && !p.slots.contains(&s) {
                    prop_assert!(p.freed.contains(&s));
                }
            }
        }
    }
}
