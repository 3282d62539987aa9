"""Template helpers of the B2B meetings."""

from django import template

from grappe.events.models import Event

register = template.Library()


@register.simple_tag(takes_context=True)
def b2b_role(context: template.Context, event: Event) -> str:
    """The viewer's part in the event's B2B meetings: "staff", "participant" or ""."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return ""
    if user.has_perm("events.manage_meetings"):
        return "staff"
    return "participant" if user.has_perm("events.take_part_in_meetings", event) else ""
