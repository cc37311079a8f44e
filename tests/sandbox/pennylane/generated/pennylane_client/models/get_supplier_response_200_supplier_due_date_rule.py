from enum import StrEnum

class GetSupplierResponse200SupplierDueDateRule(StrEnum):
    DAYS = "days"
    DAYS_OR_END_OF_MONTH = "days_or_end_of_month"

    def __str__(self) -> str:
        return str(self.value)
