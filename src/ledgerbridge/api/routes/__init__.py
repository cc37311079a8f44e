"""Route modules: ``unified`` (generated from the registry), ``health``, ``core`` (projects, connections...)."""
