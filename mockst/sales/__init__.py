"""Sales & Estimates, declared from ``salestech-v2.json`` (served under ``/sales/v2``).

Estimates live on JPM jobs (location, customer and business unit follow from the job) and price
their items from the price book; estimate templates hold price-book items, proposal templates
assign estimate templates to the options of a proposal type (a fixed list)."""

from mockst.api.family import Family

FAMILY = Family(
    name="sales",
    title="Sales & Estimates",
    document="salestech-v2.json",
    server="/sales/v2",
    scopes=(
        "tn.sal.estimates:r",
        "tn.sal.estimates:w",
        "tn.sal.estimatetemplates:r",
        "tn.sal.estimatetemplates:w",
        "tn.sal.proposaltemplates:r",
        "tn.sal.proposaltemplates:w",
        "tn.sal.proposaltypes:r",
    ),
    uses=("crm", "settings", "jpm", "pricebook"),
    seed="mockst.sales.seed:populate",
)
