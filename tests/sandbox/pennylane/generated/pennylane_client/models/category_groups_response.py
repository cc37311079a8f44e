from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.category_groups_response_categories import CategoryGroupsResponseCategories





T = TypeVar("T", bound="CategoryGroupsResponse")



@_attrs_define
class CategoryGroupsResponse:
    """ 
        Attributes:
            id (int):  Example: 989.
            label (str):  Example: Types de dépenses / revenus.
            categories (CategoryGroupsResponseCategories):
            created_at (datetime.datetime):  Example: 2023-08-30T10:08:08.146343Z.
            updated_at (datetime.datetime):  Example: 2023-08-30T10:08:08.146343Z.
     """

    id: int
    label: str
    categories: CategoryGroupsResponseCategories
    created_at: datetime.datetime
    updated_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        from ..models.category_groups_response_categories import CategoryGroupsResponseCategories # noqa: PLC0415
        id = self.id

        label = self.label

        categories = self.categories.to_dict()

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "label": label,
            "categories": categories,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.category_groups_response_categories import CategoryGroupsResponseCategories # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        label = d.pop("label")

        categories = CategoryGroupsResponseCategories.from_dict(d.pop("categories"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        category_groups_response = cls(
            id=id,
            label=label,
            categories=categories,
            created_at=created_at,
            updated_at=updated_at,
        )

        return category_groups_response

