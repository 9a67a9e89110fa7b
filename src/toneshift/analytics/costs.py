"""The segment cost and the penalty rule shared by every change-point method.

Cost: weighted squared error around the segment's weighted mean,
``sum_t w_t (y_t - ybar_w)^2``. ``y_t`` is a period's mean Goldstein score and ``w_t`` its
event count divided by the series' median count, capped at :data:`WEIGHT_CAP`: a busy month
counts more than a quiet one, but not without limit (month-to-month variation of real relations
is not only sampling noise). Periods with no events have weight 0 and never move a mean.

Penalty (BIC-like): ``pen = c * sigma^2 * log(n)`` with ``n`` the number of non-empty periods
and ``sigma`` estimated robustly as 1.4826 × MAD of the weight-scaled first differences
``(y_t - y_{t-1}) / sqrt(1/w_t + 1/w_{t-1})``; differences cancel level shifts, the MAD
ignores the few differences that straddle a break. ``c`` defaults to :data:`DEFAULT_C`.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from ruptures.base import BaseCost

WEIGHT_CAP = 4.0
DEFAULT_C = 3.0
SIGMA_FLOOR = 0.05  # Goldstein points: a flat series still gets a positive penalty

FloatArray = npt.NDArray[np.float64]


def volume_weights(events: npt.ArrayLike) -> FloatArray:
    """Weights from event counts: count / median non-zero count, capped at WEIGHT_CAP."""
    n = np.asarray(events, dtype=float)
    positive = n[n > 0]
    if positive.size == 0:
        return np.zeros_like(n)
    return np.minimum(n / float(np.median(positive)), WEIGHT_CAP)


def robust_sigma(y: FloatArray, w: FloatArray) -> float:
    """Noise scale of a weighted series (non-empty periods only), from first differences."""
    keep = w > 0
    y, w = y[keep], w[keep]
    if y.size < 3:
        return SIGMA_FLOOR
    d = np.diff(y) / np.sqrt(1.0 / w[1:] + 1.0 / w[:-1])
    mad = float(np.median(np.abs(d - np.median(d))))
    return max(1.4826 * mad, SIGMA_FLOOR)


def penalty(y: FloatArray, w: FloatArray, c: float = DEFAULT_C) -> float:
    """The BIC-like penalty ``c * sigma^2 * log(n)`` for one series."""
    n = max(int(np.count_nonzero(w > 0)), 2)
    return c * robust_sigma(y, w) ** 2 * float(np.log(n))


class CostWeightedL2(BaseCost):
    """ruptures cost for a two-column signal ``[y, w]``: weighted squared error of ``y``."""

    model = "wl2"
    min_size = 1

    def fit(self, signal: FloatArray) -> CostWeightedL2:
        """Precompute cumulative sums so each segment costs O(1)."""
        y, w = signal[:, 0], signal[:, 1]
        self._w = np.concatenate([[0.0], np.cumsum(w)])
        self._wy = np.concatenate([[0.0], np.cumsum(w * y)])
        self._wyy = np.concatenate([[0.0], np.cumsum(w * y * y)])
        self.signal = signal
        return self

    def error(self, start: int, end: int) -> float:
        """Cost of ``signal[start:end]``."""
        sw = self._w[end] - self._w[start]
        if sw <= 0:
            return 0.0
        swy = self._wy[end] - self._wy[start]
        return float(self._wyy[end] - self._wyy[start] - swy * swy / sw)
