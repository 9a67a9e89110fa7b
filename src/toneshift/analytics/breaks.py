"""From a period series with gaps to break positions: compress, weigh, penalise, detect.

This is the numeric core shared by :mod:`.changepoints` (one dyad) and :mod:`.bulk` (all
dyads): empty periods are dropped before detection and each break is reported at the first
non-empty period after it.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from toneshift.analytics.costs import DEFAULT_C, penalty, volume_weights
from toneshift.analytics.methods import get_method


def find_breaks(
    y: npt.ArrayLike,
    events: npt.ArrayLike,
    *,
    method: str = "pelt",
    c: float = DEFAULT_C,
) -> list[int]:
    """Indices (into the full series) of the first period of each new segment.

    ``y`` holds period means (NaN where ``events`` is 0). Weights and penalty follow
    :mod:`.costs`.
    """
    y_arr = np.asarray(y, float)
    n_ev = np.asarray(events, float)
    full_index = np.flatnonzero(n_ev > 0)
    if full_index.size < 2:
        return []
    yc = y_arr[full_index]
    wc = volume_weights(n_ev[full_index])
    found = get_method(method).breaks(yc, wc, penalty(yc, wc, c))
    return [int(full_index[k]) for k in found]
