from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.company_customers_response_billing_language import CompanyCustomersResponseBillingLanguage
from ..models.company_customers_response_payment_conditions import CompanyCustomersResponsePaymentConditions
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.company_customers_response_billing_address import CompanyCustomersResponseBillingAddress
  from ..models.company_customers_response_contacts import CompanyCustomersResponseContacts
  from ..models.company_customers_response_delivery_address import CompanyCustomersResponseDeliveryAddress
  from ..models.company_customers_response_ledger_account_type_0 import CompanyCustomersResponseLedgerAccountType0
  from ..models.company_customers_response_mandates import CompanyCustomersResponseMandates
  from ..models.company_customers_response_pro_account_mandates import CompanyCustomersResponseProAccountMandates





T = TypeVar("T", bound="CompanyCustomersResponse")



@_attrs_define
class CompanyCustomersResponse:
    """ 
        Attributes:
            id (int):  Example: 42.
            name (str):  Example: My Company.
            billing_iban (None | str):  Example: FR1420041010050500013M02606.
            payment_conditions (CompanyCustomersResponsePaymentConditions): Note that the `custom` option is only used on
                Pennylane's web app to avoid pre-filling the deadline when creating an invoice. On the API it has no effect and
                you will still have to provide a deadline when creating an invoice.
            recipient (str): The name of the person to whom the invoice is addressed Example: John Doe.
            phone (str):  Example: +33612345678.
            reference (None | str):  Example: REF-1234.
            notes (None | str):  Example: Some notes.
            vat_number (str):  Example: FR12345678901.
            reg_no (str):  Example: 123456789.
            ledger_account (CompanyCustomersResponseLedgerAccountType0 | None):
            emails (list[str]):  Example: ['hello@example.org'].
            billing_address (CompanyCustomersResponseBillingAddress):
            delivery_address (CompanyCustomersResponseDeliveryAddress):
            created_at (datetime.datetime):  Example: 2023-08-30T10:08:08.146343Z.
            updated_at (datetime.datetime):  Example: 2023-08-30T10:08:08.146343Z.
            external_reference (str): The unique external reference assigned to this customer, assigned on creation either
                by you or Pennylane. (Same attribute as `source_id` in the API v1) Example: 0e67fc3c-c632-4feb-
                ad34-e18ed5fbf66a.
            billing_language (CompanyCustomersResponseBillingLanguage): The language in which the customer will receive
                invoices. Default is `fr_FR`
            mandates (CompanyCustomersResponseMandates): GoCardless mandates associated with this customer
            pro_account_mandates (CompanyCustomersResponseProAccountMandates): Pro Account mandates associated with this
                customer
            contacts (CompanyCustomersResponseContacts):
     """

    id: int
    name: str
    billing_iban: None | str
    payment_conditions: CompanyCustomersResponsePaymentConditions
    recipient: str
    phone: str
    reference: None | str
    notes: None | str
    vat_number: str
    reg_no: str
    ledger_account: CompanyCustomersResponseLedgerAccountType0 | None
    emails: list[str]
    billing_address: CompanyCustomersResponseBillingAddress
    delivery_address: CompanyCustomersResponseDeliveryAddress
    created_at: datetime.datetime
    updated_at: datetime.datetime
    external_reference: str
    billing_language: CompanyCustomersResponseBillingLanguage
    mandates: CompanyCustomersResponseMandates
    pro_account_mandates: CompanyCustomersResponseProAccountMandates
    contacts: CompanyCustomersResponseContacts





    def to_dict(self) -> dict[str, Any]:
        from ..models.company_customers_response_billing_address import CompanyCustomersResponseBillingAddress # noqa: PLC0415
        from ..models.company_customers_response_contacts import CompanyCustomersResponseContacts # noqa: PLC0415
        from ..models.company_customers_response_delivery_address import CompanyCustomersResponseDeliveryAddress # noqa: PLC0415
        from ..models.company_customers_response_ledger_account_type_0 import CompanyCustomersResponseLedgerAccountType0 # noqa: PLC0415
        from ..models.company_customers_response_mandates import CompanyCustomersResponseMandates # noqa: PLC0415
        from ..models.company_customers_response_pro_account_mandates import CompanyCustomersResponseProAccountMandates # noqa: PLC0415
        id = self.id

        name = self.name

        billing_iban: None | str
        billing_iban = self.billing_iban

        payment_conditions = self.payment_conditions.value

        recipient = self.recipient

        phone = self.phone

        reference: None | str
        reference = self.reference

        notes: None | str
        notes = self.notes

        vat_number = self.vat_number

        reg_no = self.reg_no

        ledger_account: dict[str, Any] | None
        if isinstance(self.ledger_account, CompanyCustomersResponseLedgerAccountType0):
            ledger_account = self.ledger_account.to_dict()
        else:
            ledger_account = self.ledger_account

        emails = self.emails



        billing_address = self.billing_address.to_dict()

        delivery_address = self.delivery_address.to_dict()

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        external_reference = self.external_reference

        billing_language = self.billing_language.value

        mandates = self.mandates.to_dict()

        pro_account_mandates = self.pro_account_mandates.to_dict()

        contacts = self.contacts.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "name": name,
            "billing_iban": billing_iban,
            "payment_conditions": payment_conditions,
            "recipient": recipient,
            "phone": phone,
            "reference": reference,
            "notes": notes,
            "vat_number": vat_number,
            "reg_no": reg_no,
            "ledger_account": ledger_account,
            "emails": emails,
            "billing_address": billing_address,
            "delivery_address": delivery_address,
            "created_at": created_at,
            "updated_at": updated_at,
            "external_reference": external_reference,
            "billing_language": billing_language,
            "mandates": mandates,
            "pro_account_mandates": pro_account_mandates,
            "contacts": contacts,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.company_customers_response_billing_address import CompanyCustomersResponseBillingAddress # noqa: PLC0415
        from ..models.company_customers_response_contacts import CompanyCustomersResponseContacts # noqa: PLC0415
        from ..models.company_customers_response_delivery_address import CompanyCustomersResponseDeliveryAddress # noqa: PLC0415
        from ..models.company_customers_response_ledger_account_type_0 import CompanyCustomersResponseLedgerAccountType0 # noqa: PLC0415
        from ..models.company_customers_response_mandates import CompanyCustomersResponseMandates # noqa: PLC0415
        from ..models.company_customers_response_pro_account_mandates import CompanyCustomersResponseProAccountMandates # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        def _parse_billing_iban(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        billing_iban = _parse_billing_iban(d.pop("billing_iban"))


        payment_conditions = CompanyCustomersResponsePaymentConditions(d.pop("payment_conditions"))




        recipient = d.pop("recipient")

        phone = d.pop("phone")

        def _parse_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reference = _parse_reference(d.pop("reference"))


        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))


        vat_number = d.pop("vat_number")

        reg_no = d.pop("reg_no")

        def _parse_ledger_account(data: object) -> CompanyCustomersResponseLedgerAccountType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                ledger_account_type_0 = CompanyCustomersResponseLedgerAccountType0.from_dict(data)



                return ledger_account_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CompanyCustomersResponseLedgerAccountType0 | None, data)

        ledger_account = _parse_ledger_account(d.pop("ledger_account"))


        emails = cast(list[str], d.pop("emails"))


        billing_address = CompanyCustomersResponseBillingAddress.from_dict(d.pop("billing_address"))




        delivery_address = CompanyCustomersResponseDeliveryAddress.from_dict(d.pop("delivery_address"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        external_reference = d.pop("external_reference")

        billing_language = CompanyCustomersResponseBillingLanguage(d.pop("billing_language"))




        mandates = CompanyCustomersResponseMandates.from_dict(d.pop("mandates"))




        pro_account_mandates = CompanyCustomersResponseProAccountMandates.from_dict(d.pop("pro_account_mandates"))




        contacts = CompanyCustomersResponseContacts.from_dict(d.pop("contacts"))




        company_customers_response = cls(
            id=id,
            name=name,
            billing_iban=billing_iban,
            payment_conditions=payment_conditions,
            recipient=recipient,
            phone=phone,
            reference=reference,
            notes=notes,
            vat_number=vat_number,
            reg_no=reg_no,
            ledger_account=ledger_account,
            emails=emails,
            billing_address=billing_address,
            delivery_address=delivery_address,
            created_at=created_at,
            updated_at=updated_at,
            external_reference=external_reference,
            billing_language=billing_language,
            mandates=mandates,
            pro_account_mandates=pro_account_mandates,
            contacts=contacts,
        )

        return company_customers_response

