"""Merging and splitting from the web app, bulk accept, review metrics and agreement, ingest from the browser.

Real store (SQLite and PostgreSQL) filled by the real pipeline; uploads run the real pipeline too.
"""

from __future__ import annotations

import pytest

from cronica.store import EventFilter
from cronica.web import ForbiddenError, Service, User
from cronica.web.errors import BadRequestError

from .builders import SECOND_CODER, USERS
from .conftest import client_for, login

UPLOAD = (
    "Riot police disperse teachers in Oruro\n\n"
    "ORURO, Bolivia -- Riot police fired tear gas at about 300 striking teachers in Oruro on Monday, "
    "injuring four of them, the teachers' union said. Eleven teachers were arrested.\n"
)


def user(service: Service, name: str) -> User:
    return next(u for u in service.users() if u.name == name)


def events_by_number(service: Service) -> dict[int, dict]:
    viewer = user(service, USERS["viewer"])
    return {e["number"]: e for e in service.events(viewer, EventFilter(), limit=1000)["events"]}


def test_a_person_merges_two_events_and_undo_puts_both_back(service: Service) -> None:
    coder = user(service, USERS["coder"])
    before = events_by_number(service)
    singles = sorted(n for n, e in before.items() if len(e["sources"]) == 1)
    a, b = singles[0], singles[1]
    result = service.merge(coder, a, b, reason="same march")
    merged = events_by_number(service)
    assert set(merged) == set(before) - {max(a, b)}
    assert len(merged[min(a, b)]["sources"]) == 2
    entry = service.audit_log(coder, target=str(result["event"]))[0]
    assert entry["action"] == "merge" and entry["user"] == USERS["coder"]
    service.undo(coder, result["audit"])
    after = events_by_number(service)
    assert set(after) == set(before)
    assert {n: len(e["sources"]) for n, e in after.items()} == {
        n: len(e["sources"]) for n, e in before.items()
    }
    assert after[b]["fatalities"] == before[b]["fatalities"]


def test_splitting_a_merged_event_separates_its_reports_and_undo_merges_them_again(service: Service) -> None:
    coder = user(service, USERS["coder"])
    before = events_by_number(service)
    merged = next(n for n, e in before.items() if len(e["sources"]) > 1)
    result = service.split(coder, merged)
    parts = events_by_number(service)
    assert len(parts) == len(before) + len(before[merged]["sources"]) - 1
    service.undo(coder, result["audit"])
    again = events_by_number(service)
    assert set(again) == set(before) and len(again[merged]["sources"]) == len(before[merged]["sources"])


def test_bulk_accept_takes_the_selection_is_admin_only_and_audits_each_event(service: Service) -> None:
    coder, admin = user(service, USERS["coder"]), user(service, USERS["admin"])
    flt = EventFilter(country="BO", event_type="Protests")
    with pytest.raises(ForbiddenError):
        service.bulk_accept(coder, flt)
    chosen = {e["number"] for e in service.events(admin, flt, limit=1000)["events"]}
    result = service.bulk_accept(admin, flt)
    assert set(result["accepted"]) == chosen
    reviewed = {e["number"] for e in service.events(admin, EventFilter(reviewed=True), limit=1000)["events"]}
    assert reviewed == chosen
    log = [a for a in service.audit_log(admin) if a["action"] == "bulk-accept"]
    assert len(log) == len(chosen) and {a["user"] for a in log} == {USERS["admin"]}
    service.undo(admin, log[0]["id"])
    assert len(
        {e["number"] for e in service.events(admin, EventFilter(reviewed=True), limit=1000)["events"]}
    ) == (len(chosen) - 1)


def test_metrics_count_time_and_edits_and_agreement_of_double_coded_events(service: Service) -> None:
    cody, cleo, admin = (
        user(service, USERS["coder"]),
        user(service, SECOND_CODER),
        user(service, USERS["admin"]),
    )
    event = next(e for e in events_by_number(service).values() if e["fatalities"] > 0)
    n = event["number"]
    service.decide(cody, n, "edit", 0, {"counts": {"killed": event["fatalities"] + 1}}, seconds=20)
    service.code_blind(cleo, n, {"event_type": "Riots", "sub_event_type": "Mob violence"}, seconds=40)
    with pytest.raises(ForbiddenError):
        service.metrics(cody)
    m = service.metrics(admin)
    by = {r["reviewer"]: r for r in m["reviewers"]}
    assert by["cody"]["median_seconds"] == 20 and by["cody"]["edits_per_field"] == {"counts.killed": 1}
    assert by["cleo"]["edits_per_field"] == {"event_type": 1, "sub_event_type": 1}
    assert m["double_coded_events"] == 1
    pair = m["between_coders"][0]
    assert (pair["a"], pair["b"], pair["n"]) == ("cleo", "cody", 1)
    assert pair["type"] == 0.0 and pair["deaths"] == 0.0 and pair["date"] == 1.0 and pair["place"] == 1.0
    model = {r["reviewer"]: r for r in m["coders_vs_model"]}
    assert model["cody"]["type"] == 1.0 and model["cody"]["deaths"] == 0.0
    assert model["cleo"]["type"] == 0.0 and model["cleo"]["deaths"] == 1.0
    # the blind coding left the event as cody made it
    assert service.event(cody, n)["event_type"] == event["event_type"]


def test_an_uploaded_report_is_extracted_stored_and_named_by_its_file(service: Service) -> None:
    coder, viewer = user(service, USERS["coder"]), user(service, USERS["viewer"])
    with pytest.raises(ForbiddenError):
        service.upload(viewer, [("oruro.txt", UPLOAD.encode())], None, None)
    with pytest.raises(BadRequestError, match="not a file cronica reads"):
        service.upload(coder, [("oruro.exe", b"MZ")], None, None)
    with pytest.raises(BadRequestError, match="over the limit"):
        service.upload(coder, [("big.txt", b"x" * 5_000_001)], None, None)
    from datetime import date

    job = service.upload(coder, [("../../oruro.txt", UPLOAD.encode())], None, date(2019, 11, 25))
    done = service.ingester.wait(job["id"])
    assert (done.state, done.added, done.failed) == ("done", 1, 0), done.error
    assert done.events >= 1
    oruro = service.events(viewer, EventFilter(text="teachers"))["events"]
    assert oruro and oruro[0]["document"] == "upload:oruro.txt"
    assert oruro[0]["date"]["value"] == "2019-11-25"


def test_the_ingest_form_takes_pasted_text_and_reports_progress(shared_service: Service) -> None:
    client = client_for(shared_service)
    csrf = login(client, USERS["coder"])
    r = client.post(
        "/ingest",
        data={"csrf_token": csrf, "text": UPLOAD.replace("Oruro", "Potosi"), "published": "2019-11-26"},
        files={"files": ("", b"")},
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text[:400]
    job_id = r.headers["location"].rsplit("/", 1)[1]
    shared_service.ingester.wait(job_id)
    page = client.get(f"/ingest/{job_id}")
    assert 'id="job-state">done<' in page.text and "1 added" in page.text
    refused = client.post("/ingest", data={"csrf_token": csrf}, files={"files": ("a.exe", b"MZ")})
    assert refused.status_code == 400 and "not a file cronica reads" in refused.text
