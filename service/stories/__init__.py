"""Stories: whether two claims of one speaker say the same thing (plain functions, no database)."""
