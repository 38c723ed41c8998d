-- Change counters shared by every node (MetadataStore.generation / bumpGeneration), e.g. one per
-- application that moves whenever a user, alias, group or index changes, so that caches of
-- resolved principals on every node notice the change at the next request. Rows are never deleted.
CREATE TABLE quire_generation (
    name       VARCHAR(512) NOT NULL,
    generation BIGINT       NOT NULL,
    CONSTRAINT quire_generation_pk PRIMARY KEY (name)
);
