package org.paperdigest.publisher.render;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperdigest.publisher.content.Stage;

/**
 * The Japanese a reader is shown for what the services record in English for operators: the fetcher's extraction
 * notes and the reasons a stage failed. The English stays in the JSON; a note or reason no rule knows reads as a
 * general sentence that points there, so no English string reaches the page or the Markdown.
 */
final class ReaderReasons {

    private record Rule(Pattern pattern, Function<Matcher, String> japanese) {
    }

    private static final Pattern HTTP_STATUS = Pattern.compile("HTTP (\\d{3})");

    private static final List<Rule> NOTES = List.of(
            rule("^full text unavailable: (.*)$", m -> "本文を取得できなかったため" + why(m.group(1))
                    + "、概要のみに基づいています"),
            rule("PDF could not be downloaded(.*)$", m -> "PDFをダウンロードできなかったため" + why(m.group(1))
                    + "、概要のみに基づいています"),
            rule("^full text cut at (\\d+) characters", m -> "本文が長いため、先頭の" + m.group(1) + "文字までを使っています"),
            rule("^page (\\d+) could not be read", m -> m.group(1) + "ページ目を読み取れなかったため除いています"),
            rule("^the list links to version (v\\d+), which is the version read; arXiv's latest version is (v\\d+)",
                    m -> "一覧が示す版（" + m.group(1) + "）を読んでいます。arXivの最新版は" + m.group(2) + "です"),
            rule("^arXiv's HTML rendering could not be read", m -> "arXivのHTML版を読めなかったため、PDFから本文を読んでいます"),
            rule("^quotes cite the PDF's pages: (\\d+) of the rendering's (\\d+) passages",
                    m -> "引用のページ番号はPDFと照合しています（" + m.group(2) + "段落中" + m.group(1) + "段落を照合）"),
            rule("^the PDF could not be read", m -> "PDFを読めなかったため、引用はページではなく節で示しています"));

    private static final List<Rule> FAILURES = List.of(
            rule("^arXiv returned no entry", m -> "arXivにこの論文が見つかりませんでした"),
            rule("^arXiv export API lookup failed", m -> "arXivの問い合わせに失敗しました"),
            rule("token budget|budget", m -> "この号の生成量の上限に達したため生成していません"),
            rule("invalid JSON|not the JSON", m -> "生成サーバーの応答を読み取れませんでした"),
            rule("failed validation|passed the|usable questions|no usable reply|protected span",
                    m -> "生成結果が検証を通りませんでした"),
            rule("circuit|unavailable|timed out|timeout|connect", m -> "生成サーバーに接続できませんでした"),
            rule("no abstract", m -> "概要がないため翻訳できませんでした"),
            rule(HTTP_STATUS.pattern(), m -> "取得先がエラーを返しました（HTTP " + m.group(1) + "）"));

    private ReaderReasons() {
    }

    /** An extraction note in Japanese. */
    static String note(String note) {
        return first(NOTES, note).orElse("抽出に関する注記があります（詳細はJSONを参照）");
    }

    /** Why a stage failed, in Japanese. */
    static String failure(Stage stage, String reason) {
        String general = switch (stage) {
            case FETCH -> "論文を取得できませんでした";
            case SUMMARIZE -> "概要の翻訳・要約を生成できませんでした";
            case ANSWER -> "Q&Aを生成できませんでした";
        };
        return first(FAILURES, reason).map(specific -> general + "（" + specific + "）").orElse(general)
                + "。詳細はJSONを参照してください";
    }

    private static java.util.Optional<String> first(List<Rule> rules, String text) {
        if (text == null) {
            return java.util.Optional.empty();
        }
        for (Rule rule : rules) {
            Matcher m = rule.pattern().matcher(text);
            if (m.find()) {
                return java.util.Optional.of(rule.japanese().apply(m));
            }
        }
        return java.util.Optional.empty();
    }

    /** {@code PDF download returned HTTP 404} → {@code （HTTP 404）}; no status, no detail. */
    private static String why(String detail) {
        Matcher status = HTTP_STATUS.matcher(detail);
        return status.find() ? "（HTTP " + status.group(1) + "）" : "";
    }

    private static Rule rule(String regex, Function<Matcher, String> japanese) {
        return new Rule(Pattern.compile(regex), japanese);
    }
}
