"""The service layer over a real store (SQLite and PostgreSQL) filled by the real pipeline."""

from __future__ import annotations

import csv
import io

import pytest

from cronica.store import EventFilter
from cronica.store.errors import NotFoundError
from cronica.web import ConflictError, ForbiddenError, Service, User
from cronica.web.errors import AuthError, BadRequestError
from cronica.web.explore import event_filter, filter_params, marked_text

from .builders import PASSWORD, SECOND_CODER, USERS


def as_user(service: Service, role: str) -> User:
    return next(u for u in service.users() if u.name == USERS[role])


def killed_event(service: Service) -> dict:
    """An event of the store whose reports give a death toll (the Senkata or Sacaba killings)."""
    viewer = as_user(service, "viewer")
    events = service.events(viewer, EventFilter(min_fatalities=1))["events"]
    assert events, "the example reports tell of killings"
    return events[0]


def test_accepting_an_event_marks_it_reviewed_and_audits_who_did_it(service: Service) -> None:
    coder = as_user(service, "coder")
    event = killed_event(service)
    unreviewed = {
        e["number"] for e in service.events(coder, EventFilter(reviewed=False), limit=1000)["events"]
    }
    assert event["number"] in unreviewed
    result = service.decide(coder, event["number"], "accept", version=0)
    assert result["status"] == "accepted" and result["version"] == 1
    reviewed = {e["number"] for e in service.events(coder, EventFilter(reviewed=True))["events"]}
    assert reviewed == {event["number"]}
    entry = service.audit_log(coder, target=str(event["number"]))[0]
    assert (entry["user"], entry["action"]) == ("cody", "accept")
    assert entry["before"]["status"] == "unreviewed" and entry["after"]["status"] == "accepted"


def test_an_edit_changes_lists_and_exports_and_is_kept_as_a_reviewed_record(service: Service) -> None:
    coder = as_user(service, "coder")
    event = killed_event(service)
    machine_killed = event["counts"]["killed"]["value"]
    service.decide(
        coder,
        event["number"],
        "edit",
        version=0,
        fields={"counts": {"killed": machine_killed + 3}, "date": "2019-11-18", "date_precision": "week"},
        seconds=12.5,
    )
    after = service.event(coder, event["number"])
    assert after["fatalities"] == machine_killed + 3
    assert after["date"]["value"] == "2019-11-18" and after["date"]["precision"] == "week"
    assert after["review"]["status"] == "edited" and after["review"]["fields"] == [
        "counts",
        "date",
        "date_precision",
    ]
    # filters see the corrected values
    hits = service.events(coder, EventFilter(since=event_filter({"since": "2019-11-18"}).since, until=None))
    assert event["number"] in {e["number"] for e in hits["events"]}
    # the ACLED download carries the correction
    _, _, body = service.download(coder, EventFilter(), "acled-csv")
    rows = {r["event_id_cnty"]: r for r in csv.DictReader(io.StringIO(body))}
    row = next(r for r in rows.values() if r["event_date"] == "2019-11-18")
    assert int(row["fatalities"]) == machine_killed + 3
    assert row["time_precision"] == "2"
    # what a learner reads: the model's labels, the person's labels and the words behind them
    record = service.reviewed_records(coder)[-1]
    assert record["model"]["counts"]["killed"] == machine_killed
    assert record["labels"]["counts"]["killed"] == machine_killed + 3
    assert record["evidence"]["counts"]["killed"], "the claim words are kept"
    assert record["evidence"]["sentence"]
    assert record["seconds"] == 12.5 and record["reviewer"] == "cody"


def test_undo_restores_the_machine_values_and_drops_the_reviewed_record(service: Service) -> None:
    coder = as_user(service, "coder")
    event = killed_event(service)
    result = service.decide(
        coder, event["number"], "edit", 0, {"actor1": {"name": "Unknown gunmen", "inter": 3}}
    )
    assert service.event(coder, event["number"])["actor1"]["name"] == "Unknown gunmen"
    service.undo(coder, result["audit"])
    back = service.event(coder, event["number"])
    assert back["actor1"]["name"] == event["actor1"]["name"]
    assert back["review"]["status"] == "unreviewed"
    assert service.reviewed_records(coder) == []
    log = service.audit_log(coder, target=str(event["number"]))
    assert [a["action"] for a in log] == ["undo", "edit"]
    assert log[1]["undone_by"] == log[0]["id"]


def test_two_coders_editing_one_event_never_overwrite_each_other(service: Service) -> None:
    cody, cleo = as_user(service, "coder"), next(u for u in service.users() if u.name == SECOND_CODER)
    event = killed_event(service)
    seen = service.event(cody, event["number"])["review"]["version"]
    service.decide(cleo, event["number"], "edit", seen, {"counts": {"injured": 40}})
    with pytest.raises(ConflictError, match="changed by cleo"):
        service.decide(cody, event["number"], "edit", seen, {"counts": {"injured": 41}})
    assert service.event(cody, event["number"])["counts"]["injured"]["value"] == 40


def test_only_the_latest_change_of_an_event_can_be_undone(service: Service) -> None:
    coder = as_user(service, "coder")
    event = killed_event(service)
    first = service.decide(coder, event["number"], "edit", 0, {"counts": {"injured": 5}})
    service.decide(coder, event["number"], "accept", first["version"])
    with pytest.raises(ConflictError, match="undo entry"):
        service.undo(coder, first["audit"])


def test_rejecting_removes_the_event_from_the_record_and_the_feed_says_deleted(service: Service) -> None:
    coder = as_user(service, "coder")
    event = killed_event(service)
    start = service.changes(coder, None)["next"]
    result = service.decide(coder, event["number"], "reject", 0)
    assert event["number"] not in {
        e["number"] for e in service.events(coder, EventFilter(), limit=1000)["events"]
    }
    feed = service.changes(coder, start)["changes"]
    assert [(c["change"], c["event"]) for c in feed] == [("deleted", event["number"])]
    service.undo(coder, result["audit"])
    assert event["number"] in {
        e["number"] for e in service.events(coder, EventFilter(), limit=1000)["events"]
    }


def test_the_change_feed_pages_with_a_cursor_and_lists_ingest_and_merges(service: Service) -> None:
    viewer = as_user(service, "viewer")
    everything = service.changes(viewer, None, limit=5000)["changes"]
    kinds = {c["change"] for c in everything}
    assert {"created", "merged"} <= kinds
    paged, cursor = [], None
    while True:
        page = service.changes(viewer, cursor, limit=3)
        paged.extend(page["changes"])
        cursor = page["next"]
        if not page["more"]:
            break
    assert paged == everything


def test_viewers_cannot_write_and_types_must_be_acled(service: Service) -> None:
    viewer, coder = as_user(service, "viewer"), as_user(service, "coder")
    event = killed_event(service)
    with pytest.raises(ForbiddenError):
        service.decide(viewer, event["number"], "accept", 0)
    with pytest.raises(BadRequestError, match="not a sub-event type"):
        service.decide(
            coder, event["number"], "edit", 0, {"event_type": "Riots", "sub_event_type": "Grenade"}
        )
    with pytest.raises(BadRequestError, match="date must be"):
        service.decide(coder, event["number"], "edit", 0, {"date": "18/11/2019"})
    with pytest.raises(NotFoundError):
        service.decide(coder, 99999, "accept", 0)


def test_place_from_the_gazetteer_moves_the_event_on_the_map(service: Service) -> None:
    coder = as_user(service, "coder")
    event = killed_event(service)
    choices = service.places(coder, "Cochabamba")
    assert choices and choices[0]["country_code"] == "BO"
    place = service.gazetteer_place(coder, choices[0]["gazetteer_id"])
    service.decide(coder, event["number"], "edit", 0, {"place": place})
    points = service.map_points(coder, EventFilter())["points"]
    there = next(p for p in points if (p["lat"], p["lon"]) == (place["latitude"], place["longitude"]))
    assert there["location"] == place["name"] and there["events"] >= 1
    assert event["number"] in {
        e["number"] for e in service.events(coder, EventFilter(admin1=place["admin1"]))["events"]
    }


def test_the_queue_puts_the_most_doubtful_first_and_leaves_reviewed_events_out(service: Service) -> None:
    coder = as_user(service, "coder")
    queue = service.queue(coder, 100)
    doubts = [item["doubt"] for item in queue]
    assert doubts == sorted(doubts, reverse=True)
    top = queue[0]["event"]["number"]
    service.decide(coder, top, "accept", 0)
    assert top not in {item["event"]["number"] for item in service.queue(coder, 100)}


def test_timeline_and_map_count_the_same_selection_as_the_list(service: Service) -> None:
    viewer = as_user(service, "viewer")
    flt = EventFilter(country="BO")
    page = service.events(viewer, flt, limit=1000)
    tl = service.timeline(viewer, flt, "day")
    dated = sum(sum(r["events"].values()) for r in tl["rows"])
    assert dated + tl["undated"] == page["total"] > 0
    deaths = sum(sum(r["deaths"].values()) for r in tl["rows"])
    assert deaths == sum(e["fatalities"] for e in page["events"] if e["date"]["value"])
    points = service.map_points(viewer, flt)
    assert sum(p["events"] for p in points["points"]) + points["unlocated"] == page["total"]
    assert sum(p["fatalities"] for p in points["points"]) <= deaths + sum(
        e["fatalities"] for e in page["events"] if not e["date"]["value"]
    )
    week = service.timeline(viewer, flt, "week")
    assert sum(sum(r["events"].values()) for r in week["rows"]) == dated


def test_logins_are_checked_hashed_and_rate_limited(service: Service) -> None:
    with service.store.engine.connect() as conn:
        from sqlalchemy import text

        hashes = [h for (h,) in conn.execute(text("SELECT password_hash FROM users"))]
    assert all(h.startswith("$argon2id$") and PASSWORD not in h for h in hashes)
    cookie, session = service.login("cody", PASSWORD, "10.0.0.1")
    assert service.session_for(cookie).user.name == "cody"  # type: ignore[union-attr]
    for _ in range(5):
        with pytest.raises(AuthError, match="wrong"):
            service.login("cody", "guess", "10.0.0.2")
    with pytest.raises(AuthError, match="too many"):
        service.login("cody", PASSWORD, "10.0.0.2")
    service.logout(cookie)
    assert service.session_for(cookie) is None


def test_filters_round_trip_through_the_url() -> None:
    params = {
        "country": "BO",
        "since": "2019-11-10",
        "type": "Protests",
        "min_fatalities": "2",
        "reviewed": "no",
    }
    assert filter_params(event_filter(params)) == params
    with pytest.raises(BadRequestError, match="min_fatalities"):
        event_filter({"min_fatalities": "many"})


def test_evidence_spans_cut_the_text_into_marked_pieces() -> None:
    text = "Police fired on marchers in Sacaba on Friday."
    pieces = marked_text(text, [(0, 6, "actor1"), (7, 12, "trigger"), (28, 34, "location"), (28, 44, "date")])
    assert "".join(p.text for p in pieces) == text
    marked = {p.text: p.fields for p in pieces if p.fields}
    assert marked == {
        "Police": ("actor1",),
        "fired": ("trigger",),
        "Sacaba": ("date", "location"),
        " on Friday": ("date",),
    }


def test_reviews_from_the_app_are_training_examples_for_cronica_train(service: Service, tmp_path) -> None:
    import json

    from cronica.learn.examples import from_reviewed_jsonl

    coder = as_user(service, "coder")
    events = service.events(coder, EventFilter(), limit=1000)["events"]
    accepted, rejected = events[0], events[1]
    service.decide(coder, accepted["number"], "accept", version=0)
    service.decide(coder, rejected["number"], "reject", version=0)
    path = tmp_path / "reviews.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in service.reviewed_records(coder)), encoding="utf-8")
    examples = list(from_reviewed_jsonl(str(path)))
    assert [e.event for e in examples] == [True, False]
    assert examples[0].event_type == accepted["event_type"] and examples[0].text
    assert examples[1].event_type is None and examples[1].text


def test_a_country_filter_by_name_code_or_alpha3_selects_the_same_events(service: Service) -> None:
    viewer = as_user(service, "viewer")
    by_code = service.events(viewer, EventFilter(country="BO"), limit=1000)
    assert by_code["total"] > 0
    for value in ("bo", "Bolivia", "BOL"):
        assert service.events(viewer, EventFilter(country=value), limit=1000) == by_code
    assert service.events(viewer, EventFilter(country="Peru"), limit=1000)["total"] == 0


def test_an_actor_page_counts_the_events_that_name_it_on_either_side(service: Service) -> None:
    viewer = as_user(service, "viewer")
    events = service.events(viewer, EventFilter(), limit=1000)["events"]
    names = [e["actor1"]["name"] for e in events if e.get("actor1")]
    assert names
    name = max(set(names), key=names.count)
    page = service.actor(viewer, name)

    def side(e: dict[str, object], key: str) -> object:
        return (e.get(key) or {}).get("name")  # type: ignore[attr-defined]

    mine = [e for e in events if name in (side(e, "actor1"), side(e, "actor2"))]
    assert page["events_total"] == len(mine) == len(page["events"]) > 0
    assert sum(r["events"] for r in page["as_actor1"]) == sum(1 for e in mine if side(e, "actor1") == name)
    assert sum(r["fatalities"] for r in page["as_actor1"]) == sum(
        int(e["fatalities"]) for e in mine if side(e, "actor1") == name
    )
    assert all(side(e, e["role"]) == name for e in page["events"])
    assert sum(c["events"] for c in page["countries"]) == len(mine)
    with pytest.raises(BadRequestError, match="actor name"):
        service.actor(viewer, "  ")
    assert service.actor(viewer, "Nobody by this name")["events_total"] == 0
