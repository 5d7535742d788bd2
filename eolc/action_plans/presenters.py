"""What plan pages show: status tags and the help offered to someone who is stuck."""

from django.urls import reverse

from eolc.action_plans.models import Status
from eolc.programmes import access

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
    """Links to people and resources nearby: sessions in the person's area, their programme team, champions
    near them in each programme they belong to, the library and a buddy."""
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
    for network in access.member_networks_for(plan.owner).order_by("programme__title")[:3]:
        local = reverse("champions:local", args=[network.programme.slug])
        if getattr(plan.owner, "area_id", None):
            local = f"{local}?area={plan.owner.area_id}"
        links.append({"text": f"Champions near you: {network.programme.title}", "href": local})
    links.append({"text": "Guides, films and role pages in the library", "href": reverse("library:index")})
    if person.is_authenticated:
        links.append(
            {"text": "Find a persistence buddy from your session", "href": reverse("action_plans:buddies")}
        )
    return links


def event_page_links(event, person, registration) -> list[dict]:
    """On an event's page, for someone with a confirmed place: write a plan for it (or open the one
    they wrote) and find a buddy from it. Registered in AppConfig.ready() with eolc.events.links."""
    if registration is None or not registration.is_confirmed:
        return []
    plan = access.own_action_plans(person).for_event(event).newest_first().first()
    if plan is not None:
        links = [
            {
                "text": f"Your action plan: {plan.title}",
                "href": reverse("action_plans:detail", args=[plan.pk]),
            }
        ]
    else:
        links = [
            {
                "text": "Write your action plan for this session",
                "href": f"{reverse('action_plans:create')}?event={event.pk}",
            }
        ]
    links.append(
        {"text": "Find a persistence buddy from this session", "href": reverse("action_plans:buddies")}
    )
    return links


def completion_bars(cells) -> list[dict]:
    """Bars for an SVG chart of completion rates; suppressed cells get no bar (the table says why)."""
    bars = []
    for index, cell in enumerate(cell for cell in cells if not cell.suppressed and cell.actions):
        top = 4 + index * 12
        bars.append(
            {
                "label": cell.label,
                "rate": cell.completion_rate,
                "label_y": top + 3,
                "bar_y": top + 5,
                "width": max(cell.completion_rate * 0.8, 0.5),
                "value_x": max(cell.completion_rate * 0.8, 0.5) + 1.5,
                "value_y": top + 9,
            }
        )
    return bars


def chart(caption, cells) -> dict | None:
    bars = completion_bars(cells)
    return {"caption": caption, "bars": bars, "height": 6 + 12 * len(bars)} if bars else None
