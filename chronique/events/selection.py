"""Which sentences need the full parse: the ones that can hold an event or its claim.

Parsing is most of chronique's time, and most sentences of a news article carry no
event. This module decides, from the tokenizer's output alone, which sentences the
parser must see:

- a sentence with a word that may be an event trigger (any reading the model's own
  lemmatizer tables allow, whatever its part of speech, whose lemma is in the event
  lexicon), or with a modal of obligation and a reporting verb ("X a déclaré que le
  Mali doit ...", a REQUEST);
- a sentence with a reporting verb or a source marker ("selon", "a rapporté le
  ministère") when an event sentence is close enough to take its claimant: the
  ``CARRY`` sentences after it, or the two before it (a quotation closed by its source).

It errs on the side of parsing: a word that might be a trigger is enough.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable
from typing import Any

import numpy

from .. import nlp
from .lexicon import clitic_form, fold, load_lexicon

__all__ = ["CLAIM", "MODAL", "TRIGGER", "choose_sentences", "word_classes", "word_selector"]

TRIGGER, CLAIM, MODAL, PRONOUN = 1, 2, 4, 8
_POS = ("verb", "noun", "adj", "aux")
_QUOTE_BACK = 2  # sentences of a quotation before the one naming its source


@functools.cache
def word_classes(lang: str) -> dict[str, int]:
    """Folded lemma -> TRIGGER | CLAIM | MODAL bits."""
    from ..actors.lexicon import get_lexicon

    lex = load_lexicon(lang)
    alex = get_lexicon(lang)
    out: dict[str, int] = {}

    def add(word: str, bit: int) -> None:
        if word:
            out[fold(word)] = out.get(fold(word), 0) | bit

    for lemma in lex.triggers:
        add(lemma, TRIGGER)
        for part in lemma.replace("-", " ").split():  # "cessez-le-feu", "sit-in"
            if len(part) > 3:
                add(part, TRIGGER)
    for w in lex.reporting_verbs | alex.reporting_verbs:
        add(w, CLAIM)
    for marker in alex.source_markers:  # "selon", "according (to)", "source" (of "de source")
        longest = max(marker, key=len)
        if len(marker) == 1 or len(longest) >= 6:  # not "après" of "d'après": mostly "after"
            add(longest, CLAIM)
    # continuation markers ("Toujours selon", "the ministry added") hold a source marker
    # or a reporting verb already
    for w in lex.obligation_modals:
        add(w, MODAL)
    return out


def _lemma_tables(model: Any) -> tuple[Any, dict[str, Any], dict[str, list[Any]]]:
    if "lemmatizer" not in model.pipe_names:
        return {}, {p: {} for p in _POS}, {p: [] for p in _POS}
    lookups = model.get_pipe("lemmatizer").lookups
    lookup = lookups.get_table("lemma_lookup") if lookups.has_table("lemma_lookup") else {}
    exc = lookups.get_table("lemma_exc") if lookups.has_table("lemma_exc") else {}
    rules = lookups.get_table("lemma_rules") if lookups.has_table("lemma_rules") else {}
    return lookup, {p: exc.get(p) or {} for p in _POS}, {p: rules.get(p) or [] for p in _POS}


@functools.cache
def word_selector(lang: str) -> Callable[[str], int]:
    """A function from a token's text to its TRIGGER | CLAIM | MODAL bits (0: none).
    Cached per word, so each distinct word is analysed once per process."""
    classes = word_classes(lang)
    lookup, exc, rules = _lemma_tables(nlp.load(lang))

    @functools.lru_cache(maxsize=500_000)
    def classify(text: str) -> int:
        w = text.lower().replace("\u2019", "'")
        if "-" in w:  # "chasseur-bombardier", "cessez-le-feu": any part may be the trigger
            bits = 0
            for part in w.split("-"):
                if part:
                    bits |= classify(part)
            return bits
        forms = {w}
        got = lookup.get(w) if lookup else None
        if got:
            forms.add(got if isinstance(got, str) else got[0])
        # every reading, not only the look-up table's one: "félicité" is listed as the
        # noun, and is also the participle of "féliciter"
        for pos in _POS:
            forms.update(exc[pos].get(w, ()))
            for old, new in rules[pos]:
                if w.endswith(old) and len(w) > len(old):
                    forms.add(w[: len(w) - len(old)] + new)
        bits = 0
        for f in forms:
            bits |= classes.get(fold(f), 0)
        return bits

    return classify


def _sentence_bits(doc: Any, sentences: list[tuple[int, int]], classify: Callable[[str], int],
                   pronouns: frozenset[str] = frozenset()) -> list[int]:
    """The bits of each sentence's words, OR-ed, and PRONOUN when its main subject is one of
    ``pronouns``: its first word, or an inverted clitic ("a-t-il"). Each distinct word of the
    Doc is read once, and only the tokens that carry bits are placed in their sentence: a
    Python step per token was most of the selection's time."""
    strings = doc.vocab.strings
    orth = doc.to_array("ORTH")
    out = [0] * len(sentences)
    if not len(orth) or not sentences:
        return out
    distinct, where = numpy.unique(orth, return_inverse=True)
    word_bits = numpy.array([_word_bits(strings[o], classify, pronouns) for o in distinct.tolist()],
                            dtype=numpy.int64)
    token_bits = word_bits[where.reshape(-1)]
    starts = [a for a, _ in sentences]
    for i in numpy.flatnonzero(token_bits).tolist():
        k = bisect.bisect_right(starts, i) - 1
        if k >= 0 and i < sentences[k][1]:
            out[k] |= int(token_bits[i])
    if pronouns:
        for k, (a, b) in enumerate(sentences):
            first = next((strings[o] for o in orth[a:min(b, a + 4)].tolist() if strings[o][:1].isalpha()), "")
            if first.lower() in pronouns:
                out[k] |= PRONOUN
    return out
    return out


def _word_bits(word: str, classify: Callable[[str], int], pronouns: frozenset[str] = frozenset()) -> int:
    if word[:1] == "-" and clitic_form(word) in pronouns:
        return PRONOUN  # "a-t-il dénoncé": an inverted subject pronoun
    return classify(word) if len(word) > 1 and word[0].isalpha() else 0


def choose_sentences(lang: str) -> Callable[[Any, list[tuple[int, int]]], list[bool]]:
    """The ``choose`` argument of :func:`chronique.nlp.pipe_selected` for ``lang``."""
    from ..actors._claims import CARRY

    classify = word_selector(lang)
    pronouns = frozenset(load_lexicon(lang).subject_pronouns)

    def choose(doc: Any, sentences: list[tuple[int, int]]) -> list[bool]:
        bits = _sentence_bits(doc, sentences, classify, pronouns)
        events = [bool(b & TRIGGER) or (b & (CLAIM | MODAL)) == CLAIM | MODAL for b in bits]
        wanted = list(events)
        for i, b in enumerate(bits):
            if b & PRONOUN and events[i] and i:
                wanted[i - 1] = True  # "Il a condamné…", "…, a-t-elle dénoncé": the sentence before names who
            if b & CLAIM and not wanted[i]:
                wanted[i] = any(events[i + 1: i + 1 + CARRY]) or any(events[max(0, i - _QUOTE_BACK): i])
        return wanted

    return choose
