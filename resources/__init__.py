"""Bundled data (translations, fonts, questionnaires) and the small Qt-free helpers that read it."""
