package org.paperdigest.publisher;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;

/**
 * Reads the publisher's tables directly, so tests check what is stored rather than what the API says, and
 * removes a test's issues afterwards: the schema is shared with the system test and with running services.
 */
@ApplicationScoped
public class StoreProbe {

    @Inject
    AgroalDataSource dataSource;

    public long revisions(String issueId) {
        return count("SELECT count(*) FROM publisher.issue_revision WHERE issue_id = ?", issueId);
    }

    public long processedEvents(String issueId) {
        return count("SELECT count(*) FROM publisher.processed_event WHERE issue_id = ?", issueId);
    }

    public long paperStates(String issueId) {
        return count("SELECT count(*) FROM publisher.paper_state WHERE issue_id = ?", issueId);
    }

    /** When any paper of the issue last changed: an event applied a second time would move it. */
    public String lastPaperChange(String issueId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT max(updated_at)::text FROM publisher.paper_state WHERE issue_id = ?")) {
            statement.setString(1, issueId);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean allProcessed(Collection<String> eventIds) {
        return eventIds.stream().allMatch(id ->
                count("SELECT count(*) FROM publisher.processed_event WHERE event_id = ?", id) == 1);
    }

    /** How many pushes of the issue are recorded for {@code channel}, over all its revisions. */
    public long pushDeliveries(String issueId, String channel) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT count(*) FROM publisher.push_delivery WHERE issue_id = ? AND channel = ?")) {
            statement.setString(1, issueId);
            statement.setString(2, channel);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored render of the issue's revision in {@code format} (PAGE, MARKDOWN, …) as text; null if none. */
    public String storedRender(String issueId, int revision, String format) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT convert_from(body, 'UTF8')"
                        + " FROM publisher.revision_render WHERE issue_id = ? AND revision = ? AND format = ?")) {
            statement.setString(1, issueId);
            statement.setInt(2, revision);
            statement.setString(3, format);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long storedRenders(String issueId) {
        return count("SELECT count(*) FROM publisher.revision_render WHERE issue_id = ?", issueId);
    }

    /** Replaces every stored render of the issue by {@code body}, as renderers of an earlier version made it. */
    public void replaceStoredRenders(String issueId, String body) {
        update("UPDATE publisher.revision_render SET body = convert_to(?, 'UTF8'), etag = md5(?) || md5(?)"
                + " WHERE issue_id = ?", body, body, body + "!", issueId);
    }

    public void deleteStoredRenders(String issueId) {
        update("DELETE FROM publisher.revision_render WHERE issue_id = ?", issueId);
    }

    private void update(String sql, String... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stores a published revision 1 of the issue as earlier versions of the service stored it, row by row. */
    public void storePublishedRevision(String issueId, String planJson, String contentJson, String markdown,
            Instant publishedAt) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement issue = connection.prepareStatement("""
                        INSERT INTO publisher.issue (issue_id, planned_at, plan, status, papers_done, papers_total,
                            published_revision, published_at, created_at, updated_at)
                        VALUES (?, ?, ?::jsonb, 'PUBLISHED', 0, 0, 1, ?, ?, ?)""");
                PreparedStatement revision = connection.prepareStatement("""
                        INSERT INTO publisher.issue_revision (issue_id, revision, published_at, paper_count,
                            failed_count, content, markdown)
                        VALUES (?, 1, ?, 0, 0, ?::jsonb, ?)""")) {
            Timestamp at = Timestamp.from(publishedAt);
            issue.setString(1, issueId);
            issue.setTimestamp(2, at);
            issue.setString(3, planJson);
            issue.setTimestamp(4, at);
            issue.setTimestamp(5, at);
            issue.setTimestamp(6, at);
            issue.executeUpdate();
            revision.setString(1, issueId);
            revision.setTimestamp(2, at);
            revision.setString(3, contentJson);
            revision.setString(4, markdown);
            revision.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes everything stored for a test's issue. */
    public void deleteIssue(String issueId) {
        try (Connection connection = dataSource.getConnection()) {
            for (String table : new String[] {"processed_event", "paper_state", "push_delivery", "issue_revision", "regeneration", "issue"}) {
                try (PreparedStatement statement = connection.prepareStatement(
                        "DELETE FROM publisher." + table + " WHERE issue_id = ?")) {
                    statement.setString(1, issueId);
                    statement.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql, String parameter) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
