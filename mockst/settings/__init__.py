"""Settings v2: employees, technicians, business units, tag types, user roles."""

from mockst.api.family import Family

FAMILY = Family(
    name="settings",
    title="Settings",
    document="settings-v2.json",
    server="/settings/v2",
    seed="mockst.settings.seed:populate",
)
