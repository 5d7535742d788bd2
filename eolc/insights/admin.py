from django.contrib import admin

from eolc.insights.models import Contribution, KeyMessage, KeyMessageVersion, PracticeExample, Theme


@admin.register(Contribution)
class ContributionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "sector", "consent", "status", "programme", "created_at"]
    list_filter = ["status", "kind", "consent", "sector"]
    raw_id_fields = ["event", "barrier", "contributor", "entered_by", "reviewed_by"]


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["title", "programme"]
    filter_horizontal = ["contributions"]


class VersionInline(admin.TabularInline):
    model = KeyMessageVersion
    extra = 0
    readonly_fields = ["number", "title", "body", "published_at", "published_by"]


@admin.register(KeyMessage)
class KeyMessageAdmin(admin.ModelAdmin):
    list_display = ["title", "programme", "status", "version"]
    inlines = [VersionInline]
    raw_id_fields = ["contributions"]


@admin.register(PracticeExample)
class PracticeExampleAdmin(admin.ModelAdmin):
    list_display = ["title", "category", "status", "created_at"]
    list_filter = ["status", "category"]
