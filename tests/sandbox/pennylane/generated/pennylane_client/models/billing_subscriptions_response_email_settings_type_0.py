from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.billing_subscriptions_response_email_settings_type_0_billing_email_template_type_0 import BillingSubscriptionsResponseEmailSettingsType0BillingEmailTemplateType0





T = TypeVar("T", bound="BillingSubscriptionsResponseEmailSettingsType0")



@_attrs_define
class BillingSubscriptionsResponseEmailSettingsType0:
    """ 
        Attributes:
            recipients (list[str]): Primary email recipients for invoice delivery
            billing_email_template (BillingSubscriptionsResponseEmailSettingsType0BillingEmailTemplateType0 | None):
     """

    recipients: list[str]
    billing_email_template: BillingSubscriptionsResponseEmailSettingsType0BillingEmailTemplateType0 | None





    def to_dict(self) -> dict[str, Any]:
        from ..models.billing_subscriptions_response_email_settings_type_0_billing_email_template_type_0 import BillingSubscriptionsResponseEmailSettingsType0BillingEmailTemplateType0 # noqa: PLC0415
        recipients = self.recipients



        billing_email_template: dict[str, Any] | None
        if isinstance(self.billing_email_template, BillingSubscriptionsResponseEmailSettingsType0BillingEmailTemplateType0):
            billing_email_template = self.billing_email_template.to_dict()
        else:
            billing_email_template = self.billing_email_template


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "recipients": recipients,
            "billing_email_template": billing_email_template,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.billing_subscriptions_response_email_settings_type_0_billing_email_template_type_0 import BillingSubscriptionsResponseEmailSettingsType0BillingEmailTemplateType0 # noqa: PLC0415
        d = dict(src_dict)
        recipients = cast(list[str], d.pop("recipients"))


        def _parse_billing_email_template(data: object) -> BillingSubscriptionsResponseEmailSettingsType0BillingEmailTemplateType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                billing_email_template_type_0 = BillingSubscriptionsResponseEmailSettingsType0BillingEmailTemplateType0.from_dict(data)



                return billing_email_template_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BillingSubscriptionsResponseEmailSettingsType0BillingEmailTemplateType0 | None, data)

        billing_email_template = _parse_billing_email_template(d.pop("billing_email_template"))


        billing_subscriptions_response_email_settings_type_0 = cls(
            recipients=recipients,
            billing_email_template=billing_email_template,
        )

        return billing_subscriptions_response_email_settings_type_0

