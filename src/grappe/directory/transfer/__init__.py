"""Import and export of organisations as CSV or XLSX files (docs/data-formats.md).

`reading` turns a file's bytes into a table of text cells, `rows` checks each row and plans
what it will change, `importing` writes a plan in one transaction, `exporting` writes the
directory back in the same columns.
"""
