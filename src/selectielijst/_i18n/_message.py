"""A sentence to say to a person: its code, its English text, and the values it names."""

from __future__ import annotations

import datetime
import string
from collections.abc import Callable, Mapping

import attrs

from selectielijst._i18n._catalog import translated, translated_plural
from selectielijst._i18n._language import Language

__all__ = [
    "Message",
    "Spoken",
    "date_words",
    "marked",
    "marked_in",
    "number_words",
    "said_by",
    "say",
    "say_counted",
    "version_date_words",
]


@attrs.frozen
class Message:
    """A sentence with a stable code, said in English or in the catalog's language.

    The text is the catalog's message id: English, with ``{name}`` places for
    the values. ``{name:n}`` writes a number as the reader does (1.048.576 in
    Dutch), ``{name:date}`` a date in words (31 januari 2027).

    >>> found = say("unknown-list", "no list {name!r}; {count:n} lists known", name="x", count=1200)
    >>> str(found)
    "no list 'x'; 1,200 lists known"
    >>> found.code, found.arguments["count"]
    ('unknown-list', 1200)

    Attributes:
        code: What kind of sentence this is, stable across wordings (``unknown-version``).
        text: The English text with places for the values.
        values: The values, by name, in the order given.
        plural: The English text when the count is not one, for a sentence that counts.
        count: The name of the value that decides between *text* and *plural*.
    """

    code: str
    text: str
    values: tuple[tuple[str, object], ...] = ()
    plural: str | None = None
    count: str | None = None

    @property
    def arguments(self) -> Mapping[str, object]:
        """The values by name, as the sentence was made with them."""
        return dict(self.values)

    def say(self, language: Language = Language.EN) -> str:
        """The sentence in *language*.

        >>> say("busy-comparing", "comparing").say(Language.NL)
        'vergelijken'
        """
        if self.plural is not None and self.count is not None:
            count = self.arguments[self.count]
            n = count if isinstance(count, int) else 0
            template = translated_plural(self.text, self.plural, n, language, self.code)
        else:
            template = translated(self.text, language, self.code)
        return _Places(language).vformat(template, (), self.arguments)

    def __str__(self) -> str:
        return self.say(Language.EN)


@attrs.frozen
class Spoken:
    """A value a sentence names that is worded differently in each language (a column's name).

    >>> said = say("missing", "no column {name!r}", name=Spoken(lambda lang: lang.value))
    >>> str(said), said.say(Language.NL)
    ("no column 'en'", "no column 'nl'")
    """

    speak: Callable[[Language], str]

    def say(self, language: Language = Language.EN) -> str:
        """The value in *language*."""
        return self.speak(language)

    def __str__(self) -> str:
        return self.say(Language.EN)

    def __repr__(self) -> str:
        return repr(str(self))


def say(code: str, text: str, /, **values: object) -> Message:
    """The sentence *text*, of kind *code*, naming *values*: what the catalogs translate.

    >>> said = say("format-written", "{path}: {format} written", path="log.md", format="md")
    >>> said.say(Language.NL)
    'log.md: md geschreven'
    """
    return Message(code, text, tuple(values.items()))


def say_counted(code: str, one: str, many: str, /, count: int, **values: object) -> Message:
    """A sentence that counts *count* things: *one* or *many*, as the language has it.

    >>> said = say_counted("rows-written", "{path}: {count:n} row written",
    ...                    "{path}: {count:n} rows written", 1500, path="x.csv")
    >>> said.say(Language.NL)
    'x.csv: 1.500 rijen geschreven'
    """
    return Message(code, one, (("count", count), *values.items()), plural=many, count="count")


def said_by(error: BaseException) -> Message | str:
    """What *error* says, as a message when it was raised with one, else as its text.

    >>> said_by(ValueError(say("no-changes", "No changes."))).code
    'no-changes'
    >>> said_by(ValueError("plain"))
    'plain'
    """
    said = getattr(error, "said", None)
    if isinstance(said, Message):
        return said
    if len(error.args) == 1 and isinstance(error.args[0], Message):
        return error.args[0]
    return str(error)


def marked(text: str) -> str:
    """*text*, a label, marked for the catalogs; translate it with ``translated(text, lang)``."""
    return text


def marked_in(context: str, text: str) -> tuple[str, str]:
    """A label whose English words mean more than one thing, marked with its *context*."""
    return context, text


def number_words(number: float, language: Language) -> str:
    """*number* as a reader of *language* writes it.

    >>> number_words(1048576, Language.NL), number_words(1048576, Language.EN)
    ('1.048.576', '1,048,576')
    """
    from babel.numbers import format_decimal  # noqa: PLC0415  # only when a number is said

    return str(format_decimal(number, locale=language.locale))


def date_words(day: datetime.date, language: Language) -> str:
    """*day* in words, as a reader of *language* writes it.

    >>> date_words(datetime.date(2027, 1, 31), Language.NL)
    '31 januari 2027'
    >>> date_words(datetime.date(2027, 1, 31), Language.EN)
    '31 January 2027'
    """
    from babel.dates import format_date  # noqa: PLC0415  # only when a date is said

    return str(format_date(day, "long", locale=language.locale))


def version_date_words(text: str, language: Language) -> str:
    """A version's date, which may be a year or a month only, in words.

    >>> version_date_words("2015-03", Language.NL), version_date_words("2024-11-01", Language.EN)
    ('maart 2015', '1 November 2024')
    >>> version_date_words("2015", Language.NL)
    '2015'
    """
    from babel.dates import format_date  # noqa: PLC0415  # only when a date is said

    try:
        if len(text) == len("2015-03-01"):
            return date_words(datetime.date.fromisoformat(text), language)
        if len(text) == len("2015-03"):
            day = datetime.date.fromisoformat(text + "-01")
            return str(format_date(day, "LLLL y", locale=language.locale))
    except ValueError:
        pass
    return text


class _Places(string.Formatter):
    """Fills a message's places: nested sentences, numbers and dates in the reader's way."""

    def __init__(self, language: Language) -> None:
        self.language = language

    def convert_field(self, value: object, conversion: str | None) -> object:
        return super().convert_field(self._said(value), conversion)

    def format_field(self, value: object, format_spec: str) -> str:
        value = self._said(value)
        if format_spec == "n" and isinstance(value, int | float):
            return number_words(value, self.language)
        if format_spec == "date" and isinstance(value, datetime.date):
            return date_words(value, self.language)
        return str(format(value, format_spec))

    def _said(self, value: object) -> object:
        """A sentence, or what says one (an error, a column's name), in the language."""
        speak = getattr(value, "say", None)
        return speak(self.language) if callable(speak) else value
