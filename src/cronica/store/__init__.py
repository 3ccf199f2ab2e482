"""The store: documents, events, statements, tallies, claims and merges in SQLite or PostgreSQL."""
