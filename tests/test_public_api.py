"""The public API is pinned, importing it does no heavy work, and every command is documented."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import toneshift

README = Path(__file__).resolve().parents[1] / "README.md"


def test_exported_members():
    assert sorted(toneshift.__all__) == sorted(
        [
            "PLOVER_TYPES",
            "Actor",
            "AnalyticsError",
            "Article",
            "ConfigError",
            "Event",
            "FetchError",
            "InputError",
            "IssueTag",
            "ModelError",
            "ResolveError",
            "StoreError",
            "ToneshiftError",
            "__version__",
            "analyze_text",
            "code_pair",
            "code_text",
            "open_store",
        ]
    )
    for name in toneshift.__all__:
        assert getattr(toneshift, name).__doc__ or name in ("__version__", "PLOVER_TYPES")


def test_import_loads_no_model_and_no_database():
    code = (
        "import sys, toneshift; print(sorted(m for m in ('spacy', 'duckdb') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_every_command_has_help_and_is_in_the_readme():
    from typer.main import get_command

    from toneshift.cli import app

    group = get_command(app)
    readme = README.read_text(encoding="utf-8")
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        assert command.help, f"{name} has no help text"
        assert f"toneshift {name}" in readme, f"README does not mention `toneshift {name}`"
