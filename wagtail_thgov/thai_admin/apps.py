from django.apps import AppConfig


class ThaiAdminConfig(AppConfig):
    """Catalogues that put Wagtail's and Django's admin into Thai; listed before Wagtail's apps."""

    name = "wagtail_thgov.thai_admin"
    label = "thgov_thai_admin"
    # A plain string, not a translated one: any translatable text in this app would make makemessages rebuild
    # the override catalogue from it and drop the overrides (see the package docstring).
    verbose_name = "Thai admin"

    def ready(self):
        from django.contrib.auth.forms import AuthenticationForm
        from wagtail.admin.forms.auth import LoginForm

        # Wagtail's log-in form declares its password field without a label, so Django shows "Password", made
        # from the field's name and never translated. Django's own log-in form has the translatable label.
        LoginForm.base_fields["password"].label = AuthenticationForm.base_fields["password"].label
