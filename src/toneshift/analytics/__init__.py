"""Relations analytics: pure functions over a DuckDB connection and frames.

Modules (imported on use, so ``import toneshift.analytics`` stays light):
``series`` (dyad_series, series_records), ``changepoints`` (detect_shifts, shift_records),
``methods`` (the pelt/binseg/window registry), ``drivers`` (why_now), ``followthrough``
(follow_through), ``region`` (region_matrix, polarisation, co_movement), ``bulk`` (every
dyad at once), ``watch`` (check_dyads), ``report`` (build_report), ``synthetic`` (planted
breaks and precision/recall).
"""

__all__ = [
    "bulk", "changepoints", "drivers", "followthrough", "methods", "region", "report",
    "series", "synthetic", "watch",
]  # fmt: skip
