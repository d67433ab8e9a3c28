"""HTTP plumbing shared by the blueprints: errors, cursors, security, limits, caching, logs, export formats. No extractors, no database."""
