"""Site administrators' view of the curriculum. Programme administrators author in the site itself."""

from django.contrib import admin
from django.db import models

from eolc.curriculum.models import (
    Activity,
    Certificate,
    Choice,
    Completion,
    CompletionCredit,
    CreditScheme,
    Module,
    Part,
    PartCredit,
    Question,
)


class PartCreditInline(admin.TabularInline):
    model = PartCredit
    extra = 0


@admin.register(Part)
class PartAdmin(admin.ModelAdmin):
    list_display = ["title", "programme", "kind", "ce_hours", "status"]
    list_filter = ["kind", "status", "programme"]
    search_fields = ["title"]
    filter_horizontal = ["requires"]
    inlines = [PartCreditInline]


@admin.register(Module)
class ModuleAdmin(admin.ModelAdmin):
    list_display = ["title", "part", "number", "status"]
    list_filter = ["status", "part__programme"]
    search_fields = ["title"]


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ["title", "module", "kind", "number", "status"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_filter = ["kind", "status"]
    search_fields = ["title"]


class ChoiceInline(admin.TabularInline):
    model = Choice
    extra = 0
    fk_name = "question"


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["prompt", "activity", "number"]
    inlines = [ChoiceInline]


@admin.register(CreditScheme)
class CreditSchemeAdmin(admin.ModelAdmin):
    list_display = ["name", "accrediting_body"]


class CompletionCreditInline(admin.TabularInline):
    model = CompletionCredit
    extra = 0
    readonly_fields = ["scheme", "category", "hours"]
    can_delete = False


@admin.register(Completion)
class CompletionAdmin(admin.ModelAdmin):
    list_display = ["person", "part", "completed_on", "ce_hours", "source"]
    list_filter = ["source", "part__programme"]
    search_fields = ["person__email", "person__full_name"]
    readonly_fields = ["ce_hours"]
    inlines = [CompletionCreditInline]


@admin.register(Certificate)
class CertificateAdmin(admin.ModelAdmin):
    list_display = ["code", "completion", "issued_at", "revoked_at"]
    search_fields = ["code", "completion__person__email"]
    readonly_fields = ["code", "issued_at"]
