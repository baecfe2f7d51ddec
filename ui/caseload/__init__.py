"""The caseload page: the list with its filters and model, import and retention."""
