package org.paperdigest.testing;

/**
 * Test tool for running the pipeline offline ({@code dev/up.sh --offline}, {@code dev/measure-memory.sh}, or by
 * hand): starts the fixture server (recorded dair-ai list, arXiv answers, PDFs) and the fake OpenAI-compatible LLM,
 * and prints the settings that point the services at them, one line for the fetcher and one for the summarizer and
 * qa. Never a production LLM: the fake only rearranges what it is sent. With {@code --small-model} the LLM services
 * ask for {@code json_object} and the fake answers as small local models do ({@link FakeOpenAiServer.Wrapping}).
 */
public final class OfflineRemotes {

    private OfflineRemotes() {
    }

    public static void main(String[] args) throws InterruptedException {
        boolean smallModel = java.util.Arrays.asList(args).contains("--small-model");
        FixtureServer fixtures = FixtureServer.start();
        FakeOpenAiServer llm = FakeOpenAiServer.start();
        if (smallModel) {
            llm.answerJsonObjectLikeSmallModels();
        }
        System.out.println("Fixture server: " + fixtures.baseUrl());
        System.out.println("Fake LLM (test only): " + llm.baseUrl() + (smallModel ? " answering like a small model" : ""));
        System.out.println();
        System.out.println("fetcher-service:    -Dpaperdigest.fetcher.readme-url=" + fixtures.readmeUrl()
                + " -Dpaperdigest.fetcher.arxiv.api-url=" + fixtures.arxivApiUrl()
                + " -Dpaperdigest.fetcher.arxiv.pdf-base-url=" + fixtures.arxivPdfBaseUrl()
                + " -Dpaperdigest.fetcher.arxiv.html-base-url=" + fixtures.arxivHtmlBaseUrl()
                + " -Dpaperdigest.fetcher.arxiv.min-interval=PT0.1S"
                + " -Dpaperdigest.fetcher.download.allow-private-hosts=true"
                + " -Dpaperdigest.fetcher.schedule.enabled=false");
        // The fake's model name, so that each paper's provenance names what made it.
        System.out.println("summarizer-service, qa-service: -Dquarkus.langchain4j.openai.base-url=" + llm.baseUrl()
                + " -Dquarkus.langchain4j.openai.api-key=test-key"
                + " -Dquarkus.langchain4j.openai.chat-model.model-name=" + FakeOpenAiServer.MODEL
                + (smallModel ? " -Dquarkus.langchain4j.openai.chat-model.response-format=json_object" : ""));
        System.out.flush();
        Thread.currentThread().join();
    }
}
