package org.paperdigest.fetcher.domain;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * A downloaded document.
 *
 * @param url         where it was downloaded from
 * @param contentType the server's Content-Type, or null
 */
public record Document(String url, String contentType, byte[] body) {

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    /** By content type, or by the PDF signature when a server labels a PDF as something generic. */
    public boolean isPdf() {
        return type().contains("application/pdf") || (body.length >= PDF_MAGIC.length
                && Arrays.equals(Arrays.copyOf(body, PDF_MAGIC.length), PDF_MAGIC));
    }

    public boolean isHtml() {
        return type().contains("text/html") || type().contains("application/xhtml");
    }

    /** The content type for a message: the server's, or a note that it sent none. */
    public String typeForMessage() {
        return contentType == null ? "no content type" : contentType;
    }

    private String type() {
        return contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    }
}
