from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.billing_subscriptions_response_mode import BillingSubscriptionsResponseMode
from ..models.billing_subscriptions_response_payment_conditions_type_0 import BillingSubscriptionsResponsePaymentConditionsType0
from ..models.billing_subscriptions_response_payment_method import BillingSubscriptionsResponsePaymentMethod
from ..models.billing_subscriptions_response_status import BillingSubscriptionsResponseStatus
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.billing_subscriptions_response_customer_invoice_data import BillingSubscriptionsResponseCustomerInvoiceData
  from ..models.billing_subscriptions_response_customer_type_0 import BillingSubscriptionsResponseCustomerType0
  from ..models.billing_subscriptions_response_email_settings_type_0 import BillingSubscriptionsResponseEmailSettingsType0
  from ..models.billing_subscriptions_response_recurring_rule import BillingSubscriptionsResponseRecurringRule





T = TypeVar("T", bound="BillingSubscriptionsResponse")



@_attrs_define
class BillingSubscriptionsResponse:
    """ 
        Attributes:
            id (int): Billing subscription identifier Example: 42.
            next_occurrence (datetime.date | None): The date for the next subscription renewal Example: 2023-01-01.
            prev_occurrence (datetime.date | None): The date of the previous subscription renewal Example: 2023-01-01.
            stopped_at (datetime.datetime | None): The exact timestamp when the subscription was terminated Example:
                2023-08-30T10:08:08.146343Z.
            start (datetime.date | None): The subscription start date Example: 2023-01-01.
            finish (datetime.date | None): The date of the last occurrence of the subscription Example: 2023-12-31.
            status (BillingSubscriptionsResponseStatus):
            mode (BillingSubscriptionsResponseMode): - `awaiting_validation`: generated invoices will be in draft
                - `finalized`: generated invoices will be finalized
                - `email`: generated invoices will be finalized and sent by email to the recipients configured on the
                subscription
            activated_at (datetime.datetime | None): The exact timestamp for when the subscription was activated Example:
                2023-08-30T10:08:08.146343Z.
            payment_conditions (BillingSubscriptionsResponsePaymentConditionsType0 | None):
            payment_method (BillingSubscriptionsResponsePaymentMethod): Payment method
                offline means the subscription is not linked to a payment method
                gocardless_direct-debit means at each new occurrence the client will be automatically debited thanks to
                GoCardless. To do so, you need a GoCardless account properly configured.
            label (None | str):
            email_settings (BillingSubscriptionsResponseEmailSettingsType0 | None):
            recurring_rule (BillingSubscriptionsResponseRecurringRule):
            customer (BillingSubscriptionsResponseCustomerType0 | None):
            customer_invoice_data (BillingSubscriptionsResponseCustomerInvoiceData):
            created_at (datetime.datetime): The time the subscription has been created Example: 2023-08-30T10:08:08.146343Z.
            updated_at (datetime.datetime): The last time the subscription has been updated Example:
                2023-08-30T10:08:08.146343Z.
     """

    id: int
    next_occurrence: datetime.date | None
    prev_occurrence: datetime.date | None
    stopped_at: datetime.datetime | None
    start: datetime.date | None
    finish: datetime.date | None
    status: BillingSubscriptionsResponseStatus
    mode: BillingSubscriptionsResponseMode
    activated_at: datetime.datetime | None
    payment_conditions: BillingSubscriptionsResponsePaymentConditionsType0 | None
    payment_method: BillingSubscriptionsResponsePaymentMethod
    label: None | str
    email_settings: BillingSubscriptionsResponseEmailSettingsType0 | None
    recurring_rule: BillingSubscriptionsResponseRecurringRule
    customer: BillingSubscriptionsResponseCustomerType0 | None
    customer_invoice_data: BillingSubscriptionsResponseCustomerInvoiceData
    created_at: datetime.datetime
    updated_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        from ..models.billing_subscriptions_response_customer_invoice_data import BillingSubscriptionsResponseCustomerInvoiceData # noqa: PLC0415
        from ..models.billing_subscriptions_response_customer_type_0 import BillingSubscriptionsResponseCustomerType0 # noqa: PLC0415
        from ..models.billing_subscriptions_response_email_settings_type_0 import BillingSubscriptionsResponseEmailSettingsType0 # noqa: PLC0415
        from ..models.billing_subscriptions_response_recurring_rule import BillingSubscriptionsResponseRecurringRule # noqa: PLC0415
        id = self.id

        next_occurrence: None | str
        if isinstance(self.next_occurrence, datetime.date):
            next_occurrence = self.next_occurrence.isoformat()
        else:
            next_occurrence = self.next_occurrence

        prev_occurrence: None | str
        if isinstance(self.prev_occurrence, datetime.date):
            prev_occurrence = self.prev_occurrence.isoformat()
        else:
            prev_occurrence = self.prev_occurrence

        stopped_at: None | str
        if isinstance(self.stopped_at, datetime.datetime):
            stopped_at = self.stopped_at.isoformat()
        else:
            stopped_at = self.stopped_at

        start: None | str
        if isinstance(self.start, datetime.date):
            start = self.start.isoformat()
        else:
            start = self.start

        finish: None | str
        if isinstance(self.finish, datetime.date):
            finish = self.finish.isoformat()
        else:
            finish = self.finish

        status = self.status.value

        mode = self.mode.value

        activated_at: None | str
        if isinstance(self.activated_at, datetime.datetime):
            activated_at = self.activated_at.isoformat()
        else:
            activated_at = self.activated_at

        payment_conditions: None | str
        if isinstance(self.payment_conditions, BillingSubscriptionsResponsePaymentConditionsType0):
            payment_conditions = self.payment_conditions.value
        else:
            payment_conditions = self.payment_conditions

        payment_method = self.payment_method.value

        label: None | str
        label = self.label

        email_settings: dict[str, Any] | None
        if isinstance(self.email_settings, BillingSubscriptionsResponseEmailSettingsType0):
            email_settings = self.email_settings.to_dict()
        else:
            email_settings = self.email_settings

        recurring_rule = self.recurring_rule.to_dict()

        customer: dict[str, Any] | None
        if isinstance(self.customer, BillingSubscriptionsResponseCustomerType0):
            customer = self.customer.to_dict()
        else:
            customer = self.customer

        customer_invoice_data = self.customer_invoice_data.to_dict()

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "next_occurrence": next_occurrence,
            "prev_occurrence": prev_occurrence,
            "stopped_at": stopped_at,
            "start": start,
            "finish": finish,
            "status": status,
            "mode": mode,
            "activated_at": activated_at,
            "payment_conditions": payment_conditions,
            "payment_method": payment_method,
            "label": label,
            "email_settings": email_settings,
            "recurring_rule": recurring_rule,
            "customer": customer,
            "customer_invoice_data": customer_invoice_data,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.billing_subscriptions_response_customer_invoice_data import BillingSubscriptionsResponseCustomerInvoiceData # noqa: PLC0415
        from ..models.billing_subscriptions_response_customer_type_0 import BillingSubscriptionsResponseCustomerType0 # noqa: PLC0415
        from ..models.billing_subscriptions_response_email_settings_type_0 import BillingSubscriptionsResponseEmailSettingsType0 # noqa: PLC0415
        from ..models.billing_subscriptions_response_recurring_rule import BillingSubscriptionsResponseRecurringRule # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_next_occurrence(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_occurrence_type_0 = datetime.date.fromisoformat(data)



                return next_occurrence_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        next_occurrence = _parse_next_occurrence(d.pop("next_occurrence"))


        def _parse_prev_occurrence(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                prev_occurrence_type_0 = datetime.date.fromisoformat(data)



                return prev_occurrence_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        prev_occurrence = _parse_prev_occurrence(d.pop("prev_occurrence"))


        def _parse_stopped_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                stopped_at_type_0 = datetime.datetime.fromisoformat(data)



                return stopped_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        stopped_at = _parse_stopped_at(d.pop("stopped_at"))


        def _parse_start(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_type_0 = datetime.date.fromisoformat(data)



                return start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        start = _parse_start(d.pop("start"))


        def _parse_finish(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finish_type_0 = datetime.date.fromisoformat(data)



                return finish_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        finish = _parse_finish(d.pop("finish"))


        status = BillingSubscriptionsResponseStatus(d.pop("status"))




        mode = BillingSubscriptionsResponseMode(d.pop("mode"))




        def _parse_activated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                activated_at_type_0 = datetime.datetime.fromisoformat(data)



                return activated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        activated_at = _parse_activated_at(d.pop("activated_at"))


        def _parse_payment_conditions(data: object) -> BillingSubscriptionsResponsePaymentConditionsType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                payment_conditions_type_0 = BillingSubscriptionsResponsePaymentConditionsType0(data)



                return payment_conditions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BillingSubscriptionsResponsePaymentConditionsType0 | None, data)

        payment_conditions = _parse_payment_conditions(d.pop("payment_conditions"))


        payment_method = BillingSubscriptionsResponsePaymentMethod(d.pop("payment_method"))




        def _parse_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        label = _parse_label(d.pop("label"))


        def _parse_email_settings(data: object) -> BillingSubscriptionsResponseEmailSettingsType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                email_settings_type_0 = BillingSubscriptionsResponseEmailSettingsType0.from_dict(data)



                return email_settings_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BillingSubscriptionsResponseEmailSettingsType0 | None, data)

        email_settings = _parse_email_settings(d.pop("email_settings"))


        recurring_rule = BillingSubscriptionsResponseRecurringRule.from_dict(d.pop("recurring_rule"))




        def _parse_customer(data: object) -> BillingSubscriptionsResponseCustomerType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                customer_type_0 = BillingSubscriptionsResponseCustomerType0.from_dict(data)



                return customer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BillingSubscriptionsResponseCustomerType0 | None, data)

        customer = _parse_customer(d.pop("customer"))


        customer_invoice_data = BillingSubscriptionsResponseCustomerInvoiceData.from_dict(d.pop("customer_invoice_data"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        billing_subscriptions_response = cls(
            id=id,
            next_occurrence=next_occurrence,
            prev_occurrence=prev_occurrence,
            stopped_at=stopped_at,
            start=start,
            finish=finish,
            status=status,
            mode=mode,
            activated_at=activated_at,
            payment_conditions=payment_conditions,
            payment_method=payment_method,
            label=label,
            email_settings=email_settings,
            recurring_rule=recurring_rule,
            customer=customer,
            customer_invoice_data=customer_invoice_data,
            created_at=created_at,
            updated_at=updated_at,
        )

        return billing_subscriptions_response

