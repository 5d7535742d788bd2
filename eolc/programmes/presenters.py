"""Turn programme models into what templates show, so templates stay free of logic."""

from itertools import groupby

from django.urls import reverse

from eolc.programmes.models import Membership, Role


def membership_rows(person) -> list[dict]:
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
