package org.paperdigest.publisher.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.paperdigest.publisher.content.Category;
import org.paperdigest.publisher.content.ContentLevel;
import org.paperdigest.publisher.content.Evidence;
import org.paperdigest.publisher.content.PaperContent;
import org.paperdigest.publisher.content.QuestionAnswer;
import org.paperdigest.publisher.content.Stage;

/** One paper of an issue page: what each part of its section shows, with 不明 where the sources say nothing. */
public record PaperPage(PaperContent paper) {

    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\R[ \\t]*\\R\\s*");

    /**
     * One answer with its evidence; {@code answer} reads 論文中に記載がありません (概要には… for an abstract-only paper)
     * when the source says nothing of what was asked, and {@code gaps} names each part it does not state.
     */
    public record QaItem(int number, String question, String answer, List<String> gaps, List<Quote> evidence) {

        /** The quote a reader sees at once; the others wait behind a toggle. */
        public Optional<Quote> firstQuote() {
            return evidence.stream().findFirst();
        }

        public List<Quote> moreQuotes() {
            return evidence.size() <= 1 ? List.of() : evidence.subList(1, evidence.size());
        }
    }

    /**
     * A quote and where it is: {@code href} links the PDF's page, and is empty without a PDF URL or a page. A quote
     * from a table whose cells the text separates ("Dense reranker | 56.1 | 30.3", a row a line) has them in
     * {@code rows}, to be shown as a small table; any other quote has none.
     */
    public record Quote(String text, String where, Optional<String> href, List<List<String>> rows) {

        private static final Pattern ROW_BREAK = Pattern.compile("\\R");
        private static final Pattern CELL_BREAK = Pattern.compile("\\s\\|\\s");

        static List<List<String>> tableRows(Evidence evidence) {
            boolean fromTable = evidence.section() != null && evidence.section().startsWith("Table ");
            if (!fromTable || !CELL_BREAK.matcher(evidence.quote()).find()) {
                return List.of();
            }
            return ROW_BREAK.splitAsStream(evidence.quote().strip()).map(String::strip).filter(row -> !row.isEmpty())
                    .map(row -> CELL_BREAK.splitAsStream(row).map(String::strip).toList()).toList();
        }
    }

    public List<HiddenTextNotice> hiddenTextNotices() {
        return HiddenTextNotice.of(paper);
    }

    public String anchor() {
        return "paper-" + paper.position();
    }

    public Optional<String> link() {
        return IssuePage.link(paper);
    }

    /** The one-line summary, or why there is none. */
    public String summary() {
        if (!paper.fetched()) {
            return "（論文を取得できませんでした）";
        }
        return IssuePage.isBlank(paper.summaryJa()) ? "（一行要約はありません: 要約を生成できませんでした）" : paper.summaryJa();
    }

    public String authors() {
        List<String> authors = paper.metadata().authors();
        return orUnknown(authors == null ? List.of() : authors);
    }

    public String published() {
        return IssueMarkdown.date(paper.fetched() ? paper.metadata().published() : null);
    }

    public String updated() {
        return IssueMarkdown.date(paper.metadata().updated());
    }

    public String categories() {
        List<Category> categories = paper.metadata().categories();
        return orUnknown(categories == null ? List.of() : categories.stream()
                .map(category -> IssuePage.isBlank(category.name()) ? category.code() : category.name())
                .toList());
    }

    public boolean abstractOnly() {
        return paper.contentLevel() == ContentLevel.ABSTRACT_ONLY;
    }

    public String abstractOnlyNote() {
        return IssueMarkdown.ABSTRACT_ONLY_NOTE;
    }

    /** The Japanese abstract's paragraphs; empty when summarizing failed. */
    public List<String> abstractJa() {
        return paragraphs(paper.abstractJa());
    }

    public List<String> abstractEn() {
        return paragraphs(paper.metadata().abstractText());
    }

    public String fetchFailure() {
        return IssueMarkdown.reason(paper, Stage.FETCH);
    }

    public String summaryFailure() {
        return IssueMarkdown.reason(paper, Stage.SUMMARIZE);
    }

    public String answerFailure() {
        return IssueMarkdown.reason(paper, Stage.ANSWER);
    }

    public List<String> keyResults() {
        return paper.keyResultsJa();
    }

    public List<PaperLinks.Item> links() {
        return PaperLinks.of(paper);
    }

    public List<QaItem> qa() {
        List<QaItem> items = new ArrayList<>();
        for (QuestionAnswer qa : paper.qa()) {
            List<Quote> quotes = qa.answerable() && qa.evidence() != null
                    ? qa.evidence().stream().map(this::quote).toList()
                    : List.of();
            items.add(new QaItem(items.size() + 1, qa.question(),
                    qa.answerable() ? qa.answer() : IssueMarkdown.notStated(paper.contentLevel()),
                    IssueMarkdown.gaps(qa, paper.contentLevel()), quotes));
        }
        return items;
    }

    public GenerationInfo generationInfo() {
        return GenerationInfo.of(paper);
    }

    /** A PDF page is linked only when the paper has an http(s) PDF URL and the quote has a page. */
    private Quote quote(Evidence evidence) {
        Optional<String> href = evidence.page() == null ? Optional.empty()
                : HttpUrl.of(paper.metadata().pdfUrl()).map(pdf -> withoutFragment(pdf) + "#page=" + evidence.page());
        return new Quote(evidence.quote(), IssueMarkdown.where(evidence, paper.contentLevel()), href,
                Quote.tableRows(evidence));
    }

    private static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    private static List<String> paragraphs(String text) {
        if (IssuePage.isBlank(text)) {
            return List.of();
        }
        return Arrays.stream(PARAGRAPH_BREAK.split(text.strip())).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    private static String orUnknown(List<String> values) {
        String joined = String.join(", ", values.stream().filter(Objects::nonNull).map(String::strip)
                .filter(value -> !value.isEmpty()).toList());
        return orUnknown(joined);
    }

    private static String orUnknown(String value) {
        return IssuePage.isBlank(value) ? IssueMarkdown.UNKNOWN : value;
    }
}
