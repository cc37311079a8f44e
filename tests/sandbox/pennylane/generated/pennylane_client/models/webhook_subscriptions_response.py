from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.webhook_subscriptions_response_events_item import WebhookSubscriptionsResponseEventsItem
from typing import cast
import datetime






T = TypeVar("T", bound="WebhookSubscriptionsResponse")



@_attrs_define
class WebhookSubscriptionsResponse:
    """ 
        Attributes:
            id (int): ID of the webhook subscription Example: 12345.
            callback_url (str): HTTPS URL where webhook events are sent Example: https://example.com/webhooks.
            events (list[WebhookSubscriptionsResponseEventsItem]): Array of event types to subscribe to.
                - `customer_invoice.created`: the event is triggered when a customer invoice is created.
                - `quote.created`: the event is triggered when a quote is created.
                - `dms_file.created`: the event is triggered when a dms file is created.
                 Example: ['customer_invoice.created', 'quote.created'].
            enabled (bool): Indicates whether the webhook subscription is active Example: True.
            created_at (datetime.datetime): Creation date of the webhook subscription Example: 2023-08-07T14:23:12.000Z.
            updated_at (datetime.datetime): Last update date of the webhook subscription Example: 2023-08-07T14:23:12.000Z.
     """

    id: int
    callback_url: str
    events: list[WebhookSubscriptionsResponseEventsItem]
    enabled: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        callback_url = self.callback_url

        events = []
        for events_item_data in self.events:
            events_item = events_item_data.value
            events.append(events_item)



        enabled = self.enabled

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "callback_url": callback_url,
            "events": events,
            "enabled": enabled,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        callback_url = d.pop("callback_url")

        events = []
        _events = d.pop("events")
        for events_item_data in (_events):
            events_item = WebhookSubscriptionsResponseEventsItem(events_item_data)



            events.append(events_item)


        enabled = d.pop("enabled")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        webhook_subscriptions_response = cls(
            id=id,
            callback_url=callback_url,
            events=events,
            enabled=enabled,
            created_at=created_at,
            updated_at=updated_at,
        )

        return webhook_subscriptions_response

