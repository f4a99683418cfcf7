"""clean_text: scraping artefacts removed, nothing else touched, idempotent."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronique.ingest import clean_text

CAPTION = "Le général a rencontré mercredi à Moscou son homologue russe.(Ministère de la Défense)"


def test_clean_repeated_caption_kept_once() -> None:
    text = f"Titre de l'article\n\n{CAPTION}\nTemps de lecture estimé : 3 minutes\n{CAPTION}\n{CAPTION}\n\nSuite du texte."
    cleaned = clean_text(text)
    assert cleaned.count("homologue russe") == 1
    assert "Temps de lecture" not in cleaned
    assert cleaned.startswith("Titre de l'article\n\nLe général")
    assert cleaned.endswith("Suite du texte.")


def test_clean_short_repeated_lines_kept() -> None:
    text = "Photo\nUn premier paragraphe assez long pour compter.\nPhoto\nUn second paragraphe, différent du premier."
    assert clean_text(text).count("Photo") == 2


@pytest.mark.parametrize(
    "line",
    [
        "Temps de lecture estimé : 3 minutes",
        "Temps de lecture : 5 min",
        "Reading time: 3 min",
        "Estimated reading time: 4 minutes",
        "4 min read",
        "AFP, publié le lundi 29 juin 2020 à 09h42",
        "Lire aussi :",
    ],
)
def test_clean_boilerplate_line_removed(line: str) -> None:
    text = f"Le gouvernement a cédé jeudi.\n{line}\nLes syndicats ont salué la décision."
    assert clean_text(text) == "Le gouvernement a cédé jeudi.\nLes syndicats ont salué la décision."


def test_clean_boilerplate_inside_sentence_kept() -> None:
    text = "Le texte a été adopté en première lecture : 3 minutes de débat ont suffi."
    assert clean_text(text) == text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("deux jours avant la rencontre,, le ministre", "deux jours avant la rencontre, le ministre"),
        ("a-t-il dit;; puis", "a-t-il dit; puis"),
        ("il a démissionné..", "il a démissionné."),
        ("Et alors... rien.", "Et alors... rien."),
        ("Vraiment ?!", "Vraiment ?!"),
        ("Incroyable !!", "Incroyable !!"),
    ],
)
def test_clean_doubled_punctuation(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "dans la nuit de mercredi à jeudi.Le gouvernement",
            "dans la nuit de mercredi à jeudi. Le gouvernement",
        ),
        ("en médecine.L'enveloppe globale", "en médecine. L'enveloppe globale"),
        ("depuis 2008.Mais la crise", "depuis 2008. Mais la crise"),
        ("(OCLCIFF).Le parquet", "(OCLCIFF). Le parquet"),
        ("de 400 millions d'euros\".De son côté", "de 400 millions d'euros\". De son côté"),
        ('a souligné le syndicat."Le montant', 'a souligné le syndicat. "Le montant'),
        (
            'pas "à la hauteur des revendications"."Le ministre',
            'pas "à la hauteur des revendications". "Le ministre',
        ),
        ('"tout va bien"Selon lui', '"tout va bien" Selon lui'),
        ("quel avenir ?Selon le ministre", "quel avenir ? Selon le ministre"),
        ("selon l'AFP.Aucune victime", "selon l'AFP. Aucune victime"),
        ('un "débat approfondi".LR fustige', 'un "débat approfondi". LR fustige'),
        ('"aucune importance".Q: Quelles solutions', '"aucune importance". Q: Quelles solutions'),
        ("ajoute le gouvernement.M. Dupont a", "ajoute le gouvernement. M. Dupont a"),
        ("en médecine.- Le cumul", "en médecine. - Le cumul"),
        ("Valéri Guérassimov.(État-major des armées)", "Valéri Guérassimov. (État-major des armées)"),
    ],
)
def test_clean_glued_sentences_split(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


@pytest.mark.parametrize(
    "text",
    [
        "les forces aériennes russes ont frappé 1.093 cibles",
        "un bombardier Su-24 a attaqué",
        "le ministre J.-Y. Le Drian",
        "l'armée des U.S.A. et les U.S.Army Rangers",
        "voir https://www.example.com/Article.Html et www.gouv.fr/Info",
        "écrire à contact@Exemple.fr",
        "un Ph.D. en physique",
        "le mouvement Génération.s et le site Change.org",
        "à 9h45 a.m. ce matin",
        "né en 52 av.J.-C. à Rome",
    ],
)
def test_clean_non_sentence_periods_untouched(text: str) -> None:
    assert clean_text(text) == text


def test_clean_unicode_normalised() -> None:
    decomposed = "Le ministe\u0300re a dit\u00a0: c\u2019est fini\u202f! \u200bPoint\u00ad final."
    cleaned = clean_text(decomposed)
    assert cleaned == "Le ministère a dit : c\u2019est fini ! Point final."
    assert unicodedata.is_normalized("NFC", cleaned)
    assert "\u2019" in cleaned  # typographic apostrophes are kept as written


def test_clean_whitespace_and_line_breaks() -> None:
    raw = "  Premier   paragraphe.\r\nSuite\tdu paragraphe.  \r\n\r\n\r\n\r\nSecond paragraphe.\n\n"
    assert clean_text(raw) == "Premier paragraphe.\nSuite du paragraphe.\n\nSecond paragraphe."


# Characters that exercise every rule: sentence punctuation, quotes, spaces of
# all kinds, combining marks, bullets, capitals and digits.
_PIECES = list("aeLMAÉ.!?…\",;:()-•’' \n\r\t\u00a0\u200b\u0301\u0300é19") + [
    "..",
    ",,",
    "https://",
    "www.",
    "J.-Y.",
    "Temps de lecture : 3 min\n",
]
_TRICKY = st.lists(st.sampled_from(_PIECES), max_size=60).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(_TRICKY, st.text(alphabet='aLé.!?"() \n…,;-•', max_size=60)))
def test_clean_idempotent(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_clean_idempotent_any_text(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once
