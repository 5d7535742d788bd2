"""Turn champions into what the directory, the API and exports show: consented fields only.

`shared_details` is the one place that decides which values leave the database, so pages, the
API and exports cannot disagree about a withdrawal.
"""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils.http import urlencode

from eolc.champions.models import Audience, ChampionStatus, ConsentField, Group, consent_wording
from eolc.events.presenters import EventPresenter


def shared_details(champion) -> dict[str, str]:
    """Field -> value for what this champion shares with the viewer (needs `with_sharing()`)."""
    person = champion.person
    values = {
        ConsentField.EMAIL: person.email,
        ConsentField.PHONE: champion.phone,
        ConsentField.ORGANISATION: person.organisation.name if person.organisation_id else "",
        ConsentField.JOB_TITLE: champion.job_title,
        ConsentField.BIO: champion.bio,
    }
    return {
        field.value: value
        for field, value in values.items()
        if value and getattr(champion, f"shares_{field.value}", False)
    }


def accepts_messages(champion) -> bool:
    return bool(getattr(champion, "shares_messages", False))


def public_facts(champion) -> dict:
    """What joining the directory shows about everyone: name, area, sector, role and interests."""
    person = champion.person
    return {
        "name": person.full_name or "A champion",
        "area": person.area.name if person.area_id else "",
        "sector": person.get_sector_display() if person.sector else "",
        "role": person.job_role.name if person.job_role_id else "",
        "interests": [domain.name for domain in champion.interests.all()],
    }


@dataclass
class DirectoryCard:
    pk: int
    facts: dict
    details: list[tuple[str, str]]
    accepts_messages: bool

    @property
    def name(self):
        return self.facts["name"]


def directory_cards(champions) -> list[DirectoryCard]:
    return [
        DirectoryCard(
            pk=champion.pk,
            facts=public_facts(champion),
            details=[(ConsentField(field).label, value) for field, value in shared_details(champion).items()],
            accepts_messages=accepts_messages(champion),
        )
        for champion in champions
    ]


def consent_rows(form, programme):
    """The consent form as a table: one row per field, a checkbox per audience, with the wording."""
    rows = []
    for row in form.rows():
        rows.append(
            {
                "label": row["field"].label,
                "cells": row["cells"],
                "wordings": [
                    consent_wording(field=row["field"], audience=audience, programme=programme)
                    for audience in Audience
                ],
            }
        )
    return rows


def history_rows(records):
    return [
        {
            "when": record.recorded_at,
            "field": record.get_field_display(),
            "audience": record.get_audience_display(),
            "granted": record.granted,
            "how": record.get_method_display(),
            "by": record.recorded_by,
            "version": record.wording_version,
            "wording": record.wording,
        }
        for record in records
    ]


def event_rows(events, viewer=None):
    """Champion events as list rows, in the viewer's time zone."""
    return [EventPresenter(event, viewer=viewer) for event in events]


SHARED_FIELDS = [field for field in ConsentField if field != ConsentField.MESSAGES]
SHARED_FIELD_NAMES = [field.value for field in SHARED_FIELDS]
EXPORT_HEADER = [
    "Name",
    "Area",
    "Sector",
    "Role",
    "Interests",
    *[f.label for f in SHARED_FIELDS],
    "Accepts messages",
]


def export_rows(champions):
    """The directory as a spreadsheet: exactly what the directory shows, read at download time."""
    for champion in champions:
        facts = public_facts(champion)
        shared = shared_details(champion)
        yield [
            facts["name"],
            facts["area"],
            facts["sector"],
            facts["role"],
            "; ".join(facts["interests"]),
            *[shared.get(field.value, "") for field in SHARED_FIELDS],
            "yes" if accepts_messages(champion) else "no",
        ]


def source_rows(network, invitation_url):
    """Each tracked link with its visits, sign-ups and how many of those became active."""
    return [
        {
            "label": source.label,
            "url": f"{invitation_url}?{urlencode({'src': source.code})}",
            "visits": source.visits,
            "sign_ups": source.sign_ups,
            "active": source.active,
        }
        for source in network.sources.annotate(
            sign_ups=Count("champions"),
            active=Count("champions", filter=Q(champions__status=ChampionStatus.ACTIVE)),
        )
    ]


def group_rows(seats):
    """Seats grouped by group, each group listed even when empty."""
    return [
        {"label": group.label, "seats": [seat for seat in seats if seat.group == group.value]}
        for group in Group
    ]
