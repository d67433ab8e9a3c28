"""Per-article speaker entities: name/role coreference, generic organizations and pronoun antecedents."""

from __future__ import annotations

from dataclasses import dataclass, field

from service.claims.speakers import _STRIP, ORG_HEADS, SpeakerParts, strip_parens
from service.text.hindi import fold
from service.text.lexicon import word_set

MEDIA_NAMES = word_set("claims", "media_names.txt")

# Generic heads that corefer with the article's last organization of the same family.
_GENERIC_FAMILY = {
    "संस्था": "org",
    "संगठन": "org",
    "एजेंसी": "org",
    "कोर्ट": "court",
    "अदालत": "court",
    "न्यायालय": "court",
    "मंत्रालय": "ministry",
    "विभाग": "dept",
    "डिपार्टमेंट": "dept",
    "कंपनी": "company",
    "बैंक": "bank",
    "प्राधिकरण": "org",
    "आयोग": "org",
    "प्रशासन": "admin",
}


def _plural(ent: Entity) -> bool:
    """A plural oblique head (अधिकारियों, डॉक्टरों, लोगों): the entity is a group."""
    head = ent.key.split()[-1] if ent.key else ""
    return head.endswith("ों") and " और " not in f" {ent.key} "


_GROUP_NOUNS = frozenset(["लोगों", "सभी"])


def _tok_match(a: str, b: str) -> bool:
    return a == b or (len(a) >= 3 and len(b) >= 3 and (a.startswith(b) or b.startswith(a)))


@dataclass(eq=False)
class Entity:
    """A speaker within one article; the canonical name may be upgraded to a longer form."""

    name: str
    role: str | None
    kind: str
    aliases: set[str] = field(default_factory=set)
    key: str = ""  # folded name
    role_key: str = ""
    bare: bool = False  # a role without a name so far ("शिक्षिका ने …"); named when one appears

    def all_aliases(self) -> tuple[str, ...]:
        return tuple(sorted(a for a in self.aliases if a and a != self.name))


class EntityBook:
    """Entities of one article, in order of last mention, for coreference of names, roles, pronouns."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self.last: list[Entity] = []  # most recent subject last
        self.plain: list[tuple[int, Entity]] = []  # plain-register people, where last mentioned

    def _touch(self, ent: Entity) -> Entity:
        if ent in self.last:
            self.last.remove(ent)
        self.last.append(ent)
        return ent

    def pronoun(
        self, *, prefer_person: bool = True, exclude: Entity | None = None, singular: bool = False
    ) -> Entity | None:
        """Antecedent of उन्होंने/उसने/उनका: the most recent person subject, else the most recent
        subject; never ``exclude`` (a candidate the context ruled out). A singular pronoun (उसने,
        उसका) never means a plural noun ("अधिकारियों ने …। उसने …" is someone else)."""
        last = [ent for ent in self.last if ent is not exclude]
        if singular:  # none singular in sight: the antecedent is someone we did not register
            last = [ent for ent in last if not _plural(ent)]
        # an outlet that interviewed someone is not who answered: skip it while another is known
        reporters = [ent for ent in last if ent.key and ent.key.split()[-1] in MEDIA_NAMES]
        if reporters and len(reporters) < len(last):
            last = [ent for ent in last if ent not in reporters]
        if prefer_person:
            for ent in reversed(last[-4:]):
                if ent.kind == "person":
                    return self._touch(ent)
        return self._touch(last[-1]) if last else None

    def demonstrative(self, head: str) -> Entity | None:
        """Antecedent of "इन/उन <head>" ("इन मौलवियों का कहना है"): the latest entity with that
        head noun; for a bare "इन लोगों", the latest group."""
        for ent in reversed(self.entities):
            words = ent.key.split() if ent.key else []
            if words and (words[-1] == head or (head in _GROUP_NOUNS and _plural(ent))):
                return self._touch(ent)
        return None

    def pronoun_target(self, ent: Entity) -> Entity:
        """Mark ``ent`` as the most recent subject (a later उन्होंने refers to it)."""
        return self._touch(ent)

    def resolve(self, parts: SpeakerParts, folded_np: str, source_np: str) -> Entity:
        """Find or create the entity a speaker NP refers to."""
        ftoks = [w.strip(_STRIP) for w in folded_np.split() if w.strip(_STRIP)]
        if parts.name:
            key = " ".join(w for w in parts.name.split())
            outside_f, _ = strip_parens(ftoks)
            if outside_f and outside_f[-1] == fold(parts.name.split()[-1]):
                fkey = self._fold_name(ftoks, parts)
            else:  # the name is not the NP's tail ("अंशुल निवासी गणेश नगर")
                fkey = fold(parts.name)
            for ent in reversed(self.entities):
                if ent.kind != parts.kind:
                    continue
                if self._same_name(ent.key, fkey):
                    if len(fkey) > len(ent.key) and ent.key in fkey:
                        ent.aliases.add(ent.name)
                        ent.name, ent.key = key, fkey
                    ent.aliases.update(parts.aliases)
                    ent.aliases.add(source_np)
                    if parts.role and not ent.role:
                        ent.role, ent.role_key = parts.role, self._role_key(ftoks, parts)
                    return self._touch(ent)
            role_key = self._role_key(ftoks, parts) if parts.role else ""
            bare = self._bare_with_role(role_key, parts.kind)
            if bare is not None:
                # "शिक्षिका ने …" in the lead, "शिक्षिका चंद्रकांता ने …" later: one person.
                bare.aliases.add(bare.name)
                bare.name, bare.key, bare.role, bare.role_key, bare.bare = (
                    key,
                    fkey,
                    parts.role,
                    role_key,
                    False,
                )
                bare.aliases.update(parts.aliases)
                bare.aliases.add(source_np)
                return self._touch(bare)
            ent = Entity(key, parts.role, parts.kind, set(parts.aliases) | {source_np}, fkey, role_key)
            self.entities.append(ent)
            return self._touch(ent)
        # A bare role: the last person holding a matching role.
        rtoks = [w for w in ftoks if w not in ("के", "की", "का")]
        plain = [ent for _, ent in self.plain if ent not in self.last]
        for ent in [*reversed(self.last), *reversed(plain)]:  # then "आरोपित मुकीम खान से …"
            if ent.role_key:
                etoks = ent.role_key.split()
                if rtoks and all(any(_tok_match(r, e) for e in etoks) for r in rtoks):
                    ent.aliases.add(source_np)
                    return self._touch(ent)
        ent = Entity(
            source_np, parts.role, parts.kind, {source_np}, " ".join(ftoks), " ".join(rtoks), bare=True
        )
        self.entities.append(ent)
        return self._touch(ent)

    def _bare_with_role(self, role_key: str, kind: str) -> Entity | None:
        """The latest still-unnamed speaker whose role words all occur in ``role_key``."""
        rtoks = role_key.split()
        if not rtoks:
            return None
        for ent in reversed(self.entities):
            if ent.bare and ent.kind == kind and ent.role_key:
                etoks = ent.role_key.split()
                if all(any(_tok_match(e, r) for r in rtoks) for e in etoks):
                    return ent
        return None

    def generic_org(self, head: str) -> Entity | None:
        """Antecedent of a generic organization NP (संस्था, कोर्ट, मंत्रालय …), if any."""
        fam = _GENERIC_FAMILY.get(head)
        if fam is None:
            return None
        for ent in reversed(self.last):
            if ent.kind != "organization":
                continue
            ehead = ent.key.split()[-1] if ent.key else ""
            if ehead.endswith("ों"):
                continue  # a plural (कुछ सरकारों) is not the antecedent of a singular संस्था/एजेंसी
            if _GENERIC_FAMILY.get(ehead) == fam or (
                fam == "org" and ehead in ORG_HEADS and ehead != "परिवार"
            ):
                return self._touch(ent)
        return None

    @staticmethod
    def _fold_name(ftoks: list[str], parts: SpeakerParts) -> str:
        n = len(parts.name.split()) if parts.name else 0
        outside, _ = strip_parens(ftoks)
        return " ".join(outside[-n:]) if n else ""

    @staticmethod
    def _role_key(ftoks: list[str], parts: SpeakerParts) -> str:
        outside, _ = strip_parens(ftoks)
        n = len(parts.role.split()) if parts.role else 0
        return " ".join(w for w in outside[:n] if w not in ("के", "की", "का"))

    @staticmethod
    def _same_name(a: str, b: str) -> bool:
        if not a or not b:
            return False
        if a == b:
            return True
        if " और " in f" {a} " or " और " in f" {b} ":
            return False  # a coordination ("युसूफ और गुलबानू") is not either of its members
        if a in b.split() or b in a.split():
            return True
        at, bt = a.split(), b.split()
        if at[-1] == bt[-1] and (len(at) == 1 or len(bt) == 1 or a in b or b in a):
            return True
        return len(at) >= 2 and len(bt) >= 2 and (a.endswith(" " + b) or b.endswith(" " + a))
