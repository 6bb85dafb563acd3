"""Tests of the valuation-notation parser."""

from __future__ import annotations

import pytest
from hypothesis import assume, given

from selectielijst import Duration, Term, Valuation
from selectielijst.io import NotationError, read_term, read_valuation
from selectielijst.model import KeepPart
from selectielijst.rendering import Language
from strategies import valuations


class TestDomainNotations:
    """Every notation the domain notes list is read, and nothing is guessed."""

    @pytest.mark.parametrize(
        ("text", "term", "expected"),
        [
            ("B (1)", None, Valuation.keep(1)),
            ("B (2, 6)", None, Valuation.keep(2, 6)),
            ("B, criterium 6", None, Valuation.keep(6)),
            ("Bewaren", None, Valuation.keep()),
            ("Blijvend bewaren", None, Valuation.keep()),
            ("V, 10 jaar", None, Valuation.destroy(Term(Duration(years=10)))),
            (
                "V, 5 jaar na rapportage",
                None,
                Valuation.destroy(Term(Duration(years=5), "na rapportage")),
            ),
            ("Vernietigen", "7 jaar", Valuation.destroy(Term(Duration(years=7)))),
            ("Vernietigen", "6 weken", Valuation.destroy(Term(Duration(weeks=6)))),
            ("Vernietigen", "11 Jaar", Valuation.destroy(Term(Duration(years=11)))),
            ("Vernietigen", "7 jaar ", Valuation.destroy(Term(Duration(years=7)))),
            ("Vernietigen", "P10Y", Valuation.destroy(Term(Duration(years=10)))),
            ("V", "na vervanging", Valuation.destroy(Term(None, "na vervanging"))),
            (
                "V",
                "3 jaar na eindbeslissing",
                Valuation.destroy(Term(Duration(years=3), "na eindbeslissing")),
            ),
            (
                "V, 10 jaar; B (1) eindproduct",
                None,
                Valuation.destroy(Term(Duration(years=10)), KeepPart("eindproduct", (1,))),
            ),
            (
                "V, 1 jaar na goedkeuring van de rekening, mits deze is goedgekeurd",
                None,
                Valuation.destroy(
                    Term(
                        Duration(years=1),
                        "na goedkeuring van de rekening, mits deze is goedgekeurd",
                    )
                ),
            ),
        ],
    )
    def test_reads(self, text: str, term: str | None, expected: Valuation) -> None:
        """The notation gives the valuation it means."""
        assert read_valuation(text, term=term).valuation == expected

    def test_cross_reference(self) -> None:
        """'Zie categorie 52' is a reference, not a valuation."""
        reading = read_valuation("Zie categorie 52")
        assert (reading.valuation, reading.reference) == (None, "52")

    def test_normalisations_are_reported(self) -> None:
        """Trailing spaces and capitals are read, and said."""
        notes = read_valuation("Vernietigen", term="11 Jaar ").notes
        assert any("spaties" in note.say(Language.NL) for note in notes)
        assert any("'11 Jaar' gelezen als 11 jaar" in note.say(Language.NL) for note in notes)
        assert any("'11 Jaar' read as 11 jaar" in str(note) for note in notes)

    @pytest.mark.parametrize(
        ("term", "expected"),
        [
            ("1,5 jaar", Duration(years=1, months=6)),
            ("1 jaar en 6 maanden", Duration(years=1, months=6)),
            ("91 dagen", Duration(days=91)),
            ("Direct", Duration()),
        ],
    )
    def test_terms(self, term: str, expected: Duration) -> None:
        """Terms in several notations."""
        assert read_term(term)[0].duration == expected

    @pytest.mark.parametrize(
        ("text", "term", "message"),
        [
            ("X", None, "cannot read the valuation 'X'"),
            ("V, tien jaar", None, "cannot read the term 'tien jaar'"),
            ("Bewaren", "10 jaar", "yet a term '10 jaar' is given"),
            ("V, 10 jaar", "7 jaar", "which holds?"),
            ("V, 10 jaar; bewaren", None, "a kept part reads like"),
            ("Vernietigen", "2,25 jaar", "only half years"),
        ],
    )
    def test_errors_quote_the_text(self, text: str, term: str | None, message: str) -> None:
        """What cannot be read is an error naming the text, never a guess."""
        with pytest.raises(NotationError, match=message):
            read_valuation(text, term=term)

    @given(valuations)
    def test_reads_what_it_prints(self, valuation: Valuation) -> None:
        """The printed form of a valuation reads back as itself (free-text triggers aside)."""
        assume(valuation.term is None or valuation.term.trigger is None)
        assume(  # a ';' starts a kept part, and spaces are normalised
            valuation.exception is None
            or (
                ";" not in valuation.exception
                and valuation.exception == " ".join(valuation.exception.split())
            )
        )
        process = valuation.term.process if valuation.term is not None else None
        assume(  # a remark is read up to its parentheses, and a ';' starts a kept part
            process is None
            or process.remark is None
            or (
                not set(process.remark) & set("();")
                and process.remark == " ".join(process.remark.split())
            )
        )
        assume(
            all(
                ";" not in p.description
                and not p.description.startswith("(")
                and p.description
                == " ".join(p.description.split())  # spaces are normalised, and said
                for p in valuation.keep_parts
            )
        )
        assert read_valuation(str(valuation)).valuation == valuation
