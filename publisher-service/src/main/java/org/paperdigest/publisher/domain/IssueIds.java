package org.paperdigest.publisher.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** The issue id forms of the event contract: a week's start date, or {@code custom-…} for user-made issues. */
public final class IssueIds {

    private static final Pattern FORM = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}|custom-[A-Za-z0-9._-]{1,93})$");

    private IssueIds() {
    }

    /** A user-made issue: a reading list of its own, no week of the weekly list. */
    public static boolean isCustom(String issueId) {
        return issueId != null && issueId.startsWith("custom-");
    }

    /** Why {@code issueId} is not an issue id, or empty when it is one. */
    public static Optional<String> problem(String issueId) {
        if (issueId == null || !FORM.matcher(issueId).matches()) {
            return Optional.of("an issue id is a week's start date (YYYY-MM-DD, e.g. 2023-11-20) or custom-<letters,"
                    + " digits, '.', '_', '-'>");
        }
        if (!isCustom(issueId)) {
            try {
                LocalDate.parse(issueId);
            } catch (DateTimeParseException e) {
                return Optional.of(issueId + " is not a calendar date");
            }
        }
        return Optional.empty();
    }
}
