"""The directory in Django's admin: for looking, not for editing.

Every change of capabilities goes through the directory's services, which log it and
rebuild the organisation's search document; the admin would do neither. Staff edit
capabilities on the organisation's know-how page and the vocabulary on the vocabulary pages.
"""

from django.contrib import admin

from grappe.directory.models import (
    Capability,
    CapabilityProfile,
    Equipment,
    SearchDocument,
    Tolerance,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Capability)
class CapabilityAdmin(ReadOnlyAdmin):
    list_display = ["organisation", "term"]
    list_filter = ["term__facet"]
    list_select_related = ["organisation", "term"]
    search_fields = ["organisation__name", "term__code", "term__label_fr", "term__label_en"]


@admin.register(CapabilityProfile)
class CapabilityProfileAdmin(ReadOnlyAdmin):
    list_display = ["organisation", "updated_at"]
    list_select_related = ["organisation"]
    search_fields = ["organisation__name", "text_fr", "text_en"]


@admin.register(Equipment)
class EquipmentAdmin(ReadOnlyAdmin):
    list_display = ["organisation", "machine", "quantity", "envelope"]
    list_select_related = ["organisation"]
    search_fields = ["organisation__name", "machine"]


@admin.register(Tolerance)
class ToleranceAdmin(ReadOnlyAdmin):
    list_display = ["organisation", "feature", "plus_minus_um", "process"]
    list_select_related = ["organisation", "process"]
    search_fields = ["organisation__name", "feature"]


@admin.register(SearchDocument)
class SearchDocumentAdmin(ReadOnlyAdmin):
    list_display = ["organisation", "updated_at"]
    list_select_related = ["organisation"]
    search_fields = ["organisation__name"]
