package org.paperdigest.publisher.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;

@Embeddable
public class IssueRevisionId implements Serializable {

    @Column(name = "issue_id")
    public String issueId;

    @Column(name = "revision")
    public int revision;

    public IssueRevisionId() {
    }

    public IssueRevisionId(String issueId, int revision) {
        this.issueId = issueId;
        this.revision = revision;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IssueRevisionId id && issueId.equals(id.issueId) && revision == id.revision;
    }

    @Override
    public int hashCode() {
        return Objects.hash(issueId, revision);
    }
}
