"""The analyst's web application: an app factory, a JSON API and server-rendered pages.

Import :func:`toneshift.web.app.create_app` for the ASGI app; the web extra
(``pip install toneshift[web]``) must be installed. Nothing here does I/O at import.
"""

from __future__ import annotations

__all__ = ["WebSettings", "create_app"]


def __getattr__(name: str) -> object:
    if name in __all__:
        from toneshift.web import app

        return getattr(app, name)
    raise AttributeError(name)
