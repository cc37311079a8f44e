from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.customer_invoices_inclusions_included import CustomerInvoicesInclusionsIncluded





T = TypeVar("T", bound="CustomerInvoicesInclusions")



@_attrs_define
class CustomerInvoicesInclusions:
    """ Optional included resources. Only present when the `include` parameter is used.
    Each property corresponds to a requested inclusion and contains data keyed by parent invoice ID.

        Attributes:
            included (CustomerInvoicesInclusionsIncluded | Unset): Container for all included resources
     """

    included: CustomerInvoicesInclusionsIncluded | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.customer_invoices_inclusions_included import CustomerInvoicesInclusionsIncluded # noqa: PLC0415
        included: dict[str, Any] | Unset = UNSET
        if not isinstance(self.included, Unset):
            included = self.included.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if included is not UNSET:
            field_dict["included"] = included

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer_invoices_inclusions_included import CustomerInvoicesInclusionsIncluded # noqa: PLC0415
        d = dict(src_dict)
        _included = d.pop("included", UNSET)
        included: CustomerInvoicesInclusionsIncluded | Unset
        if isinstance(_included,  Unset):
            included = UNSET
        else:
            included = CustomerInvoicesInclusionsIncluded.from_dict(_included)




        customer_invoices_inclusions = cls(
            included=included,
        )


        customer_invoices_inclusions.additional_properties = d
        return customer_invoices_inclusions

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
