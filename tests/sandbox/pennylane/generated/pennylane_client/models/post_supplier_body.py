from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.post_supplier_body_supplier_due_date_rule import PostSupplierBodySupplierDueDateRule
from ..models.post_supplier_body_supplier_payment_method import PostSupplierBodySupplierPaymentMethod
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.post_supplier_body_ledger_account_type_0 import PostSupplierBodyLedgerAccountType0
  from ..models.post_supplier_body_postal_address import PostSupplierBodyPostalAddress





T = TypeVar("T", bound="PostSupplierBody")



@_attrs_define
class PostSupplierBody:
    """ 
        Attributes:
            name (str):  Example: Pennylane.
            establishment_no (str | Unset): Supplier identification number (SIRET).
                - 14-digit number combining SIREN (9 digits) and NIC (5 digits)
                - Only applicable for French companies
                 Example: 82762938500014.
            reg_no (str | Unset): Supplier registration number (SIREN).
                - 9-digit number
                - Only applicable for French companies
                 Example: 827629385.
            postal_address (PostSupplierBodyPostalAddress | Unset):
            vat_number (str | Unset):  Example: FR32123456789.
            ledger_account (None | PostSupplierBodyLedgerAccountType0 | Unset):
            emails (list[str] | Unset):  Example: ['hello@example.org'].
            iban (str | Unset):  Example: FR3330002005500000157841Z25.
            supplier_payment_method (PostSupplierBodySupplierPaymentMethod | Unset):
            supplier_due_date_delay (int | Unset):  Example: 30.
            supplier_due_date_rule (PostSupplierBodySupplierDueDateRule | Unset):
            external_reference (str | Unset): A unique external reference you can provide to track this supplier. If not
                provided, Pennylane will generate an identifier for you. Example: FR123.
     """

    name: str
    establishment_no: str | Unset = UNSET
    reg_no: str | Unset = UNSET
    postal_address: PostSupplierBodyPostalAddress | Unset = UNSET
    vat_number: str | Unset = UNSET
    ledger_account: None | PostSupplierBodyLedgerAccountType0 | Unset = UNSET
    emails: list[str] | Unset = UNSET
    iban: str | Unset = UNSET
    supplier_payment_method: PostSupplierBodySupplierPaymentMethod | Unset = UNSET
    supplier_due_date_delay: int | Unset = UNSET
    supplier_due_date_rule: PostSupplierBodySupplierDueDateRule | Unset = UNSET
    external_reference: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.post_supplier_body_ledger_account_type_0 import PostSupplierBodyLedgerAccountType0 # noqa: PLC0415
        from ..models.post_supplier_body_postal_address import PostSupplierBodyPostalAddress # noqa: PLC0415
        name = self.name

        establishment_no = self.establishment_no

        reg_no = self.reg_no

        postal_address: dict[str, Any] | Unset = UNSET
        if not isinstance(self.postal_address, Unset):
            postal_address = self.postal_address.to_dict()

        vat_number = self.vat_number

        ledger_account: dict[str, Any] | None | Unset
        if isinstance(self.ledger_account, Unset):
            ledger_account = UNSET
        elif isinstance(self.ledger_account, PostSupplierBodyLedgerAccountType0):
            ledger_account = self.ledger_account.to_dict()
        else:
            ledger_account = self.ledger_account

        emails: list[str] | Unset = UNSET
        if not isinstance(self.emails, Unset):
            emails = self.emails



        iban = self.iban

        supplier_payment_method: str | Unset = UNSET
        if not isinstance(self.supplier_payment_method, Unset):
            supplier_payment_method = self.supplier_payment_method.value


        supplier_due_date_delay = self.supplier_due_date_delay

        supplier_due_date_rule: str | Unset = UNSET
        if not isinstance(self.supplier_due_date_rule, Unset):
            supplier_due_date_rule = self.supplier_due_date_rule.value


        external_reference = self.external_reference


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
        })
        if establishment_no is not UNSET:
            field_dict["establishment_no"] = establishment_no
        if reg_no is not UNSET:
            field_dict["reg_no"] = reg_no
        if postal_address is not UNSET:
            field_dict["postal_address"] = postal_address
        if vat_number is not UNSET:
            field_dict["vat_number"] = vat_number
        if ledger_account is not UNSET:
            field_dict["ledger_account"] = ledger_account
        if emails is not UNSET:
            field_dict["emails"] = emails
        if iban is not UNSET:
            field_dict["iban"] = iban
        if supplier_payment_method is not UNSET:
            field_dict["supplier_payment_method"] = supplier_payment_method
        if supplier_due_date_delay is not UNSET:
            field_dict["supplier_due_date_delay"] = supplier_due_date_delay
        if supplier_due_date_rule is not UNSET:
            field_dict["supplier_due_date_rule"] = supplier_due_date_rule
        if external_reference is not UNSET:
            field_dict["external_reference"] = external_reference

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.post_supplier_body_ledger_account_type_0 import PostSupplierBodyLedgerAccountType0 # noqa: PLC0415
        from ..models.post_supplier_body_postal_address import PostSupplierBodyPostalAddress # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name")

        establishment_no = d.pop("establishment_no", UNSET)

        reg_no = d.pop("reg_no", UNSET)

        _postal_address = d.pop("postal_address", UNSET)
        postal_address: PostSupplierBodyPostalAddress | Unset
        if isinstance(_postal_address,  Unset):
            postal_address = UNSET
        else:
            postal_address = PostSupplierBodyPostalAddress.from_dict(_postal_address)




        vat_number = d.pop("vat_number", UNSET)

        def _parse_ledger_account(data: object) -> None | PostSupplierBodyLedgerAccountType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                ledger_account_type_0 = PostSupplierBodyLedgerAccountType0.from_dict(data)



                return ledger_account_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PostSupplierBodyLedgerAccountType0 | Unset, data)

        ledger_account = _parse_ledger_account(d.pop("ledger_account", UNSET))


        emails = cast(list[str], d.pop("emails", UNSET))


        iban = d.pop("iban", UNSET)

        _supplier_payment_method = d.pop("supplier_payment_method", UNSET)
        supplier_payment_method: PostSupplierBodySupplierPaymentMethod | Unset
        if isinstance(_supplier_payment_method,  Unset):
            supplier_payment_method = UNSET
        else:
            supplier_payment_method = PostSupplierBodySupplierPaymentMethod(_supplier_payment_method)




        supplier_due_date_delay = d.pop("supplier_due_date_delay", UNSET)

        _supplier_due_date_rule = d.pop("supplier_due_date_rule", UNSET)
        supplier_due_date_rule: PostSupplierBodySupplierDueDateRule | Unset
        if isinstance(_supplier_due_date_rule,  Unset):
            supplier_due_date_rule = UNSET
        else:
            supplier_due_date_rule = PostSupplierBodySupplierDueDateRule(_supplier_due_date_rule)




        external_reference = d.pop("external_reference", UNSET)

        post_supplier_body = cls(
            name=name,
            establishment_no=establishment_no,
            reg_no=reg_no,
            postal_address=postal_address,
            vat_number=vat_number,
            ledger_account=ledger_account,
            emails=emails,
            iban=iban,
            supplier_payment_method=supplier_payment_method,
            supplier_due_date_delay=supplier_due_date_delay,
            supplier_due_date_rule=supplier_due_date_rule,
            external_reference=external_reference,
        )

        return post_supplier_body

