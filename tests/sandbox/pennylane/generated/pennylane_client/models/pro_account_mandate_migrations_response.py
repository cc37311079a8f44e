from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.pro_account_mandate_migrations_response_direct_debit_method import ProAccountMandateMigrationsResponseDirectDebitMethod
from ..models.pro_account_mandate_migrations_response_status import ProAccountMandateMigrationsResponseStatus
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.pro_account_mandate_migrations_response_customer_type_0 import ProAccountMandateMigrationsResponseCustomerType0
  from ..models.pro_account_mandate_migrations_response_mandate import ProAccountMandateMigrationsResponseMandate





T = TypeVar("T", bound="ProAccountMandateMigrationsResponse")



@_attrs_define
class ProAccountMandateMigrationsResponse:
    """ 
        Attributes:
            id (int): Numeric ID extracted from the display_id Example: 42.
            status (ProAccountMandateMigrationsResponseStatus): Status of the mandate migration candidate.
                - `available`: The mandate is available for migration
                - `completed`: The mandate has been successfully migrated
                 Example: available.
            direct_debit_method (ProAccountMandateMigrationsResponseDirectDebitMethod): The direct debit method used by this
                mandate.
                - `GoCardless`: GoCardless mandate
                - `XML`: SEPA XML mandate
                - `ProAccount`: Pro Account mandate
                 Example: GoCardless.
            signed_at (datetime.datetime | None): Date when the mandate was signed Example: 2023-08-07T14:23:12.000Z.
            error_message (None | str): Error message if the migration failed
            migrated_at (datetime.datetime | None): Date when the mandate was successfully migrated
            migration_started_at (datetime.datetime | None): Date when the migration was started
            mandate (ProAccountMandateMigrationsResponseMandate): A polymorphic mandate object can either be a SepaMandate
                or a Gocardless mandate.
            customer (None | ProAccountMandateMigrationsResponseCustomerType0): The customer associated with this mandate
            created_at (datetime.datetime): Creation date of the mandate migration candidate Example:
                2023-08-07T14:23:12.000Z.
            updated_at (datetime.datetime): Last update date of the mandate migration candidate Example:
                2023-08-07T14:23:12.000Z.
     """

    id: int
    status: ProAccountMandateMigrationsResponseStatus
    direct_debit_method: ProAccountMandateMigrationsResponseDirectDebitMethod
    signed_at: datetime.datetime | None
    error_message: None | str
    migrated_at: datetime.datetime | None
    migration_started_at: datetime.datetime | None
    mandate: ProAccountMandateMigrationsResponseMandate
    customer: None | ProAccountMandateMigrationsResponseCustomerType0
    created_at: datetime.datetime
    updated_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        from ..models.pro_account_mandate_migrations_response_customer_type_0 import ProAccountMandateMigrationsResponseCustomerType0 # noqa: PLC0415
        from ..models.pro_account_mandate_migrations_response_mandate import ProAccountMandateMigrationsResponseMandate # noqa: PLC0415
        id = self.id

        status = self.status.value

        direct_debit_method = self.direct_debit_method.value

        signed_at: None | str
        if isinstance(self.signed_at, datetime.datetime):
            signed_at = self.signed_at.isoformat()
        else:
            signed_at = self.signed_at

        error_message: None | str
        error_message = self.error_message

        migrated_at: None | str
        if isinstance(self.migrated_at, datetime.datetime):
            migrated_at = self.migrated_at.isoformat()
        else:
            migrated_at = self.migrated_at

        migration_started_at: None | str
        if isinstance(self.migration_started_at, datetime.datetime):
            migration_started_at = self.migration_started_at.isoformat()
        else:
            migration_started_at = self.migration_started_at

        mandate = self.mandate.to_dict()

        customer: dict[str, Any] | None
        if isinstance(self.customer, ProAccountMandateMigrationsResponseCustomerType0):
            customer = self.customer.to_dict()
        else:
            customer = self.customer

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "status": status,
            "direct_debit_method": direct_debit_method,
            "signed_at": signed_at,
            "error_message": error_message,
            "migrated_at": migrated_at,
            "migration_started_at": migration_started_at,
            "mandate": mandate,
            "customer": customer,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pro_account_mandate_migrations_response_customer_type_0 import ProAccountMandateMigrationsResponseCustomerType0 # noqa: PLC0415
        from ..models.pro_account_mandate_migrations_response_mandate import ProAccountMandateMigrationsResponseMandate # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        status = ProAccountMandateMigrationsResponseStatus(d.pop("status"))




        direct_debit_method = ProAccountMandateMigrationsResponseDirectDebitMethod(d.pop("direct_debit_method"))




        def _parse_signed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                signed_at_type_0 = datetime.datetime.fromisoformat(data)



                return signed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        signed_at = _parse_signed_at(d.pop("signed_at"))


        def _parse_error_message(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error_message = _parse_error_message(d.pop("error_message"))


        def _parse_migrated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                migrated_at_type_0 = datetime.datetime.fromisoformat(data)



                return migrated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        migrated_at = _parse_migrated_at(d.pop("migrated_at"))


        def _parse_migration_started_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                migration_started_at_type_0 = datetime.datetime.fromisoformat(data)



                return migration_started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        migration_started_at = _parse_migration_started_at(d.pop("migration_started_at"))


        mandate = ProAccountMandateMigrationsResponseMandate.from_dict(d.pop("mandate"))




        def _parse_customer(data: object) -> None | ProAccountMandateMigrationsResponseCustomerType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                customer_type_0 = ProAccountMandateMigrationsResponseCustomerType0.from_dict(data)



                return customer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProAccountMandateMigrationsResponseCustomerType0, data)

        customer = _parse_customer(d.pop("customer"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        pro_account_mandate_migrations_response = cls(
            id=id,
            status=status,
            direct_debit_method=direct_debit_method,
            signed_at=signed_at,
            error_message=error_message,
            migrated_at=migrated_at,
            migration_started_at=migration_started_at,
            mandate=mandate,
            customer=customer,
            created_at=created_at,
            updated_at=updated_at,
        )

        return pro_account_mandate_migrations_response

