"""A contact card for an office: address, phone, fax, e-mail, office hours and a map link."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class ContactCardBlock(blocks.StructBlock):
    """How to reach an office, such as the revenue section or a health centre."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=255)
    address = blocks.TextBlock(label=_("Address"), required=False)
    phone = blocks.CharBlock(label=_("Telephone"), required=False, max_length=100)
    fax = blocks.CharBlock(label=_("Fax"), required=False, max_length=100)
    email = blocks.EmailBlock(label=_("E-mail"), required=False)
    office_hours = blocks.CharBlock(
        label=_("Office hours"),
        required=False,
        max_length=255,
        help_text=_("For example: Monday to Friday, 8:30 to 16:30, except public holidays."),
    )
    map_link = blocks.URLBlock(
        label=_("Map link"), required=False, help_text=_("A link to the office on a map.")
    )

    class Meta:
        icon = "mail"
        label = _("Contact card")
        label_format = "{heading}"
        template = "wagtail_thgov/blocks/contact_card.html"
