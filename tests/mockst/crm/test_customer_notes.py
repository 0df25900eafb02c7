"""Notes on customers and locations: write, copy to related records, list, delete."""

from __future__ import annotations

from customer_helpers import Crm, new_location

from mockst.crm.models.common import NoteResponse


def test_customer_notes_and_copies_to_active_locations(crm: Crm) -> None:
    customer = crm.customer(locations=[new_location("A"), new_location("B"), new_location("C")])
    cid = customer["id"]
    a, b, c = (loc["id"] for loc in customer["locations"])
    crm.ok(crm.patch(f"/locations/{c}", {"active": False}))

    note = crm.ok(crm.post(f"/customers/{cid}/notes", {"text": "Dog in yard", "pinToTop": True,
                                                        "addToLocations": True}))  # fmt: skip
    NoteResponse.model_validate(note)
    assert note["isPinned"] is True and note["createdById"] == 0 and note["text"] == "Dog in yard"
    plain = crm.ok(crm.post(f"/customers/{cid}/notes", {"text": "Pays by check"}))
    assert plain["isPinned"] is False
    listed = crm.ok(crm.get(f"/customers/{cid}/notes"))["data"]
    assert [n["id"] for n in listed] == [note["id"], plain["id"]]
    for lid, expected in ((a, ["Dog in yard"]), (b, ["Dog in yard"]), (c, [])):
        texts = [n["text"] for n in crm.ok(crm.get(f"/locations/{lid}/notes"))["data"]]
        assert texts == expected, lid
    copied = crm.ok(crm.get(f"/locations/{a}/notes"))["data"][0]
    assert copied["id"] != note["id"] and copied["isPinned"] is True


def test_location_notes_and_copy_to_customer(crm: Crm) -> None:
    customer = crm.customer()
    lid = customer["locations"][0]["id"]
    note = crm.ok(crm.post(f"/locations/{lid}/notes", {"text": "Gate code 1234",
                                                       "addToCustomer": True}))  # fmt: skip
    alone = crm.ok(crm.post(f"/locations/{lid}/notes", {"text": "Side door"}))
    assert [n["id"] for n in crm.ok(crm.get(f"/locations/{lid}/notes"))["data"]] == [
        note["id"],
        alone["id"],
    ]
    on_customer = crm.ok(crm.get(f"/customers/{customer['id']}/notes"))["data"]
    assert [n["text"] for n in on_customer] == ["Gate code 1234"]


def test_note_lists_page_and_filter_by_date(crm: Crm) -> None:
    cid = crm.customer()["id"]
    first = crm.ok(crm.post(f"/customers/{cid}/notes", {"text": "one"}))
    crm.world.clock.advance(60)
    second = crm.ok(crm.post(f"/customers/{cid}/notes", {"text": "two"}))
    cut = second["createdOn"]
    assert crm.ids(f"/customers/{cid}/notes", createdOnOrAfter=cut) == [second["id"]]
    assert crm.ids(f"/customers/{cid}/notes", createdBefore=cut) == [first["id"]]
    assert crm.ids(f"/customers/{cid}/notes", modifiedBefore=cut) == [first["id"]]
    assert crm.ids(f"/customers/{cid}/notes", modifiedOnOrAfter=cut) == [second["id"]]
    page = crm.ok(crm.get(f"/customers/{cid}/notes", pageSize=1, includeTotal="true"))
    assert page["hasMore"] is True and page["totalCount"] == 2 and len(page["data"]) == 1


def test_note_errors_and_deletes(crm: Crm, other_crm: Crm) -> None:
    customer, other = crm.customer(), crm.customer("Other")
    cid, lid = customer["id"], customer["locations"][0]["id"]
    assert crm.post(f"/customers/{cid}/notes", {"text": " "}).status_code == 400
    assert crm.post(f"/customers/{cid}/notes", {"pinToTop": True}).status_code == 400
    assert crm.post("/customers/1/notes", {"text": "x"}).status_code == 404
    assert crm.post("/locations/1/notes", {"text": "x"}).status_code == 404
    assert crm.get("/locations/1/notes").status_code == 404
    note = crm.ok(crm.post(f"/customers/{cid}/notes", {"text": "keep?"}))
    lnote = crm.ok(crm.post(f"/locations/{lid}/notes", {"text": "here"}))

    assert crm.delete(f"/customers/{other['id']}/notes/{note['id']}").status_code == 404
    assert crm.delete(f"/customers/{cid}/notes/{lnote['id']}").status_code == 404
    assert other_crm.delete(f"/customers/{cid}/notes/{note['id']}").status_code == 404
    response = crm.delete(f"/customers/{cid}/notes/{note['id']}")
    assert response.status_code == 200 and response.content == b""
    assert crm.delete(f"/customers/{cid}/notes/{note['id']}").status_code == 404
    assert crm.ok(crm.get(f"/customers/{cid}/notes"))["data"] == []
    assert crm.ok(crm.delete(f"/locations/{lid}/notes/{lnote['id']}")) is None
    assert crm.ok(crm.get(f"/locations/{lid}/notes"))["data"] == []
