"""Job Planning and Management v2 (JPM): jobs, appointments, job types, projects and the reasons
work is held or canceled."""

from mockst.api.family import Family

FAMILY = Family(
    name="jpm",
    title="Job Planning and Management",
    document="jpm-v2.json",
    server="/jpm/v2",
    scopes=(
        "tn.jpm.appointments:r",
        "tn.jpm.appointments:w",
        "tn.jpm.budgetcodes:r",
        "tn.jpm.budgetcodes:w",
        "tn.jpm.jobcanceledlogs:r",
        "tn.jpm.jobcancelreasons:r",
        "tn.jpm.jobhistory:r",
        "tn.jpm.jobholdreasons:r",
        "tn.jpm.jobnotes:r",
        "tn.jpm.jobs:r",
        "tn.jpm.jobs:w",
        "tn.jpm.jobtypes:r",
        "tn.jpm.jobtypes:w",
        "tn.jpm.projectnotes:r",
        "tn.jpm.projects:r",
        "tn.jpm.projects:w",
        "tn.jpm.projectstatuses:r",
        "tn.jpm.projectsubstatuses:r",
        "tn.jpm.projecttypes:r",
        "tn.jpm.segments:r",
    ),
    uses=("crm", "settings", "marketing", "equipmentsystems"),
    seed="mockst.jpm.seed:populate",
)
