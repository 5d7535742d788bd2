from django.contrib import admin

from eolc.library.models import CareRole, FaithGuide, Resource, Responsibility


class ResponsibilityInline(admin.TabularInline):
    model = Responsibility
    extra = 0


@admin.register(CareRole)
class CareRoleAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "number", "status"]
    list_filter = ["status"]
    inlines = [ResponsibilityInline]


@admin.register(FaithGuide)
class FaithGuideAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "review_date", "status"]
    list_filter = ["status"]


@admin.register(Resource)
class ResourceAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "programme", "status", "download_count"]
    list_filter = ["kind", "status"]
    search_fields = ["title", "summary"]
    readonly_fields = ["file", "file_name", "file_type", "file_size", "download_count"]
