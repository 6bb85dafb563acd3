"""PDF from a Word document, through LibreOffice: the route a list takes to publication.

The Word document is the one :func:`~selectielijst.export` writes; LibreOffice
(``soffice``, headless) lays it out and prints it to PDF, page numbers,
repeated table headers and all, as Word would. It runs with a profile of its
own in a temporary folder, so that it neither waits for nor disturbs a
LibreOffice the user has open.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from selectielijst._i18n import say
from selectielijst.errors import EngineFailed, EngineUnavailable

__all__ = ["OFFICE_VARIABLE", "pdf_of"]

OFFICE_VARIABLE = "SELECTIELIJST_SOFFICE"
"""The environment variable that names LibreOffice's ``soffice``, where it is not on the PATH."""

_TIMEOUT = 300
"""Seconds LibreOffice may take for one document: a list of thousands of categories."""


def _office() -> str:
    named = os.environ.get(OFFICE_VARIABLE, "").strip()
    found = named or shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        msg = say(
            "pdf-needs-libreoffice",
            "writing a PDF needs LibreOffice (soffice) on the PATH, or its path in {variable};"
            " or export .docx and print that to PDF",
            variable=OFFICE_VARIABLE,
        )
        raise EngineUnavailable(msg)
    return found


def pdf_of(word: bytes) -> bytes:
    """The PDF of the Word document *word*, as LibreOffice prints it.

    Raises:
        EngineUnavailable: LibreOffice is not installed.
        EngineFailed: LibreOffice could not convert the document.
    """
    office = _office()
    with tempfile.TemporaryDirectory(prefix="selectielijst-pdf-") as folder:
        place = Path(folder)
        (place / "lijst.docx").write_bytes(word)
        command = [
            office,
            f"-env:UserInstallation={(place / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(place),
            str(place / "lijst.docx"),
        ]
        try:
            run = subprocess.run(  # noqa: S603  # LibreOffice, with our own arguments
                command, capture_output=True, text=True, timeout=_TIMEOUT, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as e:
            msg = say("pdf-failed", "LibreOffice could not make the PDF: {detail}", detail=str(e))
            raise EngineFailed(msg) from e
        result = place / "lijst.pdf"
        if run.returncode != 0 or not result.is_file():
            detail = (run.stderr or run.stdout).strip().splitlines()
            msg = say(
                "pdf-failed",
                "LibreOffice could not make the PDF: {detail}",
                detail=detail[-1] if detail else f"exit {run.returncode}",
            )
            raise EngineFailed(msg)
        return result.read_bytes()
