"""Entry script for ``spark-submit``: ``spark-submit [opts] submit.py code|series|shifts ...``.

Runs ``toneshift spark ...`` with the master spark-submit was given.
"""

from __future__ import annotations

import sys

from toneshift.cli import main

if __name__ == "__main__":
    sys.exit(main(["spark", *sys.argv[1:]]))
