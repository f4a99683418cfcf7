"""Actors: who acts, who is acted upon, and who claims it.

:class:`ActorCoder` codes mentions with a canonical name, an ISO alpha-3
country and a PLOVER/CAMEO sector, resolves in-document coreference and finds
claimants; the registry (:func:`get_registry`) and the per-language words
(:func:`get_lexicon`) are data under ``chronique/data/actors/``.
"""

from .coder import ActorCoder, preload
from .lexicon import Lexicon, get_lexicon
from .registry import Entry, Registry, get_registry

__all__ = ["ActorCoder", "Entry", "Lexicon", "Registry", "get_lexicon", "get_registry", "preload"]
