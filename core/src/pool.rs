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
/// page) and the order of the slots in the page, `page` (only slots that
/// draw something).
///
/// A slot that draws a wanted item keeps it. The others are given to the
/// items that have none, before any new slot is built; except `pinned`
/// (the focused element), which keeps its item or is freed, and is never
/// given another, since the reader's focus would then move to another
/// event without a keystroke.
///
/// Which free slot draws which item decides how many elements then move
/// in the page ([`moves`]), and a moved element's style and boxes are
/// built afresh. So a free slot goes first to an item wanted in the same
/// gap between kept slots as the slot stands in the page: there, it is
/// already where its item belongs. The rest go in slot order.
pub fn plan(
    shown: &[Option<usize>],
    page: &[usize],
    wanted: &[usize],
    pinned: Option<usize>,
) -> Plan {
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
    // Each item with no slot takes the next free slot of the page in its
    // gap: with as many kept slots before it in the page as kept items
    // before the item (kept items keep their order from frame to frame,
    // as a lane's events do). The page is walked once, beside the items.
    let (mut gap, mut at, mut page_gap) = (0, 0, 0);
    for slot in &mut slots {
        if *slot != usize::MAX {
            gap += 1;
            continue;
        }
        while at < page.len() {
            let s = page[at];
            if used[s] {
                page_gap += 1;
            } else if page_gap > gap {
                break;
            } else if page_gap == gap && Some(s) != pinned {
                *slot = s;
                used[s] = true;
                at += 1;
                break;
            }
            at += 1;
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
/// belongs. Of the slots in the page, the longest run already in the
/// wanted order stays, and only the others move, each once: a moved
/// element's style is computed afresh, so fewer moves make a cheaper
/// frame. `pinned` is never moved (the others move around it).
pub fn moves(
    current: &[usize],
    wanted: &[usize],
    pinned: Option<usize>,
) -> Vec<(usize, Option<usize>)> {
    let n = current.iter().chain(wanted).max().map_or(0, |m| m + 1);
    let mut pos = vec![usize::MAX; n];
    for (k, &s) in wanted.iter().enumerate() {
        pos[s] = k;
    }
    // The slots of the page that may stay: all of them, or with a pin,
    // those that can keep their place around it (before it and wanted
    // before it, or after it and wanted after it).
    let (at, p) = pinned
        .and_then(|p| Some((current.iter().position(|&s| s == p)?, pos[p])))
        .unwrap_or((usize::MAX, usize::MAX));
    // Each as (its wanted position, its slot).
    let mut seq = Vec::new();
    for (k, &s) in current.iter().enumerate() {
        let w = pos[s];
        let fits = at == usize::MAX || (k < at && w < p) || k == at || (k > at && w > p);
        if w != usize::MAX && fits {
            seq.push((w, s));
        }
    }
    // Their longest run in the wanted order (patience sorting): `tails[l]`
    // ends the best run of length l + 1 found so far. With a pin, every
    // slot of `seq` is in order with it, so a longest run holds it.
    let mut tails: Vec<usize> = Vec::new();
    let mut prev = vec![usize::MAX; seq.len()];
    for j in 0..seq.len() {
        let (mut lo, mut hi) = (0, tails.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            if seq[tails[mid]].0 < seq[j].0 {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if lo > 0 {
            prev[j] = tails[lo - 1];
        }
        if lo == tails.len() {
            tails.push(j);
        } else {
            tails[lo] = j;
        }
    }
    let mut stays = vec![false; n];
    let mut j = tails.last().copied().unwrap_or(usize::MAX);
    while j != usize::MAX {
        stays[seq[j].1] = true;
        j = prev[j];
    }
    // From the end: each slot that does not stay goes just before the
    // slot wanted after it, which is in its place by then.
    let mut out = Vec::new();
    let mut next = None;
    for &s in wanted.iter().rev() {
        if !stays[s] {
            out.push((s, next));
        }
        next = Some(s);
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
        let p = plan(&[Some(7), Some(3), Some(9)], &[1, 0, 2], &[3, 7, 9], None);
        assert_eq!(p.slots, [1, 0, 2]);
        assert!(p.freed.is_empty());
    }

    #[test]
    fn a_leaving_items_slot_draws_an_arriving_one() {
        // 3 leaves, 5 arrives: 5 takes slot 1; 8 arrives too, with no slot
        // left, and gets a new one.
        let p = plan(
            &[Some(7), Some(3), Some(9)],
            &[1, 0, 2],
            &[5, 7, 8, 9],
            None,
        );
        assert_eq!(p.slots, [1, 0, 3, 2]);
        assert!(p.freed.is_empty());
        // Empty slots are given before a new one is built.
        let p = plan(&[None, Some(3), None], &[1], &[4, 5, 6], None);
        assert_eq!(p.slots, [1, 0, 2]);
        assert!(p.freed.is_empty());
    }

    #[test]
    fn slots_with_nothing_to_draw_are_freed() {
        let p = plan(&[Some(1), Some(2), None, Some(3)], &[0, 1, 3], &[2], None);
        assert_eq!(p.slots, [1]);
        assert_eq!(p.freed, [0, 3]);
    }

    #[test]
    fn a_free_slot_goes_to_an_item_wanted_where_it_stands() {
        // Slots 0..4 draw 10, 20, 30, 40, in that order in the page; 10
        // and 30 leave, 25 and 45 arrive. Slot 2 stands between 20 and 40,
        // where 25 belongs: it draws 25 and stays put. Slot 0, before 20,
        // goes to 45 and is the only one to move. (In slot order, 25 would
        // take slot 0 and 45 slot 2, and both would move.)
        let shown = [Some(10), Some(20), Some(30), Some(40)];
        let p = plan(&shown, &[0, 1, 2, 3], &[20, 25, 40, 45], None);
        assert_eq!(p.slots, [1, 2, 3, 0]);
        assert_eq!(moves(&[0, 1, 2, 3], &p.slots, None), [(0, None)]);
    }

    #[test]
    fn the_focused_slot_is_never_given_another_item() {
        // Slot 0 is focused and its item left: it is freed, and the
        // arriving item gets slot 1.
        let p = plan(&[Some(1), Some(2)], &[0, 1], &[5], Some(0));
        assert_eq!(p.slots, [1]);
        assert_eq!(p.freed, [0]);
        // It keeps its own item when that stays.
        let p = plan(&[Some(1), Some(2)], &[0, 1], &[1, 6], Some(0));
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
    fn the_fewest_elements_move() {
        // The first element wanted last: it moves, not the three after it.
        assert_eq!(moves(&[0, 1, 2, 3], &[1, 2, 3, 0], None), [(0, None)]);
        // Two neighbours swap: one moves.
        assert_eq!(moves(&[0, 1, 2, 3], &[0, 2, 1, 3], None).len(), 1);
    }

    #[test]
    fn the_pinned_element_stays_and_others_move_around_it() {
        // Without a pin, the fewest move: here 2, the one out of place.
        let free = moves(&[0, 1, 2], &[2, 0, 1], None);
        assert_eq!(free, [(2, Some(0))]);
        // Pinning 2: 0 and 1 move after it instead.
        let pinned = moves(&[0, 1, 2], &[2, 0, 1], Some(2));
        assert_eq!(apply(&[0, 1, 2], &pinned), [2, 0, 1]);
        assert!(pinned.iter().all(|&(s, _)| s != 2));
        assert_eq!(pinned.len(), 2);
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
            prop_assert_eq!(apply(&current, &m), wanted.clone());
            prop_assert!(m.iter().all(|&(s, _)| Some(s) != pinned));
            // Each slot moves at most once, and new ones exactly once.
            for (s, &was_in) in in_page.iter().enumerate().take(n) {
                let times = m.iter().filter(|&&(x, _)| x == s).count();
                prop_assert!(times <= 1);
                if !was_in {
                    prop_assert_eq!(times, 1);
                }
            }
            // No fewer could do: of the page's slots, all but the longest
            // run already in the wanted order (holding the pin) move,
            // counted here by the plain quadratic search.
            let at = |s: usize| wanted.iter().position(|&w| w == s).unwrap();
            let mut best = vec![1usize; current.len()];
            for i in 0..current.len() {
                for j in 0..i {
                    if at(current[j]) < at(current[i]) {
                        best[i] = best[i].max(best[j] + 1);
                    }
                }
            }
            let run = match pinned {
                None => best.iter().copied().max().unwrap_or(0),
                Some(p) => {
                    // The longest run through the pin: up to it, and on from it.
                    let k = current.iter().position(|&s| s == p).unwrap();
                    let mut after = vec![1usize; current.len()];
                    for i in (0..current.len()).rev() {
                        for j in i + 1..current.len() {
                            if at(current[i]) < at(current[j]) {
                                after[i] = after[i].max(after[j] + 1);
                            }
                        }
                    }
                    best[k] + after[k] - 1
                }
            };
            let moved_in_page = m.iter().filter(|&&(s, _)| in_page[s]).count();
            prop_assert_eq!(moved_in_page, current.len() - run);
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
            // The page holds the slots that draw something, in item order.
            let mut page: Vec<usize> = (0..shown.len()).filter(|&s| shown[s].is_some()).collect();
            page.sort_by_key(|&s| shown[s]);
            let p = plan(&shown, &page, &wanted, pinned);
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
            // Each slot of the page given an item of its own gap (between
            // the same kept slots in the page and in the wanted order)
            // draws it where it stands: at most the others move.
            let kept = |s: usize| shown[s].is_some_and(|i| wanted.contains(&i));
            let gap_in_page = |s: usize| page.iter().take_while(|&&x| x != s).filter(|&&x| kept(x)).count();
            let gap_wanted = |k: usize| p.slots[..k].iter().filter(|&&x| x < shown.len() && kept(x)).count();
            let in_place = (0..wanted.len())
                .filter(|&k| {
                    let s = p.slots[k];
                    page.contains(&s) && (kept(s) || gap_in_page(s) == gap_wanted(k))
                })
                .count();
            let page_now: Vec<usize> = page.iter().copied().filter(|s| p.slots.contains(s)).collect();
            prop_assert!(moves(&page_now, &p.slots, None).len() <= wanted.len() - in_place);
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
