"""Enums and shared building blocks of the Settings v2 document.

Covers every enum of the official Settings document (employee and technician roles, positions,
account actions, license types, job filters, tag importance, external-data patch modes, the
user-role query enums and ``ActiveRequestArg``), the string formats it uses, and the two small
responses shared by several families: the account-action result and the modification result.
"""


from pydantic import ConfigDict

from mockst.api.shared_models import ActiveRequestArg as ActiveRequestArg
from mockst.api.shared_models import ModificationResponse as ModificationResponse
from mockst.api.types import SpecStrEnum, StModel, string_format

Email = string_format("email")
Phone = string_format("phone")
Html = string_format("html")
Password = string_format("password")
Duration = string_format("duration")


class EmployeeType(SpecStrEnum):
    __spec_name__ = "TenantSettings.V2.EmployeeType"

    EMPLOYEE = "Employee"
    TECHNICIAN = "Technician"


class RequestedEmployeeTypeArg(SpecStrEnum):
    __spec_name__ = "TenantSettings.V2.RequestedEmployeeTypeArg"

    NONE = "None"
    EMPLOYEE = "Employee"
    TECHNICIAN = "Technician"
    ALL = "All"


class EmployeeUserRole(SpecStrEnum):
    __spec_name__ = "TenantSettings.V2.EmployeeUserRole"

    UNSPECIFIED = "Unspecified"
    TECHNICIAN = "Technician"
    DISPATCH = "Dispatch"
    ACCOUNTING = "Accounting"
    FIELD_MANAGER = "FieldManager"
    DISPLAY_USER = "DisplayUser"
    DISPLAY_USER_WITH_BILLING_ACCESS = "DisplayUserWithBillingAccess"
    SALES_MANAGER = "SalesManager"
    CSR = "CSR"
    GENERAL_OFFICE = "GeneralOffice"
    TECHNICIAN_HELPER = "TechnicianHelper"
    TECHNICIAN_MAINTENANCE = "TechnicianMaintenance"
    TECHNICIAN_INSTALLER = "TechnicianInstaller"
    ADMIN = "Admin"
    TECHNICIAN_SERVICE = "TechnicianService"
    TECHNICIAN_SALES = "TechnicianSales"
    OWNER = "Owner"
    EMPTY_EMPLOYEE = "EmptyEmployee"
    EMPTY_TECHNICIAN = "EmptyTechnician"


class EmployeePosition(SpecStrEnum):
    __spec_name__ = "TenantSettings.V2.EmployeePosition"

    CSR = "CSR"
    DISPATCHER = "Dispatcher"
    CSR_MANAGER = "CsrManager"
    DISPATCH_MANAGER = "DispatchManager"
    INSTALL_PRODUCTION_MANAGER = "InstallProductionManager"
    SERVICE_MANAGER = "ServiceManager"
    SALES_MANAGER = "SalesManager"
    MARKETING_MANAGER = "MarketingManager"
    ADMINISTRATOR = "Administrator"
    PAYROLL_MANAGER = "PayrollManager"
    BOOKKEEPER = "Bookkeeper"
    PURCHASING_MANAGER = "PurchasingManager"
    WAREHOUSE_MANAGER = "WarehouseManager"
    OFFICE_MANAGER = "OfficeManager"
    GENERAL_MANAGER = "GeneralManager"
    BUSINESS_OWNER = "BusinessOwner"
    ANSWERING_SERVICE = "AnsweringService"
    INSIDE_SALES = "InsideSales"
    GENERAL_OFFICE_NON_MANAGEMENT = "GeneralOfficeNonManagement"


class AccountCreationMethod(SpecStrEnum):
    __spec_name__ = "TenantSettings.V2.AccountCreationMethod"

    CREATE_LATER = "CreateLater"
    SEND_INVITE = "SendInvite"
    ASSIGN_LOGIN_AND_PASSWORD = "AssignLoginAndPassword"


class AccountAction(SpecStrEnum):
    __spec_name__ = "TenantSettings.V2.AccountAction"

    ACTIVATE = "Activate"
    DEACTIVATE = "Deactivate"
    SEND_INVITE = "SendInvite"
    SEND_PASSWORD_RESET_LINK = "SendPasswordResetLink"


class AccountActionStatus(SpecStrEnum):
    __spec_name__ = "TenantSettings.V2.AccountActionStatus"

    SUCCESS = "Success"


class TechnicianPosition(SpecStrEnum):
    __spec_name__ = "TenantSettings.V2.TechnicianPosition"

    INSTALLER = "Installer"
    SERVICE = "Service"
    SALES = "Sales"
    MAINTENANCE = "Maintenance"
    HELPER = "Helper"
    INSTALL_PRODUCTION_MANAGER = "InstallProductionManager"
    SERVICE_MANAGER = "ServiceManager"
    SALES_MANAGER = "SalesManager"
    PART_RUNNER = "PartRunner"
    DUMMY_TECH = "DummyTech"


class TechnicianStatus(SpecStrEnum):
    __spec_name__ = "TenantSettings.V2.TechnicianStatus"

    IDLE = "Idle"
    DISPATCHED = "Dispatched"
    WORKING = "Working"
    MEAL = "Meal"


class LicenseType(SpecStrEnum):
    __spec_name__ = "TenantSettings.V2.LicenseType"

    NON_MANAGED_TECH = "NonManagedTech"
    MANAGED_TECH = "ManagedTech"
    MANAGED_INSTALLER = "ManagedInstaller"


class TechnicianLicenseType(SpecStrEnum):
    __spec_name__ = "IdentityUserManagement.TechnicianLicenseType"

    NON_MANAGED_TECHNICIAN = "NonManagedTechnician"
    MANAGED_TECHNICIAN = "ManagedTechnician"
    MANAGED_INSTALLER = "ManagedInstaller"


class JobFilter(SpecStrEnum):
    __spec_name__ = "TenantSettings.V2.JobFilter"

    ALL_SCHEDULED_DISPATCHED_WORKING = "AllScheduledDispatchedWorking"
    NEXT_SCHEDULED_DISPATCHED_WORKING = "NextScheduledDispatchedWorking"
    DISPATCHED_WORKING = "DispatchedWorking"
    NEXT_SCHEDULED_DISPATCHED_WORKING_TODAY = "NextScheduledDispatchedWorkingToday"
    ALL_SCHEDULED_DISPATCHED_WORKING_TODAY = "AllScheduledDispatchedWorkingToday"
    ALL_SCHEDULED_DISPATCHED_WORKING_FIVE_DAYS = "AllScheduledDispatchedWorkingFiveDays"
    NEXT_SCHEDULED_DISPATCHED_WORKING_TODAY_TOMORROW = "NextScheduledDispatchedWorkingTodayTomorrow"
    ALL_SCHEDULED_DISPATCHED_WORKING_TODAY_TOMORROW = "AllScheduledDispatchedWorkingTodayTomorrow"
    NEXT2_SCHEDULED_DISPATCHED_WORKING_TODAY = "Next2ScheduledDispatchedWorkingToday"


class JobHistoryDateFilter(SpecStrEnum):
    __spec_name__ = "TenantSettings.V2.JobHistoryDateFilter"

    ALL_JOBS = "AllJobs"
    LAST_THREE_DAYS = "LastThreeDays"
    LAST_SEVEN_DAYS = "LastSevenDays"
    LAST_MONTH = "LastMonth"


class TagImportance(SpecStrEnum):
    __spec_name__ = "TenantSettings.V2.TagImportance"

    MEDIUM = "Medium"
    HIGH = "High"


class ExternalDataPatchMode(SpecStrEnum):
    __spec_name__ = "TenantSettings.V2.ExternalDataPatchMode"

    REPLACE = "Replace"
    MERGE = "Merge"


class AccountActionResponse(StModel):
    model_config = ConfigDict(title="TenantSettings.V2.AccountActionResponse")

    status: AccountActionStatus


