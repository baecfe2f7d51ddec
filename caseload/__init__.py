"""The caseload tracker for intensive guidance: clients, ladder, barriers, contacts (no Qt)."""
