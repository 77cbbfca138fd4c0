"""The README's screenshots are written by `make screenshots` only."""

from pathlib import Path
from typing import Any

import pytest

from tests.e2e import pages


class Camera:
    """Records where a page would have been photographed."""

    def __init__(self) -> None:
        self.paths: list[str] = []

    def screenshot(self, *, path: str, **options: Any) -> None:
        self.paths.append(path)


def test_an_ordinary_run_leaves_the_tracked_screenshots_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(pages.SCREENSHOTS_VARIABLE, raising=False)
    camera = Camera()
    pages.save_docs_screenshot(camera, "login")  # type: ignore[arg-type]
    assert camera.paths == []


def test_make_screenshots_writes_them(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(pages.SCREENSHOTS_VARIABLE, "1")
    monkeypatch.setattr(pages, "DOCS_SCREENSHOTS", tmp_path)
    camera = Camera()
    pages.save_docs_screenshot(camera, "login")  # type: ignore[arg-type]
    assert camera.paths == [str(tmp_path / "login.png")]
