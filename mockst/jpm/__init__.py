"""Job Planning and Management v2 (JPM): jobs, appointments, job types, projects and the reasons
work is held or canceled."""

from mockst.api.family import Family

FAMILY = Family(
    name="jpm",
    title="Job Planning and Management",
    document="jpm-v2.json",
    server="/jpm/v2",
    uses=("crm", "settings", "marketing"),
    seed="mockst.jpm.seed:populate",
)
