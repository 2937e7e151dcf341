package org.paperdigest.system;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for an OpenTelemetry collector (OTLP over HTTP, protobuf): takes every export, answers it as accepted
 * and keeps its body, so the services' tracing runs as configured for production without a collector here.
 */
final class OtlpSink implements AutoCloseable {

    private final HttpServer server;
    private final List<byte[]> exports = new CopyOnWriteArrayList<>();

    private OtlpSink(HttpServer server) {
        this.server = server;
    }

    static OtlpSink start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        OtlpSink sink = new OtlpSink(server);
        server.createContext("/", exchange -> {
            sink.exports.add(exchange.getRequestBody().readAllBytes());
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1); // an empty ExportTraceServiceResponse: all accepted
            exchange.close();
        });
        server.start();
        return sink;
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Whether an export so far names {@code text} (a service name is a plain string in the protobuf). */
    boolean received(String text) {
        byte[] wanted = text.getBytes(StandardCharsets.UTF_8);
        return exports.stream().anyMatch(body -> indexOf(body, wanted) >= 0);
    }

    private static int indexOf(byte[] body, byte[] wanted) {
        outer:
        for (int i = 0; i + wanted.length <= body.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (body[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
