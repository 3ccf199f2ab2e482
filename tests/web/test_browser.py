"""End to end in a real headless browser (Debian's chromium driven by Playwright): log in, review from the
queue with the keyboard, edit a field, undo it from the audit log, see a hostile report stay inert, and
find that a viewer cannot write.

Skipped with a reason when chromium or Playwright is missing; with CI=true that is a failure.
Set CRONICA_SCREENSHOTS=DIR to save screenshots of the main pages there (docs/images: the ones in the docs).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cronica.records import Extraction
from cronica.store import EventFilter
from cronica.web import Service, create_app

from .builders import HOSTILE_ID, PASSWORD, USERS, fill

CHROMIUM = os.environ.get("CRONICA_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def _missing(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"browser tests cannot run in CI: {reason} (.ci/run installs chromium)")
    pytest.skip(f"browser tests need {reason}: apt-get install -y chromium chromium-driver")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not (shutil.which(CHROMIUM) or Path(CHROMIUM).exists()):
        _missing(f"a chromium at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("the playwright package")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def server(
    tmp_path_factory: pytest.TempPathFactory, extractions: list[Extraction]
) -> Iterator[tuple[str, Service]]:
    import uvicorn

    service = fill(str(tmp_path_factory.mktemp("browser") / "cronica.db"), extractions)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(create_app(service), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", service
    srv.should_exit = True
    thread.join(10)
    service.store.close()


def shot(page: Any, name: str) -> None:
    target = os.environ.get("CRONICA_SCREENSHOTS")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(target) / f"{name}.png"), full_page=False)


def log_in(browser: Any, base: str, name: str) -> Any:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base + "/review")
    assert "/login" in page.url
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(base + "/review")
    return page


def test_a_coder_reviews_with_the_keyboard_edits_and_undoes(
    browser: Any, server: tuple[str, Service]
) -> None:
    base, service = server
    coder = next(u for u in service.users() if u.name == USERS["coder"])
    page = log_in(browser, base, USERS["coder"])
    shot(page, "review-queue")
    page.click("#start")
    first = int(page.get_attribute("article.event", "data-event"))
    assert page.locator("mark.ev").count() > 0, "the evidence is marked in the report text"
    shot(page, "event")
    page.keyboard.press("a")
    page.wait_for_url(lambda url: f"/events/{first}?" not in url)
    assert service.event(coder, first)["review"]["status"] == "accepted"
    second = int(page.get_attribute("article.event", "data-event"))
    assert second != first

    page.keyboard.press("e")
    assert page.evaluate("document.activeElement.id") == "edit-event_type"
    page.keyboard.press("Escape")
    page.fill("#edit-injured", "77")
    page.click("#save-edit")
    page.wait_for_load_state()
    assert page.locator("#review-status").inner_text() == "edited"
    assert service.event(coder, second)["counts"]["injured"]["value"] == 77
    record = service.reviewed_records(coder)[-1]
    assert record["labels"]["counts"]["injured"] == 77 and record["seconds"] is not None

    page.goto(base + "/audit")
    shot(page, "audit")
    row = page.locator("tr", has_text="edit").first
    row.locator("button.undo").click()
    page.wait_for_load_state()
    assert service.event(coder, second)["review"]["status"] == "unreviewed"
    assert page.locator("tr.undone").count() == 1
    page.context.close()


def test_a_hostile_report_renders_as_inert_text(browser: Any, server: tuple[str, Service]) -> None:
    base, service = server
    viewer = next(u for u in service.users() if u.name == USERS["viewer"])
    hostile = [
        e for e in service.events(viewer, EventFilter(), limit=1000)["events"] if e["document"] == HOSTILE_ID
    ]
    assert hostile, "the pipeline finds the tear-gas event in the hostile report"
    page = log_in(browser, base, USERS["viewer"])
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{base}/events/{hostile[0]['number']}")
    text = page.locator(".report .text").first.inner_text()
    assert "<script>document.title='pwned-script'</script>" in text
    assert "javascript:document.title" in text
    page.locator("text=this link").first.click()
    doc = hostile[0]["sources"][0]["document_hash"]
    page.goto(f"{base}/documents/{doc}")
    assert page.evaluate("document.title").startswith("Police break up a roadblock in Sacaba <script>")
    assert page.locator("script:not([src])").count() == 0
    assert page.locator("img").count() == 0 and page.locator(".text a").count() == 0
    assert not dialogs
    assert not page.evaluate("document.title").startswith("pwned"), "no script set the title"


def test_a_viewer_sees_no_review_controls_and_cannot_write(browser: Any, server: tuple[str, Service]) -> None:
    base, service = server
    page = log_in(browser, base, USERS["viewer"])
    page.goto(base + "/")
    shot(page, "explore")
    number = int(page.locator("table.events tbody tr td a").first.inner_text())
    page.goto(f"{base}/events/{number}")
    assert page.locator("#accept-form").count() == 0
    page.keyboard.press("a")
    status = page.evaluate(
        """async (n) => {
            const csrf = document.querySelector('meta[name=csrf-token]').content;
            const r = await fetch('/api/events/' + n + '/review', {method: 'POST',
                headers: {'Content-Type': 'application/json', 'X-CSRF-Token': csrf},
                body: JSON.stringify({decision: 'accept', version: 0})});
            return r.status;
        }""",
        number,
    )
    assert status == 403
    viewer = next(u for u in service.users() if u.name == USERS["viewer"])
    assert service.event(viewer, number)["review"]["status"] == "unreviewed"


def test_a_coder_picks_a_place_on_the_map_merges_two_events_and_undoes_the_merge(
    browser: Any, server: tuple[str, Service]
) -> None:
    base, service = server
    coder = next(u for u in service.users() if u.name == USERS["coder"])
    events = {e["number"]: e for e in service.events(coder, EventFilter(), limit=1000)["events"]}
    located = [n for n, e in events.items() if e["location"].get("latitude") is not None]
    first, second = located[0], located[1]
    page = log_in(browser, base, USERS["coder"])
    page.goto(f"{base}/events/{first}")
    page.locator("#event-map svg").scroll_into_view_if_needed()
    box = page.locator("#event-map svg").bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.45, box["y"] + box["height"] * 0.4)  # beside the mark
    page.wait_for_url(lambda url: "near=" in url)
    choices = page.locator("input[name=place_gid]")
    assert choices.count() > 1, "places near the clicked point are offered"
    choices.nth(1).check()
    chosen = choices.nth(1).get_attribute("value")
    page.click("#save-edit")
    page.wait_for_load_state()
    assert service.event(coder, first)["location"]["gazetteer_id"] == chosen

    page.keyboard.press("m")
    assert page.evaluate("document.activeElement.id") == "merge-other"
    page.fill("#merge-other", str(second))
    page.click("#merge-submit")
    page.wait_for_load_state()
    kept = min(first, second)
    assert page.url.endswith(f"/events/{kept}")
    assert len(service.event(coder, kept)["sources"]) == len(events[first]["sources"]) + len(
        events[second]["sources"]
    )
    page.goto(base + "/audit")
    page.locator("tr", has_text="merge").first.locator("button.undo").click()
    page.wait_for_load_state()
    after = {e["number"] for e in service.events(coder, EventFilter(), limit=1000)["events"]}
    assert {first, second} <= after
    assert [a["action"] for a in service.audit_log(coder)[:3]] == ["undo", "merge", "edit"]
    page.context.close()


def test_an_admin_measures_the_review_work_and_a_coder_uploads_a_report(
    browser: Any, server: tuple[str, Service]
) -> None:
    base, service = server
    page = log_in(browser, base, USERS["admin"])
    page.goto(base + "/admin")
    assert page.locator("#reviewers tbody tr").count() >= 1
    shot(page, "admin")
    page.goto(base + "/ingest")
    page.fill(
        "#paste",
        "Police detain activists in Sucre\n\nSUCRE, Bolivia -- Police detained 14 activists "
        "who blocked a road in Sucre on Sunday, their lawyer said.\n",
    )
    page.fill("#published", "2019-11-25")
    page.click("#upload")
    page.wait_for_selector("#job-state:text('done')", timeout=120_000)
    shot(page, "ingest")
    assert "1 added" in page.inner_text("main")
    page.context.close()
