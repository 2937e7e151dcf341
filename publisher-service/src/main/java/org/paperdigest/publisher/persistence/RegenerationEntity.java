package org.paperdigest.publisher.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A regeneration an editor asked for: the revision it makes and the papers made again for it. */
@Entity
@Immutable
@Table(name = "regeneration")
public class RegenerationEntity extends PanacheEntityBase {

    @EmbeddedId
    public IssueRevisionId id;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "paper_keys", nullable = false)
    public List<String> paperKeys;

    /** Null: the LLM services' configured model. */
    public String model;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    public static RegenerationEntity of(String issueId, int revision, List<String> paperKeys, String model,
            Instant requestedAt) {
        RegenerationEntity regeneration = new RegenerationEntity();
        regeneration.id = new IssueRevisionId(issueId, revision);
        regeneration.paperKeys = List.copyOf(paperKeys);
        regeneration.model = model;
        regeneration.requestedAt = requestedAt;
        return regeneration;
    }

    public static Optional<RegenerationEntity> find(String issueId, int revision) {
        return findByIdOptional(new IssueRevisionId(issueId, revision));
    }
}
