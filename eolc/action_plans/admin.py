from django.contrib import admin

from eolc.action_plans.models import Action, ActionPlan, BuddyPair


class ActionInline(admin.StackedInline):
    model = Action
    extra = 0


@admin.register(ActionPlan)
class ActionPlanAdmin(admin.ModelAdmin):
    list_display = ["title", "owner", "event", "created_at", "closed_at"]
    inlines = [ActionInline]
    raw_id_fields = ["owner", "event"]


@admin.register(BuddyPair)
class BuddyPairAdmin(admin.ModelAdmin):
    list_display = ["first", "second", "event", "created_at", "ended_at"]
    raw_id_fields = ["first", "second", "event", "ended_by"]
