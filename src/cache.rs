//! Caches keyed by content or identity, swept without costing every keystroke.

use rustc_hash::{FxHashMap, FxHashSet};

/// Drops the entries of `cache` whose keys are not in `live`, but only once the cache has grown to
/// twice the live size: sweeping costs nothing per call on average.
pub fn sweep<V, I: Iterator<Item = u64>>(
    cache: &mut FxHashMap<u64, V>,
    live_count: usize,
    live: impl FnOnce() -> I,
) {
    if cache.len() <= 2 * live_count + 64 {
        return;
    }
    let keep: FxHashSet<u64> = live().collect();
    cache.retain(|k, _| keep.contains(k));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sweeps_only_when_grown() {
        let mut cache: FxHashMap<u64, ()> = (0..100).map(|k| (k, ())).collect();
        sweep(&mut cache, 50, || 0..50);
        assert_eq!(cache.len(), 100, "100 ≤ 2 × 50 + 64: left alone");
        sweep(&mut cache, 10, || 0..10);
        assert_eq!(cache.len(), 10);
    }
}
