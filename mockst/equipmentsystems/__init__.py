"""Equipment Systems, declared from ``equipment-systems-v2.json``.

Installed equipment at CRM locations (the customer follows from the location), its types,
custom fields and attachments, and its feed. Tags come from Settings tag types."""

from mockst.api.family import Family

FAMILY = Family(
    name="equipmentsystems",
    title="Equipment Systems",
    document="equipment-systems-v2.json",
    server="/equipmentsystems/v2",
    scopes=(
        "tn.eqs.equipmenttypes:r",
        "tn.eqs.equipmenttypes:w",
        "tn.eqs.installedequipment:r",
        "tn.eqs.installedequipment:w",
    ),
    uses=("crm", "settings", "pricebook"),
    seed="mockst.equipmentsystems.seed:populate",
)
