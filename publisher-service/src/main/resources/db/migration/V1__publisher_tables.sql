-- Flyway runs this with search_path = publisher (quarkus.flyway.schemas), so names are unqualified.

-- Every consumed event's ce_id, written in the same transaction as the event's effect: a redelivered
-- event finds its id here and changes nothing.
CREATE TABLE processed_event (
    event_id     VARCHAR(200) PRIMARY KEY,
    event_type   VARCHAR(100) NOT NULL,
    issue_id     VARCHAR(100) NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL
);

-- One row per issue, created by the first event that names it (a plan or any paper event). Consumers
-- lock this row (SELECT ... FOR UPDATE) before touching the issue, which serializes the events of one
-- issue across the topics' consumer threads, so exactly one of them sees the issue complete.
CREATE TABLE issue (
    issue_id           VARCHAR(100) PRIMARY KEY,
    title              TEXT,
    week_start         DATE,
    week_end           DATE,
    planned_at         TIMESTAMPTZ,
    plan               JSONB,
    status             VARCHAR(20)  NOT NULL,
    papers_done        INTEGER      NOT NULL DEFAULT 0,
    papers_total       INTEGER      NOT NULL DEFAULT 0,
    published_revision INTEGER,
    published_at       TIMESTAMPTZ,
    created_at         TIMESTAMPTZ  NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL
);

CREATE INDEX issue_week_start_idx ON issue (week_start);

-- What is known about one paper of one issue, whatever order its events came in. The full text of
-- papers-fetched is not kept: publishing needs only its metadata.
CREATE TABLE paper_state (
    issue_id          VARCHAR(100) NOT NULL REFERENCES issue (issue_id),
    paper_key         VARCHAR(100) NOT NULL,
    fetched           JSONB,
    summary           JSONB,
    answers           JSONB,
    fetch_failure     TEXT,
    summarize_failure TEXT,
    answer_failure    TEXT,
    updated_at        TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (issue_id, paper_key)
);

-- Published revisions are immutable; the primary key makes a second revision 1 of the same issue
-- impossible even if the issue lock were bypassed.
CREATE TABLE issue_revision (
    issue_id     VARCHAR(100) NOT NULL REFERENCES issue (issue_id),
    revision     INTEGER      NOT NULL,
    published_at TIMESTAMPTZ  NOT NULL,
    paper_count  INTEGER      NOT NULL,
    failed_count INTEGER      NOT NULL,
    content      JSONB        NOT NULL,
    markdown     TEXT         NOT NULL,
    PRIMARY KEY (issue_id, revision)
);
