from enum import StrEnum

class ProAccountMandateMigrationsCreateResponseDirectDebitMethod(StrEnum):
    GOCARDLESS = "GoCardless"
    PROACCOUNT = "ProAccount"
    XML = "XML"

    def __str__(self) -> str:
        return str(self.value)
