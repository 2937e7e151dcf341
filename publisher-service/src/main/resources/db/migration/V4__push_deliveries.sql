-- One row per published revision and push channel (a webhook by its configured name, or one e-mail subscriber),
-- written in the transaction that stores the revision: the key makes each delivery happen at most once. A row is
-- PENDING until due, SENDING while one attempt is under way, then DELIVERED, or FAILED once its attempts are spent.
CREATE TABLE push_delivery (
    issue_id        VARCHAR(100) NOT NULL,
    revision        INTEGER      NOT NULL,
    channel         VARCHAR(300) NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    attempts        INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ  NOT NULL,
    last_error      TEXT,
    delivered_at    TIMESTAMPTZ,
    PRIMARY KEY (issue_id, revision, channel),
    FOREIGN KEY (issue_id, revision) REFERENCES issue_revision (issue_id, revision)
);

CREATE INDEX push_delivery_due_idx ON push_delivery (next_attempt_at) WHERE status = 'PENDING';
