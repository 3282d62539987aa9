"""The labelling pages: member, expert, staff and public views, one module per subject."""
