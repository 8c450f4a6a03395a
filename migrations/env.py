"""Alembic environment: the timeline models' metadata, the CLI's database selection.

A caller may hand in an open connection as config.attributes["connection"];
otherwise the database comes from `-x db=...`, then TIMELINE_DB, then the default file.
"""

from __future__ import annotations

from alembic import context

import timeline.models  # noqa: F401  (registers every table on the metadata)
from timeline.db import Database
from timeline.migrate import include_in_autogenerate
from timeline.models import Base, is_engine_specific

config = context.config
target_metadata = Base.metadata


def include_name(name, type_, _parent_names) -> bool:  # type: ignore[no-untyped-def]
    return not is_engine_specific(name)


def _configure(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        include_name=include_name,
        include_object=include_in_autogenerate(connection.dialect.name),
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        transactional_ddl=True,
    )


def run_migrations_offline() -> None:
    from timeline.db import resolve_url

    context.configure(
        url=resolve_url(context.get_x_argument(as_dictionary=True).get("db")),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    database = Database.open(context.get_x_argument(as_dictionary=True).get("db"))
    try:
        with database.write_engine.connect() as connection:
            _configure(connection)
            with context.begin_transaction():
                context.run_migrations()
            connection.commit()
    finally:
        database.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
