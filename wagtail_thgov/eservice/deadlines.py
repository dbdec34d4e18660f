"""Due dates in working days: Monday to Friday.

Thai public holidays are not counted out: their dates change every year by cabinet resolution, and a
wrong holiday table would be worse than none. A municipality that promises "15 working days" gets a
due date that is at worst a few days early, never late.
"""

import datetime as dt

WEEKEND = (5, 6)  # Saturday, Sunday


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The date ``days`` working days after ``start`` (a request sent on a weekend starts on Monday)."""
    current = start
    remaining = days
    while remaining > 0:
        current += dt.timedelta(days=1)
        if current.weekday() not in WEEKEND:
            remaining -= 1
    return current
