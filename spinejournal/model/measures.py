"""The standard measures a person rates now and then: PSFS (their own activities), PEG-3 and PGIC."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from spinejournal.clinical import PGIC_LABELS
from spinejournal.model.checks import (
    check_choice,
    check_date,
    check_int,
    check_name,
    check_opt_date,
    check_pain,
    check_record,
    drop_empty,
    name_key,
)
from spinejournal.model.vocab import PSFS_VERSIONS


@dataclass(frozen=True, slots=True)
class PsfsActivity:
    """An activity the patient chose for the Patient-Specific Functional Scale."""

    name: str
    version: str = "1.0"
    created: date | None = None
    id: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", check_name("activity name", self.name))
        check_choice("PSFS version", self.version, PSFS_VERSIONS)
        check_opt_date("created", self.created)
        check_int("activity id", self.id, 0, 10**9)

    def to_dict(self) -> dict[str, Any]:
        return drop_empty(
            {
                "name": self.name,
                "version": self.version,
                "created": self.created.isoformat() if self.created else None,
            }
        )

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], id: int = 0) -> PsfsActivity:
        """Read a stored record strictly (its ``id`` is the store's key, not a field)."""
        check_record("PSFS activity", data, _PSFS_ACTIVITY_FIELDS, ("name",))
        return cls(
            name=data["name"],
            version=data.get("version", "1.0"),
            created=check_opt_date("created", data.get("created")),
            id=id,
        )


_PSFS_ACTIVITY_FIELDS = {"name": "activity name", "version": "PSFS version", "created": "created"}


@dataclass(frozen=True, slots=True)
class PsfsRating:
    """One dated 0-10 rating of a PSFS activity, on the scale of ``version``."""

    activity_id: int
    date: date
    score: int
    version: str = "1.0"

    def __post_init__(self) -> None:
        check_int("activity id", self.activity_id, 1, 10**9)
        check_date("rating date", self.date)
        check_int("PSFS rating", self.score, 0, 10)
        check_choice("PSFS version", self.version, PSFS_VERSIONS)

    @property
    def ability(self) -> int:
        """The score on the PSFS 1.0 direction: 0 = unable, 10 = as before the problem."""
        return self.score if self.version == "1.0" else 10 - self.score

    def to_dict(self) -> dict[str, Any]:
        return {
            "activity_id": self.activity_id,
            "date": self.date.isoformat(),
            "score": self.score,
            "version": self.version,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PsfsRating:
        """Read a stored record strictly: unknown or missing fields and wrong types are refused."""
        check_record("PSFS rating", data, _PSFS_RATING_FIELDS, ("activity_id", "date", "score"))
        return cls(
            activity_id=data["activity_id"],
            date=check_date("rating date", data["date"]),
            score=data["score"],
            version=data.get("version", "1.0"),
        )


_PSFS_RATING_FIELDS = {
    "activity_id": "activity id",
    "date": "rating date",
    "score": "PSFS rating",
    "version": "PSFS version",
}


def find_psfs_activity(activities: Iterable[PsfsActivity], name: str) -> PsfsActivity | None:
    """Find a PSFS activity by name, compared with ``name_key``."""
    wanted = name_key(name)
    return next((a for a in activities if name_key(a.name) == wanted), None)


@dataclass(frozen=True, slots=True)
class PegScore:
    """A PEG-3 rating (Krebs 2009): pain on average in the past week, and how much pain interfered
    with enjoyment of life and with general activity, each 0-10. One per date."""

    date: date
    pain: int
    enjoyment: int
    activity: int

    def __post_init__(self) -> None:
        check_date("PEG date", self.date)
        check_pain("PEG pain", self.pain)
        check_pain("PEG enjoyment of life", self.enjoyment)
        check_pain("PEG general activity", self.activity)

    @property
    def score(self) -> float:
        """The PEG score: the mean of the three items (0-10)."""
        return (self.pain + self.enjoyment + self.activity) / 3

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "pain": self.pain,
            "enjoyment": self.enjoyment,
            "activity": self.activity,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PegScore:
        """Read a stored record strictly: unknown or missing fields and wrong types are refused."""
        check_record("PEG score", data, _PEG_FIELDS, tuple(_PEG_FIELDS))
        return cls(
            date=check_date("PEG date", data["date"]),
            pain=data["pain"],
            enjoyment=data["enjoyment"],
            activity=data["activity"],
        )


_PEG_FIELDS = {
    "date": "PEG date",
    "pain": "PEG pain",
    "enjoyment": "PEG enjoyment of life",
    "activity": "PEG general activity",
}


@dataclass(frozen=True, slots=True)
class PgicRating:
    """The patient's global impression of change since care began: 1 (very much improved) to 7
    (very much worse), 4 no change. One per date."""

    date: date
    rating: int

    def __post_init__(self) -> None:
        check_date("PGIC date", self.date)
        check_int("PGIC", self.rating, min(PGIC_LABELS), max(PGIC_LABELS))

    @property
    def label(self) -> str:
        """The rating in words, e.g. 'Much improved'."""
        return PGIC_LABELS[self.rating]

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.date.isoformat(), "rating": self.rating}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PgicRating:
        """Read a stored record strictly: unknown or missing fields and wrong types are refused."""
        check_record("PGIC rating", data, _PGIC_FIELDS, tuple(_PGIC_FIELDS))
        return cls(date=check_date("PGIC date", data["date"]), rating=data["rating"])


_PGIC_FIELDS = {"date": "PGIC date", "rating": "PGIC"}
