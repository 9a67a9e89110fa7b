"""The ``toneshift`` command line: a thin shell over the library.

Each verb lives in its own module here and exposes ``register(app)``; modules are found
automatically, so adding a verb never edits this file. Verbs import heavy libraries lazily,
inside the command, so ``toneshift --help`` stays fast.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

import typer

from toneshift.cli.common import console_error
from toneshift.errors import ToneshiftError

app = typer.Typer(
    name="toneshift",
    help="Code news into political events and measure shifts in tone between governments.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

_SKIP = {"common"}


@app.callback()
def _root() -> None:
    """Code news into political events and measure shifts in tone between governments."""


def _register_verbs() -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name in _SKIP or info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(app)


_register_verbs()


def main(argv: list[str] | None = None) -> int:
    """Console entry point: run the app, turning toneshift errors into one-line messages."""
    try:
        app(args=argv, standalone_mode=False)
    except ToneshiftError as exc:
        console_error(str(exc))
        return exc.exit_code
    except typer.Exit as exc:
        return int(exc.exit_code or 0)
    except (typer.Abort, KeyboardInterrupt):
        console_error("aborted")
        return 130
    except Exception as exc:  # click usage errors arrive here in non-standalone mode
        import click

        if isinstance(exc, click.ClickException):
            exc.show()
            return exc.exit_code
        raise
    return 0


def entry() -> None:
    """``sys.exit`` wrapper used by the console script."""
    sys.exit(main())
