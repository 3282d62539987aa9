"""Pages of the capability directory: the search, capabilities, the vocabulary."""
