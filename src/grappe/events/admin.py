"""Events in Django's admin, for looking only: seats, waiting lists and agendas are kept by
the events services, which the admin would bypass. Staff work on the events pages."""

from django.contrib import admin

from grappe.events.models import Event, Meeting, MeetingSlot, Registration


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Event)
class EventAdmin(ReadOnlyAdmin):
    list_display = ["title_fr", "kind", "starts_at", "capacity", "seats_taken"]
    list_filter = ["kind", "audience", "b2b_enabled"]
    search_fields = ["title_fr", "title_en", "slug"]


@admin.register(Registration)
class RegistrationAdmin(ReadOnlyAdmin):
    list_display = ["last_name", "first_name", "email", "event", "status"]
    list_filter = ["status"]
    search_fields = ["last_name", "first_name", "email"]
    exclude = ["token"]


@admin.register(MeetingSlot)
class MeetingSlotAdmin(ReadOnlyAdmin):
    list_display = ["event", "starts_at", "ends_at", "session", "tables"]


@admin.register(Meeting)
class MeetingAdmin(ReadOnlyAdmin):
    list_display = ["event", "first", "second", "slot", "table", "published_at"]
