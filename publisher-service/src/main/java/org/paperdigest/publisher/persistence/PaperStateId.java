package org.paperdigest.publisher.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;

/** A paper within an issue: the same paper can appear in several issues. */
@Embeddable
public class PaperStateId implements Serializable {

    @Column(name = "issue_id")
    public String issueId;

    @Column(name = "paper_key")
    public String paperKey;

    public PaperStateId() {
    }

    public PaperStateId(String issueId, String paperKey) {
        this.issueId = issueId;
        this.paperKey = paperKey;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PaperStateId id && issueId.equals(id.issueId) && paperKey.equals(id.paperKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(issueId, paperKey);
    }
}
