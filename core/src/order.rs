//! One sort for the whole core. Each `sort_by` or `sort_by_key` of a new
//! element or key type brings its own copy of the standard library's sort
//! into the module (2 to 3 KB before compression each), so every sort here
//! orders indices, with the comparison behind a `dyn`.

use std::cmp::Ordering;

/// The indices `0..n` in the order `cmp` puts them in, ties kept in index
/// order (so the result is what a stable sort gives).
pub fn order(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut v: Vec<usize> = (0..n).collect();
    v.sort_unstable_by(|&a, &b| cmp(a, b).then(a.cmp(&b)));
    v
}

/// `items` in the order `cmp` gives their indices (see [`order`]).
pub fn sorted<T>(items: Vec<T>, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<T> {
    let by = order(items.len(), cmp);
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    by.into_iter().filter_map(|i| slots[i].take()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ties_keep_their_first_order() {
        let keys = [3, 1, 3, 0, 1];
        assert_eq!(order(5, &|a, b| keys[a].cmp(&keys[b])), [3, 1, 4, 0, 2]);
    }

    proptest! {
        #[test]
        fn sorted_is_the_standard_stable_sort(v in proptest::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            let mut expected = v.clone();
            expected.sort_by_key(|p| p.0);
            let got = sorted(v.clone(), &|a, b| v[a].0.cmp(&v[b].0));
            prop_assert_eq!(got, expected);
        }
    }
}
