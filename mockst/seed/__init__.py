"""Realistic, reproducible demo data: ``populate_tenant`` and the world of ``mockst seed``.

``populate_tenant(world, tenant_id, seed=N)`` fills one tenant (see ``mockst.seed.populate``);
``demo_world(seed=N)`` builds a whole world with a quickstart-onboarded demo tenant filled that
way, which ``mockst seed --out world.json`` writes and ``mockst serve --world world.json`` loads.
"""

from mockst.seed.populate import populate_tenant
from mockst.seed.world import demo_world

__all__ = ["demo_world", "populate_tenant"]
