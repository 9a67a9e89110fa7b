"""The SparkSession toneshift's jobs run in: a cluster when configured, else local mode."""

from __future__ import annotations

import os
import shutil
import sys
from typing import Any

from toneshift.errors import ModelError

#: The master used when neither ``--master`` nor ``SPARK_MASTER`` is given.
DEFAULT_MASTER = "local[2]"

#: Settings for small, quiet local runs; a cluster's spark-defaults.conf may override them.
LOCAL_CONF: dict[str, str] = {
    "spark.ui.enabled": "false",
    "spark.sql.shuffle.partitions": "2",
    "spark.sql.execution.arrow.pyspark.enabled": "true",
    "spark.sql.session.timeZone": "UTC",
    "spark.python.worker.reuse": "true",
    "spark.ui.showConsoleProgress": "false",
}


def pyspark_module() -> Any:
    """``pyspark.sql``, or :class:`ModelError` saying what to install."""
    try:
        import pyspark.sql
    except ImportError as exc:
        raise ModelError(
            "Spark jobs need pyspark: install toneshift[spark] (pip install 'toneshift[spark]')"
        ) from exc
    if not (os.environ.get("JAVA_HOME") or shutil.which("java")):
        raise ModelError("Spark needs a Java runtime (17 or later): install one or set JAVA_HOME")
    return pyspark.sql


def resolve_master(master: str | None) -> str:
    """``master``, else ``$SPARK_MASTER``, else :data:`DEFAULT_MASTER`."""
    return master or os.environ.get("SPARK_MASTER") or DEFAULT_MASTER


def spark_session(
    master: str | None = None, *, app_name: str = "toneshift", conf: dict[str, str] | None = None
) -> Any:
    """A SparkSession on ``master`` (see :func:`resolve_master`) with :data:`LOCAL_CONF`.

    Python workers run this interpreter (``PYSPARK_PYTHON`` unless already set), so local mode
    uses the same virtualenv; on a cluster, ship toneshift with ``--py-files`` or install it.
    """
    sql = pyspark_module()
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = sql.SparkSession.builder.appName(app_name)
    if master or not os.environ.get("PYSPARK_GATEWAY_PORT"):  # spark-submit sets the master
        builder = builder.master(resolve_master(master))
    for key, value in {**LOCAL_CONF, **(conf or {})}.items():
        builder = builder.config(key, value)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session
