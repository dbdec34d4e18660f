#!/usr/bin/env python
"""Document text benchmark: extraction and indexing throughput (files per second, MB/s) on generated Thai
PDFs, and the search recall of words that are only in the files' bodies.

    .venv/bin/python benchmarks/documents_bench.py                 # 1,000 PDFs, in-memory SQLite
    .venv/bin/python benchmarks/documents_bench.py --files 200     # a shorter run
    DATABASE_URL=postgres://… .venv/bin/python benchmarks/documents_bench.py   # PostgreSQL (a throw-away
                                                                   # test_<name>_documents_bench database)

Steps: build a migrated throw-away database and a municipality site; generate ``--files`` two-page Thai
PDFs (tests/document_files.py: the Thai font embedded, as a word processor's export would) whose body
holds one probe word found in no other file and in no page title; read each through the job
(``documents.jobs.extract_document``: read, SHA-256, extraction, Thai segmentation, storage and the
search backend's index) and time it; link each file from its own news page; then search each probe word
with ``search.engine.search_pages`` and count how often the file's page is among the first 10 results
(recall@10), and how long a query takes. OCR is off (image-only pages are a separate cost: seconds per
page). Prints only; no assertions.
"""

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "example_project")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.files.base import ContentFile  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

SENTENCES = [
    "เทศบาลตำบลบ้านสวนดอกไม้ขอประชาสัมพันธ์ให้ประชาชนทราบโดยทั่วกัน",
    "ด้วยเทศบาลมีความประสงค์จะดำเนินโครงการตามแผนพัฒนาท้องถิ่น",
    "ผู้สนใจสามารถติดต่อสอบถามรายละเอียดได้ที่สำนักปลัดเทศบาลในวันและเวลาราชการ",
    "ทั้งนี้ตั้งแต่บัดนี้เป็นต้นไป",
    "จึงประกาศมาเพื่อทราบโดยทั่วกัน",
    "งบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2568",
    "ตามระเบียบกระทรวงมหาดไทยว่าด้วยการรับเงิน การเบิกจ่ายเงิน การฝากเงิน การเก็บรักษาเงิน",
    "ให้ยื่นเอกสารหลักฐานพร้อมสำเนาบัตรประจำตัวประชาชน",
]
TITLES = ["ประกาศเทศบาล", "ข่าวประชาสัมพันธ์", "รายงานผลการดำเนินงาน", "คำสั่งเทศบาล", "แผนการดำเนินงาน"]


def create_database():
    setup_test_environment()
    test = connection.settings_dict["TEST"]
    test["MIGRATE"] = True
    if connection.vendor == "sqlite":
        test["NAME"] = ":memory:"
    else:
        test["NAME"] = f"test_{connection.settings_dict['NAME']}_documents_bench"
    settings.DEBUG = False
    return connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)


def probe_words(count, seed):
    """``count`` distinct Thai dictionary words (5–12 letters) that no sentence or title holds."""
    from pythainlp.corpus import thai_words

    from wagtail_thgov.core.thai.words import THAI_WORD

    fixed = " ".join(SENTENCES + TITLES)
    pool = sorted(w for w in thai_words() if THAI_WORD.match(w) and 5 <= len(w) <= 12 and w not in fixed)
    return random.Random(seed).sample(pool, count)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2568)
    args = parser.parse_args()
    from wagtail_thgov.documents.ocr import status

    ocr_installed = status().available
    settings.THGOV_DOCUMENTS_OCR = False
    settings.THGOV_DOCUMENTS_TEXT = False  # the benchmark runs the job itself, timed, not on each save

    from wagtail.documents import get_document_model

    from tests.document_files import text_pdf
    from tests.factories import make_site
    from wagtail_thgov.core.thai.words import query_words
    from wagtail_thgov.documents.extract import extract
    from wagtail_thgov.documents.jobs import extract_document
    from wagtail_thgov.documents.models import DocumentText
    from wagtail_thgov.documents.search import matching_document_ids
    from wagtail_thgov.pages.news import NewsIndexPage, NewsPage
    from wagtail_thgov.search.engine import search_pages

    old_name = create_database()
    try:
        site = make_site()
        index = site.root_page.add_child(instance=NewsIndexPage(title="ข่าว", slug="news"))
        index.save_revision().publish()
        rng = random.Random(args.seed)
        probes = probe_words(args.files, args.seed)
        Document = get_document_model()

        print(
            f"documents_bench: {args.files} PDFs, {connection.vendor}, OCR switched off (installed: {ocr_installed})"
        )
        started = time.perf_counter()
        documents, sizes = [], []
        for number, probe in enumerate(probes):
            body = rng.sample(SENTENCES, 6)
            body.insert(rng.randrange(1, 6), f"รายการที่ {number} เรื่อง{probe}ตามที่ได้รับแจ้ง")
            data = text_pdf([body[:4], body[4:]])
            document = Document(title=f"{rng.choice(TITLES)} ฉบับที่ {number}")
            document.file.save(f"bench-{number}.pdf", ContentFile(data), save=False)
            document.save()
            documents.append(document)
            sizes.append(len(data))
        print(f"  generated in {time.perf_counter() - started:.1f} s, {sum(sizes) / 1e6:.1f} MB")

        sample = documents[: min(50, len(documents))]
        started = time.perf_counter()
        for document in sample:
            with document.file.open("rb") as stored:
                extract(stored.read(), "pdf")
        extract_only = (time.perf_counter() - started) / len(sample)

        started = time.perf_counter()
        for document in documents:
            assert extract_document(document.pk) == DocumentText.DONE
        seconds = time.perf_counter() - started
        megabytes = sum(sizes) / 1024 / 1024
        print(
            f"  extraction + indexing: {len(documents) / seconds:.1f} files/s, {megabytes / seconds:.1f} MB/s "
            f"({seconds:.1f} s; extraction alone {1000 * extract_only:.0f} ms per file, of "
            f"{1000 * seconds / len(documents):.0f} ms)"
        )

        started = time.perf_counter()
        pages = []
        for number, document in enumerate(documents):
            body = [
                (
                    "paragraph",
                    f'<p>ดาวน์โหลด <a linktype="document" id="{document.pk}">{document.title}</a></p>',
                )
            ]
            page = NewsPage(
                title=document.title, slug=f"n-{number}", news_date=dt.date(2025, 1, 1), body=body
            )
            pages.append(index.add_child(instance=page))
        print(f"  {len(pages)} pages linked in {time.perf_counter() - started:.1f} s")

        found, times, file_times = 0, [], []
        for probe, page in zip(probes, pages, strict=True):
            started = time.perf_counter()
            hits = search_pages(probe, site)
            times.append(time.perf_counter() - started)
            found += page.pk in [hit.page.pk for hit in hits[:10]]
            started = time.perf_counter()
            matching_document_ids(query_words(probe))
            file_times.append(time.perf_counter() - started)
        times.sort()
        print(
            f"  recall@10 of body-only words: {found}/{len(probes)} = {found / len(probes):.1%}; query median "
            f"{1000 * statistics.median(times):.0f} ms, p90 {1000 * times[int(len(times) * 0.9)]:.0f} ms "
            f"(of which the files' index: median {1000 * statistics.median(file_times):.0f} ms)"
        )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
