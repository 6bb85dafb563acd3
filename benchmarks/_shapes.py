"""Lists of real shape for the benchmarks: texts as long and as varied as a real list's.

The synthetic lists of ``bench_diff.py`` have names of some 40 characters and
nothing else: about 160 bytes a category. A real list is otherwise: the VNG
list averages some 360 bytes, and a list with full explanations 570 or more,
with names that carry qualifiers in parentheses, explanations of up to three
paragraphs with quotes, colons, semicolons and dashes, examples, triggers
("na beëindiging van de relatie") and exceptions to a B.

:func:`real_list` makes such a list. Where the VNG list is present (in
``../shared/data``), its words and punctuation are the model: a chain of the
words that follow each other in its texts draws new sentences of the same
shape, so no text of the list itself is written anywhere. Without it, a
vocabulary of our own with the same punctuation stands in.
"""

from __future__ import annotations

import functools
import itertools
import random
import re
from pathlib import Path

import attrs

from selectielijst import Category, Duration, Section, SelectionList, Status, Term, Valuation
from selectielijst.model import Criterion, KeepPart, VersionInfo

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "vng-selectielijst"
"""The VNG list, beside the repository, when it is there."""

CRITERIA = tuple(Criterion(number, f"Criterium {number} (benchmark)") for number in range(1, 7))

_OWN_TEXT = (
    "het beheren van dossiers over de aanvraag en verlening van vergunningen voor het"
    " gebruik van openbare ruimte; inclusief bezwaar, beroep en handhaving (zie ook"
    " paragraaf 4.2: toezicht). Onder 'dossier' wordt verstaan: alle stukken die bij de"
    " behandeling zijn ontvangen of opgemaakt \u2013 zoals adviezen, besluiten en"
    " correspondentie \u2013 en die van belang zijn voor de verantwoording. Bij een"
    ' "omgevingsvergunning" geldt de termijn vanaf het vervallen van de vergunning;'
    " bij een weigering vanaf de datum van het besluit. Voorbeelden: de aanvraag,"
    " het advies van de welstandscommissie, de zienswijzen en het verslag van de"
    " hoorzitting. Uitgezonderd zijn stukken over monumenten, die blijvend worden"
    " bewaard (criterium 5). Het betreft zowel papieren als digitale stukken."
)
_OWN_WORDS = _OWN_TEXT.split()

_TRIGGERS = (
    "na afhandeling van de zaak",
    "na beëindiging van de relatie",
    "na vervallen van de vergunning",
    "na uitdiensttreding van de medewerker",
    "na overlijden van de betrokkene",
    "na vaststelling van de jaarrekening",
    "na intrekking van het besluit",
)


@functools.cache
def _chain() -> tuple[dict[str, list[str]], list[str]]:
    """Which word follows which, and the words that start a sentence: from the VNG texts."""
    words = _vng_words() or _OWN_WORDS
    follows: dict[str, list[str]] = {}
    starts = [words[0]]
    for word, following in itertools.pairwise(words):
        follows.setdefault(word, []).append(following)
        if word.endswith((".", ";", ":")):
            starts.append(following)
    return follows, starts


def _vng_words() -> list[str]:
    """The words of the VNG list's texts, in order, punctuation attached; none without it."""
    if not SHARED.is_dir():
        return []
    from selectielijst import import_vng  # noqa: PLC0415  # only with the data

    words: list[str] = []
    for year in ("2017", "2020"):
        path = SHARED / f"selectielijst-{year}.csv"
        if not path.is_file():
            continue
        version = VersionInfo(year, Status.VASTGESTELD)
        selection_list = import_vng(path, version=version).selection_list
        for _, category in selection_list.categories():
            for text in (category.name, category.description, category.explanation):
                if text:
                    words += re.split(r"\s+", text.strip())
    return words


def sentence(rng: random.Random, length: int) -> str:
    """About *length* characters of text drawn from the chain, ending on a full stop."""
    follows, starts = _chain()
    word = rng.choice(starts)
    said = [word]
    size = len(word)
    while size < length:
        word = rng.choice(follows.get(word) or starts)
        said.append(word)
        size += len(word) + 1
    text = " ".join(said).rstrip(",;:\u2013-")
    return text if text.endswith((".", "?", ")")) else text + "."


def _name(rng: random.Random) -> str:
    name = sentence(rng, rng.choice((25, 40, 60, 80))).rstrip(".")
    if rng.random() < 0.3:
        name += f" ({sentence(rng, 20).rstrip('.')})"
    return name[0].upper() + name[1:]


def _explanation(rng: random.Random) -> str | None:
    paragraphs = rng.choices((0, 1, 2, 3), weights=(15, 40, 30, 15))[0]
    if not paragraphs:
        return None
    return "\n\n".join(sentence(rng, rng.randint(80, 380)) for _ in range(paragraphs))


def _valuation(rng: random.Random) -> Valuation:
    if rng.random() < 0.3:
        criteria = sorted(rng.sample(range(1, 7), rng.randint(1, 2)))
        keep = Valuation.keep(*criteria)
        if rng.random() < 0.1:
            return Valuation(keep.kind, criteria=keep.criteria, exception=sentence(rng, 50))
        return keep
    years = rng.choice((1, 2, 5, 7, 10, 20, 75))
    trigger = rng.choice(_TRIGGERS) if rng.random() < 0.25 else None
    term = Term(Duration(years=years), trigger)
    if rng.random() < 0.05:
        return Valuation.destroy(term, KeepPart(sentence(rng, 40).rstrip("."), (1,)))
    return Valuation.destroy(term)


def real_list(size: int, seed: int = 1) -> SelectionList:
    """A version with *size* categories of real shape, in sections of up to thirty."""
    rng = random.Random(seed)
    sections: list[Section] = []
    number = 0
    while number < size:
        s = len(sections) + 1
        count = min(rng.randint(5, 30), size - number)
        categories = tuple(
            Category(
                f"r{s}-{k}",
                f"{s}.{(k // 10) + 1}.{k % 10 + 1}" if rng.random() < 0.5 else f"{s}.{k + 1}",
                _name(rng),
                _valuation(rng),
                description=sentence(rng, 60) if rng.random() < 0.2 else None,
                explanation=_explanation(rng),
                examples=tuple(sentence(rng, 30) for _ in range(rng.choice((0, 0, 0, 1, 2)))),
            )
            for k in range(count)
        )
        categories = _unique_numbers(categories)
        text = (sentence(rng, 200),) if rng.random() < 0.5 else ()
        sections.append(
            Section(f"p{s}", _name(rng), number=str(s), text=text, categories=categories)
        )
        number += count
    return SelectionList(
        "echt",
        "Lijst van echte vorm (benchmark)",
        VersionInfo("1", Status.CONCEPT),
        criteria=CRITERIA,
        sections=tuple(sections),
    )


def _unique_numbers(categories: tuple[Category, ...]) -> tuple[Category, ...]:
    seen: set[str] = set()
    unique = []
    for category in categories:
        number = category.number
        while number in seen:
            number += ".1"
        seen.add(number)
        unique.append(attrs.evolve(category, number=number))
    return tuple(unique)


def shape(selection_list: SelectionList, *, real: bool = True) -> str:
    """The bytes per category of the list's snapshot, and what its texts were modelled on."""
    from selectielijst.snapshots import dumps  # noqa: PLC0415  # the measure

    count = sum(1 for _ in selection_list.categories())
    per = len(dumps(selection_list).encode("utf-8")) / count
    model = "the VNG list's words" if _vng_words() else "our own words"
    if not real:
        model = "a few made-up words (bench_diff.py)"
    return f"{per:.0f} bytes a category, modelled on {model}"


def evolve_real(old: SelectionList, seed: int = 2) -> SelectionList:
    """The next version of a real-shaped list, changed as a revision changes a list.

    Of the categories, about 4% get another word in their name, 4% another
    sentence in their explanation, 2% a new number, 1% move to the next
    section, 1% another valuation and 1% another term; 1% are withdrawn and
    1% added.
    """
    rng = random.Random(seed)
    sections = [list(s.categories) for s in old.sections]
    moved: list[tuple[int, Category]] = []
    for s, categories in enumerate(sections):
        kept = []
        for k, category in enumerate(categories):
            roll, c = rng.random(), category
            if roll < 0.04:
                words = c.name.split()
                words[rng.randrange(len(words))] = rng.choice(_chain()[1])
                c = attrs.evolve(c, name=" ".join(words))
            elif roll < 0.08:
                extra = sentence(rng, rng.randint(40, 160))
                explanation = f"{c.explanation} {extra}" if c.explanation else extra
                c = attrs.evolve(c, explanation=explanation)
            elif roll < 0.10:
                c = attrs.evolve(c, number=f"{c.number}.r")
            elif roll < 0.11:
                moved.append(((s + 1) % len(sections), attrs.evolve(c, number=f"{c.number}.m")))
                continue
            elif roll < 0.12:
                c = attrs.evolve(c, valuation=_valuation(rng))
            elif roll < 0.13 and c.valuation is not None and c.valuation.term is not None:
                term = c.valuation.term
                years = max(1, (term.duration or Duration()).years - 3)
                shorter = Term(Duration(years=years), term.trigger)
                c = attrs.evolve(c, valuation=attrs.evolve(c.valuation, term=shorter))
            elif roll < 0.14:
                continue
            kept.append(c)
            if rng.random() < 0.01:
                kept.append(Category(f"n{s}-{k}", f"{c.number}.n", _name(rng), _valuation(rng)))
        sections[s] = kept
    for target, c in moved:
        sections[target].append(c)
    return attrs.evolve(
        old,
        version=VersionInfo("2", Status.CONCEPT),
        sections=tuple(
            attrs.evolve(section, categories=_unique_numbers(tuple(categories)))
            for section, categories in zip(old.sections, sections, strict=True)
        ),
    )
