"""The quickscan tables and their migrations; the quickscan package owns them."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATIONS = Migrations("quickscan")


@MIGRATIONS()
def m001_quickscan_tables(db: Database) -> None:
    """Create responses (one filled-in scan) and their answers."""
    db["quickscan_responses"].create(  # type: ignore[union-attr]
        {
            "id": int,
            "questionnaire_id": str,
            "questionnaire_version": str,
            "language": str,
            "role": str,
            "respondent": str,
            "team": str,
            "started_at": str,
            "completed_at": str,
            "status": str,
        },
        pk="id",
        not_null={
            "questionnaire_id",
            "questionnaire_version",
            "language",
            "role",
            "status",
            "started_at",
        },
    )
    db["quickscan_responses"].create_index(["team", "role", "status"])  # type: ignore[union-attr]
    db["quickscan_answers"].create(  # type: ignore[union-attr]
        {
            "response_id": int,
            "question_id": str,
            "value": int,
            "comment": str,
            "answered_at": str,
        },
        pk=("response_id", "question_id"),
        foreign_keys=[("response_id", "quickscan_responses", "id")],
        not_null={"response_id", "question_id", "answered_at"},
    )


@MIGRATIONS()
def m002_quickscan_questionnaires(db: Database) -> None:
    """Keep the exact questionnaire definition each scan was filled in with."""
    db["quickscan_questionnaires"].create(  # type: ignore[union-attr]
        {
            "id": str,
            "version": str,
            "sha256": str,
            "definition": str,
            "registered_at": str,
        },
        pk=("id", "version"),
        not_null={"id", "version", "sha256", "definition", "registered_at"},
    )
