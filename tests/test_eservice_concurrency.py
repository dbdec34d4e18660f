"""Tracking sequences under concurrency: PostgreSQL pass only (threads, each with its own connection)."""

import threading

import pytest
from django.db import connection, transaction
from django.utils import timezone

from tests.eservice_support import make_eservice_site
from wagtail_thgov.eservice.tracking import allocate


@pytest.mark.django_db(transaction=True)
def test_concurrent_requests_get_distinct_consecutive_sequences(postgres_and_redis_pass):
    site = make_eservice_site()
    now = timezone.now()
    sequences, errors = [], []
    start = threading.Barrier(4)

    def send_fifty():
        try:
            start.wait()
            for _ in range(50):
                with transaction.atomic():  # as in a real submission: the counter row is held until commit
                    sequences.append(allocate(site, "complaint", now)[2])
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=send_fifty) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(sequences) == list(range(1, 201))
