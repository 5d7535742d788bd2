import pytest

from eolc.curriculum.tests.factories import PartFactory
from eolc.programmes.tests.factories import PhaseFactory
from eolc.reports import rollups
from eolc.reports.tests.builders import activity, london_areas


@pytest.fixture
def reported(programme, people):
    """A programme with past sessions in London boroughs, completions, and rollups brought up to date."""
    PhaseFactory(programme=programme, name="Phase one").target_areas.set(london_areas())
    activity(
        programme, sessions=6, per_session=7, seed=5, by=people.admin, part=PartFactory(programme=programme)
    )
    rollups.refresh_due()
    return programme
