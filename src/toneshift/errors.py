"""The one exception tree of toneshift.

::

    ToneshiftError
    ├── ConfigError            a setting has a bad value
    ├── InputError             bad user input (file, line, field named in the message)
    │   ├── EmptyInputError
    │   ├── EncodingError
    │   ├── NoArticleError     HTML page with no main text
    │   └── GoldFormatError    an evaluation gold file that cannot be read
    ├── FetchError             a URL or feed could not be fetched
    ├── ResolveError           an actor, code or name that cannot be resolved
    ├── StoreError             the database refused an operation
    │   └── MigrationError
    ├── ModelError             an NLP model or optional backend is missing
    └── AnalyticsError         a series or shift cannot be computed (e.g. not enough data)

The core raises these; only the CLI and web layers turn them into messages and exit codes.
"""

from __future__ import annotations


class ToneshiftError(Exception):
    """Base class of every error toneshift raises on purpose."""

    exit_code = 1


class ConfigError(ToneshiftError):
    """A setting has an invalid value."""

    exit_code = 2


class InputError(ToneshiftError):
    """User input cannot be read; the message names the file, line or field."""

    exit_code = 2


class EmptyInputError(InputError):
    """The input holds no text."""


class EncodingError(InputError):
    """The input is binary or not valid UTF-8."""


class NoArticleError(InputError):
    """An HTML page has no extractable main text."""


class GoldFormatError(InputError):
    """A gold-standard file is unknown or malformed."""


class FetchError(ToneshiftError):
    """A URL, feed or remote file could not be fetched."""

    exit_code = 3


class ResolveError(ToneshiftError):
    """A name, actor code or CAMEO code could not be resolved."""

    exit_code = 2


class StoreError(ToneshiftError):
    """The event store refused an operation."""

    exit_code = 4


class MigrationError(StoreError):
    """A schema migration failed; the transaction was rolled back."""


class ModelError(ToneshiftError):
    """A required NLP model or optional backend is not installed."""

    exit_code = 5


class AnalyticsError(ToneshiftError):
    """A series or change point cannot be computed from the data given."""

    exit_code = 2
