"""Turn programme models into what templates show, so templates stay free of logic."""

from itertools import groupby

from django.template.loader import render_to_string
from django.urls import get_script_prefix, reverse
from django.utils.safestring import SafeString

from eolc.accounts.signed_in import PERSON_STAMP
from eolc.core.stamps import Stamp, kept
from eolc.programmes.access.roles import has_staff_role
from eolc.programmes.models import Membership, Role

# Programmes' titles and slugs, as the dashboard shows them.
PROGRAMMES_STAMP = Stamp("programmes:programmes")
CONTENT_TIMEOUT_SECONDS = 300


def dashboard_content(person) -> SafeString:
    """The dashboard's content, kept rendered per process under the person's stamp, which their
    account and memberships move (their name, profile, roles and programmes), and the programmes'
    stamp, which a renamed or deleted programme moves (ADR 023)."""
    if PERSON_STAMP.changing() or PROGRAMMES_STAMP.changing():
        return _dashboard_content(person)
    stamps = f"{PERSON_STAMP.value(person)}:{PROGRAMMES_STAMP.value()}"
    key = f"programmes:dashboard:{stamps}:{person.pk}:{get_script_prefix()}"  # the content holds links
    return kept(key, lambda: _dashboard_content(person), timeout=CONTENT_TIMEOUT_SECONDS)


def _dashboard_content(person) -> SafeString:
    return render_to_string(
        "programmes/dashboard_content.html",
        {
            "user": person,
            "memberships": _membership_rows(person),
            "profile_incomplete": not (person.full_name and person.sector and person.area_id),
            "needs_mfa": has_staff_role(person),
        },
    )


def _membership_rows(person) -> list[dict]:
    memberships = (
        Membership.objects.filter(person=person)
        .select_related("programme")
        .order_by("programme__title", "role")
    )
    rows = []
    for programme, group in groupby(memberships, key=lambda m: m.programme):
        rows.append(
            {
                "title": programme.title,
                "href": reverse("programmes:detail", args=[programme.slug]),
                "roles": ", ".join(Role(m.role).label for m in group),
            }
        )
    return rows


class ProgrammePresenter:
    def __init__(self, programme, phases, organisation_links, member_counts):
        self.programme = programme
        self.phases = phases
        self.member_counts = [
            {"role": Role(row["role"]).label, "count": row["count"]} for row in member_counts
        ]
        self.organisations_by_relation = [
            {
                "relation": relation_label,
                "names": ", ".join(link.organisation.name for link in links),
            }
            for relation_label, links in groupby(
                organisation_links, key=lambda link: link.get_relation_display()
            )
        ]
