"""Load + save of an unchanged file is byte-identical; text of any kind survives."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import replace
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import sample_assessment
from vendorrisk.core.catalog import Catalogue
from vendorrisk.core.codec import normalize_text
from vendorrisk.core.localtime import JST
from vendorrisk.core.model import Answer, Assessment, Evidence
from vendorrisk.store import storage

_examples = itertools.count()
AT = dt.datetime(2026, 11, 27, 10, 0, tzinfo=JST)

# Japanese, quotes, backslashes, newlines, tabs: anything a person can paste that the schema
# accepts (control characters and bidi controls are refused: tests/hostile covers those).
_any_text = st.lists(
    st.one_of(
        st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Cf")),
        st.sampled_from(
            ['"', "\\", "\n", "\r\n", "\t", "\u3000", "「", "」", '"""', "'''", "#=[]"]
        ),
    ),
    max_size=40,
).map("".join)
_one_line_text = _any_text.map(lambda s: " ".join(s.splitlines()).replace("\t", " "))


def test_a_created_file_loads_and_saves_back_byte_for_byte(
    tmp_path: Path, catalogue: Catalogue, assessment: Assessment
) -> None:
    path = tmp_path / "a.toml"
    loaded = storage.create(path, assessment, catalogue, by="tester", at=AT)
    original = path.read_bytes()
    again = storage.load(path, catalogue)
    assert again.assessment == loaded.assessment
    assert storage.render(again.assessment, catalogue, path) == original
    assert storage.save(again, again.assessment, catalogue, summary="nothing") == again
    assert path.read_bytes() == original


def test_answers_are_written_in_catalogue_order(tmp_path: Path, catalogue: Catalogue) -> None:
    ids = [r.id for r in catalogue.requirements if r.answer.type == "compliance"][:5]
    answers = {rid: Answer(value="met") for rid in reversed(ids)}
    assessment = replace(sample_assessment(catalogue), answers=answers)
    path = tmp_path / "order.toml"
    storage.create(path, assessment, catalogue, by="t", at=AT)
    text = path.read_text("utf-8")
    positions = [text.index(f"[answers.{rid}]") for rid in ids]
    assert positions == sorted(positions)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(note=_any_text, reason=_any_text, ref=_one_line_text.filter(lambda s: s != ""))
def test_any_text_round_trips_and_a_second_save_is_identical(
    tmp_path: Path, catalogue: Catalogue, note: str, reason: str, ref: str
) -> None:
    folder = tmp_path / f"example-{next(_examples)}"
    folder.mkdir()
    assessment = sample_assessment(
        catalogue,
        A_05=Answer(
            value="na",
            reason=reason if reason.strip() else "理由",
            note=note or None,
            evidence=(Evidence(kind="document", ref=ref),),
        ),
    )
    path = folder / "x.toml"
    storage.create(path, assessment, catalogue, by="t", at=AT)
    first = path.read_bytes()
    loaded = storage.load(path, catalogue)
    answer = loaded.assessment.answers["A-05"]
    assert answer.note == (normalize_text(note) if note else None)
    assert answer.reason == normalize_text(reason if reason.strip() else "理由")
    assert answer.evidence[0].ref == normalize_text(ref)
    assert storage.render(loaded.assessment, catalogue, path) == first
