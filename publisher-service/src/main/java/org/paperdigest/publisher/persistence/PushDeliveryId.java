package org.paperdigest.publisher.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;

@Embeddable
public class PushDeliveryId implements Serializable {

    @Column(name = "issue_id")
    public String issueId;

    @Column(name = "revision")
    public int revision;

    @Column(name = "channel")
    public String channel;

    public PushDeliveryId() {
    }

    public PushDeliveryId(String issueId, int revision, String channel) {
        this.issueId = issueId;
        this.revision = revision;
        this.channel = channel;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PushDeliveryId id && issueId.equals(id.issueId) && revision == id.revision
                && channel.equals(id.channel);
    }

    @Override
    public int hashCode() {
        return Objects.hash(issueId, revision, channel);
    }
}
