"""The caseload tracker for intensive guidance: clients, ladder, barriers, contacts, plan (no Qt)."""
