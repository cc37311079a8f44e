"""One module per unified object Tryton serves, each exporting its ``DECLARATION``."""
