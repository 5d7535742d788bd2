"""The learning catalogue's content for one person, rendered and kept in each process's memory.

Everything the catalogue shows under its heading comes from three things, each with a stamp
(ADR 020): the curriculum outline (`outline.STAMP`: programmes, parts, modules, activities,
domains), what the person has done (`progress.RECORD_STAMP`: their progress, enrolments and
completions) and which programmes they belong to or run (`PERSON_STAMP`: their account and
memberships). Working out the rows and rendering them was about half of a warm catalogue's Python
work (about 5,500 of 10,800 calls), redone on every visit although none of the three had moved.
So the markup is kept under all three stamps: any change that shows in it moves one of them, and
the next visit renders afresh. A booking, a cancelled place or an organiser's edit to an event
moves none of them: the catalogue does not show them.
"""

from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils.safestring import SafeString

from eolc.accounts.signed_in import PERSON_STAMP
from eolc.core import stamps
from eolc.curriculum import outline, presenters
from eolc.curriculum.progress import RECORD_STAMP, continue_activity, progress_for, record_of
from eolc.programmes import access

TIMEOUT_SECONDS = 600


def catalogue_content(person) -> SafeString:
    """The markup, kept under the outline's, the person's record's and their account's stamps
    (read in the request's one round trip). Until a change commits, the transaction that made it
    renders afresh and keeps nothing (`changing`)."""
    if outline.STAMP.changing() or RECORD_STAMP.changing() or PERSON_STAMP.changing():
        return _render(person)
    guards = stamps.current(outline.STAMP.key, RECORD_STAMP.key(person.pk), PERSON_STAMP.key(person.pk))
    # The markup holds links, so the script prefix is part of the key.
    key = f"curriculum:catalogue:{':'.join(guards)}:{person.pk}:{get_script_prefix()}"
    return stamps.kept(key, lambda: _render(person), timeout=TIMEOUT_SECONDS)


def _render(person) -> SafeString:
    parts, snapshot = access.catalogue_parts(person)
    record = record_of(person)
    progress = progress_for(person, parts, record=record, snapshot=snapshot)
    programmes = []
    for row in presenters.part_rows(parts, progress, record):
        if not programmes or programmes[-1]["programme"] != row.part.programme:
            tally = progress.programmes.get(row.part.programme_id)
            programmes.append(
                {
                    "programme": row.part.programme,
                    "rows": [],
                    "tag": presenters.tally_tag(tally),
                    "tally": tally,
                }
            )
        programmes[-1]["rows"].append(row)
    return render_to_string(
        "curriculum/catalogue_content.html",
        {
            "programmes": programmes,
            "resume": continue_activity(person, parts, record=record, snapshot=snapshot),
            "domains": [(d, t, presenters.tally_tag(t)) for d, t in progress.domains],
            "managed": access.learning_managed_programmes(person),
        },
    )
