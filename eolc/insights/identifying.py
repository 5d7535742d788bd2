"""A check for obvious identifying details in what people write about a death they were part of.

It is a prompt, not a guarantee: it looks for the patterns that most often give a person away
(a title and a name, a date, a house number and street, a postcode, a phone number, an NHS
number, an email address) so the writer can take them out before anything is stored. It does
not try to find every name, so the warning on the form says so.
"""

import re
from dataclasses import dataclass

MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
STREETS = (
    r"(?i:road|rd|street|st|avenue|ave|lane|close|drive|way|court|place|crescent|terrace|gardens|grove|"
    r"square|mews)"
)

PATTERNS = [
    (
        "a name with a title",
        re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Rev|Sister)\.?\s+[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)?"),
    ),
    (
        "a date of birth",
        re.compile(r"\b(?:d\.?o\.?b\.?|date of birth|born on|born in)\b[^.\n]{0,30}", re.IGNORECASE),
    ),
    ("a date", re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b")),
    (
        "a date",
        re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTHS}\.?(?:\s+\d{{4}})?\b", re.IGNORECASE),
    ),
    ("a date", re.compile(rf"\b{MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b", re.IGNORECASE)),
    ("an address", re.compile(rf"\b\d{{1,4}}[a-z]?,?\s+(?:[A-Z][a-z]+\s+){{1,3}}{STREETS}\b")),
    (
        "a postcode",
        re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.IGNORECASE),
    ),
    ("an email address", re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b")),
]
# Ten digits, possibly grouped 3-3-4: an NHS number when its check digit is right, otherwise a phone.
TEN_DIGITS = re.compile(r"(?<![\d+])(\d{3})[\s-]?(\d{3})[\s-]?(\d{4})(?!\d)")
PHONE = re.compile(r"(?:\+44\s?\(?0?\)?\s?|\b0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b")


@dataclass(frozen=True)
class Finding:
    what: str
    text: str

    def __str__(self):
        return f"{self.what}: “{self.text}”"


def is_nhs_number(digits: str) -> bool:
    """The NHS number check digit (modulus 11)."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(digit) * (10 - index) for index, digit in enumerate(digits[:9]))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def find_identifying_details(text: str) -> list[Finding]:
    """What in `text` looks like it could identify someone, in the order it appears, without repeats."""
    found: list[tuple[int, Finding]] = []
    taken: list[range] = []

    def add(start, end, what):
        if any(start < span.stop and end > span.start for span in taken):
            return
        taken.append(range(start, end))
        found.append((start, Finding(what, text[start:end].strip())))

    for match in TEN_DIGITS.finditer(text):
        digits = "".join(match.groups())
        if is_nhs_number(digits):
            add(match.start(), match.end(), "an NHS number")
    for match in PHONE.finditer(text):
        add(match.start(), match.end(), "a phone number")
    for what, pattern in PATTERNS:
        for match in pattern.finditer(text):
            add(match.start(), match.end(), what)
    return [finding for _, finding in sorted(found, key=lambda pair: pair[0])]
