-- One table holds every record of the metadata store (see MetadataStore).
-- The text keys use the "C" collation so that ordering and range comparisons are by code point,
-- whatever the database's default locale, and agree with H2; it also lets the btree indexes
-- serve the LIKE 'prefix/%' of cascading deletes.
CREATE TABLE quire_entity (
    kind       VARCHAR(128)  COLLATE "C" NOT NULL,
    id         VARCHAR(512)  COLLATE "C" NOT NULL,
    scope      VARCHAR(1024) COLLATE "C" NOT NULL,
    json       TEXT          NOT NULL,
    version    BIGINT        NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT quire_entity_pk PRIMARY KEY (kind, id)
);

CREATE INDEX quire_entity_kind_scope_id ON quire_entity (kind, scope, id);
-- Cascading deletes select by scope alone, of every kind.
CREATE INDEX quire_entity_scope ON quire_entity (scope);
