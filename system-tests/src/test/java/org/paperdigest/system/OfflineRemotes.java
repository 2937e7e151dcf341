package org.paperdigest.system;

import org.paperdigest.testing.FakeOpenAiServer;
import org.paperdigest.testing.FixtureServer;

/**
 * Test tool for watching the pipeline offline by hand: starts the fixture server (recorded dair-ai list, arXiv
 * answers, PDFs) and the fake OpenAI-compatible LLM, and prints the settings that point the services at them.
 * Never a production LLM: the fake only rearranges what it is sent.
 */
public final class OfflineRemotes {

    private OfflineRemotes() {
    }

    public static void main(String[] args) throws InterruptedException {
        FixtureServer fixtures = FixtureServer.start();
        FakeOpenAiServer llm = FakeOpenAiServer.start();
        System.out.println("Fixture server: " + fixtures.baseUrl());
        System.out.println("Fake LLM (test only): " + llm.baseUrl());
        System.out.println();
        System.out.println("fetcher-service:    -Dpaperdigest.fetcher.readme-url=" + fixtures.readmeUrl()
                + " -Dpaperdigest.fetcher.arxiv.api-url=" + fixtures.arxivApiUrl()
                + " -Dpaperdigest.fetcher.arxiv.pdf-base-url=" + fixtures.arxivPdfBaseUrl()
                + " -Dpaperdigest.fetcher.arxiv.html-base-url=" + fixtures.arxivHtmlBaseUrl()
                + " -Dpaperdigest.fetcher.arxiv.min-interval=PT0.1S"
                + " -Dpaperdigest.fetcher.download.allow-private-hosts=true");
        System.out.println("summarizer-service, qa-service: -Dquarkus.langchain4j.openai.base-url=" + llm.baseUrl()
                + " -Dquarkus.langchain4j.openai.api-key=test-key");
        System.out.flush();
        Thread.currentThread().join();
    }
}
