"""Wrapping by terminal cells with kinsoku (禁則処理) for the guidance and criteria."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from vendorrisk.tui.text import NOT_AT_LINE_END, NOT_AT_LINE_START, wrap

GUIDANCE = (
    "契約書（特記仕様書を含む。）に、情報セキュリティに関する事項が明記されていること。"
    "「再委託」の承認手続き、事故時の報告（24時間以内）を確認する。"
)


def test_no_japanese_line_starts_with_closing_punctuation() -> None:
    for width in range(8, 40):
        lines = wrap(GUIDANCE, width)
        assert all(cell_len(line) <= width for line in lines), width
        assert not [line for line in lines if line[:1] in NOT_AT_LINE_START], (width, lines)
        assert not [line for line in lines[:-1] if line[-1:] in NOT_AT_LINE_END], (width, lines)
        assert "".join(lines) == GUIDANCE


def test_english_wraps_at_spaces() -> None:
    assert wrap("Check the contract clause for incident reporting", 20) == [
        "Check the contract",
        "clause for incident",
        "reporting",
    ]


TEXT = st.text(
    alphabet=st.sampled_from(list("情報の管理をすること。、）「ab c")), min_size=0, max_size=80
).filter(lambda s: "。。" not in s and "、、" not in s and "））" not in s)


@given(TEXT, st.integers(min_value=6, max_value=30))
def test_lines_fit_and_no_character_is_lost(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert all(cell_len(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
