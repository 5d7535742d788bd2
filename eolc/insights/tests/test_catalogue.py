"""Practice examples: anyone signed in submits, the programme team reviews, everyone searches."""

import pytest
from django.urls import reverse

from eolc.accounts.models import Area
from eolc.accounts.tests.factories import OrganisationFactory
from eolc.insights.models import ExampleStatus, PracticeCategory, PracticeExample
from eolc.insights.tests.factories import PracticeExampleFactory

pytestmark = pytest.mark.django_db


def test_submit_review_and_publish(client, people):
    hospice = OrganisationFactory(name="Riverside Hospice")
    client.force_login(people.learner)
    data = {
        "title": "Hospice link nurse for home care",
        "category": "liaison",
        "summary": "A hospice nurse visits each home care agency monthly.",
        "outcomes": "Fewer crisis calls.",
        "organisations": [hospice.pk],
        "contact_name": "Sam Lee",
        "contact_email": "sam@example.org",
    }
    page = client.post(reverse("insights:submit_example"), data).content.decode()
    assert "Tick this to publish contact details" in page and not PracticeExample.objects.exists()
    response = client.post(reverse("insights:submit_example"), {**data, "contact_consent": "on"})
    example = PracticeExample.objects.get()
    assert example.status == ExampleStatus.PENDING and response.url == reverse(
        "insights:example", args=[example.pk]
    )

    client.logout()
    assert client.get(reverse("insights:example", args=[example.pk])).status_code == 404
    assert "Hospice link nurse" not in client.get(reverse("insights:catalogue")).content.decode()

    client.force_login(people.champion)
    assert (
        client.post(reverse("insights:review_example", args=[example.pk]), {"publish": "1"}).status_code
        == 403
    )
    client.force_login(people.facilitator)
    assert "Hospice link nurse" in client.get(reverse("insights:example_queue")).content.decode()
    client.post(reverse("insights:review_example", args=[example.pk]), {"publish": "1"})
    example.refresh_from_db()
    assert example.is_published and example.reviewed_by == people.facilitator

    client.logout()
    page = client.get(reverse("insights:example", args=[example.pk])).content.decode()
    assert "sam@example.org" in page and "Riverside Hospice" in page


def test_search_and_filters(client):
    camden = Area.objects.get(code="E09000007")
    hospice = OrganisationFactory(name="Leaside Hospice")
    liaison = PracticeExampleFactory(
        title="Care home liaison nurse",
        status=ExampleStatus.PUBLISHED,
        area=camden,
        category=PracticeCategory.LIAISON,
    )
    liaison.organisations.add(hospice)
    PracticeExampleFactory(
        title="Joint commissioning of night sitting",
        summary="Council and ICB fund night sitters together.",
        status=ExampleStatus.PUBLISHED,
        category=PracticeCategory.COMMISSIONING,
    )
    PracticeExampleFactory(title="Pending training idea", status=ExampleStatus.PENDING)
    url = reverse("insights:catalogue")

    def titles(**query):
        page = client.get(url, query).content.decode()
        found = [t for t in ("Care home liaison", "of night sitting", "Pending training") if t in page]
        return found

    assert titles() == ["Care home liaison", "of night sitting"]
    assert titles(q="night sitters") == ["of night sitting"]
    assert titles(category="liaison") == ["Care home liaison"]
    assert titles(area=camden.pk) == ["Care home liaison"]
    assert titles(area=camden.parent_id) == ["Care home liaison"]
    assert titles(organisation=hospice.pk) == ["Care home liaison"]
    assert titles(q="training") == []
