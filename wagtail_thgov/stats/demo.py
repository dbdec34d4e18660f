"""Demo visitor statistics and satisfaction ratings, so the statistics pages show real-looking numbers.

Sixty days of page views of the home page, and twelve ratings of the site
(comments in Thai from fictional visitors). Idempotent: rows are found by their natural key.
"""

import datetime as dt

from django.utils import timezone

from ..demo.content import DEMO_EXTENSIONS
from .models import PageViewDay, SatisfactionRating, SiteVisitDay

DEMO_RATINGS = [
    (5, "ข้อมูลครบถ้วน ค้นหาง่าย"),
    (4, "ดาวน์โหลดแบบฟอร์มได้สะดวก"),
    (5, ""),
    (3, "อยากให้มีข่าวกิจกรรมมากกว่านี้"),
    (4, ""),
    (5, "เจ้าหน้าที่ตอบคำถามรวดเร็ว"),
    (4, "ตัวอักษรอ่านง่าย"),
    (2, "หาประกาศจัดซื้อจัดจ้างย้อนหลังไม่เจอ"),
    (4, ""),
    (5, ""),
    (3, ""),
    (4, "ขอบคุณสำหรับข้อมูลบริการ"),
]


def build_stats_demo(builder, home, site):
    today = timezone.localdate()
    # Only the home page: the demos of other page types may run after this one.
    for offset in range(60):
        date = today - dt.timedelta(days=offset + 1)
        total = 40 + (offset * 7) % 35
        builder.row(PageViewDay, {"page": home, "date": date}, {"site": site, "views": total})
        builder.row(
            SiteVisitDay, {"site": site, "date": date}, {"views": total, "uniques": max(1, total * 2 // 5)}
        )
    for number, (rating, comment) in enumerate(DEMO_RATINGS):
        builder.row(
            SatisfactionRating,
            {
                "site": site,
                "page": None,
                "date": today - dt.timedelta(days=number + 1),
                "visitor_hash": f"demo{number:04d}",
            },
            {"rating": rating, "comment": comment},
        )


DEMO_EXTENSIONS.append(build_stats_demo)
