"""Forms of the directory pages: one module per page group."""
