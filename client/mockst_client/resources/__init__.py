"""Thin helpers, one class per ServiceTitan resource, shared by the sync and async clients."""

from .booking_provider_tags import BookingProviderTags
from .bookings import ProviderBookings, TenantBookings
from .capacity import Capacity
from .customers import Customers
from .jobs import Appointments, Campaigns, Jobs, JobTypes
from .leads import Leads
from .locations import Locations
from .settings import BusinessUnits, Employees, TagTypes, Technicians

__all__ = [
    "Appointments",
    "BookingProviderTags",
    "BusinessUnits",
    "Campaigns",
    "Capacity",
    "Customers",
    "Employees",
    "JobTypes",
    "Jobs",
    "Leads",
    "Locations",
    "ProviderBookings",
    "TagTypes",
    "Technicians",
    "TenantBookings",
]
