"""Wagtail's workflow e-mail texts, listed so that ``makemessages`` keeps their Thai translations.

Wagtail's own Thai catalogue leaves most of these untranslated. Django merges catalogues with the
first-listed app winning, so with ``wagtail_thgov`` above ``wagtail.admin`` in ``INSTALLED_APPS``
reviewers get their notification e-mails in Thai. Never imported at run time.
"""

from django.utils.translation import gettext_noop

WAGTAIL_NOTIFICATION_MESSAGES = [
    gettext_noop('The page "%(title)s" has been approved.'),
    gettext_noop("You can view the page here:"),
    gettext_noop('The page "%(title)s" has been approved'),
    gettext_noop("Hello %(username)s,"),
    gettext_noop("Edit your notification preferences here:"),
    gettext_noop('The page "%(title)s" has been rejected.'),
    gettext_noop("You can edit the page here:"),
    gettext_noop('The page "%(title)s" has been rejected'),
    gettext_noop('The page "%(title)s" has been approved in moderation stage "%(task)s".'),
    gettext_noop('The %(model_name)s "%(title)s" has been approved in moderation stage "%(task)s".'),
    gettext_noop("You can edit the %(model_name)s here:"),
    gettext_noop('The page "%(title)s" has been approved in "%(task)s".'),
    gettext_noop('The %(model_name)s "%(title)s" has been approved in "%(task)s".'),
    gettext_noop('The page "%(title)s" has been rejected in moderation stage "%(task)s".'),
    gettext_noop('The %(model_name)s "%(title)s" has been rejected in moderation stage "%(task)s".'),
    gettext_noop('The page "%(title)s" has been rejected during "%(task)s".'),
    gettext_noop('The %(model_name)s "%(title)s" has been rejected during "%(task)s".'),
    gettext_noop('The page "%(title)s" has been submitted for approval in moderation stage "%(task)s".'),
    gettext_noop("You can preview the page here:"),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been submitted for approval in moderation stage "%(task)s".'
    ),
    gettext_noop("You can preview the %(model_name)s here:"),
    gettext_noop('The page "%(title)s" has been submitted for approval to moderation stage "%(task)s".'),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been submitted for approval to moderation stage "%(task)s".'
    ),
    gettext_noop('The page "%(title)s" has been submitted for approval in moderation stage "%(task)s"'),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been submitted for approval in moderation stage "%(task)s"'
    ),
    gettext_noop('%(editor)s has updated comments on "%(title)s".'),
    gettext_noop("New comments"),
    gettext_noop("Resolved comments"),
    gettext_noop("Deleted comments"),
    gettext_noop("New replies"),
    gettext_noop("New replies to:"),
    gettext_noop("New comments:"),
    gettext_noop("Resolved comments:"),
    gettext_noop("Deleted comments:"),
    gettext_noop("New replies:"),
    gettext_noop('%(editor)s has updated comments on "%(title)s"'),
    gettext_noop('The page "%(title)s" has been approved in workflow "%(workflow)s".'),
    gettext_noop('The %(model_name)s "%(title)s" has been approved in workflow "%(workflow)s".'),
    gettext_noop('The page "%(title)s" has been approved in "%(workflow)s".'),
    gettext_noop('The %(model_name)s "%(title)s" has been approved in "%(workflow)s".'),
    gettext_noop(
        'The page "%(title)s" has been rejected during "%(task)s" in workflow "%(workflow)s" by %(rejector)s.'
    ),
    gettext_noop('The page "%(title)s" has been rejected during "%(task)s" in workflow "%(workflow)s".'),
    gettext_noop('The following comment was left: "%(comment)s"'),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been rejected during "%(task)s" in workflow "%(workflow)s" by %(rejector)s.'
    ),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been rejected during "%(task)s" in workflow "%(workflow)s".'
    ),
    gettext_noop('The page "%(title)s" has been rejected during "%(workflow)s".'),
    gettext_noop('The %(model_name)s "%(title)s" has been rejected during "%(workflow)s".'),
    gettext_noop(
        'The page "%(title)s" has been submitted for moderation to workflow "%(workflow)s" by %(requester)s.'
    ),
    gettext_noop('The page "%(title)s" has been submitted for moderation to workflow "%(workflow)s".'),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been submitted for moderation to workflow "%(workflow)s" by %(requester)s.'
    ),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been submitted for moderation to workflow "%(workflow)s".'
    ),
    gettext_noop('The page "%(title)s" has been submitted to workflow "%(workflow)s"'),
    gettext_noop('The %(model_name)s "%(title)s" has been submitted to workflow "%(workflow)s"'),
]
