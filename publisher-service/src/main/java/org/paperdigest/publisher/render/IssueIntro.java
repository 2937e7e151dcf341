package org.paperdigest.publisher.render;

import java.util.regex.Pattern;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.paperdigest.publisher.content.IssueContent;
import org.paperdigest.publisher.domain.IssueIds;

/**
 * The paragraph that opens an issue, in the deployment's own words: Markdown from configuration, one for weekly
 * issues ({@value #WEEKLY_KEY}) and one for custom ones ({@value #CUSTOM_KEY}), which are no week of the weekly
 * list. The page gets it as HTML with any raw HTML escaped and unsafe link targets dropped; the Markdown gets it
 * with raw HTML escaped, so configuration can add links and emphasis but no markup of its own.
 */
public final class IssueIntro {

    static final String WEEKLY_KEY = "paperdigest.publisher.intro.weekly";
    static final String CUSTOM_KEY = "paperdigest.publisher.intro.custom";

    static final String DEFAULT_WEEKLY = "[dair.ai の Top ML Papers of the Week](https://github.com/dair-ai/ML-Papers-of-the-Week)"
            + " に今週選ばれた論文を、日本語で読めるようにまとめました。各論文には概要の日本語訳、主な結果、論文が示す"
            + "コード・データへのリンク、本文に基づくQ&Aがあり、回答には根拠となる引用とページを添えています。"
            + "文章は言語モデルが書き、数値と引用は論文と照合しています。";
    static final String DEFAULT_CUSTOM = "選ばれた論文を日本語で読めるようにまとめた特集号です。各論文には概要の日本語訳、"
            + "主な結果、論文が示すコード・データへのリンク、本文に基づくQ&Aがあり、回答には根拠となる引用とページを"
            + "添えています。文章は言語モデルが書き、数値と引用は論文と照合しています。";

    /** {@code <} that opens no http(s) autolink would be raw HTML in CommonMark. */
    private static final Pattern RAW_HTML = Pattern.compile("<(?!https?://[^\\s<>]*>)");
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private IssueIntro() {
    }

    /** The configured Markdown for the issue's kind, or our default wording. */
    static String markdown(IssueContent issue) {
        boolean custom = IssueIds.isCustom(issue.issueId());
        String configured = ConfigProvider.getConfig()
                .getOptionalValue(custom ? CUSTOM_KEY : WEEKLY_KEY, String.class).orElse("");
        return configured.isBlank() ? (custom ? DEFAULT_CUSTOM : DEFAULT_WEEKLY) : configured.strip();
    }

    /** The intro as the Markdown of the issue writes it. */
    static String forMarkdown(IssueContent issue) {
        return escapeRawHtml(markdown(issue));
    }

    /** The intro as the page's HTML. */
    public static String html(IssueContent issue) {
        return html(markdown(issue));
    }

    static String escapeRawHtml(String markdown) {
        return RAW_HTML.matcher(markdown).replaceAll("\\\\<");
    }

    static String html(String markdown) {
        return HTML.render(PARSER.parse(markdown));
    }
}
