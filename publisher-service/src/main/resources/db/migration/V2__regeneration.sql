-- One row per regeneration an editor asked for: which revision it makes, which papers are made again (the others
-- are carried over from the revision before), and the model override, if any. Written with the request, so the
-- revision it makes knows what to take from where.
CREATE TABLE regeneration (
    issue_id     VARCHAR(100) NOT NULL REFERENCES issue (issue_id),
    revision     INTEGER      NOT NULL CHECK (revision >= 2),
    paper_keys   JSONB        NOT NULL,
    model        VARCHAR(200),
    requested_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (issue_id, revision)
);
