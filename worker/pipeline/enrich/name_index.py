"""The person/organisation index of one article: what the name finder builds and speakers look up."""

from __future__ import annotations

from dataclasses import dataclass, field

# generational suffixes kept in a canonical name, in their usual printed form
SUFFIXES = {"Jr": "Jr.", "Sr": "Sr.", "Snr": "Snr", "Jnr": "Jnr", "II": "II", "III": "III", "IV": "IV"}
SUFFIX_FORMS = frozenset(SUFFIXES.values())


@dataclass(slots=True)
class Person:
    canonical: str
    mentions: list[tuple[int, int]] = field(default_factory=list)  # body offsets


@dataclass(slots=True)
class NameIndex:
    """Persons and organisations found in the body, for speaker resolution and entity output."""

    persons: dict[str, Person] = field(default_factory=dict)
    surnames: dict[str, str] = field(default_factory=dict)
    orgs: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)  # canonical -> mentions

    def lookup(self, name: str) -> str | None:
        """Canonical person for a full name, a name with leading junk, or a lone surname / given name."""
        tokens = name.split(" ")
        for k in range(len(tokens)):
            candidate = " ".join(tokens[k:])
            if candidate in self.persons:
                return candidate
        if len(tokens) > 1 and tokens[-1].rstrip(".,") in SUFFIXES:  # "Kennedy Jr." -> "Kennedy"
            tokens = tokens[:-1]
        return self.surnames.get(tokens[-1])

    def org_canonical(self, name: str) -> str | None:
        for canonical, mentions in self.orgs.items():
            if canonical == name or any(surface == name for _, _, surface in mentions):
                return canonical
        return None

    def last_person_before(self, pos: int, body: str) -> str | None:
        """Last person mentioned before ``pos``, preferring mentions near the start of a sentence."""
        best, best_pos, any_best, any_pos = None, -1, None, -1
        for canonical, person in self.persons.items():
            for start, _ in person.mentions:
                if not 0 <= start < pos:
                    continue
                if start > any_pos:
                    any_best, any_pos = canonical, start
                head = body[max(0, start - 40) : start]
                cut = max(head.rfind(". "), head.rfind("\n"), head.rfind("“"), head.rfind('"'))
                if (cut >= 0 or start < 40) and start > best_pos:
                    best, best_pos = canonical, start
        return best or any_best


def surname_of(name: str) -> str:
    """The family name of a canonical person name: the last token, or the one before a suffix."""
    tokens = name.split(" ")
    if len(tokens) > 2 and tokens[-1] in SUFFIX_FORMS:
        return tokens[-2]
    return tokens[-1]
