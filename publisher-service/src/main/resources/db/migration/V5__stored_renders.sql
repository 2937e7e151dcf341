-- What readers are served, rendered once: each published revision's page, revision page, Markdown and JSON, with
-- the strong ETag of each, so that a read is a lookup rather than a render. Written when the revision is stored,
-- and again only by the admin re-render after a template change. A revision published before this table existed
-- is rendered on its first read. Renders are derived from the revision and go with it.
CREATE TABLE revision_render (
    issue_id    VARCHAR(100) NOT NULL,
    revision    INTEGER      NOT NULL,
    format      VARCHAR(20)  NOT NULL,
    body        BYTEA        NOT NULL,
    etag        VARCHAR(64)  NOT NULL,
    rendered_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (issue_id, revision, format),
    FOREIGN KEY (issue_id, revision) REFERENCES issue_revision (issue_id, revision) ON DELETE CASCADE
);

-- The Atom feed, one row, rendered again in the transaction of each publication. Publications lock this row while
-- they render it, so the last to commit has seen every other one. Empty (NULL body) until the first render.
CREATE TABLE feed_render (
    id          SMALLINT    PRIMARY KEY CHECK (id = 1),
    body        BYTEA,
    etag        VARCHAR(64),
    rendered_at TIMESTAMPTZ
);

INSERT INTO feed_render (id) VALUES (1);
