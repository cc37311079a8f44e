from enum import StrEnum

class SupplierInvoicePDPDisputeReason(StrEnum):
    BANK_DETAILS_ERROR = "bank_details_error"
    DEFECTIVE_DELIVERED_ITEM = "defective_delivered_item"
    DELIVERY_ISSUE = "delivery_issue"
    INCORRECT_BILLED_ITEM = "incorrect_billed_item"
    INCORRECT_BILLED_QUANTITY = "incorrect_billed_quantity"
    INCORRECT_PAYMENT_TERMS = "incorrect_payment_terms"
    INCORRECT_UNIT_PRICES = "incorrect_unit_prices"
    INCORRECT_VAT_RATE = "incorrect_vat_rate"
    MISSING_CONTRACTUAL_REFERENCE = "missing_contractual_reference"
    MISSING_LEGAL_NOTICE = "missing_legal_notice"
    RECIPIENT_ERROR = "recipient_error"

    def __str__(self) -> str:
        return str(self.value)
