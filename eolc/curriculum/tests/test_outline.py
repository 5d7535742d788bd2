"""The cached curriculum outline behind the learning catalogue: same parts as the access rule,
fresh after every kind of edit, and a query count that does not grow with the curriculum."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from eolc.curriculum import outline, services
from eolc.curriculum.models import Domain, PartKind, Status
from eolc.curriculum.progress import continue_activity, progress_for, record_of
from eolc.curriculum.tests.factories import ActivityFactory, ModuleFactory, PartFactory
from eolc.programmes import access

pytestmark = pytest.mark.django_db


def signed_in(person):
    client = Client()
    client.force_login(person)
    return client


def catalogue(client) -> str:
    return client.get(reverse("curriculum:catalogue")).content.decode()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Each change made inside stands for a request that committed it."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def add_parts(programme, learner, n):
    """`n` self-paced parts, each with two modules of three activities, the learner enrolled on each
    with one activity done and one opened."""
    for _ in range(n):
        part = PartFactory(programme=programme)
        services.enrolment_create(person=learner, part=part)
        for _ in range(2):
            module = ModuleFactory(part=part)
            module.domains.add(Domain.objects.first())
            activities = [ActivityFactory(module=module) for _ in range(3)]
        services.activity_done(person=learner, activity=activities[0])
        services.activity_open(person=learner, activity=activities[1])


def test_the_catalogue_lists_exactly_the_parts_the_access_rule_gives(people, programme, other_programme):
    for target in (programme, other_programme):
        PartFactory(programme=target, title=f"Open in {target.title}")
        PartFactory(programme=target, title=f"Draft in {target.title}", status=Status.DRAFT)
    for role in ("learner", "admin", "other_admin", "champion", "outsider", "site_admin"):
        person = getattr(people, role)
        parts, _snapshot = access.catalogue_parts(person)
        expected = access.parts_for(person).order_by("programme__title", "programme", "number", "pk")
        assert [p.pk for p in parts] == [p.pk for p in expected], role
        page = catalogue(signed_in(person))
        for part in access.parts_for(person):
            assert part.title in page, role
        assert ("Draft in" in page) == (role in {"admin", "other_admin", "site_admin"}), role


def test_the_catalogue_makes_as_many_queries_for_many_parts_and_activities_as_for_one(
    people, programme, committed
):
    client = signed_in(people.learner)

    def warm_queries():
        catalogue(client)  # builds the outline after the last change
        with CaptureQueriesContext(connection) as queries:
            page = catalogue(client)
        return len(queries), page

    with committed():
        add_parts(programme, people.learner, 1)
    few, page = warm_queries()
    assert "Continue where you left off" in page and "1 of 6 activities" in page
    with committed():
        add_parts(programme, people.learner, 4)
    many, page = warm_queries()
    assert "5 of 30 activities" in page
    assert many == few, "the catalogue's queries grew with the curriculum"


def test_an_outline_in_memory_is_read_without_a_query_beyond_the_stamp(people, programme, committed):
    with committed():
        add_parts(programme, people.learner, 2)
    outline.read([programme.pk])
    with CaptureQueriesContext(connection) as queries:
        snapshot = outline.read([programme.pk])
    assert len(queries) == 1
    assert len(snapshot.outlines[0].parts) == 2


def test_the_catalogue_shows_each_kind_of_edit_at_once(people, programme, committed):
    part = PartFactory(programme=programme, title="Part I: Online training", number=1)
    module = ModuleFactory(part=part, title="Talking about dying")
    first = ActivityFactory(module=module, number=1)
    ActivityFactory(module=module, number=2, title="Silence and pace")
    services.enrolment_create(person=people.learner, part=part)
    services.activity_done(person=people.learner, activity=first)
    client = signed_in(people.learner)
    page = catalogue(client)
    assert "1 of 2 activities" in page and "Silence and pace" in page

    with committed():
        ActivityFactory(module=module, number=3)
    assert "1 of 3 activities" in catalogue(client)

    with committed():
        draft = PartFactory(
            programme=programme, title="Part II: Live", kind=PartKind.LIVE, status=Status.DRAFT
        )
    assert "Part II: Live" not in catalogue(client)
    with committed():
        services.part_publish(part=draft)
    assert "Part II: Live" in catalogue(client)
    with committed():
        services.unpublish(item=draft)
    assert "Part II: Live" not in catalogue(client)

    with committed():
        part.title = "Part I: Online learning"
        part.save()
    assert "Part I: Online learning" in catalogue(client)

    with committed():
        programme.title = "Renamed programme"
        programme.save()
    assert "Renamed programme" in catalogue(client)

    with committed():
        module.domains.add(Domain.objects.get(slug="social"))
    assert "Social aspects of care" in catalogue(client)

    mentorship = PartFactory(programme=programme, title="Part IV: Mentorship", kind=PartKind.MENTORSHIP)
    assert "Locked" not in catalogue(client)
    with committed():
        services.part_requires_set(part=mentorship, requires=[part])
    assert "Locked" in catalogue(client)

    with committed():
        services.unpublish(item=module)
    assert "activities)" not in catalogue(client)


def test_the_transaction_that_edits_reads_its_edit_and_keeps_it_from_other_threads(people, programme):
    """This test runs in one transaction that never commits, like a request still making its change."""
    part = PartFactory(programme=programme)
    module = ModuleFactory(part=part)
    ActivityFactory(module=module)
    assert progress_for(people.learner, [part]).parts[part.pk].total == 1
    ActivityFactory(module=module)
    assert progress_for(people.learner, [part]).parts[part.pk].total == 2
    assert caches["local"].get(outline._key(outline.generation(), programme.pk)) is None


def test_an_outline_read_elsewhere_before_a_change_committed_is_dropped_at_commit(
    people, programme, committed
):
    """Another server may read the old curriculum while the change is being made, and keep it:
    the stamp moves once the change commits."""
    with committed():
        part = PartFactory(programme=programme, title="Before")
    before = outline.read([programme.pk]).outlines[0]
    assert caches["local"].get(outline._key(outline.generation(), programme.pk)) == before
    with committed():
        part.title = "After"
        part.save()
        caches["local"].set(outline._key(outline.generation(), programme.pk), before)
    assert outline.read([programme.pk]).outlines[0].parts[0].title == "After"


def test_continue_goes_to_the_last_opened_activity_then_the_first_not_done(people, programme):
    part = PartFactory(programme=programme)
    module = ModuleFactory(part=part)
    first, second, third = (ActivityFactory(module=module, number=n) for n in (1, 2, 3))
    ActivityFactory(module=ModuleFactory(part=part, status=Status.DRAFT))
    learner = people.learner
    assert continue_activity(learner, [part]) is None
    services.enrolment_create(person=learner, part=part)
    assert continue_activity(learner, [part]).pk == first.pk
    services.activity_done(person=learner, activity=first)
    assert continue_activity(learner, [part]).pk == second.pk
    services.activity_open(person=learner, activity=third)
    resumed = continue_activity(learner, [part], record=record_of(learner))
    assert (resumed.pk, resumed.module.part.title) == (third.pk, part.title)


def test_a_learners_record_is_kept_until_their_own_progress_changes(people, programme, committed):
    """record_of is kept under the person's own stamp (ADR 020): another learner's progress leaves
    it alone, their own shows on the next page."""
    with committed():
        part = PartFactory(programme=programme)
        first, second = (ActivityFactory(module=ModuleFactory(part=part), number=n) for n in (1, 2))
        for learner in (people.learner, people.champion):
            services.enrolment_create(person=learner, part=part)
    client = signed_in(people.learner)
    assert "0 of 2 activities" in catalogue(client)

    def record_reads():
        with CaptureQueriesContext(connection) as queries:
            page = catalogue(client)
        return page, [q["sql"] for q in queries if "curriculum_activityprogress" in q["sql"]]

    assert record_reads()[1] == []
    with committed():
        services.activity_done(person=people.champion, activity=first)
    assert record_reads()[1] == []
    with committed():
        services.activity_done(person=people.learner, activity=second)
    page, reads = record_reads()
    assert "1 of 2 activities" in page and len(reads) == 1
