# The sample bot with memdebug, as a Render user deploys it (see render.yaml).
#
# With a registry (Render, a laptop), Maven builds the jars inside Docker:
#   docker build -t memdebug/sample-bot .
#   docker run --rm -p 127.0.0.1:8080:8080 -m 512m memdebug/sample-bot
#   docker run --rm --network none -m 512m memdebug/sample-bot --simulate seed-crash
#
# With no registry (this project's CI): build the jars with Maven on the host, use the local JRE base
# image made by .ci/base-image.sh, and take the jars from the build context (JARS=prebuilt):
#   docker build --build-arg BUILD_IMAGE=memdebug/jre17-base:bookworm \
#                --build-arg RUNTIME_IMAGE=memdebug/jre17-base:bookworm \
#                --build-arg JARS=prebuilt -t memdebug/sample-bot .
# BUILD_IMAGE is needed because the legacy builder (the one Debian's docker.io 20.10 uses, the one the
# Docker 28 CLI falls back to when buildx is missing, and the one Testcontainers/docker-java drives)
# builds EVERY stage, used or not: without it the 'build' stage would pull maven:... and fail. With
# BuildKit, which skips unused stages, JARS and RUNTIME_IMAGE are enough; Debian's own 20.10 CLI uses
# the daemon's built-in BuildKit without buildx:
#   DOCKER_BUILDKIT=1 /usr/bin/docker build --build-arg RUNTIME_IMAGE=memdebug/jre17-base:bookworm \
#                --build-arg JARS=prebuilt -t memdebug/sample-bot .

ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-17
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre
# build: compile with Maven in the 'build' stage; prebuilt: agent/target and sample-bot/target from the context.
ARG JARS=build

FROM ${BUILD_IMAGE} AS build
ARG JARS
WORKDIR /src
COPY pom.xml ./
COPY agent/pom.xml agent/
COPY agent-tests/pom.xml agent-tests/
COPY sample-bot/pom.xml sample-bot/
COPY agent/src agent/src
COPY sample-bot/src sample-bot/src
# The legacy builder runs this stage even when JARS=prebuilt: it then does nothing.
RUN mkdir -p /jars; \
    if [ "$JARS" = prebuilt ]; then \
      echo "JARS=prebuilt: the jars come from the build context, no Maven build"; \
    elif command -v mvn >/dev/null 2>&1; then \
      mvn -B -q -DskipTests package -pl agent,sample-bot -am \
      && cp agent/target/memdebug-agent.jar sample-bot/target/sample-bot.jar /jars/; \
    else \
      echo "BUILD_IMAGE has no Maven: build the jars on the host and pass --build-arg JARS=prebuilt" >&2; exit 1; \
    fi

FROM scratch AS prebuilt
COPY agent/target/memdebug-agent.jar sample-bot/target/sample-bot.jar /jars/

# COPY --from does not expand build arguments; a stage named by one does.
FROM ${JARS} AS jars

FROM ${RUNTIME_IMAGE}
WORKDIR /app
COPY --from=jars /jars/memdebug-agent.jar /jars/sample-bot.jar /app/
COPY sample-bot/agent.properties /app/agent.properties
ENV PORT=8080
EXPOSE 8080
# JVM flags for a 512 MB container (Render's starter plan):
#  - -XX:MaxRAMPercentage=60: the heap is sized from the container's memory limit (cgroup), not the
#    host's: 60% of 512 MB = 307 MB. The other ~200 MB is for what is not heap: metaspace, class
#    space and code cache (~35 MB for the bot with the agent, measured with NativeMemoryTracking),
#    thread stacks, GC structures, malloc arenas and direct buffers. (The JVM's default, 25%, would
#    leave half the container unused.)
#  - -Xss512k: half the default 1 MB stack per thread; the bot's threads do not recurse deeply.
#  - -XX:MaxDirectMemorySize is deliberately NOT set: it then defaults to the max heap (307 MB), as in
#    most deployments, so heap + direct buffers CAN exceed 512 MB. The bot keeps its sessions on the
#    heap and its downloads in direct buffers, and its seed-crash scenario ends the realistic way: the
#    kernel OOM-kills the JVM (exit 137, no OutOfMemoryError, no stack trace), which is what memdebug's
#    log explains. Cap it (for example JAVA_OPTS="-XX:MaxDirectMemorySize=96m") to get an
#    OutOfMemoryError instead; raise it (-XX:MaxDirectMemorySize=1g) to let a slow direct-buffer leak
#    (--simulate leak) reach the kernel's limit instead of stopping at the 307 MB direct cap.
#  - no -XX:+ExitOnOutOfMemoryError: the bot catches OutOfMemoryError per request and keeps serving,
#    and the agent logs it; exiting would hide both.
# $JAVA_OPTS comes after these flags, so it can override any of them (the last occurrence wins).
# sh -c + exec: $JAVA_OPTS is word-split, java replaces the shell as PID 1 and receives SIGTERM itself
# (the agent then writes its clean-shutdown record), and arguments given to `docker run IMAGE ...`
# reach the bot: docker run ... memdebug/sample-bot --simulate seed-crash
ENV JAVA_OPTS=""
ENTRYPOINT ["sh", "-c", "exec java -javaagent:/app/memdebug-agent.jar=config=/app/agent.properties -XX:MaxRAMPercentage=60 -Xss512k $JAVA_OPTS -jar /app/sample-bot.jar \"$@\"", "sample-bot"]
CMD []
