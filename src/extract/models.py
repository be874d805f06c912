"""The record: pydantic models for an article and everything found in it.

Every mention carries its evidence: `start`/`end` are character offsets into
the ORIGINAL input text (end exclusive) and `text` is exactly that slice. The
article model holds the original text and checks this for every span.
"""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, field_validator, model_validator


def _decimal_to_json(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


# Exact arithmetic inside, a plain JSON number outside.
Number = Annotated[Decimal, PlainSerializer(_decimal_to_json, return_type=int | float, when_used="json")]

Qualifier = Literal["over", "under", "about", "nearly", "at_most", "at_least", "estimated"]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(Record):
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> "Span":
        if self.end < self.start:
            raise ValueError(f"span end {self.end} before start {self.start}")
        return self


class Mention(Span):
    rule: str = Field(description="The rule or model that produced this mention.")


class DateMention(Mention):
    value: str = Field(description="ISO 8601 at the precision written; START/END for intervals; --MM-DD when the year is unknown.")
    grain: Literal["day", "minute", "week", "month", "quarter", "half", "year", "interval"]
    year_inferred: bool = Field(default=False, description="The year was filled in from the reference time.")


class PercentMention(Mention):
    value: Number = Field(description="Number of percent, without sign.")
    qualifier: Qualifier | None = None
    per: str | None = Field(default=None, description="Rate period, e.g. 'năm' in '3%/năm'.")


class MoneyMention(Mention):
    value: Number = Field(description="Amount in the currency's main unit.")
    currency: str = Field(pattern=r"^[A-Z]{3}$", description="ISO 4217 code.")
    qualifier: Qualifier | None = None
    per: str | None = Field(default=None, description="Rate unit, e.g. 'tháng' in '4,5 triệu đồng/tháng'.")
    currency_implied: bool = Field(default=False, description="No currency word was written; context made it money.")


class Position(Span):
    title: str = Field(description="The title as written, e.g. 'Phó Bí thư'.")
    organization: str | None = Field(default=None, description="Organization with abbreviations expanded.")
    locality: str | None = None
    former: bool = False
    acting: bool = False
    standing: bool = False


class Person(Record):
    name: str
    mentions: list[Mention]


class Official(Person):
    positions: list[Position]


class Repair(Span):
    fixed: str
    encoding: str = Field(description="The legacy encoding the fragment was written in.")


class Article(Record):
    id: str
    title: str | None = None
    author: str | None = None
    published: str | None = Field(default=None, description="ISO 8601 date or datetime.")
    officials: list[Official] = []
    people: list[Person] = []
    dates: list[DateMention] = []
    percentages: list[PercentMention] = []
    money: list[MoneyMention] = []
    repairs: list[Repair] = []
    text: str = Field(description="The original input text that all offsets point into.")

    @field_validator("published")
    @classmethod
    def _iso(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            datetime.fromisoformat(value)
        except ValueError:
            try:
                date.fromisoformat(value)
            except ValueError:
                raise ValueError(f"published is not ISO 8601: {value!r}") from None
        return value

    @model_validator(mode="after")
    def _evidence(self) -> "Article":
        for span in self.spans():
            found = self.text[span.start : span.end]
            if found != span.text:
                raise ValueError(f"span {span.start}:{span.end} reads {found!r}, not {span.text!r}")
        return self

    def spans(self) -> list[Span]:
        """Every span in the record, in no particular order."""
        out: list[Span] = [*self.dates, *self.percentages, *self.money, *self.repairs]
        for person in self.people:
            out += person.mentions
        for official in self.officials:
            out += official.mentions
            out += official.positions
        return out


class ArticleError(Record):
    """One input that could not be extracted; the batch goes on."""

    path: str
    reason: str


def json_schemas() -> dict[str, dict[str, Any]]:
    """JSON Schema of every line the CLI writes, by file name."""
    return {
        "article.schema.json": Article.model_json_schema(mode="serialization"),
        "error.schema.json": ArticleError.model_json_schema(mode="serialization"),
    }
