"""The re-subcontracting register survives load and save byte for byte, whatever text it
holds, and is written one table per entry in the register's own (tree) order."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import replace
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import sample_assessment
from tests.store.test_roundtrip import _any_text, _one_line_text
from vendorrisk.core.catalog import Catalogue
from vendorrisk.core.localtime import JST
from vendorrisk.core.model import Subcontractor
from vendorrisk.store import storage

AT = dt.datetime(2026, 11, 27, 10, 0, tzinfo=JST)
_examples = itertools.count()
_said = _any_text.filter(lambda s: s.strip() != "")
_name = _one_line_text.filter(lambda s: s.strip() != "" and s == s.strip())


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    names=st.lists(_name, min_size=1, max_size=4, unique=True),
    work=_said,
    data=_said,
    note=_any_text,
    mynumber=st.booleans(),
    consented=st.booleans(),
)
def test_any_register_round_trips_and_a_second_save_is_identical(
    tmp_path: Path,
    catalogue: Catalogue,
    names: list[str],
    work: str,
    data: str,
    note: str,
    mynumber: bool,
    consented: bool,
) -> None:
    folder = tmp_path / f"register-{next(_examples)}"
    folder.mkdir()
    # A chain: each entry one level below the one before it.
    register = tuple(
        Subcontractor(
            name=name,
            work=work,
            data=data,
            level=level,
            parent=names[level - 2] if level > 1 else None,
            mynumber_data=mynumber,
            requested=dt.date(2026, 4, 1),
            consented=dt.date(2026, 4, 2) if consented else None,
            approver="課長" if consented else None,
            note=note or None,
        )
        for level, name in enumerate(names, 1)
    )
    assessment = replace(sample_assessment(catalogue), subcontractors=register)
    path = folder / "x.toml"
    storage.create(path, assessment, catalogue, by="t", at=AT)
    first = path.read_bytes()
    loaded = storage.load(path, catalogue)
    assert [s.name for s in loaded.assessment.subcontractors] == names
    assert first.decode("utf-8").count("[[subcontractors]]") == len(names)
    assert storage.render(loaded.assessment, catalogue, path) == first
    assert storage.save(loaded, loaded.assessment, catalogue, summary="nothing") == loaded
