"""``mockst verify --task book-job``: the reference connector passes every check under every
booking scenario, each booking check is failed by exactly one flawed example connector, and the
checks' edges hold on hand-made journal entries.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from mockst_contracts.booking_scenarios import BOOKING_CHECKS, BOOKING_SCENARIOS
from mockst_contracts.booking_task import BookingLead, BookJobTask, Window
from mockst_contracts.checks import CHECKS, RunContext
from mockst_contracts.runner import VerifyOptions, verify
from test_checks import entry
from test_verify import CONNECTORS, REFERENCE, SMALL, _evidence, failed_checks

from mockst.cli import main as mockst_main

JPM = "/jpm/v2/tenant/7"


def options(*command: str, scenarios: tuple[str, ...] = ()) -> VerifyOptions:
    return VerifyOptions(command=(sys.executable, *command), scenarios=scenarios,
                         task="book-job", **SMALL)  # fmt: skip


def test_reference_connector_books_under_every_booking_scenario():
    report = verify(options(*REFERENCE))
    assert [s.name for s in report.scenarios] == list(BOOKING_SCENARIOS)
    assert failed_checks(report) == {name: set() for name in BOOKING_SCENARIOS}, _evidence(report)
    for result in report.scenarios:
        for check_id in BOOKING_SCENARIOS[result.name].exercises:
            assert result.outcomes[check_id].status == "passed", (result.name, check_id)
    assert report.options["task"] == "book-job"


def test_careful_booking_connector_passes_where_the_flawed_ones_run():
    """The flawed booking connectors are this one with one switch each: it must be clean."""
    scenarios = ("booking-happy-path", "far-time-zone", "job-create-lost", "busy-week")
    report = verify(options(str(CONNECTORS / "_booking.py"), scenarios=scenarios))
    assert failed_checks(report) == {name: set() for name in scenarios}, _evidence(report)


BOOKING_FLAWED = [
    ("booking_local_times", "far-time-zone", "appointment-times-utc", "read as UTC"),
    ("booking_first_frame", "busy-week", "books-open-slots", "isAvailable: false"),
    ("booking_looks_for_nothing", "job-create-lost", "no-duplicate-job", "2 jobs were made"),
    ("booking_campaign_from_a_job", "booking-happy-path", "references-from-the-tenant",
     "campaignId"),
]  # fmt: skip


@pytest.mark.parametrize(("connector", "scenario", "broken", "said"), BOOKING_FLAWED,
                         ids=[f[0] for f in BOOKING_FLAWED])  # fmt: skip
def test_flawed_booking_connector_fails_exactly_its_check(connector, scenario, broken, said):
    report = verify(options(str(CONNECTORS / f"{connector}.py"), scenarios=(scenario,)))
    assert failed_checks(report) == {scenario: {broken}}, _evidence(report)
    evidence = report.scenarios[0].outcomes[broken].evidence
    assert evidence and said in evidence[0].note and evidence[0].request.startswith("#")


def test_every_booking_check_is_broken_by_some_example():
    assert set(BOOKING_CHECKS) - {"task-completed"} == {f[2] for f in BOOKING_FLAWED}


def test_cli_takes_the_task(capsys):
    assert mockst_main(["verify", "--task", "book-job", "--scenario", "large-tenant", "--",
                        "true"]) == 2  # fmt: skip
    assert "unknown scenario(s) of task book-job" in capsys.readouterr().err
    assert mockst_main(["verify", "--list"]) == 0
    out = capsys.readouterr().out
    assert "Scenarios of --task book-job:" in out and "far-time-zone" in out


def test_vendor_guide_documents_the_booking_scenarios():
    guide = (Path(__file__).parents[2] / "docs" / "contracts.md").read_text()
    for name in BOOKING_SCENARIOS:
        assert f"| `{name}` |" in guide, name
    for check_id in BOOKING_CHECKS:
        assert f"| `{check_id}` | {CHECKS[check_id].severity} |" in guide, check_id


# -- edges, on hand-made entries ---------------------------------------------------------------

LEAD = BookingLead("x-1", "Ana Nguyen", "5125550100", "Clogged", {"street": "1 Oak Ave"})
FRAME = {"start": "2027-03-02T08:00:00Z", "end": "2027-03-02T12:00:00Z",
         "startUtc": "2027-03-02T16:00:00Z", "endUtc": "2027-03-02T20:00:00Z",
         "businessUnitIds": [3], "openAvailability": 8.0, "isAvailable": True,
         "technicians": [{"id": 41, "status": "Available"}, {"id": 42, "status": "Unavailable"}]}


def capacity(*rows):
    return entry(method="POST", path="/dispatch/v2/tenant/7/capacity",
                 operation_id="Capacity_GetList", response_body={"availabilities": list(rows)})


def create(start, end, techs=(41,), status=200, **body):
    visit = {"start": start, "end": end, "technicianIds": list(techs)}
    return entry(method="POST", path=f"{JPM}/jobs", operation_id="Jobs_Create", status=status,
                 request_body={"businessUnitId": 3, "jobTypeId": 5, "campaignId": 9,
                               "appointments": [visit], **body})


def judge(check_id, *entries, jobs=()):
    ctx = RunContext(
        scenario="s", run=1, tenant_id=7, app_key="ak1.x", client_id="cid.x",
        booking_provider_id=5, task=BookJobTask("s", 1, LEAD, "Drain", Window(None, 1)),
        entries=list(entries), exit_code=0, timed_out=False, jobs=list(jobs),
    )  # fmt: skip
    return CHECKS[check_id](ctx)


def test_books_open_slots_reads_the_latest_answer_that_covers_the_frame():
    # entries are numbered as they are made: make them in journal order
    other_day = {**FRAME, "startUtc": "2027-03-03T16:00:00Z", "endUtc": "2027-03-03T20:00:00Z"}
    covering, later = capacity(FRAME), capacity(other_day)
    booked = create("2027-03-02T16:00:00Z", "2027-03-02T17:30:00Z")
    assert judge("books-open-slots", covering, later, booked).status == "passed"
    full = capacity({**FRAME, "isAvailable": False})
    booked_again = create("2027-03-02T16:00:00Z", "2027-03-02T17:30:00Z")
    assert judge("books-open-slots", covering, full, booked_again).status == "failed"
    unavailable = create("2027-03-02T16:00:00Z", "2027-03-02T17:30:00Z", techs=(42,))
    outcome = judge("books-open-slots", covering, unavailable)
    assert "42" in outcome.evidence[0].note and "not Available" in outcome.evidence[0].note
    assert "no capacity answer" in judge("books-open-slots", booked).evidence[0].note


def test_no_duplicate_job_wants_a_look_between_a_lost_create_and_the_next():
    lost = create("2027-03-02T16:00:00Z", "2027-03-02T17:30:00Z", status=None)
    look = entry(path=f"{JPM}/jobs", response_body={"data": []})
    again = create("2027-03-02T16:00:00Z", "2027-03-02T17:30:00Z")
    assert judge("no-duplicate-job", lost, look, again).status == "passed"
    blind = judge("no-duplicate-job", lost, again)
    assert blind.status == "failed" and "without looking" in blind.evidence[0].note


def test_references_count_the_job_types_business_units():
    types = entry(path=f"{JPM}/job-types", operation_id="JobTypes_GetList",
                  response_body={"data": [{"id": 5, "businessUnitIds": [3]}]})
    campaigns = entry(path="/marketing/v2/tenant/7/campaigns", operation_id="Campaigns_GetList",
                      response_body={"data": [{"id": 9}]})
    booked = create("2027-03-02T16:00:00Z", "2027-03-02T17:30:00Z")
    assert judge("references-from-the-tenant", types, campaigns, booked).status == "passed"
    outcome = judge("references-from-the-tenant", types, booked)
    assert [e.note.split()[0] for e in outcome.evidence] == ["campaignId"]
