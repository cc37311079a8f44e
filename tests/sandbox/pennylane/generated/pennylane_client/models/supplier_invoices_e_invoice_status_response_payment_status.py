from enum import StrEnum

class SupplierInvoicesEInvoiceStatusResponsePaymentStatus(StrEnum):
    FULLY_PAID = "fully_paid"
    PAID_OFFLINE = "paid_offline"
    PARTIALLY_PAID = "partially_paid"
    PAYMENT_EMITTED = "payment_emitted"
    PAYMENT_ERROR = "payment_error"
    PAYMENT_FOUND = "payment_found"
    PAYMENT_IN_PROGRESS = "payment_in_progress"
    PAYMENT_SCHEDULED = "payment_scheduled"
    TO_BE_PAID = "to_be_paid"
    TO_BE_PROCESSED = "to_be_processed"

    def __str__(self) -> str:
        return str(self.value)
