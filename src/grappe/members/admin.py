from django.contrib import admin

from grappe.members.models import (
    Affiliation,
    Cluster,
    ClusterMembership,
    FeeRate,
    Membership,
    Organisation,
    Partnership,
    Person,
    Position,
)


class AffiliationInline(admin.TabularInline):
    model = Affiliation
    extra = 0
    autocomplete_fields = ["person", "organisation"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "city", "departement", "dues_category"]
    list_filter = ["kind", "dues_category", "departement", "clusters"]
    search_fields = ["name", "siret", "city"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [AffiliationInline, MembershipInline]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["last_name", "first_name", "email", "job_title", "directory_consent"]
    search_fields = ["last_name", "first_name", "email"]
    list_filter = ["directory_consent", "newsletter_opt_in"]
    inlines = [AffiliationInline]
    raw_id_fields = ["user"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["organisation", "year", "fee", "status", "invoiced_on", "paid_on"]
    list_filter = ["year", "status"]
    search_fields = ["organisation__name"]


@admin.register(FeeRate)
class FeeRateAdmin(admin.ModelAdmin):
    list_display = ["valid_from", "dues_category", "headcount_band", "amount"]
    list_filter = ["valid_from", "dues_category"]


@admin.register(Cluster)
class ClusterAdmin(admin.ModelAdmin):
    list_display = ["name", "animator"]
    prepopulated_fields = {"slug": ["name"]}


admin.site.register(ClusterMembership)


@admin.register(Position)
class PositionAdmin(admin.ModelAdmin):
    list_display = ["person", "body", "role", "title", "start_date", "end_date"]
    list_filter = ["body", "role"]


@admin.register(Partnership)
class PartnershipAdmin(admin.ModelAdmin):
    list_display = ["partner", "type", "start_date", "end_date"]
