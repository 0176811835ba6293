//! Sorting by integer keys: every sort in the planner goes through [`sort_keys`], so the
//! page's WebAssembly carries one sort routine instead of one per element type and key
//! (each costs it some 3 KB).

/// Sorts keys in ascending order (the one instantiation of the standard library's sort).
#[inline(never)]
pub fn sort_keys(keys: &mut [u128]) {
    keys.sort_unstable();
}

/// Sorts `items` by `key`, keeping equal keys in their order (a stable sort).
pub fn sort_by_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    let mut keys: Vec<u128> = items
        .iter()
        .enumerate()
        .map(|(i, t)| (u128::from(key(t)) << 64) | i as u128)
        .collect();
    sort_keys(&mut keys);
    let mut slots: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    items.extend(
        keys.iter()
            .filter_map(|&k| slots.get_mut(k as u64 as usize)?.take()),
    );
}

/// Sorts pairs of 32-bit numbers (ranges, index pairs) in ascending order.
pub fn sort_pairs<A: Copy + Into<u64> + TryFrom<u64>>(pairs: &mut [(A, A)]) {
    let mut keys: Vec<u128> = pairs
        .iter()
        .map(|&(a, b)| (u128::from(a.into()) << 64) | u128::from(b.into()))
        .collect();
    sort_keys(&mut keys);
    for (pair, k) in pairs.iter_mut().zip(keys) {
        if let (Ok(a), Ok(b)) = (A::try_from((k >> 64) as u64), A::try_from(k as u64)) {
            *pair = (a, b);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sort_by_key_is_the_standard_stable_sort(items in proptest::collection::vec((0u64..20, any::<u32>()), 0..200)) {
            let mut ours = items.clone();
            sort_by_key(&mut ours, |x| x.0);
            let mut std = items;
            std.sort_by_key(|x| x.0);
            prop_assert_eq!(ours, std);
        }

        #[test]
        fn sort_pairs_is_the_standard_sort(pairs in proptest::collection::vec((any::<u32>(), any::<u32>()), 0..200), wide in proptest::collection::vec((0u64..=u64::from(u32::MAX) + 1, 0u64..=u64::from(u32::MAX) + 1), 0..50)) {
            let mut ours = pairs.clone();
            sort_pairs(&mut ours);
            let mut std = pairs;
            std.sort_unstable();
            prop_assert_eq!(ours, std);
            let mut ours = wide.clone();
            sort_pairs(&mut ours);
            let mut std = wide;
            std.sort_unstable();
            prop_assert_eq!(ours, std);
        }
    }
}
