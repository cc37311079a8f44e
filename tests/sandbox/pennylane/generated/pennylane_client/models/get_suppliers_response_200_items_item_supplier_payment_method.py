from enum import StrEnum

class GetSuppliersResponse200ItemsItemSupplierPaymentMethod(StrEnum):
    AUTOMATIC_DEBITING = "automatic_debiting"
    AUTOMATIC_TRANSFER = "automatic_transfer"
    BILL_OF_EXCHANGE = "bill_of_exchange"
    CARD = "card"
    CASH = "cash"
    CHECK = "check"
    MANUAL_TRANSFER = "manual_transfer"
    OTHER = "other"

    def __str__(self) -> str:
        return str(self.value)
