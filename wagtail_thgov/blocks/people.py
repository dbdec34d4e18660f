"""People: executives, council members and officers, shown as cards."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock


class PersonBlock(blocks.StructBlock):
    """One person and how to reach them; the photo's alt text is the person's name."""

    name = blocks.CharBlock(label=_("Name"), max_length=255)
    position = blocks.CharBlock(label=_("Position"), required=False, max_length=255)
    photo = ImageChooserBlock(label=_("Photo"), required=False)
    unit = blocks.CharBlock(label=_("Office or section"), required=False, max_length=255)
    phone = blocks.CharBlock(label=_("Telephone"), required=False, max_length=100)
    email = blocks.EmailBlock(label=_("E-mail"), required=False)

    class Meta:
        icon = "user"
        label = _("Person")
        label_format = "{name}"
        template = "wagtail_thgov/blocks/person.html"


class PeopleBlock(blocks.StructBlock):
    """A heading and a list of people, such as the municipality's executives."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=255)
    people = blocks.ListBlock(PersonBlock(), label=_("People"), min_num=1)

    class Meta:
        icon = "group"
        label = _("People")
        template = "wagtail_thgov/blocks/people.html"
