"""Everything that talks to the database: models, migrations, repositories, the claim-query compiler, row → JSON. Never imports an extractor."""
