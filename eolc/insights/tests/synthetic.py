"""Generated contributions with planted themes, for the suggestion tests and the benchmark.

Each theme has its own words; every text mixes a few of them with words any contribution might
use, so a method that finds the themes must look past the shared words.
"""

import random

THEMES = {
    "medicines": [
        "anticipatory medicines",
        "syringe driver",
        "pharmacy",
        "prescription",
        "controlled drugs",
        "just in case box",
        "chemist",
        "pain relief",
        "doses",
        "dispensing",
    ],
    "records": [
        "shared care record",
        "discharge letter",
        "handover notes",
        "information sharing",
        "care plan copy",
        "electronic record",
        "advance care plan",
        "summary record",
        "read only access",
        "records system",
    ],
    "home care": [
        "care package",
        "home care workers",
        "double handed visits",
        "rota",
        "care agency",
        "continuing healthcare funding",
        "call times",
        "brokerage",
        "package started",
        "visit schedule",
    ],
    "carers": [
        "unpaid carer",
        "respite",
        "exhausted wife",
        "bereavement support",
        "daughter caring",
        "carers assessment",
        "sitting service",
        "night sitter",
        "family carer",
        "carer breakdown",
    ],
    "learning": [
        "joint training",
        "workshop together",
        "shadowing",
        "learning session",
        "understand roles",
        "teaching session",
        "training day",
        "mixed group",
        "reflective practice",
        "course",
    ],
    "meetings": [
        "multidisciplinary meeting",
        "weekly huddle",
        "gold standards meeting",
        "case conference",
        "monthly meeting",
        "virtual ward round",
        "team meeting",
        "palliative register review",
        "meeting minutes",
        "standing agenda",
    ],
}
SHARED = [
    "we",
    "found",
    "the",
    "team",
    "patient",
    "helped",
    "really",
    "end of life",
    "people",
    "time",
    "week",
    "made",
    "difference",
    "working",
    "together",
    "when",
    "staff",
    "it",
    "was",
    "had",
]


def planted_contributions(n: int, *, themes: int = len(THEMES), seed: int = 7):
    """`n` texts spread evenly over the first `themes` themes, and each text's planted theme index."""
    rng = random.Random(seed)
    names = list(THEMES)[:themes]
    texts, labels = [], []
    for index in range(n):
        label = index % len(names)
        words = rng.sample(THEMES[names[label]], 4) + rng.sample(SHARED, 5)
        rng.shuffle(words)
        texts.append(" ".join(words).capitalize() + ".")
        labels.append(label)
    return texts, labels
