"""Cue patterns that skip the texts they cannot match, by their literal anchors.

A category cue is an alternation of phrases ("delay|took too long|statutory time...").
Python's `re` has no literal pre-scan for such a pattern, so a search tries every
alternative at every position of the text, and testing one sentence for fourteen
categories is the costliest regex work of extraction. But every match of such a pattern
contains one of a few literal strings ("delay", "took too long", "statutory "...), and
`str in str` finds those in C at memory speed. `Cue` works out those anchors from the
pattern itself, once, and searches only texts that contain one of them, so the answer
is always the pattern's own.

A case-insensitive search is also slow in itself: `re` cannot skip ahead to the letters
an alternative starts with when case does not count. A cue written in lower case is
therefore searched case-sensitively in the folded text, which finds the same (see
`fold`) about four times faster.

One set of anchors is only one of the things a match needs: "(?:did not|failed to)
(?:tell|inform)" needs one of "did not", "failed to" *and* one of "tell", "inform". A
sentence with "did not" and neither verb passes the anchors, and most that pass do: on
the benchmark's decisions a sentence passed the anchors of 4.1 of the fourteen specific
category cues and matched about one. So a cue also keeps every literal its pattern
needs, as a tree of all-of and any-of (`requirement`); a `CueSet` searches only the cues
whose trees the literals found meet (1.1 a sentence). (A lone `Cue` does not test its
tree: on the folded text the substring tests cost about what they save.)

A text tested against a whole family of cues (the fourteen fault categories) goes through
`CueSet`, which finds every literal of every cue in one pass (an Aho-Corasick automaton,
pyahocorasick) instead of one substring search per literal, and searches only the cues
whose requirements those literals meet.

The anchors come from the pattern's parse tree (`re._parser`, the parser `re.compile`
uses; `sre_parse` before Python 3.11). If that parser cannot be read, or a pattern has
no usable anchors, the `Cue` simply always searches.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Callable, Iterator, Sequence, Union

import ahocorasick

try:  # Python 3.11+
    from re import _constants as _sre, _parser as _sre_parse
except ImportError:  # Python 3.10
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

_REPEATS = {_sre.MAX_REPEAT, _sre.MIN_REPEAT} | ({_sre.POSSESSIVE_REPEAT} if hasattr(_sre, "POSSESSIVE_REPEAT") else set())
MIN_ANCHOR = 3  # an anchor shorter than this ("a", "of") passes nearly every text


class AllOf(tuple):
    """Requirements that must all hold."""


class AnyOf(tuple):
    """Requirements of which one must hold."""


# A requirement: a case-folded literal the text must contain, or an AllOf or AnyOf of them.
Requirement = Union[str, AllOf, AnyOf]


def requirement(pattern: re.Pattern) -> Requirement | None:
    """Everything a match of the pattern needs in the case-folded text, as far as its
    literals of at least MIN_ANCHOR characters say; None when they say nothing."""
    try:
        tree = _sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - an unreadable parse only costs speed
        return None
    return _needs_sequence(list(tree))


def _needs_sequence(items: list) -> Requirement | None:
    """All that a sequence needs: each run of literals in it, and each part that needs something."""
    needs: list = []
    run: list[str] = []
    for op, av in items + [(None, None)]:
        if op is _sre.LITERAL and av < 128:  # ASCII: see `fold` for why
            run.append(chr(av))
            continue
        if run:
            if len(run) >= MIN_ANCHOR:
                needs.append("".join(run).casefold())
            run = []
        inner = _needs_item(op, av)
        if inner is not None:
            needs.extend(inner if type(inner) is AllOf else [inner])
    if not needs:
        return None
    return needs[0] if len(needs) == 1 else AllOf(needs)


def _needs_item(op, av) -> Requirement | None:
    if op is _sre.SUBPATTERN:
        return _needs_sequence(list(av[-1]))
    if op is _sre.BRANCH:  # an alternative that needs nothing makes the whole need nothing
        options: list = []
        for alternative in av[1]:
            inner = _needs_sequence(list(alternative))
            if inner is None:
                return None
            options.extend(inner if type(inner) is AnyOf else [inner])
        return options[0] if len(options) == 1 else AnyOf(options)
    if op in _REPEATS and av[0] >= 1:
        return _needs_sequence(list(av[2]))
    return None


def anchors(pattern: re.Pattern) -> frozenset[str] | None:
    """Case-folded strings, one of which is in the case-folded text of every match; None
    when the pattern has no set of anchors of at least MIN_ANCHOR characters."""
    found = _anchor_set(requirement(pattern))
    return frozenset(found) if found else None


def _anchor_set(need: Requirement | None) -> set[str] | None:
    """One any-of of literals that the requirement implies: of the parts a sequence needs
    all of, the most selective; of alternatives, one such set from each."""
    if need is None:
        return None
    if type(need) is str:
        return {need}
    if type(need) is AnyOf:
        return set().union(*map(_anchor_set, need))
    # The set whose shortest anchor is longest is the one fewest texts pass.
    return max(map(_anchor_set, need), key=lambda o: (min(map(len, o)), -len(o)))


def compile_requirement(need: Requirement) -> Callable[[str | set[str]], bool]:
    """A function telling whether `found` meets the requirement: `found` is the folded
    text itself (a literal is in it as a substring) or the set of literals found in it (a
    literal is a member). It is compiled to one boolean expression ("'did not' in f and
    ('tell' in f or 'inform' in f)"), which runs about six times faster than walking the
    tree: it is asked of every sentence for every category whose anchors it holds."""
    def expression(need: Requirement) -> str:
        if type(need) is str:
            return f"{need!r} in f"
        return "(" + (" and " if type(need) is AllOf else " or ").join(map(expression, need)) + ")"
    return eval("lambda f: " + expression(need))  # noqa: S307 - built from repr()'d literals only


def literals(need: Requirement | None) -> set[str]:
    """Every literal a requirement names."""
    if need is None:
        return set()
    if type(need) is str:
        return {need}
    return set().union(*map(literals, need))


def fold(text: str) -> str:
    """The text as the anchors are looked for in it: case-folded, so that everything
    `re.IGNORECASE` matches to an ASCII letter folds to that letter. Two characters do
    not on their own: "İ" and "ı" match "i" but fold to "i̇" and "ı"."""
    folded = text.casefold()
    if not folded.isascii():
        folded = folded.replace("i\u0307", "i").replace("ı", "i")
    return folded


class Cue:
    """A compiled pattern that is searched only in texts containing one of its anchors.

    `found_in(text, folded)` answers as `bool(pattern.search(text))`; pass
    `fold(text)` as `folded` when testing one text against many cues, so it is folded once.
    """

    __slots__ = ("pattern", "anchors", "needs", "_folded_pattern")

    def __init__(self, pattern: re.Pattern):
        self.pattern = pattern
        needs = requirement(pattern)
        found = _anchor_set(needs)
        self.anchors = frozenset(found) if found else None
        # What a `CueSet` tests beyond the anchors (None when that is nothing: a single
        # literal or a single any-of of literals)
        self.needs = needs if type(needs) is AllOf or (type(needs) is AnyOf and any(type(n) is not str for n in needs)) else None
        # Only a pattern with no capital letter at all (so no \W, \S, \B either) means
        # the same on folded text without IGNORECASE.
        lower_case = pattern.flags & re.IGNORECASE and not re.search(r"[A-Z]", pattern.pattern)
        self._folded_pattern = re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE) if lower_case else None

    def could_match(self, folded: str) -> bool:
        if self.anchors is None:
            return True
        for anchor in self.anchors:  # a plain loop: any() over a generator costs twice as much
            if anchor in folded:
                return True
        return False

    def could_match_each(self, folded: str, spans: Sequence[tuple[int, int]]) -> list[bool]:
        """`could_match(folded[a:b])` for each of the sorted, non-overlapping `spans` (a
        Doc's sentences), from one scan of `folded` for each anchor."""
        if self.anchors is None:
            return [True] * len(spans)
        starts = [a for a, _ in spans]
        out = [False] * len(spans)
        for anchor in self.anchors:
            i = folded.find(anchor)
            while i != -1:
                k = bisect_right(starts, i) - 1
                if k >= 0 and i + len(anchor) <= spans[k][1]:
                    out[k] = True
                i = folded.find(anchor, i + 1)
        return out

    def found_in(self, text: str, folded: str | None = None) -> bool:
        folded = fold(text) if folded is None else folded
        if not self.could_match(folded):
            return False
        return self.pattern_finds(text, folded)

    def pattern_finds(self, text: str, folded: str) -> bool:
        """The pattern's own answer, without the anchor test: for a text known to hold an anchor."""
        if self._folded_pattern is not None and len(folded) == len(text):  # "ß" -> "ss" would shift \b
            return self._folded_pattern.search(folded) is not None
        return self.pattern.search(text) is not None

    def match_spans(self, text: str, folded: str | None = None) -> Iterator[tuple[tuple[int, int], ...]]:
        """For each match of the pattern in `text`, in order, the (start, end) of the
        match and of each group (`Match.span(i)`): what `pattern.finditer(text)` finds.
        Spans, not Match objects, because a match found in the folded text holds folded
        strings; slice `text` with them."""
        folded = fold(text) if folded is None else folded
        if not self.could_match(folded):
            return
        use_folded = self._folded_pattern is not None and len(folded) == len(text)
        groups = range(self.pattern.groups + 1)
        for m in (self._folded_pattern.finditer(folded) if use_folded else self.pattern.finditer(text)):
            yield tuple(m.span(i) for i in groups)

    def __repr__(self) -> str:
        return f"Cue({self.pattern.pattern!r}, anchors={sorted(self.anchors) if self.anchors else None})"


class CueSet:
    """Named cues tested together: `found_in(text)` is the set of names whose cue
    `found_in` the text, with every literal of every cue looked for in one pass."""

    def __init__(self, cues: dict[str, Cue]):
        self.cues = cues
        self._always = frozenset(name for name, cue in cues.items() if cue.anchors is None)
        owners: dict[str, set[str]] = {}
        for name, cue in cues.items():
            for anchor in cue.anchors or ():
                owners.setdefault(anchor, set()).add(name)
        self._automaton = ahocorasick.Automaton()
        for literal in set(owners).union(*(literals(cue.needs) for cue in cues.values())):
            self._automaton.add_word(literal, (literal, frozenset(owners.get(literal, ()))))
        if len(self._automaton):
            self._automaton.make_automaton()
        self._needs_met = {name: compile_requirement(cue.needs) for name, cue in cues.items() if cue.needs is not None}

    def found_in(self, text: str) -> set[str]:
        folded = fold(text)
        candidates = set(self._always)
        found: set[str] = set()
        if len(self._automaton):
            for _, (literal, names) in self._automaton.iter(folded):
                found.add(literal)
                candidates |= names
        cues, needs_met = self.cues, self._needs_met
        return {name for name in candidates
                if (name not in needs_met or needs_met[name](found)) and cues[name].pattern_finds(text, folded)}
