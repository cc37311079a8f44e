"""The entity sets the sandbox serves, as the v1.0 contract names them: which properties each has (a body naming
another is a 400, as in Business Central), which a caller may write, and which operations the set allows.
"""

from __future__ import annotations

from dataclasses import dataclass

ADDRESS = "street city state countryLetterCode postalCode"
_LINE = ("id documentId sequence itemId accountId lineType lineDetails description unitOfMeasureId unitOfMeasure "
         "{price} quantity discountAmount discountPercent discountAppliedBeforeTax amountExcludingTax taxCode "
         "taxPercent totalTaxAmount amountIncludingTax invoiceDiscountAllocation netAmount netTaxAmount "
         "netAmountIncludingTax {date}")
_READ_ONLY_LINE = ("id documentId lineDetails amountExcludingTax taxPercent totalTaxAmount amountIncludingTax "
                   "invoiceDiscountAllocation netAmount netTaxAmount netAmountIncludingTax")
_TOTALS = ("id status lastModifiedDateTime totalAmountExcludingTax totalTaxAmount totalAmountIncludingTax "
           "remainingAmount discountAppliedBeforeTax")


@dataclass(frozen=True)
class EntitySet:
    name: str
    entity: str  # the contract's schema name
    properties: frozenset[str]
    read_only: frozenset[str] = frozenset({"id", "lastModifiedDateTime"})
    create: bool = True
    update: bool = True
    delete: bool = True
    series: tuple[str, int] | None = None  # no. series of ``number`` when the caller gives none


def _set(name: str, entity: str, props: str, read_only: str = "id lastModifiedDateTime", **kw: object) -> EntitySet:
    return EntitySet(name, entity, frozenset(props.split()), frozenset(read_only.split()), **kw)  # type: ignore[arg-type]


SETS = {s.name: s for s in (
    _set("customers", "customer", "id number displayName type address phoneNumber email website taxLiable taxAreaId "
         "taxAreaDisplayName taxRegistrationNumber currencyId currencyCode paymentTermsId shipmentMethodId "
         "paymentMethodId blocked lastModifiedDateTime", series=("C", 10000)),
    _set("vendors", "vendor", "id number displayName address phoneNumber email website taxRegistrationNumber "
         "currencyId currencyCode irs1099Code paymentTermsId paymentMethodId taxLiable blocked balance "
         "lastModifiedDateTime", "id balance lastModifiedDateTime", series=("V", 10000)),
    _set("items", "item", "id number displayName type itemCategoryId itemCategoryCode blocked baseUnitOfMeasureId "
         "baseUnitOfMeasure gtin inventory unitPrice priceIncludesTax unitCost taxGroupId taxGroupCode "
         "lastModifiedDateTime", "id inventory lastModifiedDateTime", series=("", 1000)),
    _set("accounts", "account", "id number displayName category subCategory blocked lastModifiedDateTime",
         create=False, update=False, delete=False),
    _set("taxGroups", "taxGroup", "id code displayName taxType lastModifiedDateTime",
         "id taxType lastModifiedDateTime"),
    _set("taxAreas", "taxArea", "id code displayName taxType lastModifiedDateTime", "id taxType lastModifiedDateTime"),
    _set("paymentTerms", "paymentTerm", "id code displayName dueDateCalculation discountDateCalculation "
         "discountPercent calculateDiscountOnCreditMemos lastModifiedDateTime"),
    _set("dimensions", "dimension", "id code displayName lastModifiedDateTime", create=False, update=False,
         delete=False),
    _set("dimensionValues", "dimensionValue", "id code displayName lastModifiedDateTime", create=False,
         update=False, delete=False),
    _set("companyInformation", "companyInformation", "id displayName address phoneNumber faxNumber email website "
         "taxRegistrationNumber currencyCode currentFiscalYearStartDate industry picture lastModifiedDateTime",
         "id currencyCode lastModifiedDateTime", create=False, delete=False),
    _set("salesInvoices", "salesInvoice", "id number externalDocumentNumber invoiceDate dueDate "
         "customerPurchaseOrderReference customerId contactId customerNumber customerName billToName "
         "billToCustomerId billToCustomerNumber shipToName shipToContact sellingPostalAddress billingPostalAddress "
         "shippingPostalAddress currencyId currencyCode orderId orderNumber paymentTermsId shipmentMethodId "
         "salesperson pricesIncludeTax remainingAmount discountAmount discountAppliedBeforeTax "
         "totalAmountExcludingTax totalTaxAmount totalAmountIncludingTax status lastModifiedDateTime phoneNumber "
         "email salesInvoiceLines", _TOTALS + " orderId orderNumber"),
    _set("purchaseInvoices", "purchaseInvoice", "id number invoiceDate dueDate vendorInvoiceNumber vendorId "
         "vendorNumber vendorName payToName payToContact payToVendorId payToVendorNumber shipToName shipToContact "
         "buyFromAddress payToAddress shipToAddress currencyId currencyCode pricesIncludeTax discountAmount "
         "discountAppliedBeforeTax totalAmountExcludingTax totalTaxAmount totalAmountIncludingTax status "
         "lastModifiedDateTime purchaseInvoiceLines", _TOTALS),
    _set("salesCreditMemos", "salesCreditMemo", "id number externalDocumentNumber creditMemoDate dueDate customerId "
         "contactId customerNumber customerName billToName billToCustomerId billToCustomerNumber "
         "sellingPostalAddress billingPostalAddress currencyId currencyCode paymentTermsId shipmentMethodId "
         "salesperson pricesIncludeTax discountAmount discountAppliedBeforeTax totalAmountExcludingTax "
         "totalTaxAmount totalAmountIncludingTax status lastModifiedDateTime invoiceId invoiceNumber phoneNumber "
         "email salesCreditMemoLines", _TOTALS),
    _set("salesInvoiceLines", "salesInvoiceLine", _LINE.format(price="unitPrice", date="shipmentDate"),
         _READ_ONLY_LINE),
    _set("purchaseInvoiceLines", "purchaseInvoiceLine", _LINE.format(price="unitCost", date="expectedReceiptDate")
         .replace("unitOfMeasureId ", ""), _READ_ONLY_LINE),
    _set("salesCreditMemoLines", "salesCreditMemoLine", _LINE.format(price="unitPrice", date="shipmentDate"),
         _READ_ONLY_LINE),
    _set("customerPaymentJournals", "customerPaymentJournal", "id code displayName lastModifiedDateTime "
         "balancingAccountId balancingAccountNumber"),
    _set("customerPayments", "customerPayment", "id journalDisplayName lineNumber customerId customerNumber "
         "contactId postingDate documentNumber externalDocumentNumber amount appliesToInvoiceId "
         "appliesToInvoiceNumber description comment lastModifiedDateTime", "id lastModifiedDateTime"),
    _set("journals", "journal", "id code displayName lastModifiedDateTime balancingAccountId balancingAccountNumber"),
    _set("journalLines", "journalLine", "id journalDisplayName lineNumber accountType accountId accountNumber "
         "postingDate documentNumber externalDocumentNumber amount description comment lastModifiedDateTime"),
    _set("generalLedgerEntries", "generalLedgerEntry", "id postingDate documentNumber documentType accountId "
         "accountNumber description debitAmount creditAmount lastModifiedDateTime", create=False, update=False,
         delete=False),
)}

#: what ``$expand`` may bring under a record of a set, and the child set that holds it
EXPANDS = {
    "salesInvoices": {"salesInvoiceLines": "salesInvoiceLines"},
    "purchaseInvoices": {"purchaseInvoiceLines": "purchaseInvoiceLines"},
    "salesCreditMemos": {"salesCreditMemoLines": "salesCreditMemoLines"},
    "journals": {"journalLines": "journalLines"},
    "customerPaymentJournals": {"customerPayments": "customerPayments"},
    "dimensions": {"dimensionValues": "dimensionValues"},
}
#: child set → the field of a child naming its parent
PARENT_FIELD = {"salesInvoiceLines": "documentId", "purchaseInvoiceLines": "documentId",
                "salesCreditMemoLines": "documentId", "journalLines": "_journal", "customerPayments": "_journal",
                "dimensionValues": "_dimension"}
