package org.paperdigest.publisher.rest;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * How a read is answered: on the event loop when memory holds what it needs (a 200 or a 304 then costs no thread
 * hop), otherwise on a worker thread, since the database is read through Hibernate, which must not block the event
 * loop. A resource method returning this {@link Uni} runs on the event loop.
 */
final class MemoryOrWorker {

    private MemoryOrWorker() {
    }

    /**
     * @param inMemory what memory holds; empty when the database must be asked
     * @param load     reads it from the database, on a worker thread; empty when there is none
     * @param respond  the answer to what was found; it is given an empty value only on the worker thread, so it may
     *                 read the database then
     */
    static <T> Uni<Response> answer(Optional<T> inMemory, Callable<Optional<T>> load,
            Function<Optional<T>, Response> respond) {
        if (inMemory.isPresent()) {
            return Uni.createFrom().item(() -> respond.apply(inMemory));
        }
        return VertxContextSupport.executeBlocking(() -> respond.apply(load.call()));
    }
}
