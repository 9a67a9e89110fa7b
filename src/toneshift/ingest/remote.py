"""HTTP helpers shared by the remote sources: retries with exponential backoff, politeness.

The client, the sleep and the clock are always injected, so tests run against a local server
(or an ``httpx.MockTransport``) and never really wait.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar
from urllib.parse import urlsplit

import httpx

from toneshift.errors import FetchError

Sleep = Callable[[float], None]
Clock = Callable[[], float]

T = TypeVar("T")

#: HTTP statuses worth another try: the server is busy or briefly broken.
RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})


@dataclass(frozen=True)
class RetryPolicy:
    """``attempts`` tries in all; the n-th retry waits ``backoff * factor ** (n - 1)`` seconds."""

    attempts: int = 4
    backoff: float = 1.0
    factor: float = 2.0
    max_wait: float = 60.0

    def wait(self, retry: int) -> float:
        """Seconds to wait before retry number ``retry`` (1-based)."""
        return min(self.max_wait, self.backoff * self.factor ** (retry - 1))


class RetryableError(FetchError):
    """A failure another attempt may cure (5xx, 429, timeouts, a bad checksum)."""


def check_status(url: str, response: httpx.Response) -> None:
    """Raise RetryableError for busy statuses, FetchError for other HTTP errors."""
    code = response.status_code
    if code in RETRY_STATUSES:
        raise RetryableError(f"{url}: HTTP {code}")
    if code >= 400:
        raise FetchError(f"{url}: HTTP {code}")


def with_retries(action: Callable[[], T], *, url: str, policy: RetryPolicy, sleep: Sleep) -> T:
    """Run ``action`` until it succeeds; retry RetryableError and transport errors.

    The last failure is raised as FetchError naming the URL and the number of attempts.
    """
    last = ""
    for attempt in range(1, policy.attempts + 1):
        if attempt > 1:
            sleep(policy.wait(attempt - 1))
        try:
            return action()
        except RetryableError as exc:
            last = str(exc).removeprefix(f"{url}: ")
        except httpx.TransportError as exc:
            last = f"{type(exc).__name__}: {exc}"
    raise FetchError(f"{url}: failed after {policy.attempts} attempts ({last})")


@dataclass
class Throttle:
    """At most one request per ``delay`` seconds to each host (politeness)."""

    delay: float
    sleep: Sleep
    clock: Clock
    _last: dict[str, float] = field(default_factory=dict)

    def wait(self, url: str) -> None:
        """Sleep until ``url``'s host may be asked again, then note the request."""
        host = urlsplit(url).netloc.lower()
        if host in self._last:
            due = self._last[host] + self.delay - self.clock()
            if due > 0:
                self.sleep(due)
        self._last[host] = self.clock()
