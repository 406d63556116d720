# The sample bot with memdebug, as a Render user deploys it (see render.yaml).
#
#   docker build -t memdebug/sample-bot .                  # builds the jars with Maven in the 'build' stage
#   docker run --rm -p 127.0.0.1:8080:8080 -m 512m memdebug/sample-bot
#   docker run --rm --network none -m 512m memdebug/sample-bot --simulate seed-crash
#
# With no image registry (this project's CI), build the jars with Maven on the host and use a local JRE
# base for every stage (Debian's docker.io has only the legacy builder, which runs every stage, so the
# 'build' stage must be able to run without Maven; it then does nothing):
#   docker build --build-arg BUILD_IMAGE=memdebug/jre17-base:bookworm --build-arg RUNTIME_IMAGE=memdebug/jre17-base:bookworm \
#                --build-arg JARS=prebuilt -t memdebug/sample-bot .

ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-17
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre
# 'build' compiles inside Docker (Render); 'prebuilt' takes agent/target and sample-bot/target from the context.
ARG JARS=build

FROM ${BUILD_IMAGE} AS build
WORKDIR /src
COPY pom.xml .
COPY agent/pom.xml agent/
COPY agent-tests/pom.xml agent-tests/
COPY sample-bot/pom.xml sample-bot/
COPY agent/src agent/src
COPY sample-bot/src sample-bot/src
RUN mkdir -p /jars && if command -v mvn >/dev/null 2>&1; then \
      mvn -B -q -DskipTests package -pl agent,sample-bot -am \
      && cp agent/target/memdebug-agent.jar sample-bot/target/sample-bot.jar /jars/; \
    else echo "no Maven in this build image: the jars come from JARS=prebuilt"; fi

FROM scratch AS prebuilt
COPY agent/target/memdebug-agent.jar sample-bot/target/sample-bot.jar /jars/

FROM ${JARS} AS jars

FROM ${RUNTIME_IMAGE}
WORKDIR /app
COPY --from=jars /jars/memdebug-agent.jar /jars/sample-bot.jar /app/
COPY sample-bot/agent.properties /app/agent.properties
ENV PORT=8080
EXPOSE 8080
# JVM flags for a 512 MB container:
#  - MaxRAMPercentage=60: the heap may take 60% of the container limit (307 MB of 512 MB), leaving the
#    rest for metaspace, code cache, thread stacks, GC structures and direct buffers;
#  - MaxDirectMemorySize is left at its default (= max heap), as most apps run: the sample bot's
#    downloads use direct buffers, so heap + direct can still exceed 512 MB. That is the classic
#    "exit 137 with no OutOfMemoryError" that memdebug is there to explain. Set it lower (for example
#    -XX:MaxDirectMemorySize=96m) in JAVA_OPTS to turn the kill into an OutOfMemoryError instead;
#  - -Xss512k halves the default thread stack reservation.
# JAVA_OPTS is appended, so it can override any of these.
ENV JAVA_TOOL_OPTIONS=""
ENV JAVA_OPTS=""
ENTRYPOINT ["sh", "-c", "exec java -javaagent:/app/memdebug-agent.jar=config=/app/agent.properties -XX:MaxRAMPercentage=60 -Xss512k $JAVA_OPTS -jar /app/sample-bot.jar \"$@\"", "sample-bot"]
CMD []
