"""The Quickscan Diversiteit: questionnaire, scoring, advice and the advice report (no Qt)."""
