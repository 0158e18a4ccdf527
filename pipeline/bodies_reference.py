"""Canonical names for the bodies of a batch, from the reference table in data/reference.

A decision may call a council "Milton Keynes Council" and the next "Milton Keynes City
Council"; a 2021 decision names a CCG that an ICB has since replaced. The reference table
gives each one canonical name, and the successor that carries it on today, so a body
counts as one across decisions.
"""
from __future__ import annotations

from typing import Iterable

from pipeline.extracted import Extraction


def resolve_bodies(extractions: Iterable[Extraction]) -> dict[str, tuple[str, str | None]]:
    """{name as written: (canonical_name, successor canonical name or None)}."""
    from pipeline.reference import default_gazetteer

    gazetteer = default_gazetteer()
    out: dict[str, tuple[str, str | None]] = {}
    for ex in extractions:
        for body in ex.bodies:
            if body.name in out:
                continue
            ref = gazetteer.lookup(body.name)
            if ref is None:
                out[body.name] = (body.canonical_name, None)
                continue
            successor = gazetteer.successor_of(ref)
            out[body.name] = (ref.canonical_name, successor.canonical_name if successor and successor != ref else None)
    return out
