"""The files of a folder come in the order of Path's own comparison (by parts), which is
not the order of their names as strings: "a/b" comes before "a-b/c"."""

from __future__ import annotations

from pathlib import Path

from vendorrisk.store.files import find_files


def test_files_come_in_the_order_paths_compare_in(tmp_path: Path) -> None:
    names = ["a-b/c.toml", "a/b.toml", "a/a-b.toml", "a/a/z.toml", "B.toml", "b.toml", "a.toml"]
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("", "utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.toml").write_text("", "utf-8")
    found = find_files([tmp_path])
    assert found == sorted(tmp_path / name for name in names)
    assert [str(p) for p in found] != sorted(str(tmp_path / name) for name in names)
