package org.paperdigest.publisher.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The golden content column of a stored revision (see {@link StoredRevisionTest}). */
public final class StoredRevisions {

    private StoredRevisions() {
    }

    /** A fresh copy each time, so a test may change it. */
    public static JsonNode golden() {
        try (InputStream in = StoredRevisions.class.getResourceAsStream("/stored/issue-revision-content.json")) {
            return JsonColumnFormat.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
