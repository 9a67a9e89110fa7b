"""``toneshift serve``: the analyst's web application over the store."""

from __future__ import annotations

from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    """Add the verb to the app."""

    @app.command("serve")
    def serve_cli(
        db: Annotated[str | None, typer.Option(help="DuckDB file to serve")] = None,
        host: Annotated[str, typer.Option(help="interface to listen on")] = "127.0.0.1",
        port: Annotated[int, typer.Option(help="TCP port", min=1, max=65535)] = 8000,
        admin_email: Annotated[
            str | None, typer.Option(help="this account becomes admin when it signs up")
        ] = None,
        secure_cookies: Annotated[
            bool, typer.Option(help="mark cookies Secure (serve behind HTTPS)")
        ] = False,
        watch: Annotated[
            list[str] | None, typer.Option(help="dyad for the shift feed, e.g. USA-COL")
        ] = None,
    ) -> None:
        """Serve the web app and JSON API; the server becomes the database's only writer.

        The first account to sign up becomes admin (or the one given by --admin-email);
        other accounts start as viewers until an admin makes them analysts.
        """
        from toneshift.cli.common import settings_from
        from toneshift.web.server import serve
        from toneshift.web.state import WebSettings

        settings = WebSettings(
            db=settings_from(db=db).db,
            admin_email=admin_email,
            secure_cookies=secure_cookies,
            watchlist=tuple(watch or ()),
        )
        typer.echo(f"toneshift: serving {settings.db} on http://{host}:{port}", err=True)
        serve(settings, host=host, port=port)
