import pytest

from eolc.programmes import access


@pytest.mark.django_db
def test_programme_admin_can_manage_only_their_programme(people, programme, other_programme):
    assert access.can_manage_programme(people.admin, programme)
    assert not access.can_manage_programme(people.admin, other_programme)
    assert not access.can_manage_programme(people.facilitator, programme)
    assert access.can_manage_programme(people.site_admin, other_programme)


@pytest.mark.django_db
def test_programmes_for_lists_only_memberships(people, programme, other_programme):
    assert list(access.programmes_for(people.learner)) == [programme]
    assert list(access.programmes_for(people.outsider)) == []
    assert set(access.programmes_for(people.site_admin)) == {programme, other_programme}


@pytest.mark.django_db
def test_staff_roles_are_the_ones_that_see_personal_data(people):
    assert access.has_staff_role(people.admin)
    assert access.has_staff_role(people.facilitator)
    assert access.has_staff_role(people.mentor)
    assert access.has_staff_role(people.site_admin)
    assert not access.has_staff_role(people.learner)
    assert not access.has_staff_role(people.champion)
    assert not access.has_staff_role(people.commissioner)
