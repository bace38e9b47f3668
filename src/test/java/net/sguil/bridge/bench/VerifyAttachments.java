package net.sguil.bridge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the attachments {@code extract --json} reported against what the generator wrote: every
 * one found once, complete, with the generator's size and hashes. Prints one line; exits 1 unless
 * all are exact.
 * Usage: VerifyAttachments MANIFEST EXTRACT.json
 */
public final class VerifyAttachments {
    private VerifyAttachments() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, Manifest.Entry> expected = new HashMap<>();
        List<Manifest.Entry> entries = Manifest.read(Path.of(args[0]));
        entries.forEach(e -> expected.put(e.attachment().name(), e));
        ObjectMapper json = new ObjectMapper();
        int exact = 0;
        int wrong = 0;
        int unexpected = 0;
        try (BufferedReader in = Files.newBufferedReader(Path.of(args[1]))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode o = json.readTree(line);
                if (!"attachment".equals(o.path("type").asText())) {
                    continue;
                }
                Manifest.Entry e = expected.remove(o.path("filename").asText());
                if (e == null) {
                    unexpected++;
                } else if ("complete".equals(o.path("state").asText()) && o.path("size").asLong() == e.size()
                        && e.md5().equals(o.path("md5").asText()) && e.sha1().equals(o.path("sha1").asText())
                        && e.sha256().equals(o.path("sha256").asText())) {
                    exact++;
                } else {
                    wrong++;
                    if (wrong <= 5) {
                        System.err.println("differs: " + e.attachment() + " expected size " + e.size() + " " + e.md5()
                                + ", got " + line);
                    }
                }
            }
        }
        System.out.printf("attachments: %d expected, %d exact (complete, size and MD5/SHA-1/SHA-256 as generated), "
                + "%d differ, %d missing, %d unexpected%n", entries.size(), exact, wrong, expected.size(), unexpected);
        if (exact != entries.size() || unexpected > 0) {
            System.exit(1);
        }
    }
}
