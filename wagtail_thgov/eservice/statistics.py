"""Monthly statistics per service (the ITA "statistics of complaints" figure): a pure function over
rows of ``(service, kind, submitted_at, status, due_date, closed_at, closed_on)``."""

import datetime as dt
from dataclasses import dataclass

from ..core.thai.dates import to_bangkok
from .models import CLOSED_STATUSES, OPEN_STATUSES, RequestStatus

ROW_FIELDS = ("service_title", "kind", "submitted_at", "status", "due_date", "closed_at", "closed_on")


@dataclass
class MonthlyRow:
    """One service in one (Bangkok) month."""

    month: dt.date  # first day of the month
    service: str
    kind: str
    received: int = 0
    completed: int = 0
    rejected: int = 0
    open: int = 0
    overdue: int = 0
    _handling_days_total: float = 0.0

    @property
    def average_handling_days(self):
        closed = self.completed + self.rejected
        return round(self._handling_days_total / closed, 1) if closed else None


def monthly_statistics(rows, today: dt.date) -> list[MonthlyRow]:
    """Rows grouped by month of submission and service, newest month first, services by name."""
    table: dict = {}
    for service, kind, submitted_at, status, due_date, closed_at, closed_on in rows:
        month = to_bangkok(submitted_at).date().replace(day=1)
        row = table.get((month, service))
        if row is None:
            row = table[(month, service)] = MonthlyRow(month=month, service=service, kind=kind)
        row.received += 1
        if status == RequestStatus.COMPLETED:
            row.completed += 1
        elif status == RequestStatus.REJECTED:
            row.rejected += 1
        else:
            row.open += 1
        if status in CLOSED_STATUSES and closed_at is not None:
            row._handling_days_total += (closed_at - submitted_at).total_seconds() / 86400
        late = (status in OPEN_STATUSES and due_date < today) or (
            status in CLOSED_STATUSES and closed_on is not None and closed_on > due_date
        )
        row.overdue += late
    return sorted(table.values(), key=lambda row: (-row.month.toordinal(), row.service))
