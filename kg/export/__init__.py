"""Writers of the exports; every file is written to a temporary name and moved into place."""
