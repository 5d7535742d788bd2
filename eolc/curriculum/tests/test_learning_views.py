"""Learner pages: catalogue, gating, activities of every kind, transcript, certificates, verification."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from pypdf import PdfReader

from eolc.accounts.tests.factories import TEST_PASSWORD
from eolc.curriculum import services
from eolc.curriculum.models import (
    ActivityKind,
    ActivityProgress,
    Completion,
    CompletionSource,
    PartCredit,
    PartKind,
    Reflection,
    Status,
)
from eolc.curriculum.tests.factories import (
    ActivityFactory,
    CreditSchemeFactory,
    ModuleFactory,
    PartFactory,
    question_with_choices,
)

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 11, 2)


def signed_in(person):
    client = Client()
    client.force_login(person)
    return client


def pdf_text(response) -> str:
    assert response["Content-Type"] == "application/pdf"
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)


@pytest.fixture
def course(programme):
    """Part I (self-paced) and mentorship that requires it, in the people fixture's programme."""
    part_one = PartFactory(programme=programme, title="Part I: Online training", number=1)
    mentorship = PartFactory(
        programme=programme, title="Part IV: Monthly mentorship", number=4, kind=PartKind.MENTORSHIP
    )
    mentorship.requires.add(part_one)
    module = ModuleFactory(part=part_one, title="Talking about dying")
    return part_one, mentorship, module


def test_the_catalogue_shows_parts_and_what_unlocks_them(people, course):
    part_one, mentorship, _module = course
    page = signed_in(people.learner).get(reverse("curriculum:catalogue")).content.decode()
    assert part_one.title in page and mentorship.title in page
    assert f'href="{reverse("curriculum:part", args=[part_one.pk])}"' in page
    assert "Locked" in page


def test_mentorship_is_refused_before_part_one_with_a_link_and_accepted_after(people, course):
    part_one, mentorship, _module = course
    client = signed_in(people.learner)
    response = client.post(reverse("curriculum:enrol", args=[mentorship.pk]))
    assert response.status_code == 403
    text = response.content.decode()
    assert "Part I: Online training" in text
    assert reverse("curriculum:part", args=[part_one.pk]) in text
    services.part_complete(person=people.learner, part=part_one, on=DAY, source=CompletionSource.IMPORTED)
    response = client.post(reverse("curriculum:enrol", args=[mentorship.pk]))
    assert response.status_code == 302
    assert mentorship.enrolments.filter(person=people.learner).exists()


def test_content_of_a_locked_part_is_refused_naming_the_missing_part(people, course):
    part_one, mentorship, _module = course
    locked_module = ModuleFactory(part=mentorship)
    response = signed_in(people.learner).get(reverse("curriculum:module", args=[locked_module.pk]))
    assert response.status_code == 403
    assert "Part I: Online training" in response.content.decode()


@pytest.mark.parametrize("role", ["outsider", "other_admin"])
def test_people_outside_the_programme_get_404(people, course, role):
    part_one, _mentorship, module = course
    activity = ActivityFactory(module=module)
    client = signed_in(getattr(people, role))
    for url in [
        reverse("curriculum:part", args=[part_one.pk]),
        reverse("curriculum:module", args=[module.pk]),
        reverse("curriculum:activity", args=[activity.pk]),
    ]:
        assert client.get(url).status_code == 404, url


def test_drafts_are_hidden_from_learners_and_previewed_by_admins(people, course):
    _part_one, _mentorship, module = course
    draft = ActivityFactory(module=module, status=Status.DRAFT, title="Unfinished")
    services.enrolment_create(person=people.learner, part=module.part)
    assert signed_in(people.learner).get(reverse("curriculum:activity", args=[draft.pk])).status_code == 404
    preview = signed_in(people.admin).get(reverse("curriculum:activity", args=[draft.pk]))
    assert preview.status_code == 200
    assert "Preview" in preview.content.decode()


def test_activities_need_enrolment_first(people, course):
    _part_one, _mentorship, module = course
    activity = ActivityFactory(module=module)
    response = signed_in(people.learner).get(reverse("curriculum:activity", args=[activity.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("curriculum:part", args=[module.part_id])


def test_a_content_warning_comes_first_with_a_choice_to_continue(people, course):
    _part_one, _mentorship, module = course
    story = ActivityFactory(
        module=module,
        content_warning="This story describes a death at home.",
        body="Mr Okafor's daughter rang the district nurse at 3am.",
    )
    services.enrolment_create(person=people.learner, part=module.part)
    client = signed_in(people.learner)
    url = reverse("curriculum:activity", args=[story.pk])
    first = client.get(url).content.decode()
    assert "This story describes a death at home." in first
    assert "rang the district nurse" not in first
    assert "?warning=continue" in first
    assert "rang the district nurse" in client.get(url + "?warning=continue").content.decode()


def test_a_video_has_a_captions_track_and_its_transcript(people, course):
    _part_one, _mentorship, module = course
    video = ActivityFactory(
        module=module,
        kind=ActivityKind.VIDEO,
        video_url="/static/curriculum/family-meeting.webm",
        captions="WEBVTT\n\n00:00.000 --> 00:03.000\nThank you all for coming today.",
        transcript="Social worker: Thank you all for coming today.",
    )
    services.enrolment_create(person=people.learner, part=module.part)
    client = signed_in(people.learner)
    page = client.get(reverse("curriculum:activity", args=[video.pk])).content.decode()
    captions_url = reverse("curriculum:captions", args=[video.pk])
    assert f'<track kind="captions" src="{captions_url}"' in page
    assert "Social worker: Thank you all for coming today." in page
    captions = client.get(captions_url)
    assert captions["Content-Type"].startswith("text/vtt")
    assert captions.content.decode().startswith("WEBVTT")
    client.post(reverse("curriculum:activity", args=[video.pk]))
    assert ActivityProgress.objects.get(activity=video, person=people.learner).status == "done"


def test_an_exercise_shows_the_feedback_of_the_chosen_answer(people, course):
    _part_one, _mentorship, module = course
    exercise = ActivityFactory(module=module, kind=ActivityKind.EXERCISE)
    question = question_with_choices(
        exercise, "What do you say first?", right="Ask what she knows", wrong=["Tell"]
    )
    services.enrolment_create(person=people.learner, part=module.part)
    client = signed_in(people.learner)
    url = reverse("curriculum:activity", args=[exercise.pk])
    wrong = question.choices.get(correct=False)
    page = client.post(url, {"question": question.pk, "choice": wrong.pk}).content.decode()
    assert "Not quite: Tell." in page
    assert "Yes: Ask what she knows." not in page
    missing = client.post(url, {"question": question.pk}).content.decode()
    assert "Choose one of the answers" in missing
    right = question.choices.get(correct=True)
    assert (
        "Yes: Ask what she knows."
        in client.post(url, {"question": question.pk, "choice": right.pk}).content.decode()
    )
    assert ActivityProgress.objects.get(activity=exercise).status == "done"


@pytest.fixture
def reflective(people, course):
    _part_one, _mentorship, module = course
    activity = ActivityFactory(
        module=module,
        kind=ActivityKind.REFLECTION,
        body="Think of a family you supported. What did they need?",
    )
    services.enrolment_create(person=people.learner, part=module.part)
    return activity


def test_a_reflective_answer_survives_a_validation_error(people, reflective):
    client = signed_in(people.learner)
    url = reverse("curriculum:activity", args=[reflective.pk])
    response = client.post(url, {"answer": "Time & <quiet>", "action": "submit"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "at least 20 characters" in page
    assert "Time &amp; &lt;quiet&gt;</textarea>" in page
    assert ActivityProgress.objects.get(activity=reflective).draft == "Time & <quiet>"
    # Coming back later, the draft is still there.
    assert "Time &amp; &lt;quiet&gt;</textarea>" in client.get(url).content.decode()


def test_the_reflective_answer_autosaves_and_survives_a_session_timeout(people, reflective):
    client = Client()
    client.post(reverse("account_login"), {"login": people.learner.email, "password": TEST_PASSWORD})
    url = reverse("curriculum:activity", args=[reflective.pk])
    page = client.get(url).content.decode()
    assert f'hx-post="{reverse("curriculum:draft", args=[reflective.pk])}"' in page
    saved = client.post(reverse("curriculum:draft", args=[reflective.pk]), {"answer": "They needed time"})
    assert saved.status_code == 200 and "Draft saved" in saved.content.decode()
    assert ActivityProgress.objects.get(activity=reflective).draft == "They needed time"

    # The session ends (timeout) while the learner finishes typing, then they press save.
    client.session.flush()
    client.cookies.pop("sessionid", None)
    answer = "They needed time to talk about what mattered to them, and one person to call."
    signed_out_draft = client.post(reverse("curriculum:draft", args=[reflective.pk]), {"answer": answer})
    assert signed_out_draft.status_code == 401
    response = client.post(url, {"answer": answer, "action": "submit"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    client.post(reverse("account_login"), {"login": people.learner.email, "password": TEST_PASSWORD})
    page = client.get(url).content.decode()
    assert answer in page
    assert ActivityProgress.objects.get(activity=reflective).draft == answer


def test_a_saved_reflective_answer_completes_the_activity(people, reflective):
    client = signed_in(people.learner)
    answer = "They needed someone to explain what the nurse would do at night."
    response = client.post(
        reverse("curriculum:activity", args=[reflective.pk]), {"answer": answer, "action": "submit"}
    )
    assert response.status_code == 302
    progress = ActivityProgress.objects.get(activity=reflective)
    assert (progress.status, progress.answer) == ("done", answer)


def finished_part(people, programme):
    part = PartFactory(programme=programme, title="Talking with families", ce_hours=Decimal("2.50"))
    scheme = CreditSchemeFactory(name="Social Work England CPD")
    PartCredit.objects.create(part=part, scheme=scheme, category="Communication", hours=Decimal("2.50"))
    module = ModuleFactory(part=part)
    test = ActivityFactory(module=module, kind=ActivityKind.POST_TEST, pass_mark=50)
    question = question_with_choices(test, "Who decides?", right="The person", wrong=["The team"])
    return part, test, question


def test_passing_the_post_test_completes_the_part_and_the_certificate_reads_right(people, programme):
    part, test, question = finished_part(people, programme)
    client = signed_in(people.learner)
    client.post(reverse("curriculum:enrol", args=[part.pk]))
    url = reverse("curriculum:activity", args=[test.pk])
    failed = client.post(url, {f"question_{question.pk}": question.choices.get(correct=False).pk})
    assert "You scored 0%" in failed.content.decode()
    assert not Completion.objects.exists()
    passed = client.post(url, {f"question_{question.pk}": question.choices.get(correct=True).pk})
    assert passed.status_code == 302
    completion = Completion.objects.get(person=people.learner, part=part)
    code = completion.certificate.code
    part_page = client.get(reverse("curriculum:part", args=[part.pk])).content.decode()
    assert reverse("curriculum:certificate_pdf", args=[code]) in part_page

    text = pdf_text(client.get(reverse("curriculum:certificate_pdf", args=[code])))
    assert people.learner.full_name in text
    assert "2.50 CE hours" in text
    assert code in text
    assert f"/verify/{code}/" in text
    # Someone else cannot download it; the programme admin can.
    assert (
        signed_in(people.champion).get(reverse("curriculum:certificate_pdf", args=[code])).status_code == 404
    )
    assert signed_in(people.admin).get(reverse("curriculum:certificate_pdf", args=[code])).status_code == 200


def test_the_verification_page_is_public_and_shows_only_the_facts(people, programme):
    part, *_rest = finished_part(people, programme)
    completion = services.part_complete(
        person=people.learner, part=part, on=DAY, source=CompletionSource.IMPORTED
    )
    code = completion.certificate.code
    page = Client().get(reverse("curriculum:verify", args=[code])).content.decode()
    assert "This certificate is valid" in page
    assert escape(people.learner.full_name) in page and "Talking with families" in page and "2.50" in page
    assert people.learner.email not in page
    assert "2 November 2026" in page
    assert Client().get(reverse("curriculum:verify", args=["AAAA-BBBB-CCCC-DDDD"])).status_code == 404

    revoke = reverse("curriculum:certificate_revoke", args=[code])
    assert signed_in(people.learner).post(revoke, {"reason": "Mine"}).status_code == 403
    assert "Give the reason" in signed_in(people.admin).post(revoke, {"reason": ""}).content.decode()
    signed_in(people.admin).post(revoke, {"reason": "Completed by someone else"})
    assert (
        "This certificate is not valid"
        in Client().get(reverse("curriculum:verify", args=[code])).content.decode()
    )


def test_transcript_page_csv_and_pdf_add_up_exactly(people, programme):
    nasw = CreditSchemeFactory(name="NASW CE")
    hours = [
        (
            "8.00",
            [
                ("Clinical", "2.00"),
                ("Pain and symptom management", "3.50"),
                ("Cross-cultural", "1.50"),
                ("Ethics", "1.00"),
            ],
        ),
        ("2.50", [("Clinical", "2.50")]),
        ("0.10", []),
        ("0.20", []),
    ]
    for number, (total, split) in enumerate(hours, 1):
        part = PartFactory(programme=programme, number=number, ce_hours=Decimal(total))
        for category, value in split:
            PartCredit.objects.create(part=part, scheme=nasw, category=category, hours=Decimal(value))
        services.part_complete(person=people.learner, part=part, on=DAY, source=CompletionSource.IMPORTED)
    client = signed_in(people.learner)
    page = client.get(reverse("curriculum:transcript")).content.decode()
    assert '<dd class="nhsuk-summary-list__value" id="total-hours">10.80</dd>' in page
    assert "4.50" in page  # Clinical: 2.00 + 2.50

    rows = list(csv.reader(io.StringIO(client.get(reverse("curriculum:transcript_csv")).content.decode())))
    assert ["Total", "", "", "10.80", "", "", "", ""] in rows
    assert ["Total", "", "", "", "NASW CE", "Clinical", "4.50", ""] in rows

    text = pdf_text(client.get(reverse("curriculum:transcript_pdf")))
    assert "Total: 10.80 CE hours" in text
    assert "Pain and symptom management" in text


def test_reflections_on_completed_parts_export_as_cpd_evidence(people, programme):
    part, *_rest = finished_part(people, programme)
    client = signed_in(people.learner)
    refused = client.post(reverse("curriculum:reflection_add", args=[part.pk]), {"text": "Too early"})
    assert "Complete the part" in refused.content.decode()
    services.part_complete(person=people.learner, part=part, on=DAY, source=CompletionSource.IMPORTED)
    client.post(
        reverse("curriculum:reflection_add", args=[part.pk]), {"text": "I now ask families what they know."}
    )
    assert Reflection.objects.get().person == people.learner
    text = pdf_text(client.get(reverse("curriculum:reflections_pdf")))
    assert "I now ask families what they know." in text
    assert "I now ask" not in pdf_text(signed_in(people.champion).get(reverse("curriculum:reflections_pdf")))


def test_continue_where_you_left_off(people, course):
    _part_one, _mentorship, module = course
    first = ActivityFactory(module=module, title="Opening the conversation", number=1)
    second = ActivityFactory(module=module, title="Silence and pace", number=2)
    client = signed_in(people.learner)
    client.post(reverse("curriculum:enrol", args=[module.part_id]))
    page = client.get(reverse("curriculum:catalogue")).content.decode()
    assert "Continue where you left off" in page
    assert reverse("curriculum:activity", args=[first.pk]) in page
    client.post(reverse("curriculum:activity", args=[first.pk]))
    client.get(reverse("curriculum:activity", args=[second.pk]))
    page = client.get(reverse("curriculum:catalogue")).content.decode()
    assert (
        reverse("curriculum:activity", args=[second.pk]) in page.split("Continue where you left off")[1][:600]
    )


def test_progress_per_module_part_and_domain(people, course):
    from eolc.curriculum.models import Domain
    from eolc.curriculum.progress import progress_for

    part_one, _mentorship, module = course
    social = Domain.objects.get(slug="social")
    module.domains.add(social)
    done, todo = ActivityFactory(module=module), ActivityFactory(module=module)
    services.enrolment_create(person=people.learner, part=part_one)
    services.activity_done(person=people.learner, activity=done)
    progress = progress_for(people.learner, [part_one])
    assert (progress.modules[module.pk].done, progress.modules[module.pk].total) == (1, 2)
    assert progress.parts[part_one.pk].percent == 50
    assert progress.programmes[part_one.programme_id].percent == 50
    assert [(d.slug, t.done, t.total) for d, t in progress.domains] == [("social", 1, 2)]
    assert todo.pk not in progress.activity_done


@pytest.mark.parametrize(
    ("role", "status"), [("admin", 200), ("site_admin", 200), ("champion", 404), ("other_admin", 404)]
)
def test_a_learners_transcript_is_seen_by_their_programme_admins_only(people, programme, role, status):
    part, *_rest = finished_part(people, programme)
    services.part_complete(person=people.learner, part=part, on=DAY, source=CompletionSource.IMPORTED)
    response = signed_in(getattr(people, role)).get(
        reverse("curriculum:person_transcript", args=[people.learner.pk])
    )
    assert response.status_code == status
    if status == 200:
        assert "2.50" in response.content.decode()
        assert escape(people.learner.full_name) in response.content.decode()


def test_a_done_activity_offers_a_reflection_for_the_cpd_record(people, course):
    _part_one, _mentorship, module = course
    activity = ActivityFactory(module=module, title="Guide to family meetings")
    client = signed_in(people.learner)
    client.post(reverse("curriculum:enrol", args=[module.part_id]))
    client.post(reverse("curriculum:activity", args=[activity.pk]))
    page = client.get(reverse("curriculum:activity", args=[activity.pk])).content.decode()
    link = f"{reverse('curriculum:reflection_add', args=[module.part_id])}?activity={activity.pk}"
    assert link in page
    assert "Reflect on Guide to family meetings" in client.get(link).content.decode()
    client.post(
        reverse("curriculum:reflection_add", args=[module.part_id]),
        {"activity": activity.pk, "text": "Planning the room matters as much as the agenda."},
    )
    assert Reflection.objects.get().activity == activity


def test_the_csv_never_carries_a_spreadsheet_formula(people, programme):
    part = PartFactory(
        programme=programme, title='=HYPERLINK("https://example.org")', ce_hours=Decimal("1.00")
    )
    services.part_complete(person=people.learner, part=part, on=DAY, source=CompletionSource.IMPORTED)
    rows = list(
        csv.reader(
            io.StringIO(signed_in(people.learner).get(reverse("curriculum:transcript_csv")).content.decode())
        )
    )
    assert rows[1][1] == '\'=HYPERLINK("https://example.org")'
    assert rows[1][3] == "1.00"
