from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.get_suppliers_response_200_items_item_supplier_due_date_rule import GetSuppliersResponse200ItemsItemSupplierDueDateRule
from ..models.get_suppliers_response_200_items_item_supplier_payment_method import GetSuppliersResponse200ItemsItemSupplierPaymentMethod
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.get_suppliers_response_200_items_item_ledger_account_type_0 import GetSuppliersResponse200ItemsItemLedgerAccountType0
  from ..models.get_suppliers_response_200_items_item_postal_address import GetSuppliersResponse200ItemsItemPostalAddress





T = TypeVar("T", bound="GetSuppliersResponse200ItemsItem")



@_attrs_define
class GetSuppliersResponse200ItemsItem:
    """ 
        Attributes:
            id (int):  Example: 42.
            name (str):  Example: Pennylane.
            establishment_no (None | str): Supplier identification number (SIRET).
                - 14-digit number combining SIREN (9 digits) and NIC (5 digits)
                - Only applicable for French companies
                 Example: 82762938500014.
            reg_no (None | str): Supplier registration number (SIREN).
                - 9-digit number
                - Only applicable for French companies
                 Example: 827629385.
            vat_number (str):  Example: FR32123456789.
            ledger_account (GetSuppliersResponse200ItemsItemLedgerAccountType0 | None):
            emails (list[str]):  Example: ['hello@example.org'].
            iban (str): The IBAN of the supplier Example: FRXXXXXXXXXXXXXXXXXXXXXXXXX.
            postal_address (GetSuppliersResponse200ItemsItemPostalAddress):
            supplier_payment_method (GetSuppliersResponse200ItemsItemSupplierPaymentMethod):
            supplier_due_date_delay (int | None):  Example: 30.
            supplier_due_date_rule (GetSuppliersResponse200ItemsItemSupplierDueDateRule):
            external_reference (str): The unique external reference that was assigned during creation either by you or
                Pennylane Example: FR123.
            created_at (datetime.datetime):  Example: 2023-08-30T10:08:08.146343Z.
            updated_at (datetime.datetime):  Example: 2023-08-30T10:08:08.146343Z.
     """

    id: int
    name: str
    establishment_no: None | str
    reg_no: None | str
    vat_number: str
    ledger_account: GetSuppliersResponse200ItemsItemLedgerAccountType0 | None
    emails: list[str]
    iban: str
    postal_address: GetSuppliersResponse200ItemsItemPostalAddress
    supplier_payment_method: GetSuppliersResponse200ItemsItemSupplierPaymentMethod
    supplier_due_date_delay: int | None
    supplier_due_date_rule: GetSuppliersResponse200ItemsItemSupplierDueDateRule
    external_reference: str
    created_at: datetime.datetime
    updated_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        from ..models.get_suppliers_response_200_items_item_ledger_account_type_0 import GetSuppliersResponse200ItemsItemLedgerAccountType0 # noqa: PLC0415
        from ..models.get_suppliers_response_200_items_item_postal_address import GetSuppliersResponse200ItemsItemPostalAddress # noqa: PLC0415
        id = self.id

        name = self.name

        establishment_no: None | str
        establishment_no = self.establishment_no

        reg_no: None | str
        reg_no = self.reg_no

        vat_number = self.vat_number

        ledger_account: dict[str, Any] | None
        if isinstance(self.ledger_account, GetSuppliersResponse200ItemsItemLedgerAccountType0):
            ledger_account = self.ledger_account.to_dict()
        else:
            ledger_account = self.ledger_account

        emails = self.emails



        iban = self.iban

        postal_address = self.postal_address.to_dict()

        supplier_payment_method = self.supplier_payment_method.value

        supplier_due_date_delay: int | None
        supplier_due_date_delay = self.supplier_due_date_delay

        supplier_due_date_rule = self.supplier_due_date_rule.value

        external_reference = self.external_reference

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "name": name,
            "establishment_no": establishment_no,
            "reg_no": reg_no,
            "vat_number": vat_number,
            "ledger_account": ledger_account,
            "emails": emails,
            "iban": iban,
            "postal_address": postal_address,
            "supplier_payment_method": supplier_payment_method,
            "supplier_due_date_delay": supplier_due_date_delay,
            "supplier_due_date_rule": supplier_due_date_rule,
            "external_reference": external_reference,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.get_suppliers_response_200_items_item_ledger_account_type_0 import GetSuppliersResponse200ItemsItemLedgerAccountType0 # noqa: PLC0415
        from ..models.get_suppliers_response_200_items_item_postal_address import GetSuppliersResponse200ItemsItemPostalAddress # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        def _parse_establishment_no(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        establishment_no = _parse_establishment_no(d.pop("establishment_no"))


        def _parse_reg_no(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reg_no = _parse_reg_no(d.pop("reg_no"))


        vat_number = d.pop("vat_number")

        def _parse_ledger_account(data: object) -> GetSuppliersResponse200ItemsItemLedgerAccountType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                ledger_account_type_0 = GetSuppliersResponse200ItemsItemLedgerAccountType0.from_dict(data)



                return ledger_account_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GetSuppliersResponse200ItemsItemLedgerAccountType0 | None, data)

        ledger_account = _parse_ledger_account(d.pop("ledger_account"))


        emails = cast(list[str], d.pop("emails"))


        iban = d.pop("iban")

        postal_address = GetSuppliersResponse200ItemsItemPostalAddress.from_dict(d.pop("postal_address"))




        supplier_payment_method = GetSuppliersResponse200ItemsItemSupplierPaymentMethod(d.pop("supplier_payment_method"))




        def _parse_supplier_due_date_delay(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        supplier_due_date_delay = _parse_supplier_due_date_delay(d.pop("supplier_due_date_delay"))


        supplier_due_date_rule = GetSuppliersResponse200ItemsItemSupplierDueDateRule(d.pop("supplier_due_date_rule"))




        external_reference = d.pop("external_reference")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        get_suppliers_response_200_items_item = cls(
            id=id,
            name=name,
            establishment_no=establishment_no,
            reg_no=reg_no,
            vat_number=vat_number,
            ledger_account=ledger_account,
            emails=emails,
            iban=iban,
            postal_address=postal_address,
            supplier_payment_method=supplier_payment_method,
            supplier_due_date_delay=supplier_due_date_delay,
            supplier_due_date_rule=supplier_due_date_rule,
            external_reference=external_reference,
            created_at=created_at,
            updated_at=updated_at,
        )

        return get_suppliers_response_200_items_item

