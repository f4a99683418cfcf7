"""Settings flow one way: defaults -> user file -> environment -> flags; all documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronique.config import SETTINGS, load_settings
from chronique.errors import ConfigError

README = Path(__file__).resolve().parents[1] / "README.md"


def test_config_defaults_then_file_then_environment(tmp_path: Path) -> None:
    f = tmp_path / "config.toml"
    assert load_settings({}, f)["processes"] == 1
    f.write_text('processes = 2\ndb = "file.db"\n', encoding="utf-8")
    s = load_settings({}, f)
    assert (s["processes"], s["db"]) == (2, "file.db")
    s = load_settings({"CHRONIQUE_DB": "env.db"}, f)
    assert (s["processes"], s["db"]) == (2, "env.db")


def test_config_errors_name_the_source(tmp_path: Path) -> None:
    f = tmp_path / "config.toml"
    f.write_text("processes = 0\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="config.toml.*processes"):
        load_settings({}, f)
    f.write_text("colour = 'blue'\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown settings"):
        load_settings({}, f)
    with pytest.raises(ConfigError, match=r"\$CHRONIQUE_BATCH_SIZE"):
        load_settings({"CHRONIQUE_BATCH_SIZE": "many"}, tmp_path / "none.toml")


def test_config_every_setting_is_documented() -> None:
    text = README.read_text(encoding="utf-8")
    for name, s in SETTINGS.items():
        assert f"`{name}`" in text and s.env in text, f"setting {name} ({s.env}) is not in the README"
