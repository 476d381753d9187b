-- Every text model the analyzer trained: what it learned from (fingerprints, counts), how it scored on the
-- corpus' held-out rows, and the model itself, so every instance classifies with the same one, a restart loads it
-- instead of training again, and an admin can go back to an earlier one.
create table text_model (
    id                 bigint       generated always as identity primary key,
    taxonomy_version   int          not null,
    -- of the training rows (corpus and people's labels) and their features: the same data gives the same model
    fingerprint        text         not null,
    -- of this release's corpus and feature code: a model from another release cannot be loaded by this one
    corpus_fingerprint text         not null,
    trained_at         timestamptz  not null,
    training_millis    int          not null,
    corpus_rows        int          not null,
    people_labels      int          not null,
    -- accuracy, macro-F1 and review-queue share per held-out language; null until measured (in the background)
    metrics            jsonb,
    -- Tribuo's protobuf form, gzipped; null once pruned (only the newest few keep theirs)
    model              bytea,
    active             boolean      not null default false,
    activated_at       timestamptz,
    activated_by       text,
    -- an admin chose this model: models trained later are kept but not activated until an admin says so
    held               boolean      not null default false,
    note               text,
    unique (taxonomy_version, fingerprint)
);
create unique index text_model_one_active on text_model (taxonomy_version) where active;
