package net.sguil.bridge.mime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * One node of a message's MIME tree as analysed: what it declared, what it was treated as, and
 * where its body went. Rendered by {@link #appendSkeleton} in the manner of Perl MIME::Entity's
 * {@code dump_skeleton}.
 */
public final class MimeEntity {
    private static final int MAX_SHOWN_VALUE = 300;

    private final String contentType;
    private String effectiveType;
    private String bodyFile;
    private String recommendedFilename;
    private String subject;
    private final List<MimeEntity> parts = new ArrayList<>();

    MimeEntity(String contentType) {
        this.contentType = contentType;
        this.effectiveType = contentType;
    }

    /** The declared type, lower case, without parameters ({@code text/plain} when none was declared). */
    public String contentType() {
        return contentType;
    }

    /** The type the entity was treated as: {@code application/octet-stream} when it could not be taken as declared. */
    public String effectiveType() {
        return effectiveType;
    }

    /** Path of the stored body, or null when the body was not stored (containers, text bodies). */
    public String bodyFile() {
        return bodyFile;
    }

    /** The declared file name, decoded, or null. */
    public String recommendedFilename() {
        return recommendedFilename;
    }

    /** The entity's own Subject header, decoded, or null. */
    public String subject() {
        return subject;
    }

    public List<MimeEntity> parts() {
        return Collections.unmodifiableList(parts);
    }

    void effectiveType(String t) {
        this.effectiveType = t;
    }

    void bodyFile(String path) {
        this.bodyFile = path;
    }

    void recommendedFilename(String name) {
        this.recommendedFilename = name;
    }

    void subject(String s) {
        this.subject = s;
    }

    void addPart(MimeEntity e) {
        parts.add(e);
    }

    /**
     * Appends this entity and its parts, four spaces of indent per level. Iterative: the tree is as
     * deep as the message makes it.
     */
    public void appendSkeleton(StringBuilder out) {
        Deque<Map.Entry<MimeEntity, Integer>> todo = new ArrayDeque<>();
        todo.push(Map.entry(this, 0));
        while (!todo.isEmpty()) {
            Map.Entry<MimeEntity, Integer> next = todo.pop();
            MimeEntity e = next.getKey();
            int level = next.getValue();
            e.appendOwnLines(out, "    ".repeat(level));
            for (int i = e.parts.size() - 1; i >= 0; i--) {
                todo.push(Map.entry(e.parts.get(i), level + 1));
            }
        }
    }

    private void appendOwnLines(StringBuilder out, String ind) {
        out.append(ind).append("Content-type: ").append(shown(contentType)).append('\n');
        out.append(ind).append("Effective-type: ").append(shown(effectiveType)).append('\n');
        out.append(ind).append("Body-file: ").append(bodyFile == null ? "NONE" : shown(bodyFile)).append('\n');
        if (recommendedFilename != null && !recommendedFilename.isEmpty()) {
            out.append(ind).append("Recommended-filename: ").append(shown(recommendedFilename)).append('\n');
        }
        if (subject != null && !subject.isEmpty()) {
            out.append(ind).append("Subject: ").append(shown(subject)).append('\n');
        }
        if (!parts.isEmpty()) {
            out.append(ind).append("Num-parts: ").append(parts.size()).append('\n');
        }
        out.append(ind).append("--\n");
    }

    /** Values come from attackers: control characters are escaped so they cannot forge lines. */
    private static String shown(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), MAX_SHOWN_VALUE + 8));
        for (int i = 0; i < s.length() && b.length() < MAX_SHOWN_VALUE; i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        if (b.length() >= MAX_SHOWN_VALUE) {
            b.append("...");
        }
        return b.toString();
    }
}
