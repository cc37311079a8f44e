from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="BillingSubscriptionsResponseEmailSettingsType0BillingEmailTemplateType0")



@_attrs_define
class BillingSubscriptionsResponseEmailSettingsType0BillingEmailTemplateType0:
    """ 
        Attributes:
            id (int):
            label (str):
     """

    id: int
    label: str





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        label = self.label


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "label": label,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        label = d.pop("label")

        billing_subscriptions_response_email_settings_type_0_billing_email_template_type_0 = cls(
            id=id,
            label=label,
        )

        return billing_subscriptions_response_email_settings_type_0_billing_email_template_type_0

