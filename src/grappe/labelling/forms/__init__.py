"""Forms of the labelling pages; the services check the data again and have the last word."""
