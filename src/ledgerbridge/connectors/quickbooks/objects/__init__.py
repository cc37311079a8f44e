"""One module per unified object QuickBooks serves, each exporting its ``DECLARATION``."""
