"""One module per unified object the Xero connector serves, each exporting its ``DECLARATION``."""
