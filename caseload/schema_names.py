"""The names of the caseload's tables and indexes that its reads name in their SQL.

Kept apart from ``caseload.schema`` (which holds the migrations and so loads sqlite-utils) so
that the window's first page can be read before sqlite-utils and the migrations are loaded
(``app.first_read``); ``caseload.schema`` uses and exports the same names.
"""

from __future__ import annotations

#: Derived data a migration left to be computed again once every migration has run.
STALE_TABLE = "_caseload_stale"
#: The FTS5 table that the search covers (``schema.SEARCH_COLUMNS`` of the clients).
FTS_TABLE = "clients_fts"
#: Each client's entry by id, with its status, attention columns and sort name: a search's hits
#: joined to it are counted and shown in name order without reading a client row.
SEARCH_INDEX = "idx_clients_id_search"
#: The name order within a status (the caseload's default sort) with every column a filter on
#: the clients' own columns reads: the first window of such a filter walks it in order and keeps
#: the matching entries, without looking up a client (``caseload_window``, by name).
WALK_INDEX = "idx_clients_status_sort_name_walk"
