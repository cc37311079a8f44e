from enum import StrEnum

class BillingSubscriptionPaymentConditions(StrEnum):
    UPON_RECEIPT = "upon_receipt"
    VALUE_1 = "7_days"
    VALUE_2 = "15_days"
    VALUE_3 = "30_days"
    VALUE_4 = "30_days_end_of_month"
    VALUE_5 = "45_days"
    VALUE_6 = "45_days_end_of_month"
    VALUE_7 = "60_days"

    def __str__(self) -> str:
        return str(self.value)
