import csv
import io

import pytest

from eolc.lib.csv_export import SafeWriter, csv_response, safe_cell


@pytest.mark.parametrize("text", ["=SUM(A1:A2)", "+1", "-2+3", "@cmd", "\tx", "\rx"])
def test_text_that_would_run_as_a_formula_is_written_as_plain_text(text):
    assert safe_cell(text) == f"'{text}"


@pytest.mark.parametrize("value", ["Ann O'Brien", "2.50", 3, -1, None])
def test_ordinary_values_are_left_alone(value):
    assert safe_cell(value) == value


def test_the_response_is_an_attachment_with_every_row_made_safe():
    response = csv_response("people.csv", ["Name", "Note"], [["Ann", "=HYPERLINK(1)"], ["Bo", "fine"]])
    assert response["Content-Disposition"] == 'attachment; filename="people.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows == [["Name", "Note"], ["Ann", "'=HYPERLINK(1)"], ["Bo", "fine"]]


def test_the_writer_makes_writerows_safe_too():
    stream = io.StringIO()
    SafeWriter(stream).writerows([["@SUM(1)", 2]])
    assert stream.getvalue().strip() == "'@SUM(1),2"
