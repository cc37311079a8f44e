from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.get_customers_response_200_company_customer_billing_language import GetCustomersResponse200CompanyCustomerBillingLanguage
from ..models.get_customers_response_200_company_customer_customer_type import GetCustomersResponse200CompanyCustomerCustomerType
from ..models.get_customers_response_200_company_customer_payment_conditions import GetCustomersResponse200CompanyCustomerPaymentConditions
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.get_customers_response_200_company_customer_billing_address import GetCustomersResponse200CompanyCustomerBillingAddress
  from ..models.get_customers_response_200_company_customer_contacts import GetCustomersResponse200CompanyCustomerContacts
  from ..models.get_customers_response_200_company_customer_delivery_address import GetCustomersResponse200CompanyCustomerDeliveryAddress
  from ..models.get_customers_response_200_company_customer_ledger_account_type_0 import GetCustomersResponse200CompanyCustomerLedgerAccountType0
  from ..models.get_customers_response_200_company_customer_mandates import GetCustomersResponse200CompanyCustomerMandates
  from ..models.get_customers_response_200_company_customer_pro_account_mandates import GetCustomersResponse200CompanyCustomerProAccountMandates





T = TypeVar("T", bound="GetCustomersResponse200CompanyCustomer")



@_attrs_define
class GetCustomersResponse200CompanyCustomer:
    """ 
        Attributes:
            id (int):  Example: 42.
            name (str):  Example: My company.
            billing_iban (None | str):  Example: FR1420041010050500013M02606.
            payment_conditions (GetCustomersResponse200CompanyCustomerPaymentConditions): Note that the `custom` option is
                only used on Pennylane's web app to avoid pre-filling the deadline when creating an invoice. On the API it has
                no effect and you will still have to provide a deadline when creating an invoice.
            recipient (str): The name of the person to whom the invoice is addressed Example: John Doe.
            phone (str):  Example: +33612345678.
            reference (None | str):  Example: REF-1234.
            notes (None | str):  Example: Some notes.
            vat_number (str):  Example: FR12345678901.
            reg_no (str):  Example: 123456789.
            ledger_account (GetCustomersResponse200CompanyCustomerLedgerAccountType0 | None):
            emails (list[str]):  Example: ['hello@example.org'].
            billing_address (GetCustomersResponse200CompanyCustomerBillingAddress):
            delivery_address (GetCustomersResponse200CompanyCustomerDeliveryAddress):
            created_at (datetime.datetime):  Example: 2023-08-30T10:08:08.146343Z.
            updated_at (datetime.datetime):  Example: 2023-08-30T10:08:08.146343Z.
            customer_type (GetCustomersResponse200CompanyCustomerCustomerType):
            external_reference (str): The unique external reference assigned to this customer, assigned on creation either
                by you or Pennylane. Example: 0e67fc3c-c632-4feb-ad34-e18ed5fbf66a.
            billing_language (GetCustomersResponse200CompanyCustomerBillingLanguage): The language in which the customer
                will receive invoices. Default is `fr_FR`
            mandates (GetCustomersResponse200CompanyCustomerMandates): GoCardless mandates associated with this customer
            pro_account_mandates (GetCustomersResponse200CompanyCustomerProAccountMandates): Pro Account mandates associated
                with this customer
            contacts (GetCustomersResponse200CompanyCustomerContacts):
     """

    id: int
    name: str
    billing_iban: None | str
    payment_conditions: GetCustomersResponse200CompanyCustomerPaymentConditions
    recipient: str
    phone: str
    reference: None | str
    notes: None | str
    vat_number: str
    reg_no: str
    ledger_account: GetCustomersResponse200CompanyCustomerLedgerAccountType0 | None
    emails: list[str]
    billing_address: GetCustomersResponse200CompanyCustomerBillingAddress
    delivery_address: GetCustomersResponse200CompanyCustomerDeliveryAddress
    created_at: datetime.datetime
    updated_at: datetime.datetime
    customer_type: GetCustomersResponse200CompanyCustomerCustomerType
    external_reference: str
    billing_language: GetCustomersResponse200CompanyCustomerBillingLanguage
    mandates: GetCustomersResponse200CompanyCustomerMandates
    pro_account_mandates: GetCustomersResponse200CompanyCustomerProAccountMandates
    contacts: GetCustomersResponse200CompanyCustomerContacts





    def to_dict(self) -> dict[str, Any]:
        from ..models.get_customers_response_200_company_customer_billing_address import GetCustomersResponse200CompanyCustomerBillingAddress # noqa: PLC0415
        from ..models.get_customers_response_200_company_customer_contacts import GetCustomersResponse200CompanyCustomerContacts # noqa: PLC0415
        from ..models.get_customers_response_200_company_customer_delivery_address import GetCustomersResponse200CompanyCustomerDeliveryAddress # noqa: PLC0415
        from ..models.get_customers_response_200_company_customer_ledger_account_type_0 import GetCustomersResponse200CompanyCustomerLedgerAccountType0 # noqa: PLC0415
        from ..models.get_customers_response_200_company_customer_mandates import GetCustomersResponse200CompanyCustomerMandates # noqa: PLC0415
        from ..models.get_customers_response_200_company_customer_pro_account_mandates import GetCustomersResponse200CompanyCustomerProAccountMandates # noqa: PLC0415
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
        if isinstance(self.ledger_account, GetCustomersResponse200CompanyCustomerLedgerAccountType0):
            ledger_account = self.ledger_account.to_dict()
        else:
            ledger_account = self.ledger_account

        emails = self.emails



        billing_address = self.billing_address.to_dict()

        delivery_address = self.delivery_address.to_dict()

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        customer_type = self.customer_type.value

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
            "customer_type": customer_type,
            "external_reference": external_reference,
            "billing_language": billing_language,
            "mandates": mandates,
            "pro_account_mandates": pro_account_mandates,
            "contacts": contacts,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.get_customers_response_200_company_customer_billing_address import GetCustomersResponse200CompanyCustomerBillingAddress # noqa: PLC0415
        from ..models.get_customers_response_200_company_customer_contacts import GetCustomersResponse200CompanyCustomerContacts # noqa: PLC0415
        from ..models.get_customers_response_200_company_customer_delivery_address import GetCustomersResponse200CompanyCustomerDeliveryAddress # noqa: PLC0415
        from ..models.get_customers_response_200_company_customer_ledger_account_type_0 import GetCustomersResponse200CompanyCustomerLedgerAccountType0 # noqa: PLC0415
        from ..models.get_customers_response_200_company_customer_mandates import GetCustomersResponse200CompanyCustomerMandates # noqa: PLC0415
        from ..models.get_customers_response_200_company_customer_pro_account_mandates import GetCustomersResponse200CompanyCustomerProAccountMandates # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        def _parse_billing_iban(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        billing_iban = _parse_billing_iban(d.pop("billing_iban"))


        payment_conditions = GetCustomersResponse200CompanyCustomerPaymentConditions(d.pop("payment_conditions"))




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

        def _parse_ledger_account(data: object) -> GetCustomersResponse200CompanyCustomerLedgerAccountType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                ledger_account_type_0 = GetCustomersResponse200CompanyCustomerLedgerAccountType0.from_dict(data)



                return ledger_account_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GetCustomersResponse200CompanyCustomerLedgerAccountType0 | None, data)

        ledger_account = _parse_ledger_account(d.pop("ledger_account"))


        emails = cast(list[str], d.pop("emails"))


        billing_address = GetCustomersResponse200CompanyCustomerBillingAddress.from_dict(d.pop("billing_address"))




        delivery_address = GetCustomersResponse200CompanyCustomerDeliveryAddress.from_dict(d.pop("delivery_address"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        customer_type = GetCustomersResponse200CompanyCustomerCustomerType(d.pop("customer_type"))




        external_reference = d.pop("external_reference")

        billing_language = GetCustomersResponse200CompanyCustomerBillingLanguage(d.pop("billing_language"))




        mandates = GetCustomersResponse200CompanyCustomerMandates.from_dict(d.pop("mandates"))




        pro_account_mandates = GetCustomersResponse200CompanyCustomerProAccountMandates.from_dict(d.pop("pro_account_mandates"))




        contacts = GetCustomersResponse200CompanyCustomerContacts.from_dict(d.pop("contacts"))




        get_customers_response_200_company_customer = cls(
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
            customer_type=customer_type,
            external_reference=external_reference,
            billing_language=billing_language,
            mandates=mandates,
            pro_account_mandates=pro_account_mandates,
            contacts=contacts,
        )

        return get_customers_response_200_company_customer

