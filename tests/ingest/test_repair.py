"""Layout repair on the Bolivia report as extracted from its PDF, and on hand-made page layouts."""

from __future__ import annotations

import random
import textwrap

import pytest

from cronica.ingest import document_from_text, repair_layout

from .helpers import sentence_with, squash


@pytest.fixture(scope="module")
def repaired(bolivia_raw: str) -> str:
    return repair_layout(bolivia_raw).text


def test_line_end_hyphen_after_digit_is_kept(repaired: str) -> None:
    assert "under the nearly 14-year reign of the MAS" in repaired


def test_line_joined_across_page_start_space(repaired: str) -> None:
    assert "we are not MAS supporters here, a few may be, but the majority" in repaired
    assert "organizations. This requires the development of a new revolutionary" in repaired


def test_killing_sentence_is_not_split(repaired: str) -> None:
    sentence = sentence_with(repaired, "eight people were killed")
    assert (
        "The Bolivian Ombudsman’s Office reported last night that eight people were killed in a "
        "military-police operation to break up a siege that anti-coup demonstrators had mounted around "
        "the Senkata state-owned gas plant in El Alto." in sentence
    )


def test_real_hyphens_inside_lines_are_kept(repaired: str) -> None:
    for word in ("military-police", "anti-coup", "state-owned", "US-backed", "far-right", "four-fold"):
        assert word in repaired


def test_wrapped_title_becomes_its_own_paragraph(repaired: str) -> None:
    assert repaired.startswith(
        "Protests continue across Bolivia as the MAS submits to coup\n\nAs protests mount"
    )


def test_paragraph_break_kept_after_short_line_ending_a_sentence(repaired: str) -> None:
    assert "around La Paz.\n\nThe COB union confederation" in repaired
    assert "Two more have died since.\n\nFamily members" in repaired


def test_no_line_breaks_inside_paragraphs(repaired: str) -> None:
    for paragraph in repaired.split("\n\n"):
        assert "\n" not in paragraph
        assert paragraph == paragraph.strip()
        assert "  " not in paragraph


def test_curly_quotes_accents_and_dashes_are_not_normalised(repaired: str) -> None:
    assert "Jeanine Áñez, who was “sworn in” by the" in repaired
    assert "demonstrators—protected by a November 14 decree" in repaired
    assert "Vice President Álvaro García Linera" in repaired


def test_initial_at_line_end_does_not_end_paragraph() -> None:
    text = repair_layout(
        "As described in 2017 by the London University economist Jeffery R.\n"
        "Webber, through tax benefits and permits to penetrate into natural and\n"
        "indigenous protected areas, Morales consolidated agro-industrial capital\n"
        "in the soy sector, integrating in a subordinated fashion the rich peasants.\n"
    ).text
    assert "economist Jeffery R. Webber, through" in text


def test_offsets_map_every_character_back_to_the_raw_text(bolivia_raw: str) -> None:
    result = repair_layout(bolivia_raw)
    for i, char in enumerate(result.text):
        if char not in " \n":
            assert bolivia_raw[result.raw_offset(i)] == char, i


def test_document_raw_offset_finds_the_words_in_the_file(bolivia_raw: str) -> None:
    document = document_from_text(bolivia_raw, id="bolivia")
    start = document.text.index("eight people were killed")
    raw = document.raw_offset(start)
    assert bolivia_raw[raw : raw + len("eight people were killed")] == "eight people were killed"
    late = document.text.index("assimilates")
    assert bolivia_raw[document.raw_offset(late) :].startswith("assimilates")


def test_well_formed_prose_comes_through_unchanged(bolivia_raw: str) -> None:
    prose = repair_layout(bolivia_raw).text
    again = repair_layout(prose)
    assert again.text == prose
    assert again.offsets == ()


def test_short_prose_paragraphs_and_a_heading_are_unchanged() -> None:
    prose = (
        "Senkata massacre\n\n"
        "Eight people were killed in El Alto on Tuesday.\n\n"
        "More than 30 others were injured, many from gunfire.\n\n"
        "The Ombudsman’s Office called for an investigation.\n"
    )
    assert repair_layout(prose).text == prose


def test_line_end_hyphen_between_letters_is_removed_unless_seen_elsewhere() -> None:
    raw = (
        "The development of a new revolutionary leadership in the working class that assimi-\n"
        "lates the history of the fight for Trotskyism in Bolivia, today embodied in the Fourth\n"
        "International, and rejects the pro-capitalist parties and every other pro-\n"
        "capitalist organization that has tied the workers to the state in the last years.\n"
    )
    text = repair_layout(raw).text
    assert "that assimilates the history" in text
    assert "every other pro-capitalist organization" in text


def test_bom_and_crlf_are_removed_with_offsets() -> None:
    raw = "\ufeffEight people were killed.\r\n\r\nMore than 30 were injured.\r\n"
    result = repair_layout(raw)
    assert result.text == "Eight people were killed.\n\nMore than 30 were injured.\n"
    at = result.text.index("More")
    assert raw[result.raw_offset(at) :].startswith("More")


def test_running_headers_and_page_numbers_are_dropped_from_pages(bolivia_paragraphs: list[str]) -> None:
    lines = textwrap.wrap(" ".join(bolivia_paragraphs[:6]), 88)
    pages = [
        "\n".join(["Bolivia crisis report", "20 November 2019", *lines[k : k + 10], f"Page {n} of 4"])
        for n, k in enumerate(range(0, 40, 10), 1)
    ]
    text = repair_layout("\f".join(pages)).text
    assert "Bolivia crisis report" not in text
    assert "November 2019" not in text
    assert "Page" not in text
    assert squash(text) == squash(" ".join(lines[:40]))


def test_bare_page_numbers_dropped_from_double_spaced_text(bolivia_raw: str) -> None:
    lines = bolivia_raw.split("\n")
    with_numbers = "\n".join([*lines[:60], "", "2", "", *lines[60:]])
    text = repair_layout(with_numbers).text
    assert text == repair_layout(bolivia_raw).text


def test_random_cuts_of_the_report_never_break_the_killing_sentence(bolivia_raw: str) -> None:
    rng = random.Random(20191120)
    lines = bolivia_raw.split("\n")
    for _ in range(20):
        cut = rng.randrange(len(lines))
        text = repair_layout("\n".join(lines[cut:] + lines[:cut])).text
        if "eight people were killed" in text and cut not in range(62, 68):
            assert "eight people were killed in a military-police operation" in text


def test_single_spaced_hard_wrap_keeps_blank_line_paragraphs() -> None:
    raw = (
        "The Bolivian Ombudsman's Office reported last night that eight people were\n"
        "killed in a military-police operation to break up a siege that anti-coup\n"
        "demonstrators had mounted around the Senkata gas plant in El Alto.\n"
        "\n"
        "More than 30 others were injured, many from gunfire. However, after the\n"
        "police escorted 40 gasoline trucks out of the facility, the demonstrators\n"
        "bravely blockaded it again.\n"
    )
    assert repair_layout(raw).text == (
        "The Bolivian Ombudsman's Office reported last night that eight people were killed in a "
        "military-police operation to break up a siege that anti-coup demonstrators had mounted around "
        "the Senkata gas plant in El Alto.\n\n"
        "More than 30 others were injured, many from gunfire. However, after the police escorted 40 "
        "gasoline trucks out of the facility, the demonstrators bravely blockaded it again."
    )


def test_one_paragraph_per_line_text_is_unchanged() -> None:
    text = (
        "Eight killed as troops break up Senkata blockade\n"
        "The Bolivian Ombudsman’s Office reported last night that eight people were killed in a "
        "military-police operation to break up a siege that anti-coup demonstrators had mounted.\n"
        "More than 30 others were injured, many from gunfire. However, after the police escorted 40 "
        "gasoline trucks out of the facility, the demonstrators bravely blockaded it again."
    )
    assert repair_layout(text).text == text
