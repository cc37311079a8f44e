from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.gocardless_mandates_response_status import GocardlessMandatesResponseStatus
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.gocardless_mandates_response_customer_type_0 import GocardlessMandatesResponseCustomerType0





T = TypeVar("T", bound="GocardlessMandatesResponse")



@_attrs_define
class GocardlessMandatesResponse:
    """ 
        Attributes:
            id (int):  Example: 42.
            external_reference (None | str): Unique external identifier for the Gocardless mandate. Example: MD000VDD0HN1RP.
            customer (GocardlessMandatesResponseCustomerType0 | None):
            status (GocardlessMandatesResponseStatus):
            external_customer_account (str): Identifier for the Gocardless customer account. Example: test_account_id.
            external_customer_label (None | str): Label for the Gocardless customer account. Example: test_label.
            created_at (datetime.datetime): Creation date of the Gocardless mandate Example: 2023-08-07T14:23:12.000Z.
            updated_at (datetime.datetime): Last update date of the Gocardless mandate Example: 2023-08-07T14:23:12.000Z.
     """

    id: int
    external_reference: None | str
    customer: GocardlessMandatesResponseCustomerType0 | None
    status: GocardlessMandatesResponseStatus
    external_customer_account: str
    external_customer_label: None | str
    created_at: datetime.datetime
    updated_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        from ..models.gocardless_mandates_response_customer_type_0 import GocardlessMandatesResponseCustomerType0 # noqa: PLC0415
        id = self.id

        external_reference: None | str
        external_reference = self.external_reference

        customer: dict[str, Any] | None
        if isinstance(self.customer, GocardlessMandatesResponseCustomerType0):
            customer = self.customer.to_dict()
        else:
            customer = self.customer

        status = self.status.value

        external_customer_account = self.external_customer_account

        external_customer_label: None | str
        external_customer_label = self.external_customer_label

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "external_reference": external_reference,
            "customer": customer,
            "status": status,
            "external_customer_account": external_customer_account,
            "external_customer_label": external_customer_label,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.gocardless_mandates_response_customer_type_0 import GocardlessMandatesResponseCustomerType0 # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_external_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_reference = _parse_external_reference(d.pop("external_reference"))


        def _parse_customer(data: object) -> GocardlessMandatesResponseCustomerType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                customer_type_0 = GocardlessMandatesResponseCustomerType0.from_dict(data)



                return customer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GocardlessMandatesResponseCustomerType0 | None, data)

        customer = _parse_customer(d.pop("customer"))


        status = GocardlessMandatesResponseStatus(d.pop("status"))




        external_customer_account = d.pop("external_customer_account")

        def _parse_external_customer_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_customer_label = _parse_external_customer_label(d.pop("external_customer_label"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        gocardless_mandates_response = cls(
            id=id,
            external_reference=external_reference,
            customer=customer,
            status=status,
            external_customer_account=external_customer_account,
            external_customer_label=external_customer_label,
            created_at=created_at,
            updated_at=updated_at,
        )

        return gocardless_mandates_response

