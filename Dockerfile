# The four service images from one build: the modules compile once in the shared build stage, and each image is a
# target of its own. Built from the repository root, e.g. docker build --target publisher-service -t paperdigest/publisher-service .
# (docker-compose.yml builds all four this way.)
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q package -DskipTests -pl fetcher-service,summarizer-service,qa-service,publisher-service -am

# What every service image shares. Its health check needs no curl (the JRE image has none): bash's /dev/tcp asks
# for /q/health/ready and looks for the 200 in the status line.
FROM eclipse-temurin:17-jre AS service
WORKDIR /app
USER 185
EXPOSE 8080
# Size the heap from the container's memory limit, not the host's: half of it, because the rest of the JVM
# (metaspace, code cache, threads) measured about 200 MiB (dev/measure-memory.sh, deploy/kubernetes/README.md).
ENV JAVA_OPTS="-XX:MaxRAMPercentage=50 -Dquarkus.http.host=0.0.0.0 -Dquarkus.http.port=8080"
# Logs as JSON lines (issueId, paperKey and traceId in each line's MDC) for a log collector.
ENV QUARKUS_LOG_CONSOLE_JSON_ENABLED=true
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/quarkus-run.jar"]

FROM service AS fetcher-service
COPY --from=build --chown=185 /src/fetcher-service/target/quarkus-app/ /app/

FROM service AS summarizer-service
COPY --from=build --chown=185 /src/summarizer-service/target/quarkus-app/ /app/

FROM service AS qa-service
COPY --from=build --chown=185 /src/qa-service/target/quarkus-app/ /app/

FROM service AS publisher-service
COPY --from=build --chown=185 /src/publisher-service/target/quarkus-app/ /app/
