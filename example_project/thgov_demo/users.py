"""The demo municipality's fictional staff: one person per role of the guideline, per site.

They exist whether or not anyone logs in as them, because the demo certifies its pages through the
real workflow and a certification names the person who gave it. ``thgov_demo --users`` gives the
default site's people the demo password (and adds the ``admin`` superuser).
"""

from django.contrib.auth import get_user_model

from wagtail_thgov.workflows.roles import Role
from wagtail_thgov.workflows.setup import role_group

DEMO_PASSWORD = "thgov-demo"

# The demo's superuser: a fictional person too, because Wagtail's account settings require a first and
# a last name before any other setting (such as the language) can be saved.
DEMO_ADMIN = ("admin", "สมชาย", "ดูแลระบบ (ตัวอย่าง)")

# Fictional people, one per role of the guideline.
DEMO_USERS = [
    ("uploader", "สมศรี", "ใจดี (ตัวอย่าง)", Role.UPLOADER),
    ("webmaster", "ประเสริฐ", "ตรวจถ้วน (ตัวอย่าง)", Role.WEBMASTER),
    ("approver", "วิไลวรรณ", "รับรองดี (ตัวอย่าง)", Role.APPROVER),
]


def demo_username(site, username: str) -> str:
    """``uploader`` on the default site; ``<first label of the hostname>-uploader`` on any other."""
    if site.is_default_site:
        return username
    return f"{site.hostname.split('.')[0]}-{username}"


def role_people(site) -> dict[str, object]:
    """The site's demo uploader, webmaster and approver by role, created (without a password) if missing.

    Each is made a member of the site's group for the role, so what they do in the workflow is exactly
    what a real member of that group may do.
    """
    User = get_user_model()
    people = {}
    for username, first_name, last_name, role in DEMO_USERS:
        name = demo_username(site, username)
        user = User.objects.filter(username=name).first()
        if user is None:
            user = User(
                username=name,
                email=f"{name}@bansuandokmai.example",
                first_name=first_name,
                last_name=last_name,
            )
            user.set_unusable_password()
            user.save()
        group = role_group(site, role)
        if group is not None and not user.groups.filter(pk=group.pk).exists():
            user.groups.add(group)
        people[role] = user
    return people
