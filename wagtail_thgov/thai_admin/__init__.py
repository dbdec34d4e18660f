"""Thai admin: Wagtail's and Django's admin texts in Thai, as a Thai local official writes them.

Wagtail ships a Thai catalogue that leaves about two thirds of the admin in English and spells some words
awkwardly ("ดาวโหลด", "เว็บไซด์"). This app carries only translation catalogues that override them:
``locale/th/LC_MESSAGES/django.po`` for the server-rendered admin and ``djangojs.po`` for the texts the admin's
JavaScript shows. Django merges every installed app's catalogue and lets an app listed earlier in
``INSTALLED_APPS`` win, so the app must come before Wagtail's apps (a system check says so if it does not).

The app holds no translatable source text on purpose: ``makemessages`` would otherwise rebuild its catalogue
from that text alone and drop every override. See docs/translations.md.
"""
