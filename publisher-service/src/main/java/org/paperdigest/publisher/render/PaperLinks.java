package org.paperdigest.publisher.render;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.paperdigest.publisher.content.PaperContent;
import org.paperdigest.publisher.content.ResourceLink;

/**
 * One paper's links block, the same in both formats: its landing page and PDF, then each code, data, model or
 * project-page URL its own text gives, named by what its host serves and shown with the sentence it stands in.
 * Only absolute http(s) URLs become links.
 */
public final class PaperLinks {

    /**
     * One link: {@code sentence} and {@code where} are empty for the paper's own pages.
     *
     * @param where the page the sentence stands on, e.g. {@code (p. 3)}; empty in the abstract
     */
    public record Item(String label, String href, String sentence, String where) {
    }

    private PaperLinks() {
    }

    static List<Item> of(PaperContent paper) {
        List<Item> items = new ArrayList<>();
        if (!paper.fetched()) {
            return items;
        }
        HttpUrl.of(paper.metadata().url()).ifPresent(url -> items.add(new Item("論文ページ", url, "", "")));
        HttpUrl.of(paper.metadata().pdfUrl()).ifPresent(url -> items.add(new Item("PDF", url, "", "")));
        for (ResourceLink link : paper.resourceLinks()) {
            Optional<String> url = HttpUrl.of(link.url());
            if (url.isPresent()) {
                items.add(new Item(label(url.get()), url.get(), link.sentence() == null ? "" : link.sentence().strip(),
                        link.page() == null ? "" : "(p. " + link.page() + ")"));
            }
        }
        return items;
    }

    /** What a reader may expect behind the URL, by its host. */
    static String label(String url) {
        String host = host(url);
        String path = URI.create(url).getRawPath();
        if (host.equals("huggingface.co") || host.endsWith(".huggingface.co")) {
            path = path == null ? "" : path;
            return path.startsWith("/datasets/") ? "データ" : path.startsWith("/spaces/") ? "デモ" : "モデル";
        }
        if (host.endsWith("github.io") || host.equals("sites.google.com")) {
            return "プロジェクトページ";
        }
        if (List.of("github.com", "gitlab.com", "bitbucket.org", "codeberg.org").contains(host)) {
            return "コード";
        }
        if (List.of("zenodo.org", "figshare.com", "kaggle.com", "data.mendeley.com", "osf.io").contains(host)) {
            return "データ";
        }
        return "関連ページ";
    }

    private static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            host = host == null ? "" : host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
