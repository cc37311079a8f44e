from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.billing_subscriptions_response_recurring_rule_rule_type import BillingSubscriptionsResponseRecurringRuleRuleType
from typing import cast






T = TypeVar("T", bound="BillingSubscriptionsResponseRecurringRule")



@_attrs_define
class BillingSubscriptionsResponseRecurringRule:
    """ 
        Attributes:
            day_of_month (list[float] | None):
            month_of_year (list[float] | None):
            week_start (float | None):
            day (list[float] | None):
            rule_type (BillingSubscriptionsResponseRecurringRuleRuleType):  Example: monthly.
            interval (int | None):
            count (int | None): Number of occurrences of the recurring rule Example: 12.
            until (None | str):
     """

    day_of_month: list[float] | None
    month_of_year: list[float] | None
    week_start: float | None
    day: list[float] | None
    rule_type: BillingSubscriptionsResponseRecurringRuleRuleType
    interval: int | None
    count: int | None
    until: None | str





    def to_dict(self) -> dict[str, Any]:
        day_of_month: list[float] | None
        if isinstance(self.day_of_month, list):
            day_of_month = self.day_of_month


        else:
            day_of_month = self.day_of_month

        month_of_year: list[float] | None
        if isinstance(self.month_of_year, list):
            month_of_year = self.month_of_year


        else:
            month_of_year = self.month_of_year

        week_start: float | None
        week_start = self.week_start

        day: list[float] | None
        if isinstance(self.day, list):
            day = self.day


        else:
            day = self.day

        rule_type = self.rule_type.value

        interval: int | None
        interval = self.interval

        count: int | None
        count = self.count

        until: None | str
        until = self.until


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "day_of_month": day_of_month,
            "month_of_year": month_of_year,
            "week_start": week_start,
            "day": day,
            "rule_type": rule_type,
            "interval": interval,
            "count": count,
            "until": until,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_day_of_month(data: object) -> list[float] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                day_of_month_type_0 = cast(list[float], data)

                return day_of_month_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[float] | None, data)

        day_of_month = _parse_day_of_month(d.pop("day_of_month"))


        def _parse_month_of_year(data: object) -> list[float] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                month_of_year_type_0 = cast(list[float], data)

                return month_of_year_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[float] | None, data)

        month_of_year = _parse_month_of_year(d.pop("month_of_year"))


        def _parse_week_start(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        week_start = _parse_week_start(d.pop("week_start"))


        def _parse_day(data: object) -> list[float] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                day_type_0 = cast(list[float], data)

                return day_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[float] | None, data)

        day = _parse_day(d.pop("day"))


        rule_type = BillingSubscriptionsResponseRecurringRuleRuleType(d.pop("rule_type"))




        def _parse_interval(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        interval = _parse_interval(d.pop("interval"))


        def _parse_count(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        count = _parse_count(d.pop("count"))


        def _parse_until(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        until = _parse_until(d.pop("until"))


        billing_subscriptions_response_recurring_rule = cls(
            day_of_month=day_of_month,
            month_of_year=month_of_year,
            week_start=week_start,
            day=day,
            rule_type=rule_type,
            interval=interval,
            count=count,
            until=until,
        )

        return billing_subscriptions_response_recurring_rule

