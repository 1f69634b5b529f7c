"""A per-document time limit that interrupts running Python code.

trafilatura and readability have no time limit of their own, so the limit is
imposed from outside:

- in the main thread, with ``SIGALRM`` from an interval timer
  (:func:`signal.setitimer`), when no one else uses that signal;
- elsewhere (worker threads, or when ``SIGALRM`` is taken), with a watchdog
  thread that raises the exception in the working thread
  (``PyThreadState_SetAsyncExc``, CPython only).

Both interrupt Python code between two bytecodes, not inside one long call into
C (one lxml parse of a document, which is linear in its size and bounded by the
size cap). Between the steps of an extraction :meth:`Deadline.check` is called as
well, so the limit also holds where neither mechanism is available.

The exception used inside is a ``BaseException`` (so a library's ``except
Exception`` cannot swallow it); :func:`time_limit` turns it into
:class:`~newsclean.ExtractionTimeoutError`.

>>> import time
>>> with time_limit(None) as d:
...     d.check()
>>> try:
...     with time_limit(0.05):
...         while True:
...             time.sleep(0.001)
... except TimeoutError as exc:
...     print(exc.reason)
timeout
"""

from __future__ import annotations

import ctypes
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from ..errors import ExtractionTimeoutError

__all__ = ["Deadline", "time_limit"]


class _Expired(BaseException):
    """Raised inside the timed block when the limit passes (never escapes it)."""


class Deadline:
    """The end of a time budget; :meth:`check` raises once it has passed."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self._end = None if seconds is None else time.monotonic() + seconds

    def expired(self) -> bool:
        """Whether the budget is used up."""
        return self._end is not None and time.monotonic() >= self._end

    def check(self) -> None:
        """Raise :class:`~newsclean.ExtractionTimeoutError` if the budget is used up."""
        if self.expired():
            raise _timeout_error(self.seconds)


def _timeout_error(seconds: float | None) -> ExtractionTimeoutError:
    return ExtractionTimeoutError(f"extraction took longer than the time limit of {seconds:g} s")


def _signal_usable() -> bool:
    if threading.current_thread() is not threading.main_thread():
        return False
    if not hasattr(signal, "setitimer") or not hasattr(signal, "SIGALRM"):
        return False
    try:
        handler = signal.getsignal(signal.SIGALRM)
        running = signal.getitimer(signal.ITIMER_REAL) != (0.0, 0.0)
    except (ValueError, OSError):  # pragma: no cover - exotic platforms
        return False
    return handler in (signal.SIG_DFL, None) and not running


@contextmanager
def _signal_alarm(seconds: float) -> Iterator[None]:
    active = True

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        if active:
            raise _Expired()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    try:
        signal.setitimer(signal.ITIMER_REAL, seconds)
        yield
    finally:
        active = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _async_raise(thread_id: int, exc: type[BaseException] | None) -> None:
    set_async_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc
    set_async_exc(ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc is not None else None)


def _watchdog_usable() -> bool:
    return hasattr(ctypes, "pythonapi") and hasattr(ctypes.pythonapi, "PyThreadState_SetAsyncExc")


@contextmanager
def _watchdog(seconds: float) -> Iterator[None]:
    target = threading.get_ident()
    lock = threading.Lock()
    state = {"done": False, "fired": False}

    def fire() -> None:
        with lock:
            if not state["done"]:
                state["fired"] = True
                _async_raise(target, _Expired)

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["done"] = True
            if state["fired"]:
                # Not raised yet (the block ended first): withdraw it so that it
                # cannot go off later in the caller's code.
                _async_raise(target, None)
        timer.cancel()


@contextmanager
def time_limit(seconds: float | None) -> Iterator[Deadline]:
    """Run the block under a time limit; yields its :class:`Deadline`.

    Raises:
        ExtractionTimeoutError: the block ran longer than ``seconds``.
    """
    deadline = Deadline(seconds)
    if seconds is None:
        yield deadline
        return
    if _signal_usable():
        guard = _signal_alarm(seconds)
    elif _watchdog_usable():
        guard = _watchdog(seconds)
    else:  # pragma: no cover - non-CPython without signals: checks between steps only
        guard = _nothing()
    try:
        with guard:
            yield deadline
    except _Expired:
        raise _timeout_error(seconds) from None


@contextmanager
def _nothing() -> Iterator[None]:  # pragma: no cover - see time_limit
    yield
