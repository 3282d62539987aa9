"""Project labelling in Django's admin: for looking, not for editing.

Every change goes through the labelling services, which check the workflow table, the
conflicts of interest and the budgets, log who did what and notify; the admin would do none
of it. Staff work on the labelling pages. The dossiers are confidential: only superusers
reach the admin.
"""

from django.contrib import admin

from grappe.labelling.models import (
    AgendaItem,
    Application,
    CommitteeMeeting,
    Criterion,
    Expert,
    FundingCall,
    FundingLine,
    LabelLetter,
    Partner,
    Project,
    ReviewAssignment,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class PartnerInline(admin.TabularInline):
    model = Partner
    extra = 0
    can_delete = False
    fields = ["organisation", "role", "budget", "requested_aid"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(FundingCall)
class FundingCallAdmin(ReadOnlyAdmin):
    list_display = ["name", "funder", "deadline"]
    list_filter = ["funder"]
    search_fields = ["name", "addressee"]


@admin.register(Project)
class ProjectAdmin(ReadOnlyAdmin):
    list_display = ["acronym", "title", "lead", "total_budget", "confidentiality", "created_at"]
    list_filter = ["confidentiality"]
    list_select_related = ["lead"]
    search_fields = ["acronym", "title", "lead__name"]
    inlines = [PartnerInline]


@admin.register(Application)
class ApplicationAdmin(ReadOnlyAdmin):
    list_display = ["project", "call", "round_number", "status", "submitted_at", "decided_at"]
    list_filter = ["status", "call__funder"]
    list_select_related = ["project", "call"]
    search_fields = ["project__acronym", "project__title", "call__name"]
    date_hierarchy = "decided_at"


@admin.register(Criterion)
class CriterionAdmin(ReadOnlyAdmin):
    list_display = ["code", "label_fr", "weight", "position", "is_active"]


@admin.register(Expert)
class ExpertAdmin(ReadOnlyAdmin):
    list_display = ["user", "expertise", "is_active"]
    list_select_related = ["user"]
    search_fields = ["user__username", "user__last_name", "expertise"]


@admin.register(ReviewAssignment)
class ReviewAssignmentAdmin(ReadOnlyAdmin):
    list_display = ["application", "expert", "assigned_at", "no_conflict_declared_at"]
    list_select_related = ["application__project", "application__call", "expert"]


@admin.register(CommitteeMeeting)
class CommitteeMeetingAdmin(ReadOnlyAdmin):
    list_display = ["title", "held_on", "location"]
    date_hierarchy = "held_on"


@admin.register(AgendaItem)
class AgendaItemAdmin(ReadOnlyAdmin):
    list_display = ["meeting", "application", "position", "decision", "decided_at"]
    list_select_related = ["meeting", "application__project", "application__call"]


@admin.register(LabelLetter)
class LabelLetterAdmin(ReadOnlyAdmin):
    list_display = ["number", "application", "issued_on", "signatory", "sent_at"]
    list_select_related = ["application__project", "application__call"]
    search_fields = ["number", "application__project__acronym"]


@admin.register(FundingLine)
class FundingLineAdmin(ReadOnlyAdmin):
    list_display = ["application", "partner", "funder", "amount"]
    list_filter = ["funder"]
    list_select_related = ["application__project", "application__call", "partner__organisation"]
