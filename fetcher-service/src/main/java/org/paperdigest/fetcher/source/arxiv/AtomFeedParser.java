package org.paperdigest.fetcher.source.arxiv;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jboss.logging.Logger;
import org.paperdigest.fetcher.domain.ArxivId;

/**
 * Reads export-API answers. Handles the current format (one-line summaries, https links, title before updated)
 * and the older one (hard-wrapped title and summary, http links, {@code scheme} on primary_category), with or
 * without {@code arxiv:affiliation}, {@code arxiv:doi}, {@code arxiv:comment} and {@code arxiv:journal_ref}:
 * elements are matched by name, never by position.
 */
public final class AtomFeedParser {

    private static final Logger LOG = Logger.getLogger(AtomFeedParser.class);
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String ARXIV = "http://arxiv.org/schemas/atom";
    private static final String OPENSEARCH = "http://a9.com/-/spec/opensearch/1.1/";

    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        // An answer from the network never gets to pull in DTDs or external entities.
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XML.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    }

    private AtomFeedParser() {
    }

    /**
     * @throws ArxivApiException for arXiv's error feed (e.g. {@code incorrect id format for abc}) or a body that is
     *                           not an Atom feed
     */
    public static ArxivFeed parse(String xml) throws ArxivApiException {
        if (xml == null || xml.isBlank()) {
            throw new ArxivApiException("arXiv answered with an empty body");
        }
        try {
            XMLStreamReader reader = XML.createXMLStreamReader(new StringReader(xml));
            try {
                return readFeed(reader);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new ArxivApiException("arXiv's answer is not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static ArxivFeed readFeed(XMLStreamReader reader) throws XMLStreamException, ArxivApiException {
        reader.nextTag();
        if (!ATOM.equals(reader.getNamespaceURI()) || !"feed".equals(reader.getLocalName())) {
            throw new ArxivApiException("arXiv's answer is not an Atom feed (root element "
                    + reader.getName() + ")");
        }
        int total = -1;
        List<ArxivEntry> entries = new ArrayList<>();
        while (reader.hasNext()) {
            if (reader.next() != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (OPENSEARCH.equals(reader.getNamespaceURI()) && "totalResults".equals(reader.getLocalName())) {
                total = Integer.parseInt(reader.getElementText().strip());
            } else if (ATOM.equals(reader.getNamespaceURI()) && "entry".equals(reader.getLocalName())) {
                readEntry(reader).ifPresent(entries::add);
            }
        }
        return new ArxivFeed(total < 0 ? entries.size() : total, entries, null);
    }

    private static Optional<ArxivEntry> readEntry(XMLStreamReader reader) throws XMLStreamException,
            ArxivApiException {
        String id = null;
        String title = null;
        String summary = null;
        String published = null;
        String updated = null;
        String absUrl = null;
        String pdfUrl = null;
        String primary = null;
        String doi = null;
        String journalRef = null;
        String comment = null;
        List<String> authors = new ArrayList<>();
        Set<String> categories = new LinkedHashSet<>();
        int depth = 1;
        while (depth > 0) {
            int event = reader.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String ns = reader.getNamespaceURI();
            String name = reader.getLocalName();
            if (ATOM.equals(ns)) {
                switch (name) {
                    case "id" -> id = reader.getElementText().strip();
                    case "title" -> title = TexText.collapseWhitespace(reader.getElementText());
                    case "summary" -> summary = TexText.collapseWhitespace(reader.getElementText());
                    case "published" -> published = reader.getElementText().strip();
                    case "updated" -> updated = reader.getElementText().strip();
                    case "category" -> {
                        addIfPresent(categories, reader.getAttributeValue(null, "term"));
                        depth++;
                    }
                    case "link" -> {
                        String href = reader.getAttributeValue(null, "href");
                        String rel = reader.getAttributeValue(null, "rel");
                        String type = reader.getAttributeValue(null, "type");
                        String linkTitle = reader.getAttributeValue(null, "title");
                        if ("pdf".equals(linkTitle) || "application/pdf".equals(type)) {
                            pdfUrl = href;
                        } else if ("alternate".equals(rel)) {
                            absUrl = href;
                        }
                        depth++;
                    }
                    case "author" -> depth++;
                    case "name" -> authors.add(TexText.collapseWhitespace(reader.getElementText()));
                    default -> skip(reader);
                }
            } else if (ARXIV.equals(ns)) {
                switch (name) {
                    case "primary_category" -> {
                        primary = reader.getAttributeValue(null, "term");
                        depth++;
                    }
                    case "doi" -> doi = blankToNull(reader.getElementText());
                    case "journal_ref" -> journalRef = blankToNull(reader.getElementText());
                    case "comment" -> comment = blankToNull(reader.getElementText());
                    default -> skip(reader); // affiliation and anything newer
                }
            } else {
                skip(reader);
            }
        }
        if (id != null && id.contains("arxiv.org/api/errors")) {
            throw new ArxivApiException("arXiv rejected the query: " + (summary == null ? id : summary));
        }
        Optional<ArxivId> arxivId = id == null ? Optional.empty() : ArxivId.fromUrl(id);
        if (arxivId.isEmpty()) {
            LOG.warnf("skipping an export-API entry whose id is not an arXiv abs URL: %s", id);
            return Optional.empty();
        }
        List<String> ordered = new ArrayList<>();
        addIfPresent(ordered, primary);
        for (String code : categories) {
            if (!code.equals(primary)) {
                ordered.add(code);
            }
        }
        ArxivId versioned = arxivId.get();
        return Optional.of(new ArxivEntry(versioned, title, summary, authors, date(published), date(updated), ordered,
                arxivUrl(absUrl, "https://arxiv.org/abs/" + versioned.versioned()),
                arxivUrl(pdfUrl, "https://arxiv.org/pdf/" + versioned.versioned()),
                doi, journalRef, comment));
    }

    /** Skips the current element and its children. */
    private static void skip(XMLStreamReader reader) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** The feed's link upgraded to https (older answers use http), or the canonical form when absent. */
    private static String arxivUrl(String href, String fallback) {
        if (href == null || href.isBlank()) {
            return fallback;
        }
        String url = href.strip();
        return url.startsWith("http://arxiv.org/") ? "https://" + url.substring("http://".length()) : url;
    }

    /** arXiv's timestamps are UTC; the events carry the UTC day. */
    private static LocalDate date(String timestamp) {
        if (timestamp == null || timestamp.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(timestamp).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException e) {
            LOG.warnf("unreadable export-API date '%s'", timestamp);
            return null;
        }
    }

    private static void addIfPresent(Collection<String> target, String value) {
        if (value != null && !value.isBlank()) {
            target.add(value.strip());
        }
    }

    private static String blankToNull(String text) {
        String collapsed = TexText.collapseWhitespace(text);
        return collapsed.isEmpty() ? null : collapsed;
    }
}
