from django.apps import AppConfig

# Msgids handed to gettext through a name rather than a literal: makemessages only collects literals, and any
# text it found in this app would make it rebuild the override catalogue from that text alone.
COMMENT = "Comment"


class ThaiAdminConfig(AppConfig):
    """Catalogues that put Wagtail's and Django's admin into Thai; listed before Wagtail's apps."""

    name = "wagtail_thgov.thai_admin"
    label = "thgov_thai_admin"
    verbose_name = "Thai admin"  # not translated, for the same reason (see the package docstring)

    def ready(self):
        from django.contrib.auth.forms import AuthenticationForm
        from django.utils.translation import gettext_lazy
        from wagtail.admin.forms.auth import LoginForm
        from wagtail.forms import TaskStateCommentForm

        # Wagtail's log-in form declares its password field without a label, so Django shows "Password", made
        # from the field's name and never translated. Django's own log-in form has the translatable label.
        LoginForm.base_fields["password"].label = AuthenticationForm.base_fields["password"].label
        # The workflow dialogs' comment label is translated once, when wagtail.forms is imported, in whatever
        # language is active then; make it follow each officer's language.
        TaskStateCommentForm.base_fields["comment"].label = gettext_lazy(COMMENT)
