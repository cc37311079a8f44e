from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.put_company_customer_body_billing_language import PutCompanyCustomerBodyBillingLanguage
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.put_company_customer_body_billing_address import PutCompanyCustomerBodyBillingAddress
  from ..models.put_company_customer_body_delivery_address_type_0 import PutCompanyCustomerBodyDeliveryAddressType0
  from ..models.put_company_customer_body_payment_conditions import PutCompanyCustomerBodyPaymentConditions





T = TypeVar("T", bound="PutCompanyCustomerBody")



@_attrs_define
class PutCompanyCustomerBody:
    """ 
        Attributes:
            name (str | Unset):  Example: My company.
            vat_number (str | Unset):  Example: FR12345678901.
            reg_no (str | Unset):  Example: 123456789.
            phone (str | Unset):  Example: +33612345678.
            billing_address (PutCompanyCustomerBodyBillingAddress | Unset):
            delivery_address (None | PutCompanyCustomerBodyDeliveryAddressType0 | Unset):
            payment_conditions (PutCompanyCustomerBodyPaymentConditions | Unset):
            billing_iban (None | str | Unset):  Example: FR1420041010050500013M02606.
            recipient (str | Unset): The name of the person to whom the invoice is addressed Example: John Doe.
            reference (None | str | Unset):  Example: REF-1234.
            notes (None | str | Unset):  Example: Some notes.
            emails (list[str] | Unset):  Example: ['hello@example.org'].
            external_reference (str | Unset): You can use your own unique value when creating the customer. If not provided,
                Pennylane will pick one for you. Value must be unique Example: 0e67fc3c-c632-4feb-ad34-e18ed5fbf66a.
            billing_language (PutCompanyCustomerBodyBillingLanguage | Unset): The language in which the customer will
                receive invoices. Default is `fr_FR`
     """

    name: str | Unset = UNSET
    vat_number: str | Unset = UNSET
    reg_no: str | Unset = UNSET
    phone: str | Unset = UNSET
    billing_address: PutCompanyCustomerBodyBillingAddress | Unset = UNSET
    delivery_address: None | PutCompanyCustomerBodyDeliveryAddressType0 | Unset = UNSET
    payment_conditions: PutCompanyCustomerBodyPaymentConditions | Unset = UNSET
    billing_iban: None | str | Unset = UNSET
    recipient: str | Unset = UNSET
    reference: None | str | Unset = UNSET
    notes: None | str | Unset = UNSET
    emails: list[str] | Unset = UNSET
    external_reference: str | Unset = UNSET
    billing_language: PutCompanyCustomerBodyBillingLanguage | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.put_company_customer_body_billing_address import PutCompanyCustomerBodyBillingAddress # noqa: PLC0415
        from ..models.put_company_customer_body_delivery_address_type_0 import PutCompanyCustomerBodyDeliveryAddressType0 # noqa: PLC0415
        from ..models.put_company_customer_body_payment_conditions import PutCompanyCustomerBodyPaymentConditions # noqa: PLC0415
        name = self.name

        vat_number = self.vat_number

        reg_no = self.reg_no

        phone = self.phone

        billing_address: dict[str, Any] | Unset = UNSET
        if not isinstance(self.billing_address, Unset):
            billing_address = self.billing_address.to_dict()

        delivery_address: dict[str, Any] | None | Unset
        if isinstance(self.delivery_address, Unset):
            delivery_address = UNSET
        elif isinstance(self.delivery_address, PutCompanyCustomerBodyDeliveryAddressType0):
            delivery_address = self.delivery_address.to_dict()
        else:
            delivery_address = self.delivery_address

        payment_conditions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.payment_conditions, Unset):
            payment_conditions = self.payment_conditions.to_dict()

        billing_iban: None | str | Unset
        if isinstance(self.billing_iban, Unset):
            billing_iban = UNSET
        else:
            billing_iban = self.billing_iban

        recipient = self.recipient

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        emails: list[str] | Unset = UNSET
        if not isinstance(self.emails, Unset):
            emails = self.emails



        external_reference = self.external_reference

        billing_language: str | Unset = UNSET
        if not isinstance(self.billing_language, Unset):
            billing_language = self.billing_language.value



        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if name is not UNSET:
            field_dict["name"] = name
        if vat_number is not UNSET:
            field_dict["vat_number"] = vat_number
        if reg_no is not UNSET:
            field_dict["reg_no"] = reg_no
        if phone is not UNSET:
            field_dict["phone"] = phone
        if billing_address is not UNSET:
            field_dict["billing_address"] = billing_address
        if delivery_address is not UNSET:
            field_dict["delivery_address"] = delivery_address
        if payment_conditions is not UNSET:
            field_dict["payment_conditions"] = payment_conditions
        if billing_iban is not UNSET:
            field_dict["billing_iban"] = billing_iban
        if recipient is not UNSET:
            field_dict["recipient"] = recipient
        if reference is not UNSET:
            field_dict["reference"] = reference
        if notes is not UNSET:
            field_dict["notes"] = notes
        if emails is not UNSET:
            field_dict["emails"] = emails
        if external_reference is not UNSET:
            field_dict["external_reference"] = external_reference
        if billing_language is not UNSET:
            field_dict["billing_language"] = billing_language

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.put_company_customer_body_billing_address import PutCompanyCustomerBodyBillingAddress # noqa: PLC0415
        from ..models.put_company_customer_body_delivery_address_type_0 import PutCompanyCustomerBodyDeliveryAddressType0 # noqa: PLC0415
        from ..models.put_company_customer_body_payment_conditions import PutCompanyCustomerBodyPaymentConditions # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        vat_number = d.pop("vat_number", UNSET)

        reg_no = d.pop("reg_no", UNSET)

        phone = d.pop("phone", UNSET)

        _billing_address = d.pop("billing_address", UNSET)
        billing_address: PutCompanyCustomerBodyBillingAddress | Unset
        if isinstance(_billing_address,  Unset):
            billing_address = UNSET
        else:
            billing_address = PutCompanyCustomerBodyBillingAddress.from_dict(_billing_address)




        def _parse_delivery_address(data: object) -> None | PutCompanyCustomerBodyDeliveryAddressType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                delivery_address_type_0 = PutCompanyCustomerBodyDeliveryAddressType0.from_dict(data)



                return delivery_address_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PutCompanyCustomerBodyDeliveryAddressType0 | Unset, data)

        delivery_address = _parse_delivery_address(d.pop("delivery_address", UNSET))


        _payment_conditions = d.pop("payment_conditions", UNSET)
        payment_conditions: PutCompanyCustomerBodyPaymentConditions | Unset
        if isinstance(_payment_conditions,  Unset):
            payment_conditions = UNSET
        else:
            payment_conditions = PutCompanyCustomerBodyPaymentConditions.from_dict(_payment_conditions)




        def _parse_billing_iban(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        billing_iban = _parse_billing_iban(d.pop("billing_iban", UNSET))


        recipient = d.pop("recipient", UNSET)

        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))


        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))


        emails = cast(list[str], d.pop("emails", UNSET))


        external_reference = d.pop("external_reference", UNSET)

        _billing_language = d.pop("billing_language", UNSET)
        billing_language: PutCompanyCustomerBodyBillingLanguage | Unset
        if isinstance(_billing_language,  Unset):
            billing_language = UNSET
        else:
            billing_language = PutCompanyCustomerBodyBillingLanguage(_billing_language)




        put_company_customer_body = cls(
            name=name,
            vat_number=vat_number,
            reg_no=reg_no,
            phone=phone,
            billing_address=billing_address,
            delivery_address=delivery_address,
            payment_conditions=payment_conditions,
            billing_iban=billing_iban,
            recipient=recipient,
            reference=reference,
            notes=notes,
            emails=emails,
            external_reference=external_reference,
            billing_language=billing_language,
        )

        return put_company_customer_body

