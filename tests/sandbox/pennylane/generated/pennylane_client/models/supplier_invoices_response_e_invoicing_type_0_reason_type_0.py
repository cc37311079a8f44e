from enum import StrEnum

class SupplierInvoicesResponseEInvoicingType0ReasonType0(StrEnum):
    BANK_DETAILS_ERROR = "bank_details_error"
    CONTRACT_COMPLETED = "contract_completed"
    DEFECTIVE_DELIVERED_ITEM = "defective_delivered_item"
    DELIVERY_ISSUE = "delivery_issue"
    DUPLICATE_INVOICE = "duplicate_invoice"
    INCORRECT_BILLED_ITEM = "incorrect_billed_item"
    INCORRECT_BILLED_QUANTITY = "incorrect_billed_quantity"
    INCORRECT_PAYMENT_TERMS = "incorrect_payment_terms"
    INCORRECT_PRICES = "incorrect_prices"
    INCORRECT_UNIT_PRICES = "incorrect_unit_prices"
    INCORRECT_VAT_RATE = "incorrect_vat_rate"
    MISSING_CONTRACTUAL_REFERENCE = "missing_contractual_reference"
    MISSING_LEGAL_NOTICE = "missing_legal_notice"
    NON_COMPLIANT_INVOICE = "non_compliant_invoice"
    RECIPIENT_ERROR = "recipient_error"

    def __str__(self) -> str:
        return str(self.value)
