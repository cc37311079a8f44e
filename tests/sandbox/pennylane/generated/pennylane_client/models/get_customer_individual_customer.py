from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.get_customer_individual_customer_billing_language import GetCustomerIndividualCustomerBillingLanguage
from ..models.get_customer_individual_customer_customer_type import GetCustomerIndividualCustomerCustomerType
from ..models.get_customer_individual_customer_payment_conditions import GetCustomerIndividualCustomerPaymentConditions
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.get_customer_individual_customer_billing_address import GetCustomerIndividualCustomerBillingAddress
  from ..models.get_customer_individual_customer_contacts import GetCustomerIndividualCustomerContacts
  from ..models.get_customer_individual_customer_delivery_address import GetCustomerIndividualCustomerDeliveryAddress
  from ..models.get_customer_individual_customer_ledger_account_type_0 import GetCustomerIndividualCustomerLedgerAccountType0
  from ..models.get_customer_individual_customer_mandates import GetCustomerIndividualCustomerMandates
  from ..models.get_customer_individual_customer_pro_account_mandates import GetCustomerIndividualCustomerProAccountMandates





T = TypeVar("T", bound="GetCustomerIndividualCustomer")



@_attrs_define
class GetCustomerIndividualCustomer:
    """ 
        Attributes:
            id (int):  Example: 42.
            name (str):  Example: John Doe.
            billing_iban (None | str):  Example: FR1420041010050500013M02606.
            payment_conditions (GetCustomerIndividualCustomerPaymentConditions): Note that the `custom` option is only used
                on Pennylane's web app to avoid pre-filling the deadline when creating an invoice. On the API it has no effect
                and you will still have to provide a deadline when creating an invoice.
            recipient (str):  Example: John Doe.
            phone (str):  Example: +33612345678.
            reference (None | str):  Example: REF-1234.
            notes (None | str):  Example: Some notes.
            first_name (str):  Example: John.
            last_name (str):  Example: Doe.
            ledger_account (GetCustomerIndividualCustomerLedgerAccountType0 | None):
            emails (list[str]):  Example: ['hello@example.org'].
            billing_address (GetCustomerIndividualCustomerBillingAddress):
            delivery_address (GetCustomerIndividualCustomerDeliveryAddress):
            created_at (datetime.datetime):  Example: 2023-08-30T10:08:08.146343Z.
            updated_at (datetime.datetime):  Example: 2023-08-30T10:08:08.146343Z.
            customer_type (GetCustomerIndividualCustomerCustomerType):
            external_reference (str): The unique external reference assigned to this customer, assigned on creation either
                by you or Pennylane. (Same attribute as `source_id` in the API v1) Example: 0e67fc3c-c632-4feb-
                ad34-e18ed5fbf66a.
            billing_language (GetCustomerIndividualCustomerBillingLanguage): The language in which the customer will receive
                invoices. Default is `fr_FR`
            mandates (GetCustomerIndividualCustomerMandates): GoCardless mandates associated with this customer
            pro_account_mandates (GetCustomerIndividualCustomerProAccountMandates): Pro Account mandates associated with
                this customer
            contacts (GetCustomerIndividualCustomerContacts):
     """

    id: int
    name: str
    billing_iban: None | str
    payment_conditions: GetCustomerIndividualCustomerPaymentConditions
    recipient: str
    phone: str
    reference: None | str
    notes: None | str
    first_name: str
    last_name: str
    ledger_account: GetCustomerIndividualCustomerLedgerAccountType0 | None
    emails: list[str]
    billing_address: GetCustomerIndividualCustomerBillingAddress
    delivery_address: GetCustomerIndividualCustomerDeliveryAddress
    created_at: datetime.datetime
    updated_at: datetime.datetime
    customer_type: GetCustomerIndividualCustomerCustomerType
    external_reference: str
    billing_language: GetCustomerIndividualCustomerBillingLanguage
    mandates: GetCustomerIndividualCustomerMandates
    pro_account_mandates: GetCustomerIndividualCustomerProAccountMandates
    contacts: GetCustomerIndividualCustomerContacts





    def to_dict(self) -> dict[str, Any]:
        from ..models.get_customer_individual_customer_billing_address import GetCustomerIndividualCustomerBillingAddress # noqa: PLC0415
        from ..models.get_customer_individual_customer_contacts import GetCustomerIndividualCustomerContacts # noqa: PLC0415
        from ..models.get_customer_individual_customer_delivery_address import GetCustomerIndividualCustomerDeliveryAddress # noqa: PLC0415
        from ..models.get_customer_individual_customer_ledger_account_type_0 import GetCustomerIndividualCustomerLedgerAccountType0 # noqa: PLC0415
        from ..models.get_customer_individual_customer_mandates import GetCustomerIndividualCustomerMandates # noqa: PLC0415
        from ..models.get_customer_individual_customer_pro_account_mandates import GetCustomerIndividualCustomerProAccountMandates # noqa: PLC0415
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

        first_name = self.first_name

        last_name = self.last_name

        ledger_account: dict[str, Any] | None
        if isinstance(self.ledger_account, GetCustomerIndividualCustomerLedgerAccountType0):
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
            "first_name": first_name,
            "last_name": last_name,
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
        from ..models.get_customer_individual_customer_billing_address import GetCustomerIndividualCustomerBillingAddress # noqa: PLC0415
        from ..models.get_customer_individual_customer_contacts import GetCustomerIndividualCustomerContacts # noqa: PLC0415
        from ..models.get_customer_individual_customer_delivery_address import GetCustomerIndividualCustomerDeliveryAddress # noqa: PLC0415
        from ..models.get_customer_individual_customer_ledger_account_type_0 import GetCustomerIndividualCustomerLedgerAccountType0 # noqa: PLC0415
        from ..models.get_customer_individual_customer_mandates import GetCustomerIndividualCustomerMandates # noqa: PLC0415
        from ..models.get_customer_individual_customer_pro_account_mandates import GetCustomerIndividualCustomerProAccountMandates # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        def _parse_billing_iban(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        billing_iban = _parse_billing_iban(d.pop("billing_iban"))


        payment_conditions = GetCustomerIndividualCustomerPaymentConditions(d.pop("payment_conditions"))




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


        first_name = d.pop("first_name")

        last_name = d.pop("last_name")

        def _parse_ledger_account(data: object) -> GetCustomerIndividualCustomerLedgerAccountType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                ledger_account_type_0 = GetCustomerIndividualCustomerLedgerAccountType0.from_dict(data)



                return ledger_account_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GetCustomerIndividualCustomerLedgerAccountType0 | None, data)

        ledger_account = _parse_ledger_account(d.pop("ledger_account"))


        emails = cast(list[str], d.pop("emails"))


        billing_address = GetCustomerIndividualCustomerBillingAddress.from_dict(d.pop("billing_address"))




        delivery_address = GetCustomerIndividualCustomerDeliveryAddress.from_dict(d.pop("delivery_address"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        customer_type = GetCustomerIndividualCustomerCustomerType(d.pop("customer_type"))




        external_reference = d.pop("external_reference")

        billing_language = GetCustomerIndividualCustomerBillingLanguage(d.pop("billing_language"))




        mandates = GetCustomerIndividualCustomerMandates.from_dict(d.pop("mandates"))




        pro_account_mandates = GetCustomerIndividualCustomerProAccountMandates.from_dict(d.pop("pro_account_mandates"))




        contacts = GetCustomerIndividualCustomerContacts.from_dict(d.pop("contacts"))




        get_customer_individual_customer = cls(
            id=id,
            name=name,
            billing_iban=billing_iban,
            payment_conditions=payment_conditions,
            recipient=recipient,
            phone=phone,
            reference=reference,
            notes=notes,
            first_name=first_name,
            last_name=last_name,
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

        return get_customer_individual_customer

