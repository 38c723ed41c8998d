-- One table holds every record of the metadata store (see MetadataStore).
-- H2 compares VARCHAR by UTF-16 code units (no collation set), which matches the "C" collation
-- the PostgreSQL migration puts on the same columns for every character outside the astral planes.
CREATE TABLE quire_entity (
    kind       VARCHAR(128)  NOT NULL,
    id         VARCHAR(512)  NOT NULL,
    scope      VARCHAR(1024) NOT NULL,
    json       CLOB          NOT NULL,
    version    BIGINT        NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT quire_entity_pk PRIMARY KEY (kind, id)
);

CREATE INDEX quire_entity_kind_scope_id ON quire_entity (kind, scope, id);
-- Cascading deletes select by scope alone, of every kind.
CREATE INDEX quire_entity_scope ON quire_entity (scope);
