"""Fixtures for the ingest tests: the Bolivia report as extracted text, and a PDF built from it."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from cronica.ingest import repair_layout

from .helpers import pdf_pages

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "bolivia-2019-11-20.txt"
HEADER = "World Socialist Web Site — wsws.org"


@pytest.fixture(scope="session")
def bolivia_raw() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def bolivia_paragraphs(bolivia_raw: str) -> list[str]:
    return repair_layout(bolivia_raw).text.split("\n\n")


@pytest.fixture(scope="session")
def make_pdf() -> Callable[..., bytes]:
    def build(
        pages: list[list[str]],
        *,
        header: str | None = HEADER,
        created: str | None = "D:20191120083000+00'00'",
        title: str = "Protests continue across Bolivia as the MAS submits to coup",
        page_numbers: bool = True,
    ) -> bytes:
        buffer = io.BytesIO()
        pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
        pdf.setTitle(title)
        pdf.setAuthor("Bill Van Auken")
        if created:
            pdf.setDateFormatter(lambda *_: created)
        for number, lines in enumerate(pages, 1):
            if header:
                pdf.setFont("Helvetica", 8)
                pdf.drawString(72, 800, header)
            pdf.setFont("Helvetica", 10)
            y = 770
            for line in lines:
                pdf.drawString(72, y, line)
                y -= 14
            if page_numbers:
                pdf.setFont("Helvetica", 8)
                pdf.drawCentredString(297, 40, str(number))
            pdf.showPage()
        pdf.save()
        return buffer.getvalue()

    return build


@pytest.fixture(scope="session")
def bolivia_pdf(make_pdf: Callable[..., bytes], bolivia_paragraphs: list[str]) -> bytes:
    return make_pdf(pdf_pages(bolivia_paragraphs))
