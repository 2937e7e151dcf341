package org.paperdigest.publisher.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A regeneration an editor asked for: the revision it makes and the papers made again for it. */
@Entity
@Immutable
@Table(name = "regeneration")
public class RegenerationEntity {

    @EmbeddedId
    public IssueRevisionId id;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "paper_keys", nullable = false)
    public List<String> paperKeys;

    /** Null: the LLM services' configured model. */
    public String model;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;
}
