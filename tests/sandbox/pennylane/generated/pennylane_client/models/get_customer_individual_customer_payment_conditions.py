from enum import StrEnum

class GetCustomerIndividualCustomerPaymentConditions(StrEnum):
    CUSTOM = "custom"
    UPON_RECEIPT = "upon_receipt"
    VALUE_2 = "7_days"
    VALUE_3 = "15_days"
    VALUE_4 = "30_days"
    VALUE_5 = "30_days_end_of_month"
    VALUE_6 = "45_days"
    VALUE_7 = "45_days_end_of_month"
    VALUE_8 = "60_days"

    def __str__(self) -> str:
        return str(self.value)
