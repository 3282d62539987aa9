"""Template tags of the directory: an organisation's capabilities for any page, and the
search snippets."""

import re

from django import template
from django.utils.safestring import SafeString, mark_safe

from grappe.directory.queries import Capabilities, capabilities_of
from grappe.members.models import Organisation

register = template.Library()

_MARK = re.compile(r"(</?mark>)")


@register.simple_tag
def organisation_capabilities(organisation: Organisation) -> Capabilities:
    """`{% organisation_capabilities organisation as capabilities %}`: terms by facet,
    description, equipment and tolerances (the members pages cannot import the directory)."""
    return capabilities_of(organisation)


@register.filter
def safe_snippet(snippet: str) -> SafeString:
    """A search snippet as HTML: only its <mark> tags are kept as tags.

    The engine escapes the text and adds the <mark> tags; this filter does not trust that
    blindly: any other < or > left in the text is escaped again, so no other tag can be
    opened whatever the engine returns (entities already escaped stay as they are).
    """
    parts = _MARK.split(snippet or "")
    return mark_safe(  # only <mark> and </mark> survive as tags
        "".join(
            part
            if part in ("<mark>", "</mark>")
            else part.replace("<", "&lt;").replace(">", "&gt;")
            for part in parts
        )
    )
