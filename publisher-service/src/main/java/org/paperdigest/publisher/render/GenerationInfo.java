package org.paperdigest.publisher.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.paperdigest.publisher.content.Generation;
import org.paperdigest.publisher.content.PaperContent;
import org.paperdigest.publisher.content.QualityReport;
import org.paperdigest.publisher.content.TokenUsage;

/**
 * How a paper's texts were made, in Japanese, for readers who want to know: each text's model, prompt, time, tokens
 * and checks, and the extraction notes. The page shows it in one collapsed block per paper, the Markdown as one line
 * at the foot of the section; the English detail (drop reasons, notes as recorded) is in the JSON.
 */
public record GenerationInfo(List<Provenance> provenance, List<String> notes, String totalTokens) {

    /** Who made a generated text, when, and what the checks found. */
    public record Provenance(String label, String model, String promptVersion, String generatedAt, String tokens,
            String checks) {
    }

    static GenerationInfo of(PaperContent paper) {
        List<Provenance> made = new ArrayList<>();
        Optional.ofNullable(paper.summaryGeneration()).ifPresent(g -> made.add(provenance("概要・要約・主な結果", g,
                q -> "保護箇所" + q.spansVerified() + "件一致・再依頼" + q.reasked() + "回・主な結果"
                        + paper.keyResultsJa().size() + "件掲載・除外" + q.dropped() + "件")));
        Optional.ofNullable(paper.qaGeneration()).ifPresent(g -> made.add(provenance("Q&A", g,
                q -> "質問" + q.generated() + "件中" + paper.qa().size() + "件掲載・除外" + q.dropped() + "件・再依頼"
                        + q.reasked() + "回・引用" + q.quotesVerified() + "件照合")));
        List<String> notes = paper.notes() == null ? List.of()
                : paper.notes().stream().map(ReaderReasons::note).toList();
        List<TokenUsage> usages = Stream.of(paper.summaryGeneration(), paper.qaGeneration()).filter(Objects::nonNull)
                .map(Generation::usage).filter(Objects::nonNull).toList();
        String total = "入力" + usages.stream().mapToInt(TokenUsage::inputTokens).sum()
                + "・出力" + usages.stream().mapToInt(TokenUsage::outputTokens).sum();
        return new GenerationInfo(List.copyOf(made), notes, total);
    }

    public boolean isEmpty() {
        return provenance.isEmpty() && notes.isEmpty();
    }

    /** One line: the checks, the tokens of all texts, the models with their prompts, and the notes. */
    String compact() {
        List<String> parts = new ArrayList<>();
        provenance.forEach(p -> parts.add(p.label() + " " + p.checks()));
        if (!provenance.isEmpty()) {
            parts.add("トークン " + totalTokens);
            parts.add("モデル " + provenance.stream().map(Provenance::model).distinct().collect(Collectors.joining(", "))
                    + "（プロンプト " + provenance.stream().map(Provenance::promptVersion)
                            .collect(Collectors.joining(", ")) + "）");
        }
        notes.forEach(note -> parts.add("注記 " + note));
        return String.join(" / ", parts);
    }

    private static Provenance provenance(String label, Generation generation, Function<QualityReport, String> checks) {
        TokenUsage usage = generation.usage();
        return new Provenance(label, orUnknown(generation.model()), orUnknown(generation.promptVersion()),
                Times.minute(generation.generatedAt()),
                usage == null ? IssueMarkdown.UNKNOWN : "入力" + usage.inputTokens() + "・出力" + usage.outputTokens(),
                Optional.ofNullable(generation.quality()).map(checks).orElse(IssueMarkdown.UNKNOWN));
    }

    private static String orUnknown(String value) {
        return value == null || value.isBlank() ? IssueMarkdown.UNKNOWN : value;
    }
}
