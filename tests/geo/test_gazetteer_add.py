"""`chronique gazetteer add FILE`: a GeoNames extract in its own tab-separated format
(written here, three rows in the 19 columns of GeoNames' geoname table) enters a copy of
the gazetteer with its alternate names, incrementally, and survives a rebuild."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from chronique.errors import ModelError
from chronique.geo import Gazetteer, add_geonames_file
from chronique.geo._user import replay_user_places, user_path
from chronique.geo.recognize import Mention
from chronique.geo.resolve import resolve_mentions

# geonameid, name, asciiname, alternatenames, lat, lon, class, code, cc, cc2, admin1, admin2,
# admin3, admin4, population, elevation, dem, timezone, modified — made-up ids and villages
# in the layout of SY.txt.
ROWS = [
    ["990000001", "Kansafrah", "Kansafrah", "Kansafra,Kensafra,كنصفرة", "35.6483", "36.5589", "P", "PPL", "SY", "",
     "12", "", "", "", "0", "", "612", "Asia/Damascus", "2024-01-01"],
    ["990000002", "Dārat ‘Izzah", "Darat `Izzah", "Daret Azza,Darat Izza", "36.2833", "36.8500", "P", "PPL", "SY",
     "", "09", "", "", "", "12000", "", "455", "Asia/Damascus", "2024-01-01"],
    ["990000003", "Jabal Test", "Jabal Test", "", "35.0", "36.0", "S", "HTL", "SY", "", "12", "", "", "", "0", "",
     "0", "Asia/Damascus", "2024-01-01"],
]


def _write(path: Path, rows: list[list[str]]) -> Path:
    path.write_text("".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture()
def gaz_copy(gazetteer: Gazetteer, tmp_path: Path) -> Path:
    target = tmp_path / "cache" / gazetteer.path.name
    target.parent.mkdir()
    shutil.copy(gazetteer.path, target)
    return target


def test_gazetteer_add_imports_villages_with_alternate_names(gaz_copy: Path, tmp_path: Path) -> None:
    before = Gazetteer(gaz_copy)
    assert not before.candidates("Kansafra")
    report = add_geonames_file(_write(tmp_path / "SY.txt", ROWS), gazetteer=gaz_copy)
    assert (report.read, report.added, report.updated, report.skipped) == (3, 2, 0, 1)  # the hotel is left out
    gaz = Gazetteer(gaz_copy)
    (village,) = gaz.candidates("Kansafra")
    assert village.geonameid == 990000001 and village.country_code == "SY" and village.admin1 == "Idlib"
    assert not village.main and gaz.candidates("Kansafrah")[0].main
    assert gaz.candidates("Daret Azza")[0].admin1 == "Aleppo"
    assert not gaz.candidates("Jabal Test")


def test_gazetteer_add_is_incremental_and_replayed_after_a_rebuild(gaz_copy: Path, tmp_path: Path) -> None:
    fixture = _write(tmp_path / "SY.txt", ROWS)
    add_geonames_file(fixture, gazetteer=gaz_copy)
    again = add_geonames_file(fixture, gazetteer=gaz_copy)
    assert (again.added, again.updated) == (0, 2)
    assert len(Gazetteer(gaz_copy).candidates("Kansafra")) == 1
    # a rebuilt gazetteer (a copy without them) gets the user's places back
    fresh = tmp_path / "fresh.sqlite"
    shutil.copy(gaz_copy.with_name("gazetteer-user.sqlite"), user_path(fresh))
    shutil.copy(Gazetteer.load().path, fresh)
    assert replay_user_places(fresh) == 2
    assert Gazetteer(fresh).candidates("Kansafra")[0].geonameid == 990000001


def test_gazetteer_add_resolution_uses_the_village_in_context(gaz_copy: Path, tmp_path: Path) -> None:
    add_geonames_file(_write(tmp_path / "SY.txt", ROWS), gazetteer=gaz_copy)
    gaz = Gazetteer(gaz_copy)
    found = [Mention(0, 8, "Kansafra", "Kansafra", container="Idlib"), Mention(12, 17, "Idlib", "Idlib")]
    village, _ = resolve_mentions(found, gaz)
    assert village is not None and village.geonameid == 990000001


def test_gazetteer_add_refuses_a_file_in_another_format(gaz_copy: Path, tmp_path: Path) -> None:
    bad = tmp_path / "villages.csv"
    bad.write_text("name,lat,lon\nKansafra,35.6,36.5\n", encoding="utf-8")
    with pytest.raises(ModelError, match="G004"):
        add_geonames_file(bad, gazetteer=gaz_copy)
