"""Within a request each person's roles are read once; a membership change is seen at once."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from eolc.programmes import access, services
from eolc.programmes.models import Role


@pytest.mark.django_db
def test_roles_are_read_once_per_request_and_changes_are_seen_straight_away(people, programme):
    learner = people.learner
    with access.roles_remembered():
        assert not access.can_schedule_events(learner)
        with CaptureQueriesContext(connection) as queries:
            assert not access.can_view_any_reports(learner)
            assert access.roles_in(learner, programme) == {Role.LEARNER}
        assert len(queries) == 0
        services.membership_add(programme=programme, person=learner, role=Role.FACILITATOR)
        assert access.can_schedule_events(learner)
        services.membership_revoke(programme=programme, person=learner, role=Role.FACILITATOR)
        assert not access.can_schedule_events(learner)


@pytest.mark.django_db
def test_outside_a_request_nothing_is_remembered(people, programme):
    learner = people.learner
    assert not access.can_schedule_events(learner)
    services.membership_add(programme=programme, person=learner, role=Role.ADMIN)
    with CaptureQueriesContext(connection) as queries:
        assert access.can_schedule_events(learner)
    assert len(queries) == 1


@pytest.mark.django_db
def test_the_header_menu_reads_memberships_once(client, people):
    """The menu asks a dozen questions about roles; they share one read of the memberships."""
    client.force_login(people.admin)
    client.get(reverse("programmes:dashboard"))
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("programmes:dashboard"))
    assert response.status_code == 200
    snapshot = re.compile(
        r'^SELECT "programmes_membership"\."programme_id"( AS "programme_id")?, '
        r'"programmes_membership"\."role"( AS "role")? FROM "programmes_membership" WHERE'
    )
    role_reads = [q["sql"] for q in queries if snapshot.match(q["sql"])]
    assert len(role_reads) == 1, role_reads
    # Before the memory, each of the menu's role questions was its own query.
    assert len(queries) < 25, [q["sql"] for q in queries]
