"""What each capability registers at start-up: its ``thgov_setup`` steps, its scheduled jobs and the checks
it adds to the currency report.

A capability registers from its ``registration`` module, which ``WagtailThgovConfig.ready()`` imports;
``installation.run_setup`` runs the steps by their order number and ``publishing.schedules`` keeps exactly
one django-q2 schedule per job. This module imports nothing of the package, so any layer may use it.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class SetupStep:
    """One idempotent ``thgov_setup`` step: it takes the command's writer and returns rows created or changed.

    ``function`` may be a dotted path, resolved only when the step runs, so that registering at start-up
    imports nothing heavy.
    """

    order: int
    name: str
    function: Callable[[Callable[[str], None]], int] | str

    @property
    def path(self) -> str:
        if isinstance(self.function, str):
            return self.function
        return f"{self.function.__module__}.{self.function.__qualname__}"

    def run(self, write) -> int:
        function = import_string(self.function) if isinstance(self.function, str) else self.function
        return function(write)


@dataclass(frozen=True)
class ScheduledJob:
    """One recurring django-q2 job: its schedule name, the dotted path of its function and how often it runs."""

    name: str
    func: str
    schedule_type: str
    minutes: int | None = None
    at: dt.time | None = None  # Bangkok time of the first run, for daily and longer schedules


@dataclass(frozen=True)
class CurrencyCheck:
    """A status of the currency report that a capability above ``publishing`` decides (e.g. "links a scanned
    file"): the report, its dashboard panel and the daily digest list its pages like their own statuses.

    ``function(site, now, editable)`` (or its dotted path) returns ``[(page, detail), ...]``: the live pages of
    ``site`` with the status, narrowed to the ``editable`` Page queryset when it is not None, and a short
    Thai detail for each (which files, for instance), in the order to list them.
    """

    name: str  # the status code: in the report's ?status= filter and its export
    label: object  # what the report, the panel and the digest call the status (a lazy translation)
    function: Callable | str
    order: int = 100

    def run(self, site, now, editable):
        function = import_string(self.function) if isinstance(self.function, str) else self.function
        return function(site, now, editable)


_setup_steps: dict[str, SetupStep] = {}
_jobs: dict[str, ScheduledJob] = {}
_currency_checks: dict[str, CurrencyCheck] = {}


def _add(table, entry):
    existing = table.get(entry.name)
    if existing is not None and existing != entry:
        raise ImproperlyConfigured(
            _("“%(name)s” is registered twice, differently: %(first)r and %(second)r.")
            % {"name": entry.name, "first": existing, "second": entry}
        )
    table[entry.name] = entry
    return entry


def setup_step(order: int, name: str, function) -> SetupStep:
    """Register a ``thgov_setup`` step; steps run by ascending ``order`` (then name)."""
    return _add(_setup_steps, SetupStep(order, name, function))


def setup_steps() -> list[SetupStep]:
    """The registered setup steps, in the order ``thgov_setup`` runs them."""
    return sorted(_setup_steps.values(), key=lambda step: (step.order, step.name))


def job(name: str, func: str, schedule_type: str, *, minutes=None, at=None) -> ScheduledJob:
    """Register a recurring job by its django-q2 schedule name (found by name; keep it stable)."""
    return _add(_jobs, ScheduledJob(name, func, schedule_type, minutes=minutes, at=at))


def jobs() -> list[ScheduledJob]:
    """The registered jobs, in registration order."""
    return list(_jobs.values())


def currency_check(name: str, label, function, *, order: int = 100) -> CurrencyCheck:
    """Register a status of the currency report (see ``CurrencyCheck``)."""
    return _add(_currency_checks, CurrencyCheck(name, label, function, order))


def currency_checks() -> list[CurrencyCheck]:
    """The registered currency checks, by ``order`` then name."""
    return sorted(_currency_checks.values(), key=lambda check: (check.order, check.name))
