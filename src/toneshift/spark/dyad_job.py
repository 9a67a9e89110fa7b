"""``toneshift spark series|shifts``: the local analytics, per dyad group, inside Spark.

Spark selects each dyad's events (the analytics' own predicate, written as Spark columns) and
counts all events per day and dataset (a small table, sent to every task). ``groupBy(_pair)
.applyInPandas`` then hands each dyad's rows to :func:`run_local`, which rebuilds the store's
view in an in-memory DuckDB (:mod:`toneshift.store.dyad_local`) and calls
:func:`~toneshift.analytics.series.series_records` or
:func:`~toneshift.analytics.changepoints.shift_records` unchanged. Each group answers with the
JSON text of its records, so the driver prints exactly what ``toneshift series --json`` prints.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

import pandas as pd

from toneshift.analytics.dyads import Party, check_pair, resolve_party
from toneshift.errors import AnalyticsError, ToneshiftError

KINDS: tuple[str, ...] = ("series", "shifts")
_OUT_SCHEMA = "_pair int, ok boolean, payload string"


def run_local(
    kind: str, a: str, b: str, dyad: pd.DataFrame, totals: pd.DataFrame, options: dict[str, Any]
) -> list[dict[str, Any]]:
    """The records the local CLI computes for the dyad, from its rows and the day totals."""
    from toneshift.store.dyad_local import local_events_con

    con = local_events_con(dyad, totals)
    try:
        if kind == "series":
            from toneshift.analytics.series import series_records

            return series_records(con, a, b, **options)
        from toneshift.analytics.changepoints import shift_records

        return shift_records(con, a, b, **options)
    finally:
        con.close()


def dyad_json(
    events: Any, kind: str, pairs: Sequence[tuple[str, str]], options: dict[str, Any]
) -> list[list[dict[str, Any]]]:
    """Series or shifts records of each pair in ``pairs``, computed in Spark.

    ``events`` is a Spark DataFrame of the events table; ``options`` the keyword arguments of
    the analytics function. Raises the group's :class:`AnalyticsError` (e.g. not enough data).
    """
    if kind not in KINDS:
        raise ValueError(kind)
    parties = [_parties(a, b) for a, b in pairs]
    totals = day_totals(events, options.get("dataset"))
    groups = _dyad_rows(events, parties)
    columns = list(events.columns)

    def one(key: tuple[Any, ...], rows: pd.DataFrame) -> pd.DataFrame:
        index = int(key[0])
        a, b = pairs[index]
        ordered = rows.loc[:, columns].sort_values("event_id", kind="stable")  # = export order
        ok, payload = _answer(kind, a, b, ordered, totals, options)
        return pd.DataFrame({"_pair": [index], "ok": [ok], "payload": [payload]})

    out = groups.groupBy("_pair").applyInPandas(one, schema=_OUT_SCHEMA).collect()
    found = {int(r["_pair"]): (bool(r["ok"]), str(r["payload"])) for r in out}
    answers = []
    for index, (a, b) in enumerate(pairs):
        ok, payload = found.get(index) or _answer(
            kind, a, b, pd.DataFrame(columns=columns), totals, options
        )
        if not ok:
            raise AnalyticsError(payload)
        answers.append(json.loads(payload))
    return answers


def day_totals(events: Any, dataset: str | None = None) -> pd.DataFrame:
    """Events per ``event_date`` and ``dataset`` (all actors), as a small pandas frame."""
    from pyspark.sql import functions as F

    if dataset:
        events = events.where(F.col("dataset") == dataset)
    frame = events.groupBy("event_date", "dataset").agg(F.count(F.lit(1)).alias("n")).toPandas()
    return frame.loc[:, ["event_date", "dataset", "n"]]


def _parties(a: str, b: str) -> tuple[Party, Party]:
    pa, pb = resolve_party(a), resolve_party(b)
    check_pair(pa, pb)
    return pa, pb


def _dyad_rows(events: Any, parties: Sequence[tuple[Party, Party]]) -> Any:
    """The events of every pair (both directions), tagged with the pair's index ``_pair``."""
    from functools import reduce

    from pyspark.sql import functions as F

    parts = [
        events.where(_either(pa, pb)).withColumn("_pair", F.lit(i))
        for i, (pa, pb) in enumerate(parties)
    ]
    return reduce(lambda x, y: x.unionByName(y), parts)


def _either(a: Party, b: Party) -> Any:
    """Spark twin of :func:`toneshift.analytics.dyads.dyad_where`."""
    return (_side(a, "source") & _side(b, "target")) | (_side(b, "source") & _side(a, "target"))


def _side(party: Party, side: str) -> Any:
    from pyspark.sql import functions as F

    code = F.col(f"{side}_code")
    if party.level == "person":
        name = F.regexp_replace(F.lower(F.col(f"{side}_name")), "[^a-z]", "")
        wanted = F.regexp_replace(F.lower(F.lit(party.code)), "[^a-z]", "")
        return F.coalesce(name == wanted, F.lit(False))
    if party.level == "country":
        value = F.coalesce(F.col(f"{side}_country"), F.substring(code, 1, 3))
        return F.coalesce(value == F.lit(party.code), F.lit(False))
    return F.coalesce(code.startswith(party.code), F.lit(False))


def _answer(
    kind: str, a: str, b: str, rows: pd.DataFrame, totals: pd.DataFrame, options: dict[str, Any]
) -> tuple[bool, str]:
    """``(True, records as JSON)`` or ``(False, the error message)``."""
    try:
        records = run_local(kind, a, b, rows, totals, options)
    except ToneshiftError as exc:
        return False, str(exc)
    return True, json.dumps(records, default=_json_value, ensure_ascii=False)


def _json_value(value: object) -> object:
    """Dates as ISO strings, numpy scalars as Python numbers (as the CLI's JSON output)."""
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if hasattr(value, "item"):
        return value.item()
    raise TypeError(f"cannot serialise {type(value).__name__}")
