package org.paperdigest.publisher.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.paperdigest.events.PaperAnswered;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.events.PaperSummarized;
import org.paperdigest.publisher.domain.PaperRecord;

/** What was received for one paper of one issue; see {@link PaperRecord}. */
@Entity
@Table(name = "paper_state")
public class PaperStateEntity extends PanacheEntityBase {

    @EmbeddedId
    public PaperStateId id;

    /** The issue revision this paper is being made for; events made for an earlier one are stale. */
    @Column(nullable = false)
    public int revision = 1;

    /** Without its full text. */
    @JdbcTypeCode(SqlTypes.JSON)
    public PaperFetched fetched;

    @JdbcTypeCode(SqlTypes.JSON)
    public PaperSummarized summary;

    @JdbcTypeCode(SqlTypes.JSON)
    public PaperAnswered answers;

    @Column(name = "fetch_failure")
    public String fetchFailure;

    @Column(name = "summarize_failure")
    public String summarizeFailure;

    @Column(name = "answer_failure")
    public String answerFailure;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Callers hold the issue's lock, so no other transaction creates this row meanwhile. */
    public static PaperStateEntity findOrCreate(String issueId, String paperKey, Instant now) {
        PaperStateId id = new PaperStateId(issueId, paperKey);
        PaperStateEntity paper = findById(id);
        if (paper == null) {
            paper = new PaperStateEntity();
            paper.id = id;
            paper.updatedAt = now;
            paper.persist();
        }
        return paper;
    }

    /** Forgets everything received, for a paper made again for {@code revision}: only its events count from now on. */
    public void clear(int revision, Instant now) {
        this.revision = revision;
        fetched = null;
        summary = null;
        answers = null;
        fetchFailure = null;
        summarizeFailure = null;
        answerFailure = null;
        updatedAt = now;
    }

    /** Every paper heard of in the issue, by paper key. */
    public static Map<String, PaperRecord> recordsOf(String issueId) {
        return PaperStateEntity.<PaperStateEntity>stream("id.issueId", issueId)
                .map(PaperStateEntity::toRecord)
                .collect(Collectors.toMap(PaperRecord::paperKey, Function.identity()));
    }

    public PaperRecord toRecord() {
        return new PaperRecord(id.paperKey, fetched, summary, answers, fetchFailure, summarizeFailure, answerFailure);
    }
}
