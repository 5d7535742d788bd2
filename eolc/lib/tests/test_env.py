"""The environment readers refuse values they do not understand instead of guessing."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from eolc.lib.env import env_bool, env_choice, env_int, env_list, env_str

NAME = "EOLC_TEST_SETTING"


@pytest.fixture
def setenv(monkeypatch):
    monkeypatch.delenv(NAME, raising=False)

    def set_value(value):
        monkeypatch.setenv(NAME, value)

    return set_value


@pytest.mark.parametrize(
    ("value", "expected"),
    [("true", True), ("TRUE", True), ("1", True), ("on", True), (" On ", True)]
    + [("false", False), ("False", False), ("0", False), ("off", False), ("OFF ", False)],
)
def test_env_bool_reads_the_six_spellings(setenv, value, expected):
    setenv(value)
    assert env_bool(NAME, default=not expected) is expected


@pytest.mark.parametrize("value", ["yes", "no", "y", "n", "2", "-1", "enabled", "truee", "t", "f"])
def test_env_bool_refuses_anything_else_naming_the_variable(setenv, value):
    setenv(value)
    with pytest.raises(ImproperlyConfigured) as refused:
        env_bool(NAME, default=False)
    assert NAME in str(refused.value)
    assert repr(value) in str(refused.value)


@pytest.mark.parametrize("default", [True, False])
def test_env_bool_unset_or_empty_is_the_default(setenv, default):
    assert env_bool(NAME, default=default) is default
    setenv("")
    assert env_bool(NAME, default=default) is default


@pytest.mark.parametrize(("value", "expected"), [("0", 0), ("25", 25), ("31536000", 31536000), (" 60 ", 60)])
def test_env_int_reads_whole_numbers(setenv, value, expected):
    setenv(value)
    assert env_int(NAME, 7) == expected


@pytest.mark.parametrize("value", ["ten", "1.5", "1e3", "0x10", "25s", "1,000", "true"])
def test_env_int_refuses_anything_but_a_whole_number(setenv, value):
    setenv(value)
    with pytest.raises(ImproperlyConfigured) as refused:
        env_int(NAME, 7)
    assert NAME in str(refused.value)


def test_env_int_unset_or_empty_is_the_default(setenv):
    assert env_int(NAME, 7) == 7
    setenv("")
    assert env_int(NAME, 7) == 7


def test_env_list_splits_on_commas_and_drops_blanks(setenv):
    assert env_list(NAME, ["default"]) == ["default"]
    setenv(" example.org , www.example.org,, ")
    assert env_list(NAME, []) == ["example.org", "www.example.org"]


def test_env_choice_refuses_values_outside_the_choices(setenv):
    assert env_choice(NAME, ("database", "immediate"), "database") == "database"
    setenv("immediate")
    assert env_choice(NAME, ("database", "immediate"), "database") == "immediate"
    setenv("Immediate")
    with pytest.raises(ImproperlyConfigured) as refused:
        env_choice(NAME, ("database", "immediate"), "database")
    assert "database, immediate" in str(refused.value)


def test_env_str_treats_empty_as_unset(setenv):
    assert env_str(NAME) is None
    assert env_str(NAME, "fallback") == "fallback"
    setenv("")
    assert env_str(NAME, "fallback") == "fallback"
    setenv("value")
    assert env_str(NAME, "fallback") == "value"
