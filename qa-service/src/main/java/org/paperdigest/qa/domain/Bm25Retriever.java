package org.paperdigest.qa.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Ranks one paper's chunks for a question with Lucene's BM25 over an in-memory index of that paper. Text and
 * question go through the same English analysis (lower-casing, stop words, possessives, Porter stemming), so
 * "limitations" finds "limited" and "questions" finds "question". The question's terms become a query built here
 * rather than parsed, so a question's punctuation ({@code "GPT-4?"}, quotes, colons) is never read as query syntax.
 * Close it when the paper is done.
 */
public final class Bm25Retriever implements AutoCloseable {

    private static final String TEXT = "text";
    private static final String ORDER = "order";
    /**
     * Lucene's English stop words, the ones {@link TextSimilarity} ignores, and the words of "how many/much": they
     * shape a question but say nothing about where its answer is.
     */
    private static final CharArraySet STOPWORDS = stopwords();

    private final List<Chunk> chunks;
    private final Analyzer analyzer = new EnglishAnalyzer(STOPWORDS);
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    public Bm25Retriever(List<Chunk> chunks) {
        this.chunks = List.copyOf(chunks);
        try {
            try (IndexWriter writer = new IndexWriter(directory,
                    new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity()))) {
                for (int i = 0; i < this.chunks.size(); i++) {
                    Chunk chunk = this.chunks.get(i);
                    Document doc = new Document();
                    // The section heading is searchable too: "limitations" should find the text under "6 Limitations".
                    String text = (chunk.section() == null ? "" : chunk.section() + "\n") + chunk.text();
                    doc.add(new TextField(TEXT, text, Field.Store.NO));
                    doc.add(new StoredField(ORDER, i));
                    writer.addDocument(doc);
                }
            }
            reader = DirectoryReader.open(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot index the paper's chunks in memory", e);
        }
        searcher = new IndexSearcher(reader);
        searcher.setSimilarity(new BM25Similarity());
    }

    /**
     * The {@code k} best chunks for {@code query}, best first; ties keep reading order, and chunks that match no
     * term follow in reading order, so there are always {@code min(k, chunks)} of them.
     */
    public List<Chunk> top(String query, int k) {
        List<Integer> order = new ArrayList<>(rank(query));
        Set<Integer> matched = new LinkedHashSet<>(order);
        for (int i = 0; i < chunks.size(); i++) {
            if (!matched.contains(i)) {
                order.add(i);
            }
        }
        return order.subList(0, Math.min(k, order.size())).stream().map(chunks::get).toList();
    }

    /** The positions of the chunks that match a term of {@code query}, best first; ties keep reading order. */
    public List<Integer> rank(String query) {
        List<Scored> hits = new ArrayList<>();
        Set<String> terms = terms(query);
        try {
            if (!terms.isEmpty() && !chunks.isEmpty()) {
                BooleanQuery.Builder builder = new BooleanQuery.Builder();
                terms.forEach(t -> builder.add(new TermQuery(new Term(TEXT, t)), BooleanClause.Occur.SHOULD));
                for (ScoreDoc hit : searcher.search(builder.build(), chunks.size()).scoreDocs) {
                    int order = searcher.storedFields().document(hit.doc).getField(ORDER).numericValue().intValue();
                    hits.add(new Scored(order, hit.score));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search the paper's chunks", e);
        }
        hits.sort(Comparator.comparingDouble((Scored s) -> -s.score()).thenComparingInt(Scored::order));
        return hits.stream().map(Scored::order).toList();
    }

    /** The distinct index terms of {@code text}, as the analyzer makes them; at most BooleanQuery's clause limit. */
    Set<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream(TEXT, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && terms.size() < IndexSearcher.getMaxClauseCount()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse the question", e);
        }
        return terms;
    }

    @Override
    public void close() {
        try {
            reader.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            analyzer.close();
        }
    }

    private static CharArraySet stopwords() {
        CharArraySet set = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        set.addAll(TextSimilarity.STOPWORDS);
        set.addAll(List.of("many", "much"));
        return CharArraySet.unmodifiableSet(set);
    }

    private record Scored(int order, float score) {
    }
}
