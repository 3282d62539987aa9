from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from grappe.core.models import ActivityLog, ApiToken, Term, User

admin.site.register(User, UserAdmin)


@admin.register(ActivityLog)
class ActivityLogAdmin(admin.ModelAdmin):
    list_display = ["created_at", "actor", "action", "object_repr"]
    list_filter = ["action"]
    search_fields = ["object_repr", "action"]
    readonly_fields = [f.name for f in ActivityLog._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "prefix", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["prefix", "digest", "created_at", "last_used_at"]


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    list_display = ["code", "facet", "label_fr", "label_en"]
    list_filter = ["facet"]
    search_fields = ["code", "label_fr", "label_en"]
