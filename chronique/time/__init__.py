"""Temporal expressions: recognise and normalise them to TIMEX3 values.

    from chronique.time import tag
    tag("Il a rencontré hier son homologue.", "fr", dct="2015-12-24")
"""

from .lexicon import Lexicon, available_langs, load_lexicon
from .tagger import infer_dct, tag

__all__ = ["Lexicon", "available_langs", "infer_dct", "load_lexicon", "tag"]
