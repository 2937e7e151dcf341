package org.paperdigest.publisher.rest;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Serves a folder of files at {@code /files/} with Vert.x's static-file handler (the one that serves this app's own
 * {@code /static/} files), only where {@code paperdigest.publisher.static-folder} names one; unset, nothing is
 * served. {@code dev/bench-read.sh} sets it to measure the stored bytes against the same bytes as files.
 */
@ApplicationScoped
public class StaticFolderRoute {

    void route(@Observes Router router,
            @ConfigProperty(name = "paperdigest.publisher.static-folder") Optional<String> folder) {
        folder.ifPresent(path -> router.route("/files/*")
                .handler(StaticHandler.create(FileSystemAccess.ROOT, path)));
    }
}
