"""``toneshift version``: print the installed version."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the verb to the app."""

    @app.command("version")
    def version_cli() -> None:
        """Print toneshift's version."""
        from importlib.metadata import version

        typer.echo(version("toneshift"))
