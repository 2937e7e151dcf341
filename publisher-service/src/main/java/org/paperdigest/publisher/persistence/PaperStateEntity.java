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

    /** Forgets everything received, for a paper made again: only what arrives from now on counts. */
    public void clear(Instant now) {
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
