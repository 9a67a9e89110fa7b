"""Inline SVG charts for offline HTML reports: no JavaScript, no CDN, no dependency."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from html import escape

PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b")


def line_chart(
    x_labels: Sequence[str],
    series: Mapping[str, Sequence[float | None]],
    *,
    title: str,
    marks: Sequence[tuple[int, str]] = (),
    width: int = 760,
    height: int = 260,
) -> str:
    """Lines over shared x labels; ``None``/NaN values break the line (gaps stay visible).

    ``marks`` are (x index, colour) vertical rules, e.g. shifts.
    """
    values = [float(v) for vs in series.values() for v in vs if v is not None and _ok(v)]
    if not values or not x_labels:
        return f"<p><em>{escape(title)}: no data</em></p>"
    lo, hi = min(values), max(values)
    lo, hi = (lo - 1, hi + 1) if lo == hi else (lo, hi)
    pad, n = 40, len(x_labels)

    def px(i: int) -> float:
        return pad + (width - 2 * pad) * (i / max(n - 1, 1))

    def py(v: float) -> float:
        return height - pad - (height - 2 * pad) * (v - lo) / (hi - lo)

    parts = [_frame(width, height, title, lo, hi, py)]
    for i, colour in marks:
        parts.append(
            f'<line x1="{px(i):.1f}" x2="{px(i):.1f}" y1="{pad}" y2="{height - pad}" '
            f'stroke="{colour}" stroke-dasharray="4 3"/>'
        )
    for k, (name, vs) in enumerate(series.items()):
        colour = PALETTE[k % len(PALETTE)]
        for run in _runs(vs):
            pts = " ".join(f"{px(i):.1f},{py(float(vs[i] or 0)):.1f}" for i in run)
            parts.append(
                f'<polyline fill="none" stroke="{colour}" stroke-width="1.6" points="{pts}"/>'
            )
        parts.append(
            f'<text x="{pad + 140 * k}" y="{height - 8}" fill="{colour}" '
            f'font-size="12">■ {escape(name)}</text>'
        )
    step = max(1, n // 8)
    parts += [
        f'<text x="{px(i):.1f}" y="{height - pad + 14}" font-size="10" '
        f'text-anchor="middle">{escape(x_labels[i])}</text>'
        for i in range(0, n, step)
    ]
    return "\n".join([*parts, "</svg>"])


def _frame(
    width: int, height: int, title: str, lo: float, hi: float, py: Callable[[float], float]
) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'role="img" aria-label="{escape(title)}">'
        f'<text x="40" y="16" font-size="13" font-weight="bold">{escape(title)}</text>'
        f'<text x="4" y="{py(hi) + 4:.1f}" font-size="10">{hi:.1f}</text>'
        f'<text x="4" y="{py(lo) + 4:.1f}" font-size="10">{lo:.1f}</text>'
        f'<line x1="40" x2="{width - 40}" y1="{py(max(lo, min(hi, 0.0))):.1f}" '
        f'y2="{py(max(lo, min(hi, 0.0))):.1f}" stroke="#bbb"/>'
    )


def _ok(v: float | None) -> bool:
    return v is not None and not (isinstance(v, float) and math.isnan(v))


def _runs(vs: Sequence[float | None]) -> list[list[int]]:
    runs: list[list[int]] = []
    current: list[int] = []
    for i, v in enumerate(vs):
        if _ok(v):
            current.append(i)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return [r if len(r) > 1 else [r[0], r[0]] for r in runs]
