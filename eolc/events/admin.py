"""Site administrators set up series and fix records here; registrations go through the services."""

from django import forms
from django.contrib import admin
from django.db import models

from eolc.events.models import Attendance, Event, Registration, Series


class EventInline(admin.TabularInline):
    model = Event
    extra = 0
    fields = ["title", "kind", "status", "starts_at", "ends_at", "capacity"]
    show_change_link = True


@admin.register(Series)
class SeriesAdmin(admin.ModelAdmin):
    list_display = ["title", "programme", "part", "capacity"]
    list_filter = ["programme"]
    search_fields = ["title"]
    inlines = [EventInline]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "status", "starts_at", "time_of_day", "online", "area", "capacity"]
    list_filter = ["status", "kind", "time_of_day", "online", "programme"]
    search_fields = ["title", "venue_name"]
    date_hierarchy = "starts_at"
    raw_id_fields = ["facilitators", "created_by"]
    formfield_overrides = {models.URLField: {"form_class": forms.URLField, "assume_scheme": "https"}}


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    """Read-only: places change through the services, which lock, promote and send emails."""

    list_display = ["person", "event", "series", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["person__email", "person__full_name", "event__title", "series__title"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Attendance)
class AttendanceAdmin(admin.ModelAdmin):
    list_display = ["person", "event", "attended", "recorded_at"]
    list_filter = ["attended"]
    search_fields = ["person__email", "event__title"]
