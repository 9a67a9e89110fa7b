"""Spark jobs for the whole archive: coding articles and dyad analytics, same code inside.

* :func:`~toneshift.spark.code_job.code_articles` codes ``.txt``/``.jsonl`` article files over
  Spark partitions (``mapInPandas``); each Python worker loads the spaCy model once.
* :func:`~toneshift.spark.dyad_job.dyad_json` runs :mod:`toneshift.analytics` (series or
  shifts) per dyad group (``groupBy().applyInPandas``) and returns what the local CLI prints.

pyspark is imported lazily (``toneshift[spark]``; Java 17+). Without a cluster the session is
Spark local mode, ``local[2]`` (see :func:`~toneshift.spark.session.spark_session`).
"""

from __future__ import annotations

__all__ = ["code_job", "dyad_job", "session"]
