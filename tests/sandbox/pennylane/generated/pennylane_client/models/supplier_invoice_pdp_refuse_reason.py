from enum import StrEnum

class SupplierInvoicePDPRefuseReason(StrEnum):
    CONTRACT_COMPLETED = "contract_completed"
    DUPLICATE_INVOICE = "duplicate_invoice"
    INCORRECT_PRICES = "incorrect_prices"
    INCORRECT_VAT_RATE = "incorrect_vat_rate"
    NON_COMPLIANT_INVOICE = "non_compliant_invoice"
    RECIPIENT_ERROR = "recipient_error"

    def __str__(self) -> str:
        return str(self.value)
