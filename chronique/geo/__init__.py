"""Places: toponyms recognised in text and resolved to GeoNames, offline.

``find_places(doc, lang)`` is the stage; ``resolve(name, lang)`` and
``country_place(alpha2)`` serve other stages; ``Gazetteer.load()`` opens (and
on first use builds) the SQLite gazetteer made from packaged GeoNames data.
"""

from .bench import bench
from .gazetteer import Candidate, Gazetteer, cache_path
from .places import find_places, is_demonym, is_metonymic
from .recognize import Mention, mentions
from .resolve import country_place, resolve, resolve_mentions
from ._user import ImportReport, add_geonames_file
from ._context import outlet_country, story_countries

__all__ = [
    "Candidate",
    "Gazetteer",
    "ImportReport",
    "Mention",
    "add_geonames_file",
    "bench",
    "cache_path",
    "country_place",
    "find_places",
    "is_demonym",
    "is_metonymic",
    "mentions",
    "outlet_country",
    "resolve",
    "resolve_mentions",
    "story_countries",
]
