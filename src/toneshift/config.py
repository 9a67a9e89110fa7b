"""Every setting of toneshift, declared once: name, default, help.

Precedence, lowest to highest: defaults < config file (TOML) < environment (``TONESHIFT_*``)
< explicit keyword arguments (the CLI passes its options here).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir

from toneshift.errors import ConfigError

APP_NAME = "toneshift"


def _default_db() -> str:
    return str(Path(user_data_dir(APP_NAME)) / "toneshift.duckdb")


def _default_config_file() -> str:
    return str(Path(user_config_dir(APP_NAME)) / "config.toml")


@dataclass(frozen=True)
class Settings:
    """toneshift's settings. Build with :func:`load_settings`, not directly."""

    db: str = field(
        default_factory=_default_db, metadata={"help": "DuckDB path or postgresql:// URL"}
    )
    spacy_model: str = field(
        default="",
        metadata={"help": "spaCy pipeline name; empty = en_core_web_sm, else the PyPI repack"},
    )
    batch_size: int = field(default=256, metadata={"help": "sentences per spaCy batch"})
    max_paragraph_chars: int = field(
        default=20_000, metadata={"help": "longest paragraph handed to spaCy at once"}
    )
    max_article_bytes: int = field(
        default=10_000_000, metadata={"help": "largest article analyze accepts, in bytes"}
    )
    http_timeout: float = field(
        default=20.0, metadata={"help": "seconds before an HTTP fetch fails"}
    )
    user_agent: str = field(
        default="toneshift/0.1 (+https://github.com/toneshift)",
        metadata={"help": "HTTP User-Agent"},
    )
    followthrough_days: int = field(
        default=90, metadata={"help": "days a verbal gesture has to turn into deeds"}
    )


def _coerce(name: str, raw: object, target: type) -> object:
    try:
        if target is int:
            return int(str(raw))
        if target is float:
            return float(str(raw))
        return str(raw)
    except ValueError as exc:
        raise ConfigError(f"setting {name!r}: cannot read {raw!r} as {target.__name__}") from exc


def _types() -> dict[str, type]:
    defaults = Settings()
    return {f.name: type(getattr(defaults, f.name)) for f in fields(Settings)}


def load_settings(
    *, config_file: str | None = None, env: dict[str, str] | None = None, **overrides: object
) -> Settings:
    """Build settings from defaults, a TOML file, ``TONESHIFT_*`` variables and overrides.

    ``None`` overrides are ignored so a CLI can pass every option through unchanged.
    """
    env = dict(os.environ) if env is None else env
    types = _types()
    values: dict[str, object] = {}
    path = Path(config_file or env.get("TONESHIFT_CONFIG") or _default_config_file())
    if path.is_file():
        try:
            values.update(tomllib.loads(path.read_text(encoding="utf-8")))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: {exc}") from exc
    for name in types:
        key = f"TONESHIFT_{name.upper()}"
        if key in env:
            values[name] = env[key]
    values.update({k: v for k, v in overrides.items() if v is not None})
    unknown = set(values) - set(types)
    if unknown:
        raise ConfigError(f"unknown setting(s): {', '.join(sorted(unknown))}")
    typed = {k: _coerce(k, v, types[k]) for k, v in values.items()}
    return replace(Settings(), **typed)  # type: ignore[arg-type]
