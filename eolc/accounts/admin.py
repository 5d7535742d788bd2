from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db import models

from eolc.accounts.models import Area, JobRole, Organisation, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "sector", "job_role", "area", "is_staff", "is_active"]
    list_filter = ["sector", "is_staff", "is_active", "is_demo"]
    search_fields = ["email", "full_name"]
    autocomplete_fields = ["organisation", "area"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (
            "Profile",
            {
                "fields": [
                    "full_name",
                    "job_role",
                    "sector",
                    "work_setting",
                    "organisation",
                    "area",
                    "time_zone",
                ]
            },
        ),
        (
            "Access",
            {
                "fields": [
                    "is_active",
                    "is_staff",
                    "is_superuser",
                    "is_demo",
                    "deletion_requested_at",
                ]
            },
        ),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "full_name", "password1", "password2"]})
    ]


@admin.register(JobRole)
class JobRoleAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "sort_order", "is_active"]
    list_editable = ["sort_order", "is_active"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "kind", "parent"]
    list_filter = ["kind"]
    search_fields = ["name", "code"]
