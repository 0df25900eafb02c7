"""Marketing: the family's own tests.

They grow as operations move from planned to served (``docs/adding-a-family.md``);
``api`` is the shared fixture of ``tests/conftest.py``."""

from mockst.api import registry
from mockst.testing import TenantApi


def test_the_family_is_registered() -> None:
    family = registry.family("marketing")
    assert any(op.family == family for op in registry.operations())


def test_a_list_answers_a_page(api: TenantApi) -> None:
    response = api.call("CampaignCategories_GetList")
    assert response.status_code == 200, response.text
    assert response.json()["data"] == []
