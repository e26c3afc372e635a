"""A proposed transfer: the model, and the loader that validates YAML into it."""
