from django.contrib import admin

from eolc.programmes.models import Membership, Phase, Programme, ProgrammeOrganisation


class PhaseInline(admin.TabularInline):
    model = Phase
    extra = 0
    filter_horizontal = ["target_areas"]


class ProgrammeOrganisationInline(admin.TabularInline):
    model = ProgrammeOrganisation
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "created_at"]
    search_fields = ["title"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [ProgrammeOrganisationInline, PhaseInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["person", "programme", "role", "created_at"]
    list_filter = ["role", "programme"]
    search_fields = ["person__email", "person__full_name"]
    autocomplete_fields = ["person"]
