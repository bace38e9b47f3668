package net.sguil.bridge.daemon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import net.sguil.bridge.state.AtomicFile;

/**
 * The daemon's health, rewritten atomically every health interval as {@code status.json} in the
 * state directory, so that {@code sguil-bridge status} (or a monitoring script) can read it without
 * talking to the process. Readable by the owner and the group.
 */
public final class StatusFile {
    public static final String NAME = "status.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private StatusFile() {
    }

    static void write(Path stateDir, DaemonStatus status) throws IOException {
        byte[] json = JSON.writeValueAsBytes(status);
        AtomicFile.write(stateDir.resolve(NAME), AtomicFile.GROUP_READABLE, out -> out.write(json));
    }

    /** The last status the daemon wrote; {@link java.nio.file.NoSuchFileException} when it never wrote one. */
    public static DaemonStatus load(Path stateDir) throws IOException {
        try (InputStream in = Files.newInputStream(stateDir.resolve(NAME))) {
            return JSON.readValue(in, DaemonStatus.class);
        }
    }

    /** The same file as plain JSON, field by field, as a monitoring script sees it. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(Path stateDir) throws IOException {
        return JSON.readValue(stateDir.resolve(NAME).toFile(), Map.class);
    }

    /** {@code status} as JSON text, the way the file holds it. */
    public static String json(DaemonStatus status) throws IOException {
        return JSON.writeValueAsString(status);
    }
}
