"""Helpers for report tests: read PDFs back with poppler (as a reader would) and list their fonts."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


@pytest.fixture
def pdf_text():
    """pdftotext of a PDF (layout kept), failing the test if the file is not a PDF a reader opens.

    With layout=False the text comes in the order it was drawn: a table cell's wrapped lines stay together, where
    the layout interleaves them with the cells beside it (a wrapped 部位 breaks a 隐患描述 in two).
    """
    assert shutil.which("pdftotext"), "poppler-utils is installed by ./dev"

    def read(path: Path, layout: bool = True) -> str:
        return subprocess.run(["pdftotext", "-layout" if layout else "-raw", str(path), "-"], check=True,
                              capture_output=True, text=True).stdout
    return read


@pytest.fixture
def pdf_fonts():
    """(name, embedded) of every font a PDF uses, from pdffonts."""
    def fonts(path: Path) -> list[tuple[str, bool]]:
        lines = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
        found = []
        for line in lines.splitlines()[2:]:
            parts = line.split()
            found.append((parts[0], parts[-5] == "yes"))
        return found
    return fonts


@pytest.fixture
def pdf_pages():
    def pages(path: Path) -> int:
        info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
        return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    return pages
