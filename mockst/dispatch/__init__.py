"""Dispatch v2: who works when (technician shifts, non-job appointments), the windows and hours
a tenant books into, teams, zones, technician skills, tracking links, GPS pings, technician
assignments and capacity. The schedule's shared readers are in ``schedule``."""

from mockst.api.family import Family

FAMILY = Family(
    name="dispatch",
    title="Dispatch",
    document="dispatch-v2.json",
    server="/dispatch/v2",
    scopes=(
        "tn.dis.appointmentassignments:r",
        "tn.dis.appointmentassignments:w",
        "tn.dis.arrivalwindows:r",
        "tn.dis.arrivalwindows:w",
        "tn.dis.businesshours:r",
        "tn.dis.businesshours:w",
        "tn.dis.capacity:w",
        "tn.dis.gpspings:w",
        "tn.dis.nonjobappointments:r",
        "tn.dis.nonjobappointments:w",
        "tn.dis.teams:r",
        "tn.dis.teams:w",
        "tn.dis.technicianshifts:r",
        "tn.dis.technicianshifts:w",
        "tn.dis.technicianskills:r",
        "tn.dis.technicianskills:w",
        "tn.dis.techniciantracking:r",
        "tn.dis.zones:r",
        "tn.dis.zones:w",
    ),
    uses=("crm", "settings", "jpm"),
    seed="mockst.dispatch.seed:populate",
)
