"""Acceptance tests of ``vendorrisk round start|status`` and the round in ``summary`` (issue
14 §6), on a repository holding copies of the examples (only the social account is
approved; it is due again on 2027-11-01, within fiscal year 2027)."""

from __future__ import annotations

import datetime as dt
import shutil
import tomllib
from pathlib import Path

import pytest

from tests.cli.helpers import run_cli, run_json
from tests.conftest import REPO
from tests.render.reports.conftest import check_golden
from vendorrisk.core.model import Answer, Assessment, Classification, Service, Vendor
from vendorrisk.core.schemas import load_schema
from vendorrisk.core.validation.schema_check import schema_problems
from vendorrisk.features.rounds.record import Round, Sent, load, save
from vendorrisk.features.rounds.yearly import entry_status
from vendorrisk.store.tomlfile import jsonable

SOCIAL = "assessments/2026-social-kosodate-account.toml"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "vendorrisk.toml").write_text("", "utf-8")
    (tmp_path / "assessments").mkdir()
    for example in sorted((REPO / "assessments").glob("*.toml")):
        shutil.copyfile(example, tmp_path / "assessments" / example.name)
    shutil.copytree(REPO / "schemas", tmp_path / "schemas")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def start(capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str, str]:
    return run_cli(
        capsys,
        "round",
        "start",
        "--fiscal-year",
        "2027",
        "--today",
        "2027-04-05",
        "--due",
        "2027-05-31",
        "--by",
        "情報政策課 田中",
        *extra,
    )


def test_start_sends_one_questionnaire_per_due_approved_vendor_and_records_it(
    capsys: pytest.CaptureFixture[str], repo: Path
) -> None:
    code, out, err = start(capsys)
    assert code == 0, err
    files = sorted((repo / "rounds" / "2027").iterdir())
    # Only the approved vendor: drafts, submissions, reviews and rejections get no round.
    assert [f.name for f in files] == [
        "2027-つながるネット-寝屋川市公式「つながるsns」ア-e2c12573.toml"
    ]
    assert "つながるネット株式会社" in out and "(1 questions)" in out
    text = (repo / "rounds" / "2027.toml").read_text("utf-8")
    assert text.startswith("#:schema ../schemas/round.schema.json\n")
    data = tomllib.loads(text)
    assert schema_problems("round", jsonable(data)) == []
    assert data["due"] == dt.date(2027, 5, 31)
    (sent,) = data["sent"]
    assert sent["assessment"] == SOCIAL and sent["sent"] == dt.date(2027, 4, 5)
    assert sent["questions"] == ["B-20a"] and sent["answers"] == {"B-20a": "met"}
    # The questionnaire is the one `questionnaire export --assessment` writes.
    _, exported, _ = run_cli(capsys, "questionnaire", "export", "--assessment", SOCIAL)
    assert files[0].read_text("utf-8") == exported


def test_starting_again_sends_nothing_twice(capsys: pytest.CaptureFixture[str], repo: Path) -> None:
    assert start(capsys)[0] == 0
    record = (repo / "rounds" / "2027.toml").read_bytes()
    code, out, _ = start(capsys)
    assert code == 0 and "already sent (2027-04-05)" in out
    assert (repo / "rounds" / "2027.toml").read_bytes() == record


def test_a_year_nobody_is_due_in_records_an_empty_round(
    capsys: pytest.CaptureFixture[str], repo: Path
) -> None:
    code, out, err = run_cli(
        capsys, "round", "start", "--fiscal-year", "2026", "--today", "2026-12-03"
    )
    assert code == 0 and out == "" and "0 recorded" in err
    assert (
        run_cli(capsys, "round", "status", "--fiscal-year", "2026", "--today", "2027-02-01")[0] == 0
    )


def fill_in(questionnaire: Path, value: str) -> Path:
    text = questionnaire.read_text("utf-8")
    filled = questionnaire.with_name("returned.toml")
    filled.write_text(
        text.replace('value = ""', f'value = "{value}"', 1).replace(
            'note = ""', 'note = "変更の通知は掲載のみ"', 1
        ),
        "utf-8",
    )
    return filled


def test_status_follows_the_returns_and_what_changed(
    capsys: pytest.CaptureFixture[str], repo: Path
) -> None:
    assert start(capsys)[0] == 0
    status = ("round", "status", "--fiscal-year", "2027")
    code, report = run_json(capsys, *status, "--today", "2027-04-20")
    assert code == 0 and report["counts"]["waiting"] == 1
    # Past the due date with nothing back: overdue, exit 1.
    code, report = run_json(capsys, *status, "--today", "2027-06-01")
    assert code == 1 and report["entries"][0]["state"] == "overdue"
    (questionnaire,) = (repo / "rounds" / "2027").iterdir()
    returned = fill_in(questionnaire, "partial")
    code, _, err = run_cli(
        capsys, "import-answers", returned, "--into", SOCIAL, "--today", "2027-05-10"
    )
    assert code == 0, err
    code, report = run_json(capsys, *status, "--today", "2027-06-01")
    assert code == 0
    (entry,) = report["entries"]
    assert entry["state"] == "returned" and entry["returned"] == ["B-20a"]
    assert entry["changed"] == [{"requirement": "B-20a", "before": "met", "after": "partial"}]
    code, out, _ = run_cli(capsys, "--lang", "ja", *status, "--today", "2027-06-01")
    check_golden("round-status.ja.txt", out)


def test_the_summary_of_the_year_includes_its_round(
    capsys: pytest.CaptureFixture[str], repo: Path
) -> None:
    assert start(capsys)[0] == 0
    code, out, _ = run_cli(capsys, "summary", "--today", "2027-06-01")
    assert code == 0
    section = out[out.index("## 8. Self-inspection round (fiscal year 2027)") :]
    assert "0 returned" in section and "1 overdue" in section and SOCIAL in section
    code, report = run_json(capsys, "summary", "--today", "2027-06-01")
    assert report["round"]["counts"]["overdue"] == 1
    # Another fiscal year has no round: no section, and null in JSON.
    code, out, _ = run_cli(capsys, "summary", "--today", "2028-06-01")
    assert "Self-inspection round" not in out
    assert run_json(capsys, "summary", "--today", "2028-06-01")[1]["round"] is None


def test_a_broken_record_is_named_with_its_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], repo: Path
) -> None:
    assert start(capsys)[0] == 0
    path = repo / "rounds" / "2027.toml"
    path.write_text(path.read_text("utf-8").replace("revision = ", 'revision = "x'), "utf-8")
    code, _, err = run_cli(capsys, "round", "status", "--fiscal-year", "2027")
    assert code == 2 and "2027.toml" in err and "Traceback" not in err
    path.write_text(path.read_text("utf-8").replace('revision = "x', "revision = -"), "utf-8")
    code, _, err = run_cli(capsys, "round", "status", "--fiscal-year", "2027")
    assert code == 2 and "2027.toml:" in err


def test_no_round_yet_and_bad_years_are_usage_errors(
    capsys: pytest.CaptureFixture[str], repo: Path
) -> None:
    code, _, err = run_cli(capsys, "round", "status", "--fiscal-year", "2030")
    assert code == 2 and "round start" in err
    assert run_cli(capsys, "round", "start", "--fiscal-year", "27")[0] == 2
    assert run_cli(capsys, "round")[0] == 2


def test_last_years_round_shows_who_is_new_and_who_dropped_out(
    capsys: pytest.CaptureFixture[str], repo: Path
) -> None:
    assert start(capsys)[0] == 0
    record = load(repo / "rounds" / "2027.toml")
    assert record is not None
    (sent,) = record[0].sent
    gone = Sent(
        assessment="assessments/gone.toml",
        vendor="解約済み株式会社",
        service="旧サービス",
        file="rounds/2026/old.toml",
        sent=dt.date(2026, 4, 5),
        revision=3,
        questions=("B-20a",),
    )
    previous = Round(fiscal_year=2026, due=dt.date(2026, 5, 31), sent=(gone,))
    save(previous, repo / "rounds" / "2026.toml", None)
    code, report = run_json(capsys, "round", "status", "--fiscal-year", "2027")
    assert report["entries"][0]["new_this_year"] is True
    assert report["dropped"] == [
        {"assessment": "assessments/gone.toml", "vendor": "解約済み株式会社"}
    ]
    assert sent.assessment == SOCIAL


def subject(**answers: Answer) -> Assessment:
    return Assessment(
        catalog_id="c",
        catalog_version="1",
        vendor=Vendor(name="v"),
        service=Service(name="s", kind="cloud", tier="lgwan", classification=Classification()),
        answers=answers,
    )


SENT = Sent(
    assessment="a.toml",
    vendor="v",
    service="s",
    file="q.toml",
    sent=dt.date(2027, 4, 5),
    revision=1,
    questions=("X1", "X2"),
    answers={"X1": "met", "X2": "met"},
)
OLD = Answer("met", answered_at=dt.date(2026, 10, 1))
NEW = Answer("met", answered_at=dt.date(2027, 4, 5))
NEW_PARTIAL = Answer("partial", answered_at=dt.date(2027, 5, 1))
DUE = dt.date(2027, 5, 31)

# id: (answers now, today, expected state, returned, changed ids)
STATES = {
    "Y3-waiting-nothing-since-sending": ({"X1": OLD, "X2": OLD}, DUE, "waiting", (), ()),
    "Y2-answered-on-the-day-sent-counts": ({"X1": NEW, "X2": OLD}, DUE, "partial", ("X1",), ()),
    "Y3-all-returned": ({"X1": NEW, "X2": NEW_PARTIAL}, DUE, "returned", ("X1", "X2"), ("X2",)),
    "Y3-overdue-after-the-due-date": (
        {"X1": NEW},
        DUE + dt.timedelta(days=1),
        "overdue",
        ("X1",),
        ("X2",),
    ),
    "Y3-returned-late-is-returned": (
        {"X1": NEW, "X2": NEW},
        DUE + dt.timedelta(days=30),
        "returned",
        ("X1", "X2"),
        (),
    ),
}


@pytest.mark.parametrize("case", STATES, ids=list(STATES))
def test_rules_Y2_Y4_states_returns_and_changes(case: str) -> None:
    answers, day, state, returned, changed = STATES[case]
    status = entry_status(SENT, subject(**answers), DUE, day)
    assert status.state == state
    assert status.returned == returned
    assert tuple(c.requirement for c in status.changed) == changed


def test_a_missing_assessment_is_its_own_state() -> None:
    status = entry_status(SENT, None, DUE, DUE)
    assert status.state == "missing" and status.outstanding == SENT.questions


def test_the_round_schema_is_strict() -> None:
    schema = load_schema("round")
    assert schema["additionalProperties"] is False
