"""What plan pages show: status tags and the help offered to someone who is stuck."""

from django.urls import reverse

from eolc.action_plans.models import Status

STATUS_TAGS = {
    Status.NOT_STARTED: "nhsuk-tag--grey",
    Status.IN_PROGRESS: "nhsuk-tag--blue",
    Status.DONE: "nhsuk-tag--green",
    Status.STUCK: "nhsuk-tag--orange",
}


def action_rows(actions):
    rows = []
    for action in actions:
        updates = list(action.updates.all())
        rows.append(
            {
                "action": action,
                "status": action.get_status_display(),
                "tag": STATUS_TAGS.get(action.status, ""),
                "latest_note": updates[-1].note if updates else "",
            }
        )
    return rows


def stuck_help(person, plan) -> list[dict]:
    """Links to people and resources nearby: sessions in the person's area, their programme, a buddy."""
    calendar = reverse("events:calendar")
    links = []
    if getattr(person, "area_id", None):
        links.append(
            {
                "text": "Find a learning session or champion event near you",
                "href": f"{calendar}?area={person.area_id}",
            }
        )
    else:
        links.append({"text": "Find a learning session or champion event", "href": calendar})
    if plan.event_id and plan.event.programme_id:
        links.append(
            {
                "text": f"Contact your programme team and champions: {plan.event.programme.title}",
                "href": reverse("programmes:detail", args=[plan.event.programme.slug]),
            }
        )
    if person.is_authenticated:
        links.append(
            {"text": "Find a persistence buddy from your session", "href": reverse("action_plans:buddies")}
        )
    return links
