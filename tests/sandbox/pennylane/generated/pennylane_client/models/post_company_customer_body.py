from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.post_company_customer_body_billing_language import PostCompanyCustomerBodyBillingLanguage
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.post_company_customer_body_billing_address import PostCompanyCustomerBodyBillingAddress
  from ..models.post_company_customer_body_delivery_address import PostCompanyCustomerBodyDeliveryAddress
  from ..models.post_company_customer_body_ledger_account_type_0 import PostCompanyCustomerBodyLedgerAccountType0
  from ..models.post_company_customer_body_payment_conditions import PostCompanyCustomerBodyPaymentConditions





T = TypeVar("T", bound="PostCompanyCustomerBody")



@_attrs_define
class PostCompanyCustomerBody:
    """ 
        Attributes:
            name (str):  Example: My company.
            billing_address (PostCompanyCustomerBodyBillingAddress):
            vat_number (str | Unset):  Example: FR12345678901.
            reg_no (str | Unset):  Example: 123456789.
            ledger_account (None | PostCompanyCustomerBodyLedgerAccountType0 | Unset):
            phone (str | Unset):  Example: +33612345678.
            delivery_address (PostCompanyCustomerBodyDeliveryAddress | Unset):
            payment_conditions (PostCompanyCustomerBodyPaymentConditions | Unset):
            billing_iban (None | str | Unset):  Example: FR1420041010050500013M02606.
            recipient (str | Unset): The name of the person to whom the invoice is addressed Example: John Doe.
            reference (None | str | Unset):  Example: REF-1234.
            notes (None | str | Unset):  Example: Some notes.
            emails (list[str] | Unset):  Example: ['hello@example.org'].
            external_reference (str | Unset): You can use your own unique value when creating the customer. If not provided,
                Pennylane will pick one for you. Value must be unique Example: 0e67fc3c-c632-4feb-ad34-e18ed5fbf66a.
            billing_language (PostCompanyCustomerBodyBillingLanguage | Unset): The language in which the customer will
                receive invoices. Default is `fr_FR`
     """

    name: str
    billing_address: PostCompanyCustomerBodyBillingAddress
    vat_number: str | Unset = UNSET
    reg_no: str | Unset = UNSET
    ledger_account: None | PostCompanyCustomerBodyLedgerAccountType0 | Unset = UNSET
    phone: str | Unset = UNSET
    delivery_address: PostCompanyCustomerBodyDeliveryAddress | Unset = UNSET
    payment_conditions: PostCompanyCustomerBodyPaymentConditions | Unset = UNSET
    billing_iban: None | str | Unset = UNSET
    recipient: str | Unset = UNSET
    reference: None | str | Unset = UNSET
    notes: None | str | Unset = UNSET
    emails: list[str] | Unset = UNSET
    external_reference: str | Unset = UNSET
    billing_language: PostCompanyCustomerBodyBillingLanguage | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.post_company_customer_body_billing_address import PostCompanyCustomerBodyBillingAddress # noqa: PLC0415
        from ..models.post_company_customer_body_delivery_address import PostCompanyCustomerBodyDeliveryAddress # noqa: PLC0415
        from ..models.post_company_customer_body_ledger_account_type_0 import PostCompanyCustomerBodyLedgerAccountType0 # noqa: PLC0415
        from ..models.post_company_customer_body_payment_conditions import PostCompanyCustomerBodyPaymentConditions # noqa: PLC0415
        name = self.name

        billing_address = self.billing_address.to_dict()

        vat_number = self.vat_number

        reg_no = self.reg_no

        ledger_account: dict[str, Any] | None | Unset
        if isinstance(self.ledger_account, Unset):
            ledger_account = UNSET
        elif isinstance(self.ledger_account, PostCompanyCustomerBodyLedgerAccountType0):
            ledger_account = self.ledger_account.to_dict()
        else:
            ledger_account = self.ledger_account

        phone = self.phone

        delivery_address: dict[str, Any] | Unset = UNSET
        if not isinstance(self.delivery_address, Unset):
            delivery_address = self.delivery_address.to_dict()

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
            "name": name,
            "billing_address": billing_address,
        })
        if vat_number is not UNSET:
            field_dict["vat_number"] = vat_number
        if reg_no is not UNSET:
            field_dict["reg_no"] = reg_no
        if ledger_account is not UNSET:
            field_dict["ledger_account"] = ledger_account
        if phone is not UNSET:
            field_dict["phone"] = phone
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
        from ..models.post_company_customer_body_billing_address import PostCompanyCustomerBodyBillingAddress # noqa: PLC0415
        from ..models.post_company_customer_body_delivery_address import PostCompanyCustomerBodyDeliveryAddress # noqa: PLC0415
        from ..models.post_company_customer_body_ledger_account_type_0 import PostCompanyCustomerBodyLedgerAccountType0 # noqa: PLC0415
        from ..models.post_company_customer_body_payment_conditions import PostCompanyCustomerBodyPaymentConditions # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name")

        billing_address = PostCompanyCustomerBodyBillingAddress.from_dict(d.pop("billing_address"))




        vat_number = d.pop("vat_number", UNSET)

        reg_no = d.pop("reg_no", UNSET)

        def _parse_ledger_account(data: object) -> None | PostCompanyCustomerBodyLedgerAccountType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                ledger_account_type_0 = PostCompanyCustomerBodyLedgerAccountType0.from_dict(data)



                return ledger_account_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PostCompanyCustomerBodyLedgerAccountType0 | Unset, data)

        ledger_account = _parse_ledger_account(d.pop("ledger_account", UNSET))


        phone = d.pop("phone", UNSET)

        _delivery_address = d.pop("delivery_address", UNSET)
        delivery_address: PostCompanyCustomerBodyDeliveryAddress | Unset
        if isinstance(_delivery_address,  Unset):
            delivery_address = UNSET
        else:
            delivery_address = PostCompanyCustomerBodyDeliveryAddress.from_dict(_delivery_address)




        _payment_conditions = d.pop("payment_conditions", UNSET)
        payment_conditions: PostCompanyCustomerBodyPaymentConditions | Unset
        if isinstance(_payment_conditions,  Unset):
            payment_conditions = UNSET
        else:
            payment_conditions = PostCompanyCustomerBodyPaymentConditions.from_dict(_payment_conditions)




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
        billing_language: PostCompanyCustomerBodyBillingLanguage | Unset
        if isinstance(_billing_language,  Unset):
            billing_language = UNSET
        else:
            billing_language = PostCompanyCustomerBodyBillingLanguage(_billing_language)




        post_company_customer_body = cls(
            name=name,
            billing_address=billing_address,
            vat_number=vat_number,
            reg_no=reg_no,
            ledger_account=ledger_account,
            phone=phone,
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

        return post_company_customer_body

