"""The caches and the bounded reader: a cache file that is not a plain file of sane size is
passed over (never read for ever, never an error), and every cache is replaced atomically."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from vendorrisk.core.catalog import Catalogue
from vendorrisk.features.summaries import SummaryCache
from vendorrisk.store.cache import MAX_CACHE_BYTES, CacheFile, ValidationCache
from vendorrisk.store.files import ReadRefused, read_limited

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs (POSIX)")


def test_head_reads_the_start_of_a_larger_file_instead_of_refusing_it(tmp_path: Path) -> None:
    path = tmp_path / "big"
    path.write_bytes(b"x" * 100)
    with pytest.raises(ReadRefused):
        read_limited(path, 10)
    assert read_limited(path, 10, head=True) == b"x" * 11
    assert read_limited(path, 200, head=True) == b"x" * 100


@pytest.mark.skipif(not hasattr(os, "O_NOFOLLOW"), reason="needs O_NOFOLLOW")
def test_a_link_is_refused_by_the_open_itself_when_links_are_not_followed(
    tmp_path: Path,
) -> None:
    (tmp_path / "target").write_bytes(b"data")
    (tmp_path / "link").symlink_to(tmp_path / "target")
    assert read_limited(tmp_path / "link", 10) == b"data"
    with pytest.raises(OSError):
        read_limited(tmp_path / "link", 10, follow_links=False)


@needs_fifo
def test_a_fifo_or_folder_in_place_of_a_cache_is_passed_over(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    os.mkfifo(tmp_path / "validate.json")
    assert CacheFile(tmp_path / "validate.json").read() is None
    cache = ValidationCache(tmp_path / "validate.json", "salt")
    assert cache.get("anything") is None
    listing = tmp_path / "listing"
    listing.mkdir()
    summaries = SummaryCache(catalogue, dt.date(2027, 1, 1), tmp_path, listing=listing)
    summaries.path.mkdir()
    assert SummaryCache(catalogue, dt.date(2027, 1, 1), tmp_path, listing=listing).entries == {}


def test_a_cache_file_larger_than_the_limit_is_passed_over(tmp_path: Path) -> None:
    path = tmp_path / "huge"
    with path.open("wb") as handle:
        handle.truncate(MAX_CACHE_BYTES + 1)  # sparse: no disk used
    assert CacheFile(path).read() is None


def test_a_cache_is_written_whole_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    cache = ValidationCache(tmp_path / "sub" / "validate.json", "salt")
    cache.put("digest", ())
    cache.save()
    assert ValidationCache(tmp_path / "sub" / "validate.json", "salt").get("digest") == ()
    assert ValidationCache(tmp_path / "sub" / "validate.json", "other").get("digest") is None
    assert sorted(p.name for p in (tmp_path / "sub").iterdir()) == ["validate.json"]


def test_a_cache_that_cannot_be_written_is_no_error(tmp_path: Path) -> None:
    (tmp_path / "blocked").write_bytes(b"")  # a file where the cache folder should be
    assert CacheFile(tmp_path / "blocked" / "c").write(b"data") is False
