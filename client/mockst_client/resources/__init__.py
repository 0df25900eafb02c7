"""Thin helpers, one class per ServiceTitan resource, shared by the sync and async clients."""

from .booking_provider_tags import BookingProviderTags
from .bookings import ProviderBookings, TenantBookings
from .calls import Calls
from .capacity import Capacity
from .customers import Customers
from .equipment_systems import EquipmentTypes, InstalledEquipment
from .estimates import Estimates
from .jobs import Appointments, Campaigns, Jobs, JobTypes
from .leads import Leads
from .locations import Locations
from .pricebook import (
    Categories,
    DiscountsAndFees,
    Materials,
    Pricebook,
    PricebookEquipment,
    Services,
)
from .settings import BusinessUnits, Employees, TagTypes, Technicians

__all__ = [
    "Appointments",
    "BookingProviderTags",
    "BusinessUnits",
    "Calls",
    "Campaigns",
    "Capacity",
    "Categories",
    "Customers",
    "DiscountsAndFees",
    "Employees",
    "EquipmentTypes",
    "Estimates",
    "InstalledEquipment",
    "JobTypes",
    "Jobs",
    "Leads",
    "Locations",
    "Materials",
    "Pricebook",
    "PricebookEquipment",
    "ProviderBookings",
    "Services",
    "TagTypes",
    "Technicians",
    "TenantBookings",
]
