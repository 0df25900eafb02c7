"""The reference client books and follows a job over a real socket: references read from the
tenant's own lists, a booking converted into a job, the job canceled and restored."""

from __future__ import annotations

from typing import Any

from mockst.seed import populate_tenant


def test_book_a_job_from_a_booking_and_follow_it(sim: Any, tenant: dict[str, Any]) -> None:
    populate_tenant(sim.world, int(tenant["tenantId"]), seed=11, customers=6, bookings=4,
                    history_days=20)  # fmt: skip
    with sim.client(tenant, provider=True) as st:
        job_type = next(t for t in st.job_types.iter_all() if t["businessUnitIds"])
        campaign = next(iter(st.campaigns.iter_all()))
        location = st.locations.list(page_size=1)["data"][0]
        booking = st.bookings.create({
            "source": "Web", "name": "Pat Doe", "summary": "No heat", "externalId": "W-77",
            "isFirstTimeClient": True, "address": location["address"]})
        job = st.jobs.book({
            "customerId": location["customerId"], "locationId": location["id"],
            "businessUnitId": job_type["businessUnitIds"][0], "jobTypeId": job_type["id"],
            "priority": "Normal", "campaignId": campaign["id"], "bookingId": booking["id"],
            "appointments": [{"start": "2027-01-05T16:00:00Z", "end": "2027-01-05T18:00:00Z"}]})
        assert st.bookings.get(booking["id"])["status"] == "Converted"
        visit = st.appointments.get(job["firstAppointmentId"])
        assert visit["jobId"] == job["id"]
        moved = st.appointments.reschedule(visit["id"], "2027-01-06T16:00:00Z",
                                           "2027-01-06T18:00:00Z")
        assert moved["start"] == "2027-01-06T16:00:00Z"
        reason = st.jobs.cancel_reasons(active="True")["data"][0]["id"]
        st.jobs.cancel(job["id"], reason, "Customer fixed it")
        assert st.jobs.get(job["id"])["jobStatus"] == "Canceled"
        st.jobs.remove_cancellation(job["id"])
        found = st.jobs.list(bookingId=booking["id"])["data"]
        assert [(j["id"], j["jobStatus"]) for j in found] == [(job["id"], "Scheduled")]
