import pytest

from eolc.insights.identifying import find_identifying_details, is_nhs_number


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("Mrs Patel's daughter rang the GP twice", "a name with a title"),
        ("Dr. Okafor came out on the Sunday", "a name with a title"),
        ("His DOB was on the referral", "a date of birth"),
        ("She died on 14/03/2024 at home", "a date"),
        ("We visited on 3rd March 2023", "a date"),
        ("He lived at 42 Station Road near the park", "an address"),
        ("The flat was in N16 8AB", "a postcode"),
        ("Call the family on 07700 900123", "a phone number"),
        ("Ring 020 7946 0000 out of hours", "a phone number"),
        ("NHS number 943 476 5919 was on the form", "an NHS number"),
        ("Email jo.bloggs@example.org for the notes", "an email address"),
    ],
)
def test_each_kind_of_identifying_detail_is_found(text, what):
    assert what in [finding.what for finding in find_identifying_details(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The district nurse and the home care worker met at the house every week.",
        "Having one number to ring out of hours made all the difference for the family.",
        "We shared the care plan with the GP practice and the hospice team.",
        "Nurse Practitioner cover at weekends was patchy.",
        "2 carers and 3 nurses went to the training in May.",
    ],
)
def test_ordinary_contributions_are_not_flagged(text):
    assert find_identifying_details(text) == []


def test_nhs_number_check_digit():
    assert is_nhs_number("9434765919")
    assert not is_nhs_number("9434765918")
    assert not is_nhs_number("12345")


def test_findings_come_in_the_order_they_appear_without_overlaps():
    findings = find_identifying_details("Mr Jones, 12 Mill Lane, E8 1AA, tel 07700 900456")
    assert [finding.what for finding in findings] == [
        "a name with a title",
        "an address",
        "a postcode",
        "a phone number",
    ]
    assert str(findings[0]) == "a name with a title: “Mr Jones”"
