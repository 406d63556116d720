package dev.memdebug.it.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * What a JDK Flight Recorder disk repository holds after its JVM was killed: the chunk files, their
 * bytes, the events that can still be read, and the end time of the latest of them. A chunk the kill
 * left torn is read as far as it goes; reading stops at the first error and the chunk counts as torn.
 */
record JfrRepository(int chunks, long bytes, long events, int tornChunks, long lastEventMillis) {

    static JfrRepository read(Path repository) throws IOException {
        if (!Files.isDirectory(repository)) {
            return new JfrRepository(0, 0, 0, 0, -1);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(repository)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        int chunks = 0;
        int torn = 0;
        long bytes = 0;
        long events = 0;
        long last = -1;
        for (Path f : files) {
            bytes += Files.size(f);
            if (!f.getFileName().toString().endsWith(".jfr")) {
                continue;
            }
            chunks++;
            try (RecordingFile rf = new RecordingFile(f)) {
                while (rf.hasMoreEvents()) {
                    RecordedEvent e = rf.readEvent();
                    events++;
                    Instant end = e.getEndTime();
                    last = Math.max(last, end.toEpochMilli());
                }
            } catch (IOException | RuntimeException e) {
                torn++;
            }
        }
        return new JfrRepository(chunks, bytes, events, torn, last);
    }
}
