package org.paperdigest.publisher.render;

import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.paperdigest.publisher.content.IssueContent;
import org.paperdigest.publisher.content.PaperContent;

/**
 * The Atom 1.0 feed of published issues, one entry per issue in the order given. Ids and links are absolute URLs
 * under the public URL, so the public URL must stay the same for entry ids to stay stable. Untrusted text goes in
 * as plain text ({@code type="text"}): the XML writer escapes it and feed readers show it as text, never markup.
 */
public final class IssueFeed {

    public static final String MEDIA_TYPE = "application/atom+xml; charset=utf-8";
    static final String TITLE = "Paper Digest";
    static final String SUBTITLE = "Top ML Papers of the Week の論文を、日本語の要約とQ&Aで";
    /** What XML 1.0 cannot carry at all (NUL, most C0 controls, lone surrogates), which no escaping can fix. */
    private static final Pattern NOT_XML = Pattern.compile(
            "[^\\x09\\x0A\\x0D\\x20-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");

    private final String publicUrl;

    private IssueFeed(String publicUrl) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /**
     * @param issues    the published revisions, newest first
     * @param publicUrl where readers reach this service, e.g. {@code https://digest.example.org}
     */
    public static String render(List<IssueContent> issues, String publicUrl) {
        try {
            return new WireFeedOutput().outputString(new IssueFeed(publicUrl).feed(issues), true);
        } catch (FeedException e) {
            throw new IllegalStateException("the Atom feed could not be written", e);
        }
    }

    private Feed feed(List<IssueContent> issues) {
        Feed feed = new Feed("atom_1.0");
        feed.setId(publicUrl + "/feed.atom");
        feed.setTitleEx(text(TITLE));
        feed.setSubtitle(text(SUBTITLE));
        // An empty feed was never changed: the epoch keeps it identical from one request to the next.
        feed.setUpdated(Date.from(issues.isEmpty() ? Instant.EPOCH : issues.get(0).publishedAt()));
        Person author = new Person();
        author.setName(TITLE);
        feed.setAuthors(List.of(author));
        feed.setAlternateLinks(List.of(link("alternate", "text/html", publicUrl + "/")));
        feed.setOtherLinks(List.of(link("self", "application/atom+xml", publicUrl + "/feed.atom")));
        feed.setEntries(issues.stream().map(this::entry).toList());
        return feed;
    }

    private Entry entry(IssueContent issue) {
        String page = publicUrl + "/issues/" + issue.issueId();
        Entry entry = new Entry();
        entry.setId(page);
        entry.setTitleEx(text(issue.title() == null ? issue.issueId() : issue.title()));
        entry.setUpdated(Date.from(issue.publishedAt()));
        entry.setAlternateLinks(List.of(
                link("alternate", "text/html", page),
                link("alternate", "text/markdown", page + ".md")));
        entry.setSummary(text(issue.papers().stream().map(IssueFeed::paperLine).collect(Collectors.joining("\n"))));
        return entry;
    }

    private static String paperLine(PaperContent paper) {
        return "・" + paper.title() + ": " + SummaryLine.of(paper);
    }

    private static Content text(String value) {
        Content content = new Content();
        content.setType(Content.TEXT);
        content.setValue(NOT_XML.matcher(value).replaceAll(""));
        return content;
    }

    private static Link link(String rel, String type, String href) {
        Link link = new Link();
        link.setRel(rel);
        link.setType(type);
        link.setHref(href);
        return link;
    }
}
