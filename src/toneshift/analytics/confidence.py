"""How sure is a shift? A day-block permutation test on the events before and after it.

Events of one day move together (one story is often coded several times), so the test
permutes whole days between the two windows, not single events. The statistic is the
difference of event-mean Goldstein scores (after − before); the p-value is two-sided,
``(1 + #{|perm| >= |obs|}) / (1 + permutations)``, and confidence is ``1 − p``. The random
generator is passed in, so results are reproducible.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

DEFAULT_PERMUTATIONS = 999


def block_permutation_p(
    day: npt.ArrayLike,
    value: npt.ArrayLike,
    after: npt.ArrayLike,
    rng: np.random.Generator,
    permutations: int = DEFAULT_PERMUTATIONS,
) -> float:
    """Two-sided p-value that ``value`` has the same mean before and after.

    ``day`` groups events into blocks (any integer key), ``after`` flags the events after the
    break (constant within a day). Returns 1.0 when either side has no day.
    """
    day_arr = np.asarray(day)
    keys, inv = np.unique(day_arr, return_inverse=True)
    sums = np.bincount(inv, weights=np.asarray(value, float), minlength=keys.size)
    counts = np.bincount(inv, minlength=keys.size).astype(float)
    block_after = np.bincount(inv, weights=np.asarray(after, float), minlength=keys.size) > 0
    k = int(block_after.sum())
    if k == 0 or k == keys.size:
        return 1.0
    observed = _diff(sums, counts, block_after[None, :])[0]
    order = rng.random((permutations, keys.size)).argsort(axis=1)
    labels = np.zeros((permutations, keys.size), dtype=bool)
    np.put_along_axis(labels, order[:, :k], True, axis=1)
    perm = _diff(sums, counts, labels)
    extreme = int(np.count_nonzero(np.abs(perm) >= abs(observed) - 1e-12))
    return (1 + extreme) / (1 + permutations)


def _diff(sums: np.ndarray, counts: np.ndarray, labels: np.ndarray) -> np.ndarray:
    s_after = labels @ sums
    n_after = labels @ counts
    s_all, n_all = sums.sum(), counts.sum()
    return s_after / n_after - (s_all - s_after) / (n_all - n_after)
