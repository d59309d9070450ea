"""to_dict / checklist_from_dict round-trip through JSON, as stored in the database."""

import json

import pytest

from safety_desk.domain.checklist import ChecklistError, checklist_from_dict
from safety_desk.services.checklist_library import library_paths, load_checklist_file


@pytest.mark.parametrize("path", library_paths(), ids=lambda p: p.name)
def test_every_shipped_checklist_round_trips_through_json(path):
    checklist = load_checklist_file(path)
    stored = json.dumps(checklist.to_dict(), ensure_ascii=False)
    assert checklist_from_dict(json.loads(stored)) == checklist


def test_dict_uses_iso_date_and_toml_key_names():
    d = load_checklist_file(library_paths()[0]).to_dict()
    assert isinstance(d["effective"], str) and len(d["effective"]) == 10
    number_items = [i for s in load_checklist_file(_general()).to_dict()["sections"]
                    for i in s["items"] if i["kind"] == "number" and "max" in i]
    assert number_items and "max_value" not in number_items[0]


def test_dict_is_validated_like_a_file():
    d = load_checklist_file(_general()).to_dict()
    d["sections"][0]["items"][0]["weight"] = 0
    with pytest.raises(ChecklistError) as info:
        checklist_from_dict(d)
    assert (info.value.source, info.value.field) == ("<dict>", "sections[1].items[1].weight")


def test_bad_date_in_dict_is_a_checklist_error():
    d = load_checklist_file(_general()).to_dict()
    d["effective"] = "2026-13-01"
    with pytest.raises(ChecklistError):
        checklist_from_dict(d)


def _general():
    return next(p for p in library_paths() if p.name == "general.toml")
