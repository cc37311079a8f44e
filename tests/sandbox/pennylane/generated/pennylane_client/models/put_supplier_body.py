from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.put_supplier_body_supplier_due_date_rule import PutSupplierBodySupplierDueDateRule
from ..models.put_supplier_body_supplier_payment_method import PutSupplierBodySupplierPaymentMethod
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.put_supplier_body_postal_address import PutSupplierBodyPostalAddress





T = TypeVar("T", bound="PutSupplierBody")



@_attrs_define
class PutSupplierBody:
    """ 
        Attributes:
            name (str | Unset):  Example: Pennylane.
            establishment_no (str | Unset): Supplier identification number (SIRET).
                - 14-digit number combining SIREN (9 digits) and NIC (5 digits)
                - Only applicable for French companies
                 Example: 82762938500014.
            reg_no (str | Unset): Supplier registration number (SIREN).
                - 9-digit number
                - Only applicable for French companies
                 Example: 827629385.
            postal_address (PutSupplierBodyPostalAddress | Unset):
            vat_number (str | Unset):  Example: FR32123456789.
            emails (list[str] | Unset):  Example: ['hello@example.org'].
            iban (str | Unset):  Example: FR3330002005500000157841Z25.
            supplier_payment_method (PutSupplierBodySupplierPaymentMethod | Unset):
            supplier_due_date_delay (int | None | Unset):  Example: 30.
            supplier_due_date_rule (PutSupplierBodySupplierDueDateRule | Unset):
            external_reference (str | Unset): The unique external reference that was assigned during creation either by you
                or Pennylane. Example: FR123.
     """

    name: str | Unset = UNSET
    establishment_no: str | Unset = UNSET
    reg_no: str | Unset = UNSET
    postal_address: PutSupplierBodyPostalAddress | Unset = UNSET
    vat_number: str | Unset = UNSET
    emails: list[str] | Unset = UNSET
    iban: str | Unset = UNSET
    supplier_payment_method: PutSupplierBodySupplierPaymentMethod | Unset = UNSET
    supplier_due_date_delay: int | None | Unset = UNSET
    supplier_due_date_rule: PutSupplierBodySupplierDueDateRule | Unset = UNSET
    external_reference: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.put_supplier_body_postal_address import PutSupplierBodyPostalAddress # noqa: PLC0415
        name = self.name

        establishment_no = self.establishment_no

        reg_no = self.reg_no

        postal_address: dict[str, Any] | Unset = UNSET
        if not isinstance(self.postal_address, Unset):
            postal_address = self.postal_address.to_dict()

        vat_number = self.vat_number

        emails: list[str] | Unset = UNSET
        if not isinstance(self.emails, Unset):
            emails = self.emails



        iban = self.iban

        supplier_payment_method: str | Unset = UNSET
        if not isinstance(self.supplier_payment_method, Unset):
            supplier_payment_method = self.supplier_payment_method.value


        supplier_due_date_delay: int | None | Unset
        if isinstance(self.supplier_due_date_delay, Unset):
            supplier_due_date_delay = UNSET
        else:
            supplier_due_date_delay = self.supplier_due_date_delay

        supplier_due_date_rule: str | Unset = UNSET
        if not isinstance(self.supplier_due_date_rule, Unset):
            supplier_due_date_rule = self.supplier_due_date_rule.value


        external_reference = self.external_reference


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if name is not UNSET:
            field_dict["name"] = name
        if establishment_no is not UNSET:
            field_dict["establishment_no"] = establishment_no
        if reg_no is not UNSET:
            field_dict["reg_no"] = reg_no
        if postal_address is not UNSET:
            field_dict["postal_address"] = postal_address
        if vat_number is not UNSET:
            field_dict["vat_number"] = vat_number
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
        from ..models.put_supplier_body_postal_address import PutSupplierBodyPostalAddress # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        establishment_no = d.pop("establishment_no", UNSET)

        reg_no = d.pop("reg_no", UNSET)

        _postal_address = d.pop("postal_address", UNSET)
        postal_address: PutSupplierBodyPostalAddress | Unset
        if isinstance(_postal_address,  Unset):
            postal_address = UNSET
        else:
            postal_address = PutSupplierBodyPostalAddress.from_dict(_postal_address)




        vat_number = d.pop("vat_number", UNSET)

        emails = cast(list[str], d.pop("emails", UNSET))


        iban = d.pop("iban", UNSET)

        _supplier_payment_method = d.pop("supplier_payment_method", UNSET)
        supplier_payment_method: PutSupplierBodySupplierPaymentMethod | Unset
        if isinstance(_supplier_payment_method,  Unset):
            supplier_payment_method = UNSET
        else:
            supplier_payment_method = PutSupplierBodySupplierPaymentMethod(_supplier_payment_method)




        def _parse_supplier_due_date_delay(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        supplier_due_date_delay = _parse_supplier_due_date_delay(d.pop("supplier_due_date_delay", UNSET))


        _supplier_due_date_rule = d.pop("supplier_due_date_rule", UNSET)
        supplier_due_date_rule: PutSupplierBodySupplierDueDateRule | Unset
        if isinstance(_supplier_due_date_rule,  Unset):
            supplier_due_date_rule = UNSET
        else:
            supplier_due_date_rule = PutSupplierBodySupplierDueDateRule(_supplier_due_date_rule)




        external_reference = d.pop("external_reference", UNSET)

        put_supplier_body = cls(
            name=name,
            establishment_no=establishment_no,
            reg_no=reg_no,
            postal_address=postal_address,
            vat_number=vat_number,
            emails=emails,
            iban=iban,
            supplier_payment_method=supplier_payment_method,
            supplier_due_date_delay=supplier_due_date_delay,
            supplier_due_date_rule=supplier_due_date_rule,
            external_reference=external_reference,
        )

        return put_supplier_body

