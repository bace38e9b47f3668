package net.sguil.bridge.daemon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * The daemon's health, rewritten atomically every health interval as {@code status.json} in the
 * state directory, so that {@code sguil-bridge status} (or a monitoring script) can read it without
 * talking to the process.
 */
public final class StatusFile {
    public static final String NAME = "status.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StatusFile() {
    }

    static void write(Path stateDir, Map<String, Object> status) throws IOException {
        Path target = stateDir.resolve(NAME);
        Path tmp = stateDir.resolve(NAME + ".tmp");
        Files.write(tmp, JSON.writeValueAsBytes(status));
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The last status the daemon wrote. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(Path stateDir) throws IOException {
        return JSON.readValue(stateDir.resolve(NAME).toFile(), Map.class);
    }
}
