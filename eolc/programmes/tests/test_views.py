"""Programme pages show each person only what their roles allow."""

import pytest
from django.test import Client
from django.urls import reverse

from eolc.accounts.models import Area
from eolc.accounts.tests.factories import OrganisationFactory, UserFactory
from eolc.programmes.models import OrganisationRelation, ProgrammeOrganisation, Role
from eolc.programmes.tests.factories import MembershipFactory, PhaseFactory


def client_for(person):
    client = Client()
    client.force_login(person)
    return client


@pytest.mark.django_db
def test_the_dashboard_lists_a_persons_programmes_and_roles(people, programme, other_programme):
    MembershipFactory(programme=programme, person=people.learner, role=Role.CHAMPION)
    response = client_for(people.learner).get(reverse("programmes:dashboard"))
    assert response.status_code == 200
    rows = response.context["memberships"]
    assert [row["title"] for row in rows] == [programme.title]
    assert rows[0]["roles"] == "Champion, Learner"
    assert rows[0]["href"] == reverse("programmes:detail", args=[programme.slug])
    assert other_programme.title not in response.content.decode()


@pytest.mark.django_db
def test_the_dashboard_asks_for_a_missing_profile(db):
    person = UserFactory(full_name="", area=None)
    response = client_for(person).get(reverse("programmes:dashboard"))
    assert response.context["profile_incomplete"] is True
    assert "Finish your profile" in response.content.decode()


@pytest.mark.django_db
def test_the_programme_list_shows_only_a_persons_programmes(people, programme, other_programme):
    learner_sees = client_for(people.learner).get(reverse("programmes:list")).context["programmes"]
    assert list(learner_sees) == [programme]
    # Everyone in the programme is counted, not only the person looking.
    assert learner_sees[0].member_count == 6
    outsider_sees = client_for(people.outsider).get(reverse("programmes:list"))
    assert list(outsider_sees.context["programmes"]) == []
    assert "You are not a member of any programme yet." in outsider_sees.content.decode()
    site_admin_sees = client_for(people.site_admin).get(reverse("programmes:list")).context["programmes"]
    assert set(site_admin_sees) == {programme, other_programme}


@pytest.mark.django_db
def test_a_programme_page_shows_phases_organisations_and_counts(people, programme):
    phase = PhaseFactory(programme=programme, name="Phase 1: Camden and Islington")
    phase.target_areas.set(Area.objects.filter(code__in=["E09000007", "E09000019"]))
    ProgrammeOrganisation.objects.create(
        programme=programme,
        organisation=OrganisationFactory(name="Marie Curie"),
        relation=OrganisationRelation.PARTNER,
    )
    response = client_for(people.learner).get(reverse("programmes:detail", args=[programme.slug]))
    html = response.content.decode()
    assert "Phase 1: Camden and Islington" in html
    assert "Camden, Islington" in html
    assert "Marie Curie" in html
    counts = {row["role"]: row["count"] for row in response.context["presenter"].member_counts}
    assert counts[Role.LEARNER.label] == 1
    assert counts[Role.ADMIN.label] == 1
    assert response.context["can_manage"] is False
    admin_view = client_for(people.admin).get(reverse("programmes:detail", args=[programme.slug]))
    assert admin_view.context["can_manage"] is True


@pytest.mark.django_db
def test_people_search_finds_by_name_or_email_within_reach(people, programme):
    match = UserFactory(full_name="Zebedee Quill", email="zq@example.org")
    MembershipFactory(programme=programme, person=match, role=Role.LEARNER)
    hidden = UserFactory(full_name="Zebedee Outside")
    client = client_for(people.admin)
    by_name = client.get(reverse("programmes:people"), {"q": "zebedee"}).context["page"].object_list
    assert list(by_name) == [match]
    by_email = client.get(reverse("programmes:people"), {"q": "ZQ@EXAMPLE"}).context["page"].object_list
    assert list(by_email) == [match]
    assert hidden not in by_name


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [{"q": "a\x00b"}, {"page": "not-a-number"}, {"page": "99999"}, {"q": "%"}, {"q": "x" * 2000}],
)
def test_odd_people_list_queries_are_not_server_errors(people, params):
    response = client_for(people.admin).get(reverse("programmes:people"), params)
    assert response.status_code == 200


@pytest.mark.django_db
def test_staff_mfa_can_be_switched_off_by_setting(settings, programme):
    person = UserFactory()
    MembershipFactory(programme=programme, person=person, role=Role.ADMIN)
    client = client_for(person)
    assert client.get(reverse("programmes:dashboard")).status_code == 302
    settings.MFA_REQUIRED_FOR_STAFF = False
    assert client.get(reverse("programmes:dashboard")).status_code == 200


@pytest.mark.django_db
def test_the_mfa_redirect_keeps_the_page_asked_for(programme):
    person = UserFactory()
    MembershipFactory(programme=programme, person=person, role=Role.FACILITATOR)
    response = client_for(person).get(reverse("programmes:detail", args=[programme.slug]))
    assert response["Location"] == f"/accounts/2fa/totp/activate/?next=/programmes/{programme.slug}/"
    # The API and allauth's own pages are never redirected.
    assert client_for(person).get("/api/v1/me").status_code == 401
    assert client_for(person).get(reverse("account_logout")).status_code == 200
