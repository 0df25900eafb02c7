"""The Settings family's part of a seeded story: the company, its units, tags, roles and staff."""

from __future__ import annotations

from datetime import timedelta

from mockst.seed.story import Story


def populate(story: Story) -> None:
    builder = story.builder
    builder.settings(story.setup, story.history_start + timedelta(days=story.history_days // 2))
    # one employee and one technician leave the company, after everything else happened
    story.after_events(lambda: builder.deactivate_one("employees", "Employees_AccountActions"))
    story.after_events(lambda: builder.deactivate_one("technicians", "Technicians_AccountActions"))
