"""Alembic environment: migrations run on the connection claimgraph hands over (see
claimgraph.store.schema), never on a URL from an ini file."""

from alembic import context

from claimgraph.store.tables import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
