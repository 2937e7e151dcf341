package org.paperdigest.fetcher.source.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.nodes.Element;
import org.paperdigest.fetcher.domain.Document;

/**
 * What a web page says about the paper it presents, from the tags publishers put there for indexers: Highwire
 * {@code citation_*} tags (Google Scholar's), then OpenGraph, then plain {@code description}. A field no tag
 * provides stays null (unknown), never guessed.
 *
 * @param published the publication day, when a tag gives a full date
 * @param pdfUrl    absolute URL of the paper's PDF, when the page links one in {@code citation_pdf_url}
 */
public record PageMetadata(String title, List<String> authors, String abstractText, LocalDate published,
        String pdfUrl, String doi, String journal) {

    private static final Pattern DATE = Pattern.compile("^(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})");
    private static final Pattern DOI = Pattern.compile("(10\\.\\d{4,9}/\\S+)");

    public PageMetadata {
        authors = List.copyOf(authors);
    }

    public static PageMetadata read(org.jsoup.nodes.Document page) {
        String title = first(page, "citation_title", "og:title", "dc.title").orElse(null);
        List<String> authors = all(page, "citation_author");
        if (authors.isEmpty()) {
            authors = all(page, "dc.creator");
        }
        String abstractText = first(page, "citation_abstract", "og:description", "description", "dc.description")
                .orElse(null);
        LocalDate published = Stream.of("citation_publication_date", "citation_date", "citation_online_date",
                        "article:published_time", "dc.date")
                .map(name -> first(page, name).flatMap(PageMetadata::date))
                .flatMap(Optional::stream).findFirst().orElse(null);
        String pdfUrl = metaElements(page, "citation_pdf_url").stream().map(element -> element.absUrl("content"))
                .filter(url -> !url.isBlank()).findFirst().orElse(null);
        String doi = first(page, "citation_doi", "dc.identifier").flatMap(PageMetadata::doi).orElse(null);
        String journal = first(page, "citation_journal_title", "citation_conference_title").orElse(null);
        return new PageMetadata(title, authors, abstractText, published, pdfUrl, doi, journal);
    }

    /** "2023/11/20", "2023-11-20" and "2023-11-20T08:00:00Z" give the day; "2023" alone is not a date. */
    static Optional<LocalDate> date(String value) {
        Matcher matcher = DATE.matcher(value.strip());
        if (!matcher.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                    Integer.parseInt(matcher.group(3))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** "doi:10.1/x", "https://doi.org/10.1/x" and "10.1/x" are the same DOI. */
    static Optional<String> doi(String value) {
        Matcher matcher = DOI.matcher(value.strip());
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static Optional<String> first(org.jsoup.nodes.Document page, String... names) {
        for (String name : names) {
            Optional<String> value = all(page, name).stream().findFirst();
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    private static List<String> all(org.jsoup.nodes.Document page, String name) {
        return metaElements(page, name).stream().map(element -> element.attr("content").strip())
                .filter(value -> !value.isEmpty()).distinct().toList();
    }

    /** Meta tags by {@code name} or {@code property} (OpenGraph uses the latter), names compared ignoring case. */
    private static List<Element> metaElements(org.jsoup.nodes.Document page, String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return page.select("meta[content]").stream()
                .filter(element -> Stream.of(element.attr("name"), element.attr("property"))
                        .filter(Objects::nonNull).anyMatch(value -> value.toLowerCase(Locale.ROOT).equals(wanted)))
                .toList();
    }
}
