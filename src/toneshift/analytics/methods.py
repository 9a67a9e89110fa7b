"""Change-point methods behind one small interface, found by name (like ruptures' factory).

Every method takes a series ``y`` (period means), weights ``w`` (see :mod:`.costs`) and a
penalty, and returns the indices where new segments start. ``pelt``, ``binseg`` and ``window``
wrap ruptures with :class:`~toneshift.analytics.costs.CostWeightedL2`; register another with
:func:`register_method`. :func:`batch_breaks` solves the PELT objective exactly (optimal
partitioning) for many series at once with numpy, for bulk runs where a Python cost call per
segment would be too slow; it gives the same breaks as ``pelt``.
"""

from __future__ import annotations

from typing import ClassVar, Protocol

import numpy as np
import ruptures as rpt

from toneshift.analytics.costs import CostWeightedL2, FloatArray
from toneshift.errors import InputError


class Method(Protocol):
    """A change-point method: ``breaks(y, w, pen)`` → start indices of new segments."""

    name: ClassVar[str]

    def breaks(self, y: FloatArray, w: FloatArray, pen: float) -> list[int]:
        """Indices ``k`` (0 < k < len(y)) where a new segment starts."""
        ...


METHODS: dict[str, type[Method]] = {}


def register_method(cls: type[Method]) -> type[Method]:
    """Class decorator: add a method to :data:`METHODS` under its ``name``."""
    METHODS[cls.name] = cls
    return cls


def get_method(name: str) -> Method:
    """An instance of the method called ``name``; :class:`InputError` if unknown."""
    try:
        return METHODS[name]()
    except KeyError:
        raise InputError(f"--method: {name!r} is not one of {', '.join(METHODS)}") from None


def _signal(y: FloatArray, w: FloatArray) -> FloatArray:
    return np.column_stack([np.asarray(y, float), np.asarray(w, float)])


def _interior(bkps: list[int], n: int) -> list[int]:
    return [int(k) for k in bkps if 0 < k < n]


@register_method
class Pelt:
    """Pruned exact linear time search (Killick et al. 2012), via ruptures."""

    name: ClassVar[str] = "pelt"

    def breaks(self, y: FloatArray, w: FloatArray, pen: float) -> list[int]:
        """Exact penalised segmentation."""
        algo = rpt.Pelt(custom_cost=CostWeightedL2(), min_size=1, jump=1)
        return _interior(algo.fit(_signal(y, w)).predict(pen=pen), len(y))


@register_method
class Binseg:
    """Binary segmentation, via ruptures: greedy, fast, approximate."""

    name: ClassVar[str] = "binseg"

    def breaks(self, y: FloatArray, w: FloatArray, pen: float) -> list[int]:
        """Split while a split lowers the cost by more than the penalty."""
        algo = rpt.Binseg(custom_cost=CostWeightedL2(), min_size=1, jump=1)
        return _interior(algo.fit(_signal(y, w)).predict(pen=pen), len(y))


@register_method
class Window:
    """Sliding-window discrepancy, via ruptures: local, for online use."""

    name: ClassVar[str] = "window"
    width: ClassVar[int] = 6

    def breaks(self, y: FloatArray, w: FloatArray, pen: float) -> list[int]:
        """Peaks of the left/right discrepancy above the penalty."""
        width = min(self.width, 2 * (len(y) // 2) - 2)
        if width < 2:
            return []
        algo = rpt.Window(width=width, custom_cost=CostWeightedL2(), min_size=1, jump=1)
        return _interior(algo.fit(_signal(y, w)).predict(pen=pen), len(y))


def batch_breaks(y: FloatArray, w: FloatArray, pen: FloatArray) -> list[list[int]]:
    """Exact penalised segmentation of many series at once (rows of ``y``/``w``).

    Optimal partitioning with the weighted L2 cost; zero-weight cells (gaps) carry no cost,
    and a break inside a run of gaps is placed at the run's first cell. Returns, per row, the
    start indices of new segments.
    """
    y = np.nan_to_num(np.asarray(y, float))
    w = np.asarray(w, float)
    d, n = y.shape
    cw, cwy, cwyy = (
        np.hstack([np.zeros((d, 1)), np.cumsum(a, axis=1)]) for a in (w, w * y, w * y * y)
    )
    best = np.empty((d, n + 1))
    best[:, 0] = -np.asarray(pen, float)
    last = np.zeros((d, n + 1), dtype=np.int64)
    for t in range(1, n + 1):
        sw = cw[:, t : t + 1] - cw[:, :t]
        swy = cwy[:, t : t + 1] - cwy[:, :t]
        cost = (
            cwyy[:, t : t + 1]
            - cwyy[:, :t]
            - np.divide(swy * swy, sw, out=np.zeros_like(sw), where=sw > 0)
        )
        total = best[:, :t] + cost
        arg = np.argmin(total, axis=1)
        last[:, t] = arg
        best[:, t] = total[np.arange(d), arg] + pen
    return [_backtrack(last[i], n) for i in range(d)]


def _backtrack(last: np.ndarray, n: int) -> list[int]:
    out: list[int] = []
    t = n
    while t > 0:
        t = int(last[t])
        if t > 0:
            out.append(t)
    return out[::-1]
