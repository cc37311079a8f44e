from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.pro_account_mandate_migrations_create_response_direct_debit_method import ProAccountMandateMigrationsCreateResponseDirectDebitMethod
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.pro_account_mandate_migrations_create_response_customer import ProAccountMandateMigrationsCreateResponseCustomer
  from ..models.pro_account_mandate_migrations_create_response_mandate import ProAccountMandateMigrationsCreateResponseMandate





T = TypeVar("T", bound="ProAccountMandateMigrationsCreateResponse")



@_attrs_define
class ProAccountMandateMigrationsCreateResponse:
    """ 
        Attributes:
            id (int):  Example: 42.
            status (str):  Example: pending.
            direct_debit_method (ProAccountMandateMigrationsCreateResponseDirectDebitMethod): The direct debit method used
                by this mandate.
                - `GoCardless`: GoCardless mandate
                - `XML`: SEPA mandate
                - `ProAccount`: Pro Account mandate
                 Example: GoCardless.
            signed_at (datetime.datetime | None): Date when the mandate was signed Example: 2023-08-07T14:23:12.000Z.
            error_message (None | str): Error message if the migration failed
            migrated_at (datetime.datetime | None): Date when the mandate was successfully migrated
            migration_started_at (datetime.datetime | None): Date when the migration was started
            created_at (datetime.datetime):  Example: 2023-08-07T14:23:12.000Z.
            updated_at (datetime.datetime):  Example: 2023-08-07T14:23:12.000Z.
            mandate (ProAccountMandateMigrationsCreateResponseMandate): A polymorphic mandate object can either be a
                SepaMandate or a Gocardless mandate.
            customer (ProAccountMandateMigrationsCreateResponseCustomer):
     """

    id: int
    status: str
    direct_debit_method: ProAccountMandateMigrationsCreateResponseDirectDebitMethod
    signed_at: datetime.datetime | None
    error_message: None | str
    migrated_at: datetime.datetime | None
    migration_started_at: datetime.datetime | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    mandate: ProAccountMandateMigrationsCreateResponseMandate
    customer: ProAccountMandateMigrationsCreateResponseCustomer





    def to_dict(self) -> dict[str, Any]:
        from ..models.pro_account_mandate_migrations_create_response_customer import ProAccountMandateMigrationsCreateResponseCustomer # noqa: PLC0415
        from ..models.pro_account_mandate_migrations_create_response_mandate import ProAccountMandateMigrationsCreateResponseMandate # noqa: PLC0415
        id = self.id

        status = self.status

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

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        mandate = self.mandate.to_dict()

        customer = self.customer.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "status": status,
            "direct_debit_method": direct_debit_method,
            "signed_at": signed_at,
            "error_message": error_message,
            "migrated_at": migrated_at,
            "migration_started_at": migration_started_at,
            "created_at": created_at,
            "updated_at": updated_at,
            "mandate": mandate,
            "customer": customer,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pro_account_mandate_migrations_create_response_customer import ProAccountMandateMigrationsCreateResponseCustomer # noqa: PLC0415
        from ..models.pro_account_mandate_migrations_create_response_mandate import ProAccountMandateMigrationsCreateResponseMandate # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        status = d.pop("status")

        direct_debit_method = ProAccountMandateMigrationsCreateResponseDirectDebitMethod(d.pop("direct_debit_method"))




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


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        mandate = ProAccountMandateMigrationsCreateResponseMandate.from_dict(d.pop("mandate"))




        customer = ProAccountMandateMigrationsCreateResponseCustomer.from_dict(d.pop("customer"))




        pro_account_mandate_migrations_create_response = cls(
            id=id,
            status=status,
            direct_debit_method=direct_debit_method,
            signed_at=signed_at,
            error_message=error_message,
            migrated_at=migrated_at,
            migration_started_at=migration_started_at,
            created_at=created_at,
            updated_at=updated_at,
            mandate=mandate,
            customer=customer,
        )

        return pro_account_mandate_migrations_create_response

