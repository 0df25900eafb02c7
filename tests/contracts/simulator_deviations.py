"""Where the simulator's answers and its own OpenAPI document disagree, on purpose or not.

schemathesis judges the simulator by its document. Each entry below names one known disagreement
precisely (the check, the operations, the exact errors of the answer) and says why it is there; the
contract test drops a failure only when an entry explains *all* of it, and counts which entries
fired. Each ``simulator-bug`` entry also has a test that reproduces its example
(``test_simulator_bug_is_still_there``): when the bug is fixed, that test fails and says to
remove the entry.

Fixed since they were found here: a 405 for TRACE lost its Allow header, and years before 1000
were written with three digits (both in commit 9607c71).

Kinds:

* ``simulator-bug``: the simulator is wrong and should be fixed; the entry goes when it is.
* ``document-gap``: the simulator enforces a rule its document could declare but does not (the
  official document does not either); declaring it (minimum, minLength, minItems…) removes the
  entry.
* ``business-rule``: a rule no JSON schema of the document can carry (cross-field, referential,
  the .NET binder's reading of a value); a realistic API answers 400 there, as ServiceTitan does.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass(frozen=True)
class Deviation:
    id: str
    kind: str
    check: str  # schemathesis failure code
    why: str
    example: str
    # For 400 answers (ST202): every (field, message) of ``errors`` must match one of these.
    errors: tuple[tuple[str, str], ...] = ()
    operations: frozenset[str] = field(default_factory=frozenset)  # empty: every operation
    message: str = ""  # for other checks: a regex the failure message must match
    # ST201: what the values of an invalid query parameter, as sent on the wire, must be.
    value: Callable[[Any, str, list[str]], bool] | None = None

    def applies_to(self, operation_id: str) -> bool:
        return not self.operations or operation_id in self.operations

    def explains_error(self, key: str, text: str) -> bool:
        return any(re.fullmatch(k, key) and re.fullmatch(m, text, re.S) for k, m in self.errors)


def _is_empty(case: Any, param: str, sent: list[str]) -> bool:
    return all(value == "" for value in sent)


def _is_enum_member_in_other_case(case: Any, param: str, sent: list[str]) -> bool:
    for spec in case.operation.definition.raw.get("parameters", []):
        if spec.get("name") == param and len(sent) == 1:
            members = spec.get("schema", {}).get("enum") or []
            return sent[0].lower() in {str(m).lower() for m in members}
    return False


# A negative case whose only invalid part is query parameters (one or several).
QUERY_ONLY = (
    r".*Invalid component: parameters? (?P<params>`\w+`(, `\w+`)*) in query"
    r"(?!.*Invalid component).*"
)


DEVIATIONS: tuple[Deviation, ...] = (
    Deviation(
        id="empty-query-value-is-absent",
        kind="business-rule",
        check="ST201",
        message=QUERY_ONLY,
        value=_is_empty,
        why="An empty value of a nullable query parameter (modifiedOnOrAfter=) binds to null in "
        'ASP.NET, so the filter is simply absent; schemathesis counts "" as an invalid '
        "date-time or boolean.",
        example="GET /crm/v2/tenant/T/customers?modifiedOnOrAfter= -> 200, unfiltered",
    ),
    Deviation(
        id="enum-binds-in-any-case",
        kind="business-rule",
        check="ST201",
        message=QUERY_ONLY,
        value=_is_enum_member_in_other_case,
        why="ASP.NET binds enum query values by name in any case (active=true is active=True); "
        "the document's enum lists the canonical spelling only.",
        example="GET /crm/v2/tenant/T/customers?active=true -> 200",
    ),
    Deviation(
        id="page-bounds",
        kind="document-gap",
        check="ST202",
        errors=(
            (r"page", r"The page must be [01] or greater\."),
            (r"pageSize", r"The pageSize must be (1 or greater|\d+ or less|between 1 and \d+)\."),
        ),
        why="page >= 1 and 1 <= pageSize <= 5000 (Intacct mappings: 1..500) are enforced "
        "(servicetitan-api.md §6.2) but the parameters are declared as bare int32.",
        example="GET /crm/v2/tenant/T/customers?page=0 -> 400 'The page must be 1 or greater.'",
    ),
    Deviation(
        id="integral-number-for-integer",
        kind="business-rule",
        check="ST202",
        errors=((r".*", r"Input should be a valid integer"),),
        why="JSON Schema counts 3.0 as an integer; ASP.NET's System.Text.Json does not bind "
        "3.0 to a long, and the simulator binds bodies strictly the same way.",
        example='POST /crm/v2/tenant/T/leads {"campaignId": 0.0, ...} -> 400 campaignId',
    ),
    Deviation(
        id="required-text-not-blank",
        kind="document-gap",
        check="ST202",
        errors=(
            (r"(.*\.)?\w+", r"The \w+ field is required\."),
            (r"(.*\.)?name", r"The name must not be empty\."),
        ),
        why='Required strings must not be empty ([Required] in ASP.NET rejects ""); the '
        "document has no minLength: 1.",
        example='POST /crm/v2/tenant/T/customers {"name": "", ...} -> 400 name',
    ),
    Deviation(
        id="email-contact-holds-an-address",
        kind="business-rule",
        check="ST202",
        errors=((r"(.*\.)?value", r"The value is not a valid email address\."),),
        why="An Email contact's value must be an email address (contains @); the document types "
        "value as a plain string for every contact type.",
        example='POST /crm/v2/tenant/T/locations/1/contacts {"type": "Email", "value": "x"} -> 400',
    ),
    Deviation(
        id="coordinates-in-range",
        kind="document-gap",
        check="ST202",
        errors=((r"(.*\.)?(latitude|longitude)", r"The (latitude|longitude) must be between .*"),),
        why="latitude within ±90 and longitude within ±180; the document has no bounds.",
        example="POST /customers with address.longitude 1e300 -> 400",
    ),
    Deviation(
        id="lists-not-empty",
        kind="document-gap",
        check="ST202",
        operations=frozenset({"BulkTags_AddTags", "BulkTags_RemoveTags", "Customers_Create"}),
        errors=(
            (r"customerIds|tagTypeIds", r"At least one .* id is required\."),
            (r"locations", r"At least one location is required\."),
        ),
        why="Bulk tags need at least one customer and tag type id, a new customer at least one "
        "location (DOC-CRM); the document has no minItems: 1.",
        example='PUT /crm/v2/tenant/T/tags {"customerIds": [], "tagTypeIds": []} -> 400',
    ),
    Deviation(
        id="id-list-parameters",
        kind="business-rule",
        check="ST202",
        errors=((r"ids|customerIds|locationIds", r"The value '.*' is not a valid id\."),),
        why="ids, customerIds and locationIds are declared as plain strings (as officially) "
        "but are comma-separated int64 lists.",
        example="GET /crm/v2/tenant/T/bookings?ids=abc -> 400 ids",
    ),
    Deviation(
        id="either-filter-required",
        kind="business-rule",
        check="ST202",
        operations=frozenset(
            {"Customers_GetModifiedContactsList", "Locations_GetLocationsContactsList"}
        ),
        errors=((r"customerIds|locationIds", r"Either .* must be specified\."),),
        why="'Either CustomerIds, modifiedOn or modifiedOnOrAfter parameter must be specified' "
        "(official description; not expressible as a parameter schema).",
        example="GET /crm/v2/tenant/T/customers/contacts -> 400 customerIds",
    ),
    Deviation(
        id="external-data-key-and-values",
        kind="business-rule",
        check="ST202",
        errors=(
            (
                r"externalDataKey|externalDataValues",
                r"externalData(Key|Values) is required with externalData(Key|Values)\.",
            ),
        ),
        why="externalDataKey and externalDataValues each require the other (official "
        "descriptions).",
        example="GET /crm/v2/tenant/T/locations?externalDataValues=x -> 400",
    ),
    Deviation(
        id="lead-reason-or-follow-up",
        kind="business-rule",
        check="ST202",
        operations=frozenset({"Leads_Create"}),
        errors=(
            (r"callReasonId|followUpDate", r"Either callReasonId or followUpDate is required\."),
        ),
        why="callReasonId is required when followUpDate is absent and vice versa (official "
        "field descriptions).",
        example='POST /crm/v2/tenant/T/leads {"campaignId": 1, "summary": "x"} -> 400',
    ),
    Deviation(
        id="export-from-token-or-date",
        kind="business-rule",
        check="ST202",
        errors=((r"from", r"Expected a continuation token or a date .*"),),
        why="An export's from is a continueFrom token or a date (official description); "
        "any other string is a 400.",
        example="GET /crm/v2/tenant/T/export/customers?from=xyz -> 400 from",
    ),
    Deviation(
        id="contact-type-as-string",
        kind="document-gap",
        check="ST202",
        operations=frozenset(
            {
                "ContactMethods_GetContactMethods",
                "Contacts_SearchContactMethods",
                "Bookings_CreateContact",
            }
        ),
        errors=((r"type", r"The value '.*' is not valid for type\. Use: .*"),),
        why="The type filter of contact-method lists and ContactCreateRequest.type (booking "
        "contacts) are ContactTypes (Phone, Email, Fax, MobilePhone) but are declared as free "
        "strings (as officially).",
        example="GET /crm/v2/tenant/T/contacts/contact-methods?type=x -> 400 type",
    ),
    Deviation(
        id="is-archived-is-boolean",
        kind="document-gap",
        check="ST202",
        operations=frozenset({"Contacts_GetList", "Contacts_GetByRelationshipId"}),
        errors=((r"isArchived", r"The value '.*' is not valid for isArchived\."),),
        why="isArchived is declared a string (as officially) but bound as a boolean "
        "(true/false, blank for no filter).",
        example="GET /crm/v2/tenant/T/contacts?isArchived=x -> 400 isArchived",
    ),
    Deviation(
        id="sort-names-a-field",
        kind="business-rule",
        check="ST202",
        errors=((r"sort|sortBy", r"Sorting by '.*' is not supported\..*"),),
        why="sort is '+Field' or '-Field' of the documented fields (Id, ModifiedOn, CreatedOn); "
        "sortBy (installed-equipment custom-field types) names one of them.",
        example="GET /crm/v2/tenant/T/customers?sort=x -> 400 sort",
    ),
    Deviation(
        id="external-data-keys-unique",
        kind="business-rule",
        check="ST202",
        errors=(
            (r"(.*\.)?externalData(\.externalData)?\[\d+\]\.key", r"The key '.*' is repeated\."),
        ),
        why="External data keys are unique per application GUID; the document cannot say so.",
        example='POST /crm/v2/tenant/T/locations {..., "externalData": {"applicationGuid": "…", '
        '"externalData": [{"key": "a", "value": "1"}, {"key": "a", "value": "2"}]}} -> 400',
    ),
    Deviation(
        id="unique-names",
        kind="business-rule",
        check="ST202",
        operations=frozenset({"TagTypes_Create", "TagTypes_Update"}),
        errors=((r"name", r"A tag type named '.*' already exists\."),),
        why="Tag type names are unique in a tenant (answered 400, the only status the official "
        "operations declare besides 404).",
        example='PATCH /settings/v2/tenant/T/tag-types/2 {"name": "<name of tag type 1>"} -> 400',
    ),
    Deviation(
        id="unique-booking-provider-tag-names",
        kind="business-rule",
        check="ST202",
        operations=frozenset({"BookingProviderTags_Update"}),
        errors=((r"tagName", r"A booking provider tag named '.*' already exists\."),),
        why="Booking provider tag names are unique in a tenant; a rename declares no 409, so the "
        "conflict is answered 400 with the field error.",
        example='PATCH /crm/v2/tenant/T/booking-provider-tags/2 {"tagName": "<name of tag 1>"} '
        "-> 400",
    ),
    Deviation(
        id="campaign-cost-month-in-range",
        kind="document-gap",
        check="ST202",
        operations=frozenset({"CampaignCosts_Create", "CampaignCosts_Update"}),
        errors=(
            (r"year", r"The year must be between 1 and 9999\."),
            (r"month", r"The month must be between 1 and 12\."),
            (r"dailyCost", r"The dailyCost must be 0 or greater\."),
        ),
        why="A campaign cost is a month of a calendar year at a daily cost of 0 or more; the "
        "document declares plain int32 and decimal fields without bounds.",
        example='POST /marketing/v2/tenant/T/costs {"campaignId": 1, "year": 2026, "month": 13, '
        '"dailyCost": 5} -> 400 month',
    ),
    Deviation(
        id="one-cost-per-campaign-month",
        kind="business-rule",
        check="ST202",
        operations=frozenset({"CampaignCosts_Create"}),
        errors=((r"month", r"Campaign \d+ already has a cost for \d+-\d+\."),),
        why="A campaign has one daily cost per month; a second create for the same month is "
        "refused (the document declares only 400) and the first is PATCHed instead.",
        example="POST /marketing/v2/tenant/T/costs twice for one campaign and month -> 400 month",
    ),
    Deviation(
        id="budget-code-needs-an-item",
        kind="document-gap",
        check="ST202",
        operations=frozenset(
            {"BudgetCodes_CreateBudgetCode", "BudgetCodes_CreateBudgetCodePartial"}
        ),
        errors=((r"segmentItemIds|segments", r"At least one segment item is required\."),),
        why="A budget code is made of segment items, so it needs at least one; the document "
        "has no minItems: 1 (and a partial code may leave every segment open).",
        example='POST /jpm/v2/tenant/T/work-breakdown-structure/budget-codes '
        '{"segmentItemIds": []} -> 400 segmentItemIds',
    ),
    Deviation(
        id="linked-id-in-a-guid-parameter",
        kind="business-rule",
        check="ST202",
        errors=((r"externalDataApplicationGuid",
                 r"The value '\d+' is not valid for externalDataApplicationGuid\."),),
        why="The stateful phase's inferred links put a created row's integer id into "
        "externalDataApplicationGuid (a GUID), where no link of the document points; a link's "
        "value skips the parameter's format, and the binder refuses a number there, as ASP.NET "
        "binds a Guid.",
        example="GET /pricebook/v2/tenant/T/services/7?externalDataApplicationGuid=7 -> 400",
    ),
    Deviation(
        id="price-book-links-exist",
        kind="business-rule",
        check="ST202",
        errors=(
            (
                r"(.*\.)?(categories|serviceMaterials|serviceEquipment|equipmentMaterials"
                r"|recommendations|upgrades|variationMaterials|variationEquipment)\[\d+\]"
                r"|(.*\.)?(parentId|costTypeId|id)",
                r".* (does not exist|is not a \w+|is a \w+ category|has active sub-categories)\."
                r"|No item of this batch has the customId '.*'\.|A link needs a skuId or a "
                r"customId\.|A category cannot sit under itself\.",
            ),
            (r"(.*\.)?customId", r"The customId '.*' is repeated in the batch\."),
            (r"categoryType", r"A category with sub-categories keeps its type\."),
        ),
        why="Price-book items point at categories of their kind and at SKUs of the right kind "
        "(by id, or by customId within one bulk create); a category's parent shares its type "
        "and never lies under it; a category with active sub-categories is not deleted. "
        "Catalogue U2, U12, U16.",
        example='POST /pricebook/v2/tenant/T/services {"code": "x", "description": "", '
        '"categories": [1]} -> 400 categories[0]',
    ),
    Deviation(
        id="markup-tier-bounds",
        kind="document-gap",
        check="ST202",
        operations=frozenset({"MaterialsMarkup_Create", "MaterialsMarkup_Update"}),
        errors=(
            (r"from|to|percent", r"\w+ must be between 0 and \d+\.|from must not be greater "
             r"than to\."),
        ),
        why="A markup tier runs from 0 to 2^31-1 with a percent of 0 to 100 and from <= to "
        "(catalogue U17); the declared request model carries no bounds.",
        example='POST /pricebook/v2/tenant/T/materialsmarkup {"id": 0, "from": 9, "to": 1, '
        '"percent": 5} -> 400 from',
    ),
    Deviation(
        id="upload-holds-a-file",
        kind="document-gap",
        check="ST202",
        operations=frozenset({"Images_Post", "InstalledEquipment_PostAttachment"}),
        errors=((r"file", r"A non-empty file is required\.|The file must be a string .*"),),
        why="An upload stores a file; the declared body makes its binary file optional.",
        example="POST /pricebook/v2/tenant/T/images {} -> 400 file",
    ),
    Deviation(
        id="fetch-by-path-needs-a-path",
        kind="document-gap",
        check="ST202",
        operations=frozenset({"Images_Get", "InstalledEquipment_Get2"}),
        errors=((r"path", r"The path field is required\.|An image path starts with 'Images/'\."),),
        why="A stored file is fetched by the path its upload answered (image paths start with "
        "Images/, as the official description says); the parameter is declared optional.",
        example="GET /pricebook/v2/tenant/T/images?path=x -> 400 path",
    ),
    Deviation(
        id="date-fields-hold-dates",
        kind="business-rule",
        check="ST202",
        errors=((r"manufacturedOn|actualReplacementDate", r"The value '.*' is not a date .*"),),
        why="Date-only fields are declared as strings with format date, which schemathesis does "
        "not enforce on bodies; the API binds them as dates.",
        example='POST /equipmentsystems/v2/tenant/T/installed-equipment {"locationId": 1, '
        '"manufacturedOn": "x"} -> 400',
    ),
    Deviation(
        id="custom-field-values-suit-their-type",
        kind="business-rule",
        check="ST202",
        errors=((r"customFields\[\d+\]\.value", r"'.*' is not (an option of .*|a number)\."),),
        why="A Dropdown custom field takes one of its options, a Numeric one a number.",
        example='PATCH /equipmentsystems/v2/tenant/T/installed-equipment/1 {"customFields": '
        '[{"typeId": 2, "value": "x"}]} -> 400',
    ),
    Deviation(
        id="estimate-rules",
        kind="business-rule",
        check="ST202",
        operations=frozenset({"Estimates_Create", "Estimates_Update", "Estimates_PutItem",
                              "Estimates_DeleteItem", "Estimates_Sell", "Estimates_Unsell",
                              "Estimates_Dismiss"}),
        errors=(
            (r"jobId", r"An estimate needs a jobId, a projectId or a locationId\."),
            (r"(items\[\d+\]\.)?(skuId|skuName|id)",
             r"SKU \d+ does not exist\.|No SKU has the code '.*'\.|An item needs a skuId or a "
             r"skuName\.|Item \d+ is not an item of estimate \d+\."),
            (r"locationId|projectId", r"(Location|Project) \d+ is not the (job|project)'s\."),
            (r"status", r"Estimate \d+ is \w+: only an? \w+ estimate can be \w+\.|Estimate \d+ "
             r"was booked into a job: it stays Sold\."),
            (r"soldBy", r"Technician( or employee)? \d+ does not exist\."),
            (r"items|itemId", r"The items of a \w+ estimate cannot change\."),
        ),
        why="An estimate belongs to a job, project or location, and its items name price-book "
        "SKUs; status moves only Open -> Sold -> Open and Open -> Dismissed, credited to a "
        "technician; a decided estimate's items are kept as they were (catalogue U2, U4, U6-U8). "
        "The operations declare only 400.",
        example='POST /sales/v2/tenant/T/estimates {"name": "x"} -> 400 jobId',
    ),
    Deviation(
        id="template-rules",
        kind="business-rule",
        check="ST202",
        operations=frozenset({"EstimateTemplates_Create", "EstimateTemplates_Update",
                              "ProposalTemplates_Create", "ProposalTemplates_Update"}),
        errors=(
            (r"items\[\d+\]\.skuId", r"SKU -?\d+ does not exist\."),
            (r"items\[\d+\]\.skuType", r"SKU \d+ is a \w+, not a \w+\."),
            (r"items\[\d+\]\.unitPrice", r"An item of a Static template needs a unitPrice\."),
            (r"businessUnitIds?(\[\d+\])?", r"Business unit -?\d+ does not exist\."),
            (r"proposalTypeId", r"Proposal type -?\d+ does not exist\."),
            (r"estimateAssignments\[\d+\]\.proposalTypeOptionId",
             r"Option -?\d+ is not an option of proposal type -?\d+\."),
            (r"estimateAssignments\[\d+\]\.estimateTemplateId",
             r"Estimate template -?\d+ does not exist\."),
        ),
        why="A template's items name price-book SKUs of the kind they say, a Static template's "
        "items their price; a proposal template names a proposal type, options of it and "
        "estimate templates that exist (catalogue: Sales templates). The operations declare "
        "only 400.",
        example='POST /sales/v2/tenant/T/estimate-templates {"name": "x", "internalName": "x", '
        '"mode": "Dynamic", "items": [{"skuId": 1, "skuType": "Service", "quantity": 1, '
        '"isAddOn": false}]} -> 400 items[0].skuId',
    ),
    Deviation(
        id="referenced-rows-exist",
        kind="business-rule",
        check="ST202",
        errors=(
            (r"(.*\.)?\w+Ids?(\[\d+\])?", r".* (does not exist|was not found|is not a .*)\.?"),
        ),
        why="Ids in bodies must name existing rows (user roles, business units, tag types…).",
        example='POST /settings/v2/tenant/T/employees {"roleId": 0, ...} -> 400 roleId',
    ),
    Deviation(
        id="capacity-window",
        kind="business-rule",
        check="ST202",
        operations=frozenset({"Capacity_GetList"}),
        errors=(
            (r"endsOnOrBefore", r"The end must be after the start\.|At most \d+ days at once\."),
        ),
        why="A capacity window must end after it starts, and is bounded (capacity_max_days): "
        "the answer grows with the window (the scheduling facts §15 U5).",
        example='POST /dispatch/v2/tenant/T/capacity {"startsOnOrAfter": t, "endsOnOrBefore": t, '
        '...} -> 400',
    ),
    Deviation(
        id="timespan-is-not-iso-duration",
        kind="business-rule",
        check="ST108",
        message=r'.*"(\d+\.)?\d\d:\d\d:\d\d" is not a "duration".*',
        why="The documents type TimeSpans (a call's duration) as format: duration, which JSON "
        "Schema reads as ISO 8601 (PT4M30S); ServiceTitan's .NET serializer writes a TimeSpan "
        "as hh:mm:ss, and the only literal in the documents is \"09:00\" (§1, §15 U19).",
        example='GET /telecom/v3/tenant/T/calls -> leadCall.duration "00:04:30"',
    ),
    Deviation(
        id="v2-call-links-may-be-null",
        kind="document-gap",
        check="ST108",
        operations=frozenset({"Calls_GetCalls", "Calls_GetDetails", "Calls_Update"}),
        message=r'null is not of type "(string|object)"\n.*',
        why="The deprecated v2 call schemas mark every link required and not nullable (the job's "
        "number and business unit, the call's reason, agent, customer, campaign, recording URL), "
        "but a call that booked no job or has no agent has none; the simulator answers null, as "
        "the v3 schemas allow, rather than invent one. Declaring them nullable removes the entry.",
        example="GET /telecom/v2/tenant/T/calls -> data[0].businessUnit null for an unbooked call",
    ),
    Deviation(
        id="call-rules",
        kind="business-rule",
        check="ST202",
        operations=frozenset({"Calls_Update", "Calls_GetCalls"}),
        errors=(
            (r"reason\.name", r"No call reason is named '.*'\."),
            (r"callId", r"The callId -?\d+ is not the call in the path\."),
            (r"(customer|location)\.id", r"(Customer|Location) -?\d+ does not exist\."),
            (r"location\.id", r"Location -?\d+ is not a location of customer -?\d+\."),
            (r"orderBy", r"The orderBy must be Id, createdOn or modifiedOn\."),
            (r"orderByDirection", r"The orderByDirection must be asc or desc\."),
        ),
        why="Telecom's rules (servicetitan-scheduling.md §4.4, §11): a call is classified with a "
        "reason the tenant has (by name), the customer and location it names, the location "
        "the customer's; the v2 list sorts by the orderBy and orderByDirection values its "
        "document lists, declared as free strings.",
        example='GET /telecom/v2/tenant/T/calls?orderBy=duration -> 400 orderBy',
    ),
    Deviation(
        id="job-booking-rules",
        kind="business-rule",
        check="ST202",
        operations=frozenset({
            "Jobs_Create", "Jobs_Update", "Jobs_Cancel", "Jobs_RemoveCancellation",
            "Appointments_Add", "Appointments_Reschedule", "Appointments_Hold",
        }),
        errors=(
            (r"priority", r"The priority must be one of .*"),
            (r"appointments", r"A job needs at least one appointment\."),
            (r"(.*\.)?end", r"The end must be after the start\."),
            (r"(.*\.)?arrivalWindowEnd", r"The arrival window must not end before it starts\."),
            (r"\w+Id", r".* was not found or is not active\."),
            (r"locationId", r"Location -?\d+ is not a location of customer -?\d+\."),
            (r"bookingId|leadId", r".* is \w+; .*"),
            (r"id|jobId", r"Job -?\d+ (is not canceled|is \w+; .* is not possible)\."),
        ),
        why="Job Planning's rules (the scheduling facts §5 and §15 U7, U12): what a job names "
        "must be active and belong together, appointments end after they start, a booking or "
        "lead converts once, a canceled or completed job is not canceled again.",
        example='POST /jpm/v2/tenant/T/jobs {"appointments": [], ...} -> 400 appointments',
    ),
    Deviation(
        id="dispatch-schedule-rules",
        kind="business-rule",
        check="ST202",
        operations=frozenset({
            "ArrivalWindows_Create", "ArrivalWindows_Update", "BusinessHour_Create",
            "NonJobAppointments_Create", "NonJobAppointments_Update", "TechnicianShifts_Create",
            "TechnicianShifts_Update", "TechnicianShifts_BulkDelete", "Zone_CreateZone",
            "Zone_UpdateZone",
        }),
        errors=(
            (r"start|duration", r"'.*' is not a time span such as 02:00 or 02:00:00\."),
            (r"start|duration", r"The (start|duration) must be between .*"),
            (r"duration", r"The window must end (within its day|after it starts)\."),
            (r"end", r"(The end must be after the start|A shift lasts at most 24 hours)\."),
            (r"shiftType|start|end", r"The \w+ must not be null\."),
            (r"technicianIds", r"At least one technician is required\."),
            (r"repeatEndDate|endOn|frequency", r"The \w+ is required when .*"),
            (r"repeatEndDate|endOn", r"(A repeat may have at most \d+ occurrences|The start "
             r"is outside the calendar|The repeat has no occurrence before it ends)\."),
            (r"repeatInterval|interval", r"The interval must be 1 or greater\."),
            (r"shiftDays|daysOfWeek", r"'.*' is not a day of the week\."),
            (r"countOccurrences", r"The countOccurrences must be between .*"),
            (r"(weekdays|saturday|sunday)\[\d+\]", r"The (hours must run from 0 to 24 and "
             r"end after they start|ranges of a day must not overlap)\."),
            (r"serviceDaysIds", r"-?\d+ is not a day number .*"),
            (r"businessUnits\[\d+\]", r"Business unit -?\d+ does not exist\."),
        ),
        why="Dispatch's schedule rules (the scheduling facts §8, §15 U19, U22): TimeSpans are "
        ".NET's hh:mm[:ss] within a day, a shift ends after it starts and within 24 hours, a "
        "repeat is bounded and names real days, business hours are hours of one day.",
        example='POST /dispatch/v2/tenant/T/arrival-windows {"start": "P1D", ...} -> 400 start',
    ),
)


@dataclass
class Ledger:
    """Which deviations explained which failures in this run."""

    hits: Counter = field(default_factory=Counter)
    unexplained: list[dict[str, Any]] = field(default_factory=list)


LEDGER = Ledger()


def operation_id(case: Any) -> str:
    return str(case.operation.definition.raw.get("operationId", case.operation.label))


def explain(failure: Any, case: Any, response: Any) -> list[Deviation]:
    """The deviations that together explain ``failure``, or [] when it is a real failure."""
    op = operation_id(case)
    candidates = [d for d in DEVIATIONS if d.check == failure.code and d.applies_to(op)]
    if not candidates:
        return []
    if failure.code == "ST202":
        return _explain_rejection(candidates, response)
    if failure.code == "ST201":
        return _explain_acceptance(candidates, failure, case, response)
    for deviation in candidates:
        if deviation.message and re.fullmatch(deviation.message, failure.message, re.S):
            return [deviation]
    return []


def _explain_acceptance(
    candidates: list[Deviation], failure: Any, case: Any, response: Any
) -> list[Deviation]:
    """Negative data accepted: each invalid query parameter must be explained by a deviation."""
    wire = parse_qs(urlsplit(response.request.url).query, keep_blank_values=True)
    used: list[Deviation] = []
    for param in _invalid_query_parameters(failure.message):
        sent = wire.get(param, [])
        explaining = next((d for d in candidates if d.value and d.value(case, param, sent)), None)
        if explaining is None:
            return []
        if explaining not in used:
            used.append(explaining)
    return used


def _invalid_query_parameters(message: str) -> list[str]:
    match = re.fullmatch(QUERY_ONLY, message, re.S)
    return re.findall(r"`(\w+)`", match.group("params")) if match else []


def _explain_rejection(candidates: list[Deviation], response: Any) -> list[Deviation]:
    if response.status_code != 400:
        return []
    try:
        errors = response.json().get("errors") or {}
    except ValueError:
        return []
    used: list[Deviation] = []
    for key, messages in errors.items():
        for text in messages:
            match = next((d for d in candidates if d.explains_error(key, text)), None)
            if match is None:
                return []
            if match not in used:
                used.append(match)
    return used
