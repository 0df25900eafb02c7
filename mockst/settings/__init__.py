"""Settings v2: employees, technicians, business units, tag types, user roles."""

from mockst.api.family import Family

FAMILY = Family(
    name="settings",
    title="Settings",
    document="settings-v2.json",
    server="/settings/v2",
    scopes=(
        "tn.stt.businessunits:r",
        "tn.stt.businessunits:w",
        "tn.stt.employees:r",
        "tn.stt.employees:w",
        "tn.stt.tagtypes:r",
        "tn.stt.tagtypes:w",
        "tn.stt.technicians:r",
        "tn.stt.technicians:w",
        "tn.stt.userroles:r",
    ),
    seed="mockst.settings.seed:populate",
)
