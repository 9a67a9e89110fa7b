"""Run the web app under uvicorn as the database's single writer (``toneshift serve``)."""

from __future__ import annotations

from dataclasses import replace

from toneshift.web.client import remove_endpoint, write_endpoint
from toneshift.web.state import WebSettings


def serve(
    settings: WebSettings, *, host: str = "127.0.0.1", port: int = 8000, log_level: str = "info"
) -> None:
    """Serve until interrupted; announce the server in ``DB.serve.json`` meanwhile."""
    import uvicorn

    from toneshift.web.app import create_app

    path, token = write_endpoint(settings.db, host=host, port=port)
    try:
        app = create_app(replace(settings, ingest_token=token))
        # uvicorn re-raises SIGTERM/SIGINT after shutdown, so also withdraw during shutdown
        app.state.ts.on_shutdown.append(lambda: remove_endpoint(path))
        uvicorn.run(app, host=host, port=port, log_level=log_level, access_log=False)
    finally:
        remove_endpoint(path)
